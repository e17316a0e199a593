"""Wires the meeting timer into the main window: its panel, keys, timekeeper window and chime.

Kept apart from :mod:`main_window` so that window stays a shell; nothing here holds timer
arithmetic (that is the domain's) or stores anything itself (that is the timing service's).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.allocation import Fit
from sspt_desktop.domain.meeting_clock import ClockSnapshot, ClockState
from sspt_desktop.ui.shell.meeting_view import MeetingView
from sspt_desktop.ui.timer.chime import Chime
from sspt_desktop.ui.timer.meeting_timer import MeetingTimer
from sspt_desktop.ui.timer.timekeeper_window import TimekeeperWindow
from sspt_desktop.ui.timer.timer_actions import TimerActions
from sspt_desktop.ui.timer.timer_panel import TimerPanel
from sspt_desktop.ui.timer.timer_text import fit_text

if TYPE_CHECKING:
    from sspt_desktop.services.meeting_timing import MeetingTimingService


class TimerCoordinator(QObject):
    """Builds the timer's widgets for a main window and keeps them in step with the clock.

    It owns the :class:`MeetingTimer`, its :class:`TimerActions`, the :class:`TimerPanel` in the
    meeting view, the :class:`TimekeeperWindow` and the :class:`Chime`, and connects them: the
    current segment drives the meeting view's pane, snapshots reach both displays, warnings
    reach the chime. It has no signals of its own.
    """

    def __init__(
        self,
        window: QMainWindow,
        view: MeetingView,
        settings: QSettings,
        clock: Callable[[], float],
        chime: Chime | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._view = view
        self._timing: MeetingTimingService | None = None
        # Meetings whose timer comes back without the resume question: ones this session left
        # with the timer under way (another student was opened), as nothing went wrong, and
        # the one a crash interrupted, as the start-up message has already said it reopens.
        self._left_running: set[int] = set()
        self.closing = False  # set by the shutdown: a late answer must not touch the record
        self._settings = settings
        self._build(clock, chime or Chime(parent=self))

    def set_timing(self, timing: MeetingTimingService) -> None:
        """Connect the timer to the record once it is open."""
        self._timing = timing
        self.timer.set_timing(timing)

    def fill_view_menu(self, menu: QMenu) -> None:
        """The timekeeper window, the screen it shows on, and the chime, in the View menu."""
        menu.addAction(self.timer_actions.timekeeper)
        self.screens_menu = menu.addMenu(self.tr("Timekeeper window on &screen"))
        self.screens_menu.aboutToShow.connect(self._fill_screens_menu)
        menu.addAction(self.timer_actions.chime)

    def _build(self, clock: Callable[[], float], chime: Chime) -> None:
        self.timer = MeetingTimer(None, clock, parent=self)
        self.timer_actions = actions = TimerActions(self.timer, self._window)
        self.timer_panel = TimerPanel(
            [
                actions.start_pause,
                actions.previous,
                actions.next,
                actions.finish,
                actions.remove_minute,
                actions.add_minute,
                actions.timekeeper,
            ],
            actions.rebalance,
            actions.pin_pane,
        )
        self._view.set_timer_panel(self.timer_panel)
        self.timekeeper = TimekeeperWindow(parent=self._window)
        self.timekeeper.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.timekeeper.addActions(actions.commands)
        self.timekeeper.closed.connect(lambda: actions.timekeeper.setChecked(False))
        self.chime = chime
        chime.unavailable.connect(self._chime_unavailable)
        self.timer.snapshotChanged.connect(self._show_snapshot)
        self.timer.segmentChanged.connect(self._follow_segment)
        self.timer.warningReached.connect(chime.on_warning)
        self.timer.saveFailed.connect(
            lambda text: self._window.statusBar().showMessage(text, 10000)
        )
        self.timer.loaded.connect(lambda on: None if on else self.timekeeper.show_snapshot(None))
        self.timer_panel.totalMinutesChosen.connect(self._choose_total)
        actions.pin_pane.toggled.connect(self._view.set_pinned)
        for command in actions.commands:
            command.triggered.connect(self._keep_cursor_in_pane)
        actions.timekeeper.toggled.connect(self._show_timekeeper)
        actions.chime.setChecked(self._settings.value("timer/chime", "false") == "true")
        actions.chime.toggled.connect(self._set_chime)
        chime.set_enabled(actions.chime.isChecked())
        self.timer_panel.hide()

    def load(self, meeting_id: int, agenda: Agenda, total_minutes: int) -> None:
        """The open meeting ``meeting_id`` is shown: take up its timer, or, when it is the one
        already loaded (the recorder looked at a closed meeting and came back), show it as
        it stands, still running if it ran."""
        assert self._timing is not None, "meetings open only once the record is open"
        if self._loaded_for(meeting_id, agenda):
            self._show_loaded(agenda)
            return
        saved = self._timing.load_state(meeting_id)
        state = saved.get("state") if saved else None
        under_way = state in (ClockState.RUNNING.value, ClockState.PAUSED.value)
        if meeting_id in self._left_running:
            self._left_running.discard(meeting_id)
        elif under_way and not self.ask_resume():
            if self.closing:
                return
            self._timing.clear_state(meeting_id)
            saved = None
        elif state == ClockState.NOT_STARTED.value:
            saved = None
        self.timer_actions.pin_pane.setChecked(False)
        self.timer.load(meeting_id, agenda, total_minutes, saved)
        clock = self.timer.clock
        assert clock is not None
        self.timer_actions.rebalance.setChecked(clock.rebalancing)
        self._show_budget(agenda)
        self.timer_panel.show()

    def show_closed(self, meeting_id: int) -> None:
        """A closed meeting is shown: no timer runs for it, and its panel is hidden.

        The open meeting's timer, when one is loaded, keeps running and keeps feeding the
        timekeeper window (the room still follows it, and a crash while the recorder looks
        back is still detected); only the meeting just closed unloads its own timer."""
        self.timer_actions.pin_pane.setChecked(False)
        if self.timer.meeting_id == meeting_id:
            self.timer.unload()
        self.timer_panel.hide()

    def leave_for(self, meeting_id: int, read_only: bool) -> None:
        """Meeting ``meeting_id`` is about to be shown. Looking at a closed one (the student's
        history) or coming back to the timer's own meeting keeps the timer as it is; any
        other open meeting means leaving this one (:meth:`leave`)."""
        if read_only or self.timer.meeting_id in (None, meeting_id):
            return
        self.leave()

    def leave(self) -> None:
        """Leave the current meeting (another is opening): its timer is paused and saved."""
        meeting_id, state = self.timer.meeting_id, self.timer.state
        if meeting_id is not None and state in (ClockState.RUNNING, ClockState.PAUSED):
            self._left_running.add(meeting_id)
        self.timer.unload()

    def resume_without_asking(self, meeting_id: int) -> None:
        """The next :meth:`load` of ``meeting_id`` takes up its saved timer without the
        question (the crash message has told the recorder it reopens where it stood)."""
        self._left_running.add(meeting_id)

    def ask_resume(self) -> bool:
        """Ask whether to take up a meeting timer that was stopped mid-meeting."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Resume the meeting timer?"),
            self.tr(
                "This meeting's timer was stopped while the meeting was under way. Resume the "
                "timer where it stopped? It comes back paused; the time the app was closed "
                "does not count. Choose No to start the timer again from the first segment."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        # Escape or closing the box keeps the timer: starting again must be a clear choice.
        box.setEscapeButton(QMessageBox.StandardButton.Yes)
        answer = box.exec()
        box.deleteLater()
        return answer != QMessageBox.StandardButton.No

    def _keep_cursor_in_pane(self) -> None:
        """After a timer button or key, the cursor belongs in the pane, not on a control
        (starting disables the length box, and Qt would hand its focus to the next control)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.timer_panel.isAncestorOf(focus):
            self._view.focus_current_pane()

    def _show_budget(self, agenda: Agenda) -> None:
        allocation = self.timer.allocation
        assert allocation is not None
        self.timer_panel.set_budget(
            agenda.budget,
            self.timer.total_minutes,
            fit_text(allocation),
            allocation.fit is not Fit.WITHIN_RANGES,
        )

    def _choose_total(self, minutes: int) -> None:
        agenda = self._view.agenda
        if agenda is not None and self.timer.set_total_minutes(minutes):
            self._show_budget(agenda)

    def _loaded_for(self, meeting_id: int, agenda: Agenda) -> bool:
        allocation = self.timer.allocation
        return (
            self.timer.meeting_id == meeting_id
            and allocation is not None
            and allocation.agenda == agenda
        )

    def _shows_timed_meeting(self) -> bool:
        """Whether the meeting view shows the meeting the timer runs for (not a closed one
        the recorder is looking at meanwhile)."""
        opened = self._view.opened
        return opened is not None and opened.meeting_id == self.timer.meeting_id

    def _show_loaded(self, agenda: Agenda) -> None:
        """The view has just been loaded again with the timer's meeting: mark its current
        segment and figures as the timer has them now, without reloading the timer."""
        self.timer_actions.pin_pane.setChecked(False)
        snapshot = self.timer.snapshot
        if snapshot is not None:
            self._view.follow_segment(snapshot.segment_key)
        self.timer.refresh()  # a fresh reading for the panel, the strip and the timekeeper
        self._show_budget(agenda)
        self.timer_panel.show()

    def _follow_segment(self, key: str) -> None:
        if self._shows_timed_meeting():
            self._view.follow_segment(key)

    def _show_snapshot(self, snapshot: ClockSnapshot) -> None:
        self.timer_panel.show_snapshot(snapshot)
        if self._shows_timed_meeting():
            self._view.show_plan(
                snapshot.planned_seconds,
                snapshot.actual_seconds,
                finished=snapshot.state is ClockState.FINISHED,
            )
        if self.timekeeper.isVisible():
            self.timekeeper.show_snapshot(snapshot)

    def _show_timekeeper(self, shown: bool) -> None:
        if shown:
            self.timekeeper.show_snapshot(self.timer.snapshot)
            self.timekeeper.show()
            # The room's window must not take the keyboard from the recorder.
            self._window.activateWindow()
        else:
            self.timekeeper.hide()

    def _fill_screens_menu(self) -> None:
        self.screens_menu.clear()
        current = self.timekeeper.screen()
        for screen in QGuiApplication.screens():
            size = screen.size()
            action = self.screens_menu.addAction(
                f"{screen.name() or self.tr('Screen')} ({size.width()} x {size.height()})"
            )
            action.setCheckable(True)
            action.setChecked(screen is current)
            action.triggered.connect(lambda _=False, s=screen: self._timekeeper_on(s))

    def _timekeeper_on(self, screen: Any) -> None:
        self.timekeeper.move_to_screen(screen)
        self.timer_actions.timekeeper.setChecked(True)

    def _set_chime(self, enabled: bool) -> None:
        self.chime.set_enabled(enabled)
        self._settings.setValue(
            "timer/chime", "true" if enabled and self.chime.enabled else "false"
        )

    def _chime_unavailable(self) -> None:
        self.timer_actions.chime.setChecked(False)
        self._window.statusBar().showMessage(
            self.tr(
                "This computer cannot play sound, so the chime is off. The colours and "
                "words still show every warning."
            ),
            10000,
        )
