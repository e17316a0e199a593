"""What the referral and meeting-details dialogs share: one scrolling form, messages at the
fields, and OK that either keeps what was typed or says where to look."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.text_limits import InvalidField
from sspt_desktop.ui.panes.date_fields import DateField, TimeField
from sspt_desktop.ui.panes.fields import FieldMessage, LineField, TextField
from sspt_desktop.ui.panes.pane_words import refusal_text
from sspt_desktop.ui.panes.pane_words import tr as pane_tr
from sspt_desktop.ui.records.case_words import how_many_more_text, tr
from sspt_desktop.ui.records.field_box import with_message
from sspt_desktop.ui.records.student_form import FieldProblem

_STYLE = """
#fieldMessage, #formProblem { color: #9A3412; }
#formAside { color: #4A5563; }
#recordCard { border: 1px solid #D9DEE5; border-radius: 4px; }
#recordCardHeading { font-weight: bold; }
"""

CheckedField = LineField | TextField | DateField | TimeField


def dialog_text(text: str) -> str:
    """A field's refusal without the panes' "the record keeps the last accepted value"."""
    # The same words, in the same translation, as pane_words.refusal_text appends.
    kept = pane_tr("The record keeps the last accepted value until this is fixed.")
    return text.removesuffix(" " + kept)


class RecordFormDialog(QDialog):
    """A dialog holding one form that scrolls when the text is large, a line for problems that
    belong to no single field, and OK and Cancel (only Close when ``read_only``).

    Subclasses build their rows with :meth:`add_row`, say what stops OK in :meth:`problems`
    and store in :meth:`keep`, which returns ``None`` once stored or the problems found.
    OK always stays enabled; nothing typed is ever cleared.

    Signals: none of its own.
    """

    def __init__(
        self, title: str, ok_name: str, read_only: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(title)
        self.read_only = read_only
        inner = QWidget()
        self.form = QFormLayout(inner)
        # Labels above their fields when a row would not fit beside them (large text).
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a tab stop of its own: it scrolls to whichever field the cursor moves to.
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.form_scroll.setWidget(inner)
        self.problem = QLabel("")
        self.problem.setObjectName("formProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        ok, cancel, close = (
            QDialogButtonBox.StandardButton.Ok,
            QDialogButtonBox.StandardButton.Cancel,
            QDialogButtonBox.StandardButton.Close,
        )
        self.buttons = QDialogButtonBox(close if read_only else ok | cancel)
        names = {ok: ok_name, cancel: tr("Cancel"), close: tr("Close")}
        for which, name in names.items():
            button = self.buttons.button(which)
            if button is not None:
                button.setAccessibleName(name)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def add_note(self, text: str) -> QLabel:
        note = QLabel(text)
        note.setObjectName("formAside")
        note.setWordWrap(True)
        self.form.addRow(note)
        return note

    def add_row(self, label_text: str, field: QWidget) -> None:
        label = QLabel(label_text)
        label.setBuddy(field)
        message = getattr(field, "message", None)
        if isinstance(message, FieldMessage):
            self.form.addRow(label, with_message(field, message))
            self.plain_messages(field, message)
        else:
            self.form.addRow(label, field)

    @staticmethod
    def plain_messages(field: QWidget, message: FieldMessage) -> None:
        """The fields say, as in the panes, that the record keeps the last accepted value; in
        a dialog nothing is kept before OK, so only what to fix is said."""

        def plain() -> None:
            message.say(dialog_text(message.text()))

        for signal in ("edited", "editingFinished"):
            if hasattr(field, signal):
                getattr(field, signal).connect(plain)

    def add_wide_row(self, label_text: str, field: QWidget) -> None:
        """A label on its own line and, under it, ``field`` across the whole form (a list
        of cards needs the width more than a column of labels beside it)."""
        label = QLabel(label_text)
        label.setBuddy(field)
        self.form.addRow(label)
        self.form.addRow(field)

    def fit_screen(self, chars: int = 96, lines: int = 44) -> None:
        """About ``chars`` characters wide and ``lines`` lines high at the current text size,
        never larger than the screen: the form scrolls instead."""
        metrics = QFontMetrics(self.font())
        width = metrics.averageCharWidth() * chars
        height = metrics.lineSpacing() * lines
        screen = self.screen().availableGeometry()
        self.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))

    # -- checking ------------------------------------------------------------------------------

    def problems(self) -> list[FieldProblem]:
        raise NotImplementedError

    def keep(self) -> list[FieldProblem] | None:
        raise NotImplementedError

    @staticmethod
    def field_problem(field: CheckedField, text: str) -> FieldProblem:
        text = dialog_text(text)
        field.message.say(text)
        return FieldProblem(text, field, field.message)

    @classmethod
    def text_problems(cls, fields: list[LineField | TextField]) -> list[FieldProblem]:
        """The fields whose shown text the record cannot keep (a line break in a one-line
        field, too long), each with its message said at the field."""
        found = []
        for field in fields:
            text = field.toPlainText() if isinstance(field, TextField) else field.text()
            check = limits.multi_line if isinstance(field, TextField) else limits.one_line
            try:
                check(field.field_name, text, field.max_length)
            except InvalidField as error:
                found.append(cls.field_problem(field, refusal_text(error, field.max_length)))
        return found

    @classmethod
    def date_problem(cls, field: DateField | TimeField, needed: str = "") -> FieldProblem | None:
        """Whether the typed date (or time) cannot be read; an empty one is a problem only
        when ``needed`` says why it is needed."""
        text = field.text().strip()
        if not text:
            return cls.field_problem(field, needed) if needed else None
        # The field's own reading, repeated: while a date is still being typed the field
        # says nothing, and its value is the last one accepted, not what is shown.
        try:
            field._parse(text)
        except InvalidField as error:
            return cls.field_problem(field, refusal_text(error))
        return None

    def _on_ok(self) -> None:
        if self.read_only:
            self.reject()
            return
        problems = self.problems() or self.keep()
        if problems:
            self._show(problems)
            return
        self.accept()

    def _show(self, problems: list[FieldProblem]) -> None:
        first = problems[0]
        text = first.text
        if len(problems) > 1:
            text = f"{text}\n{how_many_more_text(len(problems) - 1)}"
        self.problem.setText(text)
        if first.widget is not None:
            self.form_scroll.ensureWidgetVisible(first.widget)
            first.widget.setFocus(Qt.FocusReason.OtherFocusReason)
