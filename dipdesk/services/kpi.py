"""The targets dashboard (ตัวชี้วัดตามเป้าหมาย): a fiscal year's reach against its targets.

Counting rule (DOMAIN.md: quality over quantity, count distinct, never rows):
- persons: enrolled in, or completed, an activity of one of the year's programs;
- enterprises: the enterprise of such an enrollment, or one that received a service (ServiceRecord)
  dated in the fiscal year;
- products: developed in one of the year's programs;
- groups: the group of such an enrollment, or the group of a reached enterprise;
- economic value: computed from the outcomes recorded for the year (`dipdesk.services.outcomes`).
Each counts once per line, however many activities it joined: for the site, per program and per service
kind. A service kind counts once across its programs, so the kinds do not add up to the site's total
when someone joined programs of two kinds (the same goes for programs). "This site" means the site's own
programs, service records and outcomes; "all sites" is everything in this database (HQ after syncing).

Targets are data (the `targets` table): a row per fiscal year for a site (`for_site_id`), for a program
of that site (`program_id`), or national (`for_site_id` empty). A service kind's target is the sum of its
programs' targets. Admins edit them through `set_target`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, select, union_all
from sqlalchemy.orm import Session

from dipdesk.core.kpi import KPI_KINDS, progress
from dipdesk.core.thaidate import fiscal_year, fiscal_year_range
from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import PermissionDenied, ValidationError
from dipdesk.services.outcomes import ValueTotals, value_totals
from dipdesk.store import reach as kept_reach
from dipdesk.store.certificates import Certificate
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.outcomes import ServiceRecord
from dipdesk.store.people import Enterprise, Group, Person, Product
from dipdesk.store.programs import SERVICE_KINDS, Activity, Program, Target
from dipdesk.store.reference import Site

REACHED_STATES = ("enrolled", "completed")
INDICATORS = (*KPI_KINDS, "economic_value")
SCOPES = ("site", "all")
TARGET_FIELDS = INDICATORS


def _count(session: Session, model: Any, *where: Any) -> int:
    q = select(func.count()).select_from(model).where(model.deleted.is_(False), *where)
    return int(session.scalar(q) or 0)


@dataclass
class KpiLine:
    """Reach and target of one line of the dashboard: the site, a program or a service kind."""

    key: str  # "site" | a program id | a service kind
    code: str  # program code, service kind, site code
    name: str  # program name (Thai), site name; service kinds are named by the screen
    service_kind: str = ""
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KPI_KINDS, 0))
    value: Decimal = field(default_factory=Decimal)
    target: dict[str, int | Decimal] | None = None

    def reached(self, indicator: str) -> int | Decimal:
        return self.value if indicator == "economic_value" else self.counts.get(indicator, 0)

    def target_of(self, indicator: str) -> int | Decimal | None:
        """The target for one indicator; None when not set (0 counts as not set)."""
        if not self.target:
            return None
        t = self.target.get(indicator)
        return t if t else None

    def progress(self, indicator: str) -> float | None:
        """reached / target (may exceed 1), None without a target."""
        t = self.target_of(indicator)
        return None if t is None else progress(self.reached(indicator), t)


@dataclass
class KpiReport:
    fiscal_year: int
    years: list[int]
    scope: str
    first_day: dt.date
    last_day: dt.date
    site: KpiLine
    target_scope: str = ""  # "site" | "national" | "" (which target the site line is measured against)
    by_program: list[KpiLine] = field(default_factory=list)
    by_service: list[KpiLine] = field(default_factory=list)
    programs: int = 0
    activities: int = 0
    enrollments: int = 0
    certificates: int = 0
    totals: dict[str, int] = field(default_factory=dict)


def available_years(session: Session) -> list[int]:
    """Fiscal years with programs or targets, and this one; newest first."""
    years = set(session.scalars(select(Program.fiscal_year).distinct().where(Program.deleted.is_(False))))
    years |= set(session.scalars(select(Target.fiscal_year).distinct().where(Target.deleted.is_(False))))
    years.add(fiscal_year(dt.date.today()))
    return sorted(years, reverse=True)


def default_year(session: Session) -> int:
    """This fiscal year if it has programs (or nothing has any), else the latest year with programs."""
    this_year = fiscal_year(dt.date.today())
    years = set(session.scalars(select(Program.fiscal_year).distinct().where(Program.deleted.is_(False))))
    return this_year if this_year in years or not years else max(years)


def _reach(year: int, site_id: str | None) -> Select[Any]:
    """Rows (kind, program_id, service_kind, rid): who or what was reached, through which program."""
    first_day, last_day = fiscal_year_range(year)
    program_scope: list[ColumnElement[bool]] = [Program.fiscal_year == year, Program.deleted.is_(False)]
    if site_id is not None:
        program_scope.append(Program.site_id == site_id)
    enr = (
        select(
            Enrollment.person_id,
            Enrollment.enterprise_id,
            Enrollment.group_id,
            Activity.program_id,
            Program.service_kind,
        )
        .join(Activity, Activity.id == Enrollment.activity_id)
        .join(Program, Program.id == Activity.program_id)
        .where(
            *program_scope,
            Activity.deleted.is_(False),
            Enrollment.deleted.is_(False),
            Enrollment.status.in_(REACHED_STATES),
        )
        .cte("enr")
    )
    services = select(
        literal("enterprises").label("kind"),
        ServiceRecord.program_id,
        ServiceRecord.service_kind,
        ServiceRecord.enterprise_id.label("rid"),
    ).where(ServiceRecord.deleted.is_(False), ServiceRecord.day.between(first_day, last_day))
    if site_id is not None:
        services = services.where(ServiceRecord.site_id == site_id)
    ents = union_all(
        select(
            literal("enterprises").label("kind"),
            enr.c.program_id,
            enr.c.service_kind,
            enr.c.enterprise_id.label("rid"),
        ).where(enr.c.enterprise_id.is_not(None)),
        services,
    ).cte("ents")
    persons = select(literal("persons"), enr.c.program_id, enr.c.service_kind, enr.c.person_id)
    groups_enr = select(literal("groups"), enr.c.program_id, enr.c.service_kind, enr.c.group_id).where(
        enr.c.group_id.is_not(None)
    )
    groups_ent = (
        select(literal("groups"), ents.c.program_id, ents.c.service_kind, Enterprise.group_id)
        .join(Enterprise, Enterprise.id == ents.c.rid)
        .where(Enterprise.group_id.is_not(None))
    )
    products = (
        select(literal("products"), Program.id, Program.service_kind, Product.id)
        .join(Program, Program.id == Product.developed_in_program_id)
        .where(*program_scope, Product.deleted.is_(False))
    )
    ents_rows = select(ents.c.kind, ents.c.program_id, ents.c.service_kind, ents.c.rid)
    reach = union_all(persons, ents_rows, groups_enr, groups_ent, products).subquery("reach")
    kind, program_id, service_kind, rid = reach.c
    return select(
        kind.label("kind"),
        program_id.label("program_id"),
        service_kind.label("service_kind"),
        rid.label("rid"),
    )


def _grouped(session: Session, reach: Select[Any], by: str | None) -> dict[tuple[str, str | None], int]:
    sub = reach.subquery()
    cols: list[Any] = [sub.c.kind]
    if by is not None:
        cols.append(sub.c[by])
    q = select(*cols, func.count(func.distinct(sub.c.rid))).group_by(*cols)
    out: dict[tuple[str, str | None], int] = {}
    for row in session.execute(q):
        key = row[1] if by is not None else None
        out[(row[0], key)] = int(row[-1])
    return out


def _target_row(t: Target) -> dict[str, int | Decimal]:
    return {
        "persons": t.persons,
        "enterprises": t.enterprises,
        "products": t.products,
        "groups": t.groups,
        "economic_value": t.economic_value,
    }


def find_target(
    session: Session, year: int, *, for_site_id: str | None, program_id: str | None = None
) -> Target | None:
    """The live target row for (year, site or national, program or none): the latest edited wins."""
    q = select(Target).where(Target.fiscal_year == year, Target.deleted.is_(False))
    q = q.where(Target.for_site_id == for_site_id if for_site_id else Target.for_site_id.is_(None))
    q = q.where(Target.program_id == program_id if program_id else Target.program_id.is_(None))
    return session.scalars(q.order_by(Target.updated_at.desc())).first()


def _year_targets(session: Session, year: int) -> dict[tuple[str | None, str | None], Target]:
    """Every live target of the year by (for_site_id, program_id), as `find_target` picks them (the
    latest edited wins), in one query rather than two per program."""
    q = select(Target).where(Target.fiscal_year == year, Target.deleted.is_(False))
    out: dict[tuple[str | None, str | None], Target] = {}
    for t in session.scalars(q.order_by(Target.updated_at.desc())):
        out.setdefault((t.for_site_id, t.program_id), t)
    return out


def kpi_report(
    session: Session, site_id: str, year: int | None = None, scope: str = "site", *, recount: bool = False
) -> KpiReport:
    """The dashboard for fiscal year `year` (default: `default_year`), for this site or all sites.

    Reads the counts the database keeps (`dipdesk.store.reach`) when it has them; `recount` (and a
    database without them, e.g. the server's PostgreSQL) counts from the records instead."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
    year = default_year(session) if year is None else year
    first_day, last_day = fiscal_year_range(year)
    only = site_id if scope == "site" else None
    site = session.get(Site, site_id)

    conn = session.connection()
    kept = None if recount or not kept_reach.installed(conn) else kept_reach.counts(conn, year, only)
    if kept is not None:  # the figures the triggers keep (dipdesk.store.reach): a few hundred rows
        total, per_program, per_kind, values = _from_kept(kept)
    else:
        reach = _reach(year, only)
        total = _grouped(session, reach, None)
        per_program = _grouped(session, reach, "program_id")
        per_kind = _grouped(session, reach, "service_kind")
        values = value_totals(session, year, site_id=only)
    program_q = select(Program).where(Program.fiscal_year == year, Program.deleted.is_(False))
    if only:
        program_q = program_q.where(Program.site_id == only)
    programs = list(session.scalars(program_q.order_by(Program.code)))
    kind_of = {p.id: p.service_kind for p in programs}

    site_line = KpiLine(
        "site",
        site.code if site and only else "",
        (site.name_th if site else "") if only else "ทุกหน่วยงาน",
        counts={k: total.get((k, None), 0) for k in KPI_KINDS},
        value=values.total,
    )
    report = KpiReport(
        fiscal_year=year,
        years=sorted(set(available_years(session)) | {year}, reverse=True),
        scope=scope,
        first_day=first_day,
        last_day=last_day,
        site=site_line,
    )
    targets = _year_targets(session, year)
    scopes = (("site", site_id), ("national", None)) if only else (("national", None),)
    for name, for_site in scopes:
        t = targets.get((for_site, None))
        if t is not None:
            site_line.target = _target_row(t)
            report.target_scope = name
            break

    kind_targets: dict[str, dict[str, int | Decimal]] = {}
    for p in programs:
        t = targets.get((p.site_id, p.id)) or targets.get((None, p.id))
        line = KpiLine(
            p.id,
            p.code,
            p.name_th,
            service_kind=p.service_kind,
            counts={k: per_program.get((k, p.id), 0) for k in KPI_KINDS},
            value=values.by_program.get(p.id, Decimal(0)),
            target=_target_row(t) if t is not None else None,
        )
        report.by_program.append(line)
        if t is not None:
            acc = kind_targets.setdefault(p.service_kind, dict.fromkeys(TARGET_FIELDS, 0))
            for k, v in _target_row(t).items():
                acc[k] = acc[k] + v

    kind_values: dict[str, Decimal] = {}
    for program_id, amount in values.by_program.items():
        kind: str | None = kind_of.get(program_id or "")
        if kind is None and program_id is not None:  # an outcome credited to another year's program
            kind = session.scalar(select(Program.service_kind).where(Program.id == program_id))
        if kind:
            kind_values[kind] = kind_values.get(kind, Decimal(0)) + amount
    kinds_seen = {k for (_, k) in per_kind if k} | set(kind_of.values()) | set(kind_targets)
    for k in SERVICE_KINDS:
        if k not in kinds_seen:
            continue
        report.by_service.append(
            KpiLine(
                k,
                k,
                k,
                service_kind=k,
                counts={i: per_kind.get((i, k), 0) for i in KPI_KINDS},
                value=kind_values.get(k, Decimal(0)),
                target=kind_targets.get(k),
            )
        )

    year_programs = select(Program.id).where(Program.fiscal_year == year, Program.deleted.is_(False))
    if only:
        year_programs = year_programs.where(Program.site_id == only)
    year_activities = select(Activity.id).where(
        Activity.program_id.in_(year_programs), Activity.deleted.is_(False)
    )
    cert_where: list[Any] = [
        Certificate.state == "issued",
        Certificate.issued_on.between(first_day, last_day),
    ]
    if only:
        cert_where.append(Certificate.site_id == only)
    report.programs = len(programs)
    report.activities = _count(session, Activity, Activity.program_id.in_(year_programs))
    if kept is not None:
        report.enrollments = kept.get(("", "enrollments"), 0)
        report.certificates = kept.get(("", "certificates"), 0)
        report.totals = {
            t: kept.get(("", f"total_{t}"), 0) for t in ("people", "enterprises", "products", "groups")
        }
        return report
    report.enrollments = _count(session, Enrollment, Enrollment.activity_id.in_(year_activities))
    report.certificates = _count(session, Certificate, *cert_where)
    report.totals = {
        "people": _count(session, Person),
        "enterprises": _count(session, Enterprise),
        "products": _count(session, Product),
        "groups": _count(session, Group),
    }
    return report


def _from_kept(
    kept: dict[tuple[str, str], int],
) -> tuple[
    dict[tuple[str, str | None], int],
    dict[tuple[str, str | None], int],
    dict[tuple[str, str | None], int],
    ValueTotals,
]:
    """The kept counts in the shapes `_grouped` and `value_totals` return."""
    total: dict[tuple[str, str | None], int] = {}
    per_program: dict[tuple[str, str | None], int] = {}
    per_kind: dict[tuple[str, str | None], int] = {}
    values = ValueTotals(Decimal(0), {}, {}, 0)
    for (line, kind), n in kept.items():
        if kind == "value":
            amount = Decimal(n) / 100
            program = line[2:] or None
            values.by_program[program] = values.by_program.get(program, Decimal(0)) + amount
            values.total += amount
        elif kind not in KPI_KINDS or not n:
            continue
        elif line == "":
            total[(kind, None)] = n
        elif line.startswith("p:"):
            per_program[(kind, line[2:])] = n
        elif line.startswith("k:"):
            per_kind[(kind, line[2:])] = n
    return total, per_program, per_kind, values


# --- editing targets ---------------------------------------------------------------------------------


@dataclass
class TargetRow:
    """One editable line of the targets dialog."""

    scope: str  # "national" | "site" | "program"
    for_site_id: str | None
    program_id: str | None
    label: str
    values: dict[str, int | Decimal]
    editable: bool
    target_id: str | None = None


def _is_hq(site: Site) -> bool:
    return site.kind in ("hq", "division")


def target_rows(session: Session, year: int, site_id: str) -> list[TargetRow]:
    """The national target, this site's target, and one per program of this site for the year."""
    site = session.get(Site, site_id)
    hq = site is not None and _is_hq(site)
    rows: list[TargetRow] = []
    empty: dict[str, int | Decimal] = {k: 0 for k in KPI_KINDS} | {"economic_value": Decimal(0)}

    def add(scope: str, for_site: str | None, program: str | None, label: str, editable: bool) -> None:
        t = find_target(session, year, for_site_id=for_site, program_id=program)
        rows.append(
            TargetRow(
                scope,
                for_site,
                program,
                label,
                _target_row(t) if t else dict(empty),
                editable,
                t.id if t else None,
            )
        )

    add("national", None, None, "เป้าหมายระดับประเทศ", hq)
    add("site", site_id, None, site.name_th if site else "", True)
    for p in session.scalars(
        select(Program)
        .where(Program.fiscal_year == year, Program.site_id == site_id, Program.deleted.is_(False))
        .order_by(Program.code)
    ):
        add("program", site_id, p.id, f"{p.code} {p.name_th}", True)
    return rows


def set_target(
    ctx: Context,
    year: int,
    *,
    for_site_id: str | None,
    program_id: str | None = None,
    **values: Any,
) -> Target | None:
    """Create or change the target for (year, site or national, program). Admins only; national targets
    only at headquarters. Returns the target row (None when nothing was set and none existed)."""
    ctx.require("targets.edit")
    if ctx.user is not None and ctx.user.role != "admin":
        raise PermissionDenied("เฉพาะผู้ดูแลระบบแก้ไขเป้าหมายได้", "only administrators may edit targets")
    if for_site_id is None and program_id is None and not _is_hq(ctx.site):
        raise PermissionDenied("เป้าหมายระดับประเทศกำหนดโดยส่วนกลาง", "national targets are set by headquarters")
    if not 2500 <= int(year) <= 2700:
        raise ValidationError(
            "fiscal_year", "ปีงบประมาณ: ต้องเป็นปี พ.ศ. เช่น 2569", "fiscal_year: must be a BE year"
        )
    unknown = set(values) - set(TARGET_FIELDS)
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(name, f"ไม่มีช่องข้อมูล {name}", f"unknown field {name!r}")
    clean: dict[str, Any] = {}
    for k, v in values.items():
        text = str(v if v is not None else "0").replace(",", "").strip() or "0"
        try:
            number = Decimal(text)
        except ArithmeticError:
            raise ValidationError(k, f"{_TARGET_TH[k]}: ต้องเป็นตัวเลข", f"{k}: must be a number") from None
        if number < 0:
            raise ValidationError(k, f"{_TARGET_TH[k]}: ต้องไม่ติดลบ", f"{k}: must not be negative")
        if k != "economic_value" and number != number.to_integral_value():
            raise ValidationError(k, f"{_TARGET_TH[k]}: ต้องเป็นจำนวนเต็ม", f"{k}: must be a whole number")
        clean[k] = number if k == "economic_value" else int(number)
    existing = find_target(ctx.session, int(year), for_site_id=for_site_id, program_id=program_id)
    if existing is not None:
        records.update(ctx, existing, **clean)
        return existing
    if not any(clean.values()):
        return None
    return records.create(
        ctx, Target, fiscal_year=int(year), for_site_id=for_site_id, program_id=program_id, **clean
    )


_TARGET_TH = {
    "persons": "ผู้ประกอบการ (คน)",
    "enterprises": "สถานประกอบการ (กิจการ)",
    "products": "ผลิตภัณฑ์ (รายการ)",
    "groups": "กลุ่ม/คลัสเตอร์ (กลุ่ม)",
    "economic_value": "มูลค่าทางเศรษฐกิจ (บาท)",
}
