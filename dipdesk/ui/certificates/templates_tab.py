"""แบบวุฒิบัตร: edit a template's elements and see the result at once on sample data.

Choose a template and its paper size and orientation, add or remove elements, pick one and change its
text (with placeholders such as ``{name}``), position and size in millimetres; the preview is drawn by the printing module itself (in a worker, a moment after
the last change), on sample data with a long name full of stacked marks and a long Thai title, so what
is seen is what will print. Saving makes the template's next version (audited); a template that belongs
to another site (most come from headquarters) is saved as this site's own copy.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dipdesk.printing.certificates import PAGE_SIZES, PLACEHOLDERS, Layout
from dipdesk.services import certificates as svc
from dipdesk.services.errors import NotFound
from dipdesk.store.certificates import CertificateTemplate
from dipdesk.ui.attendance.context import CtxFactory
from dipdesk.ui.attendance.enroll_dialog import error_text
from dipdesk.ui.certificates.preview import PdfPreview
from dipdesk.ui.changes import data_changed
from dipdesk.ui.db import Database
from dipdesk.ui.printing import print_folder
from dipdesk.ui.workers import Task, run_task


@dataclass
class TemplateData:
    """A template as plain values (crosses threads)."""

    id: str
    code: str
    name: str
    kind: str
    version: int
    page_size: str
    orientation: str
    background_hash: str
    thai_digits: bool
    own: bool  # belongs to this site (edited in place) or not (saved as a copy)
    elements: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, tpl: CertificateTemplate, site_id: str) -> TemplateData:
        return cls(
            tpl.id,
            tpl.code,
            tpl.name_th,
            tpl.kind,
            tpl.version,
            tpl.page_size,
            tpl.orientation,
            tpl.background_hash,
            bool(tpl.thai_digits),
            tpl.site_id == site_id,
            [dict(e) for e in tpl.elements or ()],
        )


class TemplatesTab(QWidget):
    saved = Signal(str)  # the saved template's code

    def __init__(self, db: Database, ctx_factory: CtxFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ctx_factory = ctx_factory
        self.templates: list[TemplateData] = []
        self.current: TemplateData | None = None
        self.elements: list[dict[str, Any]] = []
        self.page: tuple[str, str] = ("A4", "landscape")  # the page size and orientation being edited
        self._generation = 0
        self._shown_code = ""
        self._filling = False
        self.preview_task: Task | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Template")))
        self.template = QComboBox()
        self.template.setMinimumWidth(320)
        self.template.currentIndexChanged.connect(self._template_chosen)
        top.addWidget(self.template, 1)
        self.thai_digits = QCheckBox(self.tr("Thai digits"))
        self.thai_digits.toggled.connect(self.schedule_preview)
        top.addWidget(self.thai_digits)
        self.save_button = QPushButton(self.tr("Save as a new version"))
        self.save_button.clicked.connect(self.save)
        top.addWidget(self.save_button)
        outer.addLayout(top)
        page_row = QHBoxLayout()
        page_row.addWidget(QLabel(self.tr("Paper")))
        self.page_size = QComboBox()
        for size in PAGE_SIZES:
            self.page_size.addItem(size, size)
        self.page_size.currentIndexChanged.connect(self._page_edited)
        page_row.addWidget(self.page_size)
        page_row.addWidget(QLabel(self.tr("Orientation")))
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.currentIndexChanged.connect(self._page_edited)
        page_row.addWidget(self.orientation)
        page_row.addStretch(1)
        outer.addLayout(page_row)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        form_col = QVBoxLayout(left)
        form_col.setContentsMargins(0, 0, 0, 0)
        self.element_list = QListWidget()
        self.element_list.setMinimumHeight(150)
        self.element_list.currentRowChanged.connect(self._element_chosen)
        form_col.addWidget(self.element_list)
        element_buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add element"))
        self.add_menu = QMenu(self.add_button)
        for kind, label in (
            ("text", self.tr("Text")),
            ("signatory", self.tr("Signatory")),
            ("serial", self.tr("Serial number")),
            ("qr", self.tr("QR code")),
            ("image", self.tr("Picture…")),
        ):
            action = self.add_menu.addAction(label)
            action.setData(kind)
            action.triggered.connect(lambda _checked=False, k=kind: self.add_element(k))
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QPushButton(self.tr("Remove element"))
        self.remove_button.clicked.connect(self.remove_element)
        element_buttons.addWidget(self.add_button)
        element_buttons.addWidget(self.remove_button)
        element_buttons.addStretch(1)
        form_col.addLayout(element_buttons)
        self.form = QFormLayout()
        self.text = QLineEdit()
        self.text.textEdited.connect(self._edited)
        self.position = QLineEdit()
        self.position.textEdited.connect(self._edited)
        self.x_box = self._mm_box(0, 420)
        self.y_box = self._mm_box(0, 420)
        self.size_box = QDoubleSpinBox()
        self.size_box.setRange(4, 120)
        self.size_box.setDecimals(1)
        self.size_box.setSuffix(" pt")
        self.size_box.valueChanged.connect(self._edited)
        self.width_mm = self._mm_box(0, 420)
        self.lines = QSpinBox()
        self.lines.setRange(1, 3)
        self.lines.valueChanged.connect(self._edited)
        self.align = QComboBox()
        for value, label in (
            ("left", self.tr("Left")),
            ("center", self.tr("Centre")),
            ("right", self.tr("Right")),
        ):
            self.align.addItem(label, value)
        self.align.currentIndexChanged.connect(self._edited)
        self.bold = QCheckBox(self.tr("Bold"))
        self.bold.toggled.connect(self._edited)
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}
        for key, label, widget in (
            ("text", self.tr("Text"), self.text),
            ("position", self.tr("Position (second line)"), self.position),
            ("x", self.tr("Across (mm)"), self.x_box),
            ("y", self.tr("Down (mm)"), self.y_box),
            ("size", self.tr("Size"), self.size_box),
            ("width", self.tr("Width (mm)"), self.width_mm),
            ("lines", self.tr("Lines at most"), self.lines),
            ("align", self.tr("Alignment"), self.align),
            ("bold", "", self.bold),
        ):
            lab = QLabel(label)
            self.form.addRow(lab, widget)
            self.rows[key] = (lab, widget)
        form_col.addLayout(self.form)
        pictures = QHBoxLayout()
        self.signature_button = QPushButton(self.tr("Signature image…"))
        self.signature_button.setToolTip(
            self.tr("A scanned signature (PNG with a transparent background is best)")
        )
        self.signature_button.clicked.connect(lambda: self.choose_image("signature"))
        self.picture_button = QPushButton(self.tr("Picture file…"))
        self.picture_button.clicked.connect(lambda: self.choose_image("image"))
        self.picture_button.hide()
        pictures.addWidget(self.picture_button)
        self.background_button = QPushButton(self.tr("Background image…"))
        self.background_button.setToolTip(
            self.tr("The border and emblem printed under everything, for the whole page")
        )
        self.background_button.clicked.connect(lambda: self.choose_image("background"))
        pictures.addWidget(self.signature_button)
        pictures.addWidget(self.background_button)
        pictures.addStretch(1)
        form_col.addLayout(pictures)
        help_text = ", ".join(f"{{{k}}}" for k in PLACEHOLDERS)
        hint = QLabel(self.tr("Placeholders: %1").replace("%1", help_text))
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form_col.addWidget(hint)
        form_col.addStretch(1)
        split.addWidget(left)
        self.preview = PdfPreview(buttons=False)
        self.preview.setMinimumWidth(420)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        outer.addWidget(split, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(350)
        self._timer.timeout.connect(self.render_preview)

    def _mm_box(self, lo: float, hi: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(lo, hi)
        box.setDecimals(1)
        box.setSingleStep(1.0)
        box.valueChanged.connect(self._edited)
        return box

    # --- filling ---------------------------------------------------------------------------------------

    def set_templates(self, templates: list[TemplateData]) -> None:
        keep = self.current.code if self.current else ""
        self.templates = templates
        self.template.blockSignals(True)
        self.template.clear()
        for t in templates:
            self.template.addItem(f"{t.name} – {t.code} (v{t.version})", t.id)
        self.template.blockSignals(False)
        index = next((i for i, t in enumerate(templates) if t.code == keep), 0)
        if templates:
            self.template.setCurrentIndex(index)
            self._template_chosen(index)
        else:
            self.status.setText(
                self.tr("There is no certificate template yet (they come from headquarters).")
            )

    def _template_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.templates):
            return
        self.current = self.templates[index]
        self.elements = copy.deepcopy(self.current.elements)
        self.thai_digits.blockSignals(True)
        self.thai_digits.setChecked(self.current.thai_digits)
        self.thai_digits.blockSignals(False)
        self.page = (self.current.page_size.upper(), self.current.orientation)
        self._filling = True
        try:
            self.page_size.setCurrentIndex(max(0, self.page_size.findData(self.current.page_size.upper())))
            self.orientation.setCurrentIndex(max(0, self.orientation.findData(self.current.orientation)))
        finally:
            self._filling = False
        self._fill_element_list(0)
        if self.current.code != self._shown_code:  # a refresh of the same template keeps the last message
            self._shown_code = self.current.code
            owner = (
                self.tr("This site's own template: saving makes its next version.")
                if self.current.own
                else self.tr("A template of another site (headquarters): saving makes this site's own copy.")
            )
            self.status.setText(owner)
        self.schedule_preview()

    def _fill_element_list(self, row: int) -> None:
        self.element_list.blockSignals(True)
        self.element_list.clear()
        for e in self.elements:
            self.element_list.addItem(QListWidgetItem(self._element_label(e)))
        self.element_list.blockSignals(False)
        if self.elements:
            row = min(max(row, 0), len(self.elements) - 1)
            self.element_list.setCurrentRow(row)
            self._element_chosen(row)
        self.remove_button.setEnabled(bool(self.elements))

    def page_mm(self) -> tuple[float, float]:
        """The page's width and height in mm, as the chosen size and orientation make it."""
        w, h = self.layout_now().size if self.current is not None else (842.0, 595.0)
        return w * 25.4 / 72, h * 25.4 / 72

    def _page_edited(self, *_args: Any) -> None:
        if self._filling or self.current is None:
            return
        old_w, old_h = self.page_mm()
        self.page = (str(self.page_size.currentData()), str(self.orientation.currentData()))
        new_w, new_h = self.page_mm()
        # move the elements with the page, so the layout stays where it was instead of running off it
        fx, fy = new_w / old_w, new_h / old_h
        for e in self.elements:
            for key, factor in (
                ("x_mm", fx),
                ("max_width_mm", fx),
                ("width_mm", fx),
                ("w_mm", fx),
                ("y_mm", fy),
                ("max_height_mm", fy),
                ("h_mm", fy),
                ("size_mm", min(fx, fy)),
            ):
                if isinstance(e.get(key), (int, float)):
                    e[key] = round(float(e[key]) * factor, 1)
        self._fill_element_list(self.element_list.currentRow())
        self.schedule_preview()

    def add_element(self, kind: str) -> dict[str, Any] | None:
        """Add an element of ``kind`` in the middle of the page, select it and show it in the preview (a
        picture asks for its file first)."""
        if self.current is None:
            return None
        w, h = self.page_mm()
        cx, cy = round(w / 2, 1), round(h / 2, 1)
        new: dict[str, Any]
        if kind == "text":
            new = {"type": "text", "text": self.tr("New text"), "x_mm": cx, "y_mm": cy, "size": 18}
            new["align"] = "center"
        elif kind == "signatory":
            new = {"type": "signatory", "name": "(………………………)", "position": self.tr("Position")}
            new.update(
                x_mm=cx, y_mm=round(h - 40, 1), size=15, align="center", width_mm=84, signature_hash=""
            )
        elif kind == "serial":
            new = {
                "type": "serial",
                "text": "เลขที่ {serial}",
                "x_mm": 24,
                "y_mm": round(h - 23, 1),
                "size": 11,
            }
            new["align"] = "left"
        elif kind == "qr":
            new = {"type": "qr", "x_mm": round(w - 55, 1), "y_mm": round(h - 76, 1), "size_mm": 28}
            new.update(caption="สแกนเพื่อตรวจสอบ", caption_size=10)
        elif kind == "image":
            new = {"type": "image", "hash": "", "x_mm": round(cx - 15, 1), "y_mm": 20, "w_mm": 30, "h_mm": 30}
        else:
            return None
        self.elements.append(new)
        self._fill_element_list(len(self.elements) - 1)
        if kind == "image":
            self.choose_image("image")
        self.schedule_preview()
        return new

    def remove_element(self) -> None:
        row = self.element_list.currentRow()
        if not 0 <= row < len(self.elements):
            return
        del self.elements[row]
        self._fill_element_list(row)
        self.schedule_preview()

    def _element_label(self, e: dict[str, Any]) -> str:
        kinds = {
            "text": self.tr("Text"),
            "signatory": self.tr("Signatory"),
            "serial": self.tr("Serial number"),
            "qr": self.tr("QR code"),
            "image": self.tr("Picture"),
        }
        what = e.get("text") or e.get("name") or e.get("caption") or ""
        return f"{kinds.get(str(e.get('type')), str(e.get('type')))}: {what}".strip().rstrip(":")

    def _element_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.elements):
            return
        e = self.elements[row]
        kind = e.get("type")
        self._filling = True
        try:
            text_key = {"signatory": "name", "qr": "caption"}.get(str(kind), "text")
            self.text.setText(str(e.get(text_key) or ""))
            self.position.setText(str(e.get("position") or ""))
            self.x_box.setValue(float(e.get("x_mm") or 0))
            self.y_box.setValue(float(e.get("y_mm") or 0))
            if kind == "qr":
                self.size_box.setSuffix(" mm")
                self.size_box.setValue(float(e.get("size_mm") or 25))
            else:
                self.size_box.setSuffix(" pt")
                self.size_box.setValue(float(e.get("size") or 16))
            width_key = "width_mm" if kind == "signatory" else "w_mm" if kind == "image" else "max_width_mm"
            self.width_mm.setValue(float(e.get(width_key) or 0))
            self.lines.setValue(int(e.get("max_lines") or 1))
            self.align.setCurrentIndex(max(0, self.align.findData(e.get("align") or "center")))
            self.bold.setChecked(bool(e.get("bold")))
        finally:
            self._filling = False
        shown = {
            "text": {"text", "x", "y", "size", "width", "lines", "align", "bold"},
            "serial": {"text", "x", "y", "size", "width", "align", "bold"},
            "signatory": {"text", "position", "x", "y", "size", "width"},
            "qr": {"text", "x", "y", "size"},
            "image": {"x", "y", "width"},
        }.get(str(kind), {"x", "y"})
        for key, (lab, widget) in self.rows.items():
            lab.setVisible(key in shown)
            widget.setVisible(key in shown)
        self.signature_button.setVisible(kind == "signatory")
        self.picture_button.setVisible(kind == "image")
        self.rows["text"][0].setText(
            self.tr("Name line")
            if kind == "signatory"
            else self.tr("Caption")
            if kind == "qr"
            else self.tr("Text")
        )

    def _edited(self, *_args: Any) -> None:
        if self._filling:
            return
        row = self.element_list.currentRow()
        if not 0 <= row < len(self.elements):
            return
        e = self.elements[row]
        kind = e.get("type")
        text_key = {"signatory": "name", "qr": "caption"}.get(str(kind), "text")
        if kind != "image":
            e[text_key] = self.text.text()
        if kind == "signatory":
            e["position"] = self.position.text()
        e["x_mm"] = round(self.x_box.value(), 1)
        e["y_mm"] = round(self.y_box.value(), 1)
        if kind == "qr":
            e["size_mm"] = round(self.size_box.value(), 1)
        elif kind != "image":
            e["size"] = round(self.size_box.value(), 1)
        width_key = "width_mm" if kind == "signatory" else "w_mm" if kind == "image" else "max_width_mm"
        if self.width_mm.value() > 0:
            e[width_key] = round(self.width_mm.value(), 1)
            if kind == "image":
                e["h_mm"] = e[width_key]  # a square box: the picture keeps its proportions inside it
        else:
            e.pop(width_key, None)
        if kind == "text":
            e["max_lines"] = self.lines.value()
            e["bold"] = self.bold.isChecked()
        if kind in ("text", "serial"):
            e["align"] = self.align.currentData()
        item = self.element_list.item(row)
        if item is not None:
            item.setText(self._element_label(e))
        self.schedule_preview()

    # --- pictures ------------------------------------------------------------------------------------------

    def choose_image(self, what: str) -> None:
        dialog = QFileDialog(self, self.tr("Choose an image"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Images (*.png *.jpg *.jpeg)"))
        dialog.fileSelected.connect(lambda path: self.use_image(what, path))
        dialog.open()
        self.file_dialog = dialog

    def use_image(self, what: str, path: str) -> Task | None:
        """Put the image at ``path`` in the file store (it travels with sync) and use it (worker)."""
        if self.current is None:
            return None
        engine = self.db.engine
        row = self.element_list.currentRow()

        def work(task: Task) -> str:
            with open(path, "rb") as f:
                return svc.store_file(engine, f.read())

        def done(sha: str) -> None:
            if self.current is None:
                return
            if what == "background":
                self.current.background_hash = sha
            elif 0 <= row < len(self.elements) and self.elements[row].get("type") == "signatory":
                self.elements[row]["signature_hash"] = sha
            elif (
                what == "image"
                and 0 <= row < len(self.elements)
                and self.elements[row].get("type") == "image"
            ):
                self.elements[row]["hash"] = sha
            self.schedule_preview()

        return run_task(work, on_done=done, on_error=self._failed, owner=self)

    # --- preview and saving ------------------------------------------------------------------------------

    def layout_now(self) -> Layout:
        t = self.current
        assert t is not None
        return Layout(
            self.page[0], self.page[1], t.background_hash, tuple(copy.deepcopy(self.elements)), key=""
        )

    def schedule_preview(self, *_args: Any) -> None:
        if self.current is not None:
            self._timer.start()

    def render_preview(self) -> Task | None:
        if self.current is None:
            return None
        self._timer.stop()  # this render covers any preview still waiting on the debounce timer
        self._generation += 1
        generation = self._generation
        layout = self.layout_now()
        thai = self.thai_digits.isChecked()
        engine = self.db.engine
        path = print_folder() / f"preview-{self.current.code}-{generation % 2}.pdf"

        def work(task: Task) -> str:
            data = svc.preview_pdf(engine, layout, thai_digits=thai)
            # whole or not at all: the viewer may be reading this file (an earlier run's) right now
            part = path.with_name(f"{path.name}.{os.getpid()}-{generation}.part")
            part.write_bytes(data)
            os.replace(part, path)
            return str(path)

        def done(result: str) -> None:
            # An older run finishing late must neither show its page nor mark the newest run done.
            if generation == self._generation:
                self.preview_task = None
                self.preview.set_pdf(result, self.tr("Sample data."))

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._failed(exc)

        self.preview_task = run_task(work, on_done=done, on_error=failed, owner=self)
        return self.preview_task

    def _failed(self, exc: BaseException) -> None:
        self.preview_task = None
        self.status.setText(error_text(exc))

    def save(self) -> Task | None:
        if self.current is None:
            return None
        t = self.current
        elements = copy.deepcopy(self.elements)
        thai = self.thai_digits.isChecked()
        page_size, orientation = self.page

        def work(task: Task) -> TemplateData:
            with self.db.session() as s, s.begin():
                ctx = self.ctx_factory(s)
                tpl = s.get(CertificateTemplate, t.id)
                if tpl is None:
                    raise NotFound("ไม่พบแบบนี้แล้ว", "the template is gone")
                saved = svc.save_template(
                    ctx,
                    tpl,
                    elements=elements,
                    thai_digits=thai,
                    background_hash=t.background_hash,
                    page_size=page_size,
                    orientation=orientation,
                )
                return TemplateData.of(saved, ctx.site.id)

        def done(saved: TemplateData) -> None:
            replaced = False
            for i, old in enumerate(self.templates):
                if old.id == saved.id:
                    self.templates[i] = saved
                    replaced = True
            if not replaced:
                self.templates.append(saved)
            self.current = saved
            self._shown_code = saved.code
            self.set_templates(self.templates)
            self.status.setText(
                self.tr("Saved %1 version %2.").replace("%1", saved.code).replace("%2", str(saved.version))
            )
            self.saved.emit(saved.code)
            data_changed("templates", source=self)

        return run_task(work, on_done=done, on_error=self._failed, owner=self)
