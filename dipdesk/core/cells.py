"""Spreadsheet cells that cannot run (OWASP, CSV/formula injection): text that begins with `=`, `+`, `-`,
`@`, a tab or a carriage return is written with a leading `'`, so Excel and LibreOffice show it as text
instead of evaluating `=HYPERLINK(…)` or `+cmd|…` (issue 17). Every xlsx export, the import error sheet and
`list --format csv` write through `formula_safe`; reading an import takes the `'` off again
(`formula_unsafe`), so an error sheet fixed and imported again keeps the values as they were typed.
"""

from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: Any) -> Any:
    """`value` as a spreadsheet may hold it without evaluating it (non-text values unchanged)."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def formula_unsafe(value: Any) -> Any:
    """The value `formula_safe` protected, as it was."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value
