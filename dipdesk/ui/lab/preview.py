"""In-app preview and printing of a lab form (a PDF made by `dipdesk.printing.lab_forms`).

Qt's PDF module (`QPdfDocument` + `QPdfView`) shows the document when this Qt build has it. Some
builds of PySide6 ship without QtPdf; then the pages are rendered by poppler's `pdftoppm` (in a worker)
and shown as images, and if neither is there the PDF opens in the system's viewer. Printing is the one
print path of `dipdesk.ui.printing`, shared with the certificates: Qt's print dialog, then the pages
rasterised at the printer's resolution (in a worker) and painted on the printer, so what prints is what
was previewed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QImage, QPixmap
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

from dipdesk.ui.printing import ask_and_print, can_render, qtpdf_available, render_pages
from dipdesk.ui.workers import Task, run_task

A4_POINTS = QSize(595, 842)


class PreviewDialog(QDialog):
    """A window with the document, and Print…, Save as PDF… and Open in the PDF viewer."""

    def __init__(self, title: str, pdf: bytes, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(860, 980)  # the dialog rules shrink it to a smaller screen (ui/dialogs.py)
        self.pdf = pdf
        self.file_name = file_name
        self._path = ""
        self.printed_file = ""
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
                path = self.pdf_path()
                self.task = run_task(
                    lambda task: render_pages(path, 1, 10_000, 110, task),
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

    def pdf_path(self) -> str:
        """The document as a file (written once, in a private temporary folder)."""
        if not self._path:
            folder = Path(tempfile.mkdtemp(prefix="dipdesk-"))
            path = folder / self.file_name
            path.write_bytes(self.pdf)
            self._path = str(path)
        return self._path

    def print_document(self) -> None:
        self.status.setText(self.tr("Preparing the pages for the printer…"))
        self.print_dialog = ask_and_print(
            self,
            self.pdf_path(),
            landscape=False,
            on_progress=lambda done, total, _t: self.status.setText(
                self.tr("Printing page %1 of %2…").replace("%1", str(done)).replace("%2", str(total))
            ),
            on_done=self._printed,
            on_error=self._render_failed,
        )

    def _printed(self, pages: int, file: str) -> None:
        self.printed_file = file
        if file:
            self.status.setText(
                self.tr("Printed %1 page(s) to the PDF file %2").replace("%1", str(pages)).replace("%2", file)
            )
        else:
            self.status.setText(self.tr("Sent %1 page(s) to the printer.").replace("%1", str(pages)))

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
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.pdf_path()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            self.task.cancel()
        super().closeEvent(event)
