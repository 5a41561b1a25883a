"""Column headers and cell text of the record lists.

Headers and coded values are module-level strings marked with `QT_TRANSLATE_NOOP` and translated when
shown. Cells are turned into text on the worker thread that fetched them (`display_row`), so painting a
row on the GUI thread is a lookup, never a format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dipdesk.core.kpi import format_baht
from dipdesk.core.phone import format_phone
from dipdesk.services.search import ListSpec
from dipdesk.ui.widgets import format_date

HEADERS = {
    "name": QT_TRANSLATE_NOOP("Columns", "First name"),
    "first_name_th": QT_TRANSLATE_NOOP("Columns", "First name"),
    "last_name_th": QT_TRANSLATE_NOOP("Columns", "Last name"),
    "national_id": QT_TRANSLATE_NOOP("Columns", "ID card no."),
    "phone": QT_TRANSLATE_NOOP("Columns", "Phone"),
    "email": QT_TRANSLATE_NOOP("Columns", "E-mail"),
    "birth_date": QT_TRANSLATE_NOOP("Columns", "Date of birth"),
    "province": QT_TRANSLATE_NOOP("Columns", "Province"),
    "code": QT_TRANSLATE_NOOP("Columns", "Code"),
    "kind": QT_TRANSLATE_NOOP("Columns", "Type"),
    "registration_id": QT_TRANSLATE_NOOP("Columns", "Registration ID"),
    "tsic_code": QT_TRANSLATE_NOOP("Columns", "TSIC"),
    "size": QT_TRANSLATE_NOOP("Columns", "Size"),
    "fiscal_year": QT_TRANSLATE_NOOP("Columns", "Fiscal year"),
    "service_kind": QT_TRANSLATE_NOOP("Columns", "Service"),
    "policy_track": QT_TRANSLATE_NOOP("Columns", "Policy track"),
    "budget": QT_TRANSLATE_NOOP("Columns", "Budget (baht)"),
    "activities": QT_TRANSLATE_NOOP("Columns", "Activities"),
    "title_th": QT_TRANSLATE_NOOP("Columns", "Activity"),
    "program": QT_TRANSLATE_NOOP("Columns", "Program"),
    "cohort": QT_TRANSLATE_NOOP("Columns", "Cohort"),
    "start_date": QT_TRANSLATE_NOOP("Columns", "Starts"),
    "end_date": QT_TRANSLATE_NOOP("Columns", "Ends"),
    "hours": QT_TRANSLATE_NOOP("Columns", "Hours"),
    "capacity": QT_TRANSLATE_NOOP("Columns", "Seats"),
    "enrolled": QT_TRANSLATE_NOOP("Columns", "Enrolled"),
    "seq": QT_TRANSLATE_NOOP("Columns", "Session no."),
    "day": QT_TRANSLATE_NOOP("Columns", "Date"),
    "topic": QT_TRANSLATE_NOOP("Columns", "Topic"),
    "product_type": QT_TRANSLATE_NOOP("Columns", "Product type"),
    "enterprise": QT_TRANSLATE_NOOP("Columns", "Enterprise"),
    "developed_on": QT_TRANSLATE_NOOP("Columns", "Developed on"),
    "members": QT_TRANSLATE_NOOP("Columns", "Member enterprises"),
    "staff_name": QT_TRANSLATE_NOOP("Columns", "Staff"),
    "description": QT_TRANSLATE_NOOP("Columns", "Details"),
    "period_start": QT_TRANSLATE_NOOP("Columns", "Period from"),
    "period_end": QT_TRANSLATE_NOOP("Columns", "Period to"),
    "revenue_before": QT_TRANSLATE_NOOP("Columns", "Revenue before"),
    "revenue_after": QT_TRANSLATE_NOOP("Columns", "Revenue after"),
    "cost_saved": QT_TRANSLATE_NOOP("Columns", "Costs saved"),
    "investment": QT_TRANSLATE_NOOP("Columns", "Investment"),
    "jobs_created": QT_TRANSLATE_NOOP("Columns", "Jobs created"),
    "new_products": QT_TRANSLATE_NOOP("Columns", "New products"),
    "economic_value": QT_TRANSLATE_NOOP("Columns", "Economic value"),
}

# A column called differently in one list.
LIST_HEADERS = {
    ("enterprises", "name_th"): QT_TRANSLATE_NOOP("Columns", "Enterprise name"),
    ("programs", "name_th"): QT_TRANSLATE_NOOP("Columns", "Program name"),
    ("groups", "name_th"): QT_TRANSLATE_NOOP("Columns", "Group name"),
    ("products", "name_th"): QT_TRANSLATE_NOOP("Columns", "Product name"),
}

# Coded values, per column: what staff read instead of the stored code.
CODES: dict[str, dict[str, str]] = {
    "service_kind": {
        "consulting": QT_TRANSLATE_NOOP("Codes", "Consulting and advice"),
        "training": QT_TRANSLATE_NOOP("Codes", "Training"),
        "incubation": QT_TRANSLATE_NOOP("Codes", "Business incubation"),
        "matching": QT_TRANSLATE_NOOP("Codes", "Business matching"),
        "testing": QT_TRANSLATE_NOOP("Codes", "Raw-material and product testing"),
        "production": QT_TRANSLATE_NOOP("Codes", "Production-system development"),
        "design": QT_TRANSLATE_NOOP("Codes", "Product and packaging design"),
        "exhibition": QT_TRANSLATE_NOOP("Codes", "Exhibitions and showrooms"),
    },
    "policy_track": {
        "build_agro": QT_TRANSLATE_NOOP("Codes", "Build: agro-industry"),
        "build_creative": QT_TRANSLATE_NOOP("Codes", "Build: creative"),
        "build_smart": QT_TRANSLATE_NOOP("Codes", "Build: smart"),
        "improve": QT_TRANSLATE_NOOP("Codes", "Improve the ecosystem"),
        "change": QT_TRANSLATE_NOOP("Codes", "Change how we work"),
    },
    "kind": {
        "juristic": QT_TRANSLATE_NOOP("Codes", "Juristic person"),
        "community": QT_TRANSLATE_NOOP("Codes", "Community enterprise"),
        "individual": QT_TRANSLATE_NOOP("Codes", "Individual business"),
    },
    "group_kind": {
        "cluster": QT_TRANSLATE_NOOP("Codes", "Cluster"),
        "community": QT_TRANSLATE_NOOP("Codes", "Community-enterprise network"),
    },
    "size": {
        "micro": QT_TRANSLATE_NOOP("Codes", "Micro"),
        "small": QT_TRANSLATE_NOOP("Codes", "Small"),
        "medium": QT_TRANSLATE_NOOP("Codes", "Medium"),
        "large": QT_TRANSLATE_NOOP("Codes", "Large"),
    },
    "product_type": {
        "food": QT_TRANSLATE_NOOP("Codes", "Processed food"),
        "herbal": QT_TRANSLATE_NOOP("Codes", "Herbal products"),
        "cosmetic": QT_TRANSLATE_NOOP("Codes", "Cosmetics"),
        "packaging": QT_TRANSLATE_NOOP("Codes", "Packaging"),
        "textile": QT_TRANSLATE_NOOP("Codes", "Textiles and clothing"),
    },
    "gender": {
        "M": QT_TRANSLATE_NOOP("Codes", "Male"),
        "F": QT_TRANSLATE_NOOP("Codes", "Female"),
    },
}

# Which code table a list column uses (groups call their kinds differently from enterprises).
_CODE_COLUMNS = {("groups", "kind"): "group_kind"}

NUMERIC_KINDS = frozenset({"money", "number", "int"})
_NO_SEPARATORS = frozenset({"fiscal_year", "cohort", "seq"})


def header(key: str, list_name: str = "") -> str:
    text = LIST_HEADERS.get((list_name, key)) or HEADERS.get(key)
    return QCoreApplication.translate("Columns", text) if text else key


def code_label(table: str, value: str) -> str:
    """`training` → `การฝึกอบรม`: a stored code in words; unknown codes are shown as they are."""
    labels = CODES.get(table, {})
    return QCoreApplication.translate("Codes", labels[value]) if value in labels else value


def code_choices(table: str) -> list[tuple[str, str]]:
    """(code, words) for a choice box, in the table's order."""
    return [(code, code_label(table, code)) for code in CODES[table]]


def cell_text(list_name: str, key: str, kind: str, value: Any) -> str:
    """A value as the list shows it: BE dates, money with two decimals, codes in words."""
    if value is None or value == "":
        return ""
    if kind == "date" or isinstance(value, (dt.date, dt.datetime)):
        return format_date(value)
    if kind == "money" and isinstance(value, Decimal):
        return format_baht(value)
    if kind == "number" and isinstance(value, Decimal):
        return f"{value.normalize():,f}"
    if kind == "int" and isinstance(value, int):
        return str(value) if key in _NO_SEPARATORS else f"{value:,}"
    if key == "phone":
        return format_phone(str(value))
    table = _CODE_COLUMNS.get((list_name, key), key)
    if table in CODES:
        return code_label(table, str(value))
    return str(value)


def display_row(spec: ListSpec, row: Sequence[Any]) -> tuple[str, ...]:
    """The texts of one fetched row (without its id), in column order."""
    return tuple(cell_text(spec.name, c.key, c.kind, v) for c, v in zip(spec.columns, row[1:], strict=True))
