"""The lab's catalog: tests (plain, calculated, with interim readings), specifications per product type,
and the look-ups the other stages need (``test_by_code``, ``spec_for``, ``product_types``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core import labresults as lr
from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound
from dipdesk.services.lab.common import CATALOG_PERMISSION, _verr
from dipdesk.store.lab import (
    RESULT_TYPES,
    TEST_KINDS,
    LabSample,
    LabSpecification,
    LabTest,
)


def _validate_test(ctx: Context, test: LabTest) -> None:
    if not (test.code or "").strip():
        raise _verr("code", "รหัสรายการทดสอบ: ต้องกรอก", "code: is required")
    if not (test.name_th or "").strip():
        raise _verr("name_th", "ชื่อรายการทดสอบ: ต้องกรอก", "name_th: is required")
    dup = ctx.session.scalars(
        select(LabTest.id).where(LabTest.code == test.code, LabTest.id != test.id, LabTest.deleted.is_(False))
    ).first()
    if dup:
        raise _verr("code", f"มีรหัส {test.code} แล้ว", f"code {test.code} is already used")
    if test.kind not in TEST_KINDS:
        raise _verr(
            "kind", f"ประเภทต้องเป็น {', '.join(TEST_KINDS)}", f"kind must be one of {', '.join(TEST_KINDS)}"
        )
    if test.result_type not in RESULT_TYPES:
        raise _verr(
            "result_type",
            f"ชนิดผลต้องเป็น {', '.join(RESULT_TYPES)}",
            f"result_type must be one of {', '.join(RESULT_TYPES)}",
        )
    if test.result_type == "choice" and not test.choices:
        raise _verr("choices", "ผลแบบตัวเลือกต้องมีรายการตัวเลือก", "a choice result needs its choices")
    if not 0 <= (test.decimals or 0) <= 6:
        raise _verr("decimals", "จำนวนทศนิยมต้องอยู่ระหว่าง 0 ถึง 6", "decimals must be 0 to 6")
    for name in ("lod", "upper_limit", "uncertainty"):
        v = getattr(test, name)
        if v is not None and v < 0:
            raise _verr(name, f"{name}: ต้องไม่ติดลบ", f"{name}: must not be negative")
    if test.lod is not None and test.upper_limit is not None and test.upper_limit <= test.lod:
        raise _verr("upper_limit", "ขีดจำกัดบนต้องมากกว่า LOD", "the upper limit must be above the LOD")
    if test.fee is not None and test.fee < 0:
        raise _verr("fee", "ค่าธรรมเนียมต้องไม่ติดลบ", "the fee must not be negative")
    if (test.turnaround_days or 0) < 0:
        raise _verr("turnaround_days", "ระยะเวลาต้องไม่ติดลบ", "turnaround must not be negative")
    keys: list[str] = []
    for item in test.interim_fields or []:
        key = str(item.get("key", "")) if isinstance(item, dict) else ""
        if not re.fullmatch(r"[A-Za-z_]\w*", key):
            raise _verr(
                "interim_fields",
                f"ชื่อค่าที่วัด “{key}” ต้องเป็นตัวอักษรอังกฤษ/ตัวเลข เช่น wet",
                f"reading key “{key}” must be an identifier such as wet",
            )
        keys.append(key)
    if test.formula:
        others = ctx.session.scalars(
            select(LabTest.code).where(LabTest.deleted.is_(False), LabTest.id != test.id)
        )
        known = set(keys) | {lr.variable_name(c) for c in others}
        try:
            lr.check_formula(test.formula, known)
        except lr.FormulaError as exc:
            raise _verr("formula", exc.message_th, exc.message_en) from exc


def _normalize_test_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    if isinstance(out.get("choices"), str):
        out["choices"] = [c.strip() for c in out["choices"].split(",") if c.strip()]
    if isinstance(out.get("interim_fields"), str):
        out["interim_fields"] = _interim_from_text(out["interim_fields"])
    for key in ("lod", "upper_limit", "uncertainty"):
        if isinstance(out.get(key), str):
            text = out[key].strip()
            if not text:
                out[key] = None
            else:
                try:
                    out[key] = lr.parse_number(text)
                except lr.ResultError as exc:
                    raise _verr(key, f"{key}: {exc.message_th}", f"{key}: {exc.message_en}") from exc
    return out


def _interim_from_text(text: str) -> list[dict[str, str]]:
    """``wet:น้ำหนักก่อนอบ:g; dry:น้ำหนักหลังอบ:g`` (the table editor's text form) as reading fields."""
    items = []
    for part in text.split(";"):
        if not part.strip():
            continue
        key, _, rest = part.strip().partition(":")
        name, _, unit = rest.partition(":")
        items.append({"key": key.strip(), "name_th": name.strip() or key.strip(), "unit": unit.strip()})
    return items


def interim_as_text(fields: Sequence[dict[str, Any]]) -> str:
    return "; ".join(f"{f.get('key', '')}:{f.get('name_th', '')}:{f.get('unit', '')}" for f in fields or [])


def create_test(ctx: Context, **fields: Any) -> LabTest:
    """Add a test to the catalog (validated, audited)."""
    ctx.require(CATALOG_PERMISSION)
    fields = _normalize_test_fields(fields)
    code = str(fields.get("code") or "").strip()
    if code and ctx.session.scalars(select(LabTest.id).where(LabTest.code == code)).first():
        raise _verr("code", f"มีรหัส {code} แล้ว", f"code {code} is already used")
    test = records.create(ctx, LabTest, **fields)
    _validate_test(ctx, test)  # raising rolls the caller's transaction back
    return test


def update_test(ctx: Context, test: LabTest, **fields: Any) -> dict[str, list[Any]]:
    ctx.require(CATALOG_PERMISSION)
    fields = _normalize_test_fields(fields)
    code = fields.get("code")
    if (
        code
        and code != test.code
        and ctx.session.scalars(select(LabTest.id).where(LabTest.code == code)).first()
    ):
        raise _verr("code", f"มีรหัส {code} แล้ว", f"code {code} is already used")
    changes = records.update(ctx, test, **fields)
    _validate_test(ctx, test)
    return changes


def _validate_spec(ctx: Context, spec: LabSpecification) -> None:
    if not (spec.product_type or "").strip():
        raise _verr("product_type", "ประเภทผลิตภัณฑ์: ต้องกรอก", "product_type: is required")
    test = ctx.session.get(LabTest, spec.test_id) if spec.test_id else None
    if test is None or test.deleted:
        raise _verr("test_id", "ไม่พบรายการทดสอบ", "no such test")
    if spec.min_value is None and spec.max_value is None:
        raise _verr("max_value", "ต้องมีค่าต่ำสุดหรือสูงสุดอย่างน้อยหนึ่งค่า", "give a minimum or a maximum")
    lo, hi = spec.min_value, spec.max_value
    if lo is not None and hi is not None and lo > hi:
        raise _verr("min_value", "ค่าต่ำสุดต้องไม่มากกว่าค่าสูงสุด", "the minimum must not exceed the maximum")
    for name in ("warn_low", "warn_high"):
        w = getattr(spec, name)
        if w is None:
            continue
        if (lo is not None and w < lo) or (hi is not None and w > hi):
            raise _verr(name, "ช่วงเตือนต้องอยู่ภายในเกณฑ์กำหนด", "the warning band must lie inside the limits")
    dup = ctx.session.scalars(
        select(LabSpecification.id).where(
            LabSpecification.product_type == spec.product_type,
            LabSpecification.test_id == spec.test_id,
            LabSpecification.id != spec.id,
            LabSpecification.deleted.is_(False),
        )
    ).first()
    if dup:
        raise _verr(
            "product_type",
            f"มีเกณฑ์ของรายการนี้สำหรับ {spec.product_type} แล้ว",
            f"{spec.product_type} already has a specification for this test",
        )


def _spec_fields(ctx: Context, fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    code = out.pop("test_code", None)
    if code:
        out["test_id"] = test_by_code(ctx.session, str(code)).id
    for key in ("min_value", "max_value", "warn_low", "warn_high"):
        if isinstance(out.get(key), str):
            text = out[key].strip()
            try:
                out[key] = lr.parse_number(text) if text else None
            except lr.ResultError as exc:
                raise _verr(key, f"{key}: {exc.message_th}", f"{key}: {exc.message_en}") from exc
    return out


def create_specification(ctx: Context, **fields: Any) -> LabSpecification:
    """Add a specification; one per (product type, test). A removed one for the same pair comes back."""
    ctx.require(CATALOG_PERMISSION)
    values = _spec_fields(ctx, fields)
    existing = ctx.session.scalars(
        select(LabSpecification).where(
            LabSpecification.product_type == str(values.get("product_type") or "").strip(),
            LabSpecification.test_id == values.get("test_id"),
        )
    ).first()
    if existing is not None and not existing.deleted:
        raise _verr(
            "product_type",
            f"มีเกณฑ์ของรายการนี้สำหรับ {existing.product_type} แล้ว",
            f"{existing.product_type} already has a specification for this test",
        )
    if existing is not None:
        existing.deleted = False
        records.audit(ctx, "restore", existing, {"deleted": [True, False]})
        blank = {"min_value": None, "max_value": None, "warn_low": None, "warn_high": None, "standard": ""}
        records.update(ctx, existing, **{**blank, **values})
        spec = existing
    else:
        spec = records.create(ctx, LabSpecification, **values)
    _validate_spec(ctx, spec)
    return spec


def update_specification(ctx: Context, spec: LabSpecification, **fields: Any) -> dict[str, list[Any]]:
    ctx.require(CATALOG_PERMISSION)
    changes = records.update(ctx, spec, **_spec_fields(ctx, fields))
    _validate_spec(ctx, spec)
    return changes


def remove_specification(ctx: Context, spec: LabSpecification, reason: str = "") -> None:
    ctx.require(CATALOG_PERMISSION)
    records.soft_delete(ctx, spec, reason)


def test_by_code(session: Session, code: str) -> LabTest:
    test = session.scalars(select(LabTest).where(LabTest.code == code, LabTest.deleted.is_(False))).first()
    if test is None:
        raise NotFound(f"ไม่พบรายการทดสอบรหัส {code}", f"no test with code {code}")
    return test


def catalog_tests(session: Session) -> list[LabTest]:
    return list(session.scalars(select(LabTest).where(LabTest.deleted.is_(False)).order_by(LabTest.code)))


def catalog_specs(session: Session) -> list[tuple[LabSpecification, LabTest]]:
    q = (
        select(LabSpecification, LabTest)
        .join(LabTest, LabTest.id == LabSpecification.test_id)
        .where(LabSpecification.deleted.is_(False))
        .order_by(LabSpecification.product_type, LabTest.code)
    )
    return [(s, t) for s, t in session.execute(q)]


def spec_for(session: Session, product_type: str, test_id: str) -> lr.Spec | None:
    row = session.scalars(
        select(LabSpecification).where(
            LabSpecification.product_type == product_type,
            LabSpecification.test_id == test_id,
            LabSpecification.deleted.is_(False),
        )
    ).first()
    return _spec(row)


def _spec(row: LabSpecification | None) -> lr.Spec | None:
    if row is None:
        return None
    return lr.Spec(row.min_value, row.max_value, row.warn_low, row.warn_high, row.standard)


def product_types(session: Session) -> list[str]:
    """Product types the catalog has specifications for (and those samples already used)."""
    a = session.scalars(
        select(LabSpecification.product_type).where(LabSpecification.deleted.is_(False)).distinct()
    )
    b = session.scalars(select(LabSample.product_type).where(LabSample.product_type != "").distinct())
    return sorted(set(a) | set(b))
