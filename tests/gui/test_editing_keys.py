"""The timer's keys never fight the recorder: every editing key edits the pane, never the meeting,
and no timer key changes a control's value, whatever the timer's state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QEvent, QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.ui.panes.date_fields import DateField
from sspt_desktop.ui.panes.fields import ChoiceField, LineField
from sspt_desktop.ui.panes.goal_card import GoalCard
from sspt_desktop.ui.panes.problem import ProblemPane
from sspt_desktop.ui.shell.main_window import MainWindow
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


# The timer's keys, each pressed in every control below in every timer state.
TIMER_KEYS: list[tuple[str, Qt.Key, Qt.KeyboardModifier]] = [
    ("nextSegment", Qt.Key.Key_PageDown, CTRL),
    ("previousSegment", Qt.Key.Key_PageUp, CTRL),
    ("addMinute", Qt.Key.Key_Plus, ALT),
    ("addMinute", Qt.Key.Key_Equal, ALT),
    ("removeMinute", Qt.Key.Key_Minus, ALT),
    ("startPause", Qt.Key.Key_F5, NONE),
    ("startPause", Qt.Key.Key_Space, CTRL),
    ("finishMeeting", Qt.Key.Key_F, CTRL | SHIFT),
]


def open_demo_follow_up(qtbot: QtBot, running: RunningApp) -> MainWindow:
    """The demo record's open follow-up: every pane filled, a carried goal (read-only) and plan
    rows, so every kind of control the panes have is there with a value to keep."""
    from sspt_desktop.services.demo_data import seed_demo_record

    seed_demo_record(running.record.sessions)
    (daniela,) = StudentRecords(running.record.sessions).search("1029384")
    assert daniela.id is not None
    window = running.window
    window.students.refresh()
    window.open_student(daniela.id)
    qtbot.waitUntil(lambda: window.timer.snapshot is not None, timeout=2000)
    # Pinned, so a segment change leaves the control under test in front and focused.
    window.timer_actions.pin_pane.setChecked(True)
    assert window.meeting_view.pinned
    return window


def control_value(control: QWidget) -> object:
    """What a person sees as the control's value (and, for a drop-down list, whether its list
    is open)."""
    if isinstance(control, QComboBox):
        return control.currentIndex(), control.view().isVisible()
    if isinstance(control, QAbstractButton):
        return control.isChecked()
    if isinstance(control, QAbstractSpinBox):
        return control.text()
    if isinstance(control, QAbstractItemView):
        selected = control.selectionModel().selectedIndexes()
        return control.currentIndex().row(), sorted(i.row() for i in selected)
    if isinstance(control, QLineEdit):
        return control.text(), control.cursorPosition(), control.selectedText()
    raise AssertionError(f"no value for {type(control).__name__}")


def pane_controls(window: MainWindow) -> list[tuple[str, QWidget]]:
    """One control of each kind the panes have (drop-down list, date, check box, list,
    read-only field), the Problem pane's concern area first, and the timer panel's: every kind
    a recorder can leave the focus in. One of each keeps the test quick."""
    view = window.meeting_view
    problem = view.editor("problem")
    assert isinstance(problem, ProblemPane)
    found: list[tuple[str, QWidget]] = [("problem", problem.concern_area)]
    kinds: list[type[QWidget]] = [ChoiceField, DateField, QCheckBox, QListWidget, LineField]
    for key, editor in view.editors().items():
        view.show_pane(key)
        for kind in [k for k in kinds if not any(type(c) is k for _, c in found)]:
            usable = [
                w
                for w in editor.findChildren(kind)
                if type(w) is kind
                and w.isVisible()
                and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and (not isinstance(w, LineField) or w.isReadOnly())
            ]
            if usable:
                found.append((key, usable[0]))
    panel = window.timer_panel
    for control in (panel.total, panel.rebalance):
        if control.isVisible() and control.isEnabled():
            found.append(("", control))
    return found


def focus_on(qtbot: QtBot, window: MainWindow, key: str, control: QWidget) -> None:
    if key:
        window.meeting_view.show_pane(key)
    control.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is control, timeout=2000)


def expected_after(
    window: MainWindow, action_name: str, before: TimerPosition
) -> tuple[Callable[[TimerPosition], bool], Callable[[], object]]:
    """Whether the timer went where the key of ``action_name`` sends it (nowhere while the
    command cannot run), and how to put it back."""
    action = {a.objectName(): a for a in window.timer_actions.commands}[action_name]
    timer = window.timer
    if not action.isEnabled():
        return (lambda after: after == before), lambda: None
    if action_name in ("nextSegment", "previousSegment"):
        step = 1 if action_name == "nextSegment" else -1
        undo = timer.previous_segment if step > 0 else timer.next_segment
        return (lambda after: after.index == before.index + step), undo
    if action_name in ("addMinute", "removeMinute"):
        # Rebalancing may change the later segments too; the current one moves by a minute.
        minute = 60 if action_name == "addMinute" else -60
        i = before.index
        undo = timer.remove_minute if minute > 0 else timer.add_minute
        return (
            lambda after: (
                after.index == i
                and after.state is before.state
                and after.planned_seconds[i] == before.planned_seconds[i] + minute
            )
        ), undo
    if action_name == "startPause":
        toggled = ClockState.PAUSED if before.state is ClockState.RUNNING else ClockState.RUNNING
        return (lambda after: after == replace(before, state=toggled)), timer.toggle_pause
    raise AssertionError(f"{action_name} is not pressed while it is enabled")


def check_timer_keys_in(qtbot: QtBot, window: MainWindow, state_name: str) -> None:
    """Every timer key in every control: the control keeps its value and the focus, and the
    timer does what the key says when its command can run, and nothing otherwise."""
    contents = {key: e.content() for key, e in window.meeting_view.editors().items()}
    controls = pane_controls(window)
    # The checks below could not fail for a kind of control that is not there.
    kinds = {type(c).__name__ for _, c in controls}
    assert {"ChoiceField", "DateField", "LineField", "QCheckBox", "QListWidget"} <= kinds, kinds
    for key, control in controls:
        what = f"{type(control).__name__} {control.accessibleName()!r} in {key or 'timer panel'}"
        focus_on(qtbot, window, key, control)
        for action_name, pressed, modifiers in TIMER_KEYS:
            action = {a.objectName(): a for a in window.timer_actions.commands}[action_name]
            enabled = action.isEnabled()
            if action_name == "finishMeeting" and action.isEnabled():
                continue  # it asks first; finishing is a state below
            if action_name == "startPause" and window.timer.state is ClockState.NOT_STARTED:
                continue  # starting is a state below
            before = timer_position(window)
            value = control_value(control)
            went_right, undo = expected_after(window, action_name, before)
            qtbot.keyClick(control, pressed, modifiers)
            name = QKeySequence(QKeyCombination(modifiers, pressed)).toString()
            assert control_value(control) == value, f"{state_name}: {name} changed {what}"
            if key or not enabled:
                assert QApplication.focusWidget() is control, f"{state_name}: {name} took focus"
            else:
                # A timer command run from the timer panel puts the cursor back in the pane.
                focus_on(qtbot, window, key, control)
            assert went_right(timer_position(window)), f"{state_name}: {name} in {what}"
            undo()
            assert timer_position(window) == before
    after = {key: e.content() for key, e in window.meeting_view.editors().items()}
    assert after == contents, f"{state_name}: a timer key changed a pane's content"


def check_controls_keep_their_keys(qtbot: QtBot, window: MainWindow, state_name: str) -> None:
    """The keys the timer left alone still work in the controls: Alt+Down opens a drop-down
    list, and Space in a check box ticks it without starting or pausing the timer."""
    combo = window.meeting_view.editor("strengths").findChildren(ChoiceField)[0]
    focus_on(qtbot, window, "strengths", combo)
    before = timer_position(window)
    index = combo.currentIndex()
    qtbot.keyClick(combo, Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(combo.view().isVisible, timeout=2000)
    combo.hidePopup()
    qtbot.waitUntil(lambda: not combo.view().isVisible(), timeout=2000)
    assert combo.currentIndex() == index, state_name
    assert timer_position(window) == before, f"{state_name}: Alt+Down moved the timer"
    if window.timer_panel.rebalance.isEnabled():
        box = window.timer_panel.rebalance
        focus_on(qtbot, window, "", box)
        checked = box.isChecked()
        qtbot.keyClick(box, Qt.Key.Key_Space)
        assert box.isChecked() is not checked
        assert timer_position(window).state is before.state, f"{state_name}: Space in a box"
        qtbot.keyClick(box, Qt.Key.Key_Space)
        assert box.isChecked() is checked


def check_space_in_read_only_fields(qtbot: QtBot, window: MainWindow, state_name: str) -> None:
    """A read-only field lets Space through to the window: it must not start or pause."""
    card = window.meeting_view.editor("goals").findChildren(GoalCard)[0]
    field = card.student_will
    assert field.isReadOnly()
    focus_on(qtbot, window, "goals", field)
    before = timer_position(window)
    qtbot.keyClick(field, Qt.Key.Key_Space)
    assert field.text() == card.value().student_will
    assert timer_position(window) == before, f"{state_name}: Space in a read-only field"
    # Space still starts and pauses where the focus is in nothing that uses it.
    if window.timer_actions.start_pause.isEnabled() and before.state is not ClockState.NOT_STARTED:
        field.clearFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is None, timeout=2000)
        qtbot.keyClick(window, Qt.Key.Key_Space)
        assert timer_position(window).state is not before.state, f"{state_name}: Space"
        qtbot.keyClick(window, Qt.Key.Key_Space)
        assert timer_position(window) == before


@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)
def test_no_timer_key_changes_a_control_in_any_timer_state(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    clock = FakeClock()
    window = open_demo_follow_up(qtbot, launch_app(clock=clock))
    timer = window.timer
    snapshot = timer.snapshot
    assert snapshot is not None
    last = snapshot.segment_count - 1

    def every_check(state_name: str) -> None:
        check_timer_keys_in(qtbot, window, state_name)
        check_controls_keep_their_keys(qtbot, window, state_name)
        check_space_in_read_only_fields(qtbot, window, state_name)

    # Before Start: Next, Previous and Finish are disabled, their keys must still go nowhere.
    assert timer_position(window).state is ClockState.NOT_STARTED
    assert not window.timer_actions.next.isEnabled()
    every_check("not started")
    timer.toggle_pause()
    assert timer_position(window).state is ClockState.RUNNING
    every_check("running, first segment")
    clock.advance(30)
    timer.next_segment()
    timer.next_segment()
    every_check("running, middle segment")
    timer.toggle_pause()
    every_check("paused")
    timer.toggle_pause()
    while timer_position(window).index < last:
        timer.next_segment()
    assert not window.timer_actions.next.isEnabled()
    every_check("running, last segment")
    timer.finish()
    assert timer_position(window).state is ClockState.FINISHED
    every_check("finished")


def test_a_disabled_timer_key_says_why_in_the_status_bar(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    window = open_demo_follow_up(qtbot, launch_app(clock=FakeClock()))
    combo = window.meeting_view.editor("problem").findChildren(ChoiceField)[0]
    focus_on(qtbot, window, "problem", combo)
    index = combo.currentIndex()
    for _ in range(2):
        qtbot.keyClick(combo, Qt.Key.Key_PageDown, CTRL)
    assert combo.currentIndex() == index
    assert "has not started" in window.statusBar().currentMessage()
