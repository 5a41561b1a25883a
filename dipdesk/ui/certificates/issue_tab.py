"""ออกและพิมพ์: pick an activity, see its class list by the rule, issue and print in a worker.

"Issue and print" issues what is due and prints every certificate of the activity (reprints are exact
copies) into one PDF, shown in the preview; the worker reports progress and can be cancelled (then
nothing is issued: it is one transaction). Selected rows can be reprinted, re-issued, revoked, or issued
by override, each asking for the reason the record keeps.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from dipdesk.printing.certificates import Cancelled as RenderCancelled
from dipdesk.services import certificates as svc
from dipdesk.services.errors import NotFound
from dipdesk.settings import Settings
from dipdesk.store.certificates import Certificate
from dipdesk.store.programs import Activity, ActivitySession
from dipdesk.ui.attendance.context import CtxFactory
from dipdesk.ui.attendance.enroll_dialog import error_text
from dipdesk.ui.certificates.class_list import ClassListModel, entry_state
from dipdesk.ui.certificates.preview import PdfPreview, SplitShare
from dipdesk.ui.changes import data_changed
from dipdesk.ui.db import Database
from dipdesk.ui.dialogs import confirm
from dipdesk.ui.flow import FlowLayout
from dipdesk.ui.printing import print_folder
from dipdesk.ui.widgets import ElidedLabel, format_date
from dipdesk.ui.workers import Cancelled, Task, run_task


@dataclass
class ClassData:
    activity_id: str
    activity_code: str
    template_code: str
    kind: str
    entries: list[svc.ClassEntry]
    last_day: dt.date | None = None  # the activity's last training day (or its end date)


def load_class(db: Database, activity_id: str, template_code: str) -> ClassData:
    """The class list of an activity for a template (worker thread)."""
    with db.session() as s:
        activity = s.get(Activity, activity_id)
        if activity is None:
            raise NotFound("ไม่พบกิจกรรมนี้", "no such activity")
        tpl = svc.template_by_code(s, template_code) if template_code else svc.default_template(s, activity)
        days = s.scalars(
            select(ActivitySession.day).where(
                ActivitySession.activity_id == activity.id, ActivitySession.deleted.is_(False)
            )
        ).all()
        last = max([*days, *([activity.end_date] if activity.end_date else [])], default=None)
        return ClassData(
            activity.id, activity.code, tpl.code, tpl.kind, svc.class_list(s, activity.id, tpl.kind), last
        )


class CertificateReasonDialog(QDialog):
    """Asks for the reason the record keeps (override, re-issue, revoke); opened with `open()`."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.reason = QLineEdit()
        self.reason.setMaxLength(400)
        lay.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_given)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def _accept_if_given(self) -> None:
        if self.reason.text().strip():
            self.accept()


class IssueTab(QWidget):
    """Activity picker, class list, actions, progress and the preview of what was printed."""

    changed = Signal()  # certificates were issued, printed, revoked…: the page's figures are stale
    preview_done = Signal()  # the preview of the class (or the reason there is none) is on screen

    def __init__(
        self,
        db: Database,
        ctx_factory: CtxFactory,
        username: str,
        server_url: str = "",
        lang: str = "th",
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.last_pdf = ""  # where the last issue-and-print (or reprint) wrote its PDF
        self.ctx_factory = ctx_factory
        self.username = username
        self.server_url = server_url
        self.lang = lang
        self.data: ClassData | None = None
        self.task: Task | None = None
        self._loading_id = ""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Activity")))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by code or title…"))
        self.search.setClearButtonEnabled(True)
        # its whole hint readable (Thai "ค้นหาด้วยรหัสหรือชื่อ…" is wider than the English), within reason
        hint_width = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40
        self.search.setFixedWidth(max(170, min(260, hint_width)))
        self.search.textChanged.connect(self._search_later)
        pick.addWidget(self.search)
        self.activity = QComboBox()
        self.activity.setMinimumContentsLength(16)
        self.activity.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activity.currentIndexChanged.connect(self._activity_chosen)
        pick.addWidget(self.activity, 1)
        outer.addLayout(pick)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Template")))
        self.template = QComboBox()
        # as wide as its longest name (a handful of templates: Thai names were cut at 14 characters)
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template.setMaximumWidth(420)
        self.template.currentIndexChanged.connect(self._template_chosen)
        options.addWidget(self.template)
        self.thai_digits = QCheckBox(self.tr("Thai digits"))
        self.thai_digits.setToolTip(
            self.tr("Newly issued certificates print ๑๒๓ instead of 123; reprints keep what they had")
        )
        self.thai_digits.toggled.connect(self._options_changed)
        options.addWidget(self.thai_digits)
        options.addStretch(1)
        outer.addLayout(options)

        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.model = ClassListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(360)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        left_lay.addWidget(self.table, 1)

        actions = FlowLayout()  # two lines on a small screen rather than cut buttons
        self.issue_button = QPushButton(self.tr("Issue and print"))
        self.issue_button.setDefault(True)
        self.issue_button.setToolTip(
            self.tr("Issue a certificate to everyone due, then print all of the activity's certificates")
        )
        self.issue_button.clicked.connect(self.issue_and_print)
        self.reprint_button = QPushButton(self.tr("Reprint selected"))
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.override_button = QPushButton(self.tr("Issue anyway…"))
        self.override_button.setToolTip(
            self.tr("Issue to someone the rule does not allow: a reason is recorded")
        )
        self.override_button.clicked.connect(self.ask_override)
        self.reissue_button = QPushButton(self.tr("Re-issue…"))
        self.reissue_button.setToolTip(self.tr("Issue again with today's name and template (a new revision)"))
        self.reissue_button.clicked.connect(self.ask_reissue)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        for b in (self.reprint_button, self.override_button, self.reissue_button, self.revoke_button):
            actions.addWidget(b)
        main_row = QHBoxLayout()
        main_row.addWidget(self.issue_button)
        self.folder_label = ElidedLabel()
        self.folder_label.setObjectName("muted")
        self.folder_button = QPushButton(self.tr("Folder…"))
        self.folder_button.setToolTip(self.tr("Choose the folder the printed PDF files go to"))
        self.folder_button.clicked.connect(self.choose_folder)
        main_row.addWidget(self.folder_label, 1)
        main_row.addWidget(self.folder_button)
        left_lay.addLayout(main_row)
        self._show_folder()
        left_lay.addLayout(actions)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        left_lay.addLayout(progress_row)
        self.progress.hide()
        self.cancel_button.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.message.setOpenExternalLinks(True)
        left_lay.addWidget(self.message)
        split.addWidget(left)

        self.preview = PdfPreview(settings=settings)
        self.preview.shown.connect(self.preview_done)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.split_share = SplitShare(split, (3, 2))  # the preview keeps 2/5, not its bare minimum
        outer.addWidget(split, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self._run_search)
        self._update_buttons()

    # --- filling ---------------------------------------------------------------------------------------

    def set_choices(self, activities: list[svc.ActivityChoice], templates: list[tuple[str, str]]) -> None:
        """Fill the pickers (GUI thread); `templates` are (code, label)."""
        self.template.blockSignals(True)
        self.template.clear()
        self.template.addItem(self.tr("By the activity's service"), "")
        for code, label in templates:
            self.template.addItem(label, code)
        self.template.blockSignals(False)
        self._fill_activities(activities)

    def _fill_activities(self, activities: list[svc.ActivityChoice], keep: str = "") -> None:
        self.activity.blockSignals(True)
        self.activity.clear()
        for a in activities:
            label = f"{a.code} – {a.title}  ({a.issued}/{a.enrolled})"
            self.activity.addItem(label, a.id)
            self.activity.setItemData(self.activity.count() - 1, a.title, Qt.ItemDataRole.ToolTipRole)
        self.activity.blockSignals(False)
        if keep:
            i = self.activity.findData(keep)
            if i >= 0:
                self.activity.setCurrentIndex(i)
        if not activities:
            self.summary.setText(self.tr("No activity has enrolled people yet."))

    def show_class(self, data: ClassData) -> None:
        """Show a loaded class list (GUI thread)."""
        self.data = data
        i = self.activity.findData(data.activity_id)
        if i >= 0 and i != self.activity.currentIndex():
            self.activity.blockSignals(True)
            self.activity.setCurrentIndex(i)
            self.activity.blockSignals(False)
        self.model.set_entries(data.entries)
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            if self.table.columnWidth(col) > 300:
                self.table.setColumnWidth(col, 300)
        self.table.setColumnWidth(0, 52)
        states = [entry_state(e) for e in data.entries]
        eligible = sum(1 for e in data.entries if e.eligibility.eligible)
        self.summary.setText(
            self.tr(
                "%1 enrolled · %2 eligible by the rule · %3 issued (%4 by override) · %5 due · %6 revoked"
            )
            .replace("%1", str(len(data.entries)))
            .replace("%2", str(eligible))
            .replace("%3", str(states.count("issued") + states.count("override")))
            .replace("%4", str(states.count("override")))
            .replace("%5", str(states.count("due")))
            .replace("%6", str(states.count("revoked")))
        )
        self._update_buttons()
        self.render_preview()

    def current_activity_id(self) -> str:
        return str(self.activity.currentData() or "")

    def selected_entries(self) -> list[svc.ClassEntry]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.entries[r] for r in rows]

    # --- reacting --------------------------------------------------------------------------------------

    def _search_later(self, _text: str) -> None:
        self._search_timer.start()

    def _run_search(self) -> None:
        text = self.search.text()
        keep = self.current_activity_id()

        def load(task: Task) -> list[svc.ActivityChoice]:
            with self.db.session() as s:
                return svc.activities_for_certificates(s, text)

        run_task(
            load, on_done=lambda items: self._searched(items, keep), on_error=self._show_error, owner=self
        )

    def _searched(self, items: list[svc.ActivityChoice], keep: str) -> None:
        self._fill_activities(items, keep)
        if self.current_activity_id() and self.current_activity_id() != (
            self.data.activity_id if self.data else ""
        ):
            self.reload_class()

    def _activity_chosen(self, _index: int) -> None:
        self.reload_class()

    def _options_changed(self, *_args: Any) -> None:
        self.render_preview()

    def render_preview(self) -> Task | None:
        """The first certificates of the class as they would print now (nothing is issued)."""
        if self.data is None or self.task is not None:
            return None
        data = self.data
        thai = True if self.thai_digits.isChecked() else None
        engine = self.db.engine
        path = print_folder() / f"preview-{data.activity_code}.pdf"

        def work(task: Task) -> str:
            pdf = svc.preview_for_activity(engine, data.activity_id, data.template_code, thai_digits=thai)
            if pdf is None:
                return ""
            path.write_bytes(pdf)
            return str(path)

        def done(result: str) -> None:
            if self.data is not data:
                return
            if result:
                self.preview.set_pdf(
                    result, self.tr("Preview of the first certificates, nothing issued yet.")
                )
            else:
                self.preview.clear(self.tr("Nobody in this class is due a certificate."))

        return run_task(work, on_done=done, on_error=self._show_error, owner=self)

    def _template_chosen(self, _index: int) -> None:
        self.reload_class()

    def reload_class(self) -> None:
        activity_id = self.current_activity_id()
        if not activity_id:
            self.model.set_entries([])
            return
        self._loading_id = activity_id
        code = str(self.template.currentData() or "")
        run_task(
            lambda task: load_class(self.db, activity_id, code),
            on_done=self._class_loaded,
            on_error=self._show_error,
            owner=self,
        )

    def _class_loaded(self, data: ClassData) -> None:
        if data.activity_id == self._loading_id or not self._loading_id:
            self.show_class(data)

    def _update_buttons(self) -> None:
        busy = self.task is not None
        selected = self.selected_entries() if self.model.entries else []
        states = {entry_state(e) for e in selected}
        self.issue_button.setEnabled(not busy and bool(self.model.entries))
        self.reprint_button.setEnabled(not busy and bool(selected) and states <= {"issued", "override"})
        self.override_button.setEnabled(not busy and bool(selected) and states <= {"none", "due"})
        self.reissue_button.setEnabled(
            not busy and len(selected) == 1 and states <= {"issued", "override", "revoked"}
        )
        self.revoke_button.setEnabled(not busy and bool(selected) and states <= {"issued", "override"})

    def _show_error(self, exc: BaseException) -> None:
        self.message.setObjectName("errorText")
        self.message.setStyleSheet("")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setText(error_text(exc))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _say(self, text: str, rich: bool = False) -> None:
        self.message.setObjectName("okText")
        self.message.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    # --- long work -------------------------------------------------------------------------------------

    def _start(self, fn: Any, on_done: Any, label: str) -> Task:
        self.progress.setRange(0, 0)
        self.progress.setFormat(label)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.message.clear()

        def finished(result: Any) -> None:
            self._stop()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._stop()
            if isinstance(exc, Cancelled):
                self._say(self.tr("Cancelled: nothing was issued or printed."))
            else:
                self._show_error(exc)

        self.task = run_task(fn, on_done=finished, on_error=failed, on_progress=self._progress, owner=self)
        self._update_buttons()
        return self.task

    def _stop(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(
                self.tr("Printing %1 of %2").replace("%1", f"{done:,}").replace("%2", f"{total:,}")
            )

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def _out_path(self, stem: str) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        return print_folder(self.settings) / f"{stem}-{stamp}.pdf"

    def _show_folder(self) -> None:
        folder = str(print_folder(self.settings))
        self.folder_label.setText(self.tr("PDF files go to %1").replace("%1", folder))

    def choose_folder(self) -> None:
        """Let the user choose where printed PDFs go (remembered in the settings)."""
        dialog = QFileDialog(self, self.tr("Folder for printed PDF files"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(str(print_folder(self.settings)))
        dialog.fileSelected.connect(self.set_folder)
        dialog.open()
        self.folder_dialog = dialog

    def set_folder(self, folder: str) -> None:
        if self.settings is None or not folder:
            return
        self.settings.print_folder = folder
        with contextlib.suppress(OSError):
            self.settings.save()
        self._show_folder()

    def _saved_at(self, path: str) -> str:
        """ "The PDF is at …" with a link that opens its folder (HTML)."""
        url = QUrl.fromLocalFile(str(Path(path).parent)).toString()
        text = html.escape(self.tr("The PDF is at %1").replace("%1", path))
        return f"{text} (<a href='{url}'>{html.escape(self.tr('open the folder'))}</a>)"

    def not_over_yet(self, today: dt.date | None = None) -> bool:
        """Whether the activity still has training days ahead: issuing now asks first (issue 11)."""
        today = today or dt.date.today()
        return bool(self.data and self.data.last_day and self.data.last_day > today)

    def _confirm_before_the_end(self) -> bool:
        if self.data is None or not self.not_over_yet():
            return True
        return confirm(
            self,
            self.tr("The activity is not over yet"),
            self.tr(
                "The activity's last day is %1, which has not come yet: certificates issued now would "
                "certify training that has not happened. Issue them anyway?"
            ).replace("%1", format_date(self.data.last_day)),
            self.tr("Issue anyway"),
        )

    def issue_and_print(self) -> Task | None:
        """Issue what is due and print every certificate of the activity into one PDF (worker)."""
        if self.data is None or not self._confirm_before_the_end():
            return None
        data = self.data
        out = self._out_path(data.activity_code)
        thai = True if self.thai_digits.isChecked() else None
        engine = self.db.engine

        def work(task: Task) -> svc.PrintResult:
            try:
                return svc.print_activity(
                    engine,
                    data.activity_code,
                    out,
                    template_code=data.template_code,
                    thai_digits=thai,
                    username=self.username,
                    server_url=self.server_url,
                    progress=task.report,
                    should_stop=lambda: task.cancelled,
                )
            except RenderCancelled:
                raise Cancelled() from None

        return self._start(work, self._printed, self.tr("Issuing…"))

    def _printed(self, result: svc.PrintResult) -> None:
        text = self.tr("Issued %1, reprinted %2: %3 page(s).").replace("%1", str(result.issued))
        text = text.replace("%2", str(result.reprinted)).replace("%3", str(result.pages))
        if result.digits_kept:
            text += " " + self.tr("%1 reprint(s) keep the digits they were first printed with.").replace(
                "%1", str(result.digits_kept)
            )
        if result.files:
            self.last_pdf = str(result.files[0])
            self._say(html.escape(text) + "<br>" + self._saved_at(self.last_pdf), rich=True)
            self.preview.set_pdf(result.files[0])
        else:
            self._say(text)
        self.changed.emit()
        data_changed("certificates", source=self)
        self.reload_class()

    def reprint_selected(self) -> Task | None:
        chosen = [e.certificate.id for e in self.selected_entries() if e.certificate is not None]
        if not chosen or self.data is None:
            return None
        out = self._out_path(self.data.activity_code + "-reprint")

        def work(task: Task) -> int:
            # the file appears only once the print log has committed
            with svc.staged_output() as staged, self.db.session() as s, s.begin():
                ctx = self.ctx_factory(s)
                certs = list(s.scalars(select(Certificate).where(Certificate.id.in_(chosen))))
                certs = svc.sort_like_class_list(s, certs)
                pages, _files = svc.print_certificates(
                    ctx, certs, out, progress=task.report, should_stop=lambda: task.cancelled, staged=staged
                )
            return pages

        def done(pages: int) -> None:
            text = self.tr("Reprinted %1 certificate(s) as first printed.").replace("%1", str(pages))
            self.last_pdf = str(out)
            self._say(html.escape(text) + "<br>" + self._saved_at(self.last_pdf), rich=True)
            self.preview.set_pdf(str(out))
            self.changed.emit()
            data_changed("certificates", source=self)

        return self._start(_cancellable(work), done, self.tr("Printing…"))

    # --- actions that need a reason ------------------------------------------------------------------------

    def _ask(self, title: str, prompt: str, then: Any) -> CertificateReasonDialog:
        dialog = CertificateReasonDialog(title, prompt, self)
        dialog.accepted.connect(lambda: then(dialog.reason.text().strip()))
        dialog.open()
        self.reason_dialog = dialog
        return dialog

    def ask_override(self) -> None:
        names = ", ".join(e.name for e in self.selected_entries()[:3])
        self._ask(
            self.tr("Issue anyway"),
            self.tr("Issue a certificate to %1 although the rule does not allow it. Why?").replace(
                "%1", names
            ),
            self.override_selected,
        )

    def ask_reissue(self) -> None:
        names = ", ".join(e.name for e in self.selected_entries()[:1])
        self._ask(
            self.tr("Re-issue"),
            self.tr("Re-issue the certificate of %1 with today's name and template. Why?").replace(
                "%1", names
            ),
            self.reissue_selected,
        )

    def ask_revoke(self) -> None:
        names = ", ".join(e.name for e in self.selected_entries()[:3])
        self._ask(
            self.tr("Revoke"),
            self.tr("Revoke the certificate of %1? Its QR code will then verify as revoked. Why?").replace(
                "%1", names
            ),
            self.revoke_selected,
        )

    def _write(self, fn: Any, success: str) -> Task:
        def work(task: Task) -> Any:
            with self.db.session() as s, s.begin():
                return fn(s, self.ctx_factory(s))

        def done(_result: Any) -> None:
            self._say(success)
            self.changed.emit()
            data_changed("certificates", source=self)
            self.reload_class()

        return self._start(work, done, self.tr("Saving…"))

    def override_selected(self, reason: str) -> Task | None:
        if self.data is None or not self._confirm_before_the_end():
            return None
        people = [e.person_id for e in self.selected_entries() if e.certificate is None]
        data = self.data
        thai = True if self.thai_digits.isChecked() else None

        def fn(s: Any, ctx: Any) -> None:
            activity = s.get(Activity, data.activity_id)
            tpl = svc.template_by_code(s, data.template_code)
            svc.issue_many(
                ctx,
                activity,
                people,
                tpl,
                override_reason=reason,
                thai_digits=thai,
                server_url=self.server_url,
            )

        return self._write(
            fn, self.tr("Issued %1 certificate(s) by override.").replace("%1", str(len(people)))
        )

    def reissue_selected(self, reason: str) -> Task | None:
        ids = [e.certificate.id for e in self.selected_entries() if e.certificate is not None]
        if not ids:
            return None

        def fn(s: Any, ctx: Any) -> None:
            for cid in ids:
                svc.reissue(ctx, s.get(Certificate, cid), reason, server_url=self.server_url)

        return self._write(fn, self.tr("Re-issued: print it to hand out the new copy."))

    def revoke_selected(self, reason: str) -> Task | None:
        ids = [e.certificate.id for e in self.selected_entries() if e.certificate is not None]
        if not ids:
            return None

        def fn(s: Any, ctx: Any) -> None:
            for cid in ids:
                svc.revoke(ctx, s.get(Certificate, cid), reason)

        return self._write(fn, self.tr("Revoked %1 certificate(s).").replace("%1", str(len(ids))))


def _cancellable(work: Any) -> Any:
    def run(task: Task) -> Any:
        try:
            return work(task)
        except RenderCancelled:
            raise Cancelled() from None

    return run
