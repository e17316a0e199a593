"""The meeting view's small promises: looking changes nothing, a closed meeting has no current
segment, and at large text the structured fields keep the larger share of a pane."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.agenda import PANE_KEYS
from tests.gui.conftest import Launcher
from tests.gui.test_layout_200 import styled, zoom_to  # noqa: F401  (styled is a fixture)
from tests.gui.test_meeting_window import add_student, open_by_search
from tests.support.meeting_driving import cursor_in


def test_looking_through_the_panes_changes_nothing_stored(
    qtbot: QtBot, launch_app: Launcher
) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    window, view = running.window, running.window.meeting_view
    edits: list[tuple[Any, ...]] = []
    view.paneEdited.connect(lambda *args: edits.append(args))
    for number, key in enumerate(PANE_KEYS, start=1):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        qtbot.waitUntil(partial(cursor_in, view.editor(key)), timeout=2000)
    view.flush_edits()  # an edit still waiting for its turn of the event loop is reported now
    assert edits == []
    assert not running.autosaver.has_unsaved
    assert window.autosave_status.text() == ""
    # The empty row offered to type in is a real row once something is typed in it.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    strengths = view.editor("strengths")
    qtbot.waitUntil(partial(cursor_in, strengths), timeout=2000)
    qtbot.keyClicks(QApplication.focusWidget(), "Draws detailed maps")
    qtbot.waitUntil(lambda: len(edits) == 1, timeout=2000)
    assert [item.text for item in strengths.content().items] == ["Draws detailed maps"]
    qtbot.waitUntil(lambda: not running.autosaver.has_unsaved, timeout=2000)


def test_a_closed_meeting_has_no_current_segment(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    window, view = running.window, running.window.meeting_view
    opened = view.opened
    assert opened is not None
    assert view.strip.button("welcome").property("segmentState") == "current"
    assert window.close_meeting(opened.meeting_id, "The family moved away.")
    assert view.read_only
    states = {key: view.strip.button(key).property("segmentState") for key in PANE_KEYS}
    assert "current" not in states.values(), states
    # Looking through a closed meeting's panes marks none current either.
    view.show_pane("goals")
    assert view.strip.button("goals").isChecked()
    assert view.strip.button("goals").property("segmentState") != "current"


def _shares(window: Any, key: str) -> tuple[float, float]:
    """The structured fields' share of the pane's splitter, and the notes' height in lines."""
    pane = window.meeting_view.editor(key)
    fields, notes = pane.splitter.sizes()
    if fields + notes == 0:
        return 0.0, 0.0  # not laid out yet
    return fields / (fields + notes), pane.notes.height() / pane.notes.fontMetrics().lineSpacing()


def _fits(window: Any, key: str, least_share: float) -> bool:
    share, lines = _shares(window, key)
    return share >= least_share and lines >= 3


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize(("scale", "least_share"), [(1.0, 0.7), (2.0, 0.6)])
def test_the_structured_fields_keep_the_larger_share_of_every_pane(
    qtbot: QtBot, launch_app: Launcher, scale: float, least_share: float
) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    window = running.window
    window.resize(1280, 800)
    try:
        zoom_to(window, scale)
        for number, key in enumerate(PANE_KEYS, start=1):
            qtbot.keyClick(
                window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
            )
            qtbot.waitUntil(partial(_fits, window, key, least_share), timeout=2000)
    except Exception:
        shares = {key: _shares(window, key) for key in PANE_KEYS}
        pytest.fail(f"(fields' share, lines of notes) at {scale:.0%}: {shares}")
    finally:
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        zoom_to(window, 1.0)


def test_a_split_a_person_chose_is_kept(qtbot: QtBot, launch_app: Launcher) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    window = running.window
    window.resize(1280, 800)
    pane = window.meeting_view.editor("welcome")
    qtbot.waitUntil(lambda: _shares(window, "welcome")[0] >= 0.7, timeout=2000)
    total = sum(pane.splitter.sizes())
    handle = pane.splitter.handle(1)
    # Drag the handle up to give the notes half of the pane.
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    target = start - type(start)(0, pane.splitter.sizes()[0] - total // 2)
    qtbot.mouseMove(handle, target)
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=target)
    qtbot.waitUntil(lambda: _shares(window, "welcome")[0] < 0.6, timeout=2000)
    window.resize(1280, 760)
    qtbot.waitUntil(lambda: sum(pane.splitter.sizes()) != total, timeout=2000)
    assert _shares(window, "welcome")[0] < 0.6
