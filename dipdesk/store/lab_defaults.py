"""The lab catalog every installation ships with: common tests and the product types specifications and
samples are filed under, so a new lab can receive its first sample the day it is installed.

Reference data in the way the certificate templates are (`dipdesk.store.certificate_defaults`): seeded by
`dipdesk.store.reference_data.seed_reference` (first run, enrolment, the central server) and by migration
0008 for databases made before it, with fixed ids (UUID5 over the reference namespace and the code), owned
by headquarters (DIPROM), a fixed ``created_at`` and the zero clock, never written to the sync outbox: every
device and the server hold the same rows before they ever sync. A lab adds its own tests beside these;
headquarters may correct them as data.

Product types are codes kept on specifications and samples (`LabSpecification.product_type`); the list
here names them in Thai and English for the pickers. A lab may still file a sample under a type of its own.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from dipdesk.store.certificate_defaults import OWNER_SITE, SEEDED_AT, ZERO_DEVICE, ZERO_STAMP
from dipdesk.store.lab import LabTest
from dipdesk.store.reference import Site
from dipdesk.store.reference_ids import reference_id
from dipdesk.store.sync import CLOCKS

#: (code, Thai, English): the kinds of product the department's labs test (LAB.md)
PRODUCT_TYPES: tuple[tuple[str, str, str], ...] = (
    ("food", "อาหาร", "Food"),
    ("beverage", "เครื่องดื่ม", "Beverages"),
    ("herbal", "ผลิตภัณฑ์สมุนไพร", "Herbal products"),
    ("cosmetic", "เครื่องสำอาง", "Cosmetics"),
    ("packaging", "บรรจุภัณฑ์", "Packaging"),
    ("textile", "สิ่งทอ", "Textiles"),
    ("ceramic", "เซรามิก", "Ceramics"),
    ("raw_material", "วัตถุดิบ", "Raw materials"),
    ("other", "อื่น ๆ", "Other"),
)

# fmt: off
#: the default tests: the fields of `LabTest` (codes start with "STD-": never a site's own code)
DEFAULT_TESTS: tuple[dict[str, Any], ...] = (
    {"code": "STD-MOIST", "name_th": "ความชื้น", "name_en": "Moisture", "kind": "physical",
     "method": "การอบแห้งที่ 105 °C (gravimetric)", "standard_ref": "AOAC 925.10", "unit": "%",
     "decimals": 2, "lod": 0.1, "fee": Decimal(300), "turnaround_days": 5},
    {"code": "STD-ASH", "name_th": "เถ้า", "name_en": "Ash", "kind": "chemical",
     "method": "การเผาที่ 550 °C", "standard_ref": "AOAC 923.03", "unit": "%", "decimals": 2,
     "lod": 0.05, "fee": Decimal(300), "turnaround_days": 5},
    {"code": "STD-PH", "name_th": "ความเป็นกรด-ด่าง", "name_en": "pH", "kind": "physical",
     "method": "pH meter", "standard_ref": "AOAC 981.12", "unit": "", "decimals": 2,
     "fee": Decimal(150), "turnaround_days": 3},
    {"code": "STD-AW", "name_th": "ค่าวอเตอร์แอคทิวิตี", "name_en": "Water activity", "kind": "physical",
     "method": "Water activity meter", "standard_ref": "ISO 18787:2017", "unit": "", "decimals": 3,
     "fee": Decimal(400), "turnaround_days": 3},
    {"code": "STD-PROT", "name_th": "โปรตีน", "name_en": "Protein", "kind": "chemical",
     "method": "Kjeldahl (N x 6.25)", "standard_ref": "AOAC 2001.11", "unit": "%", "decimals": 2,
     "lod": 0.1, "fee": Decimal(800), "turnaround_days": 7},
    {"code": "STD-FAT", "name_th": "ไขมัน", "name_en": "Fat", "kind": "chemical",
     "method": "Soxhlet extraction", "standard_ref": "AOAC 920.39", "unit": "%", "decimals": 2,
     "lod": 0.1, "fee": Decimal(600), "turnaround_days": 7},
    {"code": "STD-PB", "name_th": "ตะกั่ว", "name_en": "Lead (Pb)", "kind": "chemical",
     "method": "ICP-OES หลังย่อยด้วยไมโครเวฟ", "standard_ref": "AOAC 2015.01", "unit": "mg/kg",
     "decimals": 3, "lod": 0.01, "fee": Decimal(800), "turnaround_days": 10},
    {"code": "STD-BENZ", "name_th": "กรดเบนโซอิก", "name_en": "Benzoic acid", "kind": "chemical",
     "method": "HPLC-UV", "standard_ref": "ISO 22855:2008", "unit": "mg/kg", "decimals": 0,
     "lod": 10.0, "fee": Decimal(700), "turnaround_days": 7},
    {"code": "STD-TPC", "name_th": "จุลินทรีย์ทั้งหมด", "name_en": "Total plate count",
     "kind": "microbiological", "method": "Pour plate 30 °C", "standard_ref": "ISO 4833-1:2013",
     "unit": "CFU/g", "decimals": 0, "lod": 10.0, "fee": Decimal(400), "turnaround_days": 5},
    {"code": "STD-YM", "name_th": "ยีสต์และรา", "name_en": "Yeasts and moulds", "kind": "microbiological",
     "method": "Spread plate DRBC 25 °C", "standard_ref": "ISO 21527-1:2008", "unit": "CFU/g",
     "decimals": 0, "lod": 10.0, "fee": Decimal(400), "turnaround_days": 7},
    {"code": "STD-ECOLI", "name_th": "อี. โคไล", "name_en": "Escherichia coli", "kind": "microbiological",
     "method": "TBX 44 °C", "standard_ref": "ISO 16649-2:2001", "unit": "CFU/g", "decimals": 0,
     "lod": 10.0, "fee": Decimal(450), "turnaround_days": 5},
    {"code": "STD-VISC", "name_th": "ความหนืด", "name_en": "Viscosity", "kind": "physical",
     "method": "Brookfield rotational viscometer", "standard_ref": "ASTM D2196-20", "unit": "mPa·s",
     "decimals": 0, "fee": Decimal(400), "turnaround_days": 3},
    {"code": "STD-TENS", "name_th": "ความต้านแรงดึง", "name_en": "Tensile strength", "kind": "physical",
     "method": "Strip method", "standard_ref": "ISO 13934-1:2013", "unit": "N", "decimals": 1,
     "fee": Decimal(500), "turnaround_days": 5},
    {"code": "STD-APPEAR", "name_th": "ลักษณะทั่วไป", "name_en": "Appearance", "kind": "physical",
     "method": "ตรวจพินิจด้วยสายตา", "standard_ref": "มผช. (ข้อกำหนดลักษณะทั่วไป)", "unit": "",
     "result_type": "text", "decimals": 0, "fee": Decimal(100), "turnaround_days": 2},
)
# fmt: on


def product_type_label(code: str, lang: str = "th") -> str:
    """A product type in words (a type of a lab's own is shown as typed)."""
    for c, th, en in PRODUCT_TYPES:
        if c == code:
            return en if lang == "en" else th
    return code


def default_test_id(code: str) -> str:
    return reference_id("lab_test", code)


def default_test_rows(owner_site_id: str, now: datetime = SEEDED_AT) -> list[dict[str, Any]]:
    """The default tests as rows of `lab_tests` (every column given: the rows are the same everywhere)."""
    rows = []
    for t in DEFAULT_TESTS:
        row: dict[str, Any] = {
            "result_type": "numeric",
            "choices": [],
            "lod": None,
            "upper_limit": None,
            "uncertainty": None,
            "uncertainty_is_percent": False,
            "accredited": False,
            "formula": "",
            "interim_fields": [],
            **t,
        }
        row.update(
            id=default_test_id(t["code"]),
            site_id=owner_site_id,
            created_at=now,
            updated_at=now,
            deleted=False,
        )
        rows.append(row)
    return rows


def seed_lab_catalog(session: Session) -> int:
    """Insert the default tests that are missing (by code and by id; safe to call again), each with the
    zero clock and no outbox row. Nothing happens before headquarters' site row exists. Returns the number
    of rows inserted."""
    owner = session.scalar(select(Site.id).where(Site.code == OWNER_SITE))
    if owner is None:
        return 0
    known_codes = set(session.scalars(select(LabTest.code)))
    known_ids = set(session.scalars(select(LabTest.id)))
    rows = [r for r in default_test_rows(owner) if r["code"] not in known_codes and r["id"] not in known_ids]
    if not rows:
        return 0
    session.execute(insert(LabTest), rows)
    c = CLOCKS.c
    clocked = set(
        session.scalars(
            select(c.record_id).where(
                c.table_name == LabTest.__tablename__, c.record_id.in_([r["id"] for r in rows])
            )
        )
    )
    clocks = [
        {
            "table_name": LabTest.__tablename__,
            "record_id": r["id"],
            "field": "*",
            "hlc": ZERO_STAMP,
            "device_id": ZERO_DEVICE,
        }
        for r in rows
        if r["id"] not in clocked
    ]
    if clocks:
        session.execute(insert(CLOCKS), clocks)
    return len(rows)
