"""What a person typed is shown as typed: a name with markup in it keeps its angle brackets."""

from __future__ import annotations

import uuid

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.agenda import AgendaSegment
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.intervention_library import EntryKind, EntryOrigin, InterventionEntry
from sspt_desktop.domain.plan_item import PlanItem
from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.ui.panes.library_panel import LibraryPanel
from sspt_desktop.ui.panes.plan_row import PlanRowEditor
from sspt_desktop.ui.records.student_dialog import StudentDialog
from sspt_desktop.ui.shell.elided_label import ElidedLabel
from sspt_desktop.ui.timer.agenda_strip import AgendaStrip
from tests.gui.conftest import Launcher

FIRST = "Ana <b>x</b> & <i>y"
LAST = "<u>Reyes</u>"
NUMBER = "<i>77</i>&amp;1"


def fill_and_press_ok(qtbot: QtBot, dialog: StudentDialog, number: str) -> None:
    qtbot.keyClicks(dialog.first_name, FIRST)
    qtbot.keyClicks(dialog.last_name, LAST)
    qtbot.keyClicks(dialog.student_number, number)
    qtbot.keyClicks(dialog.grade, "4")
    qtbot.keyClicks(dialog.referred_by, "Ms. <b>Kim</b>")
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def user_labels(widgets: list[QWidget], needles: tuple[str, ...]) -> list[QLabel]:
    labels: list[QLabel] = []
    for top in widgets:
        for label in [top, *top.findChildren(QLabel)]:
            if isinstance(label, QLabel) and any(n in label.text() for n in needles):
                labels.append(label)
    return labels


def misshown(labels: list[QLabel]) -> list[str]:
    problems = []
    for label in labels:
        name = label.objectName() or type(label).__name__
        if label.textFormat() != Qt.TextFormat.PlainText:
            problems.append(f"{name} has format {label.textFormat()}, not plain text")
        shown = label.displayed_text() if isinstance(label, ElidedLabel) else label.text()
        if "<b>" not in shown and "<i>" not in shown and "<u>" not in shown:
            problems.append(f"{name} shows {shown!r} without the typed brackets")
    return problems


def test_a_name_with_markup_is_shown_as_typed_everywhere(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window
    window.resize(1280, 800)
    window.timer_actions.timekeeper.setChecked(True)
    dialogs: list[StudentDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StudentDialog)
        dialogs.append(dialog)
        fill_and_press_ok(qtbot, dialog, NUMBER)

    QTimer.singleShot(0, fill)
    window.add_student_action.trigger()
    assert dialogs
    qtbot.waitUntil(lambda: window.meeting_view.meeting is not None)
    needles = ("<b>x</b>", NUMBER, "<u>Reyes</u>", "<b>Kim</b>")
    labels = user_labels([window, window.timekeeper], needles)
    # The header, the referral at a glance: at least these show what was typed.
    assert window.meeting_view.header in labels
    assert any(label.objectName() == "glance_referred_by" for label in labels)
    assert misshown(labels) == []
    assert FIRST in window.meeting_view.header.text()
    assert NUMBER in window.meeting_view.header.text()


def test_the_add_student_problem_quotes_the_typed_id_as_typed(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    window = running.window
    problems: list[str] = []

    def add(number: str, then_cancel: bool) -> None:
        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, StudentDialog)
            fill_and_press_ok(qtbot, dialog, number)
            if then_cancel:
                # Refused: the same ID is taken. The dialog stays open with the problem.
                problems.extend(misshown(user_labels([dialog], (NUMBER,))))
                problems.append("" if dialog.problem.text() else "no problem shown")
                dialog.reject()

        QTimer.singleShot(0, fill)
        window.add_student_action.trigger()

    add(NUMBER, then_cancel=False)
    add(NUMBER, then_cancel=True)
    assert [p for p in problems if p] == []


# Typed text that markup would change: tags, an entity, a lone ampersand, a line break.
TYPED_TIPS = (
    "Reads <b>aloud</b> & asks",
    "Tom & Jerry",
    "&lt;not an entity&gt;",
    "<i>Check-in</i>\nwith Ms. <u>Kim</u>",
)
# Goals and segment titles are one line.
ONE_LINE_TIPS = tuple(typed.replace("\n", " ") for typed in TYPED_TIPS)


def tooltip_shows(tip: str) -> str:
    """What a tooltip with text ``tip`` shows: Qt's tooltip label takes a text that looks like
    markup (``Qt.mightBeRichText``) as rich text and any other as plain text."""
    if not QtGui.Qt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    # The rich text's line breaks come back as U+2028; a paragraph's end as a newline.
    return document.toPlainText().replace("\u2028", "\n").strip()


def test_tooltips_of_typed_text_show_it_as_typed(qtbot: QtBot) -> None:
    case, meeting = uuid.uuid4(), uuid.uuid4()
    goals = [Goal(uuid.uuid4(), case, meeting, student_will=typed) for typed in ONE_LINE_TIPS]
    row = PlanRowEditor(PlanItem(uuid.uuid4(), case, meeting), carried=False)
    qtbot.addWidget(row)
    row.set_goals(goals, 1)
    row.set_goals(goals, 1)  # the same goals again: the boxes are kept, their tooltips set anew
    goal_tips = [box.toolTip() for _, box in row._goal_boxes]

    entries = [
        InterventionEntry(
            f"entry-{n}", f"Entry {n}", EntryKind.SUPPORT, 2, typed, origin=EntryOrigin.TEAM
        )
        for n, typed in enumerate(TYPED_TIPS)
    ]
    library = LibraryPanel(lambda _query: entries)
    qtbot.addWidget(library)
    library.query.setText("entry")
    qtbot.waitUntil(lambda: library.results.count() == len(entries))
    library_tips = [library.results.item(n).toolTip() for n in range(library.results.count())]

    strip = AgendaStrip()
    qtbot.addWidget(strip)
    # The strip adds the minutes on a second line, which the tooltip joins with " · ".
    titles = ONE_LINE_TIPS
    strip.set_segments(
        [AgendaSegment(f"key{n}", title, 1, 2) for n, title in enumerate(titles)],
        [60.0] * len(titles),
    )
    strip.set_compact(True)
    buttons = [strip.findChild(QWidget, f"segment_key{n}") for n in range(len(titles))]
    strip_tips = [button.toolTip() for button in buttons if button is not None]

    assert [tooltip_shows(tip) for tip in goal_tips] == list(ONE_LINE_TIPS)
    assert [tooltip_shows(tip) for tip in library_tips] == list(TYPED_TIPS)
    for title, tip in zip(titles, strip_tips, strict=True):
        assert tooltip_shows(tip).startswith(f"{title} · "), (title, tip)


# The offscreen platform cannot raise the tooltip's window; it is shown all the same.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_shortened_label_tooltip_shows_the_whole_typed_text(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.set_one_line(True)
    typed = "Amara & <b>Okafor</b>, a name far longer than the label is wide"
    label.setText(typed)
    label.resize(60, 30)
    label.show()
    qtbot.waitExposed(label)
    assert label.is_shortened()
    point = QPoint(5, 5)
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, point, label.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    try:
        assert tooltip_shows(QToolTip.text()) == typed
    finally:
        QToolTip.hideText()


def test_a_name_with_a_placeholder_in_it_stays_as_typed(qtbot: QtBot, launch_app: Launcher) -> None:
    running: RunningApp = launch_app()
    window = running.window
    service = MeetingRecordService(running.record.sessions)
    # Translated wording is filled in with %1, %2: a value holding "%2" must stay as it is.
    student = service.add_student(Student(None, "55%2", "Ana %2", "Reyes", "6"))
    assert student.id is not None
    window.students.refresh()
    window.open_student(student.id)
    qtbot.waitUntil(lambda: window.meeting_view.meeting is not None)
    assert window.windowTitle().startswith("SSPT Desktop - Ana %2 R. · ")
    model = window.students.model
    row = model.index(model.row_of(student.id), 0)
    assert str(model.data(row)).endswith("\nID 55%2 · grade 6")
    assert model.data(row, Qt.ItemDataRole.AccessibleTextRole) == "Ana %2 Reyes, ID 55%2"
