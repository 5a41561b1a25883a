"""Result entry with its actions: the grid, saving as one types, submit, verify (four-eyes), retract, reject.

Used twice: per sample (under the worklist) and per test across samples. Each committed value is saved
at once through `services.lab.set_result` (queued, in order, in a worker); a value that cannot be read
stays on screen in red and is not saved until corrected. Verification takes a reviewed selection, shows
what will be verified, and never offers the user's own results unless the lab allows self-verification.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from dipdesk.services import lab
from dipdesk.services.auth import PERMISSIONS
from dipdesk.services.errors import ServiceError
from dipdesk.ui.lab.dialogs import ReasonDialog
from dipdesk.ui.lab.grid import ResultGrid

if TYPE_CHECKING:
    from dipdesk.ui.lab.ops import LabOps
    from dipdesk.ui.pages.base import PageEnv


def user_can(role: str, permission: str) -> bool:
    allowed = PERMISSIONS.get(role, frozenset())
    return "*" in allowed or permission in allowed


def error_text(exc: BaseException) -> str:
    return exc.message("th") if isinstance(exc, ServiceError) else str(exc)


class ResultEntry(QWidget):
    """A result grid and the buttons that move its analyses through the workflow."""

    changed = Signal()  # a workflow step was written: the owner reloads
    saved = Signal(str)  # a result was saved (its sample id): the sample's state may have moved on
    message = Signal(str, bool)  # text, is an error

    def __init__(
        self, env: PageEnv, ops: LabOps, *, per_test: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.ops = ops
        self.allow_self = False
        self.sample_open = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.submit_button = QPushButton(self.tr("Submit results"))
        self.submit_button.setToolTip(self.tr("Send every entered result for verification"))
        self.verify_button = QPushButton(self.tr("Verify selected…"))
        self.verify_button.setToolTip(
            self.tr("Verify the results you selected and reviewed (another person's)")
        )
        self.retract_button = QPushButton(self.tr("Retract…"))
        self.retract_button.setToolTip(self.tr("Withdraw a result; a retest takes its place"))
        self.reject_button = QPushButton(self.tr("Reject test…"))
        self.reject_button.setToolTip(self.tr("Drop a test that will not be done on this sample"))
        for b in (self.submit_button, self.verify_button, self.retract_button, self.reject_button):
            row.addWidget(b)
        row.addStretch(1)
        outer.addLayout(row)
        self.grid = ResultGrid(per_test=per_test)
        outer.addWidget(self.grid, 1)
        self.hint = QLabel(
            self.tr(
                "Type a result and press Enter to go to the next one: <0.05, ND and Thai digits are understood."
            )
        )
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)
        self.grid.result_model.edited.connect(self._save)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.grid.result_model.dataChanged.connect(lambda *_: self.update_actions())
        self.submit_button.clicked.connect(self.submit)
        self.verify_button.clicked.connect(self.verify)
        self.retract_button.clicked.connect(self.retract)
        self.reject_button.clicked.connect(self.reject)
        self.update_actions()

    # --- loading --------------------------------------------------------------------------------------

    def can(self, permission: str) -> bool:
        return user_can(self.env.user.role, permission)

    def load(
        self, rows: list[lab.AnalysisRow], *, allow_self: bool, sample_open: bool = True, keep: bool = False
    ) -> None:
        self.allow_self = allow_self
        self.sample_open = sample_open
        self.grid.result_model.set_analyses(
            rows, can_enter=self.can("lab.submit") and sample_open, keep_typed=keep
        )
        self.update_actions()

    @property
    def model(self) -> Any:
        return self.grid.result_model

    # --- saving as one types ----------------------------------------------------------------------------

    def _save(self, analysis_id: str) -> None:
        a = self.model.rows[self.model.row_of(analysis_id)].a
        _res, error = self.model.result_of(a)
        text, readings, snapshot = self.model.pending_save(analysis_id)
        if error and text is not None:
            self.message.emit(f"{a.name_th}: {error}", True)
            return  # not readable: not saved until corrected
        self.model.saving.add(analysis_id)

        def run(ctx: Any) -> list[lab.AnalysisRow]:
            analysis = lab.get_analysis(ctx.session, analysis_id)
            if readings is not None:
                lab.set_result(ctx, analysis, None, interim=readings)
            else:
                lab.set_result(ctx, analysis, text or "")
            # the calculated results that use this one were recomputed by the service: show them as stored
            ids = [analysis_id, *(d.id for d in lab.dependents(ctx.session, analysis))]
            return [lab.analysis_row(ctx.session, i) for i in ids]

        def done(rows: list[lab.AnalysisRow]) -> None:
            fresh, *recomputed = rows
            self.model.update_analysis(fresh, snapshot)
            for row in recomputed:
                self.model.refresh_analysis(row)
            self.update_actions()
            self.saved.emit(fresh.sample_id)

        def failed(exc: BaseException) -> None:
            self.model.save_failed(analysis_id, error_text(exc))
            self.message.emit(f"{a.name_th}: {error_text(exc)}", True)

        self.ops.write(run, done, failed)

    # --- workflow ---------------------------------------------------------------------------------------

    def _selected(self, states: tuple[str, ...]) -> list[lab.AnalysisRow]:
        return [a for a in self.grid.selected_analyses() if a.state in states]

    def own(self, a: lab.AnalysisRow) -> bool:
        return a.submitted_by_id == self.env.user.id

    def to_submit(self) -> list[lab.AnalysisRow]:
        """Every entered result not yet submitted (the rows still empty wait for their values)."""
        return [a for a in self.model.analyses() if a.state == "registered" and self._entered(a)]

    def _entered(self, a: lab.AnalysisRow) -> bool:
        result, error = self.model.result_of(a)
        return error is None and result is not None and not result.empty

    def to_verify(self) -> list[lab.AnalysisRow]:
        return [a for a in self._selected(("to_be_verified",)) if self.allow_self or not self.own(a)]

    def update_actions(self) -> None:
        entered = self.to_submit() if self.sample_open else []
        self.submit_button.setEnabled(self.can("lab.submit") and bool(entered))
        selected_tbv = self._selected(("to_be_verified",))
        verifiable = self.to_verify()
        self.verify_button.setEnabled(self.can("lab.verify") and bool(verifiable))
        if self.can("lab.verify") and selected_tbv and not verifiable:
            self.verify_button.setToolTip(
                self.tr("You submitted these results: another person must verify them (four-eyes rule)")
            )
        else:
            self.verify_button.setToolTip(
                self.tr("Verify the results you selected and reviewed (another person's)")
            )
        retractable = [a for a in self.grid.selected_analyses() if self._may_retract(a)]
        self.retract_button.setEnabled(bool(retractable))
        self.reject_button.setEnabled(
            self.can("lab.verify") and bool(self._selected(("registered", "to_be_verified")))
        )

    def _may_retract(self, a: lab.AnalysisRow) -> bool:
        needed = {"to_be_verified": "lab.submit", "verified": "lab.verify", "published": "lab.publish"}
        return a.state in needed and self.can(needed[a.state])

    def _run(self, fn: Any, done_text: str) -> None:
        def done(_result: Any) -> None:
            self.message.emit(done_text, False)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.message.emit(error_text(exc), True)
            self.changed.emit()

        self.ops.write(fn, done, failed)

    def submit(self) -> None:
        unreadable = self.model.unreadable()
        if unreadable:
            self.message.emit(self.tr("Correct the results shown in red first: they cannot be read."), True)
            return
        ids = [a.id for a in self.to_submit()]
        if not ids:
            return

        def run(ctx: Any) -> int:
            return lab.submit(ctx, [lab.get_analysis(ctx.session, i) for i in ids])

        self._run(run, self.tr("%1 result(s) submitted for verification").replace("%1", str(len(ids))))

    def verify(self) -> None:
        chosen = self.to_verify()
        if not chosen:
            return
        lines = "".join(
            f"<li>{html.escape(a.lab_no)} {html.escape(a.name_th)}: <b>{html.escape(self.model.shown_text(a) or '–')}</b>"
            f" – {html.escape(a.submitted_by)}</li>"
            for a in chosen
        )
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Verify results"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            self.tr("Verify these %1 result(s)? You confirm that you have reviewed each one.").replace(
                "%1", str(len(chosen))
            )
            + f"<ul>{lines}</ul>"
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Ok:
            return
        ids = [a.id for a in chosen]

        def run(ctx: Any) -> int:
            return lab.verify(ctx, [lab.get_analysis(ctx.session, i) for i in ids])

        self._run(run, self.tr("%1 result(s) verified").replace("%1", str(len(ids))))

    def _with_reason(self, title: str, prompt: str, act: Any) -> None:
        dialog = ReasonDialog(title, prompt, self)
        dialog.accepted.connect(lambda: act(dialog.value()))
        dialog.open()
        self.reason_dialog = dialog

    def retract(self) -> None:
        chosen = [a for a in self.grid.selected_analyses() if self._may_retract(a)]
        if not chosen:
            return
        ids = [a.id for a in chosen]
        names = ", ".join(a.name_th for a in chosen)

        def act(reason: str) -> None:
            def run(ctx: Any) -> int:
                for i in ids:
                    lab.retract(ctx, lab.get_analysis(ctx.session, i), reason)
                return len(ids)

            self._run(run, self.tr("Retracted: %1. A retest was added for each.").replace("%1", names))

        self._with_reason(
            self.tr("Retract results"),
            self.tr("Withdraw the result of: %1. A retest analysis will be added for each.").replace(
                "%1", names
            ),
            act,
        )

    def reject(self) -> None:
        chosen = self._selected(("registered", "to_be_verified"))
        if not chosen:
            return
        ids = [a.id for a in chosen]
        names = ", ".join(a.name_th for a in chosen)

        def act(reason: str) -> None:
            def run(ctx: Any) -> int:
                for i in ids:
                    lab.reject(ctx, lab.get_analysis(ctx.session, i), reason)
                return len(ids)

            self._run(run, self.tr("Rejected: %1").replace("%1", names))

        self._with_reason(
            self.tr("Reject tests"), self.tr("These tests will not be done: %1.").replace("%1", names), act
        )
