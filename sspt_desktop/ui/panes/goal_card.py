"""One goal of the Goals pane: its parts, the live sentence, the live SMART check, a review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import cast

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from sspt_desktop.domain.goal import Goal, GoalRating, GoalReview, GoalWording
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.ui.panes.date_fields import DateField
from sspt_desktop.ui.panes.fields import ChoiceField, LineField, TextField
from sspt_desktop.ui.panes.pane_words import rating_label, tr
from sspt_desktop.ui.panes.structured_pane import ALWAYS_READ_ONLY, StructuredPane

_PARTS = ("student_will", "condition", "baseline", "target", "measured_by", "how_often")


def goal_wording() -> GoalWording:
    """The connecting words of a goal sentence, in the language of the user interface."""
    return GoalWording(
        by_date=tr("By {}"),
        condition=tr("when {}"),
        student_will=tr("the student will {}"),
        from_to=tr("from {baseline} to {target}"),
        to_target=tr("reaching {target}"),
        measured_by=tr("as measured by {}"),
        how_often=tr("checked {}"),
    )


def long_date(value: date) -> str:
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat
    )


def smart_text(gap: Missing) -> str:
    """What one SMART gap asks of the team, in a few calm words."""
    field = gap.field_path.rsplit(".", 1)[-1]
    words = {
        (MissingCode.SPECIFIC, "student_will"): tr("Specific: say what the student will do"),
        (MissingCode.MEASURABLE, "target"): tr("Measurable: a target with a number"),
        (MissingCode.MEASURABLE, "measured_by"): tr("Measurable: how progress is measured"),
        (MissingCode.MEASURABLE, "how_often"): tr("Measurable: how often it is measured"),
        (MissingCode.ACHIEVABLE, "baseline"): tr("Achievable: the baseline to start from"),
        (MissingCode.ACHIEVABLE, "target"): tr("Achievable: the target equals the baseline"),
        (MissingCode.RELEVANT, "problem"): tr("Relevant: describe the problem first"),
        (MissingCode.RELEVANT, "measured_by"): tr(
            "Relevant: measure what the problem's baseline measures"
        ),
        (MissingCode.TIME_BOUND, "by_date"): tr("Time-bound: a date after the meeting"),
    }
    return words.get((gap.code, field), tr("Not SMART yet"))


class GoalCard(QFrame):
    """The parts of one goal, its sentence and SMART check as typed, and (for a goal carried
    forward from an earlier meeting) its parts read-only with this meeting's review.

    Signals:
        edited(): a part or the review was changed by a person.
        removeRequested(): the card's remove button was clicked.
    """

    edited = Signal()
    removeRequested = Signal()

    def __init__(self, goal: Goal, carried: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paneCard")
        self.goal = goal
        self.carried = carried
        self.by_date = DateField("by_date", tr("By date"))
        self.student_will = LineField("student_will", tr("The student will"))
        self.condition = LineField("condition", tr("Condition"))
        self.baseline = LineField("baseline", tr("From baseline"))
        self.target = LineField("target", tr("To target"))
        self.measured_by = LineField("measured_by", tr("Measured by"))
        self.how_often = LineField("how_often", tr("How often"))
        self.student_will.setPlaceholderText(tr("read a grade-level passage aloud"))
        self.condition.setPlaceholderText(tr("given a one-minute timed reading"))
        self.title = StructuredPane.section_label("")
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove.clicked.connect(self.removeRequested)
        self.sentence = QLabel()
        self.sentence.setObjectName("goalSentence")
        self.smart = QLabel()
        self.smart.setObjectName("paneGaps")
        for label in (self.sentence, self.smart):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.rating = ChoiceField(
            "rating", tr("Progress on this goal"), tuple(GoalRating), rating_label
        )
        self.review_notes = TextField("review.notes", tr("Review notes"))
        self.review_notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)

        layout = QVBoxLayout(self)
        head = StructuredPane.form_layout()
        head.addRow(self.title, self.remove)
        layout.addLayout(head)
        form = StructuredPane.form_layout()
        rows = (
            (tr("B&y date:"), self.by_date),
            (tr("The student &will:"), self.student_will),
            (tr("Con&dition:"), self.condition),
            (tr("From &baseline:"), self.baseline),
            (tr("To &target:"), self.target),
            (tr("&Measured by:"), self.measured_by),
            (tr("How &often:"), self.how_often),
        )
        for text, field in rows:
            form.addRow(text, StructuredPane.field_box(field, field.message))
            field.edited.connect(self.edited)
        layout.addLayout(form)
        layout.addWidget(self.sentence)
        layout.addWidget(self.smart)
        review = StructuredPane.form_layout()
        review.addRow(tr("&Progress:"), self.rating)
        review.addRow(tr("Review &notes:"), self.review_notes)
        layout.addLayout(review)
        self._review = review
        self.rating.edited.connect(self.edited)
        self.review_notes.edited.connect(self.edited)
        self._show_carried(carried)
        self.load(goal, None)

    def set_carried(self, carried: bool) -> None:
        """Whether the goal shown was agreed in an earlier meeting (a load reuses cards)."""
        if carried != self.carried:
            self.carried = carried
            self._show_carried(carried)

    def _show_carried(self, carried: bool) -> None:
        for widget in (self.rating, self.review_notes):
            widget.setVisible(carried)
            review_label = self._review.labelForField(widget)
            if review_label is not None:
                review_label.setVisible(carried)
        for part in self.part_fields():
            # Agreed in a closed meeting: shown, never edited (a change is a new goal).
            part.setProperty(ALWAYS_READ_ONLY, carried)
        self.remove.setProperty(ALWAYS_READ_ONLY, carried)

    def part_fields(self) -> list[QWidget]:
        return [
            self.by_date,
            self.student_will,
            self.condition,
            self.baseline,
            self.target,
            self.measured_by,
            self.how_often,
        ]

    def focus_fields(self) -> list[QWidget]:
        return [*self.part_fields(), *([self.rating, self.review_notes] if self.carried else [])]

    def set_number(self, number: int) -> None:
        self.title.setText(tr("Goal {n}").format(n=number))
        self.remove.setAccessibleName(tr("Remove goal {n}").format(n=number))
        for field in self.focus_fields():
            base = field.property("baseName") or field.accessibleName()
            field.setProperty("baseName", base)
            field.setAccessibleName(tr("Goal {n}: {field}").format(n=number, field=base))

    def load(self, goal: Goal, review: GoalReview | None) -> None:
        self.goal = goal
        self.by_date.load(goal.by_date)
        for name in _PARTS:
            cast(LineField, getattr(self, name)).load(getattr(goal, name))
        self.rating.load(None if review is None else review.rating)
        self.review_notes.load("" if review is None else review.notes)

    def value(self) -> Goal:
        if self.carried:
            return self.goal  # agreed in a closed meeting: a change would be a new goal
        return replace(
            self.goal,
            by_date=self.by_date.value,
            student_will=self.student_will.value,
            condition=self.condition.value,
            baseline=self.baseline.value,
            target=self.target.value,
            measured_by=self.measured_by.value,
            how_often=self.how_often.value,
        )

    def review(self) -> GoalReview | None:
        if not self.carried:
            return None
        return GoalReview(
            goal_id=self.goal.id,
            rating=cast(GoalRating | None, self.rating.value),
            notes=self.review_notes.value,
        )

    def show_check(self, goal: Goal, gaps: Sequence[Missing]) -> None:
        sentence = goal.sentence(goal_wording(), long_date)
        self.sentence.setText(sentence or tr("The goal's sentence appears here as you type."))
        smart = [smart_text(gap) for gap in gaps]
        if smart:
            self.smart.setText(tr("Not SMART yet:") + "\n" + "\n".join(f"• {s}" for s in smart))
        else:
            self.smart.setText(tr("SMART: specific, measurable, achievable, relevant, time-bound."))
