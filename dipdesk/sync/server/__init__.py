"""dipdesk.sync.server."""
