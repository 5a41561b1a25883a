"""The frame of a records area in the main window: its controllers, one per tab.

A page of the main window (`AreaPage`) that hosts record controllers instead of loading figures
itself: each controller's list loads when its tab is first shown, and the page is `ready` (for the
screenshot command) once the first tab's list has its first page and count.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from dipdesk.ui.models.refcounts import guard_singletons
from dipdesk.ui.pages.base import AreaPage, PageEnv
from dipdesk.ui.records.controller import RecordController


class RecordsAreaPage(AreaPage):
    """Title, a line on what the area is for, then the controllers' screens (in tabs when several)."""

    def __init__(self, env: PageEnv, title: str, parent: QWidget | None = None) -> None:
        super().__init__(env, title, parent)
        # the list fills the page: AreaPage's trailing stretch goes, the body takes the room
        self.layout_.takeAt(self.layout_.count() - 1)
        self.layout_.setStretchFactor(self.body, 1)

    def build_controllers(self) -> list[tuple[str, RecordController]]:
        """(tab title, controller) in tab order."""
        raise NotImplementedError

    def build(self) -> None:
        guard_singletons()
        self.description_label.setVisible(bool(self.description()))
        self.controllers = self.build_controllers()
        self._loaded: set[int] = set()
        if len(self.controllers) == 1:
            self.tabs: QTabWidget | None = None
            self.body.addWidget(self.controllers[0][1].widget, 1)
        else:
            self.tabs = QTabWidget()
            self.tabs.setDocumentMode(True)
            for title, controller in self.controllers:
                self.tabs.addTab(controller.widget, title)
            self.tabs.currentChanged.connect(self._tab_shown)
            self.body.addWidget(self.tabs, 1)
        self.controllers[0][1].ready.connect(self._first_ready)
        self.status_label.setText(self.tr("Loading the list…"))

    def current_controller(self) -> RecordController:
        index = self.tabs.currentIndex() if self.tabs is not None else 0
        return self.controllers[max(index, 0)][1]

    def controller(self, index: int) -> RecordController:
        return self.controllers[index][1]

    def show_tab(self, index: int) -> RecordController:
        if self.tabs is not None:
            self.tabs.setCurrentIndex(index)
        self._load(index)
        return self.controllers[index][1]

    # --- AreaPage -----------------------------------------------------------------------------------

    def needs_loading(self) -> bool:
        return False

    def reload(self) -> None:
        self._started = True
        self.status_label.setVisible(not self.controllers[0][1].is_ready)
        index = self.tabs.currentIndex() if self.tabs is not None else 0
        if index in self._loaded:
            self.controllers[index][1].load()  # F5: refresh what is on screen
        else:
            self._load(index)

    def refresh_after_change(self) -> None:
        """Every list already loaded shows the change (each keeps its place: a lazy refresh)."""
        for index in sorted(self._loaded):
            self.controllers[index][1].load()

    def _load(self, index: int) -> None:
        if index not in self._loaded:
            self._loaded.add(index)
            self.controllers[index][1].load()

    def _tab_shown(self, index: int) -> None:
        if self._started:
            self._load(index)

    def _first_ready(self) -> None:
        self.status_label.hide()
        controller = self.controllers[0][1]
        if controller.model.last_error is not None:
            self.load_error = controller.model.last_error
        self._mark_ready()
