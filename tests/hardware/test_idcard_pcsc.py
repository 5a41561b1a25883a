"""The Thai ID card read through pcscd and vsmartcard's virtual reader: the real PC/SC stack, end to end."""

from __future__ import annotations

import datetime as dt
import time

from thaicard_vicc import ATR_OLD, sample_image

from dipdesk.core.thaicard import SELECT_APPLET
from dipdesk.core.thaiid import make_id
from dipdesk.services import idcard


def test_reads_a_card_in_the_virtual_reader(reader, insert_card) -> None:  # type: ignore[no-untyped-def]
    assert idcard.availability().ok and reader in idcard.availability().readers
    card = insert_card()
    data = idcard.read_card(reader)
    assert data.national_id == make_id("110370012345")
    assert (data.name_th.prefix, data.name_th.first, data.name_th.last) == ("นางสาว", "ฤดี", "ฦๅษา")
    assert data.name_en.first == "Ruedee"
    assert data.birth_date == dt.date(1990, 5, 4) and data.gender == "F"
    assert data.province == "เชียงใหม่" and data.photo == b""
    assert card.apdus[0] == SELECT_APPLET
    assert not any(a[2:4] == bytes([0x01, 0x7B]) for a in card.apdus), "the photo is not read"


def test_old_cards_and_removal(reader, insert_card) -> None:  # type: ignore[no-untyped-def]
    card = insert_card(sample_image("310050012345", name_en=""), atr=ATR_OLD)
    data = idcard.read_card(reader)
    assert data.national_id == make_id("310050012345") and data.name_en.first == ""
    card.remove()
    deadline = time.monotonic() + 10
    while idcard.card_present(reader) is not None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    try:
        idcard.read_card(reader)
    except idcard.NoCard:
        pass
    else:
        raise AssertionError("reading an empty reader must say there is no card")


def test_dipdesk_card_prints_the_card_with_the_id_masked(reader, insert_card, capsys) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.cli import main

    insert_card()
    assert main(["card", "--reader", reader]) == 0
    out = dict(line.split("\t", 1) for line in capsys.readouterr().out.splitlines())
    assert out["first_name_th"] == "ฤดี" and out["last_name_en"] == "Luesa"
    assert out["national_id"] != make_id("110370012345") and out["national_id"].endswith("-8")
    assert out["birth_date"] == "1990-05-04"
