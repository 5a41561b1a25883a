"""เพิ่มผู้เข้าร่วม: enroll people in an activity, found in the database or typed in as new.

The search runs in a worker as the user types (Thai substrings, IDs, phone numbers); a new person is
checked field by field as typed, and offered against possible duplicates before it is created.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.names import full_name
from dipdesk.core.phone import format_phone
from dipdesk.core.thaicard import CardData
from dipdesk.core.thaiid import normalize_id
from dipdesk.services import enrollment as es
from dipdesk.services.duplicates import PossibleDuplicate, person_duplicates
from dipdesk.services.errors import ServiceError, ValidationError
from dipdesk.store.people import PREFIXES
from dipdesk.store.programs import Activity
from dipdesk.ui import workers
from dipdesk.ui.attendance.card_reader import CardReaderBar
from dipdesk.ui.attendance.context import CtxFactory
from dipdesk.ui.attendance.fields import (
    CheckedField,
    check_email,
    check_id,
    check_phone,
    check_required,
)
from dipdesk.ui.changes import data_changed
from dipdesk.ui.db import Database
from dipdesk.ui.i18n import current_language
from dipdesk.ui.widgets import NoticeBox, format_date

_Index = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 250


def error_text(exc: BaseException) -> str:
    return exc.message(current_language()) if isinstance(exc, ServiceError) else str(exc)


class PeopleModel(QAbstractTableModel):
    """Search results: name, masked ID, phone, enterprise, and whether already enrolled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[es.PersonHit] = []
        self.headers = (
            self.tr("Full name"),
            self.tr("National ID"),
            self.tr("Phone"),
            self.tr("Enterprise"),
            self.tr("In this activity"),
        )

    def set_hits(self, hits: Sequence[es.PersonHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        hit = self.hits[index.row()]
        if hit.enrolled:
            return Qt.ItemFlag.ItemIsEnabled  # shown, not selectable: already in the activity
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        hit = self.hits[index.row()]
        col = index.column()
        if col == 0:
            return hit.name
        if col == 1:
            return hit.national_id_masked
        if col == 2:
            return format_phone(hit.phone)
        if col == 3:
            return hit.enterprise
        return self.tr("enrolled") if hit.enrolled else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class EnrollmentDialog(QDialog):
    """Add people to one activity. `ctx_factory(session) -> Context` acts as the logged-in user.

    Non-modal: open it with `show()` or `open()`; `enrolled` says who was added (enrollment ids).
    """

    enrolled = Signal(list)

    def __init__(
        self, db: Database, ctx_factory: CtxFactory, activity_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.ctx_factory = ctx_factory
        self.activity_id = activity_id
        self.added: list[str] = []
        self._search_task: workers.Task | None = None
        self._pending_query = ""
        self.card_national_id = ""
        self.setWindowTitle(self.tr("Add people to the activity"))
        self.resize(900, 720)  # the dialog rules fit it to smaller screens (ui/dialogs.py)

        # the search and the new-person form scroll; the status line and Close stay on screen
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        col = QVBoxLayout(body)
        col.setContentsMargins(0, 0, 4, 0)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.activity_label = QLabel("…")
        self.activity_label.setObjectName("sectionTitle")
        self.activity_label.setWordWrap(True)
        col.addWidget(self.activity_label)

        found = QGroupBox(self.tr("Someone already in the database"))
        fcol = QVBoxLayout(found)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, surname, national ID or phone number…"))
        self.search.setClearButtonEnabled(True)
        fcol.addWidget(self.search)
        self.model = PeopleModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self._size_columns()
        fcol.addWidget(self.table)
        row = QHBoxLayout()
        self.search_status = QLabel(self.tr("Type at least two letters, or digits of an ID or phone number."))
        self.search_status.setObjectName("muted")
        self.search_status.setWordWrap(True)
        row.addWidget(self.search_status, 1)
        self.enroll_button = QPushButton(self.tr("Enroll the selected people"))
        self.enroll_button.setEnabled(False)
        row.addWidget(self.enroll_button)
        fcol.addLayout(row)
        col.addWidget(found, 1)

        new = QGroupBox(self.tr("Someone new"))
        form = QFormLayout(new)
        self.card_bar = CardReaderBar(self)
        self.card_bar.card_read.connect(self.fill_from_card)
        form.addRow(self.card_bar)
        self.card_fields: dict[str, Any] = {}  # what the card gives beyond the form (English name…)
        self.card_details = QLabel("")
        self.card_details.setObjectName("muted")
        self.card_details.setWordWrap(True)
        self.card_details.hide()
        self.prefix = QComboBox()
        self.prefix.setEditable(True)
        self.prefix.addItems(["", *PREFIXES])
        self.first = CheckedField(check_required)
        self.last = CheckedField()
        self.national_id = CheckedField(check_id, "1-2345-67890-12-3")
        self.phone = CheckedField(check_phone, "081-234-5678")
        self.email = CheckedField(check_email)
        self.enterprise = CheckedField(placeholder=self.tr("Optional: the enterprise they work in"))
        form.addRow(self.tr("Name prefix"), self.prefix)
        form.addRow(self.tr("First name *"), self.first)
        form.addRow(self.tr("Last name"), self.last)
        form.addRow(self.tr("National ID"), self.national_id)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Enterprise"), self.enterprise)
        form.addRow(self.card_details)
        self.duplicates_box = NoticeBox(icon_name="warning")
        self.duplicates_box.hide()
        form.addRow(self.duplicates_box)
        self.duplicate_buttons = QHBoxLayout()
        form.addRow(self.duplicate_buttons)
        self.create_button = QPushButton(self.tr("Add and enroll"))
        self.create_button.setEnabled(False)
        form.addRow("", self.create_button)
        col.addWidget(new)

        self.status = QLabel("")
        self.status.setObjectName("okText")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        outer.addWidget(buttons)
        self.scroll = scroll

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.enroll_selected())
        self.enroll_button.clicked.connect(self.enroll_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.enroll_selected)
        for f in (self.first, self.national_id, self.phone, self.email):
            f.changed.connect(self._form_changed)
        self.create_button.clicked.connect(lambda: self.create_person(force=False))
        workers.run_task(self._load_activity, on_done=self._show_activity, owner=self)
        self.search.setFocus()

    # --- the activity ------------------------------------------------------------------------------

    def _load_activity(self, task: workers.Task) -> str:
        with self.db.session() as s:
            a = s.get(Activity, self.activity_id)
            return f"{a.title_th} ({a.code})" if a else ""

    def _show_activity(self, title: str) -> None:
        self.activity_label.setText(self.tr("Enroll in: %1").replace("%1", title))

    # --- searching ---------------------------------------------------------------------------------

    def run_search(self) -> None:
        self._timer.stop()
        query = self.search.text().strip()
        if len(query) < 2:
            self.model.set_hits([])
            self.search_status.setText(
                self.tr("Type at least two letters, or digits of an ID or phone number.")
            )
            return
        if self._search_task is not None:
            self._pending_query = query  # search again when the running one comes back
            return
        self._pending_query = ""

        def find(task: workers.Task) -> list[es.PersonHit]:
            with self.db.session() as s:
                return es.search_people(s, query, activity_id=self.activity_id)

        self.search_status.setText(self.tr("Searching…"))
        self._search_task = workers.run_task(
            find, on_done=self._show_hits, on_error=self._search_failed, owner=self
        )

    def _size_columns(self) -> None:
        """Names up to 300 px; no column narrower than its header (also before the first search)."""
        self.table.resizeColumnsToContents()  # headers included, so "เลขประจำตัวประชาชน" is not cut
        self.table.setColumnWidth(0, max(200, min(self.table.columnWidth(0), 300)))

    def _show_hits(self, hits: list[es.PersonHit]) -> None:
        self._search_task = None
        if self._pending_query and self._pending_query != self.search.text().strip():
            self.run_search()
            return
        self.model.set_hits(hits)
        self._size_columns()
        if not hits:
            self.search_status.setText(self.tr("Nobody found. Add them as someone new below."))
        elif len(hits) >= es.SEARCH_LIMIT:
            self.search_status.setText(
                self.tr("The first %1 found: type more to narrow the search.").replace("%1", str(len(hits)))
            )
        else:
            self.search_status.setText(
                self.tr("%1 found. Select them and press Enter.").replace("%1", str(len(hits)))
            )
        if hits and not self.table.selectionModel().hasSelection():
            for r, h in enumerate(hits):
                if not h.enrolled:
                    self.table.selectRow(r)
                    break

    def _search_failed(self, exc: BaseException) -> None:
        self._search_task = None
        self.search_status.setText(self.tr("The search failed: %1").replace("%1", error_text(exc)))

    def _selection_changed(self, *_args: Any) -> None:
        self.enroll_button.setEnabled(bool(self.selected_ids()))

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.hits[r].id for r in rows if not self.model.hits[r].enrolled]

    # --- enrolling ---------------------------------------------------------------------------------

    def enroll_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.enroll_people(ids)

    def enroll_people(self, person_ids: list[str]) -> None:
        """Enroll these existing people (in a worker); the list and the activity refresh after."""

        def save(task: workers.Task) -> list[str]:
            with self.db.session() as s:
                ctx = self.ctx_factory(s)
                made = [es.enroll(ctx, self.activity_id, pid)[0].id for pid in person_ids]
                s.commit()
                return made

        self.enroll_button.setEnabled(False)
        workers.run_task(save, on_done=self._enrolled, on_error=self._failed, owner=self)

    def _enrolled(self, enrollment_ids: list[str]) -> None:
        self.added.extend(enrollment_ids)
        self.status.setObjectName("okText")
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Enrolled: %1 (%2 in all since this window opened)")
                            .replace("%1", str(len(enrollment_ids))).replace("%2", str(len(self.added))))  # fmt: skip
        self.enrolled.emit(enrollment_ids)
        data_changed("enrollments", "people", source=self)
        if self.search.text().strip():
            self.run_search()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        self.status.setStyleSheet("color: #c62828")
        self._selection_changed()
        self._form_changed()

    # --- someone new -------------------------------------------------------------------------------

    # --- the ID card -------------------------------------------------------------------------------

    def fill_from_card(self, card: CardData) -> None:
        """Fill the new-person form from a Thai ID card, and search for its ID (they may be here)."""
        fields = card.person_fields()
        self.prefix.setCurrentText(str(fields.get("prefix", "")))
        self.first.edit.setText(str(fields.get("first_name_th", "")))
        self.last.edit.setText(str(fields.get("last_name_th", "")))
        self.national_id.edit.setText(card.national_id)
        self.card_fields = {
            k: fields[k]
            for k in ("first_name_en", "last_name_en", "birth_date", "gender", "address")
            if fields.get(k)
        }
        self.card_national_id = card.national_id
        en = " ".join(x for x in (card.name_en.prefix, card.name_en.first, card.name_en.middle,
                                  card.name_en.last) if x)  # fmt: skip
        gender = {"M": self.tr("male"), "F": self.tr("female")}.get(card.gender, "")
        parts = [
            self.tr("From the card:"),
            en,
            self.tr("born %1").replace("%1", format_date(card.birth_date)) if card.birth_date else "",
            gender,
            card.address,
        ]
        self.card_details.setText(
            " · ".join(p for p in parts if p)
            + "\n"
            + self.tr(
                "Kept: ID, names, birth date, gender and address. The card's photo is not read or stored."
            )
        )
        self.card_details.show()
        for f in (self.first, self.national_id):
            f.validate(show=True)
        self._form_changed()
        self.search.setText(card.national_id)
        self.run_search()

    def _fields(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.card_fields and normalize_id(self.national_id.text()) == self.card_national_id:
            extra = dict(self.card_fields)  # only while the form still holds that card's person
        return extra | {
            "prefix": self.prefix.currentText().strip(),
            "first_name_th": self.first.text().strip(),
            "last_name_th": self.last.text().strip(),
            "national_id": self.national_id.text().strip(),
            "phone": self.phone.text().strip(),
            "email": self.email.text().strip(),
        }

    def _form_changed(self) -> None:
        valid = all(f.is_valid() for f in (self.first, self.national_id, self.phone, self.email))
        self.create_button.setEnabled(valid)
        self._clear_duplicates()

    def _clear_duplicates(self) -> None:
        self.duplicates_box.hide()
        while self.duplicate_buttons.count():
            item = self.duplicate_buttons.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()

    def create_person(self, *, force: bool) -> None:
        """Create and enroll the person typed in; unless `force`, first offer possible duplicates."""
        for f in (self.first, self.national_id, self.phone, self.email):
            f.validate(show=True)
        if not all(f.is_valid() for f in (self.first, self.national_id, self.phone, self.email)):
            return
        values = self._fields()
        enterprise = self.enterprise.text().strip()

        def save(task: workers.Task) -> list[PossibleDuplicate] | str:
            with self.db.session() as s:
                if not force:
                    twins = person_duplicates(s, values, lang=current_language())
                    if twins:
                        return twins
                    elsewhere = self._trained_elsewhere(values.get("national_id", ""))
                    if elsewhere:
                        return elsewhere
                ctx = self.ctx_factory(s)
                fields = {k: v for k, v in values.items() if v}
                enrollment = es.enroll_new_person(ctx, self.activity_id, enterprise_name=enterprise, **fields)
                s.commit()
                return enrollment.id

        self.create_button.setEnabled(False)
        workers.run_task(save, on_done=self._created, on_error=self._create_failed, owner=self)

    def _trained_elsewhere(self, national_id: str) -> list[PossibleDuplicate]:
        """Worker side: the person with this national ID at another center, asked of the server when
        online (exact ID only; `dipdesk.sync.lookup` brings that one record in). Offline, or not enrolled
        with a server: nothing, and the person is added here (a later merge repairs a duplicate)."""
        if not national_id:
            return []
        from dipdesk.core.thaiid import IdError
        from dipdesk.sync.client import SyncError
        from dipdesk.sync.lookup import lookup_person

        try:
            found = lookup_person(self.db.engine, national_id, timeout=8.0)
        except (SyncError, IdError):
            return []
        if found is None:
            return []
        where = QCoreApplication.translate("EnrollmentDialog", "registered at %1 (from the server)")
        return [
            PossibleDuplicate(
                "people", found.id, "national_id", found.name, where.replace("%1", found.site_code)
            )
        ]

    def _created(self, result: list[PossibleDuplicate] | str) -> None:
        if isinstance(result, list):
            self._offer_duplicates(result)
            return
        name = full_name(self.prefix.currentText(), self.first.text(), self.last.text())
        for f in (self.first, self.last, self.national_id, self.phone, self.email, self.enterprise):
            f.edit.clear()
            f.message.hide()
        self.prefix.setCurrentIndex(0)
        self.card_fields = {}
        self.card_details.hide()
        self._enrolled([result])
        self.status.setText(self.tr("%1 was added and enrolled.").replace("%1", name))
        self.first.edit.setFocus()

    def _create_failed(self, exc: BaseException) -> None:
        fields = {
            "first_name_th": self.first,
            "last_name_th": self.last,
            "national_id": self.national_id,
            "phone": self.phone,
            "email": self.email,
        }
        if isinstance(exc, ValidationError) and exc.field in fields:
            fields[exc.field].show_error(error_text(exc))
            self.create_button.setEnabled(True)
            return
        self._failed(exc)

    def _offer_duplicates(self, twins: list[PossibleDuplicate]) -> None:
        self._clear_duplicates()
        lines = "".join(
            f"<li><b>{html.escape(t.name)}</b> {html.escape(t.detail)} — {html.escape(t.reason_text(current_language()))}</li>"
            for t in twins
        )
        self.duplicates_box.set_text(
            self.tr("This may be someone already in the database:") + f"<ul>{lines}</ul>"
        )
        self.duplicates_box.show()
        for t in twins[:3]:
            b = QPushButton(self.tr("Enroll %1").replace("%1", t.name))
            b.clicked.connect(
                lambda _c=False, pid=t.id: (self._clear_duplicates(), self.enroll_people([pid]))
            )
            self.duplicate_buttons.addWidget(b)
        if any(t.reason == "national_id" for t in twins):
            # a national ID belongs to one person: "someone else" cannot be true, so it is not offered
            self.duplicates_box.set_text(
                self.tr("This may be someone already in the database:")
                + f"<ul>{lines}</ul>"
                + html.escape(
                    self.tr(
                        "A national ID belongs to one person only: enroll them, or correct the ID typed in."
                    )
                )
            )
            self.create_button.setEnabled(False)
            return
        anyway = QPushButton(self.tr("Someone else: add as new"))
        anyway.clicked.connect(lambda: (self._clear_duplicates(), self.create_person(force=True)))
        self.duplicate_buttons.addWidget(anyway)
        self.create_button.setEnabled(True)
