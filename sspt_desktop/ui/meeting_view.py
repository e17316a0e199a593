"""The meeting view: header, agenda strip, and the pane that follows the agenda."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.meeting import Meeting
from sspt_desktop.domain.student import Student
from sspt_desktop.ui.agenda_strip import AgendaStrip
from sspt_desktop.ui.pane_editor import PaneEditor


class MeetingView(QWidget):
    """Shows one meeting: a pane per agenda segment, one in front at a time.

    Signals:
        paneEdited(int, str, str): meeting id, pane key and the pane's whole text, on every edit.
        paneShown(str): the key of the pane brought forward.
    """

    paneEdited = Signal(int, str, str)
    paneShown = Signal(str)

    def __init__(self, prompts: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._meeting: Meeting | None = None
        self._agenda: Agenda | None = None
        self._editors: dict[str, PaneEditor] = {}
        self.header = QLabel(self.tr("Choose a student on the left to open their meeting."))
        self.header.setObjectName("meetingHeader")
        self.header.setWordWrap(True)
        self.strip = AgendaStrip()
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.strip)
        layout.addWidget(self.stack, 1)
        self.strip.hide()
        self.strip.segmentChosen.connect(self.show_pane)

    @property
    def meeting(self) -> Meeting | None:
        return self._meeting

    @property
    def agenda(self) -> Agenda | None:
        return self._agenda

    def load(
        self,
        meeting: Meeting,
        student: Student | None,
        agenda: Agenda,
        planned_seconds: Sequence[float],
    ) -> None:
        """Show ``meeting``; its stored text is loaded into the panes without being re-saved."""
        self._meeting = meeting
        self._agenda = agenda
        who = f"{student.display_name} (ID {student.student_number})" if student else ""
        parts = [p for p in (who, meeting.meeting_type.label, meeting.location) if p]
        parts.append(f"{meeting.meeting_date:%A, %B %d, %Y}")
        self.header.setText(" · ".join(parts))
        for editor in self._editors.values():
            self.stack.removeWidget(editor)
            editor.deleteLater()
        self._editors.clear()
        for segment in agenda:
            editor = PaneEditor(segment.key, segment.title, self._prompts.get(segment.key, ""))
            editor.set_text(meeting.pane_text(segment.key))
            editor.textEdited.connect(self._on_edit)
            self.stack.addWidget(editor)
            self._editors[segment.key] = editor
        self.strip.set_segments(list(agenda), planned_seconds)
        self.strip.show()
        self.show_pane(agenda.segments[0].key)

    def editor(self, key: str) -> PaneEditor:
        return self._editors[key]

    def current_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return widget.key if isinstance(widget, PaneEditor) else None

    def show_pane(self, key: str) -> None:
        """Bring ``key``'s pane forward with the cursor at the end of its text."""
        editor = self._editors.get(key)
        if editor is None or self._agenda is None:
            return
        self.stack.setCurrentWidget(editor)
        index = self._agenda.index_of(key)
        self.strip.set_current(key, [s.key for s in self._agenda.segments[:index]])
        editor.focus_editor()
        self.paneShown.emit(key)

    def show_pane_number(self, number: int) -> None:
        if self._agenda is not None and 1 <= number <= len(self._agenda):
            self.show_pane(self._agenda.segments[number - 1].key)

    def step(self, delta: int) -> None:
        key = self.current_key()
        if key is None or self._agenda is None:
            return
        self.show_pane_number(self._agenda.index_of(key) + 1 + delta)

    def _on_edit(self, key: str, text: str) -> None:
        if self._meeting is not None and self._meeting.id is not None:
            self._meeting.panes[key] = text
            self.paneEdited.emit(self._meeting.id, key, text)
