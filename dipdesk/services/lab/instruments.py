"""Reading an instrument's output (ICP-OES, pH meter… exported as CSV or xlsx) into the results of the
samples it measured.

Each row names a sample (its lab number), an analyte or test and a reading. ``columns`` says which
header holds each (instruments name them differently: ``Sample ID``, ``Label``, ``Element``…), and
``analytes`` maps an instrument's analyte names to catalog codes (``Pb 220.353`` → ``PB``); without a
mapping the analyte must be the code itself. Every row is entered on its own (a savepoint each): a bad
row is reported with its number and reason and the good rows are kept.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from dipdesk.services.context import Context
from dipdesk.services.errors import ServiceError
from dipdesk.services.lab.results import set_result
from dipdesk.store.db import savepoint
from dipdesk.store.instruments import LabInstrument
from dipdesk.store.lab import LabAnalysis, LabSample, LabTest

DEFAULT_COLUMNS = {"lab_no": "Sample ID", "analyte": "Analyte", "value": "Result"}


@dataclass
class RowError:
    row: int  # the row's number in the file (the header is row 1)
    lab_no: str
    analyte: str
    message_th: str
    message_en: str


@dataclass
class ImportOutcome:
    entered: int = 0
    errors: list[RowError] = field(default_factory=list)


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV (UTF-8, with or without a BOM; comma, semicolon or tab) or xlsx export."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = wb.worksheets[0]
            it = sheet.iter_rows(values_only=True)
            header = [str(h).strip() if h is not None else "" for h in next(it, ())]
            return [
                {header[i]: ("" if v is None else str(v)).strip() for i, v in enumerate(r) if i < len(header)}
                for r in it
            ]
        finally:
            wb.close()
    raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    try:
        dialect: Any = csv.Sniffer().sniff(raw[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(raw), dialect=dialect)
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]


def import_readings(
    ctx: Context,
    instrument: LabInstrument,
    rows: Iterable[Mapping[str, str]],
    *,
    columns: Mapping[str, str] | None = None,
    analytes: Mapping[str, str] | None = None,
    override_reason: str = "",
) -> ImportOutcome:
    """Enter each row's reading as the result of that sample's open analysis of that test on
    ``instrument``; errors per row (unknown sample, test not requested, already submitted, bad value,
    instrument overdue)."""
    cols = {**DEFAULT_COLUMNS, **(columns or {})}
    names = {k.strip().lower(): v for k, v in (analytes or {}).items()}
    out = ImportOutcome()
    for n, row in enumerate(rows, start=2):
        lab_no = str(row.get(cols["lab_no"], "")).strip()
        analyte = str(row.get(cols["analyte"], "")).strip()
        value = str(row.get(cols["value"], "")).strip()
        if not lab_no and not analyte and not value:
            continue
        try:
            with savepoint(ctx.session):
                analysis = _open_analysis(ctx, lab_no, names.get(analyte.lower(), analyte))
                set_result(ctx, analysis, value, instrument=instrument, override_reason=override_reason)
            out.entered += 1
        except ServiceError as exc:
            out.errors.append(RowError(n, lab_no, analyte, exc.message_th, exc.message_en))
    return out


def _open_analysis(ctx: Context, lab_no: str, code: str) -> LabAnalysis:
    if not lab_no:
        raise ServiceError("ไม่มีเลขตัวอย่าง", "no lab number")
    sample = ctx.session.scalars(
        select(LabSample).where(LabSample.lab_no == lab_no, LabSample.deleted.is_(False))
    ).first()
    if sample is None:
        raise ServiceError(f"ไม่พบตัวอย่าง {lab_no}", f"no sample {lab_no}")
    q = (
        select(LabAnalysis)
        .join(LabTest, LabTest.id == LabAnalysis.test_id)
        .where(
            LabAnalysis.sample_id == sample.id,
            LabAnalysis.deleted.is_(False),
            LabTest.code == code.strip().upper(),
        )
        .order_by(LabAnalysis.created_at.desc())
    )
    found = list(ctx.session.scalars(q))
    if not found:
        raise ServiceError(f"ตัวอย่าง {lab_no} ไม่มีรายการทดสอบ {code}", f"{lab_no} has no test {code}")
    open_ = [a for a in found if a.state == "registered"]
    if not open_:
        raise ServiceError(
            f"{lab_no} {code}: ส่งผลไปแล้ว (ถอนผลก่อนหากต้องแก้)", f"{lab_no} {code}: already submitted"
        )
    return open_[0]
