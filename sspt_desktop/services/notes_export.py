"""Printing the meeting notes to a PDF the person chose.

The notes are rendered from the meeting's typed content, read in one call (one transaction) of
the meeting session service, so every pane prints what the recorder typed in it, with the
agenda the meeting began with.

The PDF is written to a temporary file in the destination folder and renamed into place, so a
full disk or a crash never leaves half a document behind, and no student data passes through
the system's shared temp folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.segment_timing import SegmentTiming
from sspt_desktop.services.meeting_session import OpenedMeeting

AgendaLookup = Callable[[int], Agenda]
TimingsLookup = Callable[[int], Sequence[SegmentTiming]]


class MeetingReader(Protocol):
    """Reads one stored meeting with everything it holds (the meeting session service)."""

    def meeting(self, meeting_id: int) -> OpenedMeeting: ...


def _no_timings(_meeting_id: int) -> Sequence[SegmentTiming]:
    return ()


class NotesExport:
    """Renders a meeting's notes from its typed content.

    ``meetings`` is the :class:`~sspt_desktop.services.meeting_session.MeetingSessionService`.
    The agenda printed by is the one the meeting began with, read with its content;
    ``agenda_for`` replaces it only where a caller must print by another agenda.
    """

    def __init__(
        self,
        meetings: MeetingReader,
        agenda_for: AgendaLookup | None = None,
        timings_for: TimingsLookup = _no_timings,
    ) -> None:
        self._meetings = meetings
        self._agenda_for = agenda_for
        self._timings_for = timings_for

    def export(self, meeting_id: int, destination: Path) -> Path:
        # ReportLab is loaded on the first print, not at start-up.
        from sspt_desktop.printing.form_wording import load_wording
        from sspt_desktop.printing.meeting_notes import render_meeting_notes

        opened = self._meetings.meeting(meeting_id)  # raises InvalidInput when it is gone
        agenda = opened.agenda if self._agenda_for is None else self._agenda_for(meeting_id)
        wording = load_wording("meeting_notes", "en")  # notes are for the school's file
        fd, tmp_name = tempfile.mkstemp(prefix=".notes-", suffix=".pdf", dir=destination.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                render_meeting_notes(
                    handle,
                    opened.meeting,
                    opened.student,
                    agenda,
                    wording,
                    timings=self._timings_for(meeting_id),
                    panes=opened.panes,
                )
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, destination)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return destination
