"""Date and time fields with a "no date yet" state, typed as text and checked at the field.

A date is typed as ``YYYY-MM-DD`` (the form the record keeps, readable in every language);
empty means no date yet. An impossible date (30 February, year 20255) is never changed into
another date: the text stays as typed, a message says why, and the value stays the last date
that was accepted.
"""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.ui.panes.fields import FieldMessage
from sspt_desktop.ui.panes.pane_words import refusal_text, tr

_TIME = re.compile(r"\s*(\d{1,2})[:.](\d{2})\s*")


class _TypedField(QLineEdit):
    """What the date and the time field share: parse on each edit, keep the last good value.

    While the text is still being typed (shorter than a whole value) no message shows; it shows
    once the text is long enough to be complete, or when focus leaves the field.

    Signals:
        edited(): a person changed the text, never on :meth:`load`.
    """

    edited = Signal()
    _complete_length = 0

    def __init__(self, field_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.field_name = field_name
        self.message = FieldMessage()
        self._value: object = None
        self._problem = ""
        self.setAccessibleName(accessible_name)
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._say_problem)

    def _parse(self, text: str) -> object:
        raise NotImplementedError

    def _format(self, value: object) -> str:
        raise NotImplementedError

    def _load_value(self, value: object) -> None:
        self._value = value
        self._problem = ""
        self.setText("" if value is None else self._format(value))
        self.message.say("")

    def _on_edited(self, text: str) -> None:
        try:
            parsed = None if not text.strip() else self._parse(text)
        except InvalidField as error:
            self._problem = refusal_text(error)
            if len(text.strip()) >= self._complete_length:
                self._say_problem()
        else:
            self._value = parsed
            self._problem = ""
            self.message.say("")
        self.edited.emit()

    def _say_problem(self) -> None:
        self.message.say(self._problem)


class DateField(_TypedField):
    """A date typed as ``YYYY-MM-DD``, or empty for no date yet (see the module note)."""

    _complete_length = 10

    def __init__(self, field_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(field_name, accessible_name, parent)
        self.setPlaceholderText(tr("YYYY-MM-DD"))

    @property
    def value(self) -> date | None:
        value = self._value
        return value if isinstance(value, date) else None

    def load(self, value: date | None) -> None:
        self._load_value(value)

    def _parse(self, text: str) -> object:
        return limits.parse_date(self.field_name, text.strip())

    def _format(self, value: object) -> str:
        assert isinstance(value, date)
        return value.isoformat()


class TimeField(_TypedField):
    """A wall-clock time typed as ``HH:MM`` (24-hour, whole minutes), or empty for none yet."""

    _complete_length = 5

    def __init__(self, field_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(field_name, accessible_name, parent)
        self.setPlaceholderText(tr("HH:MM"))

    @property
    def value(self) -> time | None:
        value = self._value
        return value if isinstance(value, time) else None

    def load(self, value: time | None) -> None:
        self._load_value(value)

    def _parse(self, text: str) -> object:
        match = _TIME.fullmatch(text)
        if match is None:
            raise InvalidField(self.field_name, LimitCode.OUT_OF_RANGE)
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise InvalidField(self.field_name, LimitCode.OUT_OF_RANGE)
        return time(hour, minute)

    def _format(self, value: object) -> str:
        assert isinstance(value, time)
        return value.strftime("%H:%M")
