"""The result grid's view: the delegates that colour and edit its cells, and `ResultGrid`, the table
that moves by keyboard like a spreadsheet (Enter keeps the value and goes down)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from dipdesk.services.lab import AnalysisRow
from dipdesk.ui.lab.grid_model import ResultModel, _Index, tint, verdict_label


class ColorTextDelegate(QStyledItemDelegate):
    """Draws a cell's ForegroundRole colour (a failed verdict, an overdue date) itself: the theme's style
    sheet sets the item text colour, which would otherwise win over the model's."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if not isinstance(brush, QBrush) or option.state & QStyle.StateFlag.State_Selected:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(4, 0, -4, 0)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(brush.color())
        shown = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(opt.displayAlignment | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.restore()


class TintDelegate(ColorTextDelegate):
    """Paints a row's verdict colour under the cell: the theme's style sheet would hide BackgroundRole."""

    def __init__(self, model: ResultModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if isinstance(brush, QBrush) and not selected:
            painter.fillRect(option.rect, brush)
        elif isinstance(brush, QBrush):  # selected: keep a stripe of the verdict colour visible
            painter.fillRect(option.rect.adjusted(0, 0, 0, -option.rect.height() + 4), brush)
        super().paint(painter, option, index)


class ResultDelegate(TintDelegate):
    """A line editor that shows the live verdict as its background colour while one types."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("resultEditor")
        r = self.model.rows[index.row()]
        if r.is_result and r.a.result_type == "choice":
            completer = QCompleter(list(r.a.choices), editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            editor.setCompleter(completer)
        row = index.row()

        def typed(text: str) -> None:
            self.model.set_preview(row, text)
            self.paint_editor(editor, row)

        editor.textEdited.connect(typed)
        return editor

    def paint_editor(self, editor: QLineEdit, row: int) -> None:
        verdict = self.model.row_verdict(row) if row < len(self.model.rows) else ""
        color = tint(verdict)
        editor.setProperty("verdict", verdict)
        editor.setStyleSheet(
            f"QLineEdit {{ background-color: {color.name()}; }}" if color is not None else ""
        )
        _res, error = self.model.result_of(self.model.rows[row].a)
        editor.setToolTip(error or verdict_label(verdict))

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        if not editor.text():
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        self.paint_editor(editor, index.row())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def destroyEditor(self, editor: QWidget, index: _Index) -> None:
        self.model.clear_preview()
        super().destroyEditor(editor, index)


class ResultGrid(QTableView):
    """The table view: Enter keeps the value and moves down, typing on a row edits its result."""

    def __init__(self, *, per_test: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_model = ResultModel(self)
        self.result_model.per_test = per_test
        self.setModel(self.result_model)
        self.delegate = ResultDelegate(self.result_model, self)
        self.setItemDelegate(TintDelegate(self.result_model, self))
        self.setItemDelegateForColumn(ResultModel.VALUE, self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(34)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setColumnHidden(ResultModel.LAB_NO, not per_test)
        for col, width in (
            (ResultModel.LAB_NO, 150),
            (ResultModel.TEST, 250),
            (ResultModel.VALUE, 130),
            (ResultModel.SHOWN, 150),
            (ResultModel.SPEC, 120),
            (ResultModel.VERDICT, 150),
            (ResultModel.STATE, 120),
        ):
            self.setColumnWidth(col, width)
        self.setMinimumHeight(240)

    # --- moving ---------------------------------------------------------------------------------------

    def next_editable(self, row: int, step: int = 1) -> int:
        n = self.result_model.rowCount()
        r = row + step
        while 0 <= r < n:
            if self.result_model.editable(r):
                return r
            r += step
        return -1

    def go_to(self, row: int, *, edit: bool = False) -> None:
        if row < 0:
            return
        index = self.result_model.index(row, ResultModel.VALUE)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        if edit:
            self.edit(index)

    def start(self) -> None:
        """Put the cursor on the first result still to be entered (or the first row)."""
        first = self.next_editable(-1)
        if first >= 0:
            self.go_to(first)
        elif self.result_model.rowCount():
            self.go_to(0)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter: keep, then go down
            row = self.currentIndex().row()
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            nxt = self.next_editable(row)
            if nxt >= 0:
                self.go_to(nxt)
            return
        super().closeEditor(editor, hint)

    def currentChanged(self, current: _Index, previous: _Index) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and current.column() != ResultModel.VALUE:
            self.setCurrentIndex(self.result_model.index(current.row(), ResultModel.VALUE))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            row = self.currentIndex().row()
            if self.result_model.editable(row):
                self.edit(self.currentIndex())
            else:
                self.go_to(self.next_editable(row))
            return
        super().keyPressEvent(event)

    def selected_analyses(self) -> list[AnalysisRow]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        seen: dict[str, AnalysisRow] = {}
        for r in rows:
            a = self.result_model.rows[r].a
            seen.setdefault(a.id, a)
        return list(seen.values())
