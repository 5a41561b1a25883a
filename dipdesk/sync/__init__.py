"""dipdesk.sync."""
