"""Every PDF the app makes goes the same way: written to the documents folder, then opened in
the system's viewer (which prints it); "Save as" keeps a copy wherever the person wants."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget


def output_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(os.environ.get("OPSDESK_PDF_DIR") or Path(base or Path.home()) / "OpsDesk")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_pdf_path(stem: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in stem)[:60]
    return output_folder() / f"{safe}-{datetime.now():%Y%m%d-%H%M%S}.pdf"


def open_pdf(path: Path) -> bool:
    """Open in the system's PDF viewer; False where there is none (e.g. a server, or tests)."""
    if os.environ.get("OPSDESK_NO_VIEWER"):
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def save_copy(parent: QWidget, path: Path) -> Path | None:
    dest, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("PdfOutput", "Save PDF as"), str(path.name),
                                          QCoreApplication.translate("PdfOutput", "PDF documents (*.pdf)"))
    if not dest:
        return None
    Path(dest).write_bytes(Path(path).read_bytes())
    return Path(dest)


def deliver(parent: QWidget, path: Path) -> None:
    """Open the finished PDF (printing is the viewer's job) and say where it was saved, with a
    button to keep a copy elsewhere."""
    from PySide6.QtWidgets import QMessageBox

    opened = open_pdf(path)
    box = QMessageBox(parent)
    box.setObjectName("pdf_ready")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("PdfOutput", "PDF ready"))
    text = QCoreApplication.translate("PdfOutput", "Saved as %1").replace("%1", str(path))
    if not opened:
        text += "\n" + QCoreApplication.translate("PdfOutput", "No PDF viewer could be opened; open the file from there.")
    box.setText(text)
    save = box.addButton(QCoreApplication.translate("PdfOutput", "Save a &copy…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    if os.environ.get("OPSDESK_NO_VIEWER"):
        return  # tests and unattended runs: nothing to click
    box.exec()
    if box.clickedButton() is save:
        save_copy(parent, path)
