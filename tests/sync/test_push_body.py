"""The push body's shape check (`dipdesk.sync.server.push_body`, issue 12): what the per-change model
refused is refused still, as a whole, with where and why (a 422, never a 500); what strict JSON parsers
refuse but the per-change checks name (a lone surrogate, 1e1000) still reaches them."""

from __future__ import annotations

import pytest

from dipdesk.sync.server.push_body import MAX_CHANGES, BodyRefused, parse_push

GOOD = '{"seq":1,"t":"people","id":"x","op":"c","f":{},"h":"000000000000001-00000-d"}'


def test_a_good_body_is_read_as_it_came() -> None:
    version, changes, acked = parse_push(
        f'{{"schema_version":7,"changes":[{GOOD}],"acked_before":0}}'.encode()
    )
    assert (version, acked) == (7, 0) and changes[0]["t"] == "people" and changes[0]["seq"] == 1


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"garbage",
        b"[]",
        b'{"a":' * 5000,
        b'{"schema_version":"7","changes":[]}',
        b'{"schema_version":7,"changes":{"a":1}}',
        b'{"schema_version":7,"changes":[null]}',
        b'{"schema_version":7,"changes":[],"acked_before":-1}',
        GOOD.replace('"seq":1', '"seq":0').join([b'{"schema_version":7,"changes":['.decode(), "]}"]).encode(),
        GOOD.replace('"seq":1', '"seq":true').join(['{"schema_version":7,"changes":[', "]}"]).encode(),
        GOOD.replace('"op":"c"', '"op":"x"').join(['{"schema_version":7,"changes":[', "]}"]).encode(),
        GOOD.replace('"id":"x"', '"id":"' + "x" * 37 + '"')
        .join(['{"schema_version":7,"changes":[', "]}"])
        .encode(),
        GOOD.replace('"t":"people"', '"t":"a\\u0000"')
        .join(['{"schema_version":7,"changes":[', "]}"])
        .encode(),
        GOOD.replace('"f":{}', '"f":[]').join(['{"schema_version":7,"changes":[', "]}"]).encode(),
        GOOD.replace('"f":{}', '"f":{},"zz":1').join(['{"schema_version":7,"changes":[', "]}"]).encode(),
        GOOD.replace('"f":{}', '"f":{},"b":{"a":1}').join(['{"schema_version":7,"changes":[', "]}"]).encode(),
        GOOD.replace(',"h":"000000000000001-00000-d"', "")
        .join(['{"schema_version":7,"changes":[', "]}"])
        .encode(),
        ('{"schema_version":7,"changes":[' + ",".join([GOOD] * (MAX_CHANGES + 1)) + "]}").encode(),
    ],
)
def test_malformed_bodies_are_refused_with_reasons(body: bytes) -> None:
    with pytest.raises(BodyRefused) as refused:
        parse_push(body)
    assert refused.value.errors and all("loc" in e and "msg" in e for e in refused.value.errors)


def test_text_strict_parsers_refuse_reaches_the_per_change_checks() -> None:
    body = GOOD.replace('"f":{}', '"f":{"first_name_th":"\\ud800x","phone":1e1000}')
    _v, changes, _a = parse_push(('{"schema_version":7,"changes":[' + body + "]}").encode())
    assert changes[0]["f"]["first_name_th"] == "\ud800x" and changes[0]["f"]["phone"] == float("inf")
