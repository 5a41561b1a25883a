"""The main window's areas, in the order of the navigation list.

Each area is one page module here until it grows into its own package (`dipdesk/ui/<area>/`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dipdesk.ui.pages.base import AreaPage, PageEnv
from dipdesk.ui.pages.certificates import CertificatesPage
from dipdesk.ui.pages.dashboard import DashboardPage
from dipdesk.ui.pages.enterprises import EnterprisesPage
from dipdesk.ui.pages.lab import LabPage
from dipdesk.ui.pages.mentoring import MentoringPage
from dipdesk.ui.pages.people import PeoplePage
from dipdesk.ui.pages.programs import ProgramsPage
from dipdesk.ui.pages.settings import SettingsPage
from dipdesk.ui.pages.sync import SyncPage


@dataclass(frozen=True)
class Area:
    name: str  # the view name used by `dipdesk screenshot --view`
    title: str  # QT_TRANSLATE_NOOP("Areas", …): translate with `area_title`
    page: type[AreaPage]

    @property
    def icon(self) -> str:
        return self.name


AREAS: tuple[Area, ...] = (
    Area("dashboard", QT_TRANSLATE_NOOP("Areas", "Dashboard"), DashboardPage),
    Area("programs", QT_TRANSLATE_NOOP("Areas", "Programs & activities"), ProgramsPage),
    Area("people", QT_TRANSLATE_NOOP("Areas", "People"), PeoplePage),
    Area("enterprises", QT_TRANSLATE_NOOP("Areas", "Enterprises"), EnterprisesPage),
    Area("mentoring", QT_TRANSLATE_NOOP("Areas", "Mentoring"), MentoringPage),
    Area("certificates", QT_TRANSLATE_NOOP("Areas", "Certificates"), CertificatesPage),
    Area("lab", QT_TRANSLATE_NOOP("Areas", "Testing lab"), LabPage),
    Area("sync", QT_TRANSLATE_NOOP("Areas", "Sync"), SyncPage),
    Area("settings", QT_TRANSLATE_NOOP("Areas", "Settings"), SettingsPage),
)
VIEW_NAMES: tuple[str, ...] = tuple(a.name for a in AREAS)


def area_title(area: Area) -> str:
    return QCoreApplication.translate("Areas", area.title)


__all__ = ["AREAS", "VIEW_NAMES", "Area", "AreaPage", "PageEnv", "area_title"]
