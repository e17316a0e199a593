"""Driving a structured pane editor the way a recorder does: keys, Tab, Enter, paste."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sspt_desktop.ui.panes import PaneServices, StructuredPane

Pane = TypeVar("Pane", bound=StructuredPane)


def show_pane(qtbot: QtBot, pane_type: type[Pane], services: PaneServices | None = None) -> Pane:
    """A pane in its own active window of a realistic size, ready for keys."""
    pane = pane_type(services or PaneServices())
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow, timeout=3000)
    return pane


def record_edits(pane: StructuredPane) -> list[Any]:
    edits: list[Any] = []
    pane.contentEdited.connect(edits.append)
    return edits


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Type ASCII ``text`` into the focused field, key by key."""
    qtbot.keyClicks(focused(), text)


def press(qtbot: QtBot, key: Qt.Key, times: int = 1, modifier: Any = None) -> None:
    for _ in range(times):
        if modifier is None:
            qtbot.keyClick(focused(), key)
        else:
            qtbot.keyClick(focused(), key, modifier)


def tab(qtbot: QtBot, times: int = 1) -> None:
    press(qtbot, Qt.Key.Key_Tab, times)


def paste(qtbot: QtBot, text: str) -> None:
    """Paste ``text`` into the focused field with Ctrl+V (any script, any length)."""
    clipboard = QApplication.clipboard()
    clipboard.setText(text)
    qtbot.keyClick(focused(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def settle(qtbot: QtBot, pane: StructuredPane, edits: list[Any]) -> Any:
    """Wait for the pane's rebuild of this turn to be emitted, and return the last content."""
    qtbot.waitUntil(lambda: bool(edits) and not pane.edit_pending(), timeout=3000)
    assert edits[-1] == pane.content()
    return edits[-1]


MIXED_SCRIPTS = (
    "« bonjour\u00a0» 100\u00a0km Ñúñez café — 😀👩🏽‍🏫 中文字 한국어 Հայերեն Ελληνικά עברית العربية "
    '<b>&amp;</b> =SUM(A1:A9) +1 -2 @x "quoted" \t tab\n'
)
