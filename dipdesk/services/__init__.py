"""dipdesk.services."""
