"""At 100 %, 150 % and 200 % text in a 1280x800 window the meeting fits without clipping.

The pane the recorder types in stays wholly inside the window and keeps at least 60 % of its
height; the agenda strip and the timer panel compact instead of clipping their words.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from sspt_desktop.ui.shell.main_window import MainWindow
from sspt_desktop.ui.shell.pane_page import PanePage
from sspt_desktop.ui.shell.resources import load_stylesheet
from tests.gui.conftest import Launcher
from tests.gui.test_meeting_window import add_student, open_by_search
from tests.support.fake_clock import FakeClock


@pytest.fixture
def styled() -> Iterator[None]:
    """The shipped stylesheet, as the app runs with it (its padding takes room too)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(load_stylesheet())
    yield
    # Closed windows of this test may outlive it into the next one (they are deleted later);
    # the zoom must not crash when they are (tests/gui/test_zoom_restyle.py).
    app.setStyleSheet("")


def zoom_to(window: MainWindow, scale: float) -> None:
    """Step the text size with View → Larger text's key, as a person does."""
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    while window.zoom.scale < scale:
        QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom.scale == pytest.approx(scale)


def rect_in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def clipped(widget: QWidget) -> str | None:
    """Why ``widget`` does not show all it holds, or ``None`` if it does."""
    size = widget.size()
    if isinstance(widget, QLabel):
        if widget.wordWrap():
            needed = widget.heightForWidth(size.width())
            if needed > size.height():
                return f"needs {needed} px of height, has {size.height()}"
            return None
        hint = widget.sizeHint()
    else:
        hint = widget.sizeHint()
    if hint.width() > size.width() or hint.height() > size.height():
        return f"needs {hint.width()}x{hint.height()}, has {size.width()}x{size.height()}"
    return None


def problems(window: MainWindow) -> list[str]:
    found: list[str] = []
    inside = window.rect()
    pane = window.meeting_view.stack.currentWidget()
    assert isinstance(pane, PanePage)
    shown: tuple[tuple[str, QWidget], ...] = (
        ("pane", pane),
        ("pane's fields", pane.editor.scroll_area),
        ("pane's notes", pane.editor.notes),
    )
    for name, widget in shown:
        where = rect_in_window(widget)
        if not widget.isVisible() or not inside.contains(where):
            found.append(f"{name} at {where} is not wholly inside the window {inside}")
    if pane.height() < 0.6 * window.height():
        found.append(f"pane is {pane.height()} px high, under 60 % of {window.height()}")
    panel = window.timer_panel
    for container in (window.meeting_view.strip, panel):
        for widget in container.findChildren(QWidget):
            if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisible():
                continue
            if isinstance(widget, QLabel) and not widget.text():
                continue
            reason = clipped(widget)
            if reason is not None:
                found.append(f"{widget.objectName() or widget.text()!r} is clipped: {reason}")
            if not inside.contains(rect_in_window(widget)):
                found.append(f"{widget.objectName() or widget.text()!r} is outside the window")
    return found


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("running", [False, True], ids=["not-started", "overtime"])
def test_the_meeting_fits_a_small_window_at_large_text(
    qtbot: QtBot, styled: None, launch_app: Launcher, scale: float, running: bool
) -> None:
    clock = FakeClock()
    started = launch_app(clock=clock)
    window = started.window
    add_student(started)
    open_by_search(qtbot, started, "Reyes")
    window.resize(1280, 800)
    if running:
        # Over time with the later segments shortened: the timer's words are at their longest.
        window.timer.toggle_pause()
        window.timer.next_segment()
        clock.advance(20 * 60)
        window.timer.refresh()
    try:
        zoom_to(window, scale)
        qtbot.waitUntil(lambda: window.size().height() == 800 and not problems(window))
    except WaitTimeout:
        pytest.fail("\n".join(problems(window)) or f"window is {window.size()}, not 1280x800")
    finally:
        zoom_to(window, 1.0)


def test_the_view_returns_to_full_labels_when_there_is_room(
    qtbot: QtBot, styled: None, launch_app: Launcher
) -> None:
    started = launch_app()
    window = started.window
    add_student(started)
    open_by_search(qtbot, started, "Reyes")
    view = window.meeting_view
    window.resize(1280, 800)
    try:
        zoom_to(window, 2.0)
        qtbot.waitUntil(lambda: view.compact_level == 2)
        assert window.timer_panel.compact and view.strip.compact
        window.resize(1800, 1400)
        qtbot.waitUntil(lambda: view.compact_level == 0)
        assert not window.timer_panel.compact and not view.strip.compact
        assert "\n" in view.strip.button("welcome").text()  # title above its minutes
    finally:
        zoom_to(window, 1.0)
