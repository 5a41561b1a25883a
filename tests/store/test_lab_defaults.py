"""The default lab catalog ships as reference data (issue 11: a new lab is not a dead end)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dipdesk.store.lab import LabTest
from dipdesk.store.lab_defaults import DEFAULT_TESTS, PRODUCT_TYPES, default_test_id, product_type_label
from dipdesk.store.reference_data import seed_reference, site_id
from dipdesk.store.sync import CLOCKS, OUTBOX


def test_the_catalog_is_seeded_with_fixed_ids_the_zero_clock_and_no_outbox(session: Session) -> None:
    from dipdesk.sync import hlc

    seed_reference(session)
    session.commit()
    seed_reference(session)  # again: nothing more
    session.commit()
    tests = session.scalars(select(LabTest).order_by(LabTest.code)).all()
    assert len(tests) == len(DEFAULT_TESTS) >= 12
    assert {t.code for t in tests} == {t["code"] for t in DEFAULT_TESTS}
    for t in tests:
        assert t.id == default_test_id(t.code) and t.site_id == site_id("DIPROM") and not t.deleted
        assert t.name_th and t.method and t.kind in ("physical", "chemical", "microbiological")
    assert session.scalar(select(func.count()).select_from(OUTBOX)) == 0
    clocks = session.execute(
        select(CLOCKS.c.record_id, CLOCKS.c.hlc).where(CLOCKS.c.table_name == "lab_tests")
    ).all()
    assert sorted(clocks) == sorted((t.id, hlc.zero()) for t in tests)


def test_product_types_are_named_in_thai_and_english() -> None:
    codes = [c for c, _th, _en in PRODUCT_TYPES]
    assert "food" in codes and len(codes) == len(set(codes))
    assert product_type_label("food") == "อาหาร" and product_type_label("food", "en") == "Food"
    assert product_type_label("honey-wine") == "honey-wine"  # a lab's own type, as typed


def test_migration_0008_puts_the_catalog_into_an_existing_database(tmp_path: Path) -> None:
    """A database made before the catalog shipped (at revision 0005, without the rows) gets them."""
    from dipdesk.services.setup import first_run
    from dipdesk.store.db import open_database, session_factory

    path = tmp_path / "old.sqlite3"
    engine = open_database(path)
    with session_factory(engine)() as s, s.begin():
        first_run(s, "IPC1", "admin", "correct horse battery 2569", "ผู้ดูแล")
    engine.dispose()
    con = sqlite3.connect(path)  # as it was before 0008: no default tests, an older revision
    with con:
        con.execute("DELETE FROM sync_field_clocks WHERE table_name = 'lab_tests'")
        con.execute("DELETE FROM lab_tests")
        con.execute("UPDATE alembic_version SET version_num = '0005'")
    con.close()
    engine = open_database(path)
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(LabTest)) == len(DEFAULT_TESTS)
        assert (
            s.scalar(select(func.count()).select_from(OUTBOX).where(OUTBOX.c.table_name == "lab_tests")) == 0
        )
        ph = s.get(LabTest, default_test_id("STD-PH"))
        assert ph is not None and ph.name_th == "ความเป็นกรด-ด่าง" and ph.decimals == 2
    engine.dispose()
