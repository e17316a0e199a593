"""The student's record in the window: the whole profile typed by keyboard, editing after
creation, refusals at the field that keep what was typed, and search as you type."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.domain.student_profile import Caregiver, StudentProfile
from sspt_desktop.services.record_opening import OpenRecord, open_memory_keyed_record
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.storage.locations import DataLocations
from sspt_desktop.ui.records.caregiver_row import CaregiverRowEditor
from sspt_desktop.ui.records.student_dialog import StudentDialog
from sspt_desktop.ui.shell.student_list import StudentRole
from tests.gui.conftest import Launcher
from tests.support.dialog_buttons import press_button
from tests.support.pane_driving import focused, paste, press, tab, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


# -- a dialog on its own, over a real record ---------------------------------------------------


@pytest.fixture
def record(locations: DataLocations) -> Iterator[OpenRecord]:
    opened = open_memory_keyed_record(locations)
    yield opened
    opened.close()


@pytest.fixture
def students(record: OpenRecord) -> StudentRecords:
    return StudentRecords(record.sessions)


def shown_dialog(qtbot: QtBot, dialog: StudentDialog) -> StudentDialog:
    """The dialog shown without a modal loop of its own, active, ready for keys."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def numbers(students: StudentRecords) -> list[str]:
    return [s.student_number for s in students.search("")]


def test_a_line_break_pasted_into_a_name_is_refused_at_the_field_and_kept(
    qtbot: QtBot, students: StudentRecords
) -> None:
    dialog = shown_dialog(qtbot, StudentDialog(students.add))
    assert focused() is dialog.first_name
    type_text(qtbot, "Ana")
    tab(qtbot)
    type_text(qtbot, "Lopez")
    paste(qtbot, "\nGarcia")  # a name copied from a spreadsheet, line break and all
    tab(qtbot)
    type_text(qtbot, "7001")
    tab(qtbot, 2)
    assert focused() is dialog.form.birth_date
    type_text(qtbot, "2015-02-30")
    assert dialog.last_name.message.isVisible()  # said as it is typed already
    press_button(qtbot, dialog)

    assert dialog.isVisible()  # OK stays enabled; pressing it says what stops it
    assert "One line only" in dialog.last_name.message.text()
    assert "Not a possible date" in dialog.form.birth_date.message.text()
    assert not dialog.first_name.message.isVisible()
    # The first field at fault is in front with the cursor in it; the bottom line repeats it.
    assert focused() is dialog.last_name
    assert dialog.problem.text().startswith(dialog.last_name.message.text())
    assert "1 more field" in dialog.problem.text()
    # Nothing typed is lost, nothing was stored.
    assert dialog.last_name.text() == "Lopez\nGarcia"
    assert dialog.form.birth_date.text() == "2015-02-30"
    assert dialog.first_name.text() == "Ana"
    assert numbers(students) == []

    press(qtbot, Qt.Key.Key_Z, modifier=CTRL)  # undo the paste
    assert dialog.last_name.text() == "Lopez"
    assert not dialog.last_name.message.isVisible()
    dialog.form.reveal(dialog.form.birth_date)
    press(qtbot, Qt.Key.Key_Backspace, 2)
    type_text(qtbot, "28")
    press_button(qtbot, dialog)
    assert not dialog.isVisible()
    stored = students.search("7001")
    assert [(s.first_name, s.last_name, s.birth_date) for s in stored] == [
        ("Ana", "Lopez", date(2015, 2, 28))
    ]


@pytest.mark.parametrize(
    ("field", "typed", "words"),
    [
        ("first_name", "A" * 121, "Too long: at most 120"),
        ("school", "Lincoln\tElementary", "invisible control character"),
        ("student_number", "70" * 21, "Too long: at most 40"),
    ],
)
def test_limits_of_one_line_fields_are_said_at_the_field(
    qtbot: QtBot, students: StudentRecords, field: str, typed: str, words: str
) -> None:
    dialog = shown_dialog(qtbot, StudentDialog(students.add))
    for name, text in (("first_name", "Ana"), ("last_name", "Lopez"), ("student_number", "1")):
        getattr(dialog.form, name).setText(text)
    widget = getattr(dialog.form, field)
    widget.setText(typed)
    press_button(qtbot, dialog)
    assert dialog.isVisible()
    assert words in widget.message.text()
    assert widget.text() == typed
    assert focused() is widget
    assert numbers(students) == []


def test_needed_fields_left_empty_are_named_at_each_field(
    qtbot: QtBot, students: StudentRecords
) -> None:
    dialog = shown_dialog(qtbot, StudentDialog(students.add))
    press_button(qtbot, dialog)
    for field in (dialog.first_name, dialog.last_name, dialog.student_number):
        assert "Needed" in field.message.text()
    assert focused() is dialog.first_name
    assert "2 more fields" in dialog.problem.text()
    type_text(qtbot, "Ana")
    assert not dialog.first_name.message.isVisible()  # typing answers the message
    assert dialog.problem.text() == ""


def test_an_id_differing_only_in_case_is_refused_at_the_id_field(
    qtbot: QtBot, students: StudentRecords
) -> None:
    students.add(Student(None, "a-1029", "Daniela", "Reyes", "4"))
    dialog = shown_dialog(qtbot, StudentDialog(students.add))
    type_text(qtbot, "Sofia")
    tab(qtbot)
    type_text(qtbot, "Hernandez")
    tab(qtbot)
    type_text(qtbot, " A-1029 ")
    press_button(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.student_number.message.text() == (
        "A student with ID A-1029 is already in the record."
    )
    assert focused() is dialog.student_number
    assert dialog.student_number.text() == " A-1029 "
    assert numbers(students) == ["a-1029"]


def nameless_focusable(dialog: QWidget) -> list[str]:
    found = []
    for widget in dialog.findChildren(QWidget):
        takes_focus = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if takes_focus and widget.isVisibleTo(dialog) and not widget.accessibleName().strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_every_control_on_every_tab_has_an_accessible_name(
    qtbot: QtBot, students: StudentRecords
) -> None:
    dialog = shown_dialog(qtbot, StudentDialog(students.add))
    dialog.form.caregivers.add_row()
    for index in range(dialog.form.count()):
        dialog.form.setCurrentIndex(index)
        assert nameless_focusable(dialog) == []
    stray = QLineEdit(dialog)  # the walk does find a nameless control (it can fail)
    stray.show()
    assert nameless_focusable(dialog) == ["QLineEdit ''"]


def test_the_tab_order_follows_the_form(qtbot: QtBot, students: StudentRecords) -> None:
    dialog = shown_dialog(qtbot, StudentDialog(students.add))
    form = dialog.form
    met = [focused()]
    for _ in range(7):
        tab(qtbot)
        met.append(focused())
    assert met == form.focus_order()[:8]


def test_the_dialog_fits_a_1280_by_800_screen_at_200_percent_text(
    qtbot: QtBot, students: StudentRecords
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    large = QFont(before)
    large.setPointSizeF(before.pointSizeF() * 2)
    app.setFont(large)
    try:
        dialog = shown_dialog(qtbot, StudentDialog(students.add))
        dialog.form.caregivers.add_row()
        needed = dialog.minimumSizeHint()
        assert needed.width() <= 1280 and needed.height() <= 800, needed
        dialog.resize(needed)
        qtbot.waitUntil(lambda: dialog.size() == needed)
        # The buttons stay in sight: the tabs scroll instead of pushing them off.
        assert dialog.buttons.geometry().bottom() <= dialog.height()
    finally:
        app.setFont(before)


# -- the whole window ----------------------------------------------------------------------------


def in_dialog(qtbot: QtBot, act: Callable[[StudentDialog], None]) -> Callable[[], None]:
    """Run ``act`` on the modal student dialog once it is open; never leave it waiting."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StudentDialog)
        try:
            # Keys go where a person's would: to the dialog, once it has the keyboard.
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.first_name, timeout=3000)
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    return run


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry of the focused choice with the arrow keys, as a person does."""
    assert focused() is combo
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        press(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} is not offered")


def test_a_student_with_a_full_profile_is_added_by_keyboard(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window

    def fill(dialog: StudentDialog) -> None:
        form = dialog.form
        for text in ("Daniela", "Reyes", "1029384", "4", "2016-03-14", "Lincoln", "Ms. Kim"):
            type_text(qtbot, text)
            tab(qtbot)
        type_text(qtbot, "Mr. Ortiz (teacher)")
        press(qtbot, Qt.Key.Key_A, modifier=ALT)  # the Language and support tab
        assert form.currentIndex() == 1
        press(qtbot, Qt.Key.Key_O, modifier=ALT)
        assert focused() is form.home_language
        paste(qtbot, "Español")
        tab(qtbot)
        choose(qtbot, form.language_status, "English learner (EL)")
        tab(qtbot)
        choose(qtbot, form.eld_level, "2")
        tab(qtbot)
        choose(qtbot, form.form_language, "Spanish (Español)")
        walk_boxes(
            qtbot,
            (form.iep, form.plan_504, form.suspected_disability, form.foster_youth, form.homeless),
            ticked={form.iep, form.suspected_disability, form.homeless},
        )
        tab(qtbot)
        assert focused() is form.ethnicity
        type_text(qtbot, "Hispanic or Latino")
        press(qtbot, Qt.Key.Key_Y, modifier=ALT)  # the Family tab
        assert form.currentIndex() == 2
        rows = form.caregiver_rows()
        rows[0].name.setFocus()
        for text in ("Maria Reyes", "mother", "555-0134", "maria@example.org", "Spanish"):
            type_text(qtbot, text)
            tab(qtbot)
        assert focused() is rows[0].interpreter
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Return)  # the next caregiver
        second = form.caregiver_rows()[1]
        assert focused() is second.name
        type_text(qtbot, "Jose Reyes")
        tab(qtbot)
        type_text(qtbot, "father")
        press(qtbot, Qt.Key.Key_Return)  # one too many: Backspace takes it away again
        assert len(form.caregiver_rows()) == 3
        press(qtbot, Qt.Key.Key_Backspace)
        assert len(form.caregiver_rows()) == 2
        press_button(qtbot, dialog)

    QTimer.singleShot(0, in_dialog(qtbot, fill))
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    view = window.meeting_view
    qtbot.waitUntil(lambda: view.student is not None, timeout=3000)
    assert view.student is not None and view.student.id is not None
    services = window.services.students
    student = services.get(view.student.id)
    assert student is not None
    assert (student.first_name, student.last_name, student.student_number) == (
        "Daniela",
        "Reyes",
        "1029384",
    )
    assert student.grade == "4"
    assert student.birth_date == date(2016, 3, 14)
    assert student.referred_by == "Mr. Ortiz (teacher)"
    assert student.language_status is LanguageStatus.ENGLISH_LEARNER
    assert student.preferred_language == "es"
    profile = services.profile(view.student.id)
    assert profile is not None
    assert (profile.school, profile.teacher, profile.home_language) == (
        "Lincoln",
        "Ms. Kim",
        "Español",
    )
    assert profile.eld_level == 2
    assert (profile.iep, profile.plan_504, profile.suspected_disability) == (True, False, True)
    assert (profile.foster_youth, profile.homeless) == (False, True)
    assert profile.ethnicity == "Hispanic or Latino"
    assert profile.caregivers == (
        Caregiver("Maria Reyes", "mother", "555-0134", "maria@example.org", "Spanish", True),
        Caregiver("Jose Reyes", "father"),
    )
    assert "Daniela Reyes (ID 1029384)" in view.header.text()


def walk_boxes(qtbot: QtBot, boxes: tuple[QCheckBox, ...], ticked: set[QCheckBox]) -> None:
    """Tab through the check boxes in order, ticking with Space the ones in ``ticked``."""
    for box in boxes:
        tab(qtbot)
        assert focused() is box
        if box in ticked:
            press(qtbot, Qt.Key.Key_Space)
    assert {box for box in boxes if box.isChecked()} == ticked


def add_record_student(
    running: RunningApp, number: str, first: str, last: str, grade: str
) -> Student:
    student = running.window.services.students.add(Student(None, number, first, last, grade))
    running.window.students.refresh()
    return student


def list_rows(running: RunningApp) -> list[str]:
    model = running.window.students.model
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def test_a_typo_in_a_name_is_fixed_and_shown_everywhere(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    window = running.window
    student = add_record_student(running, "1029384", "Danielle", "Reyse", "4")
    assert student.id is not None
    window.open_student(student.id)
    qtbot.waitUntil(lambda: window.meeting_view.student is not None, timeout=3000)
    assert "Danielle Reyse" in window.meeting_view.header.text()
    opened_meeting = window.meeting_view.meeting

    def fix(dialog: StudentDialog) -> None:
        assert dialog.windowTitle() == "Edit student"
        assert dialog.first_name.text() == "Danielle"  # filled in
        assert focused() is dialog.first_name
        press(qtbot, Qt.Key.Key_A, modifier=CTRL)
        type_text(qtbot, "Daniela")
        tab(qtbot)
        press(qtbot, Qt.Key.Key_A, modifier=CTRL)
        type_text(qtbot, "Reyes")
        tab(qtbot, 2)
        press(qtbot, Qt.Key.Key_A, modifier=CTRL)
        type_text(qtbot, "5")
        press_button(qtbot, dialog)

    QTimer.singleShot(0, in_dialog(qtbot, fix))
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)

    assert "Daniela Reyes (ID 1029384)" in window.meeting_view.header.text()
    assert "Reyse" not in window.meeting_view.header.text()
    assert window.windowTitle().startswith("SSPT Desktop - Daniela R.")
    assert list_rows(running) == ["Reyes, Daniela\nID 1029384 · grade 5"]
    grade = window.glance.findChild(QWidget, "glance_grade")
    assert grade is not None and grade.property("text") == "5"
    # The same meeting stays open: nothing was reloaded.
    assert window.meeting_view.meeting is opened_meeting
    stored = window.services.students.get(student.id)
    assert stored is not None and (stored.first_name, stored.last_name) == ("Daniela", "Reyes")


def test_editing_keeps_the_profile_and_the_caregivers(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    window = running.window
    services = window.services.students
    student = add_record_student(running, "555", "Tuan", "Nguyen", "5")
    assert student.id is not None and student.uuid is not None
    profile = StudentProfile(
        student_id=student.uuid,
        school="Lincoln",
        foster_youth=True,
        caregivers=(Caregiver("Lan Nguyen", "grandmother", interpreter_needed=True),),
    )
    services.edit(student, profile)
    window.students.refresh()
    window.students.select(student.id)  # no meeting shown: the list's choice is edited

    def rename(dialog: StudentDialog) -> None:
        assert dialog.form.school.text() == "Lincoln"
        assert dialog.form.foster_youth.isChecked()
        rows = dialog.form.caregiver_rows()
        assert len(rows) == 1 and isinstance(rows[0], CaregiverRowEditor)
        assert rows[0].name.text() == "Lan Nguyen" and rows[0].interpreter.isChecked()
        dialog.last_name.setFocus()
        press(qtbot, Qt.Key.Key_End)
        type_text(qtbot, "-Tran")
        press_button(qtbot, dialog)

    QTimer.singleShot(0, in_dialog(qtbot, rename))
    window.edit_student_action.trigger()
    assert services.profile(student.id) == profile
    assert list_rows(running) == ["Nguyen-Tran, Tuan\nID 555 · grade 5"]


def search_for(qtbot: QtBot, running: RunningApp, typed: str) -> None:
    """Replace what the search box holds with ``typed``, pasted as a person would."""
    box = running.window.students.search_box
    box.setFocus()
    press(qtbot, Qt.Key.Key_A, modifier=CTRL)
    if typed:
        paste(qtbot, typed)
    else:
        press(qtbot, Qt.Key.Key_Backspace)


def test_search_as_you_type_finds_names_in_every_script_and_form(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    for row in (
        ("1001", "Daniela", "Núñez", "4"),
        ("1002", "Ζωή", "Παπαδοπούλου", "3"),
        ("10%7", "Per_cent", "Lopez", "5"),
        ("1004", "Ana", "Ortiz", "2"),
        ("1005", "bob", "alvarez", "2"),
        ("1006", "Émile", "Álvarez", "2"),
    ):
        add_record_student(running, *row)
    panel = running.window.students

    def shown_numbers() -> list[str]:
        model = panel.model
        return [model.index(r).data(StudentRole).student_number for r in range(model.rowCount())]

    for typed, expected in (
        ("nunez", ["1001"]),
        ("NÚÑEZ", ["1001"]),
        ("Nu\u0301n\u0303ez", ["1001"]),  # accents typed as combining characters
        ("ζωή", ["1002"]),
        ("%", ["10%7"]),  # matched literally, not as "anything"
        ("_", ["10%7"]),
        ("Daniela Núñez", ["1001"]),
        ("danielanunez", ["1001"]),  # the full name typed as one word
        ("alvarez", ["1005", "1006"]),  # case and accents aside, sorted by first name
        # Everyone: by last name, accents beside their letters, Greek after Latin.
        ("", ["1005", "1006", "10%7", "1001", "1004", "1002"]),
    ):
        search_for(qtbot, running, typed)
        qtbot.waitUntil(lambda e=expected: shown_numbers() == e, timeout=2000)  # type: ignore[misc]
        assert not panel.empty_hint.isVisible()

    search_for(qtbot, running, "xyz")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=2000)
    assert panel.empty_hint.isVisibleTo(panel)
    assert panel.empty_hint.text() == "No student matches this search."
    assert panel.empty_hint.textFormat() == Qt.TextFormat.PlainText
