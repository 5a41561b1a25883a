"""The result grid's model: one row per analysis (and per reading of a calculated test), what typing
into a row means (read live through `dipdesk.core.labresults`, calculated results followed live), its
verdict tint, and which rows can be edited. No widget here."""

from __future__ import annotations

from dataclasses import dataclass
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
from PySide6.QtGui import QBrush, QColor, QFont

from dipdesk.core import labresults as lr
from dipdesk.services.lab import COUNTING, AnalysisRow
from dipdesk.ui import theme
from dipdesk.ui.labels import value_label

_Index = QModelIndex | QPersistentModelIndex

VERDICTS = {
    "pass": QT_TRANSLATE_NOOP("LabGrid", "Pass"),
    "warning": QT_TRANSLATE_NOOP("LabGrid", "Pass – near the limit"),
    "fail": QT_TRANSLATE_NOOP("LabGrid", "Fail"),
    "inconclusive": QT_TRANSLATE_NOOP("LabGrid", "Inconclusive"),
    "no_spec": QT_TRANSLATE_NOOP("LabGrid", "No specification"),
    "pending": "",
}


def _names(formula: str) -> set[str]:
    try:
        return lr.formula_names(formula)
    except lr.FormulaError:
        return set()


def verdict_label(verdict: str) -> str:
    text = VERDICTS.get(verdict, verdict)
    return QCoreApplication.translate("LabGrid", text) if text else ""


def tint(verdict: str, dark: bool | None = None) -> QColor | None:
    """Row colour of a verdict (or of a value that cannot be read): red, amber, or none."""
    if dark is None:
        dark = theme.current_theme() == "dark"
    if verdict in ("fail", "error"):
        return QColor("#5c2323") if dark else QColor("#ffd6d6")
    if verdict in ("warning", "inconclusive"):
        return QColor("#5a4a1a") if dark else QColor("#fff0c2")
    return None


@dataclass
class GridRow:
    """A row: the result of an analysis (``key == ""``) or one reading of a calculated test."""

    a: AnalysisRow
    key: str = ""
    label: str = ""
    unit: str = ""

    @property
    def is_result(self) -> bool:
        return not self.key

    @property
    def calculated(self) -> bool:
        return bool(self.a.formula)


class ResultModel(QAbstractTableModel):
    """The grid's rows; it keeps what was typed (committed and being typed) and judges it live."""

    LAB_NO, TEST, VALUE, SHOWN, SPEC, VERDICT, STATE, PEOPLE = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("LabGrid", "Lab no."),
        QT_TRANSLATE_NOOP("LabGrid", "Test"),
        QT_TRANSLATE_NOOP("LabGrid", "Result (as typed)"),
        QT_TRANSLATE_NOOP("LabGrid", "Shown as"),
        QT_TRANSLATE_NOOP("LabGrid", "Specification"),
        QT_TRANSLATE_NOOP("LabGrid", "Verdict"),
        QT_TRANSLATE_NOOP("LabGrid", "Status"),
        QT_TRANSLATE_NOOP("LabGrid", "Entered / verified by"),
    )

    edited = Signal(str)  # an analysis whose typed result or readings were committed
    previewed = Signal(int)  # a row's live verdict changed while typing

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[GridRow] = []
        self.per_test = False  # one test across samples: the Test column names the sample instead
        self.can_enter = False
        self.typed: dict[tuple[str, str], str] = {}  # (analysis id, reading key or "") -> text
        self._preview: tuple[int, str] | None = None
        self.saving: set[str] = set()
        self.save_errors: dict[str, str] = {}

    # --- content --------------------------------------------------------------------------------------

    def set_analyses(self, analyses: list[AnalysisRow], *, can_enter: bool, keep_typed: bool = False) -> None:
        self.beginResetModel()
        self.can_enter = can_enter
        self.rows = []
        for a in analyses:
            if a.formula and a.interim_fields:
                for key, name, unit in a.interim_fields:
                    self.rows.append(GridRow(a, key, name, unit))
            self.rows.append(GridRow(a, "", a.name_th, a.unit))
        live = {a.id for a in analyses}
        if keep_typed:
            # keep only what is still unsaved for rows that can still be entered
            editable = {a.id for a in analyses if a.editable}
            self.typed = {k: v for k, v in self.typed.items() if k[0] in live and k[0] in editable}
        else:
            self.typed = {}
        self.save_errors = {k: v for k, v in self.save_errors.items() if k in live and keep_typed}
        self._preview = None
        self.endResetModel()

    def update_analysis(self, fresh: AnalysisRow, saved: dict[tuple[str, str], str]) -> None:
        """An analysis was saved: show its stored state; forget what was typed if it is what was saved
        (text typed again meanwhile stays, and is saved next)."""
        for r in self.rows:
            if r.a.id == fresh.id:
                r.a = fresh
        for key, text in saved.items():
            if self.typed.get(key) == text:
                del self.typed[key]
        self.saving.discard(fresh.id)
        self.save_errors.pop(fresh.id, None)
        row = self.row_of(fresh.id)
        if row >= 0:
            self._changed_around(row)

    def refresh_analysis(self, fresh: AnalysisRow) -> None:
        """Another save changed this analysis as stored (a calculated result recomputed): show it."""
        for r in self.rows:
            if r.a.id == fresh.id:
                r.a = fresh
        row = self.row_of(fresh.id)
        if row >= 0:
            self._changed_around(row)

    def save_failed(self, analysis_id: str, message: str) -> None:
        self.saving.discard(analysis_id)
        self.save_errors[analysis_id] = message
        row = self.row_of(analysis_id)
        if row >= 0:
            self._changed_around(row)

    def analyses(self) -> list[AnalysisRow]:
        return [r.a for r in self.rows if r.is_result]

    def row_of(self, analysis_id: str, key: str = "") -> int:
        for i, r in enumerate(self.rows):
            if r.a.id == analysis_id and r.key == key:
                return i
        return -1

    def editable(self, row: int) -> bool:
        if not 0 <= row < len(self.rows) or not self.can_enter:
            return False
        r = self.rows[row]
        return r.a.editable and (not r.is_result or not r.calculated)

    # --- typing ---------------------------------------------------------------------------------------

    def text_of(self, row: int) -> str:
        """What the Result cell holds: the text being typed, else what was typed, else what is stored."""
        r = self.rows[row]
        if self._preview is not None and self._preview[0] == row:
            return self._preview[1]
        key = (r.a.id, r.key)
        if key in self.typed:
            return self.typed[key]
        if r.key:
            v = r.a.interim.get(r.key)
            return "" if v is None else f"{v:g}" if isinstance(v, (int, float)) else str(v)
        if r.calculated:
            res, _err = self.result_of(r.a)
            return "" if res is None or res.value is None else f"{res.value:.6g}"
        return r.a.value_text

    def set_preview(self, row: int, text: str) -> None:
        """The editor's text as it is being typed: judged live, not yet kept."""
        self._preview = (row, text)
        self._changed_around(row)
        self.previewed.emit(row)

    def clear_preview(self) -> None:
        if self._preview is not None:
            row = self._preview[0]
            self._preview = None
            if row < len(self.rows):
                self._changed_around(row)

    def _changed_around(self, row: int) -> None:
        """A typed value changed: its row, the calculated result it feeds and the calculated results that
        use that result (in the same sample, however far down the grid) are redrawn."""
        a = self.rows[row].a
        for ids in ({a.id}, {d.id for d in self.dependents_of(a)}):
            rows = [i for i, r in enumerate(self.rows) if r.a.id in ids]
            if rows:
                self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.columnCount() - 1))

    def _counting_others(self, a: AnalysisRow) -> list[AnalysisRow]:
        """The sample's other analyses whose results count (a retracted one gave way to its retest)."""
        return [
            o for o in self.analyses() if o.sample_id == a.sample_id and o.id != a.id and o.state in COUNTING
        ]

    def dependents_of(self, a: AnalysisRow) -> list[AnalysisRow]:
        """The calculated analyses on screen that use this analysis's result, directly or not."""
        out: list[AnalysisRow] = []
        seen = {a.id}
        frontier = {lr.variable_name(a.code)}
        while frontier:
            step = [
                o
                for o in self._counting_others(a)
                if o.id not in seen and o.formula and _names(o.formula) & frontier
            ]
            seen.update(o.id for o in step)
            out += step
            frontier = {lr.variable_name(o.code) for o in step}
        return out

    def _typed_text(self, a: AnalysisRow, key: str) -> str | None:
        row = self.row_of(a.id, key)
        if self._preview is not None and self._preview[0] == row:
            return self._preview[1]
        return self.typed.get((a.id, key))

    def readings_of(self, a: AnalysisRow) -> tuple[dict[str, float | None], str | None]:
        """A calculated test's readings as numbers (typed or stored), and the first reading error."""
        out: dict[str, float | None] = {}
        error = None
        for key, name, _unit in a.interim_fields:
            text = self._typed_text(a, key)
            if text is None:
                v = a.interim.get(key)
                out[key] = float(v) if isinstance(v, (int, float)) else None
                continue
            if not text.strip():
                out[key] = None
                continue
            try:
                out[key] = lr.parse_number(text)
            except lr.ResultError as exc:
                out[key] = None
                error = error or f"{name}: {exc.message_th}"
        return out, error

    def result_of(
        self, a: AnalysisRow, _seen: frozenset[str] = frozenset()
    ) -> tuple[lr.Result | None, str | None]:
        """The analysis's result as things stand on screen (None with a message when it cannot be read).

        A calculated result uses its readings and the sample's other results as typed, calculated ones
        included (a cycle of formulas gives no value rather than endless recursion)."""
        if a.formula:
            readings, error = self.readings_of(a)
            if error:
                return None, error
            variables: dict[str, float | None] = dict(readings)
            seen = _seen | {a.id}
            for other in self._counting_others(a):
                res, _e = (lr.EMPTY, None) if other.id in seen else self.result_of(other, seen)
                variables[lr.variable_name(other.code)] = res.value if res is not None else None
            needed = _names(a.formula)
            if needed - variables.keys() and not any(self._typed_text(a, k) is not None for k in readings):
                # a result it uses is not on screen (one test across samples): show what was stored
                return a.result, None
            if any(variables.get(n) is None for n in needed):
                return lr.EMPTY, None
            try:
                value = lr.evaluate_formula(a.formula, variables)
            except lr.FormulaError as exc:
                return None, exc.message_th
            return lr.parse_result(f"{value:.10g}", lod=a.lod, upper=a.upper), None
        text = self._typed_text(a, "")
        if text is None:
            return a.result, None
        try:
            return lr.parse_result(
                text, result_type=a.result_type, choices=a.choices, lod=a.lod, upper=a.upper
            ), None
        except lr.ResultError as exc:
            return None, exc.message_th

    def verdict_of(self, a: AnalysisRow) -> str:
        result, error = self.result_of(a)
        if error or result is None:
            return "error"
        if a.result_type != "numeric":
            return "pending" if result.empty else "no_spec"
        return lr.judge(result, a.spec, decimals=a.decimals)

    def row_verdict(self, row: int) -> str:
        return self.verdict_of(self.rows[row].a)

    def shown_text(self, a: AnalysisRow) -> str:
        result, error = self.result_of(a)
        if error or result is None or result.empty:
            return ""
        shown = lr.format_result(
            value=result.value,
            flag=result.flag,
            text=result.text,
            decimals=a.decimals,
            lod=a.lod,
            upper=a.upper,
            result_type=a.result_type,
        )
        return f"{shown} {a.unit}".strip() if a.result_type == "numeric" else shown

    def commit(self, row: int, text: str) -> None:
        """Keep what was typed in a row (Enter or leaving the cell) and ask for it to be saved."""
        r = self.rows[row]
        self._preview = None
        key = (r.a.id, r.key)
        old = self.text_of(row)
        self.typed[key] = text.strip()
        self._changed_around(row)
        if text.strip() != old.strip():
            self.save_errors.pop(r.a.id, None)
            self.edited.emit(r.a.id)

    def pending_save(
        self, analysis_id: str
    ) -> tuple[str | None, dict[str, str] | None, dict[tuple[str, str], str]]:
        """What to save for an analysis: (result text, or None for a calculated one; its readings, or None;
        the typed values this save covers)."""
        a = self.rows[self.row_of(analysis_id)].a
        snapshot = {k: v for k, v in self.typed.items() if k[0] == analysis_id}
        if a.formula:
            return None, {k[1]: v for k, v in snapshot.items() if k[1]}, snapshot
        return snapshot.get((a.id, ""), a.value_text), None, snapshot

    def unreadable(self) -> list[str]:
        """Analyses whose typed value cannot be read (they are not saved until corrected)."""
        return [a.id for a in self.analyses() if a.editable and self.result_of(a)[1]]

    # --- Qt model ---------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if self.per_test and section == self.TEST:
                return QCoreApplication.translate("LabGrid", "Sample")
            return QCoreApplication.translate("LabGrid", self.HEADERS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.VALUE and self.editable(index.row()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        a, col = r.a, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(index.row(), r, col, role)
        if role == Qt.ItemDataRole.BackgroundRole:
            if a.state in ("retracted", "rejected"):
                return None
            color = tint(self.verdict_of(a))
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if a.state in ("retracted", "rejected") or (not r.is_result and col != self.VALUE):
                return QBrush(QColor(theme.colors(theme.current_theme())["mutedTextColor"]))
            if col == self.VERDICT and self.verdict_of(a) in ("fail", "error"):
                return QBrush(QColor(theme.colors(theme.current_theme())["danger"]))
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if a.state in ("retracted", "rejected"):
                font.setStrikeOut(col == self.VALUE)
                font.setItalic(True)
                return font
            if r.is_result and col in (self.TEST, self.VERDICT) and self.verdict_of(a) == "fail":
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.VALUE, self.SHOWN, self.SPEC):
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: int, r: GridRow, col: int, role: int) -> Any:
        a = r.a
        if col == self.LAB_NO:
            return a.lab_no if r.is_result else ""
        if col == self.TEST:
            if self.per_test and r.is_result:
                return a.sample
            if not r.is_result:
                unit = f" ({r.unit})" if r.unit else ""
                return f"    ↳ {r.label}{unit}"
            mark = " ↻" if a.retest else ""
            return f"{a.name_th}{mark}"
        if col == self.VALUE:
            text = self.text_of(row)
            if role == Qt.ItemDataRole.EditRole:
                return text
            if r.is_result and r.calculated:
                return f"= {text}" if text else "="
            if r.is_result and not text and a.flag:  # a result kept only as a flag
                return self.shown_text(a)
            return text
        if not r.is_result:
            return ""
        if col == self.SHOWN:
            _result, error = self.result_of(a)
            if error:
                return f"⚠ {error}"
            return self.shown_text(a)
        if col == self.SPEC:
            return lr.format_spec(a.spec)
        if col == self.VERDICT:
            v = self.verdict_of(a)
            return "" if v == "error" else verdict_label(v)
        if col == self.STATE:
            if a.id in self.saving:
                return QCoreApplication.translate("LabGrid", "Saving…")
            if a.id in self.save_errors:
                return QCoreApplication.translate("LabGrid", "Not saved")
            return value_label(a.state)
        if col == self.PEOPLE:
            if a.verified_by:
                return f"{a.submitted_by} → {a.verified_by}"
            return a.submitted_by
        return None

    def _tooltip(self, r: GridRow) -> str:
        a = r.a
        lines = [f"{a.name_th} ({a.code})", a.method]
        if a.lod is not None:
            lines.append(f"LOD {lr.format_result(value=a.lod, decimals=a.decimals)}")
        if a.formula:
            lines.append(f"= {a.formula}")
        if a.spec is not None and a.spec.standard:
            lines.append(a.spec.standard)
        _res, error = self.result_of(a)
        if error:
            lines.append(f"⚠ {error}")
        if a.id in self.save_errors:
            lines.append(f"⚠ {self.save_errors[a.id]}")
        if a.remarks:
            lines.append(a.remarks)
        return "\n".join(x for x in lines if x)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.VALUE or not self.editable(index.row()):
            return False
        self.commit(index.row(), str(value))
        return True
