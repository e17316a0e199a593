"""One of the recorder's panes: a heading, a one-line prompt, and a plain-text editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class PaneEditor(QWidget):
    """The editor for one agenda segment's pane.

    Signals:
        textEdited(str, str): the pane key and its whole text, after every change a person makes
            (not when the text is loaded from the record).
    """

    textEdited = Signal(str, str)

    def __init__(self, key: str, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._loading = False
        self.heading = QLabel(title.upper())
        self.heading.setObjectName("paneHeading")
        self.prompt = QLabel(prompt)
        self.prompt.setObjectName("panePrompt")
        self.prompt.setWordWrap(True)
        # Titles and prompts can be typed in the agenda settings: show them as typed.
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName(f"pane_{key}")
        self.editor.setAccessibleName(title)
        self.editor.setAccessibleDescription(prompt)
        self.editor.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.prompt)
        layout.addWidget(self.editor, 1)
        self.heading.setBuddy(self.editor)
        self.editor.textChanged.connect(self._on_text_changed)

    def set_text(self, text: str) -> None:
        """Show stored text without reporting it as an edit."""
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False

    def text(self) -> str:
        return self.editor.toPlainText()

    def focus_editor(self) -> None:
        self.editor.setFocus()
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.textEdited.emit(self.key, self.editor.toPlainText())
