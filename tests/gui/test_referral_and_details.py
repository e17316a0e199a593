"""The referral and the meeting's details in the window: typed by keyboard, kept by OK, shown in
the header and the side panel, kept across a relaunch, refused at the field when the record
cannot mean them, and read-only once the case or the meeting is closed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.case import CaseOutcome
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.meeting import MeetingType
from sspt_desktop.domain.meeting_arrangements import InvitationMethod, MeetingArrangements
from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_session import OpenedMeeting
from sspt_desktop.storage.case_records import CaseRepository
from sspt_desktop.ui.records.meeting_details_dialog import MeetingDetailsDialog
from sspt_desktop.ui.records.prior_intervention_row import PriorInterventionRowEditor
from sspt_desktop.ui.records.record_form_dialog import RecordFormDialog
from sspt_desktop.ui.records.referral_dialog import ReferralDialog
from tests.gui.conftest import Launcher
from tests.support.dialog_buttons import press_button
from tests.support.pane_driving import focused, paste, press, tab, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

Dialog = TypeVar("Dialog", bound=RecordFormDialog)


def open_student(qtbot: QtBot, running: RunningApp) -> OpenedMeeting:
    window = running.window
    student = window.services.students.add(Student(None, "1029384", "Daniela", "Reyes", "4"))
    assert student.id is not None
    window.students.refresh()
    window.open_student(student.id)
    qtbot.waitUntil(lambda: window.meeting_view.opened is not None, timeout=3000)
    opened = window.meeting_view.opened
    assert opened is not None
    return opened


def in_dialog(
    qtbot: QtBot, kind: type[Dialog], act: Callable[[Dialog], None], first: str
) -> Callable[[], None]:
    """Run ``act`` on the modal dialog once it is open with the cursor in its field named
    ``first``; never leave it waiting."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind)
        try:
            dialog.activateWindow()
            qtbot.waitUntil(
                lambda: QApplication.focusWidget() is getattr(dialog, first), timeout=3000
            )
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    return run


def glance_text(running: RunningApp, key: str) -> str:
    label = running.window.glance.findChild(QLabel, f"glance_{key}")
    assert label is not None
    return label.text()


def retype(qtbot: QtBot, text: str) -> None:
    press(qtbot, Qt.Key.Key_A, modifier=CTRL)
    type_text(qtbot, text)


def test_the_referral_is_typed_by_keyboard_and_shown_beside_the_meeting(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window
    opened = open_student(qtbot, running)
    assert glance_text(running, "concerns") == "—"
    seen: list[str] = []

    def fill(dialog: ReferralDialog) -> None:
        seen.append(dialog.opened_on.text())
        retype(qtbot, "2026-02-20")
        tab(qtbot)
        type_text(qtbot, "Ms. Kim (teacher)")
        tab(qtbot)
        assert focused() is dialog.concerns[ConcernArea.ACADEMIC]
        press(qtbot, Qt.Key.Key_Space)
        tab(qtbot, 5)
        assert focused() is dialog.concerns[ConcernArea.LANGUAGE_DEVELOPMENT]
        press(qtbot, Qt.Key.Key_Space)
        tab(qtbot)
        assert focused() is dialog.description
        type_text(qtbot, "Reads 48 words a minute; the class reads 90.")
        press(qtbot, Qt.Key.Key_Return)  # a description takes several lines
        paste(qtbot, "Évite de lire à voix haute. 避免朗读")
        tab(qtbot)
        first = dialog.rows()[0]
        assert focused() is first.what
        type_text(qtbot, "Small-group reading")
        tab(qtbot)
        type_text(qtbot, "6 weeks")
        tab(qtbot)
        assert focused() is first.data_showed
        type_text(qtbot, "48 to 52 wcpm: flat")
        press(qtbot, Qt.Key.Key_Tab, modifier=SHIFT)
        press(qtbot, Qt.Key.Key_Return)  # the next thing tried
        second = dialog.rows()[1]
        assert focused() is second.what
        type_text(qtbot, "Seat near the board")
        press(qtbot, Qt.Key.Key_Return)  # one too many: Backspace takes it away again
        assert len(dialog.rows()) == 3
        press(qtbot, Qt.Key.Key_Backspace)
        assert len(dialog.rows()) == 2
        press_button(qtbot, dialog)

    QTimer.singleShot(0, in_dialog(qtbot, ReferralDialog, fill, "opened_on"))
    window.referral_action.trigger()

    assert seen == [opened.case.opened_on.isoformat()]  # the stored referral was shown
    case = window.services.session.meeting(opened.meeting_id).case
    assert case.opened_on == date(2026, 2, 20)
    assert case.referred_by == "Ms. Kim (teacher)"
    assert case.concern_areas == (ConcernArea.ACADEMIC, ConcernArea.LANGUAGE_DEVELOPMENT)
    assert case.description == (
        "Reads 48 words a minute; the class reads 90.\nÉvite de lire à voix haute. 避免朗读"
    )
    assert [(t.what, t.how_long, t.data_showed) for t in case.tried] == [
        ("Small-group reading", "6 weeks", "48 to 52 wcpm: flat"),
        ("Seat near the board", "", ""),
    ]
    assert glance_text(running, "referred_by") == "Ms. Kim (teacher)"
    assert glance_text(running, "concerns") == "Academic, Language development"
    shown = window.meeting_view.opened
    assert shown is not None and shown.case == case

    # The side panel's button opens the same referral, as stored.
    reopened: list[tuple[str, int]] = []

    def look(dialog: ReferralDialog) -> None:
        reopened.append((dialog.referred_by.text(), len(dialog.rows())))

    QTimer.singleShot(0, in_dialog(qtbot, ReferralDialog, look, "opened_on"))
    qtbot.mouseClick(window.glance.referral_button, Qt.MouseButton.LeftButton)
    assert reopened == [("Ms. Kim (teacher)", 2)]


def test_a_referral_the_record_cannot_keep_is_said_at_the_field_and_kept_as_typed(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window
    opened = open_student(qtbot, running)
    found: list[str] = []

    def fill(dialog: ReferralDialog) -> None:
        retype(qtbot, "2026-02-30")
        tab(qtbot)
        paste(qtbot, "Ms. Kim\nteacher")  # copied from a spreadsheet cell, line break and all
        press_button(qtbot, dialog)
        assert dialog.isVisible()  # OK says what stops it, and keeps everything
        found.append(dialog.opened_on.message.text())
        found.append(dialog.referred_by.message.text())
        assert focused() is dialog.opened_on
        assert dialog.opened_on.text() == "2026-02-30"
        assert dialog.referred_by.text() == "Ms. Kim\nteacher"
        assert "One more field needs attention" in dialog.problem.text()
        press(qtbot, Qt.Key.Key_Backspace, 2)
        type_text(qtbot, "27")
        tab(qtbot)
        press(qtbot, Qt.Key.Key_Z, modifier=CTRL)  # undo the paste
        type_text(qtbot, "Ms. Kim")
        press_button(qtbot, dialog)
        assert not dialog.isVisible()

    QTimer.singleShot(0, in_dialog(qtbot, ReferralDialog, fill, "opened_on"))
    window.referral_action.trigger()
    assert "Not a possible date" in found[0]
    assert "One line only" in found[1]
    # Nothing is kept before OK, so the messages say only what to fix.
    assert not any("keeps the last accepted value" in text for text in found)
    case = window.services.session.meeting(opened.meeting_id).case
    assert (case.opened_on, case.referred_by) == (date(2026, 2, 27), "Ms. Kim")


def test_a_closed_case_shows_its_referral_read_only(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    window = running.window
    opened = open_student(qtbot, running)
    closed = replace(
        opened.case,
        referred_by="Ms. Kim",
        closed_on=opened.case.opened_on,
        outcome=CaseOutcome.GOALS_MET,
    )
    with running.record.sessions.begin() as session:
        CaseRepository().update(session, closed)
    window.meeting_view.show_student_edited(replace(opened, case=closed))
    looked: list[bool] = []

    def look(dialog: ReferralDialog) -> None:
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        assert box.button(QDialogButtonBox.StandardButton.Ok) is None
        assert dialog.referred_by.isReadOnly() and dialog.description.isReadOnly()
        assert not dialog.concerns[ConcernArea.ACADEMIC].isEnabled()
        type_text(qtbot, "2030-01-01")
        looked.append(dialog.opened_on.text() == closed.opened_on.isoformat())
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Close)

    QTimer.singleShot(0, in_dialog(qtbot, ReferralDialog, look, "opened_on"))
    window.referral_action.trigger()
    assert looked == [True]


def test_a_referral_refused_by_the_record_keeps_the_dialog_open(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    """The case closed in another window while this dialog was open: OK says so plainly and
    nothing typed is lost."""
    running = launch_app()
    window = running.window
    opened = open_student(qtbot, running)
    said: list[str] = []

    def fill(dialog: ReferralDialog) -> None:
        tab(qtbot)
        type_text(qtbot, "Ms. Kim")
        closed = replace(opened.case, closed_on=opened.case.opened_on)
        with running.record.sessions.begin() as session:
            CaseRepository().update(session, closed)
        press_button(qtbot, dialog)
        assert dialog.isVisible() and dialog.referred_by.text() == "Ms. Kim"
        said.append(dialog.problem.text())

    QTimer.singleShot(0, in_dialog(qtbot, ReferralDialog, fill, "opened_on"))
    window.referral_action.trigger()
    assert said and "case is closed" in said[0]


def choose_by_keys(qtbot: QtBot, text: str) -> None:
    """Pick an entry of the focused choice with the arrow keys, as a person does."""
    combo = focused()
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(12):
        if combo.property("currentText") == text:
            return
        press(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} is not offered")


def test_meeting_details_are_typed_by_keyboard_shown_in_the_header_and_kept_on_relaunch(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window
    opened = open_student(qtbot, running)

    def fill(dialog: MeetingDetailsDialog) -> None:
        assert dialog.meeting_type.currentText() == "Initial meeting"
        retype(qtbot, "2026-03-09")
        tab(qtbot)
        type_text(qtbot, "15:30")
        tab(qtbot)
        paste(qtbot, "Salle 12 · bibliothèque")
        tab(qtbot)
        choose_by_keys(qtbot, "Reclassification review")
        tab(qtbot)
        choose_by_keys(qtbot, "Text message")
        tab(qtbot)
        type_text(qtbot, "2026-02-27")
        press_button(qtbot, dialog)

    QTimer.singleShot(0, in_dialog(qtbot, MeetingDetailsDialog, fill, "meeting_date"))
    window.meeting_details_action.trigger()

    header = window.meeting_view.header.text()
    assert "Reclassification review" in header and "Salle 12 · bibliothèque" in header
    assert "March 09, 2026" in header
    assert window.windowTitle().endswith("Reclassification review")
    assert window.glance.meeting_lines()[0].startswith("Mar 09, 2026: Reclassification review")
    running.window.close()
    running.shutdown()

    again = launch_app()
    stored = again.window.services.session.meeting(opened.meeting_id)
    assert stored.meeting.meeting_date == date(2026, 3, 9)
    assert stored.meeting.meeting_type is MeetingType.RECLASSIFICATION
    assert stored.meeting.location == "Salle 12 · bibliothèque"
    assert stored.arrangements == MeetingArrangements(
        time(15, 30), InvitationMethod.TEXT_MESSAGE, date(2026, 2, 27)
    )


def test_meeting_details_the_record_cannot_mean_are_said_at_the_field(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window
    opened = open_student(qtbot, running)
    said: dict[str, str] = {}

    def fill(dialog: MeetingDetailsDialog) -> None:
        retype(qtbot, "2026-03-09")
        tab(qtbot)
        type_text(qtbot, "25:70")
        tab(qtbot, 4)
        assert focused() is dialog.invited_on
        type_text(qtbot, "2026-03-12")  # after the meeting
        press_button(qtbot, dialog)
        said["start"] = dialog.start_time.message.text()
        assert focused() is dialog.start_time
        press(qtbot, Qt.Key.Key_A, modifier=CTRL)
        press(qtbot, Qt.Key.Key_Delete)  # no start time yet
        press_button(qtbot, dialog)
        said["invited"] = dialog.invited_on.message.text()
        assert focused() is dialog.invited_on
        assert dialog.invited_on.text() == "2026-03-12"
        press(qtbot, Qt.Key.Key_Backspace, 2)
        type_text(qtbot, "05")
        press_button(qtbot, dialog)
        assert not dialog.isVisible()

    QTimer.singleShot(0, in_dialog(qtbot, MeetingDetailsDialog, fill, "meeting_date"))
    window.meeting_details_action.trigger()
    assert "Not a time" in said["start"]
    assert "before the meeting" in said["invited"]
    stored = window.services.session.meeting(opened.meeting_id)
    assert stored.arrangements == MeetingArrangements(invited_on=date(2026, 3, 5))


def test_a_closed_meeting_shows_its_details_read_only_and_refuses_them(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window
    opened = open_student(qtbot, running)
    assert window.close_meeting(opened.meeting_id, "The family had to leave early")
    assert window.meeting_view.read_only
    looked: list[bool] = []

    def look(dialog: MeetingDetailsDialog) -> None:
        assert dialog.read_only
        type_text(qtbot, "2030")
        looked.append(dialog.meeting_date.text() == opened.meeting.meeting_date.isoformat())
        looked.append(not dialog.meeting_type.isEnabled())
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Close)

    QTimer.singleShot(0, in_dialog(qtbot, MeetingDetailsDialog, look, "meeting_date"))
    window.meeting_details_action.trigger()
    assert looked == [True, True]

    # Even an editable dialog left open over a meeting that closed meanwhile stores nothing.
    dialog = MeetingDetailsDialog(
        replace(opened.meeting),
        opened.arrangements,
        lambda details: window.services.session.update_meeting_details(opened.meeting_id, details),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    dialog.location.setFocus()
    type_text(qtbot, "Room 12")
    press_button(qtbot, dialog)
    assert dialog.isVisible() and "meeting is closed" in dialog.problem.text()
    assert window.services.session.meeting(opened.meeting_id).meeting.location == ""


def nameless_focusable(dialog: QWidget) -> list[str]:
    found = []
    for widget in dialog.findChildren(QWidget):
        takes_focus = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if takes_focus and widget.isVisibleTo(dialog) and not widget.accessibleName().strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_every_control_has_a_name_and_both_dialogs_fit_200_percent_text(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    opened = open_student(qtbot, running)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    large = QFont(before)
    large.setPointSizeF(before.pointSizeF() * 2)
    app.setFont(large)
    try:
        referral = ReferralDialog(opened.case, lambda case: case)
        referral.tried.add_row()
        details = MeetingDetailsDialog(
            opened.meeting, opened.arrangements, lambda _details: opened.meeting
        )
        for dialog in (referral, details):
            qtbot.addWidget(dialog)
            dialog.show()
            needed = dialog.minimumSizeHint()
            assert needed.width() <= 1280 and needed.height() <= 800, needed
            dialog.resize(needed)
            qtbot.waitUntil(lambda d=dialog, n=needed: d.size() == n, timeout=3000)  # type: ignore[misc]
            assert dialog.buttons.geometry().bottom() <= dialog.height()
            assert nameless_focusable(dialog) == []
        stray = QLineEdit(referral)  # the walk does find a nameless control (it can fail)
        stray.show()
        assert nameless_focusable(referral) == ["QLineEdit ''"]
    finally:
        app.setFont(before)


def test_the_tab_order_follows_the_referral_form(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    opened = open_student(qtbot, running)
    dialog = ReferralDialog(opened.case, lambda case: case)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.opened_on, timeout=3000)
    met = [focused()]
    for _ in range(len(dialog.focus_order()) - 1):
        tab(qtbot)
        met.append(focused())
    assert met == dialog.focus_order()
    rows = dialog.rows()
    assert len(rows) == 1 and isinstance(rows[0], PriorInterventionRowEditor)
