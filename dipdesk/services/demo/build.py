"""The whole demo build: ``_Demo`` runs every area in order; ``build_demo`` is the entry point (refuses a
non-empty database, one transaction, progress callback).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from dipdesk.services.context import local_value, set_local_value
from dipdesk.services.demo.activities import _ActivitiesBuild
from dipdesk.services.demo.common import MIN_PARTICIPANTS, DemoResult, Progress, _ts, _Writer
from dipdesk.services.demo.lab import _LabBuild
from dipdesk.services.demo.people import _PeopleBuild
from dipdesk.services.errors import ServiceError
from dipdesk.store.auth import User
from dipdesk.store.base import Base
from dipdesk.store.certificates import SerialCounter
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.outcomes import ServiceRecord
from dipdesk.store.people import Enterprise, EnterpriseMember, Person, Product
from dipdesk.store.programs import Program
from dipdesk.store.reference import Site
from dipdesk.store.reference_data import seed_reference


class _Demo(_PeopleBuild, _ActivitiesBuild, _LabBuild):
    """The whole build: every area in order, then the counters and the deferred indexes."""

    # -- the whole build -------------------------------------------------------------------------------------

    def run(self) -> None:
        self.w.defer_indexes(_DEFERRED_INDEXES)
        self.w.hold_fts_merges()
        self.users()
        self.programs()
        self.people()
        self.enterprises()
        self.activities()
        self.services()
        self.mentoring()
        self.targets()
        self.certificate_templates()
        if self.site.has_lab:
            self.lab()
        self.w.insert(
            SerialCounter,
            "site_code series fiscal_year last",
            [(self.code, series, fy, last) for (series, fy), last in self.counters.items()],
        )
        self.w.restore_indexes()
        self.w.release_fts_merges()


# Indexes on these columns get their keys in random order during the build: built once at the end.
_DEFERRED_INDEXES: dict[type[Base], set[str]] = {
    # the lists' sort indexes (migration 0006) too: names, phones and dates arrive in random order
    Person: {"national_id", "first_name_th", "last_name_th", "phone", "email", "birth_date", "province_id"},
    Enterprise: {"name_th", "province_id", "group_id"},
    Product: {"name_th", "product_type", "developed_on"},
    EnterpriseMember: {"person_id"},
    Enrollment: {"person_id", "enterprise_id"},
    ServiceRecord: {"enterprise_id", "day", "service_kind"},
}
# fmt: on


# --- entry point -----------------------------------------------------------------------------------------


def build_demo(
    engine: Engine,
    *,
    site_code: str = "IPC1",
    participants: int = 2000,
    seed: int = 2563,
    fiscal_year: int = 2569,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoResult:
    """Fill an empty database with demo data for `site_code` and `fiscal_year` (BE), in one transaction.

    `today` (default: the real date) is the demo's reference date: the lab's open samples were received
    in the days before it, so that only a few are overdue. The same seed and `today` give the same data.
    """
    if engine.dialect.name != "sqlite":
        raise ServiceError(
            "ข้อมูลตัวอย่างสร้างได้เฉพาะในฐานข้อมูล SQLite ของเครื่อง",
            "demo data is built into a local SQLite database only",
        )
    if participants < MIN_PARTICIPANTS:
        raise ServiceError(
            f"จำนวนผู้เข้าร่วมต้องมีอย่างน้อย {MIN_PARTICIPANTS} คน",
            f"participants must be at least {MIN_PARTICIPANTS}",
        )
    if not 2500 <= fiscal_year <= 2700:
        raise ServiceError(
            f"ปีงบประมาณ {fiscal_year} ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2569)",
            f"fiscal year {fiscal_year} is not a Buddhist-era year such as 2569",
        )
    result = DemoResult(site_code=site_code, fiscal_year=fiscal_year)
    stamp = _ts(datetime.now(UTC).replace(tzinfo=None))
    with engine.connect() as conn:
        saved = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("synchronous", "cache_size", "foreign_keys", "temp_store")
        }
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        conn.exec_driver_sql("PRAGMA cache_size=-1048576")  # 1 GiB
        conn.exec_driver_sql("PRAGMA temp_store=MEMORY")
        conn.commit()
        try:
            with Session(bind=conn) as session, session.begin():
                seed_reference(session)
                site = session.scalars(select(Site).where(Site.code == site_code)).first()
                if site is None:
                    raise ServiceError(f"ไม่พบหน่วยงานรหัส {site_code}", f"unknown site code {site_code}")
                _refuse_unless_empty(session, site)
                set_local_value(session, "site_id", site.id)
                writer = _Writer(conn, stamp, progress)
                demo = _Demo(
                    session,
                    writer,
                    site=site,
                    participants=participants,
                    seed=seed,
                    fiscal_year=fiscal_year,
                    progress=progress,
                    today=today,
                )
                demo.run()
                result.passwords = demo.passwords
                session.flush()
                if progress:
                    progress("counting", 0, 1)
                for table in Base.metadata.sorted_tables:
                    result.counts[table.name] = int(
                        session.scalar(select(func.count()).select_from(table)) or 0
                    )
                if progress:
                    progress("committing", 0, 1)
            if progress:
                progress("committing", 1, 1)
        finally:
            conn.rollback()
            for name, value in saved.items():
                conn.exec_driver_sql(f"PRAGMA {name}={int(value) if value is not None else 0}")
            conn.commit()
    return result


def _refuse_unless_empty(session: Session, site: Site) -> None:
    bound = local_value(session, "site_id")
    if bound and bound != site.id:
        raise ServiceError(
            "ฐานข้อมูลนี้ผูกกับหน่วยงานอื่นแล้ว สร้างข้อมูลตัวอย่างในไฟล์ใหม่",
            "this database already belongs to another site; build the demo into a new file",
        )
    for model in (User, Person, Program, Enterprise):
        if session.scalar(select(func.count()).select_from(model)):
            raise ServiceError(
                "ฐานข้อมูลนี้มีข้อมูลอยู่แล้ว สร้างข้อมูลตัวอย่างได้เฉพาะในฐานข้อมูลว่าง",
                f"this database already has {model.__tablename__}; the demo only fills an empty database",
            )
