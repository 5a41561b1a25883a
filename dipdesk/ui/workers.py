"""Background work: the GUI thread never waits on the disk or on argon2.

A `Task` is a `QRunnable` that calls `fn(task)` on a shared `QThreadPool`; the function may report
progress with `task.report(done, total, text)` and should look at `task.cancelled` between steps (or
call `task.check()`, which raises `Cancelled`). Results come back to the GUI thread by signal:

    run_task(load_counts, on_done=self._show_counts, on_error=self._show_error, owner=self)

Each function that touches the database opens its own Session (`database().session()`), since a
Session belongs to one thread. Callbacks are skipped if their `owner` widget was deleted meanwhile.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal

from dipdesk.services.errors import ServiceError

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised by `Task.check()` when the user cancelled the task."""


class TaskSignals(QObject):
    """Signals of a task. Created on the GUI thread, so connected slots run there (queued)."""

    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class Task(QRunnable):
    """One piece of background work: `fn(task)` runs on a pool thread."""

    def __init__(self, fn: Callable[[Task], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the reference (see `_running`)
        self.fn = fn
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    # --- for the function running in the worker ---------------------------------------------------

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here (raise `Cancelled`) if the user asked to cancel."""
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        """Progress, shown by whoever listens (a progress dialog, a status bar)."""
        self.signals.progress.emit(done, total, text)

    # --- for the GUI --------------------------------------------------------------------------------

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self.fn(self)
        except Cancelled as exc:
            self.signals.failed.emit(exc)
        except ServiceError as exc:  # a refusal with a message for the user, not a bug
            log.info("background task refused: %s", exc)
            self.signals.failed.emit(exc)
        except Exception as exc:
            log.error("background task failed:\n%s", "".join(traceback.format_exception(exc)))
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            self.done.set()


_pool: QThreadPool | None = None
_running: set[Task] = set()


def pool() -> QThreadPool:
    """The application's pool for database and CPU work (argon2, queries, imports)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(4)
        _pool.setExpiryTimeout(30_000)
    return _pool


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


def run_task(
    fn: Callable[[Task], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    owner: QObject | None = None,
) -> Task:
    """Run `fn(task)` in the pool; call `on_done(result)` or `on_error(exc)` on the GUI thread.

    Must be called from the GUI thread. `owner`: a widget whose deletion makes the callbacks moot.
    """
    task = Task(fn)
    _running.add(task)

    def finished(result: Any) -> None:
        _running.discard(task)
        if on_done is not None and _alive(owner):
            on_done(result)

    def failed(exc: BaseException) -> None:
        _running.discard(task)
        if on_error is not None and _alive(owner):
            on_error(exc)
        elif on_error is None and not isinstance(exc, Cancelled):
            log.warning("unhandled background error: %s", exc)

    def progress(done: int, total: int, text: str) -> None:
        if on_progress is not None and _alive(owner):
            on_progress(done, total, text)

    task.signals.finished.connect(finished)
    task.signals.failed.connect(failed)
    task.signals.progress.connect(progress)
    pool().start(task)
    return task


def cancel_all() -> None:
    for task in list(_running):
        task.cancel()


def drain(timeout_ms: int = 10_000) -> bool:
    """Wait for every task and deliver its result signals (tests, shutdown). True if all finished."""
    deadline = QDeadlineTimer(timeout_ms)
    while True:
        ok = pool().waitForDone(max(0, deadline.remainingTime()))
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()
        if not _running or not ok or deadline.hasExpired():
            return ok and not _running
        # a callback may have started follow-up work: go round again
        if all(t.done.is_set() for t in _running):
            QCoreApplication.processEvents()
