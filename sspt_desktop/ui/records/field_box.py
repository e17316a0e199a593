"""A field with its message right under it, for the record's forms."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from sspt_desktop.ui.panes.fields import FieldMessage


def with_message(field: QWidget, message: FieldMessage) -> QWidget:
    """A holder showing ``field`` with ``message`` under it (hidden while it has nothing to say)."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(field)
    box.addWidget(message)
    return holder
