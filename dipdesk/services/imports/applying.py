"""Step 4 of an import, applying: matching checked rows with the database and writing them through
``dipdesk.services.records`` in one transaction (dry run, cancel, progress), and the error sheet of
rejected rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dipdesk.services import enrollment as enrollment_service
from dipdesk.services import records
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound, ServiceError, ValidationError
from dipdesk.services.imports.mapping import (
    CHUNK,
    REASON_HEADER,
    _norm,
    fields_for,
    mapping_problems,
    remember_mapping,
)
from dipdesk.services.imports.reading import SourceTable
from dipdesk.services.imports.validation import RowCheck, _name_key, check_rows, read_enterprise_kind
from dipdesk.store.people import Enterprise, EnterpriseMember, Person
from dipdesk.store.programs import Activity

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
        prefix = enrollment_service.enterprise_code_prefix(self.s, self.ctx.site.code)
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
        cell = ws.cell(row=1, column=c, value=_sheet_value(h))
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
        reason = ws.cell(
            row=r, column=len(headers), value=_sheet_value(f"แถว {rej.row_number}: {rej.reason(lang)}")
        )
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
    from dipdesk.core.cells import formula_safe

    if isinstance(value, str):
        return formula_safe(ILLEGAL_CHARS.sub("", value))
    return value


ILLEGAL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
