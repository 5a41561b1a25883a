"""The catalog editor: tests and specifications as editable tables, every change validated by the service.

A cell that is changed is sent to `dipdesk.services.lab.update_test` / `update_specification` (in a
worker, audited); the table shows the stored value again only once the service accepted it, and a
refused change shows the service's reason and leaves the old value. Only the lab's head (the role that
may publish) and administrators may change the catalog; others see it read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dipdesk.services import lab
from dipdesk.ui.lab.dialogs import _Form, code_label, product_type_choices

_Index = QModelIndex | QPersistentModelIndex

TEST_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("code", QT_TRANSLATE_NOOP("LabCatalog", "Code")),
    ("name_th", QT_TRANSLATE_NOOP("LabCatalog", "Name (Thai)")),
    ("name_en", QT_TRANSLATE_NOOP("LabCatalog", "Name (English)")),
    ("kind", QT_TRANSLATE_NOOP("LabCatalog", "Kind")),
    ("method", QT_TRANSLATE_NOOP("LabCatalog", "Method")),
    ("standard_ref", QT_TRANSLATE_NOOP("LabCatalog", "Standard")),
    ("unit", QT_TRANSLATE_NOOP("LabCatalog", "Unit")),
    ("result_type", QT_TRANSLATE_NOOP("LabCatalog", "Result type")),
    ("choices", QT_TRANSLATE_NOOP("LabCatalog", "Choices")),
    ("decimals", QT_TRANSLATE_NOOP("LabCatalog", "Decimals")),
    ("lod", QT_TRANSLATE_NOOP("LabCatalog", "LOD")),
    ("upper_limit", QT_TRANSLATE_NOOP("LabCatalog", "Upper limit")),
    ("uncertainty", QT_TRANSLATE_NOOP("LabCatalog", "Uncertainty")),
    ("uncertainty_is_percent", QT_TRANSLATE_NOOP("LabCatalog", "U in %")),
    ("accredited", QT_TRANSLATE_NOOP("LabCatalog", "Accredited")),
    ("fee", QT_TRANSLATE_NOOP("LabCatalog", "Fee (baht)")),
    ("turnaround_days", QT_TRANSLATE_NOOP("LabCatalog", "Days")),
    ("formula", QT_TRANSLATE_NOOP("LabCatalog", "Formula")),
    ("interim_fields", QT_TRANSLATE_NOOP("LabCatalog", "Readings (key:name:unit; …)")),
)
SPEC_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("product_type", QT_TRANSLATE_NOOP("LabCatalog", "Product type")),
    ("test_code", QT_TRANSLATE_NOOP("LabCatalog", "Test")),
    ("min_value", QT_TRANSLATE_NOOP("LabCatalog", "Minimum")),
    ("max_value", QT_TRANSLATE_NOOP("LabCatalog", "Maximum")),
    ("warn_low", QT_TRANSLATE_NOOP("LabCatalog", "Warn below")),
    ("warn_high", QT_TRANSLATE_NOOP("LabCatalog", "Warn above")),
    ("standard", QT_TRANSLATE_NOOP("LabCatalog", "Standard")),
)
BOOL_FIELDS = {"uncertainty_is_percent", "accredited"}
CODED = {"kind", "result_type", "product_type"}  # shown in words, edited as codes


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabCatalog", text)


def test_row(t: Any) -> dict[str, Any]:
    """A catalog test as plain, editable values (lists as the table's text form)."""
    row = {key: getattr(t, key) for key, _ in TEST_COLUMNS if key not in ("choices", "interim_fields")}
    row["id"] = t.id
    row["fee"] = float(t.fee or 0)
    row["choices"] = ", ".join(str(c) for c in t.choices or [])
    row["interim_fields"] = lab.interim_as_text(t.interim_fields or [])
    return row


def spec_row(s: Any, t: Any) -> dict[str, Any]:
    row = {key: getattr(s, key) for key, _ in SPEC_COLUMNS if key != "test_code"}
    row["id"] = s.id
    row["test_code"] = t.code
    row["test_name"] = t.name_th
    return row


def load_catalog(session: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    tests = [test_row(t) for t in lab.catalog_tests(session)]
    specs = [spec_row(s, t) for s, t in lab.catalog_specs(session)]
    return tests, specs


class DictTableModel(QAbstractTableModel):
    """Rows of dicts; an edit is a request (`change_requested`), applied only when the service agrees."""

    change_requested = Signal(str, str, object)  # record id, field, new value

    def __init__(self, columns: tuple[tuple[str, Any], ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        self.editable = False

    def set_rows(self, rows: list[dict[str, Any]], editable: bool) -> None:
        self.beginResetModel()
        self.rows = rows
        self.editable = editable
        self.endResetModel()

    def replace(self, row: dict[str, Any]) -> None:
        for i, r in enumerate(self.rows):
            if r["id"] == row["id"]:
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
                return

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.columns[section][1])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            key = self.columns[index.column()][0]
            f |= Qt.ItemFlag.ItemIsUserCheckable if key in BOOL_FIELDS else Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.columns[index.column()][0]
        value = self.rows[index.row()].get(key)
        if key in BOOL_FIELDS:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if value is None:
                return ""
            if role == Qt.ItemDataRole.DisplayRole and key in CODED:
                return code_label(key, str(value))
            if isinstance(value, float):
                return f"{value:g}" if key != "fee" else f"{value:,.2f}"
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole and key == "test_code":
            return self.rows[index.row()].get("test_name", "")
        if role == Qt.ItemDataRole.ToolTipRole and key in CODED:
            return _tr("Type the code: %1").replace("%1", str(value))
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.editable or not index.isValid():
            return False
        key = self.columns[index.column()][0]
        row = self.rows[index.row()]
        if key in BOOL_FIELDS and role == Qt.ItemDataRole.CheckStateRole:
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            new = str(value).strip()
            if new == str(self.data(index) or ""):
                return False
        else:
            return False
        self.change_requested.emit(row["id"], key, new)
        return False  # shown once the service has accepted it


class _AddTestDialog(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Add a test"))
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name (Thai)"), self.name)
        self.finish()

    def check(self) -> str:
        return (
            ""
            if self.code.text().strip() and self.name.text().strip()
            else self.tr("Type a code and a name.")
        )


class _AddSpecDialog(_Form):
    def __init__(
        self, tests: list[dict[str, Any]], product_types: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Add a specification"))
        # the shipped product types in words, then the lab's own; never a code to guess
        self.product_type = QComboBox()
        for code, label in product_type_choices(product_types):
            self.product_type.addItem(label, code)
        self.test = QComboBox()
        for t in tests:
            self.test.addItem(f"{t['code']}  {t['name_th']}", t["code"])
        self.min_value, self.max_value = QLineEdit(), QLineEdit()
        self.warn_low, self.warn_high = QLineEdit(), QLineEdit()
        self.standard = QLineEdit()
        for label, w in (
            (self.tr("Product type"), self.product_type),
            (self.tr("Test"), self.test),
            (self.tr("Minimum"), self.min_value),
            (self.tr("Maximum"), self.max_value),
            (self.tr("Warn below"), self.warn_low),
            (self.tr("Warn above"), self.warn_high),
            (self.tr("Standard"), self.standard),
        ):
            self.form.addRow(label, w)
        self.finish()

    def check(self) -> str:
        if not self.product_type.currentData():
            return self.tr("Choose a product type.")
        if not (self.min_value.text().strip() or self.max_value.text().strip()):
            return self.tr("Give a minimum or a maximum.")
        return ""

    def value(self) -> dict[str, Any]:
        return {
            "product_type": str(self.product_type.currentData()),
            "test_code": self.test.currentData(),
            "min_value": self.min_value.text(),
            "max_value": self.max_value.text(),
            "warn_low": self.warn_low.text(),
            "warn_high": self.warn_high.text(),
            "standard": self.standard.text().strip(),
        }


class CatalogPanel(QWidget):
    """Tests and specifications of the lab's catalog."""

    message = Signal(str, bool)  # text, is an error

    def __init__(self, write: Callable[..., None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.write = write  # LabOps.write
        self.can_edit = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        outer.addWidget(self.note)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        self.tests_model = DictTableModel(TEST_COLUMNS, self)
        self.specs_model = DictTableModel(SPEC_COLUMNS, self)
        self.tests_view = self._table(self.tests_model)
        self.specs_view = self._table(self.specs_model)
        tests_page, self.add_test = self._page(self.tests_view, self.tr("Add a test…"))
        specs_page, self.add_spec = self._page(self.specs_view, self.tr("Add a specification…"))
        self.remove_spec = QPushButton(self.tr("Remove specification"))
        specs_page.layout().itemAt(0).layout().insertWidget(1, self.remove_spec)  # type: ignore[union-attr]
        self.tabs.addTab(tests_page, self.tr("Tests"))
        self.tabs.addTab(specs_page, self.tr("Specifications"))
        self.add_test.clicked.connect(self._add_test)
        self.add_spec.clicked.connect(self._add_spec)
        self.remove_spec.clicked.connect(self._remove_spec)
        self.tests_model.change_requested.connect(self._change_test)
        self.specs_model.change_requested.connect(self._change_spec)
        self.product_types: list[str] = []

    def _table(self, model: DictTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setWordWrap(False)
        return view

    def _page(self, view: QTableView, add_text: str) -> tuple[QWidget, QPushButton]:
        page = QWidget()
        lay = QVBoxLayout(page)
        row = QHBoxLayout()
        add = QPushButton(add_text)
        row.addWidget(add)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(view, 1)
        return page, add

    def show_catalog(
        self, tests: list[dict[str, Any]], specs: list[dict[str, Any]], can_edit: bool, types: list[str]
    ) -> None:
        self.can_edit = can_edit
        self.product_types = types
        self.tests_model.set_rows(tests, can_edit)
        self.specs_model.set_rows(specs, can_edit)
        for b in (self.add_test, self.add_spec, self.remove_spec):
            b.setEnabled(can_edit)
        self.note.setText(
            self.tr("Double-click a cell to change it; each change is checked and recorded.")
            if can_edit
            else self.tr("The catalog is maintained by the lab's head; you can read it here.")
        )
        self.tests_view.resizeColumnsToContents()
        self.specs_view.resizeColumnsToContents()
        for view in (self.tests_view, self.specs_view):
            for col in range(view.model().columnCount()):
                view.setColumnWidth(col, min(view.columnWidth(col), 260))

    # --- changes through the service ------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        from dipdesk.services.errors import ServiceError

        text = exc.message("th") if isinstance(exc, ServiceError) else str(exc)
        self.message.emit(text, True)

    def _change_test(self, test_id: str, field: str, value: Any) -> None:
        def run(ctx: Any) -> dict[str, Any]:
            test = lab.get_test(ctx.session, test_id)
            lab.update_test(ctx, test, **{field: value})
            return test_row(test)

        def done(row: dict[str, Any]) -> None:
            self.tests_model.replace(row)
            self.message.emit(self.tr("Saved %1").replace("%1", row["code"]), False)

        self.write(run, done, self._failed)

    def _change_spec(self, spec_id: str, field: str, value: Any) -> None:
        def run(ctx: Any) -> dict[str, Any]:
            spec = lab.get_specification(ctx.session, spec_id)
            lab.update_specification(ctx, spec, **{field: value})
            return spec_row(spec, lab.get_test(ctx.session, spec.test_id))

        def done(row: dict[str, Any]) -> None:
            self.specs_model.replace(row)
            self.message.emit(self.tr("Saved"), False)

        self.write(run, done, self._failed)

    def _add_test(self) -> None:
        dialog = _AddTestDialog(self)

        def accepted() -> None:
            code, name = dialog.code.text().strip(), dialog.name.text().strip()

            def run(ctx: Any) -> dict[str, Any]:
                return test_row(lab.create_test(ctx, code=code, name_th=name))

            def done(row: dict[str, Any]) -> None:
                self.tests_model.beginResetModel()
                self.tests_model.rows.append(row)
                self.tests_model.endResetModel()
                self.message.emit(
                    self.tr("Added %1: fill in its method, unit and limits").replace("%1", code), False
                )

            self.write(run, done, self._failed)

        dialog.accepted.connect(accepted)
        dialog.open()
        self.dialog: _Form = dialog

    def _add_spec(self) -> None:
        dialog = _AddSpecDialog(self.tests_model.rows, self.product_types, self)

        def accepted() -> None:
            fields = dialog.value()

            def run(ctx: Any) -> dict[str, Any]:
                spec = lab.create_specification(ctx, **fields)
                return spec_row(spec, lab.get_test(ctx.session, spec.test_id))

            def done(row: dict[str, Any]) -> None:
                self.specs_model.beginResetModel()
                self.specs_model.rows.append(row)
                self.specs_model.endResetModel()
                self.message.emit(self.tr("Specification added"), False)

            self.write(run, done, self._failed)

        dialog.accepted.connect(accepted)
        dialog.open()
        self.dialog = dialog

    def _remove_spec(self) -> None:
        rows = sorted({i.row() for i in self.specs_view.selectionModel().selectedRows()})
        if not rows:
            self.message.emit(self.tr("Select the specification to remove."), True)
            return
        ids = [self.specs_model.rows[r]["id"] for r in rows]

        def run(ctx: Any) -> list[str]:
            for spec_id in ids:
                lab.remove_specification(
                    ctx, lab.get_specification(ctx.session, spec_id), "removed in the catalog"
                )
            return ids

        def done(removed: list[str]) -> None:
            self.specs_model.beginResetModel()
            self.specs_model.rows = [r for r in self.specs_model.rows if r["id"] not in removed]
            self.specs_model.endResetModel()
            self.message.emit(self.tr("Specification removed"), False)

        self.write(run, done, self._failed)
