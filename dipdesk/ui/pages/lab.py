"""ห้องปฏิบัติการทดสอบ: the testing lab's page — worklist, result entry, verification, reports, catalog.

Three tabs: the worklist (samples by state and due date, with the selected sample's results, reports
and steps below it), result entry per test across samples, and the catalog editor. The page acts as
the logged-in user (`env.user`): their role decides which steps are offered, and the services check
again (four-eyes included). Everything touching the database runs in workers (`ui.lab.ops.LabOps`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from dipdesk.services import lab
from dipdesk.services.context import current_site
from dipdesk.ui.flow import FlowLayout
from dipdesk.ui.lab.catalog import CatalogPanel, load_catalog
from dipdesk.ui.lab.delivery_panel import DeliveryPanel
from dipdesk.ui.lab.dialogs import CatalogTest, ReceiveDialog
from dipdesk.ui.lab.entry import ResultEntry, error_text, user_can
from dipdesk.ui.lab.ops import LabOps
from dipdesk.ui.lab.quality import InstrumentsPanel, QualityPanel
from dipdesk.ui.lab.worklist import SampleDetail, SamplePanel, WorklistModel, load_sample, worklist_view
from dipdesk.ui.pages.base import AreaPage
from dipdesk.ui.widgets import tabs_in_sight
from dipdesk.ui.workers import Task

FILTERS = (
    ("open", QT_TRANSLATE_NOOP("LabPage", "In the lab")),
    ("registered", QT_TRANSLATE_NOOP("LabPage", "To receive")),
    ("received", QT_TRANSLATE_NOOP("LabPage", "Received, not started")),
    ("testing", QT_TRANSLATE_NOOP("LabPage", "Testing")),
    ("to_verify", QT_TRANSLATE_NOOP("LabPage", "Results to verify")),
    ("verified", QT_TRANSLATE_NOOP("LabPage", "Verified, report to publish")),
    ("published", QT_TRANSLATE_NOOP("LabPage", "Reported")),
    ("cancelled", QT_TRANSLATE_NOOP("LabPage", "Cancelled")),
    ("all", QT_TRANSLATE_NOOP("LabPage", "All samples")),
)


@dataclass
class LabData:
    counts: dict[str, int]
    items: list[lab.WorkItem]
    first: SampleDetail | None
    tests: list[tuple[str, str, str, int]] = field(default_factory=list)


class LabPage(AreaPage):
    view_name = "lab"
    listens_to = frozenset({"lab", "users"})

    def description(self) -> str:
        return self.tr(
            "Receive samples, enter results, have them verified by a second person, and publish, print and "
            "amend test reports."
        )

    def can(self, permission: str) -> bool:
        return user_can(self.env.user.role, permission)

    # --- building -------------------------------------------------------------------------------------

    def build(self) -> None:
        self.ops = LabOps(self.env, self)
        self.state_filter = "open"
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.summary)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.body.addWidget(self.message_label)

        self.tabs = QTabWidget()
        self.tabs.setMinimumHeight(700)
        self.body.addWidget(self.tabs, 1)

        # worklist + sample
        work = QWidget()
        col = QVBoxLayout(work)
        row = FlowLayout()  # wraps on a small screen instead of cutting the button
        self.filter_box = QComboBox()
        for key, text in FILTERS:
            self.filter_box.addItem(QCoreApplication.translate("LabPage", text), key)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search lab no., request no., customer or sample"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("Receive a new sample…"))
        self.new_button.setEnabled(self.can("lab.receive"))
        row.addWidget(self.filter_box)
        self.search.setMinimumWidth(220)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row.addWidget(self.search)
        row.addWidget(self.new_button)
        col.addLayout(row)
        self.work_model = WorklistModel(self)
        self.work_view = worklist_view(self.work_model)
        self.panel = SamplePanel(self.env, self.ops)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.work_view)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([200, 460])
        col.addWidget(split, 1)
        self.tabs.addTab(work, self.tr("Worklist"))

        # per test
        per_test = QWidget()
        col = QVBoxLayout(per_test)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Test")))
        self.test_box = QComboBox()
        self.test_box.setMinimumWidth(360)
        row.addWidget(self.test_box)
        row.addStretch(1)
        col.addLayout(row)
        self.test_entry = ResultEntry(self.env, self.ops, per_test=True)
        col.addWidget(self.test_entry, 1)
        self.tabs.addTab(per_test, self.tr("Results by test"))

        # catalog
        self.catalog = CatalogPanel(self.ops.write)
        self.tabs.addTab(self.catalog, self.tr("Catalog"))
        self._catalog_loaded = False

        # quality control and instruments (issue 15)
        self.quality = QualityPanel(self.ops, self.can("lab.publish"))
        self.tabs.addTab(self.quality, self.tr("Quality control"))
        self.instruments = InstrumentsPanel(self.ops)
        self.tabs.addTab(self.instruments, self.tr("Instruments and turnaround"))
        self.delivery = DeliveryPanel(self.ops, self.env.settings, self.can("lab.publish"))
        self.tabs.addTab(self.delivery, self.tr("Delivery and disposal"))
        # all six whole at 1366 px, no scroll arrows; on a smaller screen a word or two each
        short = (
            self.tr("Samples", "short tab label"),
            self.tr("Results", "short tab label"),
            self.tr("Catalog", "short tab label"),
            self.tr("QC", "short tab label"),
            self.tr("Instruments", "short tab label"),
            self.tr("Delivery", "short tab label"),
        )
        tabs_in_sight(self.tabs, short)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.reload_worklist)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        self.work_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.new_button.clicked.connect(self.receive_new)
        self.test_box.currentIndexChanged.connect(lambda _i: self.load_test())
        self.tabs.currentChanged.connect(self._tab_changed)
        self.quality.changed.connect(self._after_write)
        for source in (
            self.panel,
            self.test_entry,
            self.catalog,
            self.quality,
            self.instruments,
            self.delivery,
        ):
            source.message.connect(self.show_message)
        self.panel.changed.connect(self._after_write)
        self.test_entry.changed.connect(self._after_write)

    # --- loading --------------------------------------------------------------------------------------

    def fetch(self, task: Task) -> LabData:
        with self.env.db.session() as session:
            counts = lab.lab_counts(session)
            items = lab.worklist(session, state=self.state_filter)
            task.check()
            first = load_sample(session, items[0].sample_id) if items else None
            tests = lab.tests_with_open_work(session)
        return LabData(counts, items, first, tests)

    def show_data(self, data: LabData) -> None:
        self._show_counts(data.counts)
        self._show_items(data.items)
        if data.first is not None and self.panel.wanted is None:
            self.panel.wanted = data.first.sample_id
            self._show_items(data.items)
            self.panel.show_detail(data.first)
        self._show_tests(data.tests)

    def _show_counts(self, c: dict[str, int]) -> None:
        parts = [
            (self.tr("In the lab"), c.get("open", 0)),
            (self.tr("To receive"), c.get("to_receive", 0)),
            (self.tr("Results to verify"), c.get("to_verify", 0)),
            (self.tr("Reports to publish"), c.get("to_publish", 0)),
            (self.tr("Overdue"), c.get("overdue", 0)),
            (self.tr("Reports published"), c.get("reports", 0)),
        ]
        self.counts = c
        self.summary.setText("  ·  ".join(f"{text}: <b>{n:,}</b>" for text, n in parts))

    def _show_items(self, items: list[lab.WorkItem]) -> None:
        selection = self.work_view.selectionModel()
        selection.blockSignals(True)  # keeping the selection must not reload the sample
        self.work_model.set_items(items)
        for i, item in enumerate(items):
            if self.panel.wanted in (item.sample_id, item.lab_no):
                self.work_view.selectRow(i)
                break
        selection.blockSignals(False)

    def _show_tests(self, tests: list[tuple[str, str, str, int]]) -> None:
        current = self.test_box.currentData()
        self.test_box.blockSignals(True)
        self.test_box.clear()
        for test_id, code, name, n in tests:
            self.test_box.addItem(f"{name} ({code}) – {n}", test_id)
        index = self.test_box.findData(current)
        self.test_box.setCurrentIndex(max(0, index))
        self.test_box.blockSignals(False)
        if self.tabs.currentIndex() == 1:
            self.load_test()

    def reload_worklist(self) -> None:
        state, search = self.state_filter, self.search.text()

        def read(session: Session) -> tuple[dict[str, int], list[lab.WorkItem]]:
            return lab.lab_counts(session), lab.worklist(session, state=state, search=search)

        def done(result: tuple[dict[str, int], list[lab.WorkItem]]) -> None:
            self._show_counts(result[0])
            self._show_items(result[1])

        self.ops.read(read, done, lambda exc: self.show_message(error_text(exc), True))

    def _filter_changed(self, _index: int) -> None:
        self.state_filter = self.filter_box.currentData()
        self.reload_worklist()

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if current.isValid() and current.row() < len(self.work_model.items):
            self.panel.load(self.work_model.items[current.row()].sample_id)

    def refresh_after_change(self) -> None:
        """Lab records changed elsewhere (a second user at this computer, a sync round): refresh the
        worklist and the sample on screen, keeping the user's place."""
        self._after_write()
        shown = self.panel.detail.sample_id if self.panel.detail is not None else None
        if shown and self.ops.pending == 0:
            self.panel.load(shown, keep=True)

    def _after_write(self) -> None:
        self.reload_worklist()
        if self.tabs.currentIndex() == 1:
            self.load_test()
        self.ops.read(lab.tests_with_open_work, self._show_tests)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.load_test()
        elif index == 2 and not self._catalog_loaded:
            self.load_catalog()
        elif index == 3:
            self.quality.load()
        elif index == 4:
            self.instruments.load()
        elif index == 5:
            self.delivery.load()

    def select_sample(self, lab_no: str) -> None:
        """Show a sample in the worklist (switching to "All" if the filter hides it) and load it."""
        for i, item in enumerate(self.work_model.items):
            if item.lab_no == lab_no:
                self.work_view.selectRow(i)
                if self.panel.wanted != item.sample_id:  # already the current row: load it anyway
                    self.panel.load(item.sample_id)
                return
        self.panel.load_lab_no(lab_no)

    def load_test(self) -> None:
        test_id = self.test_box.currentData()
        if not test_id:
            self.test_entry.load([], allow_self=False)
            return

        def read(session: Session) -> tuple[list[lab.AnalysisRow], bool]:
            site = current_site(session)
            allow = lab.self_verification_allowed(session, site.id) if site else False
            return lab.open_analyses_of_test(session, test_id), allow

        def done(result: tuple[list[lab.AnalysisRow], bool]) -> None:
            rows, allow = result
            self.test_entry.load(rows, allow_self=allow, keep=True)
            self.test_entry.grid.start()

        self.ops.read(read, done)

    def load_catalog(self) -> None:
        def read(session: Session) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
            tests, specs = load_catalog(session)
            return tests, specs, lab.product_types(session)

        def done(result: tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]) -> None:
            tests, specs, types = result
            self.catalog.show_catalog(tests, specs, self.can(lab.CATALOG_PERMISSION), types)
            self._catalog_loaded = True

        self.ops.read(read, done, lambda exc: self.show_message(error_text(exc), True))

    # --- messages -------------------------------------------------------------------------------------

    def show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setObjectName("errorText" if error else "okText")
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        self.last_message = (text, error)

    # --- receiving a new sample -----------------------------------------------------------------------

    def receive_new(self) -> None:
        def read(session: Session) -> tuple[list[CatalogTest], list[str]]:
            specs: dict[str, set[str]] = {}
            for s, t in lab.catalog_specs(session):
                specs.setdefault(t.id, set()).add(s.product_type)
            tests = [
                CatalogTest(t.id, t.code, t.name_th, float(t.fee or 0), tuple(sorted(specs.get(t.id, ()))))
                for t in lab.catalog_tests(session)
            ]
            return tests, lab.product_types(session)

        def show(result: tuple[list[CatalogTest], list[str]]) -> None:
            self.open_receive_dialog(*result)

        self.ops.read(read, show, lambda exc: self.show_message(error_text(exc), True))

    def open_receive_dialog(self, tests: list[CatalogTest], types: list[str]) -> ReceiveDialog:
        dialog = ReceiveDialog(tests, types, self)
        dialog.accepted.connect(lambda: self._receive(dialog.value()))
        dialog.open()
        self.receive_dialog = dialog
        return dialog

    def _receive(self, r: Any) -> None:
        def run(ctx: Any) -> str:
            request = lab.create_request(
                ctx,
                customer_name=r.customer_name,
                contact_name=r.contact_name,
                contact_phone=r.contact_phone,
                purpose=r.purpose,
                samples=[
                    lab.SampleInput(
                        r.description,
                        r.test_ids,
                        product_type=r.product_type,
                        quantity=r.quantity,
                        storage=r.storage,
                        sampling_date=r.sampling_date,
                    )
                ],
            )
            sample = lab.request_samples(ctx.session, request.id)[0]
            if r.receive_now:
                lab.receive_sample(ctx, sample, condition=r.condition, storage=r.storage)
            return sample.lab_no

        def done(lab_no: str) -> None:
            self.show_message(
                self.tr("Sample %1 registered. Print its receipt and label with “Sample receipt”.").replace(
                    "%1", lab_no
                )
            )
            self.select_sample(lab_no)
            self.reload_worklist()

        self.ops.write(run, done, lambda exc: self.show_message(error_text(exc), True))
