"""Import people (with their enterprises) and enterprises from the sheets centers receive.

Class lists arrive as Excel files typed by hand, CSVs saved by Thai Windows (cp874/TIS-620), UTF-8 with or
without a byte-order mark, and Google Forms exports. The steps, each usable on its own:

1. `read_table(path)`: the header row and the rows, whatever the encoding or sheet layout (title rows
   above the header and empty rows are skipped).
2. `suggest_mapping(session, kind, headers)`: which column holds which field, guessed from Thai and English
   headers; what the user chose before for the same header text wins (`remember_mapping`, kept in
   `local_state` of this installation).
3. `check_rows(...)`: every row read and checked without the database (the preview): names, 13-digit IDs
   and their check digit, phones, e-mails, dates (BE or CE, Thai digits, Excel serial numbers),
   provinces, and rows repeated within the file.
4. `run_import(...)`: matches rows with the database (same national ID: the person is updated; same name
   without an ID to tell them apart: rejected as a possible duplicate), then writes through
   `dipdesk.services.records` so validation, the audit trail and the sync outbox apply.

All or nothing for the accepted rows: the whole import is one transaction. Rejected rows are reported
(and can be saved as an error sheet, `write_error_sheet`, with the original columns and a reason, to be
fixed and imported again); the accepted rows are committed together at the end, or not at all if the
import is cancelled or fails. A dry run does the same work and rolls it back.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import hashlib
import io
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.phone import PhoneError, normalize_phone
from dipdesk.core.thaidate import BE_OFFSET, DateParseError, excel_serial_to_date, parse_date
from dipdesk.core.thaiid import IdError, validate_id
from dipdesk.services import enrollment as enrollment_service
from dipdesk.services import records
from dipdesk.services.context import Context, local_value, set_local_value
from dipdesk.services.errors import NotFound, ServiceError, ValidationError
from dipdesk.store.auth import LocalState
from dipdesk.store.people import PREFIXES, Enterprise, EnterpriseMember, Person
from dipdesk.store.programs import Activity
from dipdesk.store.reference_data import PROVINCES, province_id

KINDS = ("people", "enterprises")
IGNORE = ""  # the "not imported" choice of a column
REASON_HEADER = "เหตุผลที่ไม่นำเข้า"  # the error sheet's extra column; ignored when imported again
MAX_HEADER_SCAN = 15  # rows searched for the header row (class lists often have a title above it)
CHUNK = 500  # ids per IN (...) query

# --- fields and how headers name them ----------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label_th: str
    label_en: str
    aliases: tuple[str, ...]  # compared after `_norm`; a leading "=" means the whole header only


# fmt: off
PEOPLE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("prefix", "คำนำหน้าชื่อ", "Title", ("คำนำหน้า", "คำนำหน้าชื่อ", "title", "prefix", "=คำนำ")),
    FieldSpec("full_name", "ชื่อ-นามสกุล", "Full name", (
        "ชื่อนามสกุล", "ชื่อสกุล", "ชื่อและนามสกุล", "fullname", "=name", "=ชื่อผู้เข้าอบรม", "ชื่อผู้สมัคร",
        "ชื่อผู้เข้าร่วม", "=ผู้เข้าอบรม", "nameandsurname")),
    FieldSpec("first_name_th", "ชื่อ", "First name (Thai)", (
        "=ชื่อ", "ชื่อจริง", "ชื่อภาษาไทย", "ชื่อไทย", "firstname", "=first", "givenname")),
    FieldSpec("last_name_th", "นามสกุล", "Last name (Thai)", (
        "นามสกุล", "นามสกุลภาษาไทย", "lastname", "surname", "familyname", "=สกุล")),
    FieldSpec("first_name_en", "ชื่อ (อังกฤษ)", "First name (English)", (
        "ชื่อภาษาอังกฤษ", "ชื่ออังกฤษ", "firstnameenglish", "firstnameen")),
    FieldSpec("last_name_en", "นามสกุล (อังกฤษ)", "Last name (English)", (
        "นามสกุลภาษาอังกฤษ", "นามสกุลอังกฤษ", "lastnameenglish", "lastnameen", "surnameen")),
    FieldSpec("national_id", "เลขประจำตัวประชาชน", "National ID", (
        "เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "บัตรประชาชน", "เลขบัตรประจำตัวประชาชน", "เลขประชาชน",
        "nationalid", "citizenid", "idcard", "idno", "=id", "เลขที่บัตร", "13หลัก")),
    FieldSpec("birth_date", "วันเกิด", "Birth date", (
        "วันเกิด", "วันเดือนปีเกิด", "วดปเกิด", "birthdate", "dateofbirth", "dob", "birthday")),
    FieldSpec("gender", "เพศ", "Gender", ("=เพศ", "gender", "=sex")),
    FieldSpec("phone", "โทรศัพท์", "Phone", (
        "โทรศัพท์", "เบอร์โทร", "มือถือ", "โทร", "phone", "mobile", "tel", "telephone", "เบอร์ติดต่อ",
        "หมายเลขโทรศัพท์")),
    FieldSpec("email", "อีเมล", "E-mail", ("อีเมล", "อีเมล์", "email", "emailaddress", "mail", "ที่อยู่อีเมล")),
    FieldSpec("address", "ที่อยู่", "Address", ("ที่อยู่", "address", "ที่อยู่ที่ติดต่อได้")),
    FieldSpec("province", "จังหวัด", "Province", ("จังหวัด", "province", "=จ")),
    FieldSpec("consent", "ยินยอม (PDPA)", "Consent (PDPA)", ("ยินยอม", "consent", "pdpa", "ความยินยอม")),
    FieldSpec("enterprise_name", "ชื่อสถานประกอบการ", "Enterprise", (
        "สถานประกอบการ", "ชื่อกิจการ", "ชื่อสถานประกอบการ", "กิจการ", "วิสาหกิจ", "บริษัท", "company",
        "enterprise", "business", "ชื่อร้าน", "หน่วยงาน", "organization", "organisation")),
    FieldSpec("enterprise_registration_id", "เลขทะเบียนนิติบุคคล", "Registration ID", (
        "เลขทะเบียนนิติบุคคล", "ทะเบียนนิติบุคคล", "เลขนิติบุคคล", "เลขทะเบียน", "registrationid", "juristicid",
        "taxid", "เลขประจำตัวผู้เสียภาษี", "เลขทะเบียนวิสาหกิจชุมชน")),
    FieldSpec("enterprise_kind", "ประเภทกิจการ", "Enterprise type", (
        "ประเภทกิจการ", "ประเภทสถานประกอบการ", "ประเภทธุรกิจ", "businesstype", "enterprisetype")),
    FieldSpec("enterprise_tsic", "รหัส TSIC", "TSIC", ("tsic", "รหัสอุตสาหกรรม")),
    FieldSpec("role", "ตำแหน่ง", "Position", ("ตำแหน่ง", "position", "role", "jobtitle")),
)

ENTERPRISE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("code", "รหัสสถานประกอบการ", "Code", (
        "=รหัส", "=code", "รหัสสถานประกอบการ", "รหัสกิจการ", "enterprisecode")),
    FieldSpec("name_th", "ชื่อสถานประกอบการ", "Name (Thai)", (
        "ชื่อสถานประกอบการ", "ชื่อกิจการ", "สถานประกอบการ", "=ชื่อ", "ชื่อภาษาไทย", "=name", "company",
        "ชื่อบริษัท", "ชื่อวิสาหกิจชุมชน", "enterprise", "ชื่อร้าน")),
    FieldSpec("name_en", "ชื่อ (อังกฤษ)", "Name (English)", (
        "ชื่อภาษาอังกฤษ", "ชื่ออังกฤษ", "englishname", "nameen", "nameenglish")),
    FieldSpec("kind", "ประเภท", "Type", ("ประเภท", "ประเภทกิจการ", "type", "kind")),
    FieldSpec("registration_id", "เลขทะเบียนนิติบุคคล", "Registration ID", (
        "เลขทะเบียนนิติบุคคล", "ทะเบียนนิติบุคคล", "เลขนิติบุคคล", "เลขทะเบียน", "registrationid", "juristicid",
        "taxid", "เลขประจำตัวผู้เสียภาษี")),
    FieldSpec("tsic_code", "รหัส TSIC", "TSIC", ("tsic", "รหัสอุตสาหกรรม")),
    FieldSpec("size", "ขนาด", "Size", ("ขนาด", "size", "ขนาดกิจการ")),
    FieldSpec("province", "จังหวัด", "Province", ("จังหวัด", "province", "=จ")),
    FieldSpec("address", "ที่อยู่", "Address", ("ที่อยู่", "address")),
    FieldSpec("postcode", "รหัสไปรษณีย์", "Postcode", (
        "รหัสไปรษณีย์", "ไปรษณีย์", "postcode", "zipcode", "zip", "postalcode")),
    FieldSpec("phone", "โทรศัพท์", "Phone", ("โทรศัพท์", "เบอร์โทร", "โทร", "phone", "tel", "telephone", "mobile")),
)

# Headers that are never data: Google Forms' timestamp, running numbers, our own reason column.
_IGNORED_HEADERS = (
    "=timestamp", "=ประทับเวลา", "=ลำดับ", "=ลำดับที่", "=ที่", "=no", "=seq", "=score", "=คะแนน",
    "=" + REASON_HEADER, "=อายุ", "=age", "=หมายเหตุ", "=note", "=notes",
)
# fmt: on


def fields_for(kind: str) -> tuple[FieldSpec, ...]:
    if kind == "people":
        return PEOPLE_FIELDS
    if kind == "enterprises":
        return ENTERPRISE_FIELDS
    raise ValueError(f"unknown import kind {kind!r}; one of {', '.join(KINDS)}")


def field_label(kind: str, key: str, lang: str = "th") -> str:
    for f in fields_for(kind):
        if f.key == key:
            return f.label_th if lang == "th" else f.label_en
    return "ไม่นำเข้า" if lang == "th" else "not imported"


_PUNCT = re.compile(r"[\s\-_.,:;/\\()\[\]{}'\"*?!#@+|<>=~`^&%$]+")


def _norm(header: str) -> str:
    text = unicodedata.normalize("NFC", to_arabic_digits(str(header))).casefold()
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return _PUNCT.sub("", text)


def _score(header: str, alias: str) -> int:
    exact_only = alias.startswith("=")
    a = _norm(alias[1:] if exact_only else alias)
    if not a:
        return 0
    if header == a:
        return 1000 + len(a)
    if exact_only:
        return 0
    if header.startswith(a):
        return len(a) + 1  # "ชื่อ (ภาษาไทย)" → first name rather than something containing "ชื่อ" later
    if a in header:
        return len(a)
    return 0


def guess_field(kind: str, header: str) -> tuple[str, int]:
    """(field key, score) for one header; ("", 0) when nothing fits."""
    h = _norm(header)
    if not h:
        return IGNORE, 0
    if any(_score(h, a) for a in _IGNORED_HEADERS):
        return IGNORE, 2000
    best, best_score = IGNORE, 0
    for spec in fields_for(kind):
        for alias in spec.aliases:
            s = _score(h, alias)
            if s > best_score:
                best, best_score = spec.key, s
    return best, best_score


def guess_mapping(kind: str, headers: Sequence[str]) -> list[str]:
    """A field for each column (IGNORE where none fits); each field goes to its best-matching column."""
    scored = [guess_field(kind, h) for h in headers]
    mapping = [IGNORE] * len(headers)
    taken: set[str] = set()
    order = sorted(range(len(headers)), key=lambda i: (-scored[i][1], i))
    for i in order:
        key, score = scored[i]
        if key and score and key not in taken:
            mapping[i] = key
            taken.add(key)
    return mapping


def _memory_key(kind: str, header: str) -> str:
    return f"import_map:{kind}:{hashlib.sha1(_norm(header).encode('utf-8')).hexdigest()[:20]}"


def suggest_mapping(session: Session, kind: str, headers: Sequence[str]) -> list[str]:
    """The guessed mapping, with what the user chose before for the same headers taking precedence."""
    mapping = guess_mapping(kind, headers)
    valid = {f.key for f in fields_for(kind)}
    remembered: dict[int, str] = {}
    for i, h in enumerate(headers):
        if not _norm(h):
            continue
        value = local_value(session, _memory_key(kind, h))
        if value is not None:
            key = "" if value == "-" else value
            if key == IGNORE or key in valid:
                remembered[i] = key
    for i, key in remembered.items():
        if key:
            for j, other in enumerate(mapping):
                if other == key and j not in remembered:
                    mapping[j] = IGNORE
        mapping[i] = key
    return mapping


def remember_mapping(session: Session, kind: str, headers: Sequence[str], mapping: Sequence[str]) -> None:
    """Remember the user's choice for each header (in this installation's `local_state`)."""
    for h, key in zip(headers, mapping, strict=True):
        if _norm(h):
            set_local_value(session, _memory_key(kind, h), key or "-")


def forget_mappings(session: Session) -> int:
    """Forget every remembered column choice (all kinds). Returns how many were forgotten."""
    rows = session.scalars(select(LocalState).where(LocalState.key.startswith("import_map:"))).all()
    for r in rows:
        session.delete(r)
    return len(rows)


def mapping_problems(kind: str, mapping: Sequence[str]) -> list[tuple[str, str]]:
    """What is missing or doubled in a mapping, as (Thai, English) messages; empty when usable."""
    problems: list[tuple[str, str]] = []
    chosen = [k for k in mapping if k]
    for key in sorted({k for k in chosen if chosen.count(k) > 1}):
        problems.append(
            (
                f"เลือก “{field_label(kind, key)}” ให้หลายคอลัมน์",
                f"“{field_label(kind, key, 'en')}” is chosen for several columns",
            )
        )
    if kind == "people" and not ({"full_name", "first_name_th"} & set(chosen)):
        problems.append(
            ("ต้องมีคอลัมน์ชื่อ (ชื่อ หรือ ชื่อ-นามสกุล)", "a name column (first name or full name) is needed")
        )
    if kind == "enterprises" and "name_th" not in chosen:
        problems.append(("ต้องมีคอลัมน์ชื่อสถานประกอบการ", "an enterprise name column is needed"))
    return problems


# --- reading files -----------------------------------------------------------------------------------


class UnreadableFile(ServiceError):
    """The file could not be read at all (not a sheet, damaged, an old .xls)."""


@dataclass
class SourceTable:
    """A sheet as read: its headers, its data rows (original cell values) and where each row was."""

    path: str
    headers: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]  # the row (or line) number in the file, 1-based, for each data row
    header_row: int
    encoding: str = ""  # CSV only
    sheet: str = ""  # Excel only
    # rows (by index) that cannot be read as they are, with why (Thai, English): a CSV line with more or
    # fewer cells than the header has been shifted by a stray or missing separator
    row_problems: dict[int, tuple[str, str]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)


def _utf16_without_bom(data: bytes) -> str:
    """ "utf-16-le"/"utf-16-be" when the bytes look like UTF-16 saved without a byte-order mark (the NUL
    halves of ASCII separators and line ends on one side only), else ""."""
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) < max(4, len(head) // 100) or min(even, odd) > max(even, odd) // 10:
        return ""
    return "utf-16-le" if odd > even else "utf-16-be"


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:8192] and (utf16 := _utf16_without_bom(data)):
        try:
            text = data.decode(utf16)
            if "\x00" not in text:
                return text, utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874"), "cp874"  # Windows Thai: a superset of TIS-620
    except UnicodeDecodeError:
        return data.decode("cp874", errors="replace"), "cp874"


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    return str(v).strip()


def _header_score(cells: Sequence[Any]) -> int:
    score = 0
    for c in cells:
        text = _cell_text(c)
        if not text or isinstance(c, (int, float, dt.date)) or len(text) > 80:
            continue
        s = max(guess_field("people", text)[1], guess_field("enterprises", text)[1])
        if s and s != 2000:
            score += 1
    return score


def _table(path: Path, raw: list[list[Any]], *, encoding: str = "", sheet: str = "") -> SourceTable:
    numbered = [(i + 1, row) for i, row in enumerate(raw)]
    candidates = [(n, r) for n, r in numbered[:MAX_HEADER_SCAN] if sum(1 for c in r if _cell_text(c)) >= 1]
    if not candidates:
        raise UnreadableFile("ไฟล์นี้ไม่มีข้อมูล", f"{path.name} has no data")
    best = max(candidates, key=lambda nr: (_header_score(nr[1]), -nr[0]))
    if _header_score(best[1]) == 0:
        # nothing looks like a header: take the first row with two or more cells filled
        best = next((nr for nr in candidates if sum(1 for c in nr[1] if _cell_text(c)) >= 2), candidates[0])
    header_no, header = best
    # as wide as the last column with a header or any data (Excel reports formatted empty columns too)
    width = 0
    for _, r in numbered[header_no - 1 :]:
        filled = [i for i, c in enumerate(r) if _cell_text(c)]
        if filled:
            width = max(width, filled[-1] + 1)
    headers = [_cell_text(c) for c in header[:width]] + [""] * max(0, width - len(header))
    header_width = _filled_width(header)
    rows: list[list[Any]] = []
    numbers: list[int] = []
    problems: dict[int, tuple[str, str]] = {}
    for n, r in numbered[header_no:]:
        cells = list(r[: len(headers)]) + [None] * (len(headers) - len(r))
        if not any(_cell_text(c) for c in cells):
            continue
        cells_in_row = max(_filled_width(r), min(len(r), header_width))
        if encoding and cells_in_row != header_width:  # a CSV line, not a sheet's row
            problems[len(rows)] = (
                f"แถวนี้มี {cells_in_row} ช่อง แต่หัวตารางมี {header_width} ช่อง "
                "(เครื่องหมายคั่นเกินหรือขาด เช่น จุลภาคในที่อยู่ที่ไม่ได้อยู่ในเครื่องหมายคำพูด)",
                f"this row has {cells_in_row} cells but the header has {header_width} "
                "(a stray or missing separator, e.g. an unquoted comma in an address?)",
            )
        rows.append(cells)
        numbers.append(n)
    for i, h in enumerate(headers):
        if not h:
            headers[i] = f"คอลัมน์ {i + 1}"
    return SourceTable(
        str(path), headers, rows, numbers, header_no, encoding=encoding, sheet=sheet, row_problems=problems
    )


def _filled_width(cells: Sequence[Any]) -> int:
    """How many cells up to the last one with something in it."""
    return max((i + 1 for i, c in enumerate(cells) if _cell_text(c)), default=0)


def read_table(path: str | Path, *, sheet: str | None = None) -> SourceTable:
    """Read an .xlsx (first sheet with data, or `sheet`) or a .csv/.txt in any of the usual encodings."""
    p = Path(path)
    if p.is_dir():
        raise UnreadableFile(f"{p} เป็นโฟลเดอร์ ไม่ใช่ไฟล์", f"{p} is a folder, not a file")
    if not p.is_file():
        raise UnreadableFile(f"ไม่พบไฟล์ {p}", f"no such file: {p}")
    suffix = p.suffix.lower()
    if suffix == ".xls":
        raise UnreadableFile(
            "ไฟล์ .xls แบบเก่าอ่านไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx",
            "old .xls files cannot be read: open it in Excel and save it as .xlsx",
        )
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(p, sheet)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"เปิดไฟล์ไม่ได้: {exc}", f"cannot open the file: {exc}") from exc
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(p, sheet)  # an .xlsx saved under another name
    text, encoding = _decode(data)
    head = text[:8192]
    if sum(1 for ch in head if ch < " " and ch not in "\t\r\n") > len(head) // 20:
        raise UnreadableFile(
            "ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV หรือ Excel (.xlsx) (อาจเป็นรูปภาพหรือไฟล์ชนิดอื่น)",
            f"{p.name} is not a CSV text file or an Excel workbook (an image or another kind of file?)",
        )
    if sheet is not None:
        raise UnreadableFile(
            "ไฟล์ CSV ไม่มีแผ่นงาน (เลือกแผ่นงานได้เฉพาะไฟล์ .xlsx)",
            "a CSV file has no sheets (a sheet can be chosen for .xlsx files only)",
        )
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        raw = [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:  # e.g. a cell over the csv module's field size limit (128 KB)
        raise UnreadableFile(
            f"อ่านไฟล์ CSV ไม่ได้: {exc} (ช่องข้อมูลยาวผิดปกติ หรือเครื่องหมายคำพูดไม่ครบคู่)",
            f"cannot read the CSV file: {exc} (an abnormally long cell, or an unclosed quote?)",
        ) from exc
    return _table(p, raw, encoding=encoding)


def _read_xlsx(p: Path, sheet: str | None) -> SourceTable:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML or openpyxl errors: all mean "not a readable workbook"
        raise UnreadableFile(
            f"อ่านไฟล์ Excel ไม่ได้ (ไฟล์อาจเสียหายหรือไม่ใช่ .xlsx): {exc}", f"cannot read the Excel file: {exc}"
        ) from exc
    try:
        names = wb.sheetnames
        if sheet is not None and sheet not in names:
            raise UnreadableFile(
                f"ไม่พบแผ่นงาน {sheet} (มี: {', '.join(names)})",
                f"no sheet {sheet!r} (sheets: {', '.join(names)})",
            )
        for name in [sheet] if sheet else names:
            assert name is not None
            raw = [list(r) for r in wb[name].iter_rows(values_only=True)]
            if any(any(_cell_text(c) for c in r) for r in raw):
                return _table(p, raw, sheet=name)
        raise UnreadableFile("ไฟล์นี้ไม่มีข้อมูล", f"{p.name} has no data")
    finally:
        wb.close()


# --- reading cells -----------------------------------------------------------------------------------


class CellError(ValueError):
    def __init__(self, field: str, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.field = field
        self.message_th = message_th
        self.message_en = message_en


_PREFIX_ALIASES = {
    "นาย": "นาย",
    "นาง": "นาง",
    "นางสาว": "นางสาว",
    "น.ส.": "นางสาว",
    "นส.": "นางสาว",
    "น.ส": "นางสาว",
    "นส": "นางสาว",
    "ดร.": "ดร.",
    "ดร": "ดร.",
    "ผศ.": "ผศ.",
    "รศ.": "รศ.",
    "ศ.": "ศ.",
    "ว่าที่ร้อยตรี": "ว่าที่ร้อยตรี",
    "ว่าที่ ร.ต.": "ว่าที่ร้อยตรี",
    "mr": "นาย",
    "mr.": "นาย",
    "mrs": "นาง",
    "mrs.": "นาง",
    "ms": "นางสาว",
    "ms.": "นางสาว",
    "miss": "นางสาว",
    "dr": "ดร.",
    "dr.": "ดร.",
}
# Longest first, so "นางสาว" is tried before "นาง".
_NAME_PREFIXES = sorted({*PREFIXES, "น.ส.", "นส.", "ว่าที่ ร.ต."}, key=len, reverse=True)
# Characters a Thai name cannot start with: vowels written after a consonant and the marks above/below.
_NOT_A_START = set("ะาำๅๆฯ")
_PREFIX_GENDER = {"นาย": "M", "นาง": "F", "นางสาว": "F"}


def _split_prefix(text: str) -> tuple[str, str]:
    """("นางสาว", "สมศรี รักไทย") from "นางสาวสมศรี รักไทย"; ("", text) when no prefix is there."""
    s = text.strip()
    for p in _NAME_PREFIXES:
        if s.startswith(p):
            after = s[len(p) :]
            rest = after.lstrip()
            if not rest:
                return "", s
            if after == rest and (rest[0] in _NOT_A_START or unicodedata.category(rest[0]) == "Mn"):
                continue  # "นายิกา…": the letters after นาย cannot start a name, so นาย is part of it
            return _PREFIX_ALIASES.get(p, p), rest
    return "", s


def _prefix(text: str) -> str:
    s = text.strip()
    return _PREFIX_ALIASES.get(s.casefold(), _PREFIX_ALIASES.get(s, s))


def _clean_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    text = unicodedata.normalize("NFC", str(v)).replace("\u200b", "").replace("\ufeff", "")
    return " ".join(_CONTROL_CHARS.sub("", text).split())  # NUL and other control bytes carry nothing


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # not the ones str.split() takes as spaces


def _digits_cell(v: Any, *, pad_to: int = 0) -> str:
    """An ID or phone typed into Excel may arrive as a number (1.10170012345e12), losing leading zeros."""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)) and math.isfinite(v) and float(v).is_integer():
        text = str(int(v))
        return text.zfill(pad_to) if pad_to and len(text) == pad_to - 1 else text
    return _clean_text(v)


def read_id(v: Any, field_name: str) -> str | None:
    text = _digits_cell(v, pad_to=13)
    if not text or text in ("-", "–"):
        return None
    try:
        return validate_id(text)
    except IdError as exc:
        raise CellError(field_name, exc.message_th, exc.message_en) from exc


def read_phone(v: Any, field_name: str = "phone") -> str:
    text = _digits_cell(v)
    if not text or text in ("-", "–"):
        return ""
    candidates = [c for c in re.split(r"[,/;]|\s{2,}|หรือ|or", text) if c.strip()] or [text]
    first_error: PhoneError | None = None
    for c in candidates:
        digits = to_arabic_digits(c).strip()
        plain = re.sub(r"[\s\-.()]", "", digits)
        if plain.isdigit() and len(plain) == 9 and plain[0] in "689":
            plain = "0" + plain  # Excel dropped the leading 0 of a mobile number
            digits = plain
        try:
            return normalize_phone(digits)
        except PhoneError as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise CellError(field_name, first_error.message_th, first_error.message_en)


_SERIAL_RANGE = (2, 2958465)  # Excel's 1900-01-01 .. 9999-12-31
_TIME_TAIL = re.compile(r"[,\s]+\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*[AaPp][Mm])?(\s*(GMT|UTC)[+-]?\d*)?$")


def read_date(v: Any, field_name: str) -> dt.date | None:
    """A date from a cell: a real date (a year ≥ 2400 is BE typed into Excel), an Excel serial number,
    or text in any form `parse_date` reads (BE by default, Thai digits); a time of day is dropped."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, dt.date):
        if v.year >= 2400:  # "15/03/2563" typed into Excel becomes the year 2563 CE
            try:
                return v.replace(year=v.year - BE_OFFSET)
            except ValueError:  # 29 Feb of a BE year that is not a CE leap year
                return dt.date(v.year - BE_OFFSET, 2, 28)
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if not (math.isfinite(v) and _SERIAL_RANGE[0] <= v <= _SERIAL_RANGE[1]):
            raise CellError(field_name, f"อ่านวันที่ '{v}' ไม่ได้", f"cannot read the date {v!r}")
        try:
            return excel_serial_to_date(float(v))
        except DateParseError as exc:
            raise CellError(field_name, exc.message_th, exc.message_en) from exc
    text = _clean_text(v)
    plain = to_arabic_digits(text)
    if plain.isdigit() and len(plain) == 5:
        try:
            return excel_serial_to_date(float(plain))  # a serial number exported as text
        except DateParseError as exc:
            raise CellError(field_name, exc.message_th, exc.message_en) from exc
    text = _TIME_TAIL.sub("", plain).strip()
    try:
        return parse_date(text)
    except DateParseError as exc:
        # Google Forms in an American locale writes month/day/year
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
        if m and exc.code == "month" and int(m[1]) <= 12 < int(m[2]):
            try:
                return parse_date(f"{m[2]}/{m[1]}/{m[3]}")
            except DateParseError:
                pass
        raise CellError(field_name, exc.message_th, exc.message_en) from exc


_TRUE = {"1", "true", "yes", "y", "ใช่", "ยินยอม", "ยอมรับ", "✓", "✔", "x", "t", "ok", "agree", "accept", "ตกลง"}


def read_bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    text = _clean_text(v).casefold()
    if not text:
        return False
    if text in _TRUE or text.startswith(("ยินยอม", "ข้าพเจ้ายินยอม", "ยอมรับ", "i agree", "agree")):
        return not text.startswith(("ไม่", "ไม่ยินยอม"))
    return False


def _gender(v: Any) -> str:
    text = _clean_text(v).casefold()
    if text in ("ชาย", "m", "male", "ช", "ผู้ชาย", "man"):
        return "M"
    if text in ("หญิง", "f", "female", "ญ", "ผู้หญิง", "woman"):
        return "F"
    return ""


def _province_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, th, en, _region in PROVINCES:
        for n in (th, en, code, f"จ{th}", f"จังหวัด{th}"):
            names[_norm(n)] = code
    for alias in ("กทม", "กรุงเทพ", "กรุงเทพฯ", "bkk", "กรุงเทพมหานคร"):
        names[_norm(alias)] = "10"
    return names


_PROVINCES = _province_names()


def read_province(v: Any) -> str | None:
    """The province's id, from its Thai or English name (with or without จังหวัด/จ.) or code."""
    text = _clean_text(v)
    if not text:
        return None
    code = _PROVINCES.get(_norm(text))
    if code is None:
        raise CellError("province", f"ไม่รู้จักจังหวัด '{text}'", f"unknown province {text!r}")
    return province_id(code)


_KIND_WORDS = (
    ("community", ("วิสาหกิจชุมชน", "วิสาหกิจ", "community", "กลุ่ม", "สหกรณ์")),
    ("juristic", ("นิติบุคคล", "บริษัท", "หจก", "ห้างหุ้นส่วน", "juristic", "company", "co.", "ltd", "บจก")),
    ("individual", ("บุคคลธรรมดา", "individual", "ร้าน", "กิจการเจ้าของคนเดียว", "ส่วนบุคคล")),
)


def read_enterprise_kind(v: Any, *, name: str = "", registration_id: str | None = None) -> str:
    text = _clean_text(v).casefold()
    for kind, words in _KIND_WORDS:
        if text and any(w in text for w in words):
            return kind
    if text in ("juristic", "community", "individual"):
        return text
    lowered = name.casefold()
    for kind, words in _KIND_WORDS[:2]:
        if any(w in lowered for w in words):
            return kind
    if registration_id and registration_id.startswith("0"):
        return "juristic"
    return "individual"


_SIZE_WORDS = (
    ("micro", ("micro", "รายย่อย", "ย่อย", "จิ๋ว")),
    ("small", ("small", "เล็ก", "ขนาดเล็ก")),
    ("medium", ("medium", "กลาง", "ขนาดกลาง")),
    ("large", ("large", "ใหญ่", "ขนาดใหญ่")),
)


def read_size(v: Any) -> str:
    text = _clean_text(v).casefold()
    if not text:
        return "micro"
    for size, words in _SIZE_WORDS:
        if any(w in text for w in words):
            return size
    raise CellError("size", f"ไม่รู้จักขนาดกิจการ '{text}' (ย่อย/เล็ก/กลาง/ใหญ่)", f"unknown size {text!r}")


def _email(v: Any) -> str:
    text = _clean_text(v)
    if text and ("@" not in text or "." not in text.rsplit("@", 1)[-1] or " " in text):
        raise CellError("email", f"รูปแบบอีเมลไม่ถูกต้อง '{text}'", f"not a valid e-mail address: {text!r}")
    return text


# --- checking rows (no database) ---------------------------------------------------------------------


@dataclass
class RowCheck:
    """One data row after reading: its values by field, or why it is rejected."""

    index: int  # position in SourceTable.rows
    row_number: int  # in the file
    values: dict[str, Any] = field(default_factory=dict)
    error_field: str = ""
    reason_th: str = ""
    reason_en: str = ""

    @property
    def ok(self) -> bool:
        return not self.reason_th

    def reject(self, field_name: str, th: str, en: str) -> None:
        if self.ok:
            self.error_field, self.reason_th, self.reason_en = field_name, th, en


def _labelled(kind: str, field_name: str, th: str) -> str:
    return f"{field_label(kind, field_name)}: {th}"


def _labelled_en(kind: str, field_name: str, en: str) -> str:
    return f"{field_label(kind, field_name, 'en')}: {en}"


def _check_person(raw: dict[str, Any], check: RowCheck) -> None:
    v: dict[str, Any] = {}
    prefix = _prefix(_clean_text(raw.get("prefix")))
    first = _clean_text(raw.get("first_name_th"))
    last = _clean_text(raw.get("last_name_th"))
    full = _clean_text(raw.get("full_name"))
    if not first and full:
        p, rest = _split_prefix(full)
        prefix = prefix or p
        first, _, last_part = rest.partition(" ")
        last = last or last_part.strip()
    elif first and not prefix:
        p, rest = _split_prefix(first)
        if p and rest:
            prefix, first = p, rest
    if not first:
        check.reject("first_name_th", "ไม่มีชื่อ", "the name is missing")
        return
    v.update(prefix=prefix, first_name_th=first, last_name_th=last)
    for key in ("first_name_en", "last_name_en", "address", "role"):
        if key in raw:
            v[key] = _clean_text(raw.get(key))
    try:
        v["national_id"] = read_id(raw.get("national_id"), "national_id")
        v["phone"] = read_phone(raw.get("phone"))
        v["email"] = _email(raw.get("email"))
        birth = read_date(raw.get("birth_date"), "birth_date")
        if birth is not None and birth > dt.date.today():
            raise CellError("birth_date", "วันเกิดอยู่ในอนาคต", "the birth date is in the future")
        v["birth_date"] = birth
        v["province_id"] = read_province(raw.get("province"))
        v["enterprise_registration_id"] = read_id(
            raw.get("enterprise_registration_id"), "enterprise_registration_id"
        )
    except CellError as exc:
        check.reject(
            exc.field,
            _labelled("people", exc.field, exc.message_th),
            _labelled_en("people", exc.field, exc.message_en),
        )
        return
    v["gender"] = _gender(raw.get("gender")) or _PREFIX_GENDER.get(prefix, "")
    if "consent" in raw and _clean_text(raw.get("consent")):
        v["consent"] = read_bool(raw.get("consent"))
    v["enterprise_name"] = _clean_text(raw.get("enterprise_name"))
    v["enterprise_kind_text"] = _clean_text(raw.get("enterprise_kind"))
    tsic = to_arabic_digits(_digits_cell(raw.get("enterprise_tsic")))
    if tsic and not (tsic.isdigit() and len(tsic) <= 5):
        check.reject(
            "enterprise_tsic",
            _labelled("people", "enterprise_tsic", "ต้องเป็นตัวเลขไม่เกิน 5 หลัก"),
            "TSIC: up to 5 digits",
        )
        return
    v["enterprise_tsic"] = tsic
    check.values = v


def _check_enterprise(raw: dict[str, Any], check: RowCheck) -> None:
    v: dict[str, Any] = {}
    name = _clean_text(raw.get("name_th"))
    if not name:
        check.reject("name_th", "ไม่มีชื่อสถานประกอบการ", "the enterprise name is missing")
        return
    v["name_th"] = name
    for key in ("code", "name_en", "address"):
        if key in raw:
            v[key] = _clean_text(raw.get(key))
    try:
        v["registration_id"] = read_id(raw.get("registration_id"), "registration_id")
        v["phone"] = read_phone(raw.get("phone"))
        v["province_id"] = read_province(raw.get("province"))
        if _clean_text(raw.get("size")):
            v["size"] = read_size(raw.get("size"))
    except CellError as exc:
        check.reject(
            exc.field,
            _labelled("enterprises", exc.field, exc.message_th),
            _labelled_en("enterprises", exc.field, exc.message_en),
        )
        return
    kind = read_enterprise_kind(raw.get("kind"), name=name, registration_id=v["registration_id"])
    # an existing enterprise keeps its type unless the file says otherwise; a new one gets the guess
    v["kind" if _clean_text(raw.get("kind")) else "_kind_guess"] = kind
    postcode = to_arabic_digits(_digits_cell(raw.get("postcode")))
    if postcode and not (postcode.isdigit() and len(postcode) == 5):
        check.reject(
            "postcode",
            _labelled("enterprises", "postcode", "ต้องเป็นตัวเลข 5 หลัก"),
            "postcode: must be 5 digits",
        )
        return
    v["postcode"] = postcode
    tsic = to_arabic_digits(_digits_cell(raw.get("tsic_code")))
    if tsic and not (tsic.isdigit() and len(tsic) <= 5):
        check.reject(
            "tsic_code",
            _labelled("enterprises", "tsic_code", "ต้องเป็นตัวเลขไม่เกิน 5 หลัก"),
            "TSIC: up to 5 digits",
        )
        return
    v["tsic_code"] = tsic
    check.values = v


def _name_key(v: dict[str, Any]) -> tuple[str, str]:
    return (_norm(v.get("first_name_th", "")), _norm(v.get("last_name_th", "")))


def check_rows(kind: str, table: SourceTable, mapping: Sequence[str]) -> list[RowCheck]:
    """Read and check every row without the database; rows repeated in the file are rejected after
    their first appearance."""
    fields_for(kind)
    if len(mapping) != len(table.headers):
        raise ValueError(f"{len(table.headers)} columns but a mapping of {len(mapping)}")
    checks: list[RowCheck] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple[Any, ...], int] = {}
    for i, (cells, number) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        raw = {key: cells[c] for c, key in enumerate(mapping) if key}
        check = RowCheck(i, number)
        if i in table.row_problems:
            check.reject("", *table.row_problems[i])
            checks.append(check)
            continue
        (_check_person if kind == "people" else _check_enterprise)(raw, check)
        checks.append(check)
        if not check.ok:
            continue
        v = check.values
        ident = v.get("national_id") if kind == "people" else v.get("registration_id")
        id_field = "national_id" if kind == "people" else "registration_id"
        if ident:
            if ident in seen_ids:
                check.reject(
                    id_field,
                    f"ซ้ำในไฟล์: {field_label(kind, id_field)}เดียวกับแถวที่ {seen_ids[ident]}",
                    f"duplicate in the file: same {field_label(kind, id_field, 'en')} as row {seen_ids[ident]}",
                )
                continue
            seen_ids[ident] = number
        else:
            key: tuple[Any, ...] = (
                (*_name_key(v), v.get("birth_date"))
                if kind == "people"
                else (_norm(v["name_th"]), v.get("province_id"))
            )
            if key in seen_names:
                name_field = "first_name_th" if kind == "people" else "name_th"
                check.reject(
                    name_field,
                    f"ซ้ำในไฟล์: ชื่อเดียวกับแถวที่ {seen_names[key]} (ใส่เลขประจำตัวเพื่อแยกกัน)",
                    f"duplicate in the file: same name as row {seen_names[key]} (add the ID to tell them apart)",
                )
                continue
            seen_names[key] = number
    return checks


# --- importing ---------------------------------------------------------------------------------------


class ImportCancelled(ServiceError):
    """The user cancelled: nothing of the import was kept."""

    def __init__(self) -> None:
        super().__init__("ยกเลิกการนำเข้าแล้ว ไม่มีข้อมูลใดถูกบันทึก", "import cancelled: nothing was saved")


@dataclass
class Rejected:
    row_number: int
    index: int
    field: str
    column: int | None
    reason_th: str
    reason_en: str

    def reason(self, lang: str = "th") -> str:
        return self.reason_th if lang == "th" else self.reason_en


@dataclass
class ImportResult:
    kind: str
    read: int = 0
    imported: int = 0  # new records
    updated: int = 0  # existing records changed (fields, a new enrollment)
    unchanged: int = 0  # existing records the file had nothing new for
    enrolled: int = 0
    enterprises_created: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    dry_run: bool = False

    @property
    def accepted(self) -> int:
        return self.imported + self.updated + self.unchanged


ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


def _column_of(mapping: Sequence[str], field_name: str) -> int | None:
    aliases = {
        "first_name_th": ("first_name_th", "full_name"),
        "last_name_th": ("last_name_th", "full_name"),
        "prefix": ("prefix", "full_name"),
        "province_id": ("province",),
    }.get(field_name, (field_name,))
    if not field_name:
        return None  # the whole row (e.g. a shifted CSV line), not one cell
    for key in aliases:
        if key in mapping:
            return list(mapping).index(key)
    return None


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


class _Importer:
    """The database side of one import, inside the caller's transaction."""

    def __init__(
        self, ctx: Context, kind: str, table: SourceTable, mapping: Sequence[str], activity_id: str | None
    ):
        self.ctx = ctx
        self.s = ctx.session
        self.kind = kind
        self.table = table
        self.mapping = list(mapping)
        self.activity_id = activity_id
        self.result = ImportResult(kind)
        self._enterprise_by_reg: dict[str, Enterprise] = {}
        self._enterprise_by_name: dict[tuple[str, str | None], Enterprise] = {}
        self._next_code: int | None = None
        self._created_people: set[str] = set()

    # -- helpers --

    def reject(self, check: RowCheck) -> None:
        self.result.rejected.append(
            Rejected(
                check.row_number,
                check.index,
                check.error_field,
                _column_of(self.mapping, check.error_field),
                check.reason_th,
                check.reason_en,
            )
        )

    def _people_by_id(self, ids: list[str]) -> dict[str, Person]:
        found: dict[str, Person] = {}
        for part in _chunks(ids):
            for p in self.s.scalars(
                select(Person).where(Person.national_id.in_(part), Person.deleted.is_(False))
            ):
                if p.national_id:
                    found[p.national_id] = p
        return found

    def _people_by_name(self, firsts: list[str]) -> dict[tuple[str, str], list[Person]]:
        found: dict[tuple[str, str], list[Person]] = {}
        for part in _chunks(firsts):
            for p in self.s.scalars(
                select(Person).where(Person.first_name_th.in_(part), Person.deleted.is_(False))
            ):
                found.setdefault((_norm(p.first_name_th), _norm(p.last_name_th)), []).append(p)
        return found

    def _new_enterprise_code(self) -> str:
        prefix = f"{self.ctx.site.code}-E"
        if self._next_code is None:
            self._next_code = enrollment_service.next_enterprise_code(self.s, self.ctx.site.code)
        code = f"{prefix}{self._next_code:06d}"
        self._next_code += 1
        return code

    def _apply(self, obj: Any, values: dict[str, Any]) -> bool:
        """Update `obj` with the non-empty values the file has; True if anything changed."""
        changes = {k: v for k, v in values.items() if v not in (None, "") and getattr(obj, k) != v}
        if changes:
            records.update(self.ctx, obj, **changes)
        return bool(changes)

    # -- enterprises (their own import, or the enterprise of a person row) --

    def _find_enterprise(self, reg: str | None, code: str) -> Enterprise | None:
        if reg:
            if reg in self._enterprise_by_reg:
                return self._enterprise_by_reg[reg]
            e = self.s.scalars(
                select(Enterprise).where(Enterprise.registration_id == reg, Enterprise.deleted.is_(False))
            ).first()
            if e is not None:
                return e
        if code:
            e = self.s.scalars(
                select(Enterprise).where(Enterprise.code == code, Enterprise.deleted.is_(False))
            ).first()
            if e is not None:
                return e
        return None

    def _same_name(self, name: str, province: str | None) -> Enterprise | None:
        key = (_norm(name), province)
        if key in self._enterprise_by_name:
            return self._enterprise_by_name[key]
        q = select(Enterprise).where(Enterprise.name_th == name, Enterprise.deleted.is_(False))
        if province:
            q = q.where(Enterprise.province_id == province)
        return self.s.scalars(q.limit(1)).first()

    def _create_enterprise(self, values: dict[str, Any]) -> Enterprise:
        values = {k: v for k, v in values.items() if v not in (None, "")}
        values.setdefault("code", self._new_enterprise_code())
        e = records.create(self.ctx, Enterprise, **values)
        if e.registration_id:
            self._enterprise_by_reg[e.registration_id] = e
        self._enterprise_by_name[(_norm(e.name_th), e.province_id)] = e
        self.result.enterprises_created += 1
        return e

    # -- rows --

    def person_row(
        self, check: RowCheck, by_id: dict[str, Person], by_name: dict[tuple[str, str], list[Person]]
    ) -> None:
        v = check.values
        person_fields = {
            k: v.get(k)
            for k in ("prefix", "first_name_th", "last_name_th", "first_name_en", "last_name_en", "national_id",
                      "birth_date", "gender", "phone", "email", "address", "province_id", "consent")
            if k in v
        }  # fmt: skip
        person: Person | None = None
        if v.get("national_id"):
            person = by_id.get(v["national_id"])
        else:
            same = [p for p in by_name.get(_name_key(v), []) if p.id not in self._created_people]
            if same:
                exact = [p for p in same if v.get("birth_date") and p.birth_date == v["birth_date"]]
                if exact:
                    person = exact[0]
                elif not v.get("birth_date") or any(p.birth_date is None for p in same):
                    check.reject(
                        "first_name_th",
                        "ซ้ำกับข้อมูลในฐานข้อมูล: มีผู้ชื่อ-นามสกุลนี้อยู่แล้ว "
                        "(ใส่เลขประจำตัวประชาชนหรือวันเกิดเพื่อยืนยันว่าเป็นคนเดียวกันหรือคนละคน)",
                        "duplicate in the database: someone with this name exists already "
                        "(add the national ID or birth date to match or tell them apart)",
                    )
                    self.reject(check)
                    return
        try:
            if person is None:
                person = records.create(
                    self.ctx, Person, **{k: x for k, x in person_fields.items() if x not in (None, "")}
                )
                self._created_people.add(person.id)
                status = "imported"
            else:
                fill: dict[str, Any] = {k: x for k, x in person_fields.items() if k != "national_id"}
                status = "updated" if self._apply(person, fill) else "unchanged"
            enterprise = self._person_enterprise(person, v)
            if self.activity_id:
                _enr, created = enrollment_service.enroll(
                    self.ctx, self.activity_id, person.id, enterprise_id=enterprise.id if enterprise else None
                )
                if created:
                    self.result.enrolled += 1
                    if status == "unchanged":
                        status = "updated"
        except ValidationError as exc:
            check.reject(exc.field, exc.message_th, exc.message_en)
            self.reject(check)
            return
        setattr(self.result, status, getattr(self.result, status) + 1)

    def _person_enterprise(self, person: Person, v: dict[str, Any]) -> Enterprise | None:
        name, reg = v.get("enterprise_name") or "", v.get("enterprise_registration_id")
        if not name and not reg:
            return None
        province = v.get("province_id")
        enterprise = self._find_enterprise(reg, "")
        if enterprise is None and name:
            enterprise = self._same_name(name, province)
        if enterprise is None:
            if not name:
                raise ValidationError(
                    "enterprise_name",
                    "ชื่อสถานประกอบการ: ต้องกรอกเมื่อมีเลขทะเบียนที่ยังไม่มีในฐานข้อมูล",
                    "enterprise_name: needed for a registration ID not yet in the database",
                )
            enterprise = self._create_enterprise(
                {
                    "name_th": name,
                    "registration_id": reg,
                    "kind": read_enterprise_kind(
                        v.get("enterprise_kind_text"), name=name, registration_id=reg
                    ),
                    "tsic_code": v.get("enterprise_tsic"),
                    "province_id": province,
                    "owner_person_id": person.id,
                }
            )
        member = self.s.scalars(
            select(EnterpriseMember).where(
                EnterpriseMember.enterprise_id == enterprise.id, EnterpriseMember.person_id == person.id
            )
        ).first()
        if member is None:
            records.create(
                self.ctx,
                EnterpriseMember,
                enterprise_id=enterprise.id,
                person_id=person.id,
                role=v.get("role") or "owner",
            )
        return enterprise

    def enterprise_row(self, check: RowCheck) -> None:
        v = check.values
        enterprise = self._find_enterprise(v.get("registration_id"), v.get("code", ""))
        try:
            if enterprise is None:
                twin = (
                    None if v.get("registration_id") else self._same_name(v["name_th"], v.get("province_id"))
                )
                if twin is not None:
                    check.reject(
                        "name_th",
                        f"ซ้ำกับข้อมูลในฐานข้อมูล: มีสถานประกอบการชื่อนี้ในจังหวัดเดียวกันแล้ว (รหัส {twin.code}) "
                        "ใส่เลขทะเบียนหรือรหัสเพื่อปรับปรุงข้อมูลเดิม",
                        f"duplicate in the database: an enterprise with this name exists in the province "
                        f"(code {twin.code}); add its registration ID or code to update it",
                    )
                    self.reject(check)
                    return
                values = dict(v)
                values.setdefault("kind", values.pop("_kind_guess", None))
                values.pop("_kind_guess", None)
                self._create_enterprise(values)
                status = "imported"
            else:
                fill = {k: x for k, x in v.items() if k not in ("code", "_kind_guess")}
                status = "updated" if self._apply(enterprise, fill) else "unchanged"
        except ValidationError as exc:
            check.reject(exc.field, exc.message_th, exc.message_en)
            self.reject(check)
            return
        setattr(self.result, status, getattr(self.result, status) + 1)

    def run(
        self, checks: list[RowCheck], progress: ProgressFn | None, cancelled: CancelFn | None
    ) -> ImportResult:
        self.result.read = len(checks)
        ok = [c for c in checks if c.ok]
        by_id: dict[str, Person] = {}
        by_name: dict[tuple[str, str], list[Person]] = {}
        if self.kind == "people":
            by_id = self._people_by_id(
                sorted({c.values["national_id"] for c in ok if c.values.get("national_id")})
            )
            by_name = self._people_by_name(
                sorted({c.values["first_name_th"] for c in ok if not c.values.get("national_id")})
            )
        total = len(checks)
        step = max(1, total // 200)
        for n, check in enumerate(checks, start=1):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if not check.ok:
                self.reject(check)
            elif self.kind == "people":
                self.person_row(check, by_id, by_name)
            else:
                self.enterprise_row(check)
            if progress is not None and (n % step == 0 or n == total):
                progress(n, total)
        self.result.rejected.sort(key=lambda r: r.row_number)
        return self.result


def find_activity(session: Session, code_or_id: str) -> Activity:
    """An activity by its code (what staff type) or id."""
    activity = session.scalars(
        select(Activity).where(Activity.code == code_or_id.strip(), Activity.deleted.is_(False))
    ).first() or session.get(Activity, code_or_id)
    if activity is None or activity.deleted:
        raise NotFound(f"ไม่พบกิจกรรมรหัส {code_or_id}", f"no activity with code {code_or_id}")
    return activity


def run_import(
    session: Session,
    make_context: Callable[[Session], Context],
    kind: str,
    table: SourceTable,
    mapping: Sequence[str],
    *,
    activity_id: str | None = None,
    dry_run: bool = False,
    remember: bool = True,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> ImportResult:
    """Import `table` in one transaction of `session` (a fresh one, not already in a transaction block).

    Commits the accepted rows together at the end; rolls everything back on a dry run, on cancel (raising
    `ImportCancelled`) and on any error. `make_context` turns the session into the acting user's Context.
    """
    fields_for(kind)
    problems = mapping_problems(kind, mapping)
    if problems:
        raise ValidationError("mapping", problems[0][0], problems[0][1])
    try:
        ctx = make_context(session)
        ctx.require("import")
        ctx.require("records.write")
        if activity_id:
            enrollment_service._activity(ctx, activity_id)
        checks = check_rows(kind, table, mapping)
        result = _Importer(ctx, kind, table, mapping, activity_id).run(checks, progress, cancelled)
        result.dry_run = dry_run
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if dry_run:
            session.rollback()
        else:
            if remember and result.accepted:  # a mapping that took no row may well be wrong
                remember_mapping(session, kind, table.headers, mapping)
            session.commit()
        return result
    except BaseException:
        session.rollback()
        raise


def count_live_people(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False))) or 0)


# --- the error sheet ---------------------------------------------------------------------------------


def write_error_sheet(path: str | Path, table: SourceTable, result: ImportResult, *, lang: str = "th") -> int:
    """Save the rejected rows as an .xlsx: the original columns as they were, the offending cell marked,
    and a last column saying why. Fix it and import it again (the reason column is ignored then)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    bad = PatternFill("solid", fgColor="F8CBAD")
    head = PatternFill("solid", fgColor="DCE6F1")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "แถวที่ไม่ผ่าน"
    headers = [*table.headers, REASON_HEADER]
    for c, h in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=c, value=h)
        cell.font = Font(bold=True)
        cell.fill = head
    for r, rej in enumerate(result.rejected, start=2):
        cells = table.rows[rej.index]
        for c, value in enumerate(cells, start=1):
            cell = ws.cell(row=r, column=c, value=_sheet_value(value))
            if isinstance(value, (dt.date, dt.datetime)):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, str):
                cell.number_format = "@"  # keep IDs and phone numbers as typed (leading zeros)
        reason = ws.cell(row=r, column=len(headers), value=f"แถว {rej.row_number}: {rej.reason(lang)}")
        reason.font = Font(color="9C0006")
        if rej.column is not None:
            marked = ws.cell(row=r, column=rej.column + 1)
            marked.fill = bad
            marked.comment = Comment(rej.reason(lang), "dipdesk")
    for c, h in enumerate(headers, start=1):
        longest = max(
            [len(str(h))] + [len(str(ws.cell(row=r, column=c).value or "")) for r in range(2, ws.max_row + 1)]
        )
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = min(max(10, longest + 2), 70)
    ws.freeze_panes = "A2"
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(p.name + ".part")
    try:
        wb.save(tmp)
        tmp.replace(p)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return len(result.rejected)


def _sheet_value(value: Any) -> Any:
    if isinstance(value, str):
        return ILLEGAL_CHARS.sub("", value)
    return value


ILLEGAL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
