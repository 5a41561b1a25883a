"""สถานประกอบการ / กิจการ: businesses served, their products and outcomes, groups, and service records."""

from __future__ import annotations

from dipdesk.ui.records.controller import RecordController
from dipdesk.ui.records.enterprises import EnterprisesController, GroupsController, ServiceRecordsController
from dipdesk.ui.records.page import RecordsAreaPage

ENTERPRISES_TAB, GROUPS_TAB, SERVICES_TAB = 0, 1, 2


class EnterprisesPage(RecordsAreaPage):
    view_name = "enterprises"

    def description(self) -> str:
        return self.tr(
            "Businesses the department serves (juristic persons, community enterprises, individual "
            "businesses) with their products and outcomes, the groups they belong to, and every service "
            "delivered to them."
        )

    def build_controllers(self) -> list[tuple[str, RecordController]]:
        self.enterprises = EnterprisesController(self.env, parent=self)
        self.groups = GroupsController(self.env, parent=self)
        self.services = ServiceRecordsController(self.env, parent=self)
        self.groups.open_enterprise.connect(self.open_enterprise)
        self.enterprises.changed.connect(self._enterprise_changed)
        return [
            (self.tr("Enterprises"), self.enterprises),
            (self.tr("Groups and clusters"), self.groups),
            (self.tr("Service records"), self.services),
        ]

    def _enterprise_changed(self, _enterprise_id: str) -> None:
        if self.groups.editor_built:
            self.groups.members.refresh()  # an enterprise may have joined or left the group shown

    def open_enterprise(self, enterprise_id: str) -> None:
        self.show_tab(ENTERPRISES_TAB).open_record(enterprise_id)
