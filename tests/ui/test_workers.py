"""Background tasks: results, errors, progress and cancelling come back on the GUI thread."""

from __future__ import annotations

import threading

from dipdesk.ui import workers


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []

    def work(task: workers.Task) -> str:
        task.report(1, 2, "half")
        return threading.current_thread().name

    workers.run_task(
        work,
        on_done=lambda r: seen.append(("done", r, threading.current_thread() is threading.main_thread())),
        on_progress=lambda d, t, text: seen.append(("progress", d, t, text)),
    )
    assert workers.drain()
    assert ("progress", 1, 2, "half") in seen
    done = [s for s in seen if s[0] == "done"]
    assert done and done[0][1] != threading.main_thread().name and done[0][2] is True


def test_errors_and_cancelling(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    workers.run_task(lambda task: 1 / 0, on_error=errors.append)
    started, release = threading.Event(), threading.Event()

    def slow(task: workers.Task) -> str:
        started.set()
        release.wait(5)
        task.check()
        return "not cancelled"

    results: list[object] = []
    task = workers.run_task(slow, on_done=results.append, on_error=errors.append)
    assert started.wait(5)
    task.cancel()
    release.set()
    assert workers.drain()
    assert sorted(type(e).__name__ for e in errors) == ["Cancelled", "ZeroDivisionError"]
    assert results == []


def test_callbacks_skipped_when_the_owner_is_gone(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    release = threading.Event()
    workers.run_task(lambda t: release.wait(5), on_done=label.setText, owner=label)
    label.deleteLater()
    qtbot.wait(10)
    release.set()
    assert workers.drain()  # no RuntimeError from the deleted label
