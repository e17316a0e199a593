"""What every structured pane editor shares: its content, the edit signal, notes, read-only.

A pane shows one immutable content value of the domain (:mod:`pane_kinds`). Typing changes
fields; the pane rebuilds its content once per turn of the event loop (a zero-millisecond
single-shot timer), so a burst of keystrokes or a paste costs one rebuild, and a rebuild reads
only the fields that changed (a long note is read out of its editor only after it changed).
Nothing is serialised here: the content value itself is what is emitted.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.pane_kinds import PaneKind, empty_content
from sspt_desktop.domain.text_limits import InvalidField
from sspt_desktop.ui.panes.fields import FieldMessage, TextField
from sspt_desktop.ui.panes.item_list import ItemList
from sspt_desktop.ui.panes.pane_context import PaneContext, PaneServices
from sspt_desktop.ui.panes.pane_words import refusal_text, tr

#: Widgets that only show or navigate stay usable in a closed meeting.
KEEP_ENABLED = "keepEnabledWhenReadOnly"
#: Fields of records agreed in an earlier, closed meeting: shown, never edited.
ALWAYS_READ_ONLY = "alwaysReadOnly"
#: The notes' share of a pane's height: the structured fields are the record, the notes are
#: for what does not fit them.
NOTES_SHARE = 0.25
#: Lines of notes kept in view whatever the share (at 200 % text in a small window).
NOTES_LINES = 3
#: The most the notes take to show those lines: the structured fields keep the rest.
NOTES_MOST = 0.38

_STYLE = """
#fieldMessage { color: #9A3412; }
#paneGaps { color: #4A5563; }
#paneSection { font-weight: bold; color: #1F3A5F; padding-top: 6px; }
#paneCard { border: 1px solid #D9DEE5; border-radius: 4px; background: #FFFFFF; }
"""


class _PaneSplitter(QSplitter):
    """The vertical splitter between a pane's fields and its notes.

    Signals:
        resized(): after the splitter has laid out its parts for a new size or text size.
    """

    resized = Signal()

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Vertical)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.resized.emit()


class StructuredPane(QWidget):
    """Base of the seven pane editors: structured fields above, free notes below.

    Subclasses set :attr:`kind`, build their fields into :attr:`form` and implement
    ``_load`` (content → fields), ``_read`` (fields → content, may raise :class:`InvalidField`),
    ``_show_gaps`` (content → the calm "still open" notes) and ``_tab_chain``.

    Signals:
        contentEdited(object): the pane's new content after a person's edit (never on
            :meth:`set_content`); at most once per turn of the event loop.
    """

    contentEdited = Signal(object)
    kind: ClassVar[PaneKind]

    def __init__(self, services: PaneServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self._services = services
        self._context = PaneContext()
        self._read_only = False
        self._loading = False
        self._unfilled = False
        self._content: Any = empty_content(self.kind)
        self._rebuild = QTimer(self)
        self._rebuild.setSingleShot(True)
        self._rebuild.setInterval(0)
        self._rebuild.timeout.connect(self._flush)

        self.pane_message = FieldMessage()
        self.form = QWidget()
        self.form.setObjectName("paneForm")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        self.scroll_area = scroll

        self.notes = TextField("notes", tr("Notes"), limits.NOTES_MAX)
        self.notes.setObjectName("paneNotes")
        self.notes.edited.connect(self._edited)
        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 4, 0, 0)
        notes_label = self.section_label(tr("&Notes"))
        notes_label.setBuddy(self.notes)
        notes_layout.addWidget(notes_label)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(self.notes.message)
        self._notes_layout = notes_layout
        self._notes_label = notes_label

        self.splitter = _PaneSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(notes_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        # The splitter alone would share the height by its parts' size hints, which gave the
        # notes up to half the pane (and at 200 % text left the fields 3 or 4 lines): the
        # pane shares it itself until a person drags the handle.
        self._split_by_person = False
        self.splitter.splitterMoved.connect(self._person_moved_split)
        self.splitter.resized.connect(self._share_split)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.pane_message)
        layout.addWidget(self.splitter, 1)

    # -- what the meeting view uses -------------------------------------------------------

    def show_meeting(self, content: Any, context: PaneContext, read_only: bool) -> None:
        """Show a meeting's stored content with its context and read-only state, in one pass
        (setting them one by one would fill the fields twice); reports no edit."""
        self._context = context
        self._read_only = read_only
        self.set_content(content)

    def show_meeting_later(self, content: Any, context: PaneContext, read_only: bool) -> None:
        """Take a meeting's content now and fill the fields only when :meth:`fill` is called
        (the meeting view does so when the pane is first shown, or on an idle turn): opening
        a meeting then builds only the pane in front. Until then :meth:`content` is this
        content, so the panes reading this one and autosave never see the previous meeting."""
        self._rebuild.stop()
        self._context = context
        self._read_only = read_only
        self._content = content
        self._unfilled = True

    def is_filled(self) -> bool:
        """Whether the fields show :meth:`content` (see :meth:`show_meeting_later`)."""
        return not self._unfilled

    def fill(self) -> None:
        """Fill the fields with the content taken by :meth:`show_meeting_later`, if not yet."""
        if self._unfilled:
            self.set_content(self._content)

    def set_content(self, content: Any) -> None:
        """Show stored content; reports no edit. Messages of an earlier content are cleared."""
        self._unfilled = False
        self._rebuild.stop()
        self._loading = True
        try:
            self._load(content)
            self.notes.load(content.notes)
        finally:
            self._loading = False
        self._content = content
        self.pane_message.say("")
        self._show_gaps(content)
        self.update_tab_order()
        self._apply_read_only()

    def content(self) -> Any:
        """The content as shown, with any edit of this turn of the event loop included."""
        if self._rebuild.isActive():
            self._rebuild.stop()
            self._flush()
        return self._content

    def edit_pending(self) -> bool:
        """Whether an edit of this turn of the event loop is still to be emitted."""
        return self._rebuild.isActive()

    def set_context(self, context: PaneContext) -> None:
        """The meeting the pane belongs to (ids for new goals and rows, its date for checks)."""
        changed_meeting = context.meeting_id != self._context.meeting_id
        self._context = context
        if self._unfilled:
            return  # filled with this context when first shown
        if changed_meeting:
            # Which goals and rows were agreed earlier (read-only) depends on the meeting.
            self.set_content(self.content())
        else:
            self._show_gaps(self._content)

    def set_read_only(self, read_only: bool) -> None:
        """A closed meeting: text can be read, selected and copied, but not changed."""
        self._read_only = read_only
        if not self._unfilled:
            self._apply_read_only()

    def is_read_only(self) -> bool:
        return self._read_only

    def focus_first_field(self) -> None:
        """The cursor in the first field; a pane that starts with an empty list gets its first
        row, so the recorder can type at once (only looking at the pane changes nothing stored:
        the row counts once something is typed)."""
        starting = self._starting_list()
        if starting is not None and not starting.rows() and not self._read_only:
            starting.add_row(report=False)
            return
        chain = self._tab_chain()
        if chain:
            chain[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_field(self, path: str) -> None:
        """The cursor in the field ``path`` names inside this pane (``rows[1].responsible``,
        as the closure check gives it), scrolled into view; the first field when the pane has
        no field of that name."""
        head, _, _ = path.partition(".")
        index = 0
        if "[" in head and head.endswith("]"):
            number = head.split("[", 1)[1].rstrip("]")
            index = int(number) if number.isdigit() else 0
        name = path.rsplit(".", 1)[-1]
        matches = [
            widget
            for widget in (*self._tab_chain(), self.notes)
            if getattr(widget, "field_name", None) == name
        ]
        if not matches:
            self.focus_first_field()
            return
        target = matches[min(index, len(matches) - 1)]
        self.scroll_area.ensureWidgetVisible(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- for the subclasses ---------------------------------------------------------------

    @staticmethod
    def section_label(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("paneSection")
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    @staticmethod
    def field_box(field: QWidget, message: QWidget) -> QWidget:
        """A field with its message right under it, for a form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(message)
        return box

    @staticmethod
    def form_layout(parent: QWidget | None = None) -> QFormLayout:
        """A label-and-field form whose labels move above their fields when space runs out
        (200 % text in a narrow window)."""
        form = QFormLayout(parent) if parent is not None else QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def watch(self, *sources: Any) -> None:
        """Rebuild the content when any of ``sources`` (fields, lists, rows) reports an edit."""
        for source in sources:
            source.edited.connect(self._edited)
            if isinstance(source, ItemList):
                source.rowsChanged.connect(self._rows_changed)

    def update_tab_order(self) -> None:
        """Tab follows the fields as they read, also after rows were added or removed."""
        chain = [*self._tab_chain(), self.notes]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _load(self, content: Any) -> None:
        raise NotImplementedError

    def _read(self, notes: str) -> Any:
        raise NotImplementedError

    def _show_gaps(self, content: Any) -> None:
        raise NotImplementedError

    def _tab_chain(self) -> list[QWidget]:
        raise NotImplementedError

    def _starting_list(self) -> ItemList | None:
        """The list the pane starts with, if its first field is a list's first row."""
        return None

    # -- sharing the height between fields and notes --------------------------------------

    def notes_height(self, total: int) -> int:
        """The notes' part of ``total`` pixels: :data:`NOTES_SHARE`, or enough for
        :data:`NOTES_LINES` lines if that is more, but never over :data:`NOTES_MOST`."""
        frame = 2 * self.notes.frameWidth() + 2 * round(self.notes.document().documentMargin())
        lines = NOTES_LINES * self.notes.fontMetrics().lineSpacing() + frame
        margins = self._notes_layout.contentsMargins()
        spacing = self._notes_layout.spacing()
        label = self._notes_label.sizeHint().height()
        readable = lines + label + spacing + margins.top() + margins.bottom()
        return min(max(round(total * NOTES_SHARE), readable), round(total * NOTES_MOST))

    def _share_split(self) -> None:
        total = sum(self.splitter.sizes())
        if total <= 0 or self._split_by_person:
            return
        notes = self.notes_height(total)
        if self.splitter.sizes() != [total - notes, notes]:
            self.splitter.setSizes([total - notes, notes])

    def _person_moved_split(self) -> None:
        self._split_by_person = True

    # -- internals ------------------------------------------------------------------------

    def _edited(self) -> None:
        if not self._loading and not self._rebuild.isActive():
            self._rebuild.start()

    def _rows_changed(self) -> None:
        if self._loading:
            # set_content orders the tabs and applies read-only once at its end; doing it for
            # every row it inserts made opening a meeting cost rows x widgets (about 200 ms).
            return
        self.update_tab_order()
        self._apply_read_only()

    def _flush(self) -> None:
        try:
            content = self._read(self.notes.value)
        except InvalidField as error:
            # A limit across fields (too many rows): keep the last content, say it at the top.
            self.pane_message.say(refusal_text(error))
            return
        self.pane_message.say("")
        if content == self._content:
            return
        previous, self._content = self._content, content
        # Notes never change what is missing: typing in them skips the gap and summary refresh.
        if replace(previous, notes="") != replace(content, notes=""):
            self._show_gaps(content)
        self.contentEdited.emit(content)

    def _apply_read_only(self) -> None:
        ro = self._read_only
        for line in self.findChildren(QLineEdit):
            if not line.property(KEEP_ENABLED):
                line.setReadOnly(ro or bool(line.property(ALWAYS_READ_ONLY)))
        for text in self.findChildren(QPlainTextEdit):
            text.setReadOnly(ro or bool(text.property(ALWAYS_READ_ONLY)))
        for widget in (*self.findChildren(QComboBox), *self.findChildren(QAbstractButton)):
            if not widget.property(KEEP_ENABLED):
                widget.setEnabled(not (ro or bool(widget.property(ALWAYS_READ_ONLY))))
        for item_list in self.findChildren(ItemList):
            item_list.set_read_only(ro)
