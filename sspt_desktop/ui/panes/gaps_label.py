"""A calm note beside a group of fields saying what is still missing there (never a refusal)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from sspt_desktop.ui.panes.pane_words import tr


class GapsLabel(QLabel):
    """Plain-text list of gaps ("Purpose: still to fill in"), hidden when nothing is missing.

    The words come from the pane, which knows its fields' labels. Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paneGaps")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def show_gaps(self, lines: Sequence[str]) -> None:
        if not lines:
            self.clear()
            self.hide()
            return
        self.setText(tr("Still open:") + "\n" + "\n".join(f"• {line}" for line in lines))
        self.show()
