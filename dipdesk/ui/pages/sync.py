"""ซิงค์ข้อมูล: exchanging this computer's records with the department's central server."""

from __future__ import annotations

from sqlalchemy.orm import Session

from dipdesk.services.context import local_value
from dipdesk.store.auth import AuditEntry
from dipdesk.ui.pages.records_page import RecordsData, RecordsPage, count_rows
from dipdesk.ui.widgets import format_stamp

LAST_SYNC_KEY = "last_sync_at"  # LocalState key the sync client writes (ISO time, UTC)


class SyncPage(RecordsPage):
    view_name = "sync"

    def description(self) -> str:
        return self.tr(
            "Exchanging data with the department's central server. This computer works offline: "
            "everything recorded here is kept on this computer until it is sent."
        )

    def cards(self) -> list[tuple[str, str]]:
        return [
            ("last_sync", self.tr("Last synchronised")),
            ("server", self.tr("Central server")),
            ("changes", self.tr("Changes in the audit trail")),
        ]

    def todo_text(self) -> str:
        return self.tr(
            "Synchronisation with the central server is still being built: nothing has been sent yet, "
            "and all data stays on this computer. Back up the database file regularly."
        )

    def count(self, session: Session) -> RecordsData:
        # worker thread: plain values only, the words are chosen in show_data
        return RecordsData(
            counts={
                "last_sync": local_value(session, LAST_SYNC_KEY) or "",
                "server": self.env.settings.server_url.strip(),
                "changes": count_rows(session, AuditEntry),
            }
        )

    def show_data(self, data: RecordsData) -> None:
        last = str(data.counts.get("last_sync") or "")
        server = str(data.counts.get("server") or "")
        data.counts["last_sync"] = format_stamp(last, self.env.lang) if last else self.tr("Never")
        data.counts["server"] = server or self.tr("Not set")
        data.notes["server"] = "" if server else self.tr("Set the address under Settings")
        data.notes["changes"] = self.tr("Every record added, changed or deleted in dipdesk")
        super().show_data(data)
