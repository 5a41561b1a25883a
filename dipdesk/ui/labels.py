"""Words the screens show for codes stored in the database: roles, states, kinds, column names.

Module-level, so marked with `QT_TRANSLATE_NOOP` and translated when shown (`label(...)`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

ROLES = {
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
    "staff": QT_TRANSLATE_NOOP("Labels", "Program staff"),
    "lab_technician": QT_TRANSLATE_NOOP("Labels", "Lab technician"),
    "lab_verifier": QT_TRANSLATE_NOOP("Labels", "Lab verifier"),
    "lab_head": QT_TRANSLATE_NOOP("Labels", "Lab head"),
    "viewer": QT_TRANSLATE_NOOP("Labels", "Viewer"),
}

SITE_KINDS = {
    "hq": QT_TRANSLATE_NOOP("Labels", "Headquarters"),
    "division": QT_TRANSLATE_NOOP("Labels", "Headquarters division"),
    "center": QT_TRANSLATE_NOOP("Labels", "Regional center"),
}

# Values shown in the record lists (status columns and kinds).
VALUES = {
    # enrollment
    "applied": QT_TRANSLATE_NOOP("Labels", "Applied"),
    "enrolled": QT_TRANSLATE_NOOP("Labels", "Enrolled"),
    "completed": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "dropped": QT_TRANSLATE_NOOP("Labels", "Dropped"),
    # certificates
    "issued": QT_TRANSLATE_NOOP("Labels", "Issued"),
    "revoked": QT_TRANSLATE_NOOP("Labels", "Revoked"),
    # mentoring
    "active": QT_TRANSLATE_NOOP("Labels", "Active"),
    "graduated": QT_TRANSLATE_NOOP("Labels", "Graduated"),
    "ended": QT_TRANSLATE_NOOP("Labels", "Ended"),
    # lab samples, analyses, requests, reports
    "registered": QT_TRANSLATE_NOOP("Labels", "Registered"),
    "received": QT_TRANSLATE_NOOP("Labels", "Received"),
    "testing": QT_TRANSLATE_NOOP("Labels", "Testing"),
    "to_be_verified": QT_TRANSLATE_NOOP("Labels", "To be verified"),
    "verified": QT_TRANSLATE_NOOP("Labels", "Verified"),
    "published": QT_TRANSLATE_NOOP("Labels", "Published"),
    "retracted": QT_TRANSLATE_NOOP("Labels", "Retracted"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "replaced": QT_TRANSLATE_NOOP("Labels", "Replaced"),
    # enterprises
    "juristic": QT_TRANSLATE_NOOP("Labels", "Juristic person"),
    "community": QT_TRANSLATE_NOOP("Labels", "Community enterprise"),
    "individual": QT_TRANSLATE_NOOP("Labels", "Individual business"),
    "micro": QT_TRANSLATE_NOOP("Labels", "Micro"),
    "small": QT_TRANSLATE_NOOP("Labels", "Small"),
    "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
    "large": QT_TRANSLATE_NOOP("Labels", "Large"),
    # services
    "consulting": QT_TRANSLATE_NOOP("Labels", "Consulting"),
    "training": QT_TRANSLATE_NOOP("Labels", "Training"),
    "incubation": QT_TRANSLATE_NOOP("Labels", "Incubation"),
    "matching": QT_TRANSLATE_NOOP("Labels", "Business matching"),
    "production": QT_TRANSLATE_NOOP("Labels", "Production development"),
    "design": QT_TRANSLATE_NOOP("Labels", "Product and packaging design"),
    "exhibition": QT_TRANSLATE_NOOP("Labels", "Exhibition"),
}

COLUMNS = {
    "code": QT_TRANSLATE_NOOP("Labels", "Code"),
    "name_th": QT_TRANSLATE_NOOP("Labels", "Name"),
    "title_th": QT_TRANSLATE_NOOP("Labels", "Activity"),
    "program": QT_TRANSLATE_NOOP("Labels", "Program"),
    "cohort": QT_TRANSLATE_NOOP("Labels", "Cohort"),
    "start_date": QT_TRANSLATE_NOOP("Labels", "Starts"),
    "end_date": QT_TRANSLATE_NOOP("Labels", "Ends"),
    "hours": QT_TRANSLATE_NOOP("Labels", "Hours"),
    "capacity": QT_TRANSLATE_NOOP("Labels", "Seats"),
    "prefix": QT_TRANSLATE_NOOP("Labels", "Title"),
    "first_name_th": QT_TRANSLATE_NOOP("Labels", "First name"),
    "last_name_th": QT_TRANSLATE_NOOP("Labels", "Last name"),
    "national_id": QT_TRANSLATE_NOOP("Labels", "National ID"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Type"),
    "registration_id": QT_TRANSLATE_NOOP("Labels", "Registration ID"),
    "tsic_code": QT_TRANSLATE_NOOP("Labels", "TSIC"),
    "size": QT_TRANSLATE_NOOP("Labels", "Size"),
    "mentor": QT_TRANSLATE_NOOP("Labels", "Mentor"),
    "mentee": QT_TRANSLATE_NOOP("Labels", "Mentee"),
    "started_on": QT_TRANSLATE_NOOP("Labels", "Started"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "state": QT_TRANSLATE_NOOP("Labels", "Status"),
    "serial": QT_TRANSLATE_NOOP("Labels", "Serial no."),
    "person": QT_TRANSLATE_NOOP("Labels", "Name"),
    "enterprise": QT_TRANSLATE_NOOP("Labels", "Enterprise"),
    "activity": QT_TRANSLATE_NOOP("Labels", "Activity"),
    "issued_on": QT_TRANSLATE_NOOP("Labels", "Issued on"),
    "lab_no": QT_TRANSLATE_NOOP("Labels", "Lab no."),
    "request_no": QT_TRANSLATE_NOOP("Labels", "Request no."),
    "description": QT_TRANSLATE_NOOP("Labels", "Sample"),
    "received_at": QT_TRANSLATE_NOOP("Labels", "Received"),
    "due_on": QT_TRANSLATE_NOOP("Labels", "Due"),
    "fiscal_year": QT_TRANSLATE_NOOP("Labels", "Fiscal year"),
    "service_kind": QT_TRANSLATE_NOOP("Labels", "Service"),
    "budget": QT_TRANSLATE_NOOP("Labels", "Budget (baht)"),
}


def label(text: str) -> str:
    """Translate a `QT_TRANSLATE_NOOP("Labels", …)` string."""
    return QCoreApplication.translate("Labels", text)


def role_label(role: str) -> str:
    return label(ROLES[role]) if role in ROLES else role


def value_label(value: object) -> str:
    text = "" if value is None else str(value)
    return label(VALUES[text]) if text in VALUES else text


def column_label(key: str) -> str:
    return label(COLUMNS[key]) if key in COLUMNS else key
