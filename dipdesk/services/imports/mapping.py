"""Step 2 of an import, mapping: the fields of people and enterprises, the Thai and English headers that
name them, guessing a column's field, and the mappings remembered per header in ``local_state``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.core.digits import to_arabic_digits
from dipdesk.services.context import local_value, set_local_value
from dipdesk.store.auth import LocalState

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
