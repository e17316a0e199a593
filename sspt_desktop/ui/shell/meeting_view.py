"""The meeting view: header, agenda strip, and the structured pane that follows the agenda."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLayout, QStackedWidget, QVBoxLayout, QWidget

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import Meeting
from sspt_desktop.domain.pane_kinds import PaneKind, spec_for_kind, spec_for_segment
from sspt_desktop.domain.student import Student
from sspt_desktop.ui.common.domain_words import meeting_type_label
from sspt_desktop.ui.panes import PaneContext, PaneServices, StructuredPane, create_pane_editor
from sspt_desktop.ui.panes.pane_links import PaneLinks
from sspt_desktop.ui.shell.elided_label import ElidedLabel
from sspt_desktop.ui.shell.pane_page import PanePage
from sspt_desktop.ui.timer.agenda_strip import AgendaStrip
from sspt_desktop.ui.timer.timer_panel import TimerPanel

if TYPE_CHECKING:
    from sspt_desktop.services.meeting_session import OpenedMeeting

# The pane keeps at least this share of the window's height (60 % promised, and a margin).
PANE_SHARE = 0.62
# How far the view compacts: 0 nothing, 1 the header and the agenda strip, 2 the timer too.
MOST_COMPACT = 2


class MeetingView(QWidget):
    """Shows one meeting: a structured pane per agenda segment (from the ``ui/panes``
    registry), one in front at a time. A closed meeting is shown read-only.

    The timer's current segment brings its pane forward (:meth:`follow_segment`) unless the
    recorder has pinned the pane in front; the recorder can always look at another pane.

    The pane the recorder types in keeps at least :data:`PANE_SHARE` of the window's height,
    at any text size: when the header, agenda strip and timer panel would take more, they
    compact in steps (:attr:`compact_level`) instead of pushing the pane out of sight.

    Signals:
        paneEdited(int, object, object): meeting id, :class:`PaneKind` and the pane's new
            content, after a person's edit (never on a load, never in a closed meeting).
        paneShown(str): the key of the pane brought forward.
        closeRequested(int, str): Close meeting was pressed; the meeting id and the reason for
            closing anyway ("" when none was given).
    """

    paneEdited = Signal(int, object, object)
    paneShown = Signal(str)
    closeRequested = Signal(int, str)

    def __init__(self, prompts: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._opened: OpenedMeeting | None = None
        self._agenda: Agenda | None = None
        self._pane_services = PaneServices()
        # Built once and kept: opening another student's meeting only loads new content.
        self._pages: dict[PaneKind, PanePage] = {}
        self._keys: dict[PaneKind, str] = {}
        self._links: PaneLinks | None = None
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
        # After a timer refresh: fit again only if the header, strip or timer panel now ask
        # for other heights than at the last fit (a refit every second would re-lay the view
        # out, hiding and showing the timer's controls, for nothing).
        self._check_fit_soon = QTimer(self)
        self._check_fit_soon.setSingleShot(True)
        self._check_fit_soon.setInterval(0)
        self._check_fit_soon.timeout.connect(self._fit_if_asked_for_more_or_less)
        self._fitted_for: tuple[int, ...] = ()
        # Opening a meeting fills only the pane in front; the others one per idle turn of the
        # event loop after it (or at once when one is shown first), so the meeting appears
        # without waiting for the seven panes' widgets.
        self._fill_next = QTimer(self)
        self._fill_next.setSingleShot(True)
        self._fill_next.setInterval(0)
        self._fill_next.timeout.connect(self._fill_one_pane)
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
        """Compact no more than needed for the pane to keep its share of the window's height.

        It starts from the level in use: more compact while the pane lacks room, less compact
        while the pane keeps its share without it. The timer panel hands the keyboard focus on
        before hiding a focused control (see :meth:`TimerPanel.set_compact`).
        """
        if self._fitting or not self.isVisible():
            return
        wanted = PANE_SHARE * self.window().height()
        level = self._compact_level
        self._fitting = True
        try:
            self._lay_out()
            if self.stack.height() < wanted:
                while level < MOST_COMPACT and self.stack.height() < wanted:
                    level += 1
                    self._set_compact_level(level)
                    self._lay_out()
            else:
                while level > 0:
                    self._set_compact_level(level - 1)
                    self._lay_out()
                    if self.stack.height() < wanted:
                        self._set_compact_level(level)  # that was one step too far
                        self._lay_out()
                        break
                    level -= 1
        finally:
            self._fitting = False
            self._fitted_for = self._asked_heights()

    def _lay_out(self) -> None:
        # Twice: the agenda strip reflows when resized, which asks for one more pass.
        self._layout.activate()
        self._layout.activate()

    def _asked_heights(self) -> tuple[int, ...]:
        """The window's height, the view's width, and the heights the header, the agenda
        strip and the timer panel ask for at that width: while none changes, what fits the
        window cannot have changed either."""
        width = self.width()
        asked = [self.window().height(), width]
        for widget in (self.header, self.strip, self._timer_panel):
            if widget is None or widget.isHidden():
                asked.append(0)
                continue
            for layout in widget.findChildren(QLayout):
                layout.invalidate()  # a cached height may predate the last text or compaction
            height = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
            asked.append(height if height >= 0 else widget.sizeHint().height())
        return tuple(asked)

    def _fit_if_asked_for_more_or_less(self) -> None:
        if not self._fit_soon.isActive() and self._asked_heights() != self._fitted_for:
            self.fit_to_window()

    def _set_compact_level(self, level: int) -> None:
        self._compact_level = level
        self.header.set_one_line(level >= 1)
        self.strip.set_compact(level >= 1)
        if self._timer_panel is not None:
            self._timer_panel.set_compact(level >= 2)
        for page in self._pages.values():
            page.set_compact(level >= 1)

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
        self._check_fit_soon.start()  # the current segment's longer label, the timer's words

    def show_plan(
        self,
        planned_seconds: Sequence[float],
        actual_seconds: Sequence[float] = (),
        *,
        finished: bool = False,
    ) -> None:
        """Show the timer's current plan (after rebalancing), and the done segments' times.

        Once the timer is ``finished`` no segment is current any more: every one is done and
        shows its planned and actual time (a segment never reached took none)."""
        self.strip.set_plan(planned_seconds, actual_seconds)
        if finished and self._agenda is not None:
            self.strip.set_current(None, [segment.key for segment in self._agenda])
        self._check_fit_soon.start()

    def show_ready(self) -> None:
        """The record is open: invite the person to choose a student."""
        if self._opened is None:
            self.header.setText(self.tr("Choose a student on the left to open their meeting."))

    def set_pane_services(self, services: PaneServices) -> None:
        """What the panes use from the record (the intervention library), once it is open."""
        self._pane_services = services
        for page in self._pages.values():
            page.editor.deleteLater()
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self._links = None

    @property
    def opened(self) -> OpenedMeeting | None:
        """The meeting shown, as it was opened (its content as loaded)."""
        return self._opened

    @property
    def meeting(self) -> Meeting | None:
        return self._opened.meeting if self._opened is not None else None

    @property
    def student(self) -> Student | None:
        """The student whose meeting is shown."""
        return self._opened.student if self._opened is not None else None

    @property
    def agenda(self) -> Agenda | None:
        return self._agenda

    @property
    def read_only(self) -> bool:
        """Whether the meeting shown is closed (nothing in it can be changed)."""
        return self._opened is not None and self._opened.read_only

    def load(self, opened: OpenedMeeting, planned_seconds: Sequence[float]) -> None:
        """Show ``opened``: its stored content goes into the panes without being re-saved; a
        closed meeting's panes are read-only."""
        # An edit of this turn belongs to the meeting shown so far: report it for that one.
        self.flush_edits()
        self._opened = opened
        agenda = self._agenda = opened.agenda
        self.header.setText(self._header_text(opened))
        self._build_pages()
        # The pages stay in the stack from one meeting to the next (taking them out and
        # putting them back cost more than filling them); only their words and content change.
        keys: dict[PaneKind, str] = {}
        context = PaneContext(
            opened.case.id, opened.meeting.uuid or opened.case.id, opened.meeting.meeting_date
        )
        for segment in agenda:
            kind = self._kind_of(segment.key)
            if kind is None or kind in keys:
                continue
            keys[kind] = segment.key
            page = self._pages[kind]
            page.set_words(segment.title, self._prompts.get(segment.key, ""))
            # Filled when first shown or on an idle turn; until then content() is this content.
            page.editor.show_meeting_later(opened.content(kind), context, opened.read_only)
        self._keys = keys
        if self._links is not None:
            self._links.refresh()  # reads the panes' content, none of their widgets
        self.strip.set_segments(list(agenda), planned_seconds)
        self.strip.show()
        first = agenda.segments[0].key
        self._segment_key = None if opened.read_only else first
        # A closed meeting has no current segment; an open one starts at the first until its
        # timer says where it is.
        self.strip.set_current(self._segment_key)
        self.show_pane(first)
        self._fill_next.start()
        self._fit_soon.start()

    def show_student_edited(self, opened: OpenedMeeting) -> None:
        """The meeting shown, its student's record just edited: the header follows, the panes
        and what is typed in them stay as they are."""
        self._opened = opened
        self.header.setText(self._header_text(opened))

    def _header_text(self, opened: OpenedMeeting) -> str:
        student, meeting = opened.student, opened.meeting
        who = f"{student.display_name} (ID {student.student_number})"
        parts = [p for p in (who, meeting_type_label(meeting.meeting_type), meeting.location) if p]
        parts.append(f"{meeting.meeting_date:%A, %B %d, %Y}")
        if opened.read_only:
            parts.append(self.tr("Closed: read-only"))
        return " · ".join(parts)

    @staticmethod
    def _kind_of(segment_key: str) -> PaneKind | None:
        try:
            return spec_for_segment(segment_key).kind
        except InvalidInput:
            return None  # a segment without a pane (none in the shipped agenda)

    def _build_pages(self) -> None:
        if self._pages:
            return
        editors: dict[PaneKind, StructuredPane] = {}
        for spec_kind in PaneKind:
            editor = create_pane_editor(spec_kind, self._pane_services)
            editor.setObjectName(f"pane_{spec_for_kind(spec_kind).segment_key}")
            editor.contentEdited.connect(
                lambda content, kind=spec_kind: self._on_edit(kind, content)
            )
            page = PanePage(spec_for_kind(spec_kind).segment_key, editor)
            self._pages[spec_kind] = page
            self.stack.addWidget(page)
            editors[spec_kind] = editor
        self._links = PaneLinks(editors, self.jump_to, self._on_close_requested, self)
        self._set_compact_level(self._compact_level)

    def editor(self, key: str) -> StructuredPane:
        """The pane of agenda segment ``key``."""
        kind = self._kind_of(key)
        if kind is None or kind not in self._keys:
            raise KeyError(key)
        editor = self._pages[kind].editor
        editor.fill()
        return editor

    def editors(self) -> dict[str, StructuredPane]:
        """Every pane of the meeting shown, by agenda segment key, in agenda order."""
        return {key: self.editor(key) for key in self._keys.values()}

    def _fill_one_pane(self) -> None:
        """Fill the next pane not yet filled, in agenda order; again on the next idle turn."""
        for kind in self._keys:
            editor = self._pages[kind].editor
            if not editor.is_filled():
                editor.fill()
                self._fill_next.start()
                return

    def current_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return widget.key if isinstance(widget, PanePage) else None

    def current_editor(self) -> StructuredPane | None:
        widget = self.stack.currentWidget()
        return widget.editor if isinstance(widget, PanePage) else None

    def focus_current_pane(self) -> None:
        """The cursor back in the pane in front, in its first field."""
        editor = self.current_editor()
        if editor is not None:
            editor.focus_first_field()

    def show_pane(self, key: str) -> None:
        """Bring ``key``'s pane forward with the cursor in its first field."""
        kind = self._kind_of(key)
        if kind is None or kind not in self._keys or self._agenda is None:
            return
        page = self._pages[kind]
        page.editor.fill()
        self.stack.setCurrentWidget(page)
        self.strip.set_shown(key)
        page.editor.focus_first_field()
        self.paneShown.emit(key)

    def show_pane_number(self, number: int) -> None:
        if self._agenda is not None and 1 <= number <= len(self._agenda):
            self.show_pane(self._agenda.segments[number - 1].key)

    def jump_to(self, kind: PaneKind, path: str) -> None:
        """Bring ``kind``'s pane forward with the cursor in the field ``path`` names."""
        key = self._keys.get(kind)
        if key is None:
            return
        page = self._pages[kind]
        page.editor.fill()
        self.stack.setCurrentWidget(page)
        self.strip.set_shown(key)
        page.editor.focus_field(path)
        self.paneShown.emit(key)

    def flush_edits(self) -> None:
        """Report now any edit of this turn of the event loop still waiting in a pane."""
        for page in self._pages.values():
            if page.editor.edit_pending():
                page.editor.content()

    def _on_edit(self, kind: PaneKind, content: Any) -> None:
        opened = self._opened
        if opened is None or opened.read_only:
            return
        self.paneEdited.emit(opened.meeting_id, kind, content)

    def _on_close_requested(self, reason: str) -> None:
        opened = self._opened
        if opened is not None and not opened.read_only:
            self.closeRequested.emit(opened.meeting_id, reason)
