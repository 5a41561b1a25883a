"""The class list of an activity as a table: who is eligible, who has a certificate, who was overridden."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from dipdesk.services.certificates import ClassEntry
from dipdesk.ui import theme
from dipdesk.ui.i18n import current_language
from dipdesk.ui.labels import value_label

_Index = QModelIndex | QPersistentModelIndex
EntryRole = Qt.ItemDataRole.UserRole + 1

HEADERS = (
    QT_TRANSLATE_NOOP("ClassList", "No."),
    QT_TRANSLATE_NOOP("ClassList", "Name"),
    QT_TRANSLATE_NOOP("ClassList", "Certificate"),
    QT_TRANSLATE_NOOP("ClassList", "By the rule"),
    QT_TRANSLATE_NOOP("ClassList", "Hours attended"),
    QT_TRANSLATE_NOOP("ClassList", "Enrollment"),
)
COL_CERTIFICATE, COL_RULE = 2, 3
STATES = {
    "due": QT_TRANSLATE_NOOP("ClassList", "Due: not issued yet"),
    "issued": QT_TRANSLATE_NOOP("ClassList", "Issued %1"),
    "override": QT_TRANSLATE_NOOP("ClassList", "Issued %1 (override)"),
    "revoked": QT_TRANSLATE_NOOP("ClassList", "Revoked %1"),
    "none": QT_TRANSLATE_NOOP("ClassList", "Not eligible"),
    "eligible": QT_TRANSLATE_NOOP("ClassList", "Eligible"),
}


def _t(text: object) -> str:
    return QCoreApplication.translate("ClassList", str(text))


def entry_state(e: ClassEntry) -> str:
    """due | issued | override | revoked | none"""
    cert = e.certificate
    if cert is None:
        return "due" if e.eligibility.eligible else "none"
    if cert.state == "revoked":
        return "revoked"
    return "override" if cert.override_reason else "issued"


def _hours(e: ClassEntry) -> str:
    if e.total <= 0:
        return "–"
    att = f"{e.attended.normalize():f}"
    tot = f"{e.total.normalize():f}"
    pct = e.attended * 100 / e.total
    return f"{att} / {tot} ({pct:.0f}%)"


class ClassListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[ClassEntry] = []

    def set_entries(self, entries: list[ClassEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _t(HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role == EntryRole:
            return e
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(index.row() + 1)
            if col == 1:
                return e.name
            if col == COL_CERTIFICATE:
                text = _t(STATES[entry_state(e)])
                return text.replace("%1", e.certificate.serial) if e.certificate else text
            if col == COL_RULE:
                if e.eligibility.eligible:
                    return _t(STATES["eligible"])
                return (
                    e.eligibility.explain_th() if current_language() == "th" else e.eligibility.explain_en()
                )
            if col == 4:
                return _hours(e)
            if col == 5:
                return value_label(e.status)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CERTIFICATE and e.certificate is not None:
            cert = e.certificate
            if cert.state == "revoked":
                return cert.revoked_reason
            if cert.override_reason:
                return cert.override_reason
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_CERTIFICATE, COL_RULE):
            c = theme.colors(theme.current_theme())
            state = entry_state(e)
            if col == COL_RULE:
                return QColor(c["success"] if e.eligibility.eligible else c["mutedTextColor"])
            if state in ("revoked",):
                return QColor(c["danger"])
            if state == "due":
                return QColor(c["primaryColor"])
            if state in ("issued", "override"):
                return QColor(c["success"])
        return None
