"""โครงการ / กิจกรรม: programs of each fiscal year, their activities (courses, cohorts) and training days."""

from __future__ import annotations

from dipdesk.ui.records.controller import RecordController
from dipdesk.ui.records.page import RecordsAreaPage
from dipdesk.ui.records.programs import ActivitiesController, ProgramsController

PROGRAMS_TAB, ACTIVITIES_TAB = 0, 1


class ProgramsPage(RecordsAreaPage):
    view_name = "programs"

    def description(self) -> str:
        return self.tr(
            "Programs of each fiscal year and their activities: courses and cohorts with their training "
            "days, who enrolled and who attended."
        )

    def build_controllers(self) -> list[tuple[str, RecordController]]:
        self.programs = ProgramsController(self.env, parent=self)
        self.activities = ActivitiesController(self.env, parent=self)
        self.programs.open_activity.connect(self.open_activity)
        self.programs.new_activity.connect(self.new_activity)
        self.activities.changed.connect(self._activity_changed)
        return [(self.tr("Programs"), self.programs), (self.tr("Activities"), self.activities)]

    def _activity_changed(self, _activity_id: str) -> None:
        if self.programs.editor_built:
            self.programs.activities.refresh()  # the program shown lists its activities

    def open_activity(self, activity_id: str) -> None:
        self.show_tab(ACTIVITIES_TAB).open_record(activity_id)

    def new_activity(self, program_id: str) -> None:
        self.show_tab(ACTIVITIES_TAB).new_record({"program_id": program_id or None})
