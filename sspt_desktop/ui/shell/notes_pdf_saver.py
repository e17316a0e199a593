"""Saving the meeting notes as a PDF where the person chooses, with plain messages."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sspt_desktop.domain.meeting import Meeting
from sspt_desktop.domain.student import Student

if TYPE_CHECKING:
    from sspt_desktop.services.notes_export import NotesExport


# Characters no file name may hold on Windows, macOS or Linux, and control characters.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def notes_file_name(student: Student | None, day: date) -> str:
    """ "SSPT notes - Reyes, Daniela - 2026-11-25.pdf", safe as a file name on any system."""
    who = f"{student.last_name}, {student.first_name}" if student is not None else ""
    who = " ".join(_UNSAFE.sub("_", who).split()).strip(" .")
    parts = ["SSPT notes", who, f"{day:%Y-%m-%d}"] if who else ["SSPT notes", f"{day:%Y-%m-%d}"]
    return " - ".join(parts) + ".pdf"


def documents_folder() -> Path:
    """The person's documents folder (their home if the system has none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class NotesPdfSaver(QObject):
    """Asks where to save, confirms replacing a file, writes the PDF, remembers the folder.

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget, notes: NotesExport, settings: QSettings) -> None:
        super().__init__(parent)
        self._parent = parent
        self._notes = notes
        self._settings = settings

    def save(self, meeting: Meeting, student: Student | None = None) -> Path | None:
        """The path written, or ``None`` if the person cancelled or it could not be written.

        The suggested name holds the student and the meeting's date; the folder is the one
        used last time if it still exists, else the documents folder, never the folder the
        app happened to be started from.
        """
        assert meeting.id is not None
        last = str(self._settings.value("print/last_folder", "") or "")
        folder = Path(last) if last and Path(last).is_absolute() and Path(last).is_dir() else None
        folder = folder or documents_folder()
        suggested = str(folder / notes_file_name(student, meeting.meeting_date))
        chosen, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Save meeting notes as PDF"),
            suggested,
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
            # The dialog confirmed the name typed, not this one: ask before replacing a file.
            if target.exists() and (
                QMessageBox.question(
                    self._parent,
                    self.tr("Replace the file?"),
                    self.tr("%1 already exists. Replace it?").replace("%1", target.name),
                )
                != QMessageBox.StandardButton.Yes
            ):
                return None
        try:
            written = self._notes.export(meeting.id, target)
        except OSError as exc:
            QMessageBox.warning(
                self._parent,
                self.tr("The notes were not saved"),
                self.tr(
                    "The PDF could not be written to that folder (%1). Your meeting record is "
                    "safe. Choose another folder, or free some space, and try again."
                ).replace("%1", exc.strerror or type(exc).__name__),
            )
            return None
        self._settings.setValue("print/last_folder", str(written.parent))
        return written
