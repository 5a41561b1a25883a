"""Duplicates found the Thai way (at create, and as a per-site review list), and Thai typed wrongly or
national IDs that cannot be issued refused at entry and at import, with a clear message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from dipdesk.core.thaiid import make_id
from dipdesk.services import records
from dipdesk.services.duplicates import duplicate_pairs, enterprise_duplicates, person_duplicates
from dipdesk.services.errors import ValidationError
from dipdesk.store.people import Enterprise, Person
from dipdesk.store.reference import Province

BORN = dt.date(1985, 6, 1)


def test_a_name_typed_another_way_is_offered_at_create(ctx) -> None:  # type: ignore[no-untyped-def]
    kept = records.create(
        ctx,
        Person,
        prefix="นางสาว",
        first_name_th="มาลี",
        last_name_th="ศรีสุข",
        birth_date=BORN,
        phone="0812345678",
    )
    records.create(ctx, Person, prefix="นาย", first_name_th="มานพ", last_name_th="ศรีสุข", birth_date=BORN)
    typed = {"prefix": "", "first_name_th": "น.ส.มาลี", "last_name_th": "ศรี\u200bสุข", "birth_date": BORN}
    found = person_duplicates(ctx.session, typed)
    assert [(d.id, d.reason) for d in found] == [(kept.id, "similar")]
    assert found[0].reason_text("en").startswith("Nearly the same name")
    by_phone = person_duplicates(
        ctx.session, {"first_name_th": "มาลี", "last_name_th": "ศรีสุข", "phone": "0812345678"}
    )
    assert [d.id for d in by_phone] == [kept.id]


def test_an_enterprise_with_its_legal_form_written_out(ctx) -> None:  # type: ignore[no-untyped-def]
    province = ctx.session.scalars(select(Province).where(Province.name_th == "ลำพูน")).one()
    e = records.create(ctx, Enterprise, code="E-1", name_th="บริษัท ลำพูนฟู้ด จำกัด", province_id=province.id)
    found = enterprise_duplicates(ctx.session, {"name_th": "บจก. ลำพูนฟู้ด", "province_id": province.id})
    assert [(d.id, d.reason) for d in found] == [(e.id, "similar")]


def test_the_review_list_pairs_a_sites_likely_duplicates(ctx) -> None:  # type: ignore[no-untyped-def]
    a = records.create(ctx, Person, prefix="นาง", first_name_th="สมศรี", last_name_th="ใจดี", birth_date=BORN)
    b = records.create(ctx, Person, prefix="", first_name_th="สมศรี", last_name_th="ใจ ดี", birth_date=BORN)
    records.create(ctx, Person, first_name_th="สมศรี", last_name_th="ใจดี", birth_date=dt.date(1999, 1, 1))
    c = records.create(
        ctx, Person, first_name_th="วิชัย", last_name_th="มั่นคง", national_id=make_id("310010000001")
    )
    d = records.create(
        ctx, Person, first_name_th="วิชัย", last_name_th="มั่นคง", national_id=make_id("310010000002")
    )
    pairs = duplicate_pairs(ctx.session, ctx.site.id)
    assert [{p.a_id, p.b_id} for p in pairs] == [{a.id, b.id}]
    assert pairs[0].score >= 0.75 and "birth_date" in pairs[0].reasons
    assert {c.id, d.id} not in [{p.a_id, p.b_id} for p in pairs]  # two national IDs: two people


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"first_name_th": "สมศรี่่"}, "first_name_th", "ซ้ำ"),
        ({"first_name_th": "สมศรี", "last_name_th": "ก่้"}, "last_name_th", "วรรณยุกต์"),
        ({"first_name_th": "สมศรี", "national_id": make_id("910010000001")}, "national_id", "ขึ้นต้นด้วย 9"),
        ({"first_name_th": "สมศรี", "national_id": make_id("010010000001")}, "national_id", "ขึ้นต้นด้วย 0"),
    ],
)
def test_refused_at_entry_with_a_clear_message(ctx, fields, field, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        records.create(ctx, Person, **fields)
    assert err.value.field == field and message in err.value.message_th


def test_refused_at_import_row_by_row(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.cli import main

    assert main(["--db", str(db_path), "demo", "--participants", "20"]) == 0
    sheet = tmp_path / "list.csv"
    sheet.write_text(
        "คำนำหน้า,ชื่อ,นามสกุล,เลขบัตรประชาชน\n"
        f"นาง,สมศรี,ใจดี,{make_id('310010000003')}\n"
        f"นาย,สมชาย่่,ใจดี,{make_id('310010000005')}\n"
        f"นาย,วิชัย,มั่นคง,{make_id('910010000004')}\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["--db", str(db_path), "import", "people", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "สมชาย" in out or "typed twice" in out or "ซ้ำ" in out, out
    assert "ขึ้นต้นด้วย 9" in out or "cannot start with 9" in out, out
    assert main(["--db", str(db_path), "list", "people", "--format", "json", "--limit", "0"]) == 0
    listed = capsys.readouterr().out
    assert "ใจดี" in listed and "มั่นคง" not in listed and "สมชาย่่" not in listed
