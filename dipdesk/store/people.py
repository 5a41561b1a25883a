"""People (ผู้ประกอบการ/ผู้เข้าร่วม), enterprises (กิจการ), their products (ผลิตภัณฑ์) and groups (กลุ่ม/คลัสเตอร์)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, SiteOwned, list_indexes, thai_indexes

PREFIXES = ("นาย", "นาง", "นางสาว", "ดร.", "ผศ.", "รศ.", "ศ.", "ว่าที่ร้อยตรี")
ENTERPRISE_KINDS = ("juristic", "community", "individual")  # นิติบุคคล / วิสาหกิจชุมชน / บุคคลธรรมดา
ENTERPRISE_SIZES = ("micro", "small", "medium", "large")


class Person(SiteOwned, Base):
    """ผู้ประกอบการ / ผู้เข้าร่วม. The national ID is personal data (PDPA): stored plain, shown masked."""

    __tablename__ = "people"
    __table_args__ = thai_indexes(
        "people", ("first_name_th", "last_name_th"), ("last_name_th", "first_name_th")
    ) + list_indexes("people", "national_id", "phone", "email", "birth_date", "province_id")
    prefix: Mapped[str] = mapped_column(String(30), default="")
    first_name_th: Mapped[str] = mapped_column(String(100))
    last_name_th: Mapped[str] = mapped_column(String(100), default="")
    first_name_en: Mapped[str] = mapped_column(String(100), default="")
    last_name_en: Mapped[str] = mapped_column(String(100), default="")
    national_id: Mapped[str | None] = mapped_column(String(13), default=None, index=True)
    birth_date: Mapped[date | None] = mapped_column(default=None)
    gender: Mapped[str] = mapped_column(String(1), default="")  # "M" | "F" | ""
    phone: Mapped[str] = mapped_column(String(12), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    province_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("provinces.id"), default=None)
    consent: Mapped[bool] = mapped_column(default=False)  # PDPA consent to collect


class Group(SiteOwned, Base):
    """กลุ่ม / คลัสเตอร์: a cluster or community-enterprise group; counts toward the groups target."""

    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("site_id", "code"),)  # codes are per site (migration 0005)
    code: Mapped[str] = mapped_column(String(40), index=True)
    name_th: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="cluster")  # cluster | community
    province_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("provinces.id"), default=None)


class Enterprise(SiteOwned, Base):
    """กิจการ / สถานประกอบการ: juristic person, community enterprise or individual business."""

    __tablename__ = "enterprises"
    __table_args__ = (
        UniqueConstraint("site_id", "code"),  # codes are per site (migration 0005)
        *thai_indexes("enterprises", "name_th"),
        *list_indexes("enterprises", "province_id"),
    )
    code: Mapped[str] = mapped_column(String(40), index=True)
    name_th: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(20), default="juristic")
    registration_id: Mapped[str | None] = mapped_column(String(13), default=None, index=True)
    tsic_code: Mapped[str] = mapped_column(String(5), default="")
    size: Mapped[str] = mapped_column(String(10), default="micro")
    province_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("provinces.id"), default=None)
    address: Mapped[str] = mapped_column(String(400), default="")
    postcode: Mapped[str] = mapped_column(String(5), default="")
    phone: Mapped[str] = mapped_column(String(12), default="")
    owner_person_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("people.id"), default=None)
    group_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("groups.id"), default=None, index=True
    )


class EnterpriseMember(SiteOwned, Base):
    """A person who works in or owns an enterprise."""

    __tablename__ = "enterprise_members"
    __table_args__ = (UniqueConstraint("enterprise_id", "person_id"),)
    enterprise_id: Mapped[str] = mapped_column(String(36), ForeignKey("enterprises.id"), index=True)
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(40), default="owner")


class Product(SiteOwned, Base):
    """ผลิตภัณฑ์: belongs to an enterprise; counts when developed in a program."""

    __tablename__ = "products"
    __table_args__ = thai_indexes("products", "name_th") + list_indexes(
        "products", "product_type", "developed_on"
    )
    enterprise_id: Mapped[str] = mapped_column(String(36), ForeignKey("enterprises.id"), index=True)
    name_th: Mapped[str] = mapped_column(String(300))
    product_type: Mapped[str] = mapped_column(String(40), default="")  # food, herbal, cosmetic, packaging…
    description: Mapped[str] = mapped_column(Text, default="")
    developed_in_program_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("programs.id"), default=None, index=True
    )
    developed_on: Mapped[date | None] = mapped_column(default=None)
    photo_hash: Mapped[str] = mapped_column(String(64), default="")  # content address of the photo file
