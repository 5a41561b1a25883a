"""The GUI side of sync against the real server (SYNC.md guarantees 4, 8, 9, 12): rounds that run by
themselves (at start, after a failure with back-off, when the network returns) and drain the queue
without a new edit; the status indicator (last sync, pending, conflicts, errors); the sync page with
history and refused changes; the conflict review screen showing both values, then a swap that reaches
the other laptop and leaves every replica identical to the server."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from typing import Any

import pytest
from linkemu import Link
from synctest import Device, Server, add_user, create_person, edit, pair

from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.store.people import Enterprise

pytestmark = pytest.mark.parametrize("server", ["sqlite"], indirect=True)  # the GUI is the client's business


def page_env(device: Device, username: str | None = None) -> Any:
    from sqlalchemy import select

    from dipdesk.settings import Settings
    from dipdesk.store.auth import User
    from dipdesk.ui.db import Database
    from dipdesk.ui.pages import PageEnv
    from dipdesk.ui.state import current_user_from, first_admin

    db = Database(device.engine, device.path)
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == username)).one() if username else first_admin(s)
        assert user is not None
        current = current_user_from(s, user)
    return PageEnv(db, current, Settings(), lang="en")


@pytest.fixture
def drained() -> Iterator[None]:
    yield
    from dipdesk.ui import workers

    workers.cancel_all()
    assert workers.drain(30_000), "background tasks still running after the test"


def answered(device: Device) -> int:
    """Changes of `device` whose push the server has answered and the device recorded this round:
    marked acknowledged, or (snapshot rows) forgotten at once (every seq drawn, minus what is left)."""
    drawn = device.scalar("SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'sync_outbox'")
    left = device.scalar("SELECT count(*) FROM sync_outbox WHERE state != 'acked'")
    return int(drawn or 0) - int(left or 0)


def test_background_sync_retries_by_itself_and_drains_the_queue(
    qtbot: Any, server: Server, devices: Any, drained: None
) -> None:
    from dipdesk.sync import backoff
    from dipdesk.ui.sync_background import BackgroundSync

    site = server.take_site()
    a = devices(server, "a")
    a.first_run(site)
    with Link(server.port) as link:
        a.enroll(site, url=link.url)  # the laptop knows the server through the (flaky) link
        create_person(a, first_name_th="ระหว่างเน็ตล่ม")
        assert a.pending() > 0
        env = page_env(a)
        env.settings.sync_interval_minutes = 15
        bg = BackgroundSync(env.db, env.settings)
        statuses: list[Any] = []
        bg.status_changed.connect(statuses.append)
        link.partition(True)
        with qtbot.waitSignal(bg.round_finished, timeout=30_000) as first:
            bg.start(delay_ms=0)  # at start-up, nobody pressed anything
        assert not first.args[0].ok
        qtbot.waitUntil(lambda: bool(statuses) and bool(statuses[-1].last_error), timeout=10_000)
        assert statuses[-1].pending == a.pending() > 0 and statuses[-1].enrolled
        assert bg.failures == 1 and bg.next_round.isActive()
        assert bg.next_round.remainingTime() <= backoff.BASE_SECONDS * 1000, "a failure retries soon"

        link.partition(False)  # the link heals; no new edit, no button: the back-off timer drains the queue
        with qtbot.waitSignal(bg.round_finished, timeout=30_000) as healed:
            pass
        assert healed.args[0].ok, healed.args[0].error
        assert a.pending() == 0 and bg.failures == 0
        assert bg.next_round.remainingTime() > 13.5 * 60_000 - 5_000, "then the regular timer (15 min ± 10 %)"
        qtbot.waitUntil(lambda: statuses[-1].pending == 0 and bool(statuses[-1].last_success), timeout=10_000)
        assert not statuses[-1].last_error

        # the network drops and returns: a round within the shared-event spread, back-off forgotten
        link.partition(True)
        with qtbot.waitSignal(bg.round_finished, timeout=30_000):
            bg.sync_now()
        assert bg.failures == 1
        link.partition(False)
        with qtbot.waitSignal(bg.round_finished, timeout=30_000) as back:
            bg.network_returned()
            assert bg.failures == 0 and bg.next_round.isActive()
            assert bg.next_round.remainingTime() <= backoff.SHARED_EVENT_SPREAD_SECONDS * 1000
        assert back.args[0].ok and bg.failures == 0
        bg.stop()
    a.assert_converged()


def test_sync_page_and_conflict_review_swap_reach_every_laptop(
    qtbot: Any, server: Server, devices: Any, drained: None
) -> None:
    from dipdesk.ui.main_window import MainWindow
    from dipdesk.ui.sync_review import field_label

    site, a, b = pair(server, devices)
    pid = create_person(a)
    ua, ub = f"somchai_{site.lower()}", f"wanna_{site.lower()}"
    add_user(a, ua)
    add_user(b, ub)
    for d in (a, b, a):
        d.sync_ok()
    edit(a, "people", pid, "phone=0822222222", user=ua)
    edit(b, "people", pid, "phone=0833333333", user=ub)
    ent = {"code": f"E-{site}-1", "name_th": "วิสาหกิจชุมชนบ้านดอน", "kind": "community", "size": "micro"}
    with a.ctx() as s:
        records.create(system_context(s), Enterprise, **ent)
    with b.ctx() as s:  # refused by the server: the code is taken
        records.create(system_context(s), Enterprise, **{**ent, "name_th": "กลุ่มแม่บ้านบ้านดอน"})
    for d in (a, b, a):
        d.sync(server_url=server.url)
    b_phone = b.scalar("SELECT phone FROM people WHERE id = :p", p=pid)
    loser = "0822222222" if b_phone == "0833333333" else "0833333333"

    window = MainWindow(page_env(b, ub), initial_view="sync")  # laptop B's screen
    qtbot.addWidget(window)
    window.show()
    page = window.pages["sync"]
    qtbot.waitUntil(lambda: page.is_ready and page.data is not None, timeout=20_000)
    assert page.load_error is None
    qtbot.waitUntil(lambda: window.background.status is not None, timeout=10_000)
    st = window.background.status
    assert (st.enrolled, st.pending, st.rejected, st.open_conflicts) == (True, 0, 1, 1)
    shown = window.sync_status.text()  # words depend on the installed translation; the figures do not
    assert shown.count("1") >= 2 and not window.sync_status.icon().isNull(), shown

    # the page: figures, the refused change with its reason, the history, the conflict with both values
    assert page.cards["conflicts"].value_label.text() == "1"
    assert page.cards["rejected"].value_label.text() == "1"
    assert page.cards["pending"].value_label.text() == "0"
    assert page.rejected_table.rowCount() == 1
    assert "duplicate" in page.rejected_table.item(0, 3).text()
    assert "กลุ่มแม่บ้านบ้านดอน" in page.rejected_table.item(0, 1).text()
    assert page.history_table.rowCount() >= 2
    assert page.conflicts_table.rowCount() == 1
    row = [page.conflicts_table.item(0, c).text() for c in range(page.conflicts_table.columnCount())]
    assert "สมศรี" in row[0] and row[1] == field_label("phone")
    fmt = {"0822222222": "082-222-2222", "0833333333": "083-333-3333"}
    assert (row[2], row[3]) == (fmt[b_phone], fmt[loser])

    # the review screen: both values, who made each; the person swaps
    conflict = page.selected_conflict()
    assert conflict is not None
    dialog = page.review_dialog(conflict)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kept_box.value_label.text() == fmt[b_phone]
    assert dialog.other_box.value_label.text() == fmt[loser]
    other_user = ua if loser == "0822222222" else ub
    assert any(
        other_user in w.text() for w in dialog.other_box.findChildren(type(dialog.kept_box.value_label))
    )
    with qtbot.waitSignal(dialog.resolved, timeout=20_000):
        dialog.swap_button.click()
    assert b.scalar("SELECT phone FROM people WHERE id = :p", p=pid) == loser
    qtbot.waitUntil(lambda: page.data is not None and not page.data.conflicts, timeout=20_000)
    window.background.stop()
    qtbot.waitUntil(lambda: not window.background.running, timeout=30_000)  # the swap was sent at once

    for d in (b, a, b):
        d.sync_ok()
    for d in (a, b):
        assert d.scalar("SELECT phone FROM people WHERE id = :p", p=pid) == loser
        assert d.scalar("SELECT state FROM sync_conflicts") == "swapped"
    a.assert_converged()
    result = b.verify()  # the refused enterprise stays on B only, until someone corrects its code
    assert result.differing == ["enterprises"] and result.pending == 0 and result.rejected == 1
    assert not result.identical


def test_enrolling_from_the_sync_page_then_the_first_round(
    qtbot: Any, server: Server, devices: Any, drained: None
) -> None:
    from dipdesk.ui.pages.sync import SyncPage

    site = server.take_site()
    a = devices(server, "a")
    a.first_run(site)
    create_person(a, first_name_th="ก่อนลงทะเบียน")
    page = SyncPage(page_env(a), "Sync")
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.enrol_panel.isVisibleTo(page) and not page.sync_button.isEnabled()
    page.server_edit.setText("not a url")
    page.enrol()
    assert page.enrol_error.isVisibleTo(page), "a wrong address is said, nothing is sent"
    page.server_edit.setText(server.url)
    page.code_edit.setText(server.enroll_code(site))
    page.enrol()  # enrols, then runs the first round by itself
    qtbot.waitUntil(
        lambda: page.data is not None and page.data.status.last_success is not None, timeout=30_000
    )
    assert not page.enrol_panel.isVisibleTo(page) and page.sync_button.isEnabled()
    assert a.pending() == 0 and page.history_table.rowCount() >= 1
    a.assert_converged()


def test_closing_the_window_stops_a_running_round_at_a_batch_boundary(
    qtbot: Any, server: Server, devices: Any, drained: None, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from synctest import demo_device

    from dipdesk.sync import client
    from dipdesk.ui.main_window import MainWindow
    from dipdesk.ui.pages.sync import SyncPage

    site = server.take_site()
    a = demo_device(server, devices, "a", site, participants=60)  # bulk rows: a long first upload
    caplog.set_level(logging.INFO)
    with Link(server.port, rtt_ms=40, bandwidth_bps=4_000_000) as link:
        window = MainWindow(page_env(a))
        qtbot.addWidget(window)
        window.background.round_options = {"server_url": link.url, "push_changes": 40}
        window.show()
        with qtbot.waitSignal(window.background.round_started, timeout=10_000):
            window.background.sync_now()

        def acked() -> int:
            return answered(a)

        qtbot.waitUntil(lambda: acked() > 0, timeout=30_000)
        assert window.background.running
        window.close()
        assert window.isVisible(), "the window waits for the round to reach a batch boundary"
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
        assert not window.background.running

    done, error = (
        a.engine.connect()
        .execute(
            client.HISTORY.select().with_only_columns(client.HISTORY.c.finished_at, client.HISTORY.c.error)
        )
        .one()
    )
    assert done is not None and error == client.ROUND_STOPPED, "recorded as stopped, not left running"
    assert a.pending() > 0 and acked() > 0, "stopped part-way: what was answered is recorded"
    assert window.background.last_report is not None and window.background.last_report.stopped
    assert window.background.failures == 0 and not client.status(a.engine).last_error, "not a failure"
    noisy = [r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("dipdesk")]
    assert not noisy, [r.getMessage() for r in noisy]

    page = SyncPage(page_env(a), "Sync")  # the history says so in words
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.history_table.item(0, 6).text() == page.tr(
        "Stopped when dipdesk was closed; continues at the next sync"
    )
    page.resize(1100, 900)
    page.grab().save("/tmp/sync_page_stopped.png")

    a.sync_ok()  # the next round resumes where it stopped
    assert a.pending() == 0
    a.assert_converged()


def test_before_enrolment_the_rows_the_first_sync_will_send_are_counted(
    qtbot: Any, server: Server, devices: Any, drained: None
) -> None:
    from dipdesk.services.demo import build_demo
    from dipdesk.sync import client, outbox
    from dipdesk.ui.main_window import MainWindow
    from dipdesk.ui.pages.sync import SyncPage
    from dipdesk.ui.widgets import format_number

    site = server.take_site()
    a = devices(server, "a")
    build_demo(a.engine, site_code=site, participants=30)  # bulk rows, queued only when a sync starts
    create_person(a, first_name_th="ก่อนลงทะเบียน")  # and one queued edit
    st = client.status(a.engine)
    assert not st.enrolled and st.pending >= 1
    with a.engine.begin() as conn:  # what the first round's snapshot would queue, counted then undone
        queued = outbox.snapshot(conn, str(outbox.get_state(conn, "site_id")))
        conn.rollback()
    assert st.unqueued == queued > 100 and st.to_send == st.pending + queued

    window = MainWindow(page_env(a), initial_view="sync")
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    page = window.pages["sync"]
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.data is not None and window.background.status is not None, timeout=20_000)
    figure = format_number(st.to_send)
    assert page.cards["pending"].value_label.text() == figure
    assert figure in page.state_box.text_label.text()
    assert f"{st.to_send:,}" in window.sync_status.text(), window.sync_status.text()
    window.grab().save("/tmp/sync_not_enrolled.png")


def test_quitting_while_the_window_waits_does_not_cut_the_round_off(
    qtbot: Any, server: Server, devices: Any, drained: None
) -> None:
    """The application's exit (`ui.app.finish_background_work`) waits for a running round as long as the
    window's close does: a batch that takes longer than a few seconds on a slow link still ends at its
    boundary and is recorded as stopped, and a task that never ends does not hold the exit for ever."""
    import time

    from synctest import demo_device

    from dipdesk.sync import client
    from dipdesk.ui import app, workers
    from dipdesk.ui.main_window import MainWindow

    site = server.take_site()
    a = demo_device(server, devices, "a", site, participants=60)
    with Link(server.port, rtt_ms=40, bandwidth_bps=4_000_000) as link:
        window = MainWindow(page_env(a))
        qtbot.addWidget(window)
        # a slow link from the start: each answer takes 8 s on its way back, longer than the old 5 s exit
        # wait. The window closes when the server has applied the round's first batch, so its answer is
        # on the wire then (slowing the link after a first answer raced a fast server: both batches in
        # flight could be answered already, and the round stopped with nothing to wait for)
        link.rtt = 16.0
        window.background.round_options = {"server_url": link.url, "push_changes": 5}
        window.show()
        device = a.scalar("SELECT value FROM local_state WHERE key = 'sync.device_id'")

        def applied() -> int:
            return int(server.scalar("SELECT last_seq FROM srv_devices WHERE id = :d", d=device) or 0)

        with qtbot.waitSignal(window.background.round_started, timeout=10_000):
            window.background.sync_now()
        qtbot.waitUntil(lambda: applied() > 0, timeout=90_000)
        window.close()
        assert window.isVisible() and window.background.running
        started = time.monotonic()
        assert app.finish_background_work(), "the exit waited for the round"  # as app.exec() returning
        assert time.monotonic() - started > 5
        assert not window.background.running
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    with a.engine.connect() as conn:
        error = conn.execute(client.HISTORY.select().with_only_columns(client.HISTORY.c.error)).scalar()
    assert error == client.ROUND_STOPPED, "ended at a batch boundary and recorded as stopped"
    a.sync_ok()
    assert a.pending() == 0
    a.assert_converged()

    # bounded: work that never reaches a boundary does not keep dipdesk from exiting
    release = __import__("threading").Event()
    workers.run_task(lambda _t: release.wait(30))
    started = time.monotonic()
    assert not app.finish_background_work(300)
    assert time.monotonic() - started < 5
    release.set()
