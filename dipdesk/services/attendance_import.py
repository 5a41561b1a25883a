"""Attendance from a sheet (xlsx/csv): one row per person per day, with an error per bad row.

Columns are found by their headers (Thai or English): the person by a sign-in code (`รหัสลงชื่อ`,
`code`) or a national ID (`เลขประจำตัวประชาชน`, `national id`); the day (`วันที่`, `day`, `date`; BE
dates as on screen; without the column, the day given); whether they came (`มา`, `present`, `เข้าร่วม`;
without the column every row is present). Each row is written on its own (a savepoint), so a bad row is
reported and the others still count; nothing is enrolled by an import (a row of someone not enrolled is
an error saying so).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dipdesk.core.thaidate import DateParseError, parse_date
from dipdesk.services import checkin, signin
from dipdesk.services import enrollment as es
from dipdesk.services.context import Context
from dipdesk.services.errors import ServiceError
from dipdesk.services.imports.reading import read_table
from dipdesk.store.db import savepoint

HEADERS = {
    "code": ("รหัสลงชื่อ", "รหัส", "code", "sign-in code", "barcode", "บาร์โค้ด"),
    "national_id": ("เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "national id", "id card", "citizen id"),
    "day": ("วันที่", "วันอบรม", "day", "date"),
    "present": ("มา", "เข้าร่วม", "มาอบรม", "present", "attended"),
}
YES = {"1", "y", "yes", "true", "x", "✓", "✔", "มา", "ใช่", "เข้าร่วม", "/"}
NO = {"0", "n", "no", "false", "-", "ไม่มา", "ขาด", "ไม่", ""}


@dataclass(frozen=True)
class RowError:
    row_number: int
    reason_th: str
    reason_en: str


@dataclass
class AttendanceImport:
    read: int = 0
    present: int = 0
    absent: int = 0
    already: int = 0
    errors: list[RowError] = field(default_factory=list)


def _norm(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower()


def _columns(headers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, h in enumerate(headers):
        name = _norm(h)
        for key, aliases in HEADERS.items():
            if key not in found and any(name == a.lower() or name.startswith(a.lower()) for a in aliases):
                found[key] = i
                break
    return found


def import_attendance(
    ctx: Context, activity_id: str, path: str | Path, *, day: dt.date | None = None
) -> AttendanceImport:
    """Read the sheet and tick (or mark absent) each row's person on its day."""
    ctx.require("records.write")
    table = read_table(path)
    cols = _columns(table.headers)
    result = AttendanceImport()
    if "code" not in cols and "national_id" not in cols:
        result.errors.append(RowError(table.header_row, "ไม่พบคอลัมน์รหัสลงชื่อหรือเลขประจำตัวประชาชน",
                                      "no sign-in code or national ID column"))  # fmt: skip
        return result
    for index, row in enumerate(table.rows):
        number = table.row_numbers[index]

        def cell(key: str, row: list[Any] = row) -> Any:
            i = cols.get(key)
            return row[i] if i is not None and i < len(row) else None

        who = str(cell("code") or "").strip() or str(cell("national_id") or "").strip()
        if not who:
            continue  # an empty line
        result.read += 1
        try:
            when = _day(cell("day"), day)
            came = _present(cell("present")) if "present" in cols else True
        except ValueError as exc:
            result.errors.append(RowError(number, *exc.args))
            continue
        try:
            with savepoint(ctx.session):
                _apply(ctx, activity_id, who, when, came, result)
        except ServiceError as exc:
            result.errors.append(RowError(number, exc.message("th"), exc.message("en")))
    return result


def _day(value: Any, default: dt.date | None) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or not str(value).strip():
        if default is None:
            raise ValueError("ไม่ระบุวันที่", "no day given")
        return default
    try:
        return parse_date(str(value))
    except DateParseError as exc:
        raise ValueError(f"วันที่อ่านไม่ได้: {value}", f"unreadable day: {value} ({exc})") from exc


def _present(value: Any) -> bool:
    text = _norm(value)
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValueError(f"ช่องมา/ไม่มาอ่านไม่ได้: {value}", f"present: cannot read {value!r}")


def _apply(
    ctx: Context, activity_id: str, who: str, day: dt.date, came: bool, result: AttendanceImport
) -> None:
    if came:
        scanned = signin.scan(ctx, activity_id, who, day)
        if scanned.kind == "not_enrolled":
            raise _not_enrolled(scanned.name)
        if scanned.kind == "already":
            result.already += 1
        else:
            result.present += 1
        return
    # absent: find the enrollment the same way a scan would, then record "was not there"
    scanned_person = signin.find_person(ctx, activity_id, who)
    enrollment = es.find_enrollment(ctx.session, activity_id, scanned_person.id)
    name = es.person_name(scanned_person.prefix, scanned_person.first_name_th, scanned_person.last_name_th)
    if enrollment is None or enrollment.deleted:
        raise _not_enrolled(name)
    sess = checkin.session_on(ctx, activity_id, day)
    es.record_attendance(ctx, activity_id, {(enrollment.id, sess.id): False})
    result.absent += 1


def _not_enrolled(name: str) -> ServiceError:
    from dipdesk.services.errors import ValidationError

    return ValidationError(
        "person", f"{name} ยังไม่ได้ลงทะเบียนในกิจกรรมนี้: ลงทะเบียนก่อน", f"{name} is not enrolled: enroll them first"
    )
