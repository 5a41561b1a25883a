"""สำรองและกู้คืนข้อมูล: the backup dialog (File menu) and the automatic daily backup.

Every backup and restore runs in a worker (`dipdesk.services.backup` does the work, without Qt); the
dialog shows the backups of the chosen folder, where they go (a second folder: a USB disk, a share),
and restores one after saying what a restore means for work not yet synced. Only an administrator may
restore. After a restore the program closes: the restored database may hold other users and records.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dipdesk.core.thaidate import format_thai_date
from dipdesk.services import backup as svc
from dipdesk.services.errors import ServiceError
from dipdesk.settings import Settings
from dipdesk.ui import workers
from dipdesk.ui.dialogs import confirm

AUTO_FIRST_MS = 90_000  # the first look, a while after start (the start-up work goes first)
AUTO_EVERY_MS = 60 * 60_000  # then hourly: a backup is made when the last one is a day old


def backup_folder(settings: Settings, db_path: Path) -> Path:
    return Path(settings.backup_folder) if settings.backup_folder else svc.default_folder(db_path)


def second_folder(settings: Settings) -> Path | None:
    return Path(settings.backup_second_folder) if settings.backup_second_folder else None


def when_text(taken: datetime, lang: str) -> str:
    if lang == "en":
        return taken.strftime("%d %b %Y %H:%M")
    return f"{format_thai_date(taken.date(), 'medium')} {taken:%H:%M} น."


def _message(exc: BaseException, lang: str) -> str:
    if isinstance(exc, ServiceError):
        return exc.message(lang)
    return str(exc)


class AutoBackup(QObject):
    """The automatic daily backup while dipdesk runs: looks hourly, backs up when a day has passed."""

    done = Signal(object)  # BackupResult
    failed = Signal(str)

    def __init__(self, db_path: Path, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.settings = settings
        self.running = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    def start(self, first_ms: int = AUTO_FIRST_MS) -> None:
        self.timer.start(first_ms)

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        self.timer.start(AUTO_EVERY_MS)
        if self.running or not self.settings.backup_auto:
            return
        self.running = True
        folder, second = backup_folder(self.settings, self.db_path), second_folder(self.settings)
        workers.run_task(
            lambda _t: svc.auto_backup(self.db_path, folder, second_folder=second),
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, result: svc.BackupResult | None) -> None:
        self.running = False
        if result is not None:
            self.done.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.failed.emit(_message(exc, self.settings.language))


class BackupDialog(QDialog):
    """Back up now, the list of backups, where they go, and restore (administrators)."""

    restored = Signal(object)  # RestoreResult: the caller closes the program
    restore_failed = Signal()  # nothing was replaced: the caller lets sync run again

    def __init__(
        self,
        db_path: Path,
        settings: Settings,
        *,
        is_admin: bool,
        lang: str = "th",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.settings = settings
        self.lang = lang
        self.is_admin = is_admin
        self.busy = False
        self.file_dialog: QFileDialog | None = None
        # called with the restore to run once nothing else writes (the main window stops sync first)
        self.prepare_restore: Callable[[Callable[[], None]], None] = lambda go: go()
        self.setWindowTitle(self.tr("Backup and restore"))
        self.resize(900, 600)
        col = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "A backup is a checked copy of this computer's database, taken while dipdesk runs. "
                "Automatic backups are kept for 7 days and 4 weeks; a second folder (a USB disk or a "
                "network share) keeps a copy away from this computer."
            )
        )
        intro.setWordWrap(True)
        col.addWidget(intro)

        form = QFormLayout()
        self.folder = QLineEdit(str(backup_folder(settings, self.db_path)))
        form.addRow(self.tr("Backup folder"), self._with_browse(self.folder))
        self.second = QLineEdit(settings.backup_second_folder)
        self.second.setPlaceholderText(self.tr("none (for example a USB disk)"))
        form.addRow(self.tr("Second folder"), self._with_browse(self.second))
        self.auto = QCheckBox(self.tr("Back up automatically every day"))
        self.auto.setChecked(settings.backup_auto)
        form.addRow("", self.auto)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save backup settings"))
        self.save_button.clicked.connect(self.save_settings)
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form.addRow("", save_row)
        col.addLayout(form)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        col.addWidget(self.table, 1)
        self.backups: list[svc.BackupFile] = []

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check_selected)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_file_button.clicked.connect(self.choose_file)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        for b in (self.backup_button, self.check_button, self.restore_button, self.restore_file_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        col.addLayout(buttons)
        if not is_admin:
            for b in (self.restore_button, self.restore_file_button):
                b.setEnabled(False)
                b.setToolTip(self.tr("Only an administrator may restore a backup."))

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(8)
        self.progress.setTextVisible(False)
        self.progress.hide()
        col.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        col.addWidget(self.status)
        self._selection_changed()
        self.refresh()

    # --- helpers --------------------------------------------------------------------------------------

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda: self._choose_folder(edit))
        row.addWidget(browse)
        return box

    def _choose_folder(self, edit: QLineEdit) -> None:
        dialog = QFileDialog(self, self.tr("Choose a folder"), edit.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(edit.setText)
        dialog.open()
        self.file_dialog = dialog

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for b in (self.backup_button, self.save_button, self.close_button):
            b.setEnabled(not busy)
        self._selection_changed()
        self.restore_file_button.setEnabled(self.is_admin and not busy)
        if text:
            self.show_status(text)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setObjectName("errorText" if error else "okText")
        self.status.style().polish(self.status)
        self.status.setText(text)

    def _selected(self) -> svc.BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self._selected() is not None and not self.busy
        self.check_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen and self.is_admin)

    def _folders(self) -> tuple[Path, Path | None]:
        second = self.second.text().strip()
        return Path(self.folder.text().strip() or svc.default_folder(self.db_path)), Path(
            second
        ) if second else None

    # --- actions --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        folder, _ = self._folders()
        self.backups = svc.list_backups(folder, self.db_path)  # a folder listing: a few dozen names
        self.table.setRowCount(len(self.backups))
        kinds = {"auto": self.tr("automatic"), "manual": self.tr("on demand")}
        for i, b in enumerate(self.backups):
            taken = QTableWidgetItem(when_text(b.taken_at, self.lang))
            taken.setToolTip(str(b.path))
            self.table.setItem(i, 0, taken)
            self.table.setItem(i, 1, QTableWidgetItem(kinds.get(b.kind, b.kind)))
            self.table.setItem(i, 2, QTableWidgetItem(f"{b.size / 1_000_000:,.1f} MB"))
        self._selection_changed()

    def save_settings(self) -> bool:
        s = self.settings
        folder = self.folder.text().strip()
        s.backup_folder = "" if Path(folder) == svc.default_folder(self.db_path) else folder
        s.backup_second_folder = self.second.text().strip()
        s.backup_auto = self.auto.isChecked()
        try:
            s.save()
        except OSError as exc:
            self.show_status(
                self.tr("The settings could not be saved: %1").replace("%1", str(exc)), error=True
            )
            return False
        self.show_status(self.tr("Backup settings saved."))
        self.refresh()
        return True

    def back_up_now(self) -> None:
        folder, second = self._folders()
        self._set_busy(True, self.tr("Backing up…"))
        workers.run_task(
            lambda _t: svc.create_backup(self.db_path, folder, kind="manual", second_folder=second),
            on_done=self._backed_up,
            on_error=self._failed,
            owner=self,
        )

    def _backed_up(self, result: svc.BackupResult) -> None:
        self._set_busy(False)
        self.refresh()
        text = self.tr("Backed up and checked: %1").replace("%1", result.path.name)
        if result.second_path is not None:
            text += "\n" + self.tr("Copy in the second folder: %1").replace("%1", str(result.second_path))
        if result.second_error:
            text += "\n" + self.tr("The second folder was not written: %1").replace("%1", result.second_error)
        self.show_status(text, error=bool(result.second_error))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.show_status(_message(exc, self.lang), error=True)

    def check_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self._set_busy(True, self.tr("Checking…"))
        workers.run_task(
            lambda _t: svc.check_backup(chosen.path, db_path=self.db_path),
            on_done=self._checked,
            on_error=self._failed,
            owner=self,
        )

    def _checked(self, chk: svc.BackupCheck) -> None:
        self._set_busy(False)
        if chk.ok:
            text = self.tr("The backup is sound: site %1, %2 people, schema %3.")
            text = text.replace("%1", chk.site_code or "-").replace("%2", f"{chk.people or 0:,}")
            self.show_status(text.replace("%3", chk.revision or "-"))
        else:
            self.show_status(
                self.tr("This backup cannot be restored:") + "\n" + "\n".join(chk.problems), error=True
            )

    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a backup"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("dipdesk backups (*.sqlite3)"))
        dialog.fileSelected.connect(lambda path: self.restore_file(Path(path)))
        dialog.open()
        self.file_dialog = dialog

    def restore_selected(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.restore_file(chosen.path)

    def restore_file(self, path: Path) -> None:
        if not self.is_admin or self.busy:
            return
        text = self.tr(
            "Replace this computer's database by the backup %1?\n\n"
            "The current database is kept beside it first. Work made after the backup that was already "
            "synced comes back from the server at the next sync; work made after the backup that was "
            "never synced is not in the backup (it stays in the kept copy). dipdesk closes after the "
            "restore; start it again."
        ).replace("%1", path.name)
        if not confirm(self, self.tr("Restore a backup"), text, self.tr("Restore")):
            return
        self._run_restore(path, allow_other_computer=False)

    def _run_restore(self, path: Path, *, allow_other_computer: bool) -> None:
        self._set_busy(True, self.tr("Restoring…"))

        def go() -> None:
            workers.run_task(
                lambda _t: svc.restore_backup(self.db_path, path, allow_other_computer=allow_other_computer),
                on_done=self._restored,
                on_error=lambda exc: self._restore_failed(path, exc),
                owner=self,
            )

        self.prepare_restore(go)

    def _restore_failed(self, path: Path, exc: BaseException) -> None:
        if not isinstance(exc, svc.OtherComputer):
            self._failed(exc)
            self.restore_failed.emit()
            return
        self._set_busy(False)
        text = self.tr(
            "This backup was made on another computer. Restore it here only if that computer is no "
            "longer used (it broke, or this one replaces it): two computers restored from one backup "
            "would sync as one and mix up their changes."
        )
        if confirm(
            self, self.tr("Restore a backup"), text, self.tr("Restore: that computer is no longer used")
        ):
            self._run_restore(path, allow_other_computer=True)
        else:
            self.show_status(_message(exc, self.lang), error=True)
            self.restore_failed.emit()

    def _restored(self, result: svc.RestoreResult) -> None:
        self._set_busy(False)
        self.show_status(self.restore_summary(result))
        self.restored.emit(result)

    def restore_summary(self, result: svc.RestoreResult) -> str:
        lines = [self.tr("Restored from %1.").replace("%1", result.restored_from.name)]
        if result.kept_aside is not None:
            lines.append(
                self.tr("The replaced database is kept as %1.").replace("%1", str(result.kept_aside))
            )
        if result.lost_unsynced:
            lines.append(
                self.tr(
                    "%1 changes made after the backup were never synced: they are not in the restored database."
                ).replace("%1", f"{result.lost_unsynced:,}")
            )
        if result.from_server:
            lines.append(
                self.tr(
                    "%1 changes made after the backup were synced: the next sync brings them back."
                ).replace("%1", f"{result.from_server:,}")
            )
        return "\n".join(lines)
