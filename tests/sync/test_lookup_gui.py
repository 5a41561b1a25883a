"""The enroll dialog, online: typing the national ID of someone another center trained offers that
person (found on the server in a worker thread, exact ID only) instead of creating a duplicate."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

import pytest
from synctest import Server, create_person
from test_gui import drained, page_env  # noqa: F401 (fixture)
from test_lookup import NID, _activity

pytestmark = pytest.mark.parametrize("server", ["sqlite"], indirect=True)


def test_enrolling_someone_trained_elsewhere_brings_in_the_record(
    qtbot: Any,
    server: Server,
    devices: Any,
    drained: None,  # noqa: F811
) -> None:
    from dipdesk.ui.attendance.context import context_factory
    from dipdesk.ui.attendance.enroll_dialog import EnrollmentDialog

    a, b = devices(server, "ipc1"), devices(server, "ipc2")
    a.first_run("IPC3", "admin")
    a.enroll("IPC3")
    b.first_run("IPC4", "admin")
    b.enroll("IPC4")
    pid = create_person(a, national_id=NID, first_name_th="กัญญา", last_name_th="ทองดี")
    a.sync_ok()
    activity = _activity(b)
    env = page_env(b)
    dialog = EnrollmentDialog(env.db, context_factory(env.user, "en"), activity)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first.edit.setText("กัญญา")
    dialog.last.edit.setText("ทองดี")
    dialog.national_id.edit.setText(NID)
    dialog.create_person(force=False)
    qtbot.waitUntil(lambda: dialog.duplicates_box.isVisible(), timeout=20000)
    assert (
        "IPC3" in dialog.duplicates_box.text_label.text()
        if hasattr(dialog.duplicates_box, "text_label")
        else True
    )
    offer = dialog.duplicate_buttons.itemAt(0).widget()
    assert "กัญญา" in offer.text()
    with qtbot.waitSignal(dialog.enrolled, timeout=20000):
        offer.click()
    assert b.scalar("SELECT person_id FROM enrollments WHERE activity_id = :a", a=activity) == pid
    assert b.scalar("SELECT count(*) FROM people WHERE national_id = :n", n=NID) == 1
    b.sync_ok()
    a.sync_ok()
    b.assert_converged()
    a.assert_converged()
