"""The Thai ID card's fields: TIS-620 text, names with missing parts, long addresses, ฤ/ฦ names."""

from __future__ import annotations

import datetime as dt

import pytest

from dipdesk.core import thaicard as tc
from dipdesk.core.thaiid import make_id


def _transmit_for(image: bytes, atr: list[int]):  # type: ignore[no-untyped-def]
    """A card that answers as the real one does (61 xx, then GET RESPONSE), without a reader."""
    state = {"selected": False, "pending": b""}
    old = atr[:2] == [0x3B, 0x67]

    def transmit(apdu: list[int]) -> tuple[list[int], int, int]:
        if apdu[:2] == [0x00, 0xA4]:
            state["selected"] = bytes(apdu[5:]) == tc.APPLET
            return [], *((0x90, 0x00) if state["selected"] else (0x6A, 0x82))
        if apdu[:2] == [0x80, 0xB0]:
            offset = apdu[2] << 8 | apdu[3]
            state["pending"] = image[offset : offset + apdu[6]]
            return [], 0x61, len(state["pending"])
        if apdu[:2] == [0x00, 0xC0]:
            assert apdu[3] == (1 if old else 0), "GET RESPONSE with the P2 of this card's ATR"
            data = state["pending"]
            return list(data), 0x90, 0x00
        return [], 0x6D, 0x00

    return transmit


def _image(**over: object) -> bytes:
    fields: dict[str, object] = dict(
        national_id=make_id("310050012345"),
        name_th="นางสาว#ฤทัย##ฦๅชา",
        name_en="Miss#Ruethai##Luecha",
        birth_date="25320415",
        gender="2",
        address="99/1#หมู่ที่ 4####ตำบลบ้านใหม่#อำเภอเมืองเชียงใหม่#จังหวัดเชียงใหม่",
        issuer="อำเภอเมืองเชียงใหม่/เชียงใหม่",
        issued_on="25640101",
        expires_on="25720414",
    )
    fields.update(over)
    return tc.card_image(**fields)  # type: ignore[arg-type]


def test_tis620_round_trip_keeps_rue_and_lue() -> None:
    raw = tc.encode_text("ฤทัย ฦๅชา", 20)
    assert raw[0] == 0xC4 and 0xC6 in raw and len(raw) == 20
    assert tc.decode_text(raw) == "ฤทัย ฦๅชา"
    assert tc.decode_text(b"\x00\x00") == ""


def test_reads_every_field_of_a_card() -> None:
    atr = [0x3B, 0x78, 0x18, 0x00]
    card = tc.read_card(_transmit_for(_image(), atr), atr)
    assert card.national_id == make_id("310050012345")
    assert card.name_th == tc.CardName("นางสาว", "ฤทัย", "", "ฦๅชา")
    assert card.name_en.first == "Ruethai" and card.name_en.last == "Luecha"
    assert card.birth_date == dt.date(1989, 4, 15)
    assert card.gender == "F"
    assert card.address == "99/1 หมู่ที่ 4 ตำบลบ้านใหม่ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่"
    assert card.province == "เชียงใหม่"
    assert card.expires_on == dt.date(2029, 4, 14)
    fields = card.person_fields()
    assert fields["first_name_th"] == "ฤทัย" and fields["last_name_en"] == "Luecha"
    assert "photo" not in fields


def test_old_cards_want_get_response_with_p2_one() -> None:
    atr = [0x3B, 0x67, 0x00]
    card = tc.read_card(_transmit_for(_image(gender="1"), atr), atr)
    assert card.gender == "M" and card.name_th.first == "ฤทัย"


def test_missing_english_name_and_unknown_birthday() -> None:
    atr = [0x3B, 0x78]
    card = tc.read_card(_transmit_for(_image(name_en="", birth_date="25200000"), atr), atr)
    assert card.name_en == tc.CardName("", "", "", "")
    assert card.birth_date == dt.date(1977, 1, 1)  # 00 day and month: the first of the year
    fields = card.person_fields()
    assert fields["first_name_en"] == "" and fields["last_name_en"] == ""


def test_long_address_and_a_middle_name() -> None:
    long_address = (
        "123/456#หมู่ที่ 12#ตรอกวัดพระศรีมหาธาตุวรมหาวิหาร#ซอยพหลโยธิน 48 แยก 3#ถนนพหลโยธิน"
        "#แขวงอนุสาวรีย์#เขตบางเขน#กรุงเทพมหานคร"
    )
    assert 100 < len(long_address.encode("tis-620")) <= tc.ADDRESS[1]  # past the 100 bytes some read
    atr = [0x3B, 0x78]
    card = tc.read_card(_transmit_for(_image(address=long_address, name_th="นาย#สมชาย#วิ#ใจดี"), atr), atr)
    assert card.address.startswith("123/456 หมู่ที่ 12 ตรอกวัดพระศรีมหาธาตุวรมหาวิหาร")
    assert card.address.endswith("เขตบางเขน กรุงเทพมหานคร")
    assert card.province == "กรุงเทพมหานคร"
    assert card.person_fields()["first_name_th"] == "สมชาย วิ"
    with pytest.raises(ValueError):
        tc.card_image(**{**dict(national_id="1", name_th="", name_en="", birth_date="", gender=""),
                         "address": "ก" * (tc.ADDRESS[1] + 1)})  # fmt: skip


def test_a_card_that_is_not_a_thai_id_card() -> None:
    def transmit(apdu: list[int]) -> tuple[list[int], int, int]:
        return [], 0x6A, 0x82

    with pytest.raises(tc.CardError) as err:
        tc.read_card(transmit, [0x3B, 0x00])
    assert "ไม่ใช่บัตรประชาชน" in err.value.message_th


def test_a_bad_id_on_the_card_is_refused() -> None:
    atr = [0x3B, 0x78]
    with pytest.raises(tc.CardError):
        tc.read_card(_transmit_for(_image(national_id="1234567890123"), atr), atr)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("25300229", None), ("2530021", None), ("abcdefgh", None), ("25310229", dt.date(1988, 2, 29))],
)
def test_be_dates(text: str, expected: dt.date | None) -> None:
    assert tc.parse_be_date(text) == expected


def test_apdus_as_published() -> None:
    assert bytes(tc.SELECT_APPLET).hex() == "00a4040008a000000054480001"
    assert bytes(tc.read_apdu(*tc.CID)).hex() == "80b000040200" + "0d"
    assert tc.read_apdu(*tc.ADDRESS) == [0x80, 0xB0, 0x15, 0x79, 0x02, 0x00, 0xA0]
    assert tc.get_response_apdu([0x3B, 0x67], 8) == [0x00, 0xC0, 0x00, 0x01, 0x08]
