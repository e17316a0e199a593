"""The main window: students on the left, the meeting in the middle, the student at a glance.

It wires widgets to services and holds no rules of its own: what a meeting is, how time is
allocated and how text is saved live in the layers below.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from sspt_desktop import __version__
from sspt_desktop.domain.agenda import PANE_KEYS, Agenda
from sspt_desktop.domain.allocation import allocate
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind
from sspt_desktop.ui.common.domain_words import meeting_type_label
from sspt_desktop.ui.common.placeholders import fill_placeholders
from sspt_desktop.ui.panes import PaneServices
from sspt_desktop.ui.records.meeting_details_dialog import MeetingDetailsDialog
from sspt_desktop.ui.records.referral_dialog import ReferralDialog
from sspt_desktop.ui.records.student_dialog import StudentDialog
from sspt_desktop.ui.shell.autosave_status import AutosaveSignals, AutosaveStatus
from sspt_desktop.ui.shell.elided_label import ElidedLabel
from sspt_desktop.ui.shell.interrupted_meeting_notice import show_interrupted_notice
from sspt_desktop.ui.shell.meeting_view import MeetingView
from sspt_desktop.ui.shell.notes_pdf_saver import NotesPdfSaver
from sspt_desktop.ui.shell.record_services import RecordServices
from sspt_desktop.ui.shell.student_glance import StudentGlance
from sspt_desktop.ui.shell.student_list import StudentListPanel
from sspt_desktop.ui.shell.stylesheet_fonts import refresh_stylesheet_fonts
from sspt_desktop.ui.shell.text_zoom import TextZoom
from sspt_desktop.ui.timer.agenda_settings_dialog import AgendaSettingsDialog
from sspt_desktop.ui.timer.chime import Chime
from sspt_desktop.ui.timer.timer_coordinator import TimerCoordinator

if TYPE_CHECKING:
    from sspt_desktop.services.interrupted_meeting import InterruptedMeeting
    from sspt_desktop.services.meeting_session import OpenedMeeting


class MainWindow(QMainWindow):
    """The meeting room's main window. Every dependency arrives through the constructor or,
    for the record's services, through :meth:`attach_record` once the record is unlocked:
    the window is shown first, so start-up feels immediate and prompts have a parent.

    ``clock`` is the monotonic clock the meeting timer runs on (tests pass a fake one) and
    ``chime`` the warning chime (tests pass one with a recording player).

    Signals:
        meetingOpened(int): a meeting opened for the team to run (not a closed one shown
            read-only): the one to reopen should the app stop without shutting down.
    """

    meetingOpened = Signal(int)

    def __init__(
        self,
        autosave_signals: AutosaveSignals,
        pane_prompts: dict[str, str],
        settings: QSettings,
        clock: Callable[[], float] = time.monotonic,
        chime: Chime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services: RecordServices | None = None
        self._settings = settings
        self.setWindowTitle("SSPT Desktop")
        self.students = StudentListPanel()
        self.meeting_view = MeetingView(pane_prompts)
        self.glance = StudentGlance()
        # No scroll area around the meeting view: it compacts to fit the window instead, so
        # the pane the recorder types in can never be scrolled out of sight.
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.students)
        splitter.addWidget(self.meeting_view)
        splitter.addWidget(self.glance)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setChildrenCollapsible(False)
        self._side_width = 0
        self.setCentralWidget(splitter)
        self.autosave_status = AutosaveStatus(autosave_signals)
        # One line, shortened with "…" when the window is narrow, so the key hint keeps room.
        self.security_status = ElidedLabel(self.tr("Opening the encrypted record…"))
        self.security_status.set_one_line(True)
        self.security_status.setObjectName("securityStatus")
        self.security_status.setAccessibleName(self.tr("Database protection"))
        self.key_hint = ElidedLabel(
            self.tr(
                "F5/Space start·pause · Ctrl+PgDn/PgUp next·previous segment · "
                "Alt+Plus/Minus ±1 min · Ctrl+T timer"
            )
        )
        self.key_hint.setObjectName("keyHint")
        # One line, ending in "…" (the whole hint in its tooltip) rather than widening the
        # window or taking the pane's height when the text is large.
        self.key_hint.set_one_line(True)
        self.key_hint.setAccessibleName(self.tr("Timer keys"))
        # The hint takes the room left; the save status always shows in full.
        self.statusBar().addWidget(self.key_hint, 1)
        self.statusBar().addWidget(self.autosave_status)
        self.statusBar().addPermanentWidget(self.security_status)
        app = QApplication.instance()
        # Windows are made only inside the QApplication that app.py starts, never a core one.
        assert isinstance(app, QApplication)
        self.zoom = TextZoom(app, settings)
        # The text size saved last time applies to the widgets built above, too.
        self._zoom(lambda: None)
        self.timers = TimerCoordinator(self, self.meeting_view, settings, clock, chime)
        # Short names for what tests and the app reach most.
        self.timer = self.timers.timer
        self.timer_actions = self.timers.timer_actions
        self.timer_panel = self.timers.timer_panel
        self.timekeeper = self.timers.timekeeper
        self.chime = self.timers.chime
        self._build_menus()
        self.students.studentChosen.connect(self.open_student)
        self.students.addStudentRequested.connect(self.add_student)
        self.meeting_view.paneEdited.connect(self._on_pane_edited)
        self.meeting_view.closeRequested.connect(self.close_meeting)
        self.glance.meetingChosen.connect(self.show_meeting)
        self.glance.referralRequested.connect(self.edit_referral)
        self.resize(1280, 800)

    def attach_record(self, services: RecordServices) -> None:
        """Start working on the opened record: list its students, enable what needs it."""
        self._services = services
        self._notes_saver = NotesPdfSaver(self, services.notes, self._settings)
        self.timers.set_timing(services.timing)
        self.security_status.setText(services.security_text)
        self.students.set_search(services.students.search)
        self.meeting_view.set_pane_services(
            PaneServices(
                search_library=services.library.search,
                add_library_entry=services.library.add_team_entry,
            )
        )
        self.meeting_view.show_ready()
        self._record_actions_enabled(True)

    @property
    def services(self) -> RecordServices:
        assert self._services is not None, "record actions are enabled only once it is open"
        return self._services

    # -- menus ---------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.add_student_action = self._action(
            self.tr("&Add student…"), QKeySequence.StandardKey.New, self.add_student
        )
        file_menu.addAction(self.add_student_action)
        self.find_student_action = self._action(
            self.tr("&Find student"), QKeySequence.StandardKey.Find, self.find_student
        )
        file_menu.addAction(self.find_student_action)
        self.edit_student_action = self._action(
            self.tr("&Edit student…"), "Ctrl+E", self.edit_student
        )
        file_menu.addAction(self.edit_student_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        )
        meeting_menu = bar.addMenu(self.tr("&Meeting"))
        self.timer_actions.fill_menu(meeting_menu)
        panes_menu = meeting_menu.addMenu(self.tr("&Go to pane"))
        self._pane_actions: list[QAction] = []
        for number in range(1, len(PANE_KEYS) + 1):
            action = self._action(
                "",
                f"Ctrl+{number}",
                lambda _=False, n=number: self.meeting_view.show_pane_number(n),
            )
            panes_menu.addAction(action)
            self._pane_actions.append(action)
        self._name_panes()
        # The panes take the names of the open meeting's agenda, which the view has by the
        # time its timer is loaded.
        self.timer.loaded.connect(lambda _loaded: self._name_panes())
        meeting_menu.addSeparator()
        self.referral_action = self._action(self.tr("R&eferral…"), None, self.edit_referral)
        meeting_menu.addAction(self.referral_action)
        self.meeting_details_action = self._action(
            self.tr("&Meeting details…"), None, self.edit_meeting_details
        )
        meeting_menu.addAction(self.meeting_details_action)
        self.agenda_settings_action = self._action(
            self.tr("Agen&da settings…"), None, self.edit_agenda_settings
        )
        meeting_menu.addAction(self.agenda_settings_action)
        print_menu = bar.addMenu(self.tr("&Print"))
        self.print_notes_action = self._action(
            self.tr("Meeting &notes to PDF…"), QKeySequence.StandardKey.Print, self.print_notes
        )
        print_menu.addAction(self.print_notes_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(
            self._action(
                self.tr("&Larger text"),
                QKeySequence.StandardKey.ZoomIn,
                lambda: self._zoom(self.zoom.larger),
            )
        )
        view_menu.addAction(
            self._action(
                self.tr("S&maller text"),
                QKeySequence.StandardKey.ZoomOut,
                lambda: self._zoom(self.zoom.smaller),
            )
        )
        view_menu.addAction(
            self._action(
                self.tr("&Normal text size"), "Ctrl+0", lambda: self._zoom(self.zoom.reset)
            )
        )
        view_menu.addSeparator()
        self.timers.fill_view_menu(view_menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About SSPT Desktop"), None, self.about))
        self._set_meeting_actions_enabled(False)
        self._record_actions_enabled(False)

    def _name_panes(self) -> None:
        """Go to pane lists the open meeting's segments by number and title; the number is
        the accelerator, so the letters of the titles never clash."""
        agenda = self.meeting_view.agenda
        titles = [segment.title for segment in agenda] if agenda is not None else []
        for number, action in enumerate(self._pane_actions, start=1):
            if number <= len(titles):
                # A title is the school's wording: a "&" in it is a character, not a mnemonic.
                action.setText(f"&{number} {titles[number - 1].replace('&', '&&')}")
            else:
                action.setText(f"&{number} " + self.tr("Pane %1").replace("%1", str(number)))
            action.setVisible(agenda is None or number <= len(titles))

    def _record_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.add_student_action,
            self.find_student_action,
            self.edit_student_action,
            self.agenda_settings_action,
        ):
            action.setEnabled(enabled)
        self.students.setEnabled(enabled)

    def _zoom(self, change: Callable[[], None]) -> None:
        change()
        # Widgets that the stylesheet matches take the new font only when polished again;
        # re-applying the application stylesheet instead can crash (see stylesheet_fonts).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            refresh_stylesheet_fonts(app)
        self._fit_side_panels()

    def _fit_side_panels(self) -> None:
        """Side panels as wide as about 22 characters of the current text size, but each no
        more than a fifth of the window: at large text their lines wrap or shorten, and the
        meeting keeps the room it needs."""
        total = max(self.splitter.width(), self.width())
        chars = QFontMetrics(QApplication.font()).averageCharWidth() * 22 + 32
        width = max(120, min(chars, total // 5))
        self.security_status.setMaximumWidth(max(total // 4, 120))
        if width == self._side_width:
            return
        self._side_width = width
        self.students.setMinimumWidth(min(width, 160))
        self.glance.setMinimumWidth(min(width, 160))
        self.splitter.setSizes([width, max(width, total - 2 * width), width])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_side_panels()

    def _set_meeting_actions_enabled(self, enabled: bool) -> None:
        self.print_notes_action.setEnabled(enabled)
        self.referral_action.setEnabled(enabled)
        self.meeting_details_action.setEnabled(enabled)
        for action in self._pane_actions:
            action.setEnabled(enabled)

    # -- actions -------------------------------------------------------------------------------

    def find_student(self) -> None:
        self.students.search_box.setFocus()
        self.students.search_box.selectAll()

    def add_student(self) -> None:
        dialog = StudentDialog(self.services.students.add, parent=self)
        accepted = dialog.exec()
        added = dialog.saved
        dialog.deleteLater()
        if accepted and added is not None and added.id is not None:
            self.students.refresh()
            self.students.select(added.id)
            self.open_student(added.id)

    def edit_student(self) -> None:
        """Edit the student whose meeting is shown (or, with none shown, the one chosen in the
        list); the list, the header, the side panel and the title show the change at once."""
        opened = self.meeting_view.opened
        student_id = opened.student.id if opened is not None else self.students.current_id()
        students = self.services.students
        student = students.get(student_id) if student_id is not None else None
        if student is None or student.id is None:
            self.statusBar().showMessage(
                self.tr("Choose a student in the list first, then edit them."), 8000
            )
            return
        dialog = StudentDialog(students.edit, student, students.profile(student.id), self)
        accepted = dialog.exec()
        saved, profile = dialog.saved, dialog.saved_profile
        dialog.deleteLater()
        if not accepted or saved is None or saved.id is None or profile is None:
            return
        self.students.refresh()
        self.students.select(saved.id)
        opened = self.meeting_view.opened
        if opened is not None and opened.student.id == saved.id:
            # The same meeting, its student renamed: the panes and the timer stay as they are.
            updated = replace(opened, student=saved, profile=profile)
            self.meeting_view.show_student_edited(updated)
            self.glance.show_student(updated)
            self.setWindowTitle(
                fill_placeholders(
                    self.tr("SSPT Desktop - %1 · %2"),
                    saved.short_name,
                    meeting_type_label(updated.meeting.meeting_type),
                )
            )

    def edit_referral(self) -> None:
        """Read or fill in the referral (the case) of the meeting shown; a closed case is
        shown read-only. The side panel shows who referred the student and the concerns."""
        opened = self.meeting_view.opened
        if opened is None:
            return
        session = self.services.session
        dialog = ReferralDialog(opened.case, session.update_case, opened.student.display_name, self)
        accepted = dialog.exec()
        saved = dialog.saved
        dialog.deleteLater()
        current = self.meeting_view.opened
        if not accepted or saved is None or current is None or current.case.id != saved.id:
            return
        updated = replace(current, case=saved)
        self.meeting_view.show_student_edited(updated)
        self.glance.show_student(updated)

    def edit_meeting_details(self) -> None:
        """Read or change the date, start time, location, type and family invitation of the
        meeting shown (read-only once it is closed); the header, side panel and title follow."""
        opened = self.meeting_view.opened
        if opened is None:
            return
        session, meeting_id = self.services.session, opened.meeting_id
        dialog = MeetingDetailsDialog(
            opened.meeting,
            opened.arrangements,
            lambda details: session.update_meeting_details(meeting_id, details),
            self,
        )
        accepted = dialog.exec()
        saved, arrangements = dialog.saved, dialog.saved_arrangements
        dialog.deleteLater()
        current = self.meeting_view.opened
        if not accepted or saved is None or arrangements is None or current is None:
            return
        if current.meeting_id != meeting_id or current.student.id is None:
            return
        updated = replace(
            current,
            meeting=saved,
            arrangements=arrangements,
            history=session.history(current.student.id),
        )
        self.meeting_view.show_student_edited(updated)
        self.glance.show_student(updated)
        self.setWindowTitle(
            fill_placeholders(
                self.tr("SSPT Desktop - %1 · %2"),
                updated.student.short_name,
                meeting_type_label(saved.meeting_type),
            )
        )

    def open_student(self, student_id: int) -> None:
        """Open the student's current meeting (the next one, of the right type, if the last
        is closed)."""
        opened = self.meeting_view.opened
        if opened is not None and opened.student.id == student_id and not opened.read_only:
            # Already open: reloading would pause the running timer and reread the panes.
            self.meeting_view.focus_current_pane()
            return
        if not self._saved_before_leaving():
            return
        try:
            current = self.services.session.open_student_meeting(student_id)
        except InvalidInput:
            return  # the student is no longer in the record
        self._show_opened(current)

    def show_meeting(self, meeting_id: int) -> None:
        """Show any meeting of the student's history; a closed one is shown read-only."""
        opened = self.meeting_view.opened
        if opened is not None and opened.meeting_id == meeting_id:
            self.meeting_view.focus_current_pane()
            return
        if not self._saved_before_leaving():
            return
        try:
            chosen = self.services.session.meeting(meeting_id)
        except InvalidInput:
            return
        if chosen.read_only:
            self._show_opened(chosen)
        elif chosen.student.id is not None:
            self.open_student(chosen.student.id)

    def _saved_before_leaving(self) -> bool:
        """Whether everything typed in the meeting shown is saved, so another may be shown;
        if not, the person is told the meeting stays open."""
        self.meeting_view.flush_edits()
        if not self.services.autosaver.has_unsaved or self.services.autosaver.flush():
            return True
        # Switching now would show the stored content and drop what is still queued.
        QMessageBox.warning(
            self,
            self.tr("This meeting stays open for now"),
            self.tr(
                "The last changes could not be saved yet, so this meeting stays open and "
                "nothing is lost. Try again in a moment."
            ),
        )
        return False

    def _show_opened(self, opened: OpenedMeeting) -> None:
        meeting = opened.meeting
        self.timers.leave_for(opened.meeting_id, opened.read_only)
        plan = allocate(opened.agenda, meeting.total_minutes * 60)
        self.meeting_view.load(opened, plan.seconds)
        if opened.read_only:
            self.timers.show_closed(opened.meeting_id)
        else:
            self.timers.load(opened.meeting_id, opened.agenda, meeting.total_minutes)
            self.meetingOpened.emit(opened.meeting_id)
        self._name_panes()
        self.glance.show_student(opened)
        if opened.student.id is not None:
            self.students.select(opened.student.id)
        self.setWindowTitle(
            fill_placeholders(
                self.tr("SSPT Desktop - %1 · %2"),
                opened.student.short_name,
                meeting_type_label(meeting.meeting_type),
            )
        )
        self._set_meeting_actions_enabled(True)

    def close_meeting(self, meeting_id: int, reason: str = "") -> bool:
        """Close the meeting after the closure check, as the closure pane's Close asks;
        whether it closed. A refusal says plainly what is missing and changes nothing."""
        if not self._saved_before_leaving():
            return False
        running_timer = self.timer.meeting_id == meeting_id and self.timer.state not in (
            None,
            ClockState.FINISHED,
        )
        try:
            closed = self.services.session.close_meeting(meeting_id, reason or None)
        except InvalidInput as refusal:
            QMessageBox.warning(self, self.tr("The meeting stays open"), self._refusal(refusal))
            return False
        if running_timer:
            # The meeting is over: its timer stops where it stood and is kept as finished
            # (saving it leaves the meeting closed).
            self.timer.finish()
        self._show_opened(self.services.session.meeting(meeting_id))
        self.statusBar().showMessage(
            self.tr("Meeting closed. The student's next meeting will be: %1.").replace(
                "%1", meeting_type_label(closed.next_meeting_type)
            ),
            10000,
        )
        return True

    def _refusal(self, refusal: InvalidInput) -> str:
        from sspt_desktop.services.meeting_session import CloseRefused

        if isinstance(refusal, CloseRefused):
            return self.tr(
                "Something essential is still missing (the closure check lists it). Fill it "
                "in, or type the reason the team is closing anyway, then press Close meeting "
                "again."
            )
        return self.tr("This meeting is already closed, or no longer in the record.")

    def reopen_interrupted(self, interrupted: InterruptedMeeting) -> None:
        """Reopen the meeting a crash or a kill interrupted, its timer as it stood (paused,
        or not started) and the pane of that segment in front, and say so before anything
        else."""
        self.timers.resume_without_asking(interrupted.meeting_id)
        self.open_student(interrupted.student_id)
        show_interrupted_notice(self, interrupted)

    def print_notes(self) -> None:
        meeting = self.meeting_view.meeting
        if meeting is None or meeting.id is None:
            return
        self.meeting_view.flush_edits()
        self.services.autosaver.flush()
        self.timer.save()  # the notes show the time spent up to now
        written = self._notes_saver.save(meeting, self.meeting_view.student)
        if written is not None:
            self.statusBar().showMessage(
                self.tr("Meeting notes saved to %1").replace("%1", written.name), 8000
            )

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About SSPT Desktop"),
            self.tr(
                "SSPT Desktop %1\nRuns a Student Support and Progress Team meeting offline. "
                "The record is encrypted on this computer and never sent anywhere."
            ).replace("%1", __version__),
        )

    # -- saving ----------------------------------------------------------------------------------

    def _on_pane_edited(self, meeting_id: int, pane: PaneKind, content: PaneContent) -> None:
        self.autosave_status.mark_pending()
        self.services.autosaver.submit(meeting_id, pane, content)

    def prepare_to_quit(self) -> None:
        """The app is quitting: report what the panes still hold and save the meeting timer's
        last state, paused, before the record closes (a timer saved as running means the app
        stopped without getting here: services/interrupted_meeting.py tells a crash so)."""
        self.timers.closing = True
        self.meeting_view.flush_edits()
        self.timer.unload()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._services is None:  # closed before the record was opened: nothing to save
            self.timekeeper.close()
            event.accept()
            return
        self.timer.save()
        self.meeting_view.flush_edits()
        if self._services.autosaver.flush(timeout=5.0):
            self.timekeeper.close()
            event.accept()
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Your last changes are not saved yet"),
            self.tr(
                "The database could not be written just now, so the last few seconds of typing "
                "are not saved. Everything before that is safe. Keep the window open and try "
                "again in a moment, or quit and lose only those last changes."
            ),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Retry,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.timekeeper.close()
            event.accept()
        else:
            event.ignore()

    def edit_agenda_settings(self) -> None:
        from sspt_desktop.services.agenda_catalog import shipped_agenda

        agendas, timing = self.services.agendas, self.services.timing

        def save(agenda: Agenda, warning_seconds: int) -> None:
            agendas.save_school_agenda(agenda)
            timing.set_warning_seconds(warning_seconds)

        dialog = AgendaSettingsDialog(
            agendas.school_agenda(),
            shipped_agenda(),
            timing.warning_seconds(),
            save,
            self,
        )
        saved = dialog.exec()
        dialog.deleteLater()
        if saved:
            self.statusBar().showMessage(
                self.tr("Agenda saved. It applies to meetings opened from now on."), 8000
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Space reaches the window when the focused widget did not use it: a read-only field
        # lets it through, so the timer takes it only when the focus is in no text field or
        # other control that uses Space (TimerActions.take_space).
        if (
            event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.timer_actions.take_space(QApplication.focusWidget())
        ):
            return
        super().keyPressEvent(event)
