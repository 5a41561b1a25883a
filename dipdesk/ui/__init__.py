"""Everything Qt: start-up (`app`), the main window and its area pages (`pages/`), log-in and first-run
dialogs, background workers, theme and translations, and the offscreen screenshot command.

Nothing outside this package imports PySide6; the GUI is a client of `dipdesk.services`.
"""

from dipdesk.ui.none_refcount import protect_none

protect_none()  # before any call into PySide6 (see the module)
