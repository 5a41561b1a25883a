"""Reference data: provinces, sites (HQ bureaus and regional centers) and which center covers which province.

Owned by headquarters and synced down to every device.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dipdesk.store.base import Base, Synced


class Province(Synced, Base):
    """จังหวัด: one of the 77 provinces."""

    __tablename__ = "provinces"
    code: Mapped[str] = mapped_column(String(2), unique=True)  # Department of Provincial Administration code
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(20), default="")


class Site(Synced, Base):
    """หน่วยงาน: a headquarters unit or a regional Industry Promotion Center."""

    __tablename__ = "sites"
    code: Mapped[str] = mapped_column(String(16), unique=True)  # e.g. "IPC1", "SPB"; used in serials
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    abbrev_th: Mapped[str] = mapped_column(String(30), default="")
    kind: Mapped[str] = mapped_column(String(16))  # "hq" | "center" | "division"
    center_no: Mapped[int | None] = mapped_column(default=None)  # 1..11 for regional centers
    address: Mapped[str] = mapped_column(String(400), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    province_code: Mapped[str | None] = mapped_column(String(2), default=None)
    has_lab: Mapped[bool] = mapped_column(default=False)
    public_key: Mapped[str] = mapped_column(String(64), default="")  # Ed25519 public key (hex) for QR checks


class SiteProvince(Synced, Base):
    """Which center covers which province: data owned by HQ, not code."""

    __tablename__ = "site_provinces"
    __table_args__ = (UniqueConstraint("site_id", "province_id"),)
    site_id: Mapped[str] = mapped_column(String(36), ForeignKey("sites.id"), index=True)
    province_id: Mapped[str] = mapped_column(String(36), ForeignKey("provinces.id"), index=True)
