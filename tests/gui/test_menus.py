"""The main window's menus: one accelerator letter per item in every menu, panes named by the
agenda, and a Next that is off where there is nothing next."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp
from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.domain.student import Student
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.ui.shell.main_window import MainWindow
from tests.gui.conftest import Launcher
from tests.support.fake_clock import FakeClock

CTRL = Qt.KeyboardModifier.ControlModifier


def accelerator(text: str) -> str | None:
    """The letter a menu text underlines: the character after a single "&" ("&&" is an "&")."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def test_accelerator_reads_menu_text_as_qt_does() -> None:
    assert accelerator("&File") == "f"
    assert accelerator("Pre&vious segment") == "v"
    assert accelerator("Tom && &Jerry") == "j"
    assert accelerator("Tom && Jerry") is None
    assert accelerator("Meeting finished") is None


def open_meeting(qtbot: QtBot, running: RunningApp) -> None:
    student = MeetingRecordService(running.record.sessions).add_student(
        Student(None, "1029384", "Daniela", "Reyes", "4")
    )
    assert student.id is not None
    running.window.students.refresh()
    running.window.open_student(student.id)
    qtbot.waitUntil(lambda: running.window.timer.snapshot is not None, timeout=2000)


def shown_items(menu: QMenu) -> list[QAction]:
    """The items a person sees in ``menu``. Qt sends aboutToShow just before a menu opens,
    which is when menus filled on demand fill themselves (opening it for real would need a
    platform that grabs the keyboard, which the offscreen one does not)."""
    menu.aboutToShow.emit()
    return [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def clashes(window: MainWindow) -> list[str]:
    """Every shared accelerator letter in the menu bar and in each menu and submenu."""
    found: list[str] = []

    def check(where: str, items: list[QAction]) -> None:
        seen: dict[str, str] = {}
        for action in items:
            letter = accelerator(action.text())
            if letter is None:
                continue
            if letter in seen:
                found.append(f"{where}: {seen[letter]!r} and {action.text()!r} share '{letter}'")
            seen[letter] = action.text()
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(f"{where} → {action.text()}", submenu)

    def walk(where: str, menu: QMenu) -> None:
        check(where, shown_items(menu))

    check("menu bar", [a for a in window.menuBar().actions() if a.isVisible()])
    return found


def walked_menus(window: MainWindow) -> set[str]:
    """The menu titles reached by :func:`clashes`, to show that it walks them all."""
    titles: set[str] = set()

    def walk(menu: QMenu) -> None:
        titles.add(menu.title())
        for action in shown_items(menu):
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu)

    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        walk(menu)
    return titles


def test_no_two_items_of_a_menu_share_a_letter_in_any_timer_state(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app(clock=FakeClock())
    window = running.window
    assert walked_menus(window) >= {
        "&File",
        "&Meeting",
        "&Go to pane",
        "&Print",
        "&View",
        "Timekeeper window on &screen",
        "&Help",
    }
    assert clashes(window) == []  # no meeting open
    open_meeting(qtbot, running)
    states = []
    for key in (None, Qt.Key.Key_F5, Qt.Key.Key_F5):  # not started, running, paused
        if key is not None:
            qtbot.keyClick(window, key)
        states.append(window.timer.state)
        assert clashes(window) == [], window.timer.state
    assert states == [ClockState.NOT_STARTED, ClockState.RUNNING, ClockState.PAUSED]
    window.timer.finish()
    assert clashes(window) == []


def test_the_walk_finds_a_shared_letter(qtbot: QtBot, launch_app: Launcher) -> None:
    window = launch_app(clock=FakeClock()).window
    window.timer_actions.chime.setText("&Larger chime")  # beside View → &Larger text
    assert clashes(window) == ["menu bar → &View: '&Larger text' and '&Larger chime' share 'l'"]


def test_go_to_pane_names_the_panes_of_the_open_meeting(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app(clock=FakeClock())
    window = running.window
    agendas = window.services.agendas
    school = agendas.school_agenda()
    renamed = replace(school.segments[0], title="Welcome & introductions")
    agendas.save_school_agenda(replace(school, segments=(renamed, *school.segments[1:])))
    open_meeting(qtbot, running)
    meeting_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Meeting")
    assert isinstance(meeting_menu, QMenu)
    panes = next(a.menu() for a in shown_items(meeting_menu) if a.text() == "&Go to pane")
    assert isinstance(panes, QMenu)
    names = [a.text() for a in shown_items(panes)]
    segments = window.meeting_view.agenda
    assert segments is not None
    assert names[0] == "&1 Welcome && introductions"  # the "&" shows as itself
    assert names[1:] == [f"&{n} {s.title}" for n, s in enumerate(segments, 1)][1:]
    assert len(names) == len(segments)
    # Choosing one brings that pane forward.
    next(a for a in panes.actions() if a.text().startswith("&3 ")).trigger()
    assert window.meeting_view.current_key() == segments.segments[2].key


def test_next_is_off_on_the_last_segment_and_previous_on_the_first(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app(clock=FakeClock())
    window = running.window
    open_meeting(qtbot, running)
    actions, panel = window.timer_actions, window.timer_panel
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert actions.next.isEnabled() and not actions.previous.isEnabled()
    snapshot = window.timer.snapshot
    assert snapshot is not None
    for _ in range(snapshot.segment_count - 1):
        assert actions.next.isEnabled()
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_PageDown, CTRL)
    snapshot = window.timer.snapshot
    assert snapshot is not None and snapshot.index == snapshot.segment_count - 1
    assert not actions.next.isEnabled() and actions.previous.isEnabled()
    assert not panel.buttons["nextSegment"].isEnabled()
    assert actions.finish.isEnabled()
    # Pausing on the last segment keeps Next off; going back turns it on again.
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.timer.state is ClockState.PAUSED and not actions.next.isEnabled()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_PageUp, CTRL)
    assert actions.next.isEnabled() and panel.buttons["nextSegment"].isEnabled()
