"""The timer's keys never fight the recorder: every editing key edits the pane, never the meeting."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.ui.main_window import MainWindow
from tests.gui.conftest import Launcher
from tests.support.fake_clock import FakeClock
from tests.support.meeting_driving import cursor_in

Mod = Qt.KeyboardModifier
CTRL, SHIFT, ALT = Mod.ControlModifier, Mod.ShiftModifier, Mod.AltModifier
NONE = Mod.NoModifier

# Two short lines, so no line wraps and Up / Down move by exactly one paragraph.
LINE_1 = "alpha beta gamma"  # positions 0 to 16
LINE_2 = "delta epsilon zeta"  # positions 17 to 35; "epsilon" is 23 to 30
TEXT = f"{LINE_1}\n{LINE_2}"
END = len(TEXT)

# The standard keys that text editing uses, whatever keys a platform binds to them.
EDITING_NAMES = {
    "Undo",
    "Redo",
    "Cut",
    "Copy",
    "Paste",
    "Delete",
    "Back",
    "Forward",
    "Backspace",
    "Deselect",
    "Bold",
    "Italic",
    "Underline",
    "ZoomIn",
    "ZoomOut",
}
EDITING_PREFIXES = ("MoveTo", "Select", "Delete", "Insert")


def editing_standard_keys() -> list[QKeySequence.StandardKey]:
    return [
        key
        for key in QKeySequence.StandardKey
        if key.name in EDITING_NAMES or key.name.startswith(EDITING_PREFIXES)
    ]


def editing_bindings() -> dict[str, str]:
    """Every key sequence an editing standard key has on this platform, with its name."""
    found: dict[str, str] = {}
    for key in editing_standard_keys():
        for sequence in QKeySequence.keyBindings(key):
            found[sequence.toString()] = key.name
    return found


def first_key(sequence: QKeySequence) -> QKeyCombination:
    # PySide6's stubs leave out QKeySequence's indexing, which Qt has.
    combination: QKeyCombination = sequence[0]  # type: ignore[index]
    return combination


@dataclass(frozen=True)
class TimerPosition:
    state: ClockState
    index: int
    planned_seconds: tuple[int, ...]
    rebalancing: bool


def timer_position(window: MainWindow) -> TimerPosition:
    window.timer.refresh()
    snapshot = window.timer.snapshot
    assert snapshot is not None
    return TimerPosition(
        snapshot.state, snapshot.index, snapshot.planned_seconds, snapshot.rebalancing
    )


def open_running_meeting(qtbot: QtBot, running: RunningApp, clock: FakeClock) -> QPlainTextEdit:
    """A meeting on its second segment, timer running, the cursor in that segment's pane."""
    student = MeetingRecordService(running.record.sessions).add_student(
        Student(None, "1029384", "Daniela", "Reyes", "4")
    )
    assert student.id is not None
    window = running.window
    window.students.refresh()
    window.open_student(student.id)
    qtbot.waitUntil(lambda: window.timer.snapshot is not None, timeout=2000)
    welcome = window.meeting_view.editor("welcome")
    qtbot.waitUntil(lambda: cursor_in(welcome), timeout=2000)
    editor = QApplication.focusWidget()  # the first attendee's name
    qtbot.keyClick(editor, Qt.Key.Key_F5)
    clock.advance(30)
    # The second segment, so that a stray "previous" would show as well as a stray "next".
    qtbot.keyClick(editor, Qt.Key.Key_PageDown, CTRL)
    strengths = window.meeting_view.editor("strengths")
    qtbot.waitUntil(lambda: cursor_in(strengths), timeout=2000)
    # The pane's notes: the multi-line field where every editing key applies.
    pane: QPlainTextEdit = strengths.notes
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane, timeout=2000)
    assert window.timer.state is ClockState.RUNNING
    assert window.timer.snapshot is not None and window.timer.snapshot.index == 1
    return pane


def type_text(qtbot: QtBot, pane: QPlainTextEdit) -> None:
    """Put TEXT in the pane by typing it, as the recorder does."""
    pane.selectAll()
    qtbot.keyClick(pane, Qt.Key.Key_Delete)
    qtbot.keyClicks(pane, LINE_1)
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    qtbot.keyClicks(pane, LINE_2)
    assert pane.toPlainText() == TEXT


def place(pane: QPlainTextEdit, position: int, anchor: int | None = None) -> None:
    cursor = pane.textCursor()
    cursor.setPosition(position if anchor is None else anchor)
    if anchor is not None:
        cursor.setPosition(position, cursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def cursor_of(pane: QPlainTextEdit) -> tuple[int, int]:
    """(position, anchor) of the pane's cursor."""
    cursor = pane.textCursor()
    return cursor.position(), cursor.anchor()


@dataclass(frozen=True)
class Case:
    """Press ``key`` with ``modifiers`` with the cursor at ``start`` (and the selection's other
    end at ``anchor``); the pane then holds ``text`` with its cursor at (position, anchor)."""

    name: str
    key: Qt.Key
    modifiers: Qt.KeyboardModifier
    start: int
    text: str
    cursor: tuple[int, int]
    anchor: int | None = None


CASES = [
    # Word by word, with and without selecting (Ctrl+Left / Right were once the agenda's keys).
    Case("word right", Qt.Key.Key_Right, CTRL, 6, TEXT, (11, 11)),
    Case("word left", Qt.Key.Key_Left, CTRL, 11, TEXT, (6, 6)),
    Case("select word right", Qt.Key.Key_Right, CTRL | SHIFT, 6, TEXT, (11, 6)),
    Case("select word left", Qt.Key.Key_Left, CTRL | SHIFT, 11, TEXT, (6, 11)),
    # Line by line, with and without selecting (from a line's start: a proportional font
    # would make a column in the middle land a character or so off).
    Case("line up", Qt.Key.Key_Up, NONE, 17, TEXT, (0, 0)),
    Case("line down", Qt.Key.Key_Down, NONE, 0, TEXT, (17, 17)),
    Case("select line up", Qt.Key.Key_Up, SHIFT, 17, TEXT, (0, 17)),
    Case("select line down", Qt.Key.Key_Down, SHIFT, 0, TEXT, (17, 0)),
    # Start and end of the line and of the text.
    Case("home", Qt.Key.Key_Home, NONE, 23, TEXT, (17, 17)),
    Case("end", Qt.Key.Key_End, NONE, 23, TEXT, (END, END)),
    Case("select to home", Qt.Key.Key_Home, SHIFT, 23, TEXT, (17, 23)),
    Case("select to end", Qt.Key.Key_End, SHIFT, 23, TEXT, (END, 23)),
    Case("start of text", Qt.Key.Key_Home, CTRL, 23, TEXT, (0, 0)),
    Case("end of text", Qt.Key.Key_End, CTRL, 6, TEXT, (END, END)),
    Case("select to start of text", Qt.Key.Key_Home, CTRL | SHIFT, 23, TEXT, (0, 23)),
    Case("select to end of text", Qt.Key.Key_End, CTRL | SHIFT, 6, TEXT, (END, 6)),
    # Deleting a word back and forward.
    Case(
        "delete word back",
        Qt.Key.Key_Backspace,
        CTRL,
        30,
        f"{LINE_1}\ndelta  zeta",
        (23, 23),
    ),
    Case(
        "delete word forward",
        Qt.Key.Key_Delete,
        CTRL,
        23,
        f"{LINE_1}\ndelta zeta",  # the word and the space after it, as Qt's editors do
        (23, 23),
    ),
    Case("select all", Qt.Key.Key_A, CTRL, 23, TEXT, (END, 0)),
]


def test_every_editing_key_edits_the_pane_and_never_moves_the_timer(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    clock = FakeClock()
    running = launch_app(clock=clock)
    window = running.window
    pane = open_running_meeting(qtbot, running, clock)
    type_text(qtbot, pane)
    before = timer_position(window)

    def check(what: str) -> None:
        assert timer_position(window) == before, f"{what} moved the timer"
        assert QApplication.focusWidget() is pane, f"{what} took the cursor out of the pane"

    for case in CASES:
        if pane.toPlainText() != TEXT:
            type_text(qtbot, pane)
        place(pane, case.start, case.anchor)
        qtbot.keyClick(pane, case.key, case.modifiers)
        assert (pane.toPlainText(), cursor_of(pane)) == (case.text, case.cursor), case.name
        check(case.name)

    # Paragraph up and down (Ctrl+Up / Down were once the minute keys): whatever the platform's
    # editor does with them, the text stays and the timer does not move.
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        for modifiers in (CTRL, CTRL | SHIFT):
            place(pane, 23)
            qtbot.keyClick(pane, key, modifiers)
            assert pane.toPlainText() == TEXT
            check(f"{key.name} with {modifiers}")

    # Undo and redo. Typing where the last typing ended would join it into one undo step, so
    # this goes at the start.
    place(pane, 0)
    qtbot.keyClicks(pane, "eta ")
    assert pane.toPlainText() == "eta " + TEXT
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
    assert pane.toPlainText() == TEXT
    check("undo")
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL | SHIFT)
    assert pane.toPlainText() == "eta " + TEXT
    check("redo (Ctrl+Shift+Z)")
    qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
    assert pane.toPlainText() == TEXT
    qtbot.keyClick(pane, Qt.Key.Key_Y, CTRL)
    assert pane.toPlainText() == "eta " + TEXT
    check("redo (Ctrl+Y)")
    type_text(qtbot, pane)

    # Copy, cut and paste.
    clipboard = QApplication.clipboard()
    place(pane, 10, anchor=6)  # "beta"
    qtbot.keyClick(pane, Qt.Key.Key_C, CTRL)
    assert clipboard.text() == "beta" and pane.toPlainText() == TEXT
    check("copy")
    place(pane, END)
    qtbot.keyClick(pane, Qt.Key.Key_V, CTRL)
    assert pane.toPlainText() == TEXT + "beta"
    check("paste")
    place(pane, 5, anchor=0)  # "alpha"
    qtbot.keyClick(pane, Qt.Key.Key_X, CTRL)
    assert clipboard.text() == "alpha" and pane.toPlainText().startswith(" beta gamma\n")
    check("cut")
    type_text(qtbot, pane)

    # Every other key the platform binds to an editing standard key: the timer stays put.
    for sequence, name in sorted(editing_bindings().items()):
        combination = first_key(QKeySequence(sequence))
        if combination.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            continue  # new paragraphs are typed above; here they would only grow the text
        if combination.key().value >= Qt.Key.Key_Super_L.value:
            continue  # a dedicated Copy, Undo, Zoom... key that keyboards seldom have
        if pane.toPlainText() != TEXT:
            type_text(qtbot, pane)
        place(pane, 23)
        qtbot.keyClick(pane, combination.key(), combination.keyboardModifiers())
        check(f"{sequence} ({name})")

    # The timer's own keys still work from inside the pane (so the checks above could fail).
    assert window.isActiveWindow()
    qtbot.keyClick(pane, Qt.Key.Key_Plus, ALT)
    after_minute = timer_position(window)
    assert after_minute.planned_seconds[1] == before.planned_seconds[1] + 60
    qtbot.keyClick(pane, Qt.Key.Key_Minus, ALT)
    assert timer_position(window).planned_seconds[1] == before.planned_seconds[1]
    qtbot.keyClick(pane, Qt.Key.Key_PageUp, CTRL)
    assert timer_position(window).index == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space, CTRL)
    assert timer_position(window).state is ClockState.PAUSED


def test_no_timer_key_is_an_editing_key(qtbot: QtBot, launch_app: Launcher) -> None:
    window = launch_app(clock=FakeClock()).window
    bindings = editing_bindings()
    assert "Ctrl+Right" in bindings and "Ctrl+Backspace" in bindings  # the table is not empty
    actions = window.timer_actions
    timer_keys = [
        (action.objectName(), sequence)
        for action in [*actions.commands, actions.pin_pane, actions.rebalance, actions.chime]
        for sequence in action.shortcuts()
    ]
    assert len(timer_keys) >= 8
    for name, sequence in timer_keys:
        text = sequence.toString()
        assert text not in bindings, f"{name}'s {text} is {bindings.get(text)} in text editing"
        # Nor does any Qt text editor claim the key before the window's shortcut sees it.
        for editor in (QPlainTextEdit(), QLineEdit()):
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(TEXT)
            else:
                editor.setText(LINE_1)
            combination = first_key(sequence)
            override = QKeyEvent(
                QEvent.Type.ShortcutOverride, combination.key(), combination.keyboardModifiers()
            )
            override.ignore()
            QApplication.sendEvent(editor, override)
            assert not override.isAccepted(), f"{type(editor).__name__} claims {text}"
            editor.deleteLater()


@pytest.mark.parametrize(
    ("key", "modifiers", "action"),
    [
        (Qt.Key.Key_PageDown, CTRL, "nextSegment"),
        (Qt.Key.Key_PageUp, CTRL, "previousSegment"),
        (Qt.Key.Key_Plus, ALT, "addMinute"),
        (Qt.Key.Key_Minus, ALT, "removeMinute"),
    ],
)
def test_the_timer_keys_are_the_documented_ones(
    qtbot: QtBot, launch_app: Launcher, key: Qt.Key, modifiers: Qt.KeyboardModifier, action: str
) -> None:
    window = launch_app(clock=FakeClock()).window
    actions = {a.objectName(): a for a in window.timer_actions.commands}
    pressed = QKeySequence(QKeyCombination(modifiers, key))
    assert pressed in actions[action].shortcuts()
    shown = pressed.toString(QKeySequence.SequenceFormat.NativeText)
    assert shown in actions[action].toolTip()


def test_the_status_bar_names_the_timer_keys(qtbot: QtBot, launch_app: Launcher) -> None:
    hint = launch_app(clock=FakeClock()).window.key_hint.text()
    assert "Ctrl+PgDn/PgUp" in hint and "Alt+Plus/Minus" in hint
    assert "Ctrl+←" not in hint and "Ctrl+↑" not in hint and "Alt+↑" not in hint
