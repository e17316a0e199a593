"""The services of an open record, handed to the main window once the record is unlocked.

The main window is shown before the database is opened (start-up feels instant, and the
passphrase prompt has a window to sit on); it receives these when the record is ready.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Types only: importing the services (and SQLAlchemy) waits until the record is opened.
    from sspt_desktop.services.agenda_catalog import AgendaCatalog
    from sspt_desktop.services.autosave import PaneAutosaver
    from sspt_desktop.services.intervention_catalog import InterventionCatalog
    from sspt_desktop.services.meeting_record import MeetingRecordService
    from sspt_desktop.services.meeting_session import MeetingSessionService
    from sspt_desktop.services.meeting_timing import MeetingTimingService
    from sspt_desktop.services.notes_export import NotesExport
    from sspt_desktop.services.student_records import StudentRecords


@dataclass(frozen=True, slots=True)
class RecordServices:
    """Everything the window does with the record, plus how the record is protected.

    ``students`` adds, edits and searches students with their whole profile; ``record``
    finds students for the meeting's use cases; ``session`` opens, saves and closes their meetings;
    ``library`` is the intervention library the brainstorm pane searches."""

    record: MeetingRecordService
    students: StudentRecords
    session: MeetingSessionService
    library: InterventionCatalog
    agendas: AgendaCatalog
    autosaver: PaneAutosaver
    notes: NotesExport
    timing: MeetingTimingService
    security_text: str
