"""Step 1 of an import, reading files: CSV in any of the encodings centers send (cp874, UTF-8 with or
without BOM, UTF-16) and Excel sheets, into a :class:`SourceTable` (header row found below title rows).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dipdesk.core.cells import formula_unsafe
from dipdesk.services.errors import ServiceError
from dipdesk.services.imports.mapping import MAX_HEADER_SCAN, guess_field

# --- reading files -----------------------------------------------------------------------------------

# The largest file an import takes: a class list or a whole center's register is a few thousand rows;
# these limits keep a wrong or hostile file (a database dump, a zip bomb) from filling the memory.
MAX_IMPORT_BYTES = 20 * 1024 * 1024  # the file as stored (an .xlsx is compressed)
MAX_IMPORT_ROWS = 50_000  # rows of the sheet or lines of the CSV, header and title rows included
MAX_XLSX_UNPACKED = 10 * MAX_IMPORT_BYTES  # an .xlsx as unpacked (its XML)


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


def _undefined_bytes(data: bytes, exc: UnicodeDecodeError, encoding: str, name: str) -> UnreadableFile:
    """A clear refusal naming where the first byte that is no character of ``encoding`` is."""
    line = data.count(b"\n", 0, exc.start) + 1
    bad = data[exc.start : exc.end].hex(" ").upper()
    label = {"cp874": "ภาษาไทย (cp874/TIS-620)", "utf-8": "UTF-8"}.get(encoding, encoding)
    return UnreadableFile(
        f"{name}: บรรทัดที่ {line} มีไบต์ {bad} ซึ่งไม่ใช่ตัวอักษรในรหัส {label} "
        "(ไฟล์อาจเสียหายหรือบันทึกด้วยรหัสอื่น) ไม่ได้นำเข้าข้อมูลใด บันทึกไฟล์ใหม่เป็น UTF-8 หรือ .xlsx แล้วลองอีกครั้ง",
        f"{name}: line {line} has the byte(s) {bad}, which are no character in {encoding} (the file is "
        "damaged or saved in another encoding); nothing imported. Save it again as UTF-8 or .xlsx.",
    )


def _decode(data: bytes, name: str = "") -> tuple[str, str]:
    """The text of a CSV file and its encoding. Bytes that are no character of the encoding found are
    refused with where they are, never read as "�" (a name would be imported garbled, silently)."""
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        try:
            return body.decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _undefined_bytes(body, exc, "utf-8", name) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:8192] and (utf16 := _utf16_without_bom(data)):
        try:
            text = data.decode(utf16)
            if text:
                return text, utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874"), "cp874"  # Windows Thai: a superset of TIS-620
    except UnicodeDecodeError as exc:
        raise _undefined_bytes(data, exc, "cp874", name) from exc


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
        cells = [formula_unsafe(c) for c in r[: len(headers)]] + [None] * (len(headers) - len(r))
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
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise UnreadableFile(f"เปิดไฟล์ไม่ได้: {exc}", f"cannot open the file: {exc}") from exc
    if size > MAX_IMPORT_BYTES:
        raise _too_big(p, size)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(p, sheet)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"เปิดไฟล์ไม่ได้: {exc}", f"cannot open the file: {exc}") from exc
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(p, sheet)  # an .xlsx saved under another name
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_big(p, len(data))
    try:
        text, encoding = _decode(data, p.name)
    except UnreadableFile:
        text, encoding = data[:8192].decode("latin-1"), ""  # to tell a picture from a damaged CSV
        if sum(1 for ch in text if ch < " " and ch not in "\t\r\n") <= len(text) // 20:
            raise
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
        raw = []
        for r in csv.reader(io.StringIO(text, newline=""), dialect):
            raw.append(list(r))
            if len(raw) > MAX_IMPORT_ROWS:
                raise _too_many_rows(p)
    except csv.Error as exc:  # e.g. a cell over the csv module's field size limit (128 KB)
        raise UnreadableFile(
            f"อ่านไฟล์ CSV ไม่ได้: {exc} (ช่องข้อมูลยาวผิดปกติ หรือเครื่องหมายคำพูดไม่ครบคู่)",
            f"cannot read the CSV file: {exc} (an abnormally long cell, or an unclosed quote?)",
        ) from exc
    return _table(p, raw, encoding=encoding)


def _too_big(p: Path, size: int) -> UnreadableFile:
    limit = MAX_IMPORT_BYTES // (1024 * 1024)
    return UnreadableFile(
        f"{p.name}: ไฟล์ใหญ่ {size / 1024 / 1024:.1f} MB เกินขนาดที่นำเข้าได้ ({limit} MB) "
        "ไม่ได้นำเข้าข้อมูลใด แบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์",
        f"{p.name} is {size / 1024 / 1024:.1f} MB, over the import limit of {limit} MB; nothing imported. "
        "Split it into several files.",
    )


def _too_many_rows(p: Path) -> UnreadableFile:
    return UnreadableFile(
        f"{p.name}: มีเกิน {MAX_IMPORT_ROWS:,} แถว ซึ่งเกินจำนวนที่นำเข้าได้ในครั้งเดียว ไม่ได้นำเข้าข้อมูลใด "
        "แบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์",
        f"{p.name} has more than {MAX_IMPORT_ROWS:,} rows, over the import limit; nothing imported. "
        "Split it into several files.",
    )


def _sheet_rows(p: Path, wb: Any, name: str) -> list[list[Any]]:
    """The rows of one sheet (read lazily: a damaged sheet XML shows only now), within the row limit."""
    raw: list[list[Any]] = []
    try:
        for r in wb[name].iter_rows(values_only=True):
            raw.append(list(r))
            if len(raw) > MAX_IMPORT_ROWS:
                raise _too_many_rows(p)
    except UnreadableFile:
        raise
    except Exception as exc:  # XML syntax, a missing part, a bad cell value: the sheet is damaged
        raise UnreadableFile(
            f"{p.name}: แผ่นงาน {name} เสียหาย อ่านไม่ได้ ({type(exc).__name__}) ไม่ได้นำเข้าข้อมูลใด "
            "เปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่",
            f"{p.name}: the sheet {name!r} is damaged and cannot be read ({type(exc).__name__}: {exc}); "
            "nothing imported. Open it in Excel and save it again as .xlsx.",
        ) from exc
    return raw


def _read_xlsx(p: Path, sheet: str | None) -> SourceTable:
    from openpyxl import load_workbook

    with contextlib.suppress(zipfile.BadZipFile, OSError):  # (load_workbook says what is wrong with it)
        with zipfile.ZipFile(p) as z:
            unpacked = sum(i.file_size for i in z.infolist())
        if unpacked > MAX_XLSX_UNPACKED:  # a zip bomb, or a dump far beyond MAX_IMPORT_ROWS
            raise _too_big(p, unpacked)
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
            raw = _sheet_rows(p, wb, name)
            if any(any(_cell_text(c) for c in r) for r in raw):
                return _table(p, raw, sheet=name)
        raise UnreadableFile("ไฟล์นี้ไม่มีข้อมูล", f"{p.name} has no data")
    finally:
        with contextlib.suppress(Exception):
            wb.close()
