"""What a person typed is shown as typed: a name with markup in it keeps its angle brackets."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from sspt_desktop.ui.elided_label import ElidedLabel
from sspt_desktop.ui.records.student_dialog import StudentDialog
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
