"""The cyclic garbage collector is off while a certificate batch is drawn, and as it was afterwards:
on again after concurrent batches end, still off if the caller had turned it off; a batch leaves no
cyclic garbage behind."""

from __future__ import annotations

import gc
import io
import threading

from dipdesk.printing import certificates as C
from dipdesk.store import certificate_defaults as D


def _pages(n: int) -> list[C.CertificatePage]:
    t = D.default_template_rows("x")[0]
    layout = C.Layout(elements=tuple(t["elements"]), key=t["code"])
    return [
        C.CertificatePage(layout, {**C.sample_values(), "serial": f"S-{i}"}, f"DC1:{i}", False, {})
        for i in range(n)
    ]


def test_the_collector_is_off_while_drawing_and_as_it_was_after() -> None:
    seen: list[bool] = []
    assert gc.isenabled()
    C.render(_pages(3), io.BytesIO(), progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        C.render(_pages(2), io.BytesIO())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_concurrent_batches_turn_it_on_again_when_the_last_ends() -> None:
    started, release = threading.Barrier(3), threading.Event()

    def slow(done: int, total: int | None) -> None:
        started.wait(10) if not release.is_set() else None
        release.wait(10)

    threads = [
        threading.Thread(target=C.render, args=(_pages(20), io.BytesIO()), kwargs={"progress": slow})
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    started.wait(30)
    assert not gc.isenabled()
    release.set()
    for t in threads:
        t.join(60)
    assert gc.isenabled()


def test_a_batch_leaves_no_cyclic_garbage() -> None:
    gc.collect()
    gc.disable()
    try:
        C.render(_pages(40), io.BytesIO())
        assert gc.collect() == 0
    finally:
        gc.enable()
