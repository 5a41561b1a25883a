"""Fixtures of the sync tests (the helpers live in `synctest.py`, importable by the test modules)."""

from __future__ import annotations

from synctest import devices, server

__all__ = ["devices", "server"]
