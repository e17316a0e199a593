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

    The timer's current segment brings its pane forward (:meth:`follow_segment`) unless the
    recorder has pinned the pane in front; the recorder can always look at another pane.

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
        self._pinned = False
        self._segment_key: str | None = None
        self.header = QLabel(self.tr("Opening the encrypted record…"))
        self.header.setObjectName("meetingHeader")
        self.header.setWordWrap(True)
        self.strip = AgendaStrip()
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.strip)
        self._layout = layout
        layout.addWidget(self.stack, 1)
        self.strip.hide()
        self.strip.segmentChosen.connect(self.show_pane)

    def set_timer_panel(self, panel: QWidget) -> None:
        """Place the timer's panel between the agenda strip and the pane."""
        self._layout.insertWidget(self._layout.indexOf(self.stack), panel)

    @property
    def pinned(self) -> bool:
        return self._pinned

    def set_pinned(self, pinned: bool) -> None:
        """Pin the pane in front; unpinning brings the current segment's pane back."""
        self._pinned = pinned
        if not pinned and self._segment_key is not None:
            self.show_pane(self._segment_key)

    def follow_segment(self, key: str) -> None:
        """The timer moved to segment ``key``: mark it, and bring its pane forward if not pinned."""
        if self._agenda is None:
            return
        self._segment_key = key
        try:
            index = self._agenda.index_of(key)
        except KeyError:
            return
        self.strip.set_current(key, [s.key for s in self._agenda.segments[:index]])
        if not self._pinned:
            self.show_pane(key)

    def show_plan(self, planned_seconds: Sequence[float]) -> None:
        """Show the timer's current plan (after rebalancing) on the agenda strip."""
        self.strip.set_plan(planned_seconds)

    def show_ready(self) -> None:
        """The record is open: invite the person to choose a student."""
        if self._meeting is None:
            self.header.setText(self.tr("Choose a student on the left to open their meeting."))

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
        first = agenda.segments[0].key
        self._segment_key = first
        self.strip.set_current(first)
        self.show_pane(first)

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
        self.strip.set_shown(key)
        editor.focus_editor()
        self.paneShown.emit(key)

    def show_pane_number(self, number: int) -> None:
        if self._agenda is not None and 1 <= number <= len(self._agenda):
            self.show_pane(self._agenda.segments[number - 1].key)

    def _on_edit(self, key: str, text: str) -> None:
        if self._meeting is not None and self._meeting.id is not None:
            self._meeting.panes[key] = text
            self.paneEdited.emit(self._meeting.id, key, text)
