"""The review list of possible duplicates (รายการที่อาจซ้ำ): the site's likely pairs, scored the Thai way,
listed lazily; a person picks a pair and the record to keep, and the merge (synced, audited) is made in a
worker. Looked at in Thai at 1366x768 (docs/screenshots/duplicates_th.png, rewritten when DIPDESK_SCREENSHOTS=docs/screenshots)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from sqlalchemy import select

from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.store.merges import RecordMerge
from dipdesk.store.people import Person
from dipdesk.ui.pages.duplicates import PAGE, DuplicatesPage

# screenshots for docs/screenshots when DIPDESK_SCREENSHOTS names that folder; else a temporary one (a test
# run must not rewrite a file of the checkout)
SHOTS = Path(os.environ.get("DIPDESK_SCREENSHOTS") or tempfile.mkdtemp(prefix="shots-"))
BORN = dt.date(1985, 6, 1)


def test_pick_a_pair_and_merge_it(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    with env.db.session() as s:
        ctx = system_context(s)
        kept = records.create(
            ctx,
            Person,
            prefix="นางสาว",
            first_name_th="มาลี",
            last_name_th="ศรีสุข",
            birth_date=BORN,
            phone="0812345678",
        )
        other = records.create(
            ctx, Person, first_name_th="มาลี", last_name_th="ศรี สุข", birth_date=BORN, email="malee@example.com"
        )
        for i in range(PAGE + 10):  # more pairs than one page: the list hands them over as it scrolls
            day = BORN + dt.timedelta(days=100 + i)
            records.create(ctx, Person, first_name_th=f"สมชาย{i}", last_name_th="ทองดี", birth_date=day)
            records.create(
                ctx, Person, prefix="นาย", first_name_th=f"สมชาย{i}", last_name_th="ทองดี", birth_date=day
            )
        s.commit()
        kept_id, other_id = kept.id, other.id

    page = DuplicatesPage(env, "รายการที่อาจซ้ำ")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.is_ready, timeout=20_000)
    model = page.model
    assert len(model.pairs) == PAGE + 11
    assert model.rowCount() == PAGE  # lazy: one page first
    model.fetchMore(model.index(-1, -1).parent())
    assert model.rowCount() == PAGE + 11
    assert page.count_label.text() == f"คู่ที่อาจซ้ำ: {PAGE + 11} คู่"
    row = next(i for i, p in enumerate(model.pairs) if {p.a_id, p.b_id} == {kept_id, other_id})
    assert "วันเกิดเดียวกัน" in model.data(model.index(row, 3))
    assert not page.keep_first.isEnabled()  # nothing chosen yet
    page.table.selectRow(row)
    assert page.keep_first.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SHOTS / "duplicates_th.png"))

    keep_first = model.pairs[row].a_id == kept_id
    (page.keep_first if keep_first else page.keep_second).click()
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=20_000)
    said = page.message.text_label.text()
    assert "รวมแล้ว: เก็บ นางสาวมาลี ศรีสุข ไว้" in said and "นามสกุล: ศรี สุข" in said
    qtbot.waitUntil(lambda: len(page.model.pairs) == PAGE + 10, timeout=20_000)
    with env.db.session() as s:
        merged = s.get(Person, other_id)
        assert merged is not None and merged.deleted
        assert s.get(Person, kept_id).email == "malee@example.com"  # type: ignore[union-attr]
        row_ = s.scalars(select(RecordMerge)).one()
        assert (row_.kept_id, row_.merged_id, row_.reason) == (kept_id, other_id, "review")


def test_the_page_in_english(qtbot, env, _themed_app) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from dipdesk.ui import i18n

    with env.db.session() as s:
        ctx = system_context(s)
        records.create(ctx, Person, prefix="นาง", first_name_th="สมศรี", last_name_th="ใจดี", birth_date=BORN)
        records.create(ctx, Person, first_name_th="สมศรี", last_name_th="ใจ ดี", birth_date=BORN)
        s.commit()
    i18n.install_translations(_themed_app, "en")
    try:
        page = DuplicatesPage(replace(env, lang="en"), "Possible duplicates")
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        page.ensure_loaded()
        qtbot.waitUntil(lambda: page.is_ready, timeout=20_000)
        assert page.count_label.text() == "Possible duplicate pairs: 1"
        assert page.keep_first.text() == "Merge, keeping record 1"
        assert page.model.data(page.model.index(0, 3)) == "same name, same birth date"
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert page.grab().save(str(SHOTS / "duplicates_en.png"))
    finally:
        i18n.install_translations(_themed_app, "th")
