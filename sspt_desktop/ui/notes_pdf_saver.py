"""Saving the meeting notes as a PDF where the person chooses, with plain messages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sspt_desktop.domain.meeting import Meeting

if TYPE_CHECKING:
    from sspt_desktop.services.notes_export import NotesExport


class NotesPdfSaver(QObject):
    """Asks where to save, confirms replacing a file, writes the PDF, remembers the folder.

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget, notes: NotesExport, settings: QSettings) -> None:
        super().__init__(parent)
        self._parent = parent
        self._notes = notes
        self._settings = settings

    def save(self, meeting: Meeting) -> Path | None:
        """The path written, or ``None`` if the person cancelled or it could not be written."""
        assert meeting.id is not None
        folder = self._settings.value("print/last_folder", "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suggested = str(Path(str(folder)) / f"SSPT notes {meeting.meeting_date:%Y-%m-%d}.pdf")
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
