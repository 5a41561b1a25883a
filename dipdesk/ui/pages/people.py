"""ผู้ประกอบการ / ผู้เข้าร่วม: the people who join the department's activities."""

from __future__ import annotations

from dipdesk.ui.records.controller import RecordController
from dipdesk.ui.records.page import RecordsAreaPage
from dipdesk.ui.records.people import PeopleController


class PeoplePage(RecordsAreaPage):
    view_name = "people"

    def description(self) -> str:
        return self.tr(
            "Entrepreneurs and participants. National ID numbers are personal data (PDPA): kept only with "
            "consent and shown masked in lists."
        )

    def build_controllers(self) -> list[tuple[str, RecordController]]:
        self.people = PeopleController(self.env, parent=self)
        return [(self.tr("People"), self.people)]
