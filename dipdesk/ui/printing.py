"""One print path for every document dipdesk shows on screen: certificates and lab forms alike.

A document is a PDF file. Qt's print dialog picks the printer (or "print to file (PDF)"), then a worker
rasterises one batch of pages at a time and paints them on the printer (Qt allows QPainter on a
QPrinter off the GUI thread), so what prints is what was previewed and a year's batch does not sit in
memory as images. Pages are rendered with QtPdf when this PySide6 has it, else with poppler's
`pdftoppm`. Printed PDFs go to one folder the user can choose (`print_folder`).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from dipdesk.paths import home_dir
from dipdesk.settings import Settings
from dipdesk.ui.workers import Task, run_task


def qtpdf_available() -> bool:
    return (
        importlib.util.find_spec("PySide6.QtPdf") is not None
        and importlib.util.find_spec("PySide6.QtPdfWidgets") is not None
    )


def can_render() -> bool:
    """Whether pages can be turned into images here (for the preview without QtPdf, and for printing)."""
    return qtpdf_available() or shutil.which("pdftoppm") is not None


def print_folder(settings: Settings | None = None) -> Path:
    """Where printed PDFs go: the folder the user chose, else `print` in the data folder."""
    chosen = Path(settings.print_folder) if settings is not None and settings.print_folder else None
    folder = chosen or home_dir() / "print"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = home_dir() / "print"  # the chosen folder is gone (a USB stick): fall back
        folder.mkdir(parents=True, exist_ok=True)
    return folder


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
        # uncompressed PPM: writing PNG takes poppler ten times longer at printer resolution
        subprocess.run(
            [exe, "-r", str(dpi), "-f", str(first), "-l", str(last), path, str(Path(tmp) / "p")],
            check=True,
            timeout=300,
        )
        pages = sorted(Path(tmp).glob("p-*.ppm"), key=lambda p: int(p.stem.split("-")[-1]))
        return [QImage(str(p)) for p in pages]


def page_count(path: str) -> int:
    """Pages in the PDF, read from its page tree counter (good enough for our own PDFs)."""
    data = Path(path).read_bytes()
    counts = [int(m.group(1)) for m in re.finditer(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    if not counts:
        counts = [int(m.group(1)) for m in re.finditer(rb"/Count\s+(\d+)", data)]
    return max(counts) if counts else 0


def print_pdf(path: str, printer: QPrinter, task: Task) -> int:
    """Paint every page of the PDF on ``printer``, one rasterised batch at a time (worker thread)."""
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


def make_printer(doc_name: str, *, landscape: bool, settings: Settings | None = None) -> QPrinter:
    """An A4 printer for a document; with no printer installed, "print to file" into the print folder."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setDocName(doc_name)
    if not QPrinterInfo.availablePrinters():
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(print_folder(settings) / f"{doc_name}-printed.pdf"))
    return printer


def ask_and_print(
    parent: QWidget,
    path: str,
    *,
    landscape: bool,
    on_progress: Callable[[int, int, str], None],
    on_done: Callable[[int, str], None],
    on_error: Callable[[BaseException], None],
    settings: Settings | None = None,
) -> QPrintDialog:
    """Open Qt's print dialog (window-modal, not blocking) for the PDF at ``path``; once the user
    chooses a printer, print in a worker. ``on_done(pages, file)`` gets the output file when the
    "printer" was a PDF file, so the caller can say where it went."""
    printer = make_printer(Path(path).stem, landscape=landscape, settings=settings)
    dialog = QPrintDialog(printer, parent)

    def start() -> None:
        out = printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else ""
        run_task(
            lambda task: print_pdf(path, printer, task),
            on_done=lambda pages: on_done(int(pages), out),
            on_error=on_error,
            on_progress=on_progress,
            owner=parent,
        )

    dialog.accepted.connect(start)
    QDialog.open(dialog)  # QPrintDialog.open(receiver, member) hides the plain open()
    return dialog
