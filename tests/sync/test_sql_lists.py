"""`sql_lists.pg_text_array`: a list sent as the array's text reads back as the same list on PostgreSQL,
and what cannot be written plainly (quotes, commas, NULL, empty text) goes as the list itself."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine
from synctest import PG_URL

from dipdesk.sync.sql_lists import pg_text_array, select_in

CASES = [
    [str(uuid.uuid4()) for _ in range(3000)],
    ["a", "b-c", "x.y:z_1"],
    ["NULL", "a"],
    ["null"],
    ['a"b', "c"],
    ["a,b"],
    ["a b"],
    ["{x}"],
    [""],
    ["ก"],
    [],
]


def test_plain_lists_are_written_as_text_and_the_rest_left_alone() -> None:
    assert pg_text_array(["a", "b-1"]) == "{a,b-1}"
    for odd in (["NULL"], ["a,b"], [""], ['a"b'], ["a b"], ["{x}"], []):
        assert pg_text_array(odd) == odd


@pytest.mark.skipif(not PG_URL, reason="needs DIPDESK_TEST_PG_URL")
def test_postgresql_reads_back_the_same_list() -> None:
    engine = create_engine(PG_URL)
    try:
        with engine.connect() as conn:
            for items in CASES:
                assert conn.exec_driver_sql("SELECT %s::text[]", (pg_text_array(items),)).scalar() == items
            ids = CASES[0][:50]
            rows = select_in(conn, "SELECT x FROM unnest(%s::text[]) AS u(x) WHERE x", ids, "", CASES[0])
            assert sorted(r[0] for r in rows) == sorted(ids)
    finally:
        engine.dispose()
