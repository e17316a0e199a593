"""Pane 4, Goals: one to three goals built from parts, each with its live sentence and check."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.goals_pane import MAX_GOALS, GoalsContent
from sspt_desktop.domain.missing import MissingCode
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.problem_pane import ProblemContent
from sspt_desktop.ui.panes.gaps_label import GapsLabel
from sspt_desktop.ui.panes.goal_card import GoalCard
from sspt_desktop.ui.panes.pane_context import NO_RECORD, PaneServices
from sspt_desktop.ui.panes.pane_words import gap_text, tr
from sspt_desktop.ui.panes.structured_pane import StructuredPane


class GoalsPane(StructuredPane):
    """The meeting's goals as cards; "Add a goal" makes the next (up to three). Each card shows
    the goal as a sentence and names what keeps it from being SMART, as it is typed. The
    relevance check reads the Problem pane's content, given with :meth:`set_problem`.

    Signals: see :class:`StructuredPane`.
    """

    kind = PaneKind.GOALS

    def __init__(self, services: PaneServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._problem: ProblemContent | None = None
        self._cards: list[GoalCard] = []
        # Cards a load with fewer goals left over, hidden after the shown ones and reused by
        # the next load: building a card costs far more than filling one.
        self._spare_cards: list[GoalCard] = []
        self.gaps = GapsLabel()
        self.add_button = QPushButton(tr("&Add a goal"))
        self.add_button.setAccessibleName(tr("Add a goal"))
        # Not connected directly: clicked's "checked" argument would land in ``report``.
        self.add_button.clicked.connect(lambda _checked=False: self.add_goal())
        self._cards_box = QVBoxLayout()
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.gaps)
        layout.addLayout(self._cards_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.set_content(GoalsContent())

    def cards(self) -> list[GoalCard]:
        return list(self._cards)

    def set_problem(self, problem: ProblemContent | None) -> None:
        """The Problem pane's content, for the live "relevant" check."""
        self._problem = problem
        if self.is_filled():
            self._show_gaps(self._content)

    def add_goal(self, report: bool = True) -> GoalCard | None:
        """A new, empty goal card at the end, with the cursor in its first part; with
        ``report=False`` the card is offered to type in but is no edit until something is."""
        if self.is_read_only() or len(self._current_cards()) >= MAX_GOALS:
            return None
        goal = Goal(
            id=self._context.new_id(),
            case_id=self._context.case_id,
            introduced_in=self._context.meeting_id,
        )
        card = self._add_card(goal)
        self._renumber()
        self.update_tab_order()
        self._apply_read_only()
        card.by_date.setFocus(Qt.FocusReason.OtherFocusReason)
        if report:
            self._edited()
        return card

    def focus_first_field(self) -> None:
        if not self._cards and not self.is_read_only():
            self.add_goal(report=False)  # looking at the pane changes nothing stored
            return
        super().focus_first_field()

    def _current_cards(self) -> list[GoalCard]:
        return [card for card in self._cards if not card.carried]

    def _carried(self, goal: Goal) -> bool:
        return (
            self._context.meeting_id != NO_RECORD and goal.introduced_in != self._context.meeting_id
        )

    def _add_card(self, goal: Goal) -> GoalCard:
        card = GoalCard(goal, self._carried(goal))
        card.edited.connect(self._edited)
        card.removeRequested.connect(lambda: self._remove_card(card))
        # Before the spare cards: the layout holds the shown cards first, in their order.
        self._cards_box.insertWidget(len(self._cards), card)
        self._cards.append(card)
        card.show()
        return card

    def _remove_card(self, card: GoalCard) -> None:
        if self.is_read_only() or card not in self._cards:
            return
        self._cards.remove(card)
        self._cards_box.removeWidget(card)
        card.hide()
        card.deleteLater()
        self._renumber()
        self.update_tab_order()
        self._edited()

    def _renumber(self) -> None:
        for number, card in enumerate(self._cards, start=1):
            card.set_number(number)
        self.add_button.setEnabled(
            not self.is_read_only() and len(self._current_cards()) < MAX_GOALS
        )

    def _load(self, content: GoalsContent) -> None:
        while len(self._cards) > len(content.goals):
            card = self._cards.pop()
            card.hide()
            self._spare_cards.insert(0, card)  # stays where it is: just after the shown cards
        for index, goal in enumerate(content.goals):
            if index < len(self._cards):
                card = self._cards[index]
            elif self._spare_cards:
                card = self._spare_cards.pop(0)
                self._cards.append(card)
                card.show()
            else:
                card = self._add_card(goal)
            card.set_carried(self._carried(goal))
            card.load(goal, content.review_of(goal.id))
        self._renumber()

    def _read(self, notes: str) -> GoalsContent:
        current: GoalsContent = self._content
        goals = tuple(card.value() for card in self._cards)
        reviewed = {card.goal.id: card.review() for card in self._cards if card.carried}
        kept = tuple(r for r in current.reviews if r.goal_id not in reviewed)
        reviews = kept + tuple(review for review in reviewed.values() if review is not None)
        return replace(current, goals=goals, reviews=reviews, notes=notes)

    def _show_gaps(self, content: GoalsContent) -> None:
        meeting_id = None if self._context.meeting_id == NO_RECORD else self._context.meeting_id
        gaps = content.missing(self._problem, meeting_id, self._context.meeting_date)
        for index, card in enumerate(self._cards):
            if index >= len(content.goals):
                break
            prefix = f"goals[{index}]."
            smart = [
                gap
                for gap in gaps
                if gap.field_path.startswith(prefix) and ".review" not in gap.field_path
            ]
            card.show_check(content.goals[index], smart)
        lines = []
        for gap in gaps:
            if gap.field_path == "goals":
                lines.append(gap_text(tr("Goals"), gap))
            elif gap.code is MissingCode.REQUIRED and (
                gap.field_path.endswith("review") or ".review." in gap.field_path
            ):
                number = int(gap.field_path.split("]")[0].removeprefix("goals[")) + 1
                lines.append(gap_text(tr("Progress on goal {n}").format(n=number), gap))
        self.gaps.show_gaps(lines)

    def _tab_chain(self) -> list[QWidget]:
        return [*(w for card in self._cards for w in card.focus_fields()), self.add_button]

    def _apply_read_only(self) -> None:
        super()._apply_read_only()
        if hasattr(self, "add_button"):
            self.add_button.setEnabled(
                not self.is_read_only() and len(self._current_cards()) < MAX_GOALS
            )
