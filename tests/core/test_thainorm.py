"""Thai normalisation for duplicates, and refusing Thai typed wrongly (dipdesk.core.thainorm)."""

from __future__ import annotations

import datetime as dt

import pytest

from dipdesk.core.thaiid import IdError, make_id, validate_id, validate_person_id
from dipdesk.core.thainorm import (
    enterprise_key,
    enterprise_score,
    name_key,
    normalize_thai,
    person_score,
    similarity,
    thai_sequence_problem,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ก\u0e4d\u0e32แพง", "กำแพง"),  # nikhahit + sara aa is sara am
        ("น\u0e4d\u0e49\u0e32", "น้ำ"),  # with the tone mark between them
        ("น\u0e49\u0e4d\u0e32", "น้ำ"),
        ("ก\u0e48\u0e35", "กี่"),  # tone mark typed before the vowel above
        ("กี่\u0e48", "กี่"),  # a doubled mark once
        ("สม\u200bศรี", "สมศรี"),  # zero-width space
        ("\u0e48สมศรี", "สมศรี"),  # a stray mark with nothing under it
        ("  สมศรี   ใจดี ", "สมศรี ใจดี"),
    ],
)
def test_normalize_thai(typed: str, expected: str) -> None:
    assert normalize_thai(typed) == expected


def test_name_keys_ignore_prefixes_spaces_and_typing() -> None:
    same = {
        name_key("นางสาว", "มาลี", "ศรีสุข"),
        name_key("นางสาวมาลี ศรีสุข"),
        name_key("น.ส.", "มาลี", "ศรี สุข"),
        name_key("", "มาลี\u200b", "ศรีสุข"),
    }
    assert same == {"มาลีศรีสุข"}
    assert name_key("ว่าที่ ร.ต. สมชาย ใจดี") == name_key("ว่าที่ร้อยตรี", "สมชาย", "ใจดี") == "สมชายใจดี"
    assert name_key("ดร.", "วิชัย", "มั่นคง") == name_key("นาย", "วิชัย", "มั่นคง")


def test_enterprise_keys_ignore_the_legal_form() -> None:
    keys = {
        enterprise_key("บริษัท ลำพูนฟู้ด จำกัด"),
        enterprise_key("บจก. ลำพูนฟู้ด"),
        enterprise_key("หจก.ลำพูนฟู้ด"),
        enterprise_key("ห้างหุ้นส่วนจำกัด ลำพูนฟู้ด"),
    }
    assert keys == {"ลำพูนฟู้ด"}
    assert enterprise_key("วิสาหกิจชุมชนข้าวหอม") == enterprise_key("ร้านข้าวหอม") == "ข้าวหอม"


def test_scores_weigh_name_birth_date_phone_and_province() -> None:
    born = dt.date(1985, 3, 1)
    a, b = name_key("นาง", "สมศรี", "ใจดี"), name_key("", "สมศรี", "ใจ ดี")
    strong = person_score(a, b, a_birth=born, b_birth=born, a_phone="0811111111", b_phone="0811111111")
    assert strong.value == pytest.approx(1.0) and strong.reasons == ["name", "birth_date", "phone"]
    other_birthday = person_score(a, b, a_birth=born, b_birth=dt.date(1990, 1, 1))
    assert other_birthday.value < 0.5
    near = person_score(name_key("สมศรี ใจดี"), name_key("สมศรี ใจดีย์"), a_birth=born, b_birth=born)
    assert "name_similar" in near.reasons and near.value >= 0.75
    assert similarity("", "ก") == 0.0
    e = enterprise_score(
        enterprise_key("บจก. ลำพูนฟู้ด"), enterprise_key("บริษัท ลำพูนฟู้ด จำกัด"), a_province="x", b_province="x"
    )
    assert e.value == pytest.approx(0.8)


@pytest.mark.parametrize("text", ["ก่่", "สมศรี่่", "ก่้า", "่สมศรี", "กีี"])
def test_invalid_thai_sequences_are_named(text: str) -> None:
    problem = thai_sequence_problem(text)
    assert problem is not None and problem[0] and problem[1]


@pytest.mark.parametrize("text", ["สมศรี", "กี่", "น้ำ", "กำแพง", "ก\u0e4d\u0e32", "ศักดิ์", "Somsri", ""])
def test_valid_thai_passes(text: str) -> None:
    assert thai_sequence_problem(text) is None


def test_person_ids_that_cannot_be_issued() -> None:
    juristic = make_id("010555000123")
    assert validate_id(juristic) == juristic  # juristic IDs start with 0
    for first in "09":
        with pytest.raises(IdError) as err:
            validate_person_id(make_id(first + "10010000001"))
        assert err.value.code == "not_issued" and first in err.value.message_th
    person = make_id("310010000001")
    assert validate_person_id(person) == person
