"""The lab screens' way to the database: reads in the worker pool, writes one at a time, in order.

Each write is a service call in its own transaction, acting as the logged-in user (their role decides
what they may do, and the audit trail records them). Writes are queued so that two quick edits of the
same result are saved in the order they were typed. Results come back to the GUI thread by callback.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from dipdesk.services.context import Context
from dipdesk.services.lab import lab_context
from dipdesk.ui.changes import data_changed
from dipdesk.ui.workers import Task, run_task

if TYPE_CHECKING:  # the pages package imports this module: no import cycle at run time
    from dipdesk.ui.pages.base import PageEnv

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class LabOps(QObject):
    """Background reads and an ordered queue of writes for one page."""

    busy_changed = Signal(bool)  # True while writes are waiting or running
    written = Signal()  # a write finished (successfully or not): screens refresh

    def __init__(self, env: PageEnv, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self._queue: deque[tuple[Callable[[Context], Any], Done | None, Failed | None]] = deque()
        self._running = False

    # --- reads ----------------------------------------------------------------------------------------

    def read(self, fn: Callable[[Session], Any], on_done: Done, on_error: Failed | None = None) -> Task:
        """Run ``fn(session)`` on a worker (read-only: nothing is committed)."""

        def work(task: Task) -> Any:
            with self.env.db.session() as session:
                return fn(session)

        return run_task(work, on_done=on_done, on_error=on_error, owner=self)

    # --- writes ---------------------------------------------------------------------------------------

    def write(
        self, fn: Callable[[Context], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        """Queue ``fn(ctx)``: one transaction as the logged-in user, after the writes queued before it."""
        self._queue.append((fn, on_done, on_error))
        if not self._running:
            self._next()

    @property
    def pending(self) -> int:
        return len(self._queue) + (1 if self._running else 0)

    def _next(self) -> None:
        if not self._queue:
            self._running = False
            self.busy_changed.emit(False)
            return
        fn, on_done, on_error = self._queue.popleft()
        if not self._running:
            self._running = True
            self.busy_changed.emit(True)
        user_id = self.env.user.id

        def work(task: Task) -> Any:
            with self.env.db.session() as session, session.begin():
                return fn(lab_context(session, user_id))

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self.written.emit()
                data_changed("lab", source=self.parent())
                self._next()

        def failed(exc: BaseException) -> None:
            try:
                if on_error is not None:
                    on_error(exc)
            finally:
                self.written.emit()
                self._next()

        run_task(work, on_done=done, on_error=failed, owner=self)
