"""Pane 7, Summary and closure: the decisions, action items, the follow-up, the closure check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.closure_check import MeetingPanes, closure_check, may_close, summarize
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.ui.panes.closure_words import check_line, summary_text
from sspt_desktop.ui.panes.date_fields import DateField, TimeField
from sspt_desktop.ui.panes.fields import LineField, TextField
from sspt_desktop.ui.panes.item_list import ItemList, RowEditor
from sspt_desktop.ui.panes.pane_context import NO_RECORD, PaneServices
from sspt_desktop.ui.panes.pane_words import tr
from sspt_desktop.ui.panes.structured_pane import KEEP_ENABLED, StructuredPane

_PATH_ROLE = Qt.ItemDataRole.UserRole


class ActionRowEditor(RowEditor):
    """One action item: what, who, by when (see :class:`RowEditor`)."""

    def __init__(self, item: ActionItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.what = LineField("what", tr("Action"))
        self.what.setPlaceholderText(tr("What will be done"))
        self.owner = LineField("owner", tr("Owner"), limits.NAME_MAX)
        self.owner.setPlaceholderText(tr("Who"))
        self.due = DateField("due", tr("Due date"))
        self.remove = self.make_remove_button()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.what, 3)
        line.addWidget(self.owner, 2)
        line.addWidget(self.due, 1)
        line.addWidget(self.remove)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(line)
        for field in (self.what, self.owner, self.due):
            box.addWidget(field.message)
            field.edited.connect(self.edited)

    def focus_fields(self) -> list[QWidget]:
        return [self.what, self.owner, self.due]

    def first_field(self) -> LineField:
        return self.what

    def is_blank(self) -> bool:
        return not (self.what.text() or self.owner.text() or self.due.text())

    def set_number(self, number: int) -> None:
        self.what.setAccessibleName(tr("Action {n}").format(n=number))
        self.owner.setAccessibleName(tr("Owner of action {n}").format(n=number))
        self.due.setAccessibleName(tr("Due date of action {n}").format(n=number))
        self.remove.setAccessibleName(tr("Remove action {n}").format(n=number))

    def load(self, item: ActionItem) -> None:
        self.item = item
        self.what.load(item.what)
        self.owner.load(item.owner)
        self.due.load(item.due)

    def value(self) -> ActionItem:
        return replace(self.item, what=self.what.value, owner=self.owner.value, due=self.due.value)


class ClosurePane(StructuredPane):
    """The generated summary, action items, the follow-up date and time, the closure check
    (each line jumps to its field) and Close meeting. The check reads every pane: give their
    contents with :meth:`set_meeting_contents`. Closing itself is the caller's use case.

    Signals (besides :class:`StructuredPane`'s):
        jumpRequested(object, str): the :class:`PaneKind` and the field path a check line names.
        closeRequested(str): Close meeting was pressed; the close-anyway reason, or "".
    """

    kind = PaneKind.CLOSURE
    jumpRequested = Signal(object, str)
    closeRequested = Signal(str)

    def __init__(self, services: PaneServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._others: dict[PaneKind, Any] = {}
        self.summary = QLabel()
        self.summary.setObjectName("closureSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_items = ItemList(
            self._new_action, tr("Add an ac&tion"), tr("Add an action item")
        )
        self.follow_up_date = DateField("follow_up_date", tr("Follow-up meeting date"))
        self.follow_up_time = TimeField("follow_up_time", tr("Follow-up meeting time"))
        self.check = QListWidget()
        self.check.setAccessibleName(tr("Still missing before closing"))
        self.check.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        self.check.setProperty(KEEP_ENABLED, True)
        self.check.itemActivated.connect(self._jump)
        self.reason = TextField("close_anyway_reason", tr("Reason for closing with gaps"))
        self.reason.setPlaceholderText(tr("Only needed when something above is still missing"))
        self.reason.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.close_button = QPushButton(tr("&Close meeting"))
        self.close_button.setAccessibleName(tr("Close meeting"))
        self.close_button.clicked.connect(self._close)

        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 4, 0)
        # What the team still does before it leaves comes first; the summary, read back to the
        # family, follows the Close button and grows as the meeting decides.
        actions_label = self.section_label(tr("Action items"))
        actions_label.setBuddy(self.action_items.add_button)
        layout.addWidget(actions_label)
        layout.addWidget(self.action_items)
        follow = self.form_layout()
        follow.addRow(
            tr("Follow-up &date:"), self.field_box(self.follow_up_date, self.follow_up_date.message)
        )
        follow.addRow(
            tr("Follow-up t&ime:"), self.field_box(self.follow_up_time, self.follow_up_time.message)
        )
        layout.addLayout(follow)
        check_label = self.section_label(tr("Closure c&heck (Enter goes to the field)"))
        check_label.setBuddy(self.check)
        layout.addWidget(check_label)
        layout.addWidget(self.check)
        reason_label = self.section_label(tr("&Reason for closing anyway"))
        reason_label.setBuddy(self.reason)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.reason.message)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.section_label(tr("Summary of decisions")))
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.watch(self.action_items, self.follow_up_date, self.follow_up_time, self.reason)
        self.set_content(ClosureContent())

    def set_meeting_contents(self, contents: Mapping[PaneKind, Any]) -> None:
        """The other panes' current contents, for the summary and the closure check."""
        self._others = {kind: value for kind, value in contents.items() if kind != self.kind}
        if self.is_filled():
            self._show_gaps(self._content)

    def meeting_panes(self, closure: ClosureContent | None = None) -> MeetingPanes:
        values = {kind.value: content for kind, content in self._others.items()}
        return MeetingPanes(closure=closure or self._content, **values)

    def _new_action(self) -> ActionRowEditor:
        return ActionRowEditor(ActionItem(id=self._context.new_id()))

    def _rows(self) -> list[ActionRowEditor]:
        return cast(list[ActionRowEditor], self.action_items.rows())

    def _load(self, content: ClosureContent) -> None:
        editors = self.action_items.set_row_count(len(content.action_items))
        for editor, item in zip(editors, content.action_items, strict=True):
            cast(ActionRowEditor, editor).load(item)
        self.follow_up_date.load(content.follow_up_date)
        self.follow_up_time.load(content.follow_up_time)
        self.reason.load(content.close_anyway_reason)

    def _read(self, notes: str) -> ClosureContent:
        current: ClosureContent = self._content
        return replace(
            current,
            action_items=tuple(row.value() for row in self._rows()),
            follow_up_date=self.follow_up_date.value,
            follow_up_time=self.follow_up_time.value,
            close_anyway_reason=self.reason.value,
            notes=notes,
        )

    def _show_gaps(self, content: ClosureContent) -> None:
        panes = self.meeting_panes(content)
        meeting_id = None if self._context.meeting_id == NO_RECORD else self._context.meeting_id
        date = self._context.meeting_date
        self.summary.setText(summary_text(summarize(panes)))
        self.check.clear()
        for gap in closure_check(panes, meeting_id, date):
            kind, path, words = check_line(gap)
            item = QListWidgetItem(words)
            item.setData(_PATH_ROLE, (kind.value, path))
            self.check.addItem(item)
        if not self.check.count():
            self.check.addItem(QListWidgetItem(tr("Nothing essential is missing.")))
        self.close_button.setEnabled(not self.is_read_only() and may_close(panes, meeting_id, date))

    def _jump(self, item: QListWidgetItem) -> None:
        target = item.data(_PATH_ROLE)
        if not target:
            return
        kind, path = PaneKind(target[0]), str(target[1])
        if kind is PaneKind.CLOSURE and path == "follow_up_date":
            self.follow_up_date.setFocus(Qt.FocusReason.OtherFocusReason)
        self.jumpRequested.emit(kind, path)

    def _close(self) -> None:
        content = self.content()
        if self.is_read_only() or not self.close_button.isEnabled():
            return
        self.closeRequested.emit(
            content.close_anyway_reason.strip() and content.close_anyway_reason
        )

    def _starting_list(self) -> ItemList:
        return self.action_items

    def _tab_chain(self) -> list[QWidget]:
        return [
            *self.action_items.focus_chain(),
            self.follow_up_date,
            self.follow_up_time,
            self.check,
            self.reason,
            self.close_button,
        ]

    def _apply_read_only(self) -> None:
        super()._apply_read_only()
        if hasattr(self, "close_button") and self.is_read_only():
            self.close_button.setEnabled(False)
