"""Table models of the record screens: lazy, SQL-backed, safe to scroll at any size."""

from dipdesk.ui.models.refcounts import guard_singletons

guard_singletons()  # before any Qt call of these models: see refcounts.py (PySide6 6.12 on Python 3.11)

from dipdesk.ui.models.columns import cell_text, code_choices, code_label, header  # noqa: E402
from dipdesk.ui.models.lazy import IdRole, LazyTableModel, RawRole  # noqa: E402

__all__ = [
    "IdRole",
    "LazyTableModel",
    "RawRole",
    "cell_text",
    "code_choices",
    "code_label",
    "guard_singletons",
    "header",
]
