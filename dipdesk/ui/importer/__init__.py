"""The import wizard: people (with their enterprises) and enterprises from .xlsx and .csv files.

    ImportWizard(db, ctx_factory, *, kind="people", activity_id=None, path=None, parent=None)

`ctx_factory` is a callable `(session) -> Context` (see `dipdesk.ui.attendance.context`).
"""

from __future__ import annotations

from dipdesk.ui.importer.wizard import ImportWizard

__all__ = ["ImportWizard"]
