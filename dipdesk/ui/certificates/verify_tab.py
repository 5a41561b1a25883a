"""ตรวจสอบ: check a certificate's QR code offline, typed by a scanner (it types, then presses Enter) or
pasted. The signature is checked against the issuing site's public key; where this database knows the
certificate, revocation and re-issue are checked too."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from dipdesk.core.thaidate import format_thai_date
from dipdesk.services import certificates as svc
from dipdesk.ui import icons, theme
from dipdesk.ui.attendance.enroll_dialog import error_text
from dipdesk.ui.db import Database
from dipdesk.ui.workers import Task, run_task


class VerifyTab(QWidget):
    def __init__(self, db: Database, lang: str = "th", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.result: svc.Verification | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 12, 0, 0)
        intro = QLabel(
            self.tr(
                "Scan the QR code on a certificate with a barcode scanner into the box below, or paste its "
                "text. dipdesk checks the signature of the issuing site without a network."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        outer.addWidget(intro)
        row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("DC1:… or https://…/verify/…"))
        self.code.setClearButtonEnabled(True)
        self.code.returnPressed.connect(self.verify)
        row.addWidget(self.code, 1)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.clicked.connect(self.verify)
        row.addWidget(self.verify_button)
        outer.addLayout(row)

        self.box = QFrame()
        self.box.setObjectName("emptyState")
        box_lay = QHBoxLayout(self.box)
        box_lay.setContentsMargins(16, 14, 16, 14)
        self.icon = QLabel()
        self.icon.setFixedSize(40, 40)
        box_lay.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box_lay.addWidget(self.verdict, 1)
        self.box.hide()
        outer.addWidget(self.box)
        outer.addStretch(1)

    def verify(self) -> Task | None:
        text = self.code.text().strip()
        if not text:
            return None
        self.verify_button.setEnabled(False)

        def work(task: Task) -> svc.Verification:
            with self.db.session() as s:
                return svc.verify(s, text)

        return run_task(work, on_done=self.show_result, on_error=self._failed, owner=self)

    def show_result(self, result: svc.Verification) -> None:
        self.verify_button.setEnabled(True)
        self.result = result
        c = theme.colors(theme.current_theme())
        color = c["success"] if result.ok else c["danger"]
        self.icon.setPixmap(icons.render("info" if result.ok else "warning", 40, color))
        title = self.tr("Genuine") if result.ok else self.tr("Not genuine")
        e = html.escape
        lines = [f"<p style='font-size: 18pt; font-weight: bold; color: {color}'>{e(title)}</p>"]
        if not result.ok or not result.known_here:  # why not, or what could not be checked here
            lines.append(f"<p>{e(result.message(self.lang))}</p>")
        p = result.payload
        if p is not None and not result.claims_verified:
            # the check failed: what the code says is a claim, not a fact; shown apart, greyed and labelled
            heading = self.tr("What the code claims (unverified)")
            warning = self.tr("This is not confirmed by a valid signature: do not rely on it.")
            muted = c["mutedTextColor"]
            lines.append(
                f"<p style='margin-top: 10px'><b>{e(heading)}</b><br>"
                f"<span style='color: {muted}'>{e(warning)}</span></p>"
            )
            claims = (
                (self.tr("Serial"), p.serial),
                (self.tr("Holder"), p.holder),
                (self.tr("Activity"), p.activity),
                (self.tr("Issued on"), format_thai_date(p.issued_on)),
                (self.tr("Site code"), p.site_code),
            )
            lines.append(f"<table cellspacing='0' cellpadding='3' style='color: {muted}'>")
            lines += [f"<tr><td>{e(k)}&nbsp;&nbsp;</td><td><i>{e(v)}</i></td></tr>" for k, v in claims]
            lines.append("</table>")
        elif p is not None:
            if not result.ok:
                as_issued = self.tr("As issued (no longer valid)")
                lines.append(f"<p style='margin-top: 10px'><b>{e(as_issued)}</b></p>")
            facts = (
                (
                    self.tr("Serial"),
                    p.serial + (f" ({self.tr('revision')} {p.revision})" if p.revision > 1 else ""),
                ),
                (self.tr("Holder"), p.holder),
                (self.tr("Activity"), p.activity),
                (self.tr("Issued on"), format_thai_date(p.issued_on)),
                (self.tr("Issued by"), result.site_name or p.site_code),
            )
            lines.append("<table cellspacing='0' cellpadding='3'>")
            lines += [f"<tr><td><b>{e(k)}</b>&nbsp;&nbsp;</td><td>{e(v)}</td></tr>" for k, v in facts]
            lines.append("</table>")
        self.verdict.setText("".join(lines))
        self.box.show()
        self.code.selectAll()

    def _failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.verdict.setText(html.escape(error_text(exc)))
        self.box.show()
