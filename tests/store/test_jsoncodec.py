"""JSON columns and payloads through orjson, with the standard library for what orjson refuses."""

from __future__ import annotations

import json

from sqlalchemy import text

from dipdesk.store import jsoncodec
from dipdesk.store.db import open_database


def test_what_orjson_refuses_still_round_trips() -> None:
    for value in (
        {"n": 2**70, "thai": "สมศรี"},  # beyond 64 bits
        {"bad": "\udc80"},  # a lone surrogate (stored before issue 17's checks)
        {1: "a non-text key"},
    ):
        assert jsoncodec.loads(jsoncodec.dumps(value)) == json.loads(json.dumps(value))
    assert jsoncodec.dumps({"ชื่อ": "สมศรี"}) == '{"ชื่อ":"สมศรี"}'  # UTF-8, no \\u escapes, compact
    assert jsoncodec.loads('{"x": NaN}')["x"] != 0  # what the standard library wrote before reads back
    assert jsoncodec.dumps_bytes({"bad": "\udc80"}) == b'{"bad":"\\udc80"}'


def test_json_columns_read_what_either_writer_wrote(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.store.sync import OUTBOX

    eng = open_database(tmp_path / "j.sqlite3")
    with eng.begin() as conn:
        for i, fields in enumerate(['{"a": "\\u0e2a"}', '{"a":"ส"}']):  # the old writer's escapes, orjson's
            conn.execute(
                text(
                    "INSERT INTO sync_outbox (table_name, record_id, op, fields, base, hlc, state, reject_reason,"
                    " created_at) VALUES ('people', :r, 'u', :f, '{}', 'h', 'acked', '', '2024-01-01')"
                ),
                {"r": str(i), "f": fields},
            )
        got = [r[0] for r in conn.execute(OUTBOX.select().with_only_columns(OUTBOX.c.fields))]
    assert got == [{"a": "ส"}, {"a": "ส"}]
    eng.dispose()
