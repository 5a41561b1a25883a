"""dipdesk.store."""
