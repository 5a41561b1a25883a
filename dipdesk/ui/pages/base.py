"""The frame every area page shares: heading, what the area is for, figures loaded in a worker.

A page says what it is (`view_name`, `description()`), what to load (`fetch`, run on a worker thread
with its own Session) and how to show it (`show_data`, on the GUI thread). `ready` is emitted once the
first load has arrived (or failed), which the screenshot command waits for.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from dipdesk.services.errors import ServiceError
from dipdesk.settings import Settings
from dipdesk.ui.changes import notifier, touches
from dipdesk.ui.db import Database
from dipdesk.ui.dialogs import available_rect
from dipdesk.ui.state import CurrentUser
from dipdesk.ui.widgets import NoticeBox, lay_out_now
from dipdesk.ui.workers import Task, run_task


@dataclass
class PageEnv:
    """What a page depends on, handed in by the main window (never fetched from `window()`)."""

    db: Database
    user: CurrentUser
    settings: Settings
    lang: str = "th"


def code(text: str) -> str:
    """A command the user can type, in a monospace face inside rich text, never broken across lines."""
    return f"<code style='font-family: monospace'>{html.escape(text).replace(' ', '&nbsp;')}</code>"


class AreaPage(QWidget):
    """Base of every page in the main window's stack.

    Pages listen to the one data-changed signal (`ui.changes`): a change of the kinds in `listens_to`
    (None: any kind) made elsewhere reloads a visible page at once and a hidden one when next shown.
    """

    ready = Signal()
    view_name = ""
    listens_to: frozenset[str] | None = None

    def __init__(self, env: PageEnv, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.is_ready = False
        self.load_error: BaseException | None = None
        self._loading = False
        self._started = False
        self._stale = False  # data changed while the page was hidden: reload when shown
        self._again = False  # data changed while loading: load once more when this load ends
        notifier.changed.connect(self._data_changed)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        self.layout_ = QVBoxLayout(content)
        wide = available_rect(self).width() >= 1200  # 1024 logical pixels at 125 %: thinner margins
        self.layout_.setContentsMargins(28, 22, 28, 22) if wide else self.layout_.setContentsMargins(
            14, 12, 14, 12
        )
        self.layout_.setSpacing(14)

        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.description_label = QLabel(self.description())
        self.description_label.setObjectName("pageDescription")
        self.description_label.setWordWrap(True)
        self.layout_.addWidget(self.title_label)
        self.layout_.addWidget(self.description_label)

        self.status_label = QLabel(self.tr("Loading figures from the database…"))
        self.status_label.setObjectName("muted")
        self.layout_.addWidget(self.status_label)
        self.error_box = NoticeBox(error=True)
        self.error_box.hide()
        self.layout_.addWidget(self.error_box)

        self.body = QVBoxLayout()
        self.body.setSpacing(14)
        self.layout_.addLayout(self.body)
        self.build()
        self.layout_.addStretch(1)

    # --- what subclasses provide ------------------------------------------------------------------

    def description(self) -> str:
        return ""

    def build(self) -> None:
        """Create the page's widgets in `self.body` (GUI thread)."""

    def fetch(self, task: Task) -> Any:
        """Load the page's data. Runs on a worker thread: use `self.env` and plain values only."""
        return None

    def show_data(self, data: Any) -> None:
        """Put loaded data on screen (GUI thread)."""

    def needs_loading(self) -> bool:
        return True

    # --- fresh data ---------------------------------------------------------------------------------

    def _data_changed(self, kinds: frozenset[str], source: object) -> None:
        if not self._started or not touches(kinds, self.listens_to):
            return
        if isinstance(source, QWidget) and (source is self or self.isAncestorOf(source)):
            return  # this page wrote it and shows it already
        if self.isVisible():
            self.refresh_after_change()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh_after_change()

    def refresh_after_change(self) -> None:
        """Show what changed elsewhere (override where a full reload would lose the user's place)."""
        if self._loading:
            self._again = True
        else:
            self.reload()

    # --- loading ----------------------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        """Load once, the first time the page is shown."""
        if not self._started:
            self.reload()

    def reload(self) -> None:
        self._started = True
        if not self.needs_loading():
            self.status_label.hide()
            self._mark_ready()
            return
        if self._loading:
            return
        self._loading = True
        self.status_label.setText(self.tr("Loading figures from the database…"))
        self.status_label.show()
        run_task(self.fetch, on_done=self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, data: Any) -> None:
        self._loading = False
        self.load_error = None
        self.error_box.hide()
        self.status_label.hide()
        self.show_data(data)
        lay_out_now()  # see there: no paint of the new texts in their old places
        self._mark_ready()
        self._load_again()

    def _load_again(self) -> None:
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.load_error = exc
        self.status_label.hide()
        detail = exc.message(self.env.lang) if isinstance(exc, ServiceError) else str(exc)
        self.error_box.set_text(
            self.tr("The figures could not be loaded from the database: %1").replace(
                "%1", html.escape(detail)
            )
        )
        self.error_box.show()
        self._mark_ready()
        self._load_again()

    def _mark_ready(self) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    # --- helpers for subclasses -------------------------------------------------------------------

    def section_title(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    def muted(self, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setObjectName("muted")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
