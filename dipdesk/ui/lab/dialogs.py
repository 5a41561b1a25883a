"""The lab's small dialogs: receive a sample, a reason for a retraction or rejection, an amendment.

They only collect and check what is typed; the page runs the service call in a worker when a dialog
is accepted (they are opened with `open()`, never `exec()`, so the window stays alive).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.kpi import format_baht
from dipdesk.core.thaidate import DateParseError, format_thai_date, parse_date
from dipdesk.store.lab_defaults import PRODUCT_TYPES
from dipdesk.store.lab_defaults import product_type_label as lab_product_type_label
from dipdesk.ui.attendance.fields import DateField
from dipdesk.ui.i18n import current_language

KINDS = {
    "physical": QT_TRANSLATE_NOOP("LabLabels", "Physical"),
    "chemical": QT_TRANSLATE_NOOP("LabLabels", "Chemical"),
    "microbiological": QT_TRANSLATE_NOOP("LabLabels", "Microbiological"),
}
RESULT_TYPES = {
    "numeric": QT_TRANSLATE_NOOP("LabLabels", "Number"),
    "text": QT_TRANSLATE_NOOP("LabLabels", "Text"),
    "choice": QT_TRANSLATE_NOOP("LabLabels", "Choice"),
}


def code_label(field: str, code: str) -> str:
    """Words for a catalog code (kind, result type, product type); unknown codes are shown as they are."""
    if field == "product_type":
        return product_type_label(code)
    names = {"kind": KINDS, "result_type": RESULT_TYPES}.get(field, {})
    return lab_label(names[code]) if code in names else code


def lab_label(text: str) -> str:
    """Translate a `QT_TRANSLATE_NOOP("LabLabels", …)` string."""
    return QCoreApplication.translate("LabLabels", text)


def product_type_label(code: str) -> str:
    """A product type in words (the shipped ones, `store.lab_defaults`); a lab's own type as typed."""
    return lab_product_type_label(code, current_language())


def product_type_choices(extra: list[str] | tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(code, label) of every product type: the shipped ones, then the lab's own (from `extra`)."""
    known = [code for code, _th, _en in PRODUCT_TYPES]
    out = [(code, f"{product_type_label(code)} ({code})") for code in known]
    out += [(code, code) for code in sorted(set(extra)) if code and code not in known]
    return out


@dataclass
class CatalogTest:
    """A catalog entry as the reception dialog offers it."""

    id: str
    code: str
    name_th: str
    fee: float
    product_types: tuple[str, ...] = ()  # product types that have a specification for it


@dataclass
class Reception:
    """What the reception dialog collected."""

    customer_name: str
    contact_name: str
    contact_phone: str
    purpose: str
    description: str
    product_type: str
    quantity: str
    condition: str
    storage: str
    sampling_date: dt.date | None
    test_ids: list[str] = field(default_factory=list)
    receive_now: bool = True


class _Form(QDialog):
    """A dialog with a form, an error line and OK/Cancel; `accept()` runs `check()` first."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # the form scrolls when the screen is short (1366×768, or 125 % scaling); the error line and
        # OK/Cancel stay below it, always on screen
        self.root = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.outer = QVBoxLayout(body)
        self.outer.setContentsMargins(0, 0, 4, 0)
        scroll.setWidget(body)
        self.root.addWidget(scroll, 1)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outer.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.root.addWidget(self.error)
        self.root.addWidget(self.buttons)

    def fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def check(self) -> str:
        """An error message, or "" when the form can be accepted."""
        return ""

    def accept(self) -> None:
        problem = self.check()
        if problem:
            self.fail(problem)
            return
        super().accept()


class ReceiveDialog(_Form):
    """Receive a sample at the counter: customer, the item, its condition, the tests asked for."""

    def __init__(
        self, tests: list[CatalogTest], product_types: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Receive a sample"))
        self.resize(720, 760)
        self.tests = tests
        self.customer = QLineEdit()
        self.contact = QLineEdit()
        self.phone = QLineEdit()
        self.purpose = QLineEdit()
        self.description = QLineEdit()
        self.product_type = QComboBox()
        self.product_type.setEditable(True)
        for code, label in product_type_choices(product_types):
            self.product_type.addItem(label, code)
        self.quantity = QLineEdit()
        self.condition = QLineEdit(self.tr("Normal, sealed"))
        self.storage = QLineEdit(self.tr("Room temperature"))
        # typed the Thai way, in the Buddhist era (04/12/2569), and read back in words beside it
        self.sampling_date = DateField(required=False)
        self.sampling_date.setText(format_thai_date(dt.date.today(), "numeric"))
        self.sampling_known = QCheckBox(self.tr("Sampling date known"))
        self.sampling_known.setChecked(False)
        self.sampling_date.setEnabled(False)
        self.sampling_known.toggled.connect(self.sampling_date.setEnabled)
        sampled = QHBoxLayout()
        sampled.addWidget(self.sampling_known)
        sampled.addWidget(self.sampling_date, 1)
        self.receive_now = QCheckBox(self.tr("The sample is here now: record its reception"))
        self.receive_now.setChecked(True)
        self.receive_now.toggled.connect(self.condition.setEnabled)
        self.test_list = QListWidget()
        self.test_list.setMinimumHeight(220)
        for t in tests:
            item = QListWidgetItem(f"{t.name_th}  ({t.code})  {format_baht(Decimal(str(t.fee)))}")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.test_list.addItem(item)
        self.fee = QLabel()
        self.test_list.itemChanged.connect(lambda _i: self._update_fee())
        self.product_type.currentIndexChanged.connect(lambda _i: self._suggest_tests())
        for label, widget in (
            (self.tr("Customer (enterprise or person)"), self.customer),
            (self.tr("Contact person"), self.contact),
            (self.tr("Phone"), self.phone),
            (self.tr("Purpose"), self.purpose),
            (self.tr("Sample description"), self.description),
            (self.tr("Product type"), self.product_type),
            (self.tr("Quantity"), self.quantity),
            (self.tr("Sampling date"), sampled),
            (self.tr("Condition on receipt"), self.condition),
            (self.tr("Storage"), self.storage),
        ):
            self.form.addRow(label, widget)
        self.form.addRow("", self.receive_now)
        self.outer.addWidget(
            QLabel(self.tr("Tests requested (those with a specification for the product type are ticked)"))
        )
        self.empty_hint = QLabel(
            self.tr(
                "The lab's test catalog is empty, so there is nothing to request yet. Close this window, "
                "open the Catalog tab of the Testing lab page and add the tests the lab offers "
                "(Add a test…), then receive the sample."
            )
        )
        self.empty_hint.setObjectName("errorText")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setVisible(not tests)
        self.outer.addWidget(self.empty_hint)
        self.outer.addWidget(self.test_list, 1)
        self.outer.addWidget(self.fee)
        self.finish()
        self._suggest_tests()

    def _suggest_tests(self) -> None:
        ptype = self.product_type.currentData() or self.product_type.currentText().strip()
        self.test_list.blockSignals(True)
        for i, t in enumerate(self.tests):
            item = self.test_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if ptype in t.product_types else Qt.CheckState.Unchecked)
        self.test_list.blockSignals(False)
        self._update_fee()

    def checked_tests(self) -> list[str]:
        return [
            self.test_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.test_list.count())
            if self.test_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, codes: list[str]) -> None:
        wanted = set(codes)
        for i, t in enumerate(self.tests):
            self.test_list.item(i).setCheckState(
                Qt.CheckState.Checked if t.code in wanted or t.id in wanted else Qt.CheckState.Unchecked
            )

    def _update_fee(self) -> None:
        ids = set(self.checked_tests())
        total = sum((Decimal(str(t.fee)) for t in self.tests if t.id in ids), Decimal(0))
        self.fee.setText(
            self.tr("%1 tests, fee %2 baht").replace("%1", str(len(ids))).replace("%2", format_baht(total))
        )

    def check(self) -> str:
        if not self.customer.text().strip():
            return self.tr("Type the customer's name.")
        if not self.description.text().strip():
            return self.tr("Describe the sample.")
        if not self.tests:
            return self.tr("The test catalog is empty: add the lab's tests on the Catalog tab first.")
        if self.sampling_known.isChecked() and self._sampling_day() is None:
            return self.tr("Type the sampling date as day/month/Buddhist year, e.g. 15/03/2569.")
        if not self.checked_tests():
            return self.tr("Tick at least one test.")
        if self.receive_now.isChecked() and not self.condition.text().strip():
            return self.tr("Describe the condition of the sample on receipt.")
        return ""

    def _sampling_day(self) -> dt.date | None:
        if not self.sampling_known.isChecked():
            return None
        try:
            return parse_date(self.sampling_date.text())
        except DateParseError:
            return None

    def value(self) -> Reception:
        ptype = self.product_type.currentData() or self.product_type.currentText().strip()
        return Reception(
            customer_name=self.customer.text().strip(),
            contact_name=self.contact.text().strip(),
            contact_phone=self.phone.text().strip(),
            purpose=self.purpose.text().strip(),
            description=self.description.text().strip(),
            product_type=str(ptype),
            quantity=self.quantity.text().strip(),
            condition=self.condition.text().strip(),
            storage=self.storage.text().strip(),
            sampling_date=self._sampling_day(),
            test_ids=self.checked_tests(),
            receive_now=self.receive_now.isChecked(),
        )


class ConditionDialog(_Form):
    """Receive a sample registered earlier (with its request): its condition and storage."""

    def __init__(self, lab_no: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Receive sample %1").replace("%1", lab_no))
        self.condition = QLineEdit(self.tr("Normal, sealed"))
        self.storage = QLineEdit(self.tr("Room temperature"))
        self.form.addRow(self.tr("Condition on receipt"), self.condition)
        self.form.addRow(self.tr("Storage"), self.storage)
        self.finish()

    def check(self) -> str:
        return (
            ""
            if self.condition.text().strip()
            else self.tr("Describe the condition of the sample on receipt.")
        )


class ReasonDialog(_Form):
    """Why a result is withdrawn or a test dropped (recorded in the audit trail)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.outer.insertWidget(0, QLabel(prompt))
        self.reason = QPlainTextEdit()
        self.reason.setMinimumHeight(90)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish()

    def check(self) -> str:
        return "" if self.reason.toPlainText().strip() else self.tr("A reason is required.")

    def value(self) -> str:
        return self.reason.toPlainText().strip()


class AmendDialog(_Form):
    """An amended report: what changed and why, and the corrected details (the old report is kept)."""

    FIELDS = (
        ("customer_name", QT_TRANSLATE_NOOP("LabLabels", "Customer")),
        ("contact_name", QT_TRANSLATE_NOOP("LabLabels", "Contact person")),
        ("contact_phone", QT_TRANSLATE_NOOP("LabLabels", "Phone")),
        ("description", QT_TRANSLATE_NOOP("LabLabels", "Sample description")),
        ("quantity", QT_TRANSLATE_NOOP("LabLabels", "Quantity")),
        ("condition", QT_TRANSLATE_NOOP("LabLabels", "Condition on receipt")),
    )

    def __init__(self, report_no: str, current: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Amend report %1").replace("%1", report_no))
        self.resize(620, 480)
        note = QLabel(
            self.tr(
                "An amendment is a new report with a new number that names report %1 and says what changed "
                "and why. Report %1 stays on file, marked as replaced. To correct a result, retract it first "
                "and verify the retest."
            ).replace("%1", report_no)
        )
        note.setWordWrap(True)
        self.outer.insertWidget(0, note)
        self.reason = QPlainTextEdit()
        self.reason.setMinimumHeight(80)
        self.form.addRow(self.tr("What changed and why"), self.reason)
        self.current = current
        self.edits: dict[str, QLineEdit] = {}
        for key, label in self.FIELDS:
            edit = QLineEdit(str(current.get(key) or ""))
            self.edits[key] = edit
            self.form.addRow(lab_label(label), edit)
        self.finish()

    def check(self) -> str:
        return "" if self.reason.toPlainText().strip() else self.tr("Say what changed and why.")

    def corrections(self) -> dict[str, str]:
        return {
            k: e.text().strip()
            for k, e in self.edits.items()
            if e.text().strip() != str(self.current.get(k) or "")
        }

    def value(self) -> str:
        return self.reason.toPlainText().strip()
