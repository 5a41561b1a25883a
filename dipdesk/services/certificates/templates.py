"""Certificate templates: listing them, the default per activity, loading a layout, saving an edited
template (validated and audited).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from dipdesk.printing import certificates as printer
from dipdesk.services.certificates.common import COMPLETION_SERVICES, DEFAULT_CODES
from dipdesk.services.context import Context, current_site
from dipdesk.services.errors import NotFound, ValidationError
from dipdesk.services.records import audit
from dipdesk.store.certificate_defaults import seed_certificate_templates
from dipdesk.store.certificates import CertificateTemplate
from dipdesk.store.programs import Activity, Program
from dipdesk.store.reference_data import site_id as reference_site_id
from dipdesk.sync.outbox import capture
from dipdesk.sync.protocol import HQ_SITE_CODE

# ----------------------------------------------------------------------------------------------------
# templates
# ----------------------------------------------------------------------------------------------------


def list_templates(session: Session) -> list[CertificateTemplate]:
    return list(
        session.scalars(
            select(CertificateTemplate)
            .where(CertificateTemplate.deleted.is_(False))
            .order_by(CertificateTemplate.kind, CertificateTemplate.code)
        )
    )


def ensure_default_templates(session: Session) -> int:
    """Put in the two default templates if they are missing (a database set up before they shipped as
    reference data); they are seeded exactly as `seed_reference` seeds them everywhere. Returns how many
    were added (0 almost always)."""
    return seed_certificate_templates(session)


def template_by_code(session: Session, code: str, *, site_id: str | None = None) -> CertificateTemplate:
    """The template with `code`. Codes are per site (migration 0005), and a site holds headquarters'
    templates too: this site's own template comes first, then headquarters', then any other (default
    `site_id`: this installation's site)."""
    if site_id is None:
        site = current_site(session)
        site_id = site.id if site is not None else None
    t = CertificateTemplate
    hq = reference_site_id(HQ_SITE_CODE)
    order = case((t.site_id == site_id, 0), (t.site_id == hq, 1), else_=2)

    def find() -> CertificateTemplate | None:
        return session.scalars(
            select(t).where(t.code == code, t.deleted.is_(False)).order_by(order, t.created_at, t.id)
        ).first()

    tpl = find()
    if tpl is None and code in DEFAULT_CODES and ensure_default_templates(session):
        tpl = find()
    if tpl is None:
        raise NotFound(f"ไม่พบแบบวุฒิบัตร {code}", f"no certificate template {code}")
    return tpl


def default_template(session: Session, activity: Activity) -> CertificateTemplate:
    """วุฒิบัตร (completion) for training and incubation, เกียรติบัตร (participation) otherwise."""
    program = session.get(Program, activity.program_id)
    kind = (
        "completion"
        if program is not None and program.service_kind in COMPLETION_SERVICES
        else "participation"
    )
    templates = list_templates(session)
    if not templates and ensure_default_templates(session):
        templates = list_templates(session)
    for tpl in templates:
        if tpl.kind == kind:
            return tpl
    if templates:
        return templates[0]
    raise NotFound(
        "ยังไม่มีแบบวุฒิบัตร (รับข้อมูลจากส่วนกลาง)",
        "there is no certificate template yet (sync with headquarters)",
    )


def template_layout(tpl: CertificateTemplate) -> printer.Layout:
    return printer.Layout(
        page_size=tpl.page_size,
        orientation=tpl.orientation,
        background_hash=tpl.background_hash,
        elements=tuple(dict(e) for e in tpl.elements or ()),
        key=f"{tpl.id}:{tpl.version}",
    )


def save_template(
    ctx: Context,
    tpl: CertificateTemplate,
    *,
    elements: Sequence[Mapping[str, Any]] | None = None,
    name_th: str | None = None,
    page_size: str | None = None,
    orientation: str | None = None,
    background_hash: str | None = None,
    thai_digits: bool | None = None,
) -> CertificateTemplate:
    """Save changes to a template as its next version (audited).

    Templates belong to the site that made them (most come from headquarters). A site may not change
    another site's template, so its changes become the site's own copy (code ``…-{SITE}``), which it
    then edits in place.
    """
    ctx.require("certificates.templates")
    changes: dict[str, Any] = {}
    if elements is not None:
        problems = printer.check_elements(elements)
        if problems:
            raise ValidationError(
                "elements", "องค์ประกอบของแบบไม่ถูกต้อง: " + "; ".join(problems), "; ".join(problems)
            )
        changes["elements"] = [dict(e) for e in elements]
    if name_th is not None:
        if not name_th.strip():
            raise ValidationError("name_th", "ต้องกรอกชื่อแบบ", "the template needs a name")
        changes["name_th"] = name_th.strip()
    if page_size is not None:
        if page_size.upper() not in printer.PAGE_SIZES:
            raise ValidationError("page_size", "ขนาดกระดาษไม่รองรับ", f"unsupported page size {page_size}")
        changes["page_size"] = page_size.upper()
    if orientation is not None:
        if orientation not in ("landscape", "portrait"):
            raise ValidationError("orientation", "แนวกระดาษไม่ถูกต้อง", "orientation is landscape or portrait")
        changes["orientation"] = orientation
    if background_hash is not None:
        changes["background_hash"] = background_hash
    if thai_digits is not None:
        changes["thai_digits"] = bool(thai_digits)
    changes = {k: v for k, v in changes.items() if getattr(tpl, k) != v}
    if not changes:
        return tpl
    if tpl.site_id != ctx.site.id:
        copy_code = f"{tpl.code}-{ctx.site.code}"[:40]
        existing = ctx.session.scalars(
            select(CertificateTemplate).where(CertificateTemplate.code == copy_code)
        ).first()
        if existing is not None and existing.site_id == ctx.site.id:
            return save_template(ctx, existing, **_as_kwargs(changes))
        copy = CertificateTemplate(
            site_id=ctx.site.id,
            code=copy_code,
            name_th=changes.get("name_th", tpl.name_th),
            kind=tpl.kind,
            page_size=changes.get("page_size", tpl.page_size),
            orientation=changes.get("orientation", tpl.orientation),
            background_hash=changes.get("background_hash", tpl.background_hash),
            thai_digits=changes.get("thai_digits", tpl.thai_digits),
            elements=changes.get("elements", [dict(e) for e in tpl.elements or ()]),
            version=1,
        )
        ctx.session.add(copy)
        ctx.session.flush()
        capture(ctx.session, copy, {}, op="c", user_id=ctx.user_id)
        audit(ctx, "create", copy, {"code": [None, copy_code], "copied_from": [None, tpl.code]})
        return copy
    old = {k: getattr(tpl, k) for k in changes}
    for k, v in changes.items():
        setattr(tpl, k, v)
    tpl.version = (tpl.version or 1) + 1
    ctx.session.flush()
    capture(ctx.session, tpl, {**changes, "version": tpl.version}, user_id=ctx.user_id)
    logged = {k: [old[k], v] for k, v in changes.items() if k != "elements"}
    if "elements" in changes:
        logged["elements"] = [
            f"{len(old['elements'] or [])} elements",
            f"{len(changes['elements'])} elements",
        ]
    logged["version"] = [tpl.version - 1, tpl.version]
    audit(ctx, "update", tpl, logged)
    return tpl


def _as_kwargs(changes: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in changes.items()}
