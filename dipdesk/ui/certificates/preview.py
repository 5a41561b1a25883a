"""An embedded PDF preview for certificates, and printing a PDF through Qt's print dialog.

With QtPdf (`QPdfDocument` + `QPdfView`) the whole document is shown, lazily. PySide6 builds without
QtPdf fall back to images of the first pages made by poppler's `pdftoppm` in a worker (the helpers of
`dipdesk.ui.printing`), and to the system's PDF viewer for the rest. Printing rasterises
a batch at a time in a worker and paints it on the printer there (the one print path of `ui.printing`,
shared with the lab forms), so a year's batch does not need the whole document in memory as images.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dipdesk.settings import Settings
from dipdesk.ui.printing import ask_and_print, page_count, qtpdf_available, render_pages
from dipdesk.ui.workers import Task, run_task

PREVIEW_PAGES = 4  # without QtPdf, how many pages are shown as images
PREVIEW_DPI = 72
MIN_PAGE_WIDTH = 120  # a page image is never drawn narrower (a narrower preview scrolls sideways)


class PdfPreview(QWidget):
    """A certificate PDF on screen, with Print…, Save as… and Open in the PDF viewer."""

    printed = Signal(int)
    shown = Signal()  # the pages (or why they cannot be shown) are on screen

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        buttons: bool = True,
        landscape: bool = True,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = ""
        self.landscape = landscape
        self.settings = settings
        self.printed_file = ""
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
        # two rows: the preview can be narrow (beside the class list), and Thai button labels must
        # show whole, not clipped
        row = QGridLayout()
        row.setHorizontalSpacing(8)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.open_button.clicked.connect(self.open_external)
        for b in (self.print_button, self.save_button, self.open_button):
            b.setEnabled(False)
        row.addWidget(self.print_button, 0, 0)
        row.addWidget(self.save_button, 0, 1)
        row.addWidget(self.open_button, 1, 0, 1, 2)
        row.setColumnStretch(2, 1)
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

    def fit_width(self) -> int:
        """The width a page image is drawn at: the scroll area's inside, less the page list's margins and
        room for the vertical scroll bar (zoom to fit). Never below MIN_PAGE_WIDTH: in a narrower
        preview the page keeps that width and the scroll area offers a horizontal scroll bar."""
        if not isinstance(self.view, QScrollArea):
            return MIN_PAGE_WIDTH
        m = self.pages_layout.contentsMargins()
        bar = self.view.verticalScrollBar().sizeHint().width()
        inside = self.view.width() - 2 * self.view.frameWidth() - bar - m.left() - m.right()
        return max(MIN_PAGE_WIDTH, inside)

    def _fit_images(self) -> None:
        """Scale the page images to the width available (again whenever the preview is resized): a page
        wider than the preview was cut off at its right edge (1366×768, beside the class list)."""
        if qtpdf_available() or not self.images:
            return
        width = self.fit_width()
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
        """Qt's print dialog, then the pages to the chosen printer in a worker (`ui.printing`)."""
        if not self.path:
            return
        self.print_dialog = ask_and_print(
            self,
            self.path,
            landscape=self.landscape,
            settings=self.settings,
            on_progress=self._print_progress,
            on_done=self._print_done,
            on_error=self._failed,
        )

    def _print_progress(self, done: int, total: int, _text: str) -> None:
        self.status.setText(
            self.tr("Printing page %1 of %2…").replace("%1", f"{done:,}").replace("%2", f"{total:,}")
        )

    def _print_done(self, pages: int, file: str) -> None:
        if file:
            self.status.setText(
                self.tr("Printed %1 page(s) to the PDF file %2")
                .replace("%1", f"{pages:,}")
                .replace("%2", file)
            )
        else:
            self.status.setText(self.tr("Sent %1 page(s) to the printer.").replace("%1", f"{pages:,}"))
        self.printed_file = file
        self.printed.emit(pages)

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


class SplitShare(QObject):
    """Keeps a splitter's panes at fixed shares of its width (e.g. class list 3/5, preview 2/5) whenever
    it is resized, until the user moves the handle. QSplitter alone shares out by size hints: beside
    a wide table the preview got its bare minimum (233 of 1,036 pixels at 1366×768)."""

    def __init__(self, split: QSplitter, shares: tuple[int, ...]) -> None:
        super().__init__(split)
        self.split, self.shares = split, shares
        self.user_moved = False
        split.splitterMoved.connect(self._moved)
        split.installEventFilter(self)

    def _moved(self, _pos: int, _index: int) -> None:
        self.user_moved = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.user_moved:
            total = self.split.width() - self.split.handleWidth() * (self.split.count() - 1)
            whole = sum(self.shares)
            sizes = [total * n // whole for n in self.shares]
            sizes[-1] = total - sum(sizes[:-1])
            self.split.setSizes(sizes)
        return False
