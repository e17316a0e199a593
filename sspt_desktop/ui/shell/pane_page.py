"""One page of the meeting view: the segment's heading and prompt above its structured pane."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.ui.panes import StructuredPane
from sspt_desktop.ui.shell.elided_label import ElidedLabel


class PanePage(QWidget):
    """The page the meeting view brings forward for an agenda segment. The heading and the
    prompt are the school's wording from the agenda settings, shown as typed; in the compact
    layout (large text, small window) the prompt keeps to one line so the pane keeps its room.

    Signals: none of its own (the pane's are forwarded by the view).
    """

    def __init__(self, key: str, editor: StructuredPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.editor = editor
        self.heading = ElidedLabel()
        self.heading.setObjectName("paneHeading")
        self.heading.set_one_line(True)
        self.prompt = ElidedLabel()
        self.prompt.setObjectName("panePrompt")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.prompt)
        layout.addWidget(editor, 1)

    @property
    def kind(self) -> PaneKind:
        return self.editor.kind

    def set_words(self, title: str, prompt: str) -> None:
        self.heading.setText(title.upper())
        self.prompt.setText(prompt)
        self.prompt.setVisible(bool(prompt))
        self.editor.setAccessibleName(title)
        self.editor.setAccessibleDescription(prompt)

    def set_compact(self, compact: bool) -> None:
        self.prompt.set_one_line(compact)
