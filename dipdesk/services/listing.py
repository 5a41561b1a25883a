"""Read-only listings for `dipdesk list KIND`: codes and key fields, newest schema, no writes.

JSON rows carry the record's `id` and, where the record has one, its `code`; national IDs are masked
(PDPA) since staff scripts do not need them in the clear.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, select
from sqlalchemy.orm import aliased

from dipdesk.core.thaiid import mask_id
from dipdesk.store.auth import AuditEntry, User
from dipdesk.store.certificates import Certificate, CertificateTemplate
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.lab import LabAnalysis, LabReport, LabRequest, LabSample, LabSpecification, LabTest
from dipdesk.store.mentoring import MentoringPair, MentoringSession
from dipdesk.store.outcomes import Outcome, ServiceRecord
from dipdesk.store.people import Enterprise, Group, Person, Product
from dipdesk.store.programs import Activity, ActivitySession, Program, Target
from dipdesk.store.reference import Province, Site


@dataclass(frozen=True)
class Kind:
    model: Any
    query: Callable[[], Select]
    order: Callable[[], list[Any]]
    state_column: Callable[[], Any] | None = None
    masks: tuple[str, ...] = ()


def _people() -> Select:
    return select(
        Person.id,
        Person.prefix,
        Person.first_name_th,
        Person.last_name_th,
        Person.national_id,
        Person.phone,
        Person.email,
        Person.birth_date,
        Person.province_id,
    ).where(Person.deleted.is_(False))


def _activities() -> Select:
    return (
        select(
            Activity.id,
            Activity.code,
            Activity.title_th,
            Program.code.label("program"),
            Activity.cohort,
            Activity.start_date,
            Activity.end_date,
            Activity.hours,
            Activity.capacity,
            Activity.completion_threshold,
        )
        .join(Program, Program.id == Activity.program_id)
        .where(Activity.deleted.is_(False))
    )


def _enrollments() -> Select:
    return (
        select(
            Enrollment.id,
            Activity.code.label("activity"),
            Enrollment.person_id,
            Person.first_name_th,
            Person.last_name_th,
            Enrollment.status,
        )
        .join(Activity, Activity.id == Enrollment.activity_id)
        .join(Person, Person.id == Enrollment.person_id)
        .where(Enrollment.deleted.is_(False))
    )


def _pairs() -> Select:
    mentor = aliased(Enterprise)
    mentee = aliased(Enterprise)
    return (
        select(
            MentoringPair.id,
            MentoringPair.cohort,
            mentor.code.label("mentor_enterprise"),
            MentoringPair.mentor_person_id,
            mentee.code.label("mentee_enterprise"),
            MentoringPair.status,
        )
        .outerjoin(mentor, mentor.id == MentoringPair.mentor_enterprise_id)
        .join(mentee, mentee.id == MentoringPair.mentee_enterprise_id)
        .where(MentoringPair.deleted.is_(False))
    )


def _samples() -> Select:
    return (
        select(
            LabSample.id,
            LabSample.lab_no,
            LabRequest.request_no,
            LabSample.description,
            LabSample.product_type,
            LabSample.received_at,
            LabSample.due_on,
            LabSample.state,
        )
        .join(LabRequest, LabRequest.id == LabSample.request_id)
        .where(LabSample.deleted.is_(False))
    )


def _analyses() -> Select:
    return (
        select(
            LabAnalysis.id,
            LabSample.lab_no,
            LabTest.code.label("test"),
            LabAnalysis.state,
            LabAnalysis.value_text,
            LabTest.unit,
            LabAnalysis.limit_flag,
        )
        .join(LabSample, LabSample.id == LabAnalysis.sample_id)
        .join(LabTest, LabTest.id == LabAnalysis.test_id)
        .where(LabAnalysis.deleted.is_(False))
    )


def _certificates() -> Select:
    # the name as printed (kept at issue), not the person's name today: a later name change does not
    # change an issued certificate until it is re-issued
    return (
        select(
            Certificate.id,
            Certificate.serial,
            Certificate.printed_data["name"].as_string().label("name"),
            Activity.code.label("activity"),
            Certificate.issued_on,
            Certificate.state,
        )
        .join(Activity, Activity.id == Certificate.activity_id)
        .where(Certificate.deleted.is_(False))
    )


def _simple(model: Any, *names: str) -> Callable[[], Select]:
    def q() -> Select:
        return select(model.id, *(getattr(model, n) for n in names)).where(model.deleted.is_(False))

    return q


KINDS: dict[str, Kind] = {
    "sites": Kind(
        Site,
        _simple(Site, "code", "name_th", "kind", "center_no", "has_lab"),
        lambda: [Site.kind.desc(), Site.center_no, Site.code],
    ),
    "provinces": Kind(
        Province, _simple(Province, "code", "name_th", "name_en", "region"), lambda: [Province.code]
    ),
    "programs": Kind(
        Program,
        _simple(Program, "code", "name_th", "fiscal_year", "service_kind", "policy_track", "budget"),
        lambda: [Program.code],
    ),
    "activities": Kind(Activity, _activities, lambda: [Activity.start_date, Activity.code]),
    "sessions": Kind(
        ActivitySession,
        _simple(ActivitySession, "activity_id", "seq", "day", "hours", "topic"),
        lambda: [ActivitySession.activity_id, ActivitySession.seq],
    ),
    "people": Kind(
        Person,
        _people,
        lambda: [Person.first_name_th, Person.last_name_th, Person.id],
        masks=("national_id",),
    ),
    "enterprises": Kind(
        Enterprise,
        _simple(Enterprise, "code", "name_th", "kind", "registration_id", "tsic_code", "size", "phone"),
        lambda: [Enterprise.code],
    ),
    "products": Kind(
        Product,
        _simple(Product, "name_th", "product_type", "enterprise_id", "developed_in_program_id"),
        lambda: [Product.name_th],
    ),
    "groups": Kind(Group, _simple(Group, "code", "name_th", "kind"), lambda: [Group.code]),
    "enrollments": Kind(
        Enrollment, _enrollments, lambda: [Activity.code, Person.first_name_th], lambda: Enrollment.status
    ),
    "service-records": Kind(
        ServiceRecord,
        _simple(ServiceRecord, "day", "service_kind", "enterprise_id", "hours", "staff_name"),
        lambda: [ServiceRecord.day],
    ),
    "outcomes": Kind(
        Outcome,
        _simple(
            Outcome,
            "enterprise_id",
            "fiscal_year",
            "period_start",
            "period_end",
            "revenue_before",
            "revenue_after",
            "cost_saved",
            "jobs_created",
            "new_products",
        ),
        lambda: [Outcome.fiscal_year, Outcome.period_start],
    ),
    "mentoring": Kind(MentoringPair, _pairs, lambda: [MentoringPair.cohort, MentoringPair.id]),
    "mentoring-sessions": Kind(
        MentoringSession,
        _simple(MentoringSession, "pair_id", "day", "hours", "topic"),
        lambda: [MentoringSession.day],
    ),
    "targets": Kind(
        Target,
        _simple(
            Target,
            "fiscal_year",
            "for_site_id",
            "program_id",
            "persons",
            "enterprises",
            "products",
            "groups",
            "economic_value",
        ),
        lambda: [Target.fiscal_year, Target.for_site_id],
    ),
    "templates": Kind(
        CertificateTemplate,
        _simple(CertificateTemplate, "code", "name_th", "kind", "page_size", "orientation"),
        lambda: [CertificateTemplate.code],
    ),
    "certificates": Kind(Certificate, _certificates, lambda: [Certificate.serial], lambda: Certificate.state),
    "lab-tests": Kind(
        LabTest,
        _simple(LabTest, "code", "name_th", "kind", "unit", "method", "standard_ref", "accredited", "fee"),
        lambda: [LabTest.code],
    ),
    "specifications": Kind(
        LabSpecification,
        _simple(LabSpecification, "product_type", "test_id", "min_value", "max_value", "standard"),
        lambda: [LabSpecification.product_type],
    ),
    "requests": Kind(
        LabRequest,
        _simple(LabRequest, "request_no", "customer_name", "requested_on", "fee_total", "state"),
        lambda: [LabRequest.request_no],
        lambda: LabRequest.state,
    ),
    "samples": Kind(LabSample, _samples, lambda: [LabSample.lab_no], lambda: LabSample.state),
    "analyses": Kind(
        LabAnalysis, _analyses, lambda: [LabSample.lab_no, LabTest.code], lambda: LabAnalysis.state
    ),
    "reports": Kind(
        LabReport,
        _simple(LabReport, "report_no", "sample_id", "state", "issued_on", "replaces_id"),
        lambda: [LabReport.report_no],
        lambda: LabReport.state,
    ),
    "users": Kind(User, _simple(User, "username", "full_name", "role", "active"), lambda: [User.username]),
    "audit": Kind(
        AuditEntry,
        _simple(AuditEntry, "at", "user_id", "action", "table_name", "record_id"),
        lambda: [AuditEntry.at.desc()],
    ),
}


def iter_rows(
    engine: Engine, kind: str, *, limit: int | None = 50, state: str | None = None
) -> tuple[list[str], Generator[dict[str, Any], None, None]]:
    """Like `list_rows`, but the rows come one at a time as SQLite returns them (a million people in
    flat memory). The iterator holds a connection until it is exhausted or closed."""
    spec = KINDS[kind]
    q = spec.query().order_by(*spec.order())
    if state and spec.state_column is not None:
        q = q.where(spec.state_column() == state)
    if limit:
        q = q.limit(limit)
    conn = engine.connect()
    try:
        result = conn.execution_options(yield_per=2000).execute(q)
        columns = list(result.keys())
    except BaseException:
        conn.close()
        raise

    def rows() -> Generator[dict[str, Any], None, None]:
        try:
            for r in result:
                row = dict(zip(columns, r, strict=True))
                for m in spec.masks:
                    if row.get(m):
                        row[m] = mask_id(row[m])
                yield row
        finally:
            result.close()
            conn.close()

    return columns, rows()


def list_rows(
    engine: Engine, kind: str, *, limit: int | None = 50, state: str | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """Rows of one kind as dicts (column order kept), newest schema; `state` filters where it applies."""
    columns, rows = iter_rows(engine, kind, limit=limit, state=state)
    return columns, list(rows)
