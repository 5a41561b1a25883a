"""Background sync for the GUI (SYNC.md guarantee 9): rounds run by themselves at start-up, on a timer,
when the network comes back, and after a failure with back-off; the user never has to press "sync" twice.

One `BackgroundSync` per main window. Rounds run in a worker (`dipdesk.sync.client.sync_once` never
raises for a failed round); only one at a time: asking for a round while one runs queues exactly one more.
After each round (and every half minute, for edits made meanwhile) it reads `client.status` in a worker
and emits `status_changed`, which the status-bar indicator and the sync page show.

Closing: `shutdown()` asks a running round to stop at its next batch boundary (batches are atomic);
`idle` is emitted once it has, its history row closed as stopped (`client.ROUND_STOPPED`), not failed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from dipdesk.settings import Settings
from dipdesk.sync import backoff
from dipdesk.ui import workers
from dipdesk.ui.db import Database

if TYPE_CHECKING:  # the sync client (httpx, the merge) loads in the first worker that needs it
    from dipdesk.sync import client

log = logging.getLogger(__name__)

START_DELAY_MS = 4_000  # let the window draw first (plus a random spread: `backoff.spread`)
STATUS_EVERY_MS = 30_000  # pending changes made meanwhile show up without a round


class BackgroundSync(QObject):
    """Runs sync rounds without the user: at start, every `settings.sync_interval_minutes`, when the
    network returns, and after a failure with exponential back-off (`dipdesk.sync.backoff`)."""

    status_changed = Signal(object)  # client.SyncStatus
    status_failed = Signal(object)  # the exception: the status could not be read
    round_started = Signal()
    round_finished = Signal(object)  # client.RoundReport
    idle = Signal()  # after `shutdown()`: no round runs any more (emitted at once if none was running)

    def __init__(self, db: Database, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.running = False
        self.failures = 0  # consecutive failed rounds (the back-off attempt)
        self.status: client.SyncStatus | None = None
        self.last_report: client.RoundReport | None = None
        self._again = False
        self._status_loading = False
        self._stopped = False
        self._closing = False
        self.next_round = QTimer(self)
        self.next_round.setSingleShot(True)
        self.next_round.timeout.connect(self.sync_now)
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(STATUS_EVERY_MS)
        self.status_timer.timeout.connect(self.refresh_status)
        self._network: Any = None
        self._task: workers.Task | None = None
        self.round_options: dict[str, Any] = {}  # extra `client.sync_once` arguments (tests: batch sizes)

    # --- control -----------------------------------------------------------------------------------

    def start(self, delay_ms: int | None = None) -> None:
        """Begin: read the status now, a first round shortly, then the timer. By default the first round
        waits `START_DELAY_MS` and a random part of `backoff.SHARED_EVENT_SPREAD_SECONDS`, so offices that
        open together do not all reach the server in the same instant."""
        self._stopped = False
        self.refresh_status()
        self.status_timer.start()
        self._watch_network()
        if delay_ms is None:
            delay_ms = START_DELAY_MS + int(backoff.spread() * 1000)
        self._schedule(delay_ms)

    def resume(self) -> None:
        """Start again after `shutdown` (which was for a restore that did not happen)."""
        self._closing = False
        self.start()

    def stop(self) -> None:
        """No new rounds (a running one goes on; see `shutdown`)."""
        self._stopped = True
        self.next_round.stop()
        self.status_timer.stop()

    def shutdown(self) -> bool:
        """Stop for good, asking a running round to stop at its next batch boundary. Returns True if no
        round runs; else `idle` follows when the round has stopped and recorded where it stopped."""
        self.stop()
        self._closing = True
        if not self.running:
            self.idle.emit()
            return True
        if self._task is not None:
            self._task.cancel()
        return False

    def sync_now(self) -> None:
        """Run a round now (or right after the one running)."""
        if self._stopped:
            return
        if self.running:
            self._again = True
            return
        self.next_round.stop()
        self.running = True
        self._again = False
        self.round_started.emit()
        self._task = workers.run_task(
            self._round, on_done=self._round_done, on_error=self._round_failed, owner=self
        )

    def interval_ms(self) -> int:
        """The regular timer: the set interval, varied by `backoff.INTERVAL_JITTER` either way."""
        minutes = max(1, int(self.settings.sync_interval_minutes or 15))
        return int(backoff.jittered(minutes * 60.0) * 1000)

    # --- worker side -------------------------------------------------------------------------------

    def _round(self, task: workers.Task) -> client.RoundReport | None:
        from dipdesk.sync import client

        engine = self.db.engine
        with engine.connect() as conn:
            enrolled = client.device_state(conn) is not None
        if not enrolled:
            return None  # nothing to do until this computer is enrolled (the sync page says how)
        return client.sync_once(engine, should_stop=lambda: task.cancelled, **self.round_options)

    # --- GUI side ---------------------------------------------------------------------------------

    def _round_done(self, report: client.RoundReport | None) -> None:
        self.running = False
        self._task = None
        if report is not None and report.stopped:
            self.last_report = report
            self.round_finished.emit(report)
        elif report is not None:
            self.last_report = report
            self.failures = 0 if report.ok else self.failures + 1
            self.round_finished.emit(report)
        self._after_round(enrolled=report is not None)

    def _round_failed(self, exc: BaseException) -> None:  # a bug or the local database: try again later
        if not isinstance(exc, workers.Cancelled):
            log.warning("background sync round failed: %s", exc)
            self.failures += 1
        self.running = False
        self._task = None
        self._after_round(enrolled=True)

    def _after_round(self, *, enrolled: bool) -> None:
        if self._closing:
            self.idle.emit()
            return
        self.refresh_status()
        if self._again:
            self._schedule(0)
        elif not enrolled:
            self._schedule(self.interval_ms())
        elif self.failures:
            self._schedule(int(backoff.next_delay(self.failures) * 1000))
        else:
            self._schedule(self.interval_ms())

    def _schedule(self, delay_ms: int) -> None:
        if not self._stopped:
            self.next_round.start(max(0, delay_ms))

    def _read_status(self, _task: workers.Task) -> client.SyncStatus:
        from dipdesk.sync import client

        return client.status(self.db.engine)

    def refresh_status(self) -> None:
        if self._status_loading or self._closing:
            return
        self._status_loading = True
        workers.run_task(
            self._read_status,
            on_done=self._status_read,
            on_error=self._status_failed,
            owner=self,
        )

    def _status_read(self, st: client.SyncStatus) -> None:
        self._status_loading = False
        self.status = st
        self.status_changed.emit(st)

    def _status_failed(self, exc: BaseException) -> None:
        self._status_loading = False
        log.warning("could not read the sync status: %s", exc)
        self.status_failed.emit(exc)

    # --- network -------------------------------------------------------------------------------------

    def _watch_network(self) -> None:
        """Sync as soon as the operating system says the network is back (where Qt can tell)."""
        if self._network is not None:
            return
        try:
            from PySide6.QtNetwork import QNetworkInformation

            feature = QNetworkInformation.Feature.Reachability
            if not QNetworkInformation.loadBackendByFeatures(feature):
                return
            info = QNetworkInformation.instance()
        except (ImportError, RuntimeError, AttributeError):  # no backend on this platform: back-off only
            return
        if info is None:
            return
        self._network = info
        info.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        r = QNetworkInformation.Reachability
        if reachability in (r.Online, r.Site):  # Site: a department server on the office network
            self.network_returned()

    def network_returned(self) -> None:
        """The network is back (also for tests): forget the back-off and sync within a few seconds. The
        network returns for every computer of an office at once, and after an outage for many offices:
        the round starts at a random moment within `backoff.SHARED_EVENT_SPREAD_SECONDS`."""
        self.failures = 0
        if self.running:
            self._again = True
            return
        delay_ms = int(backoff.spread() * 1000)
        if self.next_round.isActive() and self.next_round.remainingTime() <= delay_ms:
            return  # a round comes sooner anyway
        self._schedule(delay_ms)
