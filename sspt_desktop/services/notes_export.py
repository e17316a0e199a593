"""Printing the meeting notes to a PDF the person chose.

The PDF is written to a temporary file in the destination folder and renamed into place, so a
full disk or a crash never leaves half a document behind, and no student data passes through
the system's shared temp folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.segment_timing import SegmentTiming
from sspt_desktop.services.meeting_record import MeetingRecordService

AgendaLookup = Callable[[int], Agenda]
TimingsLookup = Callable[[int], Sequence[SegmentTiming]]


class NotesExport:
    """Renders a meeting's notes with the agenda the meeting used."""

    def __init__(
        self,
        record: MeetingRecordService,
        agenda_for: AgendaLookup,
        timings_for: TimingsLookup = lambda _meeting_id: [],
    ) -> None:
        self._record = record
        self._agenda_for = agenda_for
        self._timings_for = timings_for

    def export(self, meeting_id: int, destination: Path) -> Path:
        # ReportLab is loaded on the first print, not at start-up.
        from sspt_desktop.printing.form_wording import load_wording
        from sspt_desktop.printing.meeting_notes import render_meeting_notes

        meeting = self._record.meeting(meeting_id)
        if meeting is None:
            raise InvalidInput("That meeting is no longer in the record.")
        student = self._record.student(meeting.student_id) if meeting.student_id else None
        wording = load_wording("meeting_notes", "en")  # notes are for the school's file
        fd, tmp_name = tempfile.mkstemp(prefix=".notes-", suffix=".pdf", dir=destination.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                render_meeting_notes(
                    handle,
                    meeting,
                    student,
                    self._agenda_for(meeting_id),
                    wording,
                    timings=self._timings_for(meeting_id),
                )
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, destination)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return destination
