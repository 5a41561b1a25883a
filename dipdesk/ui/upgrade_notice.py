"""Telling the user that the database is being upgraded to the new version, on the log-in window.

After an update of dipdesk the first start migrates the database (dipdesk.store.db.open_database): a
copy of the file is taken first, then each migration runs; on a large file (a million people) that takes
minutes, while the log-in window is already shown. The store tells `Database.upgrade_listener` where it
is, in the worker that opens the file; `UpgradeRelay` brings that to the GUI thread and `UpgradeNotice`
shows it: what is happening, step k of n with a busy bar and the time so far, not to switch off, and
where the copy is. A log-in asked for meanwhile waits for the upgrade and then goes on (see LoginDialog).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget


class UpgradeRelay(QObject):
    """Made on the GUI thread; `report` may be called from any thread (it is the store's listener) and
    `progress` is delivered on the GUI thread. `last` is the latest report (None before any)."""

    progress = Signal(object)  # dipdesk.store.db.UpgradeProgress
    _incoming = Signal(object)  # from the worker

    def __init__(self) -> None:
        super().__init__()
        self.last: Any = None
        self.started = 0.0  # time.monotonic() of the first report
        self._incoming.connect(self._arrived)  # queued: the relay lives on the GUI thread

    def report(self, progress: Any) -> None:
        """The store's listener (called in the worker that opens the database)."""
        self._incoming.emit(progress)

    @property
    def upgrading(self) -> bool:
        return self.last is not None and self.last.stage != "done"

    @Slot(object)
    def _arrived(self, progress: Any) -> None:
        if self.last is None:
            self.started = time.monotonic()
        self.last = progress
        self.progress.emit(progress)


class UpgradeNotice(QFrame):
    """The box on the log-in window that says the database is being upgraded (hidden until it is)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upgradeNotice")
        self.progress: Any = None
        self.started = time.monotonic()
        self.closing = False  # the user asked to quit: dipdesk closes when the upgrade is done
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 12)
        box.setSpacing(4)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: a single migration gives no progress of its own
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)  # a thin moving bar: the lines around it are what is read
        self.warning = QLabel()
        self.warning.setObjectName("errorText")
        self.warning.setWordWrap(True)
        self.backup = QLabel()
        self.backup.setObjectName("muted")
        self.backup.setWordWrap(True)
        self.waiting = QLabel()  # a log-in asked for meanwhile: it goes on when the upgrade is done
        self.waiting.setObjectName("okText")
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        for w in (self.title, self.step, self.bar, self.warning, self.backup, self.waiting):
            box.addWidget(w)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._show_step)
        self.hide()

    def follow(self, relay: UpgradeRelay) -> None:
        """Show `relay`'s reports from now on (and the latest one, if an upgrade is under way)."""
        relay.progress.connect(self.show_progress)
        self.started = relay.started or time.monotonic()
        if relay.last is not None:
            self.show_progress(relay.last)

    @property
    def upgrading(self) -> bool:
        return self.progress is not None and self.progress.stage != "done"

    @Slot(object)
    def show_progress(self, progress: Any) -> None:
        if self.progress is None:
            self.started = min(self.started, time.monotonic())
        self.progress = progress
        if self.upgrading:
            self._clock.start()
        else:
            self._clock.stop()
        self.retranslate()
        self.show()

    def set_waiting(self, waiting: bool) -> None:
        """A log-in was asked for during the upgrade (True) or has gone on (False)."""
        self.waiting.setVisible((waiting or self.closing) and self.upgrading)

    def set_closing(self) -> None:
        """The user asked to quit during the upgrade: say that dipdesk closes once it is done."""
        self.closing = True
        self.retranslate()
        self.waiting.setVisible(self.upgrading)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        p = self.progress
        if p is None:
            return
        busy = p.stage != "done"
        self.title.setText(
            self.tr("Updating the database to the new version")
            if busy
            else self.tr("The database has been updated to the new version")
        )
        self._show_step()
        self.bar.setVisible(busy)
        self.warning.setText(
            self.tr("This may take minutes: do not switch off or close dipdesk until it is done.")
        )
        self.warning.setVisible(busy)
        self.backup.setText(
            self.tr("Copy of the database as it was: %1").replace("%1", p.backup.name) if p.backup else ""
        )
        self.backup.setToolTip(str(p.backup) if p.backup else "")  # beside the database, in its folder
        self.backup.setVisible(p.backup is not None)
        self.waiting.setText(
            self.tr("dipdesk will close as soon as the update is done.")
            if self.closing
            else self.tr("Your log-in is accepted: it goes on as soon as the update is done.")
        )
        if not busy:
            self.waiting.hide()

    def _show_step(self) -> None:
        p = self.progress
        if p is None:
            return
        if p.stage == "backup":
            text = self.tr("Saving a copy of the database as it is, first…")
        elif p.stage == "migrate":
            text = self.tr("Step %1 of %2").replace("%1", str(p.step)).replace("%2", str(p.total))
        else:
            text = self.tr("All %1 steps are done.").replace("%1", str(p.total))
        if p.stage != "done":
            seconds = int(time.monotonic() - self.started)
            text += "  ·  " + self.tr("time so far %1").replace("%1", f"{seconds // 60}:{seconds % 60:02d}")
        self.step.setText(text)
