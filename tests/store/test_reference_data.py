"""Reference data: 77 provinces, the department's sites, each province covered exactly once, idempotent seed."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dipdesk.store.reference import Province, Site, SiteProvince
from dipdesk.store.reference_data import (
    CENTER_PROVINCES,
    PROVINCES,
    REGIONS,
    SITES,
    province_id,
    seed_reference,
    site_id,
)


def test_77_provinces_with_dopa_codes() -> None:
    codes = [code for code, *_ in PROVINCES]
    assert len(codes) == 77 and len(set(codes)) == 77
    assert all(len(c) == 2 and c.isdigit() for c in codes)
    names = {code: th for code, th, _en, _region in PROVINCES}
    assert names["10"] == "กรุงเทพมหานคร" and names["38"] == "บึงกาฬ" and names["96"] == "นราธิวาส"
    assert names["50"] == "เชียงใหม่" and names["90"] == "สงขลา"
    assert {region for *_, region in PROVINCES} <= set(REGIONS)
    assert all(en and th for _code, th, en, _region in PROVINCES)


def test_every_province_is_covered_exactly_once() -> None:
    covered = Counter(code for codes in CENTER_PROVINCES.values() for code in codes)
    assert set(covered) == {code for code, *_ in PROVINCES}
    assert all(n == 1 for n in covered.values()), [c for c, n in covered.items() if n > 1]
    site_codes = {s["code"] for s in SITES}
    assert set(CENTER_PROVINCES) <= site_codes
    assert set(CENTER_PROVINCES["DIPROM"]) >= {"10", "11", "12", "13"}, "HQ serves Bangkok and vicinity"


def test_sites_are_hq_bureaus_and_eleven_centers() -> None:
    columns = set(Site.__table__.columns.keys())
    assert all(set(s) <= columns for s in SITES)
    codes = [s["code"] for s in SITES]
    assert len(codes) == len(set(codes))
    assert {"DIPROM", "IAU", "SBK", "SBY", "SPK", "SPJ", "SPB", "SPS", "SPX", "SPP", "SPC", "AGRO"} <= set(
        codes
    )
    centers = [s for s in SITES if s["kind"] == "center"]
    assert [s["code"] for s in centers] == [f"IPC{n}" for n in range(1, 12)]
    assert [s["center_no"] for s in centers] == list(range(1, 12))
    assert {s["code"] for s in SITES if s["has_lab"]} == {s["code"] for s in centers} | {"SPS"}
    assert all(
        s["code"].isascii() and s["province_code"] in dict.fromkeys(c for c, *_ in PROVINCES) for s in SITES
    )
    hq = next(s for s in SITES if s["code"] == "DIPROM")
    assert hq["kind"] == "hq" and "75/6 ถนนพระรามที่ 6" in hq["address"] and hq["address"].endswith("10400")
    for center in centers:  # each center sits in a province it covers
        assert center["province_code"] in CENTER_PROVINCES[center["code"]]


def _counts(session: Session) -> tuple[int, int, int]:
    return (
        session.scalar(select(func.count()).select_from(Province)) or 0,
        session.scalar(select(func.count()).select_from(Site)) or 0,
        session.scalar(select(func.count()).select_from(SiteProvince)) or 0,
    )


def test_seed_is_idempotent_with_deterministic_ids(session: Session) -> None:
    seed_reference(session)
    session.commit()
    first = _counts(session)
    assert first == (77, len(SITES), 77)
    seed_reference(session)
    session.commit()
    assert _counts(session) == first
    assert session.get(Province, province_id("38")) is not None
    ipc1 = session.get(Site, site_id("IPC1"))
    assert ipc1 is not None and ipc1.code == "IPC1" and ipc1.has_lab


def test_seed_keeps_coverage_that_hq_moved(session: Session) -> None:
    seed_reference(session)
    session.commit()
    # HQ moves บึงกาฬ from center 6 to center 5; re-seeding must not give it a second center.
    session.execute(
        update(SiteProvince)
        .where(SiteProvince.province_id == province_id("38"))
        .values(site_id=site_id("IPC5"))
    )
    session.commit()
    seed_reference(session)
    session.commit()
    rows = session.scalars(select(SiteProvince).where(SiteProvince.province_id == province_id("38"))).all()
    assert [r.site_id for r in rows] == [site_id("IPC5")]
    per_province = session.execute(
        select(SiteProvince.province_id, func.count()).group_by(SiteProvince.province_id)
    ).all()
    assert len(per_province) == 77 and all(n == 1 for _, n in per_province)
