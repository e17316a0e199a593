"""Pressing a dialog's buttons the way a person does: a click on the button box's button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot


def press_button(
    qtbot: QtBot,
    dialog: QWidget,
    which: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
) -> None:
    """Click ``which`` (OK by default) in ``dialog``'s button box; it must be there and enabled.

    A test that called the slot behind the button instead would pass even when the button is
    missing, disabled or connected to the wrong slot.
    """
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None, f"{type(dialog).__name__} has no button box"
    button = box.button(which)
    assert button is not None, f"{type(dialog).__name__} has no {which.name} button"
    assert button.isEnabled(), f"{which.name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
