"""Hardware tests drive the real PC/SC stack (pcscd + vsmartcard's virtual reader) with virtual cards."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from thaicard_vicc import VirtualThaiCard, sample_image
from vpcd import virtual_reader


@pytest.fixture
def reader() -> str:
    return virtual_reader()


@pytest.fixture
def insert_card(reader: str) -> Iterator[Callable[..., VirtualThaiCard]]:
    """`insert_card(image)`: put a virtual card in the reader (taken out at the end of the test)."""
    from dipdesk.services import idcard

    cards: list[VirtualThaiCard] = []

    def put(image: bytes | None = None, **kw: object) -> VirtualThaiCard:
        card = VirtualThaiCard(image or sample_image(), **kw)  # type: ignore[arg-type]
        card.insert()
        cards.append(card)
        deadline = time.monotonic() + 10
        while idcard.card_present(reader) is None:
            assert time.monotonic() < deadline, "the virtual reader never saw the card"
            time.sleep(0.05)
        return card

    yield put
    for card in cards:
        card.remove()
