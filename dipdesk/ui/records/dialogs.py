"""Dialogs of the record screens: possible duplicates, and a small form for a record inside another.

Both are window-modal and opened with `open()` (never `exec()`): the answer comes back by signal and
the event loop keeps running, so workers keep delivering meanwhile.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dipdesk.services.duplicates import PossibleDuplicate
from dipdesk.services.errors import ValidationError
from dipdesk.ui.records.fields import Field, Invalid
from dipdesk.ui.records.form import RecordForm
from dipdesk.ui.records.ops import CtxFactory, error_text, run_write
from dipdesk.ui.widgets import NoticeBox


class DuplicatesDialog(QDialog):
    """ "This may already be recorded": open an existing record, create the new one anyway, or go back."""

    chosen = Signal(str, str)  # action ("open", "create", "cancel"), record id (for "open")

    def __init__(
        self, candidates: Sequence[PossibleDuplicate], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(560)
        self.candidates = list(candidates)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This may already be recorded. Open the existing record instead of creating a second one, "
                "or create the new record if it is really someone (or something) else."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.list = QListWidget()
        for c in self.candidates:
            item = QListWidgetItem(f"{c.name}\n{c.reason_text(lang)} · {c.detail}".rstrip(" ·"))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._open())
        lay.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open the existing record"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.create_button = QPushButton(self.tr("Create a new record anyway"))
        self.create_button.clicked.connect(lambda: self._finish("create", ""))
        self.cancel_button = QPushButton(self.tr("Go back to the form"))
        self.cancel_button.clicked.connect(lambda: self._finish("cancel", ""))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        lay.addLayout(buttons)

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._finish("open", str(item.data(Qt.ItemDataRole.UserRole)))

    def _finish(self, action: str, record_id: str) -> None:
        self.chosen.emit(action, record_id)
        self.accept() if action != "cancel" else self.reject()

    def reject(self) -> None:  # Esc
        if self.isVisible():
            super().reject()


class RecordDialog(QDialog):
    """A small form for a record that belongs to another (a training day, a product, a service visit).

    `save(ctx, values)` runs in a worker through the services; the dialog closes when it succeeds and
    shows the service's refusal next to the field when it does not.
    """

    saved = Signal(object)

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        values: dict[str, Any],
        save: Callable[[Any, dict[str, Any]], Any],
        *,
        db: Any,
        ctx_factory: CtxFactory,
        lang: str,
        fixed: dict[str, Any] | None = None,
        read_only: bool = False,
        model: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(620)
        self._save = save
        self._db = db
        self._ctx_factory = ctx_factory
        self._lang = lang
        self.task: Any = None
        lay = QVBoxLayout(self)
        heading = QLabel(html.escape(title))
        heading.setObjectName("sectionTitle")
        lay.addWidget(heading)
        self.notice = NoticeBox()  # a word before the form (e.g. why no date is offered)
        self.notice.hide()
        lay.addWidget(self.notice)
        self.form = RecordForm(fields, lang=lang, columns=1, db=db, model=model)
        for key, value in (fixed or {}).items():
            if key in self.form.editors:
                self.form.hide_field(key, value)
            else:
                self.form.fixed[key] = value
        self.form.set_values(values)
        self.form.set_read_only(read_only)
        lay.addWidget(self.form)
        self.error_box = NoticeBox(error=True)
        self.error_box.hide()
        lay.addWidget(self.error_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not read_only)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.submit)
        first = self.form.first_input()
        if first is not None:
            first.setFocus()

    def show_notice(self, text: str) -> None:
        self.notice.set_text(html.escape(text))
        self.notice.setVisible(bool(text))

    def submit(self) -> None:
        if self.task is not None:
            return
        if self.form.validate() is not None:
            return
        try:
            values = self.form.values()
        except Invalid:
            return
        save = self._save
        self.buttons.setEnabled(False)
        self.task = run_write(
            self._db,
            self._ctx_factory,
            lambda ctx: save(ctx, values),
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, result: Any) -> None:
        self.task = None
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        message = error_text(exc, self._lang)
        if isinstance(exc, ValidationError) and self.form.show_error(exc.field, message):
            return
        self.error_box.set_text(html.escape(message))
        self.error_box.show()
