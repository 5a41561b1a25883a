"""ซิงค์ข้อมูล: exchanging this computer's records with the department's central server.

What the page shows (SYNC.md guarantees 4, 8, 9, 12): the last good sync, changes waiting to be sent,
changes the server refused (with its reason), conflicts to review (both values, confirm or swap in
`ConflictReviewDialog`), the history of rounds, and a check with the server that everything is
uploaded (per-table digests). Enrolment with a one-time code when this computer is not enrolled yet.
Rounds run in the main window's `BackgroundSync`; "Sync now" only asks it for one more.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from dipdesk.services.errors import ServiceError
from dipdesk.sync import client
from dipdesk.ui.pages.base import AreaPage
from dipdesk.ui.sync_background import BackgroundSync
from dipdesk.ui.sync_review import (
    ConflictReviewDialog,
    conflict_summary,
    field_label,
    format_iso,
    format_time,
    record_name,
    show_changes,
    who,
)
from dipdesk.ui.widgets import NoticeBox, StatCard, card_grid, format_number, style_read_only_table
from dipdesk.ui.workers import Task, run_task


@dataclass
class SyncPageData:
    status: client.SyncStatus
    conflicts: list[client.ConflictView] = field(default_factory=list)
    rejected: list[client.RejectedChange] = field(default_factory=list)
    history: list[client.HistoryRow] = field(default_factory=list)


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    style_read_only_table(t)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setMinimumHeight(150)
    return t


def _fill(t: QTableWidget, rows: list[list[str]], *, widest: int = 320) -> None:
    t.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            t.setItem(r, c, item)
    t.resizeColumnsToContents()
    for c in range(t.columnCount()):
        if t.columnWidth(c) > widest:
            t.setColumnWidth(c, widest)
    visible = min(len(rows), 8)
    scroll = (
        t.horizontalScrollBar().sizeHint().height()
        if t.horizontalHeader().length() > t.viewport().width()
        else 0
    )
    t.setFixedHeight(t.horizontalHeader().height() + 32 * max(visible, 1) + scroll + 6)


def _size(n: int) -> str:
    if n < 1024:
        return f"{max(n, 0)} B"
    if n < 1024 * 1024:
        return f"{max(n, 0) / 1024:,.0f} KB"
    return f"{n / (1024 * 1024):,.1f} MB"


class SyncPage(AreaPage):
    view_name = "sync"

    def __init__(self, *args: Any, **kw: Any) -> None:
        self.background: BackgroundSync | None = None
        self.data: SyncPageData | None = None
        super().__init__(*args, **kw)

    def description(self) -> str:
        return self.tr(
            "Exchanging data with the department's central server. This computer works offline: "
            "everything recorded here is kept on this computer and sent by itself whenever the server "
            "can be reached."
        )

    # --- building ----------------------------------------------------------------------------------

    def build(self) -> None:
        self.cards = {
            "last": StatCard(self.tr("Last synchronised")),
            "pending": StatCard(self.tr("Changes waiting to be sent")),
            "rejected": StatCard(self.tr("Changes the server refused")),
            "conflicts": StatCard(self.tr("Conflicts to review")),
        }
        self.body.addLayout(card_grid(list(self.cards.values())))

        self.state_box = NoticeBox()
        self.body.addWidget(self.state_box)
        self.error_state = NoticeBox(error=True)
        self.error_state.hide()
        self.body.addWidget(self.error_state)

        actions = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        self.verify_button = QPushButton(self.tr("Check with the server"))
        self.verify_button.setToolTip(
            self.tr("Compares the data on this computer with the server's, table by table")
        )
        self.verify_button.clicked.connect(self.verify)
        self.activity_label = self.muted()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.activity_label, 1)
        self.body.addLayout(actions)

        # enrolment (only while this computer is not enrolled)
        self.enrol_panel = QWidget()
        form = QFormLayout(self.enrol_panel)
        form.setContentsMargins(0, 0, 0, 0)
        self.server_edit = QLineEdit(self.env.settings.server_url)
        self.server_edit.setPlaceholderText("https://sync.dip.go.th")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("The one-time code from headquarters"))
        self.enrol_button = QPushButton(self.tr("Enrol this computer"))
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_error = QLabel()
        self.enrol_error.setObjectName("errorText")
        self.enrol_error.setWordWrap(True)
        self.enrol_error.hide()
        form.addRow(self.section_title(self.tr("Enrol this computer with the central server")))
        form.addRow(self.tr("Server address"), self.server_edit)
        form.addRow(self.tr("Enrolment code"), self.code_edit)
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.enrol_button)
        enrol_row.addStretch(1)
        form.addRow("", enrol_row)
        form.addRow("", self.enrol_error)
        self.enrol_panel.hide()
        self.body.addWidget(self.enrol_panel)

        self.body.addWidget(self.section_title(self.tr("Conflicts to review")))
        self.conflicts_note = self.muted(
            self.tr(
                "Two computers changed the same thing while offline. Every computer shows the same value; "
                "the other one is kept here until someone decides. Double-click a row to review it."
            )
        )
        self.body.addWidget(self.conflicts_note)
        self.conflicts_table = _table(
            [
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Current value"),
                self.tr("Other value"),
                self.tr("Other value by"),
                self.tr("Changed at"),
            ]
        )
        self.conflicts_table.doubleClicked.connect(lambda _i: self.review_selected())
        self.body.addWidget(self.conflicts_table)
        row = QHBoxLayout()
        self.review_button = QPushButton(self.tr("Review the selected conflict…"))
        self.review_button.clicked.connect(self.review_selected)
        row.addWidget(self.review_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.no_conflicts = self.muted(self.tr("No conflicts to review."))
        self.body.addWidget(self.no_conflicts)

        self.body.addWidget(self.section_title(self.tr("Changes the server refused")))
        self.rejected_note = self.muted(
            self.tr(
                "The server did not accept these changes; the rest were sent. Correct the record "
                "(for example a code already used elsewhere) and the corrected record is sent again."
            )
        )
        self.body.addWidget(self.rejected_note)
        self.rejected_table = _table(
            [self.tr("Recorded"), self.tr("Record"), self.tr("Change"), self.tr("Reason")]
        )
        self.body.addWidget(self.rejected_table)
        self.no_rejected = self.muted(self.tr("The server has accepted every change."))
        self.body.addWidget(self.no_rejected)

        self.body.addWidget(self.section_title(self.tr("Sync history")))
        self.history_table = _table(
            [
                self.tr("Started"),
                self.tr("Changes sent"),
                self.tr("Changes received"),
                self.tr("Refused"),
                self.tr("Conflicts"),
                self.tr("Data"),
                self.tr("Result"),
            ]
        )
        self.body.addWidget(self.history_table)
        self.no_history = self.muted(self.tr("This computer has not synchronised yet."))
        self.body.addWidget(self.no_history)

    def attach_background(self, background: BackgroundSync) -> None:
        """The main window's background syncer: the page asks it for rounds and follows its status."""
        self.background = background
        background.round_started.connect(self._round_started)
        background.round_finished.connect(lambda _r: self.reload())
        if background.running:
            self._round_started()

    # --- loading ------------------------------------------------------------------------------------

    def fetch(self, task: Task) -> SyncPageData:
        engine = self.env.db.engine
        data = SyncPageData(status=client.status(engine))
        task.check()
        data.conflicts = client.list_conflicts(engine)
        data.rejected = client.rejected_changes(engine)
        data.history = client.history(engine, limit=30)
        return data

    def show_data(self, data: SyncPageData) -> None:
        self.data = data
        st = data.status
        last = format_iso(st.last_success)
        self.cards["last"].set_value(
            last or self.tr("Never"), st.server_url or self.tr("Not enrolled"), textual=True
        )
        if st.enrolled:
            pending_note = self.tr("Everything is uploaded") if st.pending == 0 else self.tr("Sent by itself")
        else:
            pending_note = self.tr("Sent at the first sync, once enrolled")
        self.cards["pending"].set_value(format_number(st.to_send), pending_note)
        self.cards["rejected"].set_value(format_number(st.rejected), self.tr("Listed below with the reason"))
        self.cards["conflicts"].set_value(
            format_number(st.open_conflicts),
            self.tr("Someone should decide") if st.open_conflicts else self.tr("Nothing to decide"),
        )

        self.enrol_panel.setVisible(not st.enrolled)
        self.sync_button.setEnabled(st.enrolled)
        self.verify_button.setEnabled(st.enrolled)
        if not st.enrolled:
            text = self.tr(
                "This computer is not enrolled with the central server yet, so its data stays here "
                "only. Ask headquarters for a one-time enrolment code and enter it below."
            )
            if st.to_send:
                text += " " + self.tr("%1 record(s) will be sent at the first sync.").replace(
                    "%1", format_number(st.to_send)
                )
            self.state_box.set_text(text)
        elif st.pending == 0 and not st.last_error:
            self.state_box.set_text(
                self.tr(
                    "Everything recorded on this computer has been sent to the server (last sync %1)."
                ).replace("%1", html.escape(last or self.tr("never")))
            )
        else:
            self.state_box.set_text(
                self.tr(
                    "%1 change(s) are waiting to be sent. dipdesk sends them by itself as soon as the "
                    "server can be reached; there is no need to press anything."
                ).replace("%1", format_number(st.pending))
            )
        if st.last_error:
            self.error_state.set_text(
                self.tr("The last attempt did not finish: %1. dipdesk will try again by itself.").replace(
                    "%1", html.escape(st.last_error)
                )
            )
        self.error_state.setVisible(bool(st.last_error) and st.enrolled)

        rows = []
        for c in data.conflicts:
            kept, other = conflict_summary(c)
            what = self.tr("Deleted or edited") if c.kind == "delete" else field_label(c.field)
            rows.append(
                [
                    record_name(c),
                    what,
                    kept,
                    other,
                    who(c.other_name, c.other_device),
                    format_time(c.other_time, utc=False),
                ]
            )
        _fill(self.conflicts_table, rows)
        has = bool(rows)
        self.conflicts_table.setVisible(has)
        self.conflicts_note.setVisible(has)
        self.review_button.setVisible(has)
        self.no_conflicts.setVisible(not has)
        if has and not self.conflicts_table.selectedItems():
            self.conflicts_table.selectRow(0)

        ops = {
            "c": self.tr("New record"),
            "s": self.tr("New record"),
            "u": self.tr("Edit"),
            "d": self.tr("Delete"),
        }
        rej = [
            [
                format_time(r.created_at),
                record_name(r),
                ops.get(r.op, r.op)
                + (": " + show_changes(r.fields).replace("\n", "; ") if r.op == "u" else ""),
                r.reason,
            ]
            for r in data.rejected
        ]
        _fill(self.rejected_table, rej)
        self.rejected_table.setVisible(bool(rej))
        self.rejected_note.setVisible(bool(rej))
        self.no_rejected.setVisible(not rej)

        hist = []
        for h in data.history:
            if h.finished_at is None:
                result = self.tr("Running or interrupted")
            elif h.error == client.ROUND_STOPPED:
                result = self.tr("Stopped when dipdesk was closed; continues at the next sync")
            elif h.error:
                result = self.tr("Not finished: %1").replace("%1", h.error)
            else:
                result = self.tr("Finished")
            hist.append(
                [
                    format_time(h.started_at),
                    format_number(h.pushed),
                    format_number(h.pulled),
                    format_number(h.rejected),
                    format_number(h.conflicts),
                    f"↑ {_size(h.bytes_up)}  ↓ {_size(h.bytes_down)}",
                    result,
                ]
            )
        _fill(self.history_table, hist, widest=600)
        self.history_table.setVisible(bool(hist))
        self.no_history.setVisible(not hist)
        if self.background is None or not self.background.running:
            self.activity_label.setText("")

    # --- actions -----------------------------------------------------------------------------------

    def _round_started(self) -> None:
        self.activity_label.setText(self.tr("Synchronising…"))

    def sync_now(self) -> None:
        if self.background is not None:
            self.background.sync_now()
        else:  # a page without the main window (tests, screenshots): run one round here
            self._round_started()
            run_task(
                lambda _t: client.sync_once(self.env.db.engine),
                on_done=lambda _r: self.reload(),
                on_error=self._action_failed,
                owner=self,
            )

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.activity_label.setText(self.tr("Comparing with the server…"))
        run_task(
            lambda _t: client.verify(self.env.db.engine),
            on_done=self._verified,
            on_error=self._action_failed,
            owner=self,
        )

    def _verified(self, result: client.VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        if result.identical:
            self.activity_label.setText(
                self.tr("Identical: all %1 tables match the server, and everything is uploaded.").replace(
                    "%1", format_number(len(result.tables))
                )
            )
            self.activity_label.setObjectName("okText")
        else:
            parts = []
            if result.differing:
                parts.append(
                    self.tr("%1 table(s) differ").replace("%1", format_number(len(result.differing)))
                )
            if result.pending:
                parts.append(
                    self.tr("%1 change(s) not sent yet").replace("%1", format_number(result.pending))
                )
            if result.rejected:
                parts.append(self.tr("%1 change(s) refused").replace("%1", format_number(result.rejected)))
            self.activity_label.setText(
                self.tr("Not identical yet: %1. Sync again, or see below.").replace("%1", ", ".join(parts))
            )
            self.activity_label.setObjectName("errorText")
        self.activity_label.style().unpolish(self.activity_label)
        self.activity_label.style().polish(self.activity_label)

    def _action_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        detail = exc.message(self.env.lang) if isinstance(exc, ServiceError) else str(exc)
        self.activity_label.setText(self.tr("Could not reach the server: %1").replace("%1", detail))
        self.activity_label.setObjectName("errorText")
        self.activity_label.style().unpolish(self.activity_label)
        self.activity_label.style().polish(self.activity_label)

    def enrol(self) -> None:
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not server.startswith(("http://", "https://")) or not code:
            self.enrol_error.setText(self.tr("Enter the server address (https://…) and the enrolment code."))
            self.enrol_error.show()
            return
        self.enrol_button.setEnabled(False)
        self.enrol_error.hide()
        run_task(
            lambda _t: client.enroll(self.env.db.engine, server, code, label=self.env.user.username),
            on_done=self._enrolled,
            on_error=self._enrol_failed,
            owner=self,
        )

    def _enrolled(self, _site: Any) -> None:
        self.enrol_button.setEnabled(True)
        self.code_edit.clear()
        self.reload()
        self.sync_now()

    def _enrol_failed(self, exc: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        self.enrol_error.setText(self.tr("Enrolment failed: %1").replace("%1", str(exc)))
        self.enrol_error.show()

    def selected_conflict(self) -> client.ConflictView | None:
        if self.data is None or not self.data.conflicts:
            return None
        rows = self.conflicts_table.selectionModel().selectedRows()
        index = rows[0].row() if rows else 0
        return self.data.conflicts[index] if index < len(self.data.conflicts) else None

    def review_dialog(self, conflict: client.ConflictView) -> ConflictReviewDialog:
        dialog = ConflictReviewDialog(self.env.db, conflict, self.env.user.username, self)
        dialog.resolved.connect(self._resolved)
        return dialog

    def review_selected(self) -> None:
        conflict = self.selected_conflict()
        if conflict is not None:
            self.review_dialog(conflict).open()

    def _resolved(self, _action: str) -> None:
        self.reload()
        if self.background is not None:
            self.background.sync_now()  # the decision (and a swapped value) travels at once
