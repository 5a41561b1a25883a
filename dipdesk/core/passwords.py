"""Rules for users' passwords (the first-run wizard checks them before the services load)."""

from __future__ import annotations

MIN_PASSWORD = 8  # characters
