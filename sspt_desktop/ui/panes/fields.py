"""The typed fields the panes are built from: one line, several lines, a choice.

Each field checks what is typed against the domain's hard limits (:mod:`text_limits`) as it is
typed. A refused value is never thrown away: the widget keeps the text as typed, a message
appears at the field, and :attr:`value` stays the last accepted value until the text is fixed,
so the record never holds something the domain would refuse and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.text_limits import InvalidField
from sspt_desktop.ui.panes.pane_words import not_chosen, refusal_text


class FieldMessage(QLabel):
    """Plain-text message shown at a field whose typed value the record cannot take yet.

    Hidden while there is nothing to say. Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldMessage")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class LineField(QLineEdit):
    """A one-line text field checked against :func:`text_limits.one_line` on every keystroke.

    ``check`` may replace the one-line check (for a multi-line domain value kept on one line).

    Signals:
        edited(): a person changed the text (typing, pasting, undo, redo), never on :meth:`load`.
    """

    edited = Signal()

    def __init__(
        self,
        field_name: str,
        accessible_name: str,
        max_length: int = limits.ONE_LINE_MAX,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field_name = field_name
        self.max_length = max_length
        self.message = FieldMessage()
        self._value = ""
        self.setAccessibleName(accessible_name)
        # No setMaxLength: Qt would silently drop what is typed past it; a message says instead.
        self.textEdited.connect(self._on_edited)

    @property
    def value(self) -> str:
        """The last text the domain accepted (equal to the shown text unless a message shows)."""
        return self._value

    def load(self, text: str) -> None:
        """Show a stored value as it is; no edit is reported and the message is cleared."""
        self._value = text
        self.setText(text)
        self.setCursorPosition(0)
        self.message.say("")

    def _check(self, text: str) -> None:
        limits.one_line(self.field_name, text, self.max_length)

    def _on_edited(self, text: str) -> None:
        try:
            self._check(text)
        except InvalidField as error:
            self.message.say(refusal_text(error, self.max_length))
        else:
            self._value = text
            self.message.say("")
        self.edited.emit()


class TextField(QPlainTextEdit):
    """A multi-line text field (a statement, a reason, the free notes); line breaks are kept.

    Reading a long text out of the editor costs milliseconds, so the field only marks itself
    changed on a keystroke and reads and checks its text when :attr:`value` is next asked for.

    Signals:
        edited(): a person changed the text, never on :meth:`load`.
    """

    edited = Signal()

    def __init__(
        self,
        field_name: str,
        accessible_name: str,
        max_length: int = limits.PARAGRAPH_MAX,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field_name = field_name
        self.max_length = max_length
        self.message = FieldMessage()
        self._value = ""
        self._dirty = False
        self._loading = False
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)  # Tab moves to the next field, as everywhere in a form
        self.textChanged.connect(self._on_changed)

    @property
    def value(self) -> str:
        """The last text the domain accepted; reads the editor only after a change."""
        if self._dirty:
            self._dirty = False
            text = _exact_text(self)
            try:
                limits.multi_line(self.field_name, text, self.max_length)
            except InvalidField as error:
                self.message.say(refusal_text(error, self.max_length))
            else:
                self._value = text
                self.message.say("")
        return self._value

    def load(self, text: str) -> None:
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self._value = text
        self._dirty = False
        self.message.say("")

    def _on_changed(self) -> None:
        if not self._loading:
            self._dirty = True
            self.edited.emit()


def _exact_text(editor: QPlainTextEdit) -> str:
    """The text as typed. ``toPlainText`` turns no-break spaces into plain spaces (French
    « guillemets », numbers with units would change); the raw text keeps them and only the
    block and line separators the editor puts between lines become line breaks."""
    raw = editor.document().toRawText()
    return raw.replace("\u2029", "\n").replace("\u2028", "\n")


class ChoiceField(QComboBox):
    """A choice among a domain enumeration's values, with a first "not chosen" entry (``None``).

    Signals:
        edited(): a person picked another entry, never on :meth:`load`.
    """

    edited = Signal()

    def __init__(
        self,
        field_name: str,
        accessible_name: str,
        values: Sequence[Any],
        label: Callable[[Any], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field_name = field_name
        self._loading = False
        self.setAccessibleName(accessible_name)
        # Kept here rather than as item data: Qt would turn enum members into plain values.
        self._choices: list[Any] = [None, *values]
        self.addItem(not_chosen())
        for choice in values:
            self.addItem(label(choice))
        self.currentIndexChanged.connect(self._on_changed)

    @property
    def value(self) -> Any:
        return self._choices[max(self.currentIndex(), 0)]

    def load(self, choice: Any) -> None:
        self._loading = True
        try:
            index = self._choices.index(choice) if choice in self._choices else 0
            self.setCurrentIndex(index)
        finally:
            self._loading = False

    def _on_changed(self, _index: int) -> None:
        if not self._loading:
            self.edited.emit()
