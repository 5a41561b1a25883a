"""dipdesk.core."""
