"""An embedded PDF preview for certificates, and printing a PDF through Qt's print dialog.

With QtPdf (`QPdfDocument` + `QPdfView`) the whole document is shown, lazily. PySide6 builds without
QtPdf fall back to images of the first pages made by poppler's `pdftoppm` in a worker (the helpers of
`dipdesk.ui.lab.preview`), and to the system's PDF viewer for the rest. Printing rasterises one page at
a time in a worker and paints it on the printer there (Qt allows QPainter on a QPrinter off the GUI
thread), so a year's batch does not need the whole document in memory as images.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dipdesk.ui.lab.preview import qtpdf_available
from dipdesk.ui.workers import Task, run_task

PREVIEW_PAGES = 4  # without QtPdf, how many pages are shown as images
PREVIEW_DPI = 72


def render_pages(path: str, first: int, last: int, dpi: int, task: Task | None = None) -> list[QImage]:
    """Pages ``first``..``last`` (1-based, inclusive) of the PDF at ``path`` as images (worker thread)."""
    if qtpdf_available():
        from PySide6.QtPdf import QPdfDocument

        doc = QPdfDocument()
        doc.load(path)
        out = []
        for i in range(first - 1, min(last, doc.pageCount())):
            if task is not None:
                task.check()
            size = doc.pagePointSize(i)
            out.append(doc.render(i, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))))
        return out
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RuntimeError("no PDF renderer: install poppler-utils (pdftoppm) or a PySide6 with QtPdf")
    with tempfile.TemporaryDirectory(prefix="dipdesk-pdf-") as tmp:
        subprocess.run(
            [exe, "-r", str(dpi), "-f", str(first), "-l", str(last), "-png", path, str(Path(tmp) / "p")],
            check=True,
            timeout=300,
        )
        pages = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [QImage(str(p)) for p in pages]


def page_count(path: str) -> int:
    """Pages in the PDF, read from its page tree counter (good enough for our own PDFs)."""
    import re

    data = Path(path).read_bytes()
    counts = [int(m.group(1)) for m in re.finditer(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    if not counts:
        counts = [int(m.group(1)) for m in re.finditer(rb"/Count\s+(\d+)", data)]
    return max(counts) if counts else 0


def print_pdf(path: str, printer: QPrinter, task: Task) -> int:
    """Paint every page of the PDF on ``printer``, one rasterised page at a time (worker thread)."""
    total = page_count(path)
    dpi = max(150, min(300, printer.resolution()))
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be started")
    try:
        done = 0
        step = 8
        for first in range(1, total + 1, step):
            for image in render_pages(path, first, min(total, first + step - 1), dpi, task):
                task.check()
                if done:
                    printer.newPage()
                painter.drawImage(printer.pageLayout().fullRectPixels(printer.resolution()), image)
                done += 1
                task.report(done, total, "")
    finally:
        painter.end()
    return done


class PdfPreview(QWidget):
    """A certificate PDF on screen, with Print…, Save as… and Open in the PDF viewer."""

    printed = Signal(int)
    shown = Signal()  # the pages (or why they cannot be shown) are on screen

    def __init__(self, parent: QWidget | None = None, *, buttons: bool = True) -> None:
        super().__init__(parent)
        self.path = ""
        self.pages = 0
        self._task: Task | None = None
        self.images: list[QImage] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self.tr("Nothing to show yet."))
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        self.view: QWidget
        if qtpdf_available():
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self.document: Any = QPdfDocument(self)
            view = QPdfView(self)
            view.setDocument(self.document)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view = view
        else:
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            holder = QWidget()
            self.pages_layout = QVBoxLayout(holder)
            self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages_layout.setSpacing(10)
            scroll.setWidget(holder)
            self.view = scroll
        self.view.setMinimumHeight(380)
        outer.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.open_button.clicked.connect(self.open_external)
        for b in (self.print_button, self.save_button, self.open_button):
            b.setEnabled(False)
            row.addWidget(b)
        row.addStretch(1)
        outer.addLayout(row)
        for b in (self.print_button, self.save_button, self.open_button):
            b.setVisible(buttons)

    # --- showing ---------------------------------------------------------------------------------------

    def set_pdf(self, path: str, note: str = "") -> None:
        """Show the PDF at ``path`` (a file this widget may keep reading)."""
        self.path = path
        self.pages = page_count(path)
        for b in (self.print_button, self.save_button, self.open_button):
            b.setEnabled(True)
        if qtpdf_available():
            self.document.load(path)
            self._set_status(note)
            self.shown.emit()
            return
        if self._task is not None:
            self._task.cancel()
        self.status.setText(self.tr("Rendering the pages…"))
        last = min(self.pages, PREVIEW_PAGES)
        self._task = run_task(
            lambda task: render_pages(path, 1, last, PREVIEW_DPI * 2, task),
            on_done=lambda images: self._show_images(images, note),
            on_error=self._failed,
            owner=self,
        )

    def _set_status(self, note: str) -> None:
        text = self.tr("%1 page(s)").replace("%1", f"{self.pages:,}")
        if not qtpdf_available() and self.pages > PREVIEW_PAGES:
            text += " – " + self.tr("the first %1 are shown; open the PDF for all of them").replace(
                "%1", str(PREVIEW_PAGES)
            )
        self.status.setText(f"{note} {text}".strip() if note else text)

    def _show_images(self, images: list[QImage], note: str) -> None:
        self._task = None
        self.images = images
        self._clear_pages()
        self.page_labels: list[QLabel] = []
        for _image in images:
            label = QLabel()
            label.setStyleSheet("background: white; border: 1px solid #9e9e9e;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self._fit_images()
        self._set_status(note)
        self.shown.emit()

    def _fit_images(self) -> None:
        """Scale the page images to the width available (again whenever the preview is resized)."""
        if qtpdf_available() or not self.images:
            return
        bar = self.view.verticalScrollBar().sizeHint().width() if isinstance(self.view, QScrollArea) else 0
        width = max(240, self.view.width() - bar - 16)
        for label, image in zip(getattr(self, "page_labels", []), self.images, strict=False):
            pix = QPixmap.fromImage(image)
            if pix.width() > width:
                pix = pix.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pix)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_images()

    def _clear_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.status.setText(self.tr("The pages could not be shown: %1").replace("%1", str(exc)))
        self.shown.emit()

    def clear(self, text: str = "") -> None:
        self.path = ""
        self.pages = 0
        for b in (self.print_button, self.save_button, self.open_button):
            b.setEnabled(False)
        if not qtpdf_available():
            self._clear_pages()
        self.status.setText(text or self.tr("Nothing to show yet."))
        self.shown.emit()

    # --- actions ---------------------------------------------------------------------------------------

    def print_document(self) -> None:
        if not self.path:
            return
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        self.printer.setDocName(Path(self.path).stem)
        dialog = QPrintDialog(self.printer, self)
        dialog.accepted.connect(lambda: self.print_to(self.printer))
        dialog.open()  # type: ignore[call-arg]  # (the stub wants a slot; Qt does not)
        self.print_dialog = dialog

    def print_to(self, printer: QPrinter) -> Task:
        """Send the document to ``printer`` in a worker; reports in the status line."""
        path = self.path
        self.status.setText(self.tr("Sending the pages to the printer…"))

        def done(pages: int) -> None:
            self.status.setText(self.tr("Sent %1 page(s) to the printer.").replace("%1", f"{pages:,}"))
            self.printed.emit(pages)

        def progress(done_: int, total: int, _text: str) -> None:
            self.status.setText(
                self.tr("Printing page %1 of %2…").replace("%1", f"{done_:,}").replace("%2", f"{total:,}")
            )

        return run_task(
            lambda task: print_pdf(path, printer, task),
            on_done=done,
            on_error=self._failed,
            on_progress=progress,
            owner=self,
        )

    def save_as(self) -> None:
        if not self.path:
            return
        dialog = QFileDialog(self, self.tr("Save as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(Path(self.path).name)
        dialog.fileSelected.connect(self.write_to)
        dialog.open()
        self.file_dialog = dialog

    def write_to(self, path: str) -> None:
        shutil.copyfile(self.path, path)
        self.status.setText(self.tr("Saved %1").replace("%1", path))

    def open_external(self) -> None:
        if self.path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.path))
