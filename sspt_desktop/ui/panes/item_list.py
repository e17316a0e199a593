"""A keyboard-first list of rows: Enter adds the next row, Backspace on an empty row removes it.

Strengths, ideas, attendance, plan rows and action items are all such lists. A row is a
:class:`RowEditor` holding the fields of one item; the list owns adding, removing, numbering
and the keys, and the pane reads the rows' values when it rebuilds its content.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.domain import text_limits as limits

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class RowEditor(QWidget):
    """The fields of one item in an :class:`ItemList`.

    Subclasses create their fields, connect every field's ``edited`` to :attr:`edited`, and
    say which widgets take focus (in tab order), which one is first, and whether the row is
    still empty (so Backspace may remove it).

    Signals:
        edited(): a field of the row was changed by a person.
        removeRequested(): the row's remove button was clicked.
    """

    edited = Signal()
    removeRequested = Signal()

    def make_remove_button(self) -> QToolButton:
        """A small mouse-only remove button; from the keyboard, Backspace empties and removes."""
        button = QToolButton()
        button.setText("✕")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(True)
        button.clicked.connect(self.removeRequested)
        return button

    def focus_fields(self) -> list[QWidget]:
        raise NotImplementedError

    def first_field(self) -> QLineEdit:
        raise NotImplementedError

    def is_blank(self) -> bool:
        raise NotImplementedError

    def set_number(self, number: int) -> None:
        """Name the row's fields for assistive technology ("Strength 3"); 1-based."""
        raise NotImplementedError


class ItemList(QWidget):
    """Rows of one kind with an Add button below; see the module note for the keys.

    The list keeps at most :data:`text_limits.LIST_MAX` rows, the domain's limit.

    Signals:
        edited(): a row was added, removed or changed by a person.
        rowsChanged(): rows were added or removed (the pane then renews the tab order).
    """

    edited = Signal()
    rowsChanged = Signal()

    def __init__(
        self,
        make_row: Callable[[], RowEditor],
        add_text: str,
        add_accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_row = make_row
        self._rows: list[RowEditor] = []
        # Rows a shorter load left over, hidden after the shown ones and reused by the next
        # longer load: building a row costs far more than filling one (opening a meeting).
        self._spare: list[RowEditor] = []
        self._read_only = False
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows_box.setSpacing(4)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_accessible_name)
        self.add_button.clicked.connect(self._on_add_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_factory(self, make_row: Callable[[], RowEditor]) -> None:
        """How the next rows are made (a pane loading stored rows makes each from its item)."""
        self._make_row = make_row

    def rows(self) -> list[RowEditor]:
        return list(self._rows)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [w for row in self._rows for w in row.focus_fields()]
        chain.append(self.add_button)
        return chain

    def set_row_count(self, count: int) -> list[RowEditor]:
        """Show exactly ``count`` rows (for loading stored content, which the caller then puts
        in every row); reports no edit. Rows are kept and reused across loads, not rebuilt."""
        changed = len(self._rows) != count
        while len(self._rows) > count:
            row = self._rows.pop()
            row.hide()
            self._spare.insert(0, row)  # it stays where it is: just after the shown rows
        while len(self._rows) < count:
            if self._spare:
                row = self._spare.pop(0)
                self._rows.append(row)
                row.show()
            else:
                self._insert(len(self._rows))
        if changed:
            self._renumber()
            self.rowsChanged.emit()
        return self.rows()

    def add_row(
        self, after: RowEditor | None = None, focus: bool = True, report: bool = True
    ) -> RowEditor | None:
        """Add an empty row after ``after`` (at the end without one) and put the cursor in it.

        ``report=False`` adds a row to type in without reporting an edit: an empty row offered
        when a pane is only looked at is not a change to the record until something is typed.
        """
        if self._read_only or len(self._rows) >= limits.LIST_MAX:
            return None
        index = len(self._rows) if after is None else self._rows.index(after) + 1
        row = self._insert(index)
        self._renumber()
        self.rowsChanged.emit()
        if focus:
            row.first_field().setFocus(Qt.FocusReason.OtherFocusReason)
        if report:
            self.edited.emit()
        return row

    def remove_row(self, row: RowEditor) -> None:
        """Remove ``row``; the cursor goes to the end of the row before it (or the next one)."""
        if self._read_only or row not in self._rows:
            return
        index = self._rows.index(row)
        neighbours = self._rows[:index] + self._rows[index + 1 :]
        if neighbours:
            target = neighbours[max(index - 1, 0)].first_field()
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            target.end(False)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._discard(row)
        self._renumber()
        self.rowsChanged.emit()
        self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)

    def _insert(self, index: int) -> RowEditor:
        row = self._make_row()
        self._rows.insert(index, row)
        self._rows_box.insertWidget(index, row)
        # Shown now, not on the next turn of the event loop (Qt's default for a new child), so
        # the cursor can move into it at once and Tab does not skip its fields.
        row.show()
        row.edited.connect(self.edited)
        row.removeRequested.connect(lambda: self.remove_row(row))
        for widget in row.focus_fields():
            if isinstance(widget, QLineEdit | QComboBox | QAbstractButton):
                widget.installEventFilter(self)
        return row

    def _discard(self, row: RowEditor) -> None:
        self._rows.remove(row)
        self._rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _renumber(self) -> None:
        for number, row in enumerate(self._rows, start=1):
            row.set_number(number)

    def _on_add_clicked(self) -> None:
        self.add_row(None)

    def _row_of(self, widget: QObject) -> RowEditor | None:
        for row in self._rows:
            if widget in row.focus_fields():
                return row
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self._read_only:
            return False
        assert isinstance(event, QKeyEvent)
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain != Qt.KeyboardModifier.NoModifier:
            return False
        row = self._row_of(watched)
        if row is None:
            return False
        if event.key() in _ENTER_KEYS:
            self.add_row(after=row)
            return True
        if (
            event.key() == Qt.Key.Key_Backspace
            and watched is row.first_field()
            and row.first_field().cursorPosition() == 0
            and not row.first_field().hasSelectedText()
            and row.is_blank()
        ):
            self.remove_row(row)
            return True
        return False
