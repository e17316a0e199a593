"""The meeting view: header, agenda strip, and the pane that follows the agenda."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.meeting import Meeting
from sspt_desktop.domain.student import Student
from sspt_desktop.ui.agenda_strip import AgendaStrip
from sspt_desktop.ui.elided_label import ElidedLabel
from sspt_desktop.ui.pane_editor import PaneEditor
from sspt_desktop.ui.timer_panel import TimerPanel

# The pane keeps at least this share of the window's height (60 % promised, and a margin).
PANE_SHARE = 0.62
# How far the view compacts: 0 nothing, 1 the header and the agenda strip, 2 the timer too.
MOST_COMPACT = 2


class MeetingView(QWidget):
    """Shows one meeting: a pane per agenda segment, one in front at a time.

    The timer's current segment brings its pane forward (:meth:`follow_segment`) unless the
    recorder has pinned the pane in front; the recorder can always look at another pane.

    The pane the recorder types in keeps at least :data:`PANE_SHARE` of the window's height,
    at any text size: when the header, agenda strip and timer panel would take more, they
    compact in steps (:attr:`compact_level`) instead of pushing the pane out of sight.

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
        self._student: Student | None = None
        self._agenda: Agenda | None = None
        self._editors: dict[str, PaneEditor] = {}
        self._pinned = False
        self._segment_key: str | None = None
        self.header = ElidedLabel(self.tr("Opening the encrypted record…"))
        self.header.setObjectName("meetingHeader")
        self._timer_panel: TimerPanel | None = None
        self._compact_level = 0
        self._fitting = False
        # Fit once the events of a change (a new text size, a restyle) have all arrived.
        self._fit_soon = QTimer(self)
        self._fit_soon.setSingleShot(True)
        self._fit_soon.setInterval(0)
        self._fit_soon.timeout.connect(self.fit_to_window)
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

    def set_timer_panel(self, panel: TimerPanel) -> None:
        """Place the timer's panel between the agenda strip and the pane."""
        self._timer_panel = panel
        self._layout.insertWidget(self._layout.indexOf(self.stack), panel)

    # -- fitting the window ------------------------------------------------------------------

    @property
    def compact_level(self) -> int:
        return self._compact_level

    def fit_to_window(self) -> None:
        """Compact no more than needed for the pane to keep its share of the window's height."""
        if self._fitting or not self.isVisible():
            return
        wanted = PANE_SHARE * self.window().height()
        self._fitting = True
        try:
            for level in range(MOST_COMPACT + 1):
                self._set_compact_level(level)
                # Twice: the agenda strip reflows when resized, which asks for one more pass.
                self._layout.activate()
                self._layout.activate()
                if self.stack.height() >= wanted:
                    break
        finally:
            self._fitting = False

    def _set_compact_level(self, level: int) -> None:
        self._compact_level = level
        self.header.set_one_line(level >= 1)
        self.strip.set_compact(level >= 1)
        if self._timer_panel is not None:
            self._timer_panel.set_compact(level >= 2)

    def minimumSizeHint(self) -> QSize:
        # What the view needs once compacted, not what its full form needs: a larger text
        # size must make it compact, never make the window grow past the screen.
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().height() * 12)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._fitting:
            self._fit_soon.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_soon.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_soon.start()

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
        self._fit_soon.start()  # the current segment's longer label, the timer's new words

    def show_plan(
        self, planned_seconds: Sequence[float], actual_seconds: Sequence[float] = ()
    ) -> None:
        """Show the timer's current plan (after rebalancing), and the done segments' times."""
        self.strip.set_plan(planned_seconds, actual_seconds)
        self._fit_soon.start()

    def show_ready(self) -> None:
        """The record is open: invite the person to choose a student."""
        if self._meeting is None:
            self.header.setText(self.tr("Choose a student on the left to open their meeting."))

    @property
    def meeting(self) -> Meeting | None:
        return self._meeting

    @property
    def student(self) -> Student | None:
        """The student whose meeting is shown."""
        return self._student

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
        self._student = student
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
        self._fit_soon.start()

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
