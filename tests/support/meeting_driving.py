"""Driving the meeting window's panes the way a recorder does, for the window's tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def cursor_in(pane: QWidget | None) -> bool:
    """Whether the keyboard focus is on ``pane`` or one of its fields."""
    focus = QApplication.focusWidget()
    return pane is not None and focus is not None and (focus is pane or pane.isAncestorOf(focus))
