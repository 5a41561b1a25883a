"""Record lists in SQL: pages, counts, any-column sorting with a stable tiebreak, Thai substring search."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text

from dipdesk.core.thaiid import make_id, mask_id
from dipdesk.services import demo, records, search
from dipdesk.services.context import system_context
from dipdesk.services.demo import people as demo_people
from dipdesk.services.search import ListQuery, count_rows, fetch_page, parse_search
from dipdesk.store.db import open_database, session_factory
from dipdesk.store.people import Enterprise, Person, Product
from dipdesk.store.programs import Activity, Program

N = 400
NID = make_id("110170012345")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A demo database of a few hundred people, plus people whose names test Thai order and search."""
    eng = open_database(tmp_path_factory.mktemp("search") / "search.sqlite3")
    mp = pytest.MonkeyPatch()
    mp.setattr(demo_people, "hash_password", lambda password: f"test:{password}")
    demo.build_demo(eng, participants=N)
    mp.undo()
    with session_factory(eng)() as s, s.begin():
        ctx = system_context(s)
        for first, last in (("เกศินี", "ศรีสุขสวัสดิ์"), ("ไพโรจน์", "ศรีสุขสวัสดิ์"), ("กมล", "ทดสอบลบ")):
            records.create(ctx, Person, prefix="นาง", first_name_th=first, last_name_th=last)
        records.create(
            ctx,
            Person,
            prefix="นาย",
            first_name_th="ทดสอบ",
            last_name_th="เลขบัตร",
            national_id=NID,
            phone="081-234-5678",
            birth_date=dt.date(1980, 3, 15),
        )
        gone = s.query(Person).filter_by(last_name_th="ทดสอบลบ").one()
        records.soft_delete(ctx, gone)
    yield eng
    eng.dispose()


def page(engine: Engine, q: ListQuery, offset: int = 0, limit: int = search.PAGE_SIZE) -> search.Page:
    with engine.connect() as conn:
        return fetch_page(conn, q, offset, limit)


def count(engine: Engine, q: ListQuery) -> int:
    with engine.connect() as conn:
        return count_rows(conn, q)


def all_rows(engine: Engine, q: ListQuery) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return search.fetch_all(conn, q, batch=97)  # odd batches: page edges fall everywhere


def scalar(engine: Engine, sql: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def test_first_page_and_count_of_live_people(engine: Engine) -> None:
    q = ListQuery("people")
    live = scalar(engine, "SELECT count(*) FROM people WHERE deleted = 0")
    assert count(engine, q) == live == N + 3
    first = page(engine, q)
    assert len(first.rows) == search.PAGE_SIZE and first.total is None and first.plan == "index"
    assert all(isinstance(r[0], str) and len(r[0]) == 36 for r in first.rows)
    rows = all_rows(engine, q)
    assert len(rows) == live and len({r[0] for r in rows}) == live
    assert "ทดสอบลบ" not in {r[2] for r in rows}, "soft-deleted people are not listed"
    last = page(engine, q, offset=live - 10)
    assert len(last.rows) == 10 and last.total == live


def test_national_ids_are_masked_and_dates_are_dates(engine: Engine) -> None:
    rows = all_rows(engine, ListQuery("people", search=NID))
    assert len(rows) == 1
    values = dict(zip(search.PEOPLE.keys, rows[0][1:], strict=True))
    assert values["national_id"] == mask_id(NID) and "x" in values["national_id"]
    assert values["birth_date"] == dt.date(1980, 3, 15)
    assert values["name"] == "นายทดสอบ"


def _thai_key(text_: str) -> str:
    return text_[1] + text_[0] + text_[2:] if text_ and "\u0e40" <= text_[0] <= "\u0e44" else text_


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", [c.key for c in search.PEOPLE.columns])
def test_sorting_people_by_any_column_is_total_and_stable(engine: Engine, key: str, descending: bool) -> None:
    q = ListQuery("people", sort=key, descending=descending)
    rows = all_rows(engine, q)
    assert len(rows) == len({r[0] for r in rows}) == count(engine, q)
    # the same order twice, page by page: the rowid tiebreak makes it stable
    assert [r[0] for r in rows] == [r[0] for r in all_rows(engine, q)]
    i = search.PEOPLE.keys.index(key) + 1
    values = [r[i] for r in rows]
    if key == "province":
        # by the province's name (ก–ฮ, leading vowels with their consonant), people without one last
        names = [v for v in values if v is not None]
        assert names == sorted(names, key=_thai_key, reverse=descending)
        assert values.index(names[0]) == (0 if not descending else values.count(None))
        return
    if key in ("name", "last_name_th"):
        raw = dict(
            (r[0], r[1])
            for r in _raw(
                engine,
                "SELECT id, first_name_th FROM people"
                if key == "name"
                else "SELECT id, last_name_th FROM people",
            )
        )
        values = [raw[r[0]] for r in rows]
        assert values == sorted(values, key=_thai_key, reverse=descending)
        return
    if key == "national_id":
        raw = dict(_raw(engine, "SELECT id, national_id FROM people"))
        values = [raw[r[0]] for r in rows]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=descending)


def _raw(engine: Engine, sql: str) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text(sql)))


def test_thai_names_sort_by_their_consonant_not_their_leading_vowel(engine: Engine) -> None:
    first = [r[0] for r in _raw(engine, "SELECT id, first_name_th FROM people")]
    names = dict(_raw(engine, "SELECT id, first_name_th FROM people"))
    ordered = [names[r[0]] for r in all_rows(engine, ListQuery("people", sort="name"))]
    assert len(ordered) <= len(first)
    k = ordered.index("เกศินี")
    # เกศินี sorts among the ก names (code points would put it after ฮ), ไพโรจน์ among the พ names
    assert all(n[0] == "ก" or _thai_key(n) < "กเศินี" for n in ordered[:k])
    assert all(_thai_key(n) >= "กเศินี" for n in ordered[k:])
    assert not any(n.startswith("ข") for n in ordered[:k])
    p = ordered.index("ไพโรจน์")
    assert ordered[p - 1][0] in "ผฝพ" or _thai_key(ordered[p - 1]) <= "พไโรจน์"


@pytest.mark.parametrize("fragment", ["สุขสวัส", "ศรีสุข", "ขสวั"])
def test_thai_substring_search_finds_surname_fragments(engine: Engine, fragment: str) -> None:
    q = ListQuery("people", search=fragment)
    found = all_rows(engine, q)
    surnames = {r[2] for r in found}
    assert "ศรีสุขสวัสดิ์" in surnames
    assert all(fragment in r[1] + r[2] or fragment in (r[4] or "") for r in found)
    expected = scalar(
        engine,
        f"SELECT count(*) FROM people WHERE deleted = 0 AND (first_name_th || ' ' || last_name_th || ' ' "
        f"|| first_name_en || ' ' || last_name_en || ' ' || phone || ' ' || email || ' ' || prefix) "
        f"LIKE '%{fragment}%'",
    )
    assert len(found) == count(engine, q) == expected
    assert page(engine, q).plan in ("fts", "index+fts")


def test_both_search_plans_give_the_same_rows(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    q = ListQuery("people", search="ศรี", sort="birth_date", descending=True)
    monkeypatch.setattr(search, "DRIVE_FROM_MATCHES_MAX", 10**9)
    by_lookup = all_rows(engine, q)
    assert page(engine, q).plan == "fts"
    monkeypatch.setattr(search, "DRIVE_FROM_MATCHES_MAX", 0)
    by_walk = all_rows(engine, q)
    assert page(engine, q).plan == "index+fts"
    assert by_lookup == by_walk and len(by_walk) > 10


def test_short_terms_fall_back_to_like_and_terms_combine(engine: Engine) -> None:
    short = ListQuery("people", search="กศ")
    assert parse_search("กศ", fts=True).like_terms == ("กศ",)
    rows = all_rows(engine, short)
    assert any(r[1].endswith("เกศินี") for r in rows)
    assert all("กศ" in r[1] + r[2] for r in rows)
    both = all_rows(engine, ListQuery("people", search="ศรีสุข กศ"))
    assert {r[1] for r in both} == {"นางเกศินี"}


def test_full_national_id_and_phone_with_dashes(engine: Engine) -> None:
    dashed = f"{NID[0]}-{NID[1:5]}-{NID[5:10]}-{NID[10:12]}-{NID[12]}"
    assert [r[2] for r in all_rows(engine, ListQuery("people", search=dashed))] == ["เลขบัตร"]
    assert [r[2] for r in all_rows(engine, ListQuery("people", search="081-234-5678"))] == ["เลขบัตร"]
    nothing = page(engine, ListQuery("people", search="ไม่มีใครชื่อนี้เลย"))
    assert nothing.rows == [] and nothing.total == 0


def test_province_filter_and_reference_sort_agree_with_sql(engine: Engine) -> None:
    province_id = scalar(engine, "SELECT province_id FROM people WHERE province_id IS NOT NULL LIMIT 1")
    q = ListQuery("people", filters=(("province_id", province_id),), sort="province")
    expected = scalar(
        engine, f"SELECT count(*) FROM people WHERE deleted = 0 AND province_id = '{province_id}'"
    )
    assert count(engine, q) == len(all_rows(engine, q)) == expected


@pytest.mark.parametrize(
    "kind", ["enterprises", "programs", "activities", "products", "groups", "service_records", "sessions"]
)
def test_every_list_pages_and_sorts_by_every_sortable_column(engine: Engine, kind: str) -> None:
    s = search.spec(kind)
    total = count(engine, ListQuery(kind))
    assert total > 0
    for col in s.columns:
        if col.sort is None:
            continue
        for descending in (False, True):
            q = ListQuery(kind, sort=col.key, descending=descending)
            rows = all_rows(engine, q)
            assert len(rows) == len({r[0] for r in rows}) == total, (kind, col.key, descending)


def test_filters_by_parent_record(engine: Engine) -> None:
    program_id = scalar(
        engine, "SELECT program_id FROM activities GROUP BY program_id ORDER BY count(*) DESC"
    )
    acts = all_rows(engine, ListQuery("activities", filters=(("program_id", program_id),)))
    n = scalar(engine, f"SELECT count(*) FROM activities WHERE deleted = 0 AND program_id = '{program_id}'")
    assert len(acts) == n > 0
    fy = scalar(engine, f"SELECT fiscal_year FROM programs WHERE id = '{program_id}'")
    by_year = count(engine, ListQuery("activities", filters=(("fiscal_year", fy),)))
    assert by_year >= n
    enterprise_id = scalar(engine, "SELECT enterprise_id FROM products LIMIT 1")
    products = all_rows(engine, ListQuery("products", filters=(("enterprise_id", enterprise_id),)))
    assert products and all(r[3] for r in products)  # the enterprise's name is shown


def test_an_enterprise_search_uses_its_trigram_index(engine: Engine) -> None:
    name = scalar(engine, "SELECT name_th FROM enterprises WHERE name_th LIKE 'บริษัท %' LIMIT 1")
    fragment = name.split()[1][:4]
    rows = all_rows(engine, ListQuery("enterprises", search=fragment))
    assert rows and all(fragment in (r[2] or "") or fragment in (r[1] or "") for r in rows)


def test_a_long_count_can_be_stopped(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "PROGRESS_STEPS", 100)  # this database is small: look often
    fresh = create_engine(engine.url)  # connections that have not installed the check yet
    started = time.monotonic()
    with fresh.connect() as conn, pytest.raises(search.Interrupted):
        count_rows(conn, ListQuery("people", search="ก"), should_stop=lambda: True)
    assert time.monotonic() - started < 5
    with fresh.connect() as conn:  # the connection is still usable afterwards, and counts again
        assert count_rows(conn, ListQuery("people"), should_stop=lambda: False) == N + 3
        page_ = fetch_page(conn, ListQuery("people"), 0, 5, should_stop=lambda: False)
        assert len(page_.rows) == 5
    fresh.dispose()


def test_next_code_continues_the_running_number(engine: Engine, tmp_path: Path) -> None:
    with engine.connect() as conn:
        suggested = search.next_code(conn, "enterprises", "IPC1-E", 6)
        assert suggested.startswith("IPC1-E") and len(suggested) == 12
        highest = conn.execute(text("SELECT max(code) FROM enterprises WHERE code LIKE 'IPC1-E%'")).scalar()
        assert int(suggested[6:]) == int(highest[6:]) + 1
        assert search.next_code(conn, "groups", "NEW-", 3) == "NEW-001"


def test_unknown_list_sort_or_filter_is_refused(engine: Engine) -> None:
    with pytest.raises(KeyError, match="lists"):
        search.spec("nothing")
    with pytest.raises(KeyError):
        page(engine, ListQuery("people", sort="password"))
    with pytest.raises(KeyError):
        page(engine, ListQuery("people", filters=(("site_id", "x"),)))


def test_models_used_here_exist() -> None:
    assert {
        Enterprise.__tablename__,
        Product.__tablename__,
        Program.__tablename__,
        Activity.__tablename__,
    } <= {s.table for s in search.SPECS.values()}


def test_people_name_column_writes_the_title_the_thai_way() -> None:
    """`นางสมศรี` against a Thai first name, `นางสาว Mary` before a Latin one (core.names.full_name)."""
    assert search.PEOPLE.column("name").kind == "prefixed"
    assert search._convert("prefixed", "นาง\x1fสมศรี") == "นางสมศรี"
    assert search._convert("prefixed", "นางสาว\x1fMary-Jane") == "นางสาว Mary-Jane"
    assert search._convert("prefixed", "\x1fสมศรี") == "สมศรี"
