"""One data-changed signal: pages show what was written elsewhere without F5 (issue 11)."""

from __future__ import annotations

import datetime as dt

from dipdesk.services import records
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, Program
from dipdesk.ui.main_window import MainWindow
from dipdesk.ui.records.ops import make_ctx_factory, run_write

WAIT = 15_000


def test_dashboard_and_certificates_follow_writes_without_f5(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.is_ready, timeout=WAIT)
    assert dashboard.cards["activities"].value_label.text() == "1"
    assert dashboard.cards["enrollments"].value_label.text() == "2"
    certificates = window.select_view("certificates")
    qtbot.waitUntil(lambda: certificates.is_ready, timeout=WAIT)
    before = certificates.issue_tab.activity.count()
    programs = window.select_view("programs")
    qtbot.waitUntil(lambda: programs.is_ready, timeout=WAIT)

    # written the way every record screen writes (a service call in a worker, owned by the page)
    def write(ctx):  # type: ignore[no-untyped-def]
        program = ctx.session.query(Program).one()
        activity = records.create(
            ctx,
            Activity,
            program_id=program.id,
            code="A-NEW",
            title_th="อบรมบัญชีเบื้องต้น",
            start_date=dt.date.today(),
            end_date=dt.date.today(),
            hours=6,
            capacity=20,
        )
        person = ctx.session.query(Person).filter_by(first_name_th="วิชัย").one()
        records.create(ctx, Enrollment, activity_id=activity.id, person_id=person.id, status="enrolled")

    done: list[bool] = []
    run_write(env.db, make_ctx_factory(env.user), write, on_done=lambda _r: done.append(True), owner=programs)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)

    window.select_view("dashboard")  # no F5: the hidden dashboard was marked stale
    qtbot.waitUntil(lambda: dashboard.cards["activities"].value_label.text() == "2", timeout=WAIT)
    assert dashboard.cards["enrollments"].value_label.text() == "3"
    window.select_view("certificates")  # nothing typed in the search box
    tab = certificates.issue_tab
    qtbot.waitUntil(lambda: tab.activity.count() == before + 1, timeout=WAIT)
    assert tab.search.text() == ""
    assert any("A-NEW" in tab.activity.itemText(i) for i in range(tab.activity.count()))


def test_a_visible_page_reloads_at_once(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.ui.changes import data_changed

    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.is_ready, timeout=WAIT)
    with env.db.session() as s, s.begin():
        from dipdesk.services.context import system_context

        ctx = system_context(s)
        program = s.query(Program).one()
        records.create(
            ctx,
            Program,
            code="P-002",
            name_th="โครงการใหม่",
            fiscal_year=program.fiscal_year,
            service_kind="training",
        )
    data_changed("programs")
    qtbot.waitUntil(lambda: dashboard.cards["programs"].value_label.text() == "2", timeout=WAIT)
