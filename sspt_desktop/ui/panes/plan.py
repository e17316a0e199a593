"""Pane 6, Intervention plan: a row per intervention, and rows made from the chosen ideas."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from sspt_desktop.domain.brainstorm_pane import BrainstormContent
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.plan_item import PlanItem
from sspt_desktop.domain.plan_pane import PlanContent, rows_from_chosen
from sspt_desktop.ui.panes.gaps_label import GapsLabel
from sspt_desktop.ui.panes.item_list import ItemList
from sspt_desktop.ui.panes.pane_context import NO_RECORD, PaneServices
from sspt_desktop.ui.panes.pane_words import gap_text, tr
from sspt_desktop.ui.panes.plan_row import PlanRowEditor
from sspt_desktop.ui.panes.structured_pane import StructuredPane


def _field_words() -> dict[str, str]:
    return {
        "what": tr("Intervention"),
        "tier": tr("Tier"),
        "goal_ids": tr("Goals"),
        "responsible": tr("Responsible"),
        "progress_measure": tr("Progress measure"),
        "start": tr("Start date"),
        "review_on": tr("Review date"),
    }


class PlanPane(StructuredPane):
    """The plan rows (Enter in a one-line field adds a row, Tab moves across) and one button
    that makes a row from every chosen idea without one. The goals to tick and the chosen
    ideas come from the other panes: :meth:`set_goals`, :meth:`set_brainstorm`.

    Signals: see :class:`StructuredPane`.
    """

    kind = PaneKind.PLAN

    def __init__(self, services: PaneServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._goals: tuple[Goal, ...] = ()
        self._brainstorm = BrainstormContent()
        self.rows = ItemList(self._new_row, tr("&Add an intervention"), tr("Add an intervention"))
        self.from_ideas = QPushButton(tr("&Rows from the chosen ideas"))
        self.from_ideas.setAccessibleName(tr("Make plan rows from the chosen ideas"))
        self.from_ideas.clicked.connect(self.rows_from_chosen_ideas)
        self.gaps = GapsLabel()
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.from_ideas, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.gaps)
        layout.addWidget(self.rows)
        layout.addStretch(1)
        self.watch(self.rows)
        self.rows.rowsChanged.connect(self._rows_added_or_removed)
        self.set_content(PlanContent())

    def set_goals(self, goals: tuple[Goal, ...]) -> None:
        """The meeting's goals, one check box each in every row."""
        self._goals = goals
        if not self.is_filled():
            return  # the rows get them when the pane is filled
        self._give_rows_goals()

    def set_brainstorm(self, brainstorm: BrainstormContent) -> None:
        self._brainstorm = brainstorm
        self.from_ideas.setEnabled(not self.is_read_only() and bool(brainstorm.chosen()))

    def rows_from_chosen_ideas(self) -> None:
        """One step: a row for every chosen idea that has none yet; running it again adds none."""
        if self.is_read_only():
            return
        before = self.content()
        after = rows_from_chosen(
            before,
            self._brainstorm,
            case_id=self._context.case_id,
            meeting_id=self._context.meeting_id,
            start=None,
            new_id=self._context.new_id,
        )
        if after == before:
            return
        self.set_content(after)
        self._content = before  # so the rebuild below reports the new rows as an edit
        self._edited()
        editors = self.rows.rows()
        if len(editors) > len(before.rows):
            editors[len(before.rows)].first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def _new_row(self) -> PlanRowEditor:
        item = PlanItem(
            id=self._context.new_id(),
            case_id=self._context.case_id,
            introduced_in=self._context.meeting_id,
        )
        return PlanRowEditor(item, carried=False)

    def _rows_added_or_removed(self) -> None:
        if not self._loading:  # a load gives the rows their goals itself
            self._give_rows_goals()

    def _give_rows_goals(self) -> None:
        for number, row in enumerate(self._rows(), start=1):
            row.set_goals(self._goals, number)
        self.update_tab_order()  # the goal check boxes may be new
        self._apply_read_only()

    def _rows(self) -> list[PlanRowEditor]:
        return cast(list[PlanRowEditor], self.rows.rows())

    def _load(self, content: PlanContent) -> None:
        # The row widgets are reused: each is given its item and whether it was carried
        # forward (set_content renews the tab order and read-only state once, at its end).
        editors = cast(list[PlanRowEditor], self.rows.set_row_count(len(content.rows)))
        for number, (editor, item) in enumerate(zip(editors, content.rows, strict=True), 1):
            carried = (
                self._context.meeting_id != NO_RECORD
                and item.introduced_in != self._context.meeting_id
            )
            editor.show_item(item, carried, self._goals, number)
        self.from_ideas.setEnabled(not self.is_read_only() and bool(self._brainstorm.chosen()))

    def _read(self, notes: str) -> PlanContent:
        current: PlanContent = self._content
        return replace(current, rows=tuple(row.value() for row in self._rows()), notes=notes)

    def _show_gaps(self, content: PlanContent) -> None:
        goal_ids = frozenset(goal.id for goal in self._goals) if self._goals else None
        meeting_id = None if self._context.meeting_id == NO_RECORD else self._context.meeting_id
        self.gaps.show_gaps([_describe(gap) for gap in content.missing(goal_ids, meeting_id)])

    def _tab_chain(self) -> list[QWidget]:
        return [self.from_ideas, *self.rows.focus_chain()]

    def focus_first_field(self) -> None:
        if self._rows():
            self._rows()[0].first_field().setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.from_ideas.isEnabled():
            self.from_ideas.setFocus(Qt.FocusReason.OtherFocusReason)
        elif not self.is_read_only():
            self.rows.add_row(report=False)  # looking at the pane changes nothing stored

    def _apply_read_only(self) -> None:
        super()._apply_read_only()
        if hasattr(self, "from_ideas"):
            self.from_ideas.setEnabled(not self.is_read_only() and bool(self._brainstorm.chosen()))


def _describe(gap: Missing) -> str:
    if gap.field_path == "rows":
        return gap_text(tr("Intervention plan"), gap)
    head, _, field = gap.field_path.partition(".")
    number = int(head.removeprefix("rows[").removeprefix("reviews[").rstrip("]")) + 1
    name = field.split("[")[0].split(".")[0]
    if name == "review":
        return gap_text(tr("Intervention {n}: review").format(n=number), gap)
    words = _field_words().get(name, name)
    if gap.code is MissingCode.UNKNOWN_REFERENCE:
        return gap_text(tr("Intervention {n}: a goal").format(n=number), gap)
    return gap_text(tr("Intervention {n}: {field}").format(n=number, field=words), gap)
