"""Step 3 of an import, validating rows without the database: reading cells (names and prefixes, IDs,
phones, BE/CE dates and Excel serials, provinces, kinds, sizes, e-mails) and checking whole rows.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dipdesk.core.digits import to_arabic_digits
from dipdesk.core.phone import PhoneError, normalize_phone
from dipdesk.core.thaidate import BE_OFFSET, DateParseError, excel_serial_to_date, parse_date
from dipdesk.core.thaiid import IdError, validate_id
from dipdesk.services.imports.mapping import _norm, field_label, fields_for
from dipdesk.services.imports.reading import SourceTable
from dipdesk.store.people import PREFIXES
from dipdesk.store.reference_data import PROVINCES, province_id

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
