"""Programs (โครงการ), their activities (กิจกรรม/หลักสูตร/รุ่น), sessions (วันอบรม) and the year's targets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned

# The department's services (kinds of activity a program delivers), from its own list.
SERVICE_KINDS = (
    "consulting",  # การให้คำปรึกษาแนะนำ
    "training",  # การฝึกอบรม
    "incubation",  # การบ่มเพาะธุรกิจ
    "matching",  # การเชื่อมโยงธุรกิจ
    "testing",  # การวิเคราะห์ทดสอบวัตถุดิบและผลิตภัณฑ์ด้านกายภาพและเคมี
    "production",  # การพัฒนาระบบการผลิต
    "design",  # การพัฒนารูปแบบผลิตภัณฑ์และบรรจุภัณฑ์
    "exhibition",  # การจัดแสดงนิทรรศการ และจัดร้านแสดงสินค้า
)
# Policy "ปั้น ปรุง เปลี่ยน": ปั้น in three tracks ก (agro), ส (creative), อ (smart).
POLICY_TRACKS = ("build_agro", "build_creative", "build_smart", "improve", "change")


class Program(SiteOwned, Base):
    """โครงการ: fiscal year, budget, service kind, policy track, owning site."""

    __tablename__ = "programs"
    __table_args__ = (UniqueConstraint("site_id", "code"),)  # codes are per site (migration 0005)
    code: Mapped[str] = mapped_column(String(40), index=True)
    name_th: Mapped[str] = mapped_column(String(400))
    name_en: Mapped[str] = mapped_column(String(400), default="")
    fiscal_year: Mapped[int] = mapped_column(index=True)  # BE, e.g. 2563
    budget: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    service_kind: Mapped[str] = mapped_column(String(20))
    policy_track: Mapped[str] = mapped_column(String(20), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class Activity(SiteOwned, Base):
    """กิจกรรม / หลักสูตร / รุ่น: one run of a program."""

    __tablename__ = "activities"
    # counting a program's live activities reads the index alone (migration 0006)
    __table_args__ = (
        Index("ix_activities_program_id_deleted", "program_id", "deleted"),
        UniqueConstraint("site_id", "code"),  # codes are per site (migration 0005)
    )
    program_id: Mapped[str] = mapped_column(String(36), ForeignKey("programs.id"), index=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    title_th: Mapped[str] = mapped_column(String(400))
    title_en: Mapped[str] = mapped_column(String(400), default="")
    cohort: Mapped[int | None] = mapped_column(default=None)  # รุ่นที่
    start_date: Mapped[date]
    end_date: Mapped[date]
    venue: Mapped[str] = mapped_column(String(300), default="")
    province_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("provinces.id"), default=None)
    hours: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    capacity: Mapped[int] = mapped_column(default=0)
    completion_threshold: Mapped[int] = mapped_column(default=80)  # % of hours needed to complete


class ActivitySession(SiteOwned, Base):
    """วันอบรม / ครั้ง: one day or meeting of an activity; attendance is taken per session."""

    __tablename__ = "activity_sessions"
    __table_args__ = (UniqueConstraint("activity_id", "seq"),)
    activity_id: Mapped[str] = mapped_column(String(36), ForeignKey("activities.id"), index=True)
    seq: Mapped[int]
    day: Mapped[date]
    hours: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    topic: Mapped[str] = mapped_column(String(300), default="")


class Target(SiteOwned, Base):
    """The year's targets (เป้าหมาย) for a site, optionally per program. Distinct counts, plus value.

    A row with `for_site_id` empty is a national target; the owning `site_id` is who set it (HQ).
    """

    __tablename__ = "targets"
    fiscal_year: Mapped[int] = mapped_column(index=True)
    for_site_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("sites.id"), default=None)
    program_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("programs.id"), default=None)
    persons: Mapped[int] = mapped_column(default=0)
    enterprises: Mapped[int] = mapped_column(default=0)
    products: Mapped[int] = mapped_column(default=0)
    groups: Mapped[int] = mapped_column(default=0)
    economic_value: Mapped[Decimal] = mapped_column(default=Decimal("0"))  # baht
