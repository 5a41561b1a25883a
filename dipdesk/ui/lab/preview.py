"""In-app preview and printing of a lab form (a PDF made by `dipdesk.printing.lab_forms`).

Qt's PDF module (`QPdfDocument` + `QPdfView`) shows the document when this Qt build has it. Some
builds of PySide6 ship without QtPdf; then the pages are rendered by poppler's `pdftoppm` (in a worker)
and shown as images, and if neither is there the PDF opens in the system's viewer. Printing goes
through Qt's print dialog: pages are rasterised at the printer's resolution (in a worker) and painted
on the printer, so what prints is what was previewed.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dipdesk.ui.workers import Task, run_task

A4_POINTS = QSize(595, 842)


def qtpdf_available() -> bool:
    return (
        importlib.util.find_spec("PySide6.QtPdf") is not None
        and importlib.util.find_spec("PySide6.QtPdfWidgets") is not None
    )


def can_render() -> bool:
    """Whether pages can be turned into images here (for the preview without QtPdf, and for printing)."""
    return qtpdf_available() or shutil.which("pdftoppm") is not None


def rasterize(pdf: bytes, dpi: int, task: Task | None = None) -> list[QImage]:
    """The PDF's pages as images at ``dpi`` (worker thread: QImage, never QPixmap)."""
    if qtpdf_available():
        from PySide6.QtPdf import QPdfDocument

        doc = QPdfDocument()
        buf = QBuffer()
        buf.setData(QByteArray(pdf))
        buf.open(QIODevice.OpenModeFlag.ReadOnly)
        doc.load(buf)
        images = []
        for i in range(doc.pageCount()):
            if task is not None:
                task.check()
            size = doc.pagePointSize(i)
            px = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
            images.append(doc.render(i, px))
        return images
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RuntimeError("no PDF renderer: install poppler-utils (pdftoppm) or a PySide6 with QtPdf")
    with tempfile.TemporaryDirectory(prefix="dipdesk-pdf-") as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        # uncompressed PPM: writing PNG takes poppler ten times longer at printer resolution
        subprocess.run([exe, "-r", str(dpi), str(src), str(Path(tmp) / "p")], check=True, timeout=120)
        pages = sorted(Path(tmp).glob("p-*.ppm"), key=lambda p: int(p.stem.split("-")[-1]))
        return [QImage(str(p)) for p in pages]


def print_images(printer: QPrinter, images: list[QImage]) -> None:
    """Paint page images on the printer, each filling the sheet (the PDF already has its margins)."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be started")
    try:
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(target, image)
    finally:
        painter.end()


class PreviewDialog(QDialog):
    """A window with the document, and Print…, Save as PDF… and Open in the PDF viewer."""

    def __init__(self, title: str, pdf: bytes, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(860, 980)
        self.pdf = pdf
        self.file_name = file_name
        self.images: list[QImage] = []
        self.task: Task | None = None
        outer = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("muted")
        outer.addWidget(self.status)
        self.view: QWidget
        if qtpdf_available():
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(pdf))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document = QPdfDocument(self)
            self.document.load(self._buffer)
            view = QPdfView(self)
            view.setDocument(self.document)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view = view
            self.status.setText(self.tr("%1 page(s)").replace("%1", str(self.document.pageCount())))
        else:
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            holder = QWidget()
            self.pages_layout = QVBoxLayout(holder)
            self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            scroll.setWidget(holder)
            self.view = scroll
            if can_render():
                self.status.setText(self.tr("Rendering the pages…"))
                self.task = run_task(
                    lambda task: rasterize(self.pdf, 110, task),
                    on_done=self._show_pages,
                    on_error=self._render_failed,
                    owner=self,
                )
            else:
                self.status.setText(
                    self.tr("This computer cannot show PDF pages here: open the PDF in its viewer.")
                )
        outer.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.print_button.setEnabled(can_render())
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.open_button.clicked.connect(self.open_external)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for b in (self.print_button, self.save_button, self.open_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        outer.addLayout(row)

    # --- showing ---------------------------------------------------------------------------------------

    def _show_pages(self, images: list[QImage]) -> None:
        self.images = images
        self.page_labels: list[QLabel] = []
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; border: 1px solid #9e9e9e;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.status.setText(self.tr("%1 page(s)").replace("%1", str(len(images))))

    def _render_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The pages could not be shown: %1").replace("%1", str(exc)))

    @property
    def page_count(self) -> int:
        if qtpdf_available():
            return int(self.document.pageCount())
        return len(self.images)

    # --- actions ---------------------------------------------------------------------------------------

    def print_document(self) -> None:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        self.printer.setDocName(self.file_name)
        dialog = QPrintDialog(self.printer, self)
        dialog.accepted.connect(lambda: self._print_to(self.printer))
        QDialog.open(dialog)  # QPrintDialog.open(receiver, member) hides the plain open()
        self.print_dialog = dialog

    def _print_to(self, printer: QPrinter) -> None:
        dpi = max(150, min(300, printer.resolution()))
        self.status.setText(self.tr("Preparing the pages for the printer…"))

        def done(images: list[QImage]) -> None:
            try:
                print_images(printer, images)
            except RuntimeError as exc:
                self.status.setText(str(exc))
                return
            self.status.setText(self.tr("Sent %1 page(s) to the printer.").replace("%1", str(len(images))))

        run_task(
            lambda task: rasterize(self.pdf, dpi, task),
            on_done=done,
            on_error=self._render_failed,
            owner=self,
        )

    def save_as(self) -> None:
        dialog = QFileDialog(self, self.tr("Save as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self.file_name)
        dialog.fileSelected.connect(self.write_to)
        dialog.open()
        self.file_dialog = dialog

    def write_to(self, path: str) -> None:
        Path(path).write_bytes(self.pdf)
        self.status.setText(self.tr("Saved %1").replace("%1", path))

    def open_external(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="dipdesk-"))
        path = folder / self.file_name
        path.write_bytes(self.pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            self.task.cancel()
        super().closeEvent(event)
