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


# --- the default certificate templates ---------------------------------------------------------------------


def test_default_certificate_templates_ship_as_reference_data(session: Session) -> None:
    """Without any demo: both defaults, owned by headquarters, fixed ids and created_at, no outbox row,
    the zero clock (so a later HQ edit is an ordinary update), idempotent."""
    from dipdesk.store.certificate_defaults import SEEDED_AT, ZERO_STAMP, template_id
    from dipdesk.store.certificates import CertificateTemplate
    from dipdesk.store.sync import CLOCKS, OUTBOX
    from dipdesk.sync import hlc

    assert hlc.zero() == ZERO_STAMP
    seed_reference(session)
    session.commit()
    seed_reference(session)
    session.commit()
    rows = session.scalars(select(CertificateTemplate).order_by(CertificateTemplate.code)).all()
    assert [(t.code, t.kind, t.name_th) for t in rows] == [
        ("CERT-COMPLETION", "completion", "วุฒิบัตร"),
        ("CERT-PARTICIPATION", "participation", "เกียรติบัตร"),
    ]
    for t in rows:
        assert t.id == template_id(t.code) and t.site_id == site_id("DIPROM")
        assert t.created_at == SEEDED_AT and t.version == 1 and len(t.background_hash) == 64
        types = [e["type"] for e in t.elements]
        assert types.count("signatory") == 2 and "qr" in types and "serial" in types
    assert session.scalar(select(func.count()).select_from(OUTBOX)) == 0
    clocks = session.execute(
        select(CLOCKS.c.record_id, CLOCKS.c.field, CLOCKS.c.hlc).where(
            CLOCKS.c.table_name == CertificateTemplate.__tablename__
        )
    ).all()
    assert sorted(clocks) == sorted((t.id, "*", hlc.zero()) for t in rows)


def test_seeded_templates_are_not_snapshotted_and_an_hq_edit_is_an_update(session: Session) -> None:
    from dipdesk.services.certificates import save_template
    from dipdesk.services.context import Context
    from dipdesk.services.setup import first_run
    from dipdesk.store.certificates import CertificateTemplate
    from dipdesk.store.sync import OUTBOX
    from dipdesk.sync import outbox

    admin = first_run(session, "DIPROM", "hqadmin", "correct horse battery 2569")
    session.commit()
    conn = session.connection()
    assert outbox.count_unclocked(conn, site_id("DIPROM")) == 1  # the admin user only
    outbox.snapshot(conn, site_id("DIPROM"))
    queued = set(session.scalars(select(OUTBOX.c.table_name)))
    assert "certificate_templates" not in queued
    hq = session.get(Site, site_id("DIPROM"))
    assert hq is not None
    tpl = session.scalars(
        select(CertificateTemplate).where(CertificateTemplate.code == "CERT-COMPLETION")
    ).one()
    save_template(Context(session=session, user=admin, site=hq), tpl, name_th="วุฒิบัตร (ปรับปรุง)")
    row = session.execute(
        select(OUTBOX.c.op, OUTBOX.c.fields).where(OUTBOX.c.table_name == "certificate_templates")
    ).one()
    assert row.op == "u" and set(row.fields) == {"name_th", "version"}


def test_defaults_follow_the_fixed_layout_of_the_qr_code() -> None:
    from dipdesk.printing.certificates import check_elements
    from dipdesk.store.certificate_defaults import DEFAULT_TEMPLATES, INK, default_elements

    for _code, kind, name, intro, verb in DEFAULT_TEMPLATES:
        elements = default_elements(name, intro, verb, INK[kind])
        assert check_elements(elements) == []
        qr = next(e for e in elements if e["type"] == "qr")
        assert qr["size_mm"] >= 28
        # inside the page's border (A4 landscape, the ornament ends about 14 mm from each edge)
        assert qr["x_mm"] + qr["size_mm"] <= 297 - 14 and qr["y_mm"] + qr["size_mm"] + 8 <= 210 - 14
