"""The main window's areas, in the order of the navigation list.

Each area is one page module here until it grows into its own package (`dipdesk/ui/<area>/`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dipdesk.ui.pages.base import AreaPage, PageEnv


@dataclass(frozen=True)
class Area:
    """An area of the main window. Its page's module is imported when the page is first built (the
    lab, certificates, attendance and their libraries load when first opened, not at start-up)."""

    name: str  # the view name used by `dipdesk screenshot --view`
    title: str  # QT_TRANSLATE_NOOP("Areas", …): translate with `area_title`
    module: str  # dipdesk.ui.pages.<module>
    class_name: str
    permission: str | None = None  # shown only to roles that hold it (None: everyone)

    @property
    def icon(self) -> str:
        return self.name

    @property
    def page(self) -> type[AreaPage]:
        cls: type[AreaPage] = getattr(
            importlib.import_module(f"dipdesk.ui.pages.{self.module}"), self.class_name
        )
        return cls


AREAS: tuple[Area, ...] = (
    Area("dashboard", QT_TRANSLATE_NOOP("Areas", "Dashboard"), "dashboard", "DashboardPage"),
    Area("programs", QT_TRANSLATE_NOOP("Areas", "Programs & activities"), "programs", "ProgramsPage"),
    Area("people", QT_TRANSLATE_NOOP("Areas", "People"), "people", "PeoplePage"),
    Area("enterprises", QT_TRANSLATE_NOOP("Areas", "Enterprises"), "enterprises", "EnterprisesPage"),
    Area("duplicates", QT_TRANSLATE_NOOP("Areas", "Possible duplicates"), "duplicates", "DuplicatesPage"),
    Area("mentoring", QT_TRANSLATE_NOOP("Areas", "Mentoring"), "mentoring", "MentoringPage"),
    Area("followups", QT_TRANSLATE_NOOP("Areas", "Follow-ups"), "followups_due", "FollowupsPage"),
    Area("certificates", QT_TRANSLATE_NOOP("Areas", "Certificates"), "certificates", "CertificatesPage"),
    Area("lab", QT_TRANSLATE_NOOP("Areas", "Testing lab"), "lab", "LabPage"),
    Area("sync", QT_TRANSLATE_NOOP("Areas", "Sync"), "sync", "SyncPage"),
    Area("users", QT_TRANSLATE_NOOP("Areas", "Users"), "users", "UsersPage", "users.manage"),
    Area("audit", QT_TRANSLATE_NOOP("Areas", "Audit trail"), "audit", "AuditPage", "audit.view"),
    Area("settings", QT_TRANSLATE_NOOP("Areas", "Settings"), "settings", "SettingsPage"),
)
VIEW_NAMES: tuple[str, ...] = tuple(a.name for a in AREAS)


def area_allowed(area: Area, role: str) -> bool:
    """Whether a user of `role` sees the area (the users page: administrators; the audit trail:
    administrators and the lab head)."""
    if area.permission is None:
        return True
    from dipdesk.services.auth import PERMISSIONS

    allowed = PERMISSIONS.get(role, frozenset())
    return "*" in allowed or area.permission in allowed


def area_title(area: Area) -> str:
    return QCoreApplication.translate("Areas", area.title)


__all__ = ["AREAS", "VIEW_NAMES", "Area", "AreaPage", "PageEnv", "area_allowed", "area_title"]
