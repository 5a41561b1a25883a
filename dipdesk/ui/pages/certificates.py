"""วุฒิบัตร / เกียรติบัตร: certificates for the people of an activity, issued by the rule and signed.

Three tabs: *Issue and print* (the class list of an activity by the eligibility rule, issuing and
printing in a worker with progress and cancel, the PDF preview and the print dialog), *Verify* (a
scanned or pasted QR code checked offline) and *Templates* (the template editor with a live preview).
The first load brings the figures, the activities, the templates and the class list of the most recent
activity, so the page is complete when it says it is ready.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QTabWidget
from sqlalchemy.orm import Session

from dipdesk.services import certificates as svc
from dipdesk.services.context import current_site
from dipdesk.store.certificates import Certificate, CertificatePrint, CertificateTemplate
from dipdesk.ui.attendance.context import context_factory
from dipdesk.ui.certificates.issue_tab import ClassData, IssueTab, load_class
from dipdesk.ui.certificates.templates_tab import TemplateData, TemplatesTab
from dipdesk.ui.certificates.verify_tab import VerifyTab
from dipdesk.ui.pages.base import AreaPage
from dipdesk.ui.pages.records_page import count_rows
from dipdesk.ui.widgets import StatCard, card_grid, format_number
from dipdesk.ui.workers import Task


@dataclass
class CertificatesData:
    counts: dict[str, int] = field(default_factory=dict)
    activities: list[svc.ActivityChoice] = field(default_factory=list)
    templates: list[TemplateData] = field(default_factory=list)
    first_class: ClassData | None = None


def _counts(session: Session) -> dict[str, int]:
    return {
        "issued": count_rows(session, Certificate, Certificate.state == "issued"),
        "overridden": count_rows(
            session, Certificate, Certificate.state == "issued", Certificate.override_reason != ""
        ),
        "revoked": count_rows(session, Certificate, Certificate.state == "revoked"),
        "prints": count_rows(session, CertificatePrint),
        "templates": count_rows(session, CertificateTemplate),
    }


class CertificatesPage(AreaPage):
    view_name = "certificates"
    listens_to = frozenset(
        {"programs", "activities", "people", "enrollments", "attendance", "certificates", "templates"}
    )

    def description(self) -> str:
        return self.tr(
            "Certificates of completion and of participation for the people of an activity. Who receives one "
            "follows the rule (completed, and attendance at the activity's threshold); each has its own serial "
            "number and a signed QR code, and a reprint is an exact copy of what was first printed."
        )

    def build(self) -> None:
        self.cards: dict[str, StatCard] = {
            "issued": StatCard(self.tr("Certificates issued")),
            "revoked": StatCard(self.tr("Revoked certificates")),
            "prints": StatCard(self.tr("Copies printed")),
            "templates": StatCard(self.tr("Certificate templates")),
        }
        self.body.addLayout(card_grid(list(self.cards.values())))

        factory = context_factory(self.env.user, self.env.lang)
        self.tabs = QTabWidget()
        self.issue_tab = IssueTab(
            self.env.db,
            factory,
            self.env.user.username,
            self.env.settings.server_url,
            self.env.lang,
            settings=self.env.settings,
        )
        self.verify_tab = VerifyTab(self.env.db, self.env.lang)
        self.templates_tab = TemplatesTab(self.env.db, factory)
        self.tabs.addTab(self.issue_tab, self.tr("Issue and print"))
        self.tabs.addTab(self.verify_tab, self.tr("Verify a certificate"))
        self.tabs.addTab(self.templates_tab, self.tr("Templates"))
        self.tabs.setMinimumHeight(560)
        self.body.addWidget(self.tabs, 1)
        self.issue_tab.changed.connect(self.refresh_counts)
        self._preview_pending = False
        self._ready_after_preview = False
        self.issue_tab.preview_done.connect(self._preview_shown)
        self.templates_tab.saved.connect(lambda _code: self.reload())

    def fetch(self, task: Task) -> CertificatesData:
        data = CertificatesData()
        with self.env.db.session() as s:
            data.counts = _counts(s)
            task.check()
            data.activities = svc.activities_for_certificates(s)
            site = current_site(s)
            site_id = site.id if site else ""
            data.templates = [TemplateData.of(t, site_id) for t in svc.list_templates(s)]
        task.check()
        if data.activities and data.templates:
            data.first_class = load_class(self.env.db, data.activities[0].id, "")
        return data

    def _mark_ready(self) -> None:
        # ready once the first preview is on screen too (the screenshot command waits for this)
        if self._preview_pending:
            self._ready_after_preview = True
            return
        super()._mark_ready()

    def _preview_shown(self) -> None:
        self._preview_pending = False
        if self._ready_after_preview:
            self._ready_after_preview = False
            super()._mark_ready()

    def show_data(self, data: CertificatesData) -> None:
        self._preview_pending = data.first_class is not None and not self.is_ready
        self._show_counts(data.counts)
        keep = self.issue_tab.current_activity_id()
        self.issue_tab.set_choices(
            data.activities, [(t.code, f"{t.name} ({t.code})") for t in data.templates]
        )
        if keep:
            i = self.issue_tab.activity.findData(keep)
            if i >= 0:
                self.issue_tab.activity.setCurrentIndex(i)
        elif data.first_class is not None:
            self.issue_tab.show_class(data.first_class)
        if not data.templates:
            self.issue_tab.summary.setText(
                self.tr(
                    "There is no certificate template yet: they come from headquarters with the first sync."
                )
            )
        # the editor is reset only when the templates themselves changed: a reload because certificates
        # were issued elsewhere must not throw away what the user is editing
        shown = [(t.id, t.version) for t in data.templates]
        if shown != getattr(self, "_templates_shown", None):
            self._templates_shown = shown
            self.templates_tab.set_templates(data.templates)

    def _show_counts(self, counts: dict[str, int]) -> None:
        for key, card in self.cards.items():
            note = None
            if key == "issued":
                note = self.tr("%1 of them by override").replace(
                    "%1", format_number(counts.get("overridden"))
                )
            card.set_value(format_number(counts.get(key)), note)

    def refresh_counts(self) -> None:
        from dipdesk.ui.workers import run_task

        def load(task: Task) -> dict[str, int]:
            with self.env.db.session() as s:
                return _counts(s)

        run_task(load, on_done=self._show_counts, owner=self)
