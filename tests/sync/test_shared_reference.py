"""Reference data kept in site-owned tables (SYNC.md #7, PRINTING.md "templates are data synced from
headquarters"): headquarters' certificate templates, and the year's targets it sets for a site or the
nation, reach every site entitled to them, with the images they name; only the owner may change them,
and a refused edit neither blocks the queue nor leaves the replica different from the server."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

from synctest import Device, Server, create_person

from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.store.certificate_defaults import template_id
from dipdesk.store.certificates import CertificateTemplate
from dipdesk.store.programs import Target
from dipdesk.sync.files import local_path
from dipdesk.sync.outbox import capture

HQ = "DIPROM"
COMPLETION = template_id("CERT-COMPLETION")


def _png() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (240, 80), "white")
    ImageDraw.Draw(img).line([(10, 60), (80, 15), (150, 55), (230, 20)], fill="navy", width=4)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _hq_and_center(server: Server, devices: Any, tag: str) -> tuple[Device, Device, str]:
    if HQ in server.sites:
        server.sites.remove(HQ)
    site = server.take_site()
    hq, center = devices(server, f"hq{tag}"), devices(server, f"center{tag}")
    hq.first_run(HQ)
    hq.enroll(HQ)
    hq.sync_ok()
    center.first_run(site)
    center.enroll(site)
    center.sync_ok()
    return hq, center, site


def _text(pdf: bytes, tmp: Path) -> str:
    path = tmp / "preview.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_hq_templates_and_targets_reach_every_site_and_only_hq_changes_them(
    server: Server, devices: Any, tmp_path: Path
) -> None:
    from dipdesk.services import certificates as svc
    from dipdesk.services import kpi
    from dipdesk.store.reference_data import site_id as site_id_of

    hq, center, site = _hq_and_center(server, devices, "1")
    center_id = site_id_of(site)
    signature = _png()
    # headquarters edits the default วุฒิบัตร (new title, a signature image), adds a template of its own
    # and sets this year's targets: national, and the center's share
    with hq.ctx() as s:
        ctx = system_context(s)
        sha = svc.store_file(hq.engine, signature)
        tpl = s.get(CertificateTemplate, COMPLETION)
        assert tpl is not None
        elements = [dict(e) for e in tpl.elements]
        for e in elements:
            if e.get("key") == "title":
                e["text"] = "วุฒิบัตรฉบับปรับปรุงจากส่วนกลาง"
            if e.get("key") == "signatory1":
                e["signature_hash"] = sha
        svc.save_template(ctx, tpl, elements=elements)
        new_tpl = records.create(
            ctx,
            CertificateTemplate,
            code=f"HQ-SPECIAL-{site}",
            name_th="เกียรติบัตรพิเศษ",
            kind="participation",
            elements=[dict(e) for e in elements],
        )
        new_id = str(new_tpl.id)
        kpi.set_target(ctx, 2569, for_site_id=None, persons=16200, enterprises=2200)
        kpi.set_target(ctx, 2569, for_site_id=center_id, persons=1500)
    hq.sync_ok()
    assert server.scalar("SELECT complete FROM srv_files WHERE sha256 = :h", h=sha) in (1, True)

    center.sync_ok()
    assert center.scalar("SELECT version FROM certificate_templates WHERE id = :t", t=COMPLETION) == 2
    assert (
        center.scalar("SELECT name_th FROM certificate_templates WHERE id = :t", t=new_id) == "เกียรติบัตรพิเศษ"
    )
    assert local_path(center.engine, sha).read_bytes() == signature, "the signature image travelled"
    assert (
        center.scalar(
            "SELECT persons FROM targets WHERE for_site_id = :s AND fiscal_year = 2569", s=center_id
        )
        == 1500
    )
    assert (
        center.scalar("SELECT persons FROM targets WHERE for_site_id IS NULL AND fiscal_year = 2569") == 16200
    )
    # …and prints with the new version
    with center.ctx() as s:
        tpl = s.get(CertificateTemplate, COMPLETION)
        assert tpl is not None
        layout = svc.template_layout(tpl)
        assert svc.resolve_files(center.engine, layout).get(sha) == str(local_path(center.engine, sha))
        pdf = svc.preview_pdf(center.engine, layout)
    assert "วุฒิบัตรฉบับปรับปรุงจากส่วนกลาง" in _text(pdf, tmp_path)

    # a center's device that edits headquarters' template itself (an old client, a crafted change): the
    # server refuses it with a reason, the rest of its queue goes on, and the server's version comes back
    pid = create_person(center, first_name_th="หลังแบบถูกปฏิเสธ")
    with center.ctx() as s:
        tpl = s.get(CertificateTemplate, COMPLETION)
        assert tpl is not None
        tpl.name_th = "แก้โดยศูนย์"
        s.flush()
        capture(s, tpl, {"name_th": "แก้โดยศูนย์"})
    report = center.sync_ok()
    assert report.rejected == 1 and report.rejections[0].table == "certificate_templates", report.rejections
    assert "another site" in report.rejections[0].reason
    assert center.pending() == 0
    assert server.scalar("SELECT count(*) FROM people WHERE id = :p", p=pid) == 1, "the queue went on"
    assert server.scalar("SELECT name_th FROM certificate_templates WHERE id = :t", t=COMPLETION) == "วุฒิบัตร"
    assert center.scalar("SELECT name_th FROM certificate_templates WHERE id = :t", t=COMPLETION) == "วุฒิบัตร"
    assert center.scalar("SELECT count(*) FROM sync_outbox WHERE state = 'rejected'") == 1
    # nor may it change the national target headquarters set
    with center.ctx() as s:
        target = s.query(Target).filter(Target.for_site_id.is_(None)).one()
        target.persons = 1
        s.flush()
        capture(s, target, {"persons": 1})
    report = center.sync_ok()
    assert report.rejected == 1
    assert center.scalar("SELECT persons FROM targets WHERE for_site_id IS NULL") == 16200

    # later HQ edits still reach it (the restored clocks do not shadow them)
    with hq.ctx() as s:
        tpl = s.get(CertificateTemplate, COMPLETION)
        assert tpl is not None
        svc.save_template(system_context(s), tpl, name_th="วุฒิบัตร 2569")
    hq.sync_ok()
    center.sync_ok()
    assert (
        center.scalar("SELECT name_th FROM certificate_templates WHERE id = :t", t=COMPLETION) == "วุฒิบัตร 2569"
    )
    assert center.scalar("SELECT version FROM certificate_templates WHERE id = :t", t=COMPLETION) == 3

    # the center never receives headquarters' own records, and digests converge
    hq_person = create_person(hq, first_name_th="คนของส่วนกลาง")
    hq.sync_ok()
    center.sync_ok()
    assert center.scalar("SELECT count(*) FROM people WHERE id = :p", p=hq_person) == 0
    hq.assert_converged()
    center.assert_converged()


def test_a_device_that_pulled_under_the_narrower_scope_catches_up(server: Server, devices: Any) -> None:
    from dipdesk.services import certificates as svc
    from dipdesk.store.certificate_defaults import ZERO_DEVICE, ZERO_STAMP, default_template_rows
    from dipdesk.store.reference_data import site_id as site_id_of
    from dipdesk.sync.client import KEY_SCOPE

    hq, center, _site = _hq_and_center(server, devices, "2")
    with hq.ctx() as s:
        tpl = s.get(CertificateTemplate, COMPLETION)
        assert tpl is not None
        svc.save_template(system_context(s), tpl, name_th="วุฒิบัตรรุ่นใหม่")
    hq.sync_ok()
    center.sync_ok()
    # as the center would be had it pulled this before the wider rule: the seeded row, its cursor past it
    seeded = next(r for r in default_template_rows(site_id_of(HQ)) if r["id"] == COMPLETION)
    with center.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(
            text("UPDATE certificate_templates SET name_th = :n, version = 1 WHERE id = :t"),
            {"n": seeded["name_th"], "t": COMPLETION},
        )
        conn.execute(
            text(
                "DELETE FROM sync_field_clocks WHERE table_name = 'certificate_templates' AND record_id = :t"
            ),
            {"t": COMPLETION},
        )
        conn.execute(
            text(
                "INSERT INTO sync_field_clocks (table_name, record_id, field, hlc, device_id) "
                "VALUES ('certificate_templates', :t, '*', :h, :d)"
            ),
            {"t": COMPLETION, "h": ZERO_STAMP, "d": ZERO_DEVICE},
        )
        conn.execute(text("UPDATE local_state SET value = '0' WHERE key = :k"), {"k": KEY_SCOPE})
    assert not center.verify().identical
    center.sync_ok()
    assert (
        center.scalar("SELECT name_th FROM certificate_templates WHERE id = :t", t=COMPLETION) == "วุฒิบัตรรุ่นใหม่"
    )
    from dipdesk.sync.protocol import SHARED_SCOPE_VERSION

    assert center.scalar("SELECT value FROM local_state WHERE key = :k", k=KEY_SCOPE) == str(
        SHARED_SCOPE_VERSION
    )
    center.assert_converged()
