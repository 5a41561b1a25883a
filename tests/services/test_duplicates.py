"""Possible duplicates offered before creating: same ID, same name and birth date, same name in province."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from dipdesk.core.thaiid import make_id, mask_id
from dipdesk.services import records
from dipdesk.services.duplicates import enterprise_duplicates, person_duplicates, possible_duplicates
from dipdesk.store.people import Enterprise, Person
from dipdesk.store.reference import Province

NID = make_id("110170012345")
REG = make_id("010555012345")


def _somsri(ctx):  # type: ignore[no-untyped-def]
    return records.create(
        ctx,
        Person,
        prefix="นาง",
        first_name_th="สมศรี",
        last_name_th="รักไทย",
        national_id=NID,
        birth_date=dt.date(1980, 3, 15),
    )


def test_same_national_id_however_it_is_typed(ctx) -> None:  # type: ignore[no-untyped-def]
    p = _somsri(ctx)
    dashed = f"{NID[0]}-{NID[1:5]}-{NID[5:10]}-{NID[10:12]}-{NID[12]}"
    found = person_duplicates(ctx.session, {"national_id": dashed, "first_name_th": "อื่น"})
    assert [(d.id, d.reason) for d in found] == [(p.id, "national_id")]
    assert found[0].name == "นางสมศรี รักไทย"
    assert mask_id(NID) in found[0].detail and NID not in found[0].detail, "the ID is shown masked (PDPA)"
    assert "2523" in found[0].detail, "birth dates in the Buddhist era"
    assert found[0].reason_text("th").startswith("เลขประจำตัวประชาชน")
    assert found[0].reason_text("en") == "Same national ID"


def test_same_name_and_birth_date_typed_as_a_be_date(ctx) -> None:  # type: ignore[no-untyped-def]
    p = _somsri(ctx)
    found = person_duplicates(
        ctx.session, {"first_name_th": " สมศรี ", "last_name_th": "รักไทย", "birth_date": "15/03/2523"}
    )
    assert [(d.id, d.reason) for d in found] == [(p.id, "name_birth_date")]


def test_nothing_offered_when_it_is_someone_else(ctx) -> None:  # type: ignore[no-untyped-def]
    p = _somsri(ctx)
    s = ctx.session
    assert (
        person_duplicates(s, {"first_name_th": "สมศรี", "last_name_th": "รักไทย", "birth_date": "16/03/2523"})
        == []
    )
    assert person_duplicates(s, {"first_name_th": "สมศรี", "last_name_th": "รักไทย"}) == [], "no birth date"
    assert person_duplicates(s, {"national_id": "1101700123450"}) == [], "an invalid ID matches nothing"
    assert person_duplicates(s, {"national_id": NID}, exclude_id=p.id) == [], "a record is not its own twin"
    records.soft_delete(ctx, p)
    assert person_duplicates(s, {"national_id": NID}) == [], "deleted records are not offered"


def test_both_reasons_name_one_record_once(ctx) -> None:  # type: ignore[no-untyped-def]
    p = _somsri(ctx)
    found = possible_duplicates(
        ctx.session,
        "people",
        {
            "national_id": NID,
            "first_name_th": "สมศรี",
            "last_name_th": "รักไทย",
            "birth_date": dt.date(1980, 3, 15),
        },
    )
    assert [d.id for d in found] == [p.id]


def test_enterprise_same_registration_id_or_same_name_in_the_province(ctx) -> None:  # type: ignore[no-untyped-def]
    s = ctx.session
    provinces = s.scalars(select(Province).order_by(Province.code).limit(2)).all()
    e = records.create(
        ctx,
        Enterprise,
        code="E-1",
        name_th="วิสาหกิจชุมชนข้าวหอม",
        kind="community",
        registration_id=REG,
        province_id=provinces[0].id,
    )
    by_id = enterprise_duplicates(s, {"registration_id": REG, "name_th": "อื่น"})
    assert [(d.id, d.reason) for d in by_id] == [(e.id, "registration_id")]
    assert "E-1" in by_id[0].detail and provinces[0].name_th in by_id[0].detail
    by_name = enterprise_duplicates(s, {"name_th": "วิสาหกิจชุมชนข้าวหอม", "province_id": provinces[0].id})
    assert [(d.id, d.reason) for d in by_name] == [(e.id, "name_province")]
    elsewhere = enterprise_duplicates(s, {"name_th": "วิสาหกิจชุมชนข้าวหอม", "province_id": provinces[1].id})
    assert elsewhere == [], "the same name in another province is another enterprise"
    assert possible_duplicates(s, "programs", {"name_th": "x"}) == []
