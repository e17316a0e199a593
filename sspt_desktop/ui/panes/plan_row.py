"""One row of the intervention plan: what, tier, goals, who, where, how often and long, dates,
the progress measure, and what the family does at home."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import cast
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QWidget

from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.plan_item import PlanItem, Tier
from sspt_desktop.ui.common.plain_tooltip import plain_tooltip
from sspt_desktop.ui.panes.date_fields import DateField
from sspt_desktop.ui.panes.fields import ChoiceField, LineField, TextField
from sspt_desktop.ui.panes.item_list import RowEditor
from sspt_desktop.ui.panes.pane_words import tier_label, tr
from sspt_desktop.ui.panes.structured_pane import ALWAYS_READ_ONLY, StructuredPane

_LINE_PARTS = (
    "what",
    "responsible",
    "location",
    "how_often",
    "how_long",
    "progress_measure",
    "measure_how_often",
)


class PlanRowEditor(RowEditor):
    """A plan row as a small card; Tab moves across its fields in reading order, Enter in a
    one-line field adds the next row. A row agreed in an earlier meeting is shown read-only
    (a change to it is a new row that replaces it)."""

    def __init__(self, item: PlanItem, carried: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paneCard")
        self.item = item
        self.carried = carried
        self.what = LineField("what", tr("Intervention"))
        self.tier = ChoiceField("tier", tr("Tier"), tuple(Tier), tier_label)
        self.responsible = LineField("responsible", tr("Responsible"))
        self.location = LineField("location", tr("Where"))
        self.how_often = LineField("how_often", tr("How often"))
        self.how_long = LineField("how_long", tr("How long"))
        self.start = DateField("start", tr("Start date"))
        self.review_on = DateField("review_on", tr("Review date"))
        self.progress_measure = LineField("progress_measure", tr("Progress measure"))
        self.measure_how_often = LineField("measure_how_often", tr("Measured how often"))
        self.family_at_home = TextField("family_at_home", tr("Family at home"))
        self.family_at_home.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.remove = self.make_remove_button()
        self.title = StructuredPane.section_label("")
        goals_widget = QWidget()
        self.goals_box = QHBoxLayout(goals_widget)
        self.goals_box.setContentsMargins(0, 0, 0, 0)
        self.no_goals = QLabel(tr("(no goal yet)"))
        self.goals_box.addWidget(self.no_goals)
        self.goals_box.addStretch(1)
        self._goal_boxes: list[tuple[UUID, QCheckBox]] = []

        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(6, 4, 6, 4)
        self._grid.addWidget(self.title, 0, 0, 1, 3)
        self._grid.addWidget(self.remove, 0, 3, Qt.AlignmentFlag.AlignRight)
        # (label, field, whether it takes a whole line even when two pairs fit side by side)
        self._pairs: list[tuple[QLabel, QWidget, bool]] = []
        for text, field, whole in (
            (tr("What:"), self.what, True),
            (tr("Tier:"), self.tier, False),
            (tr("Goals:"), goals_widget, False),
            (tr("Responsible:"), self.responsible, False),
            (tr("Where:"), self.location, False),
            (tr("How often:"), self.how_often, False),
            (tr("How long:"), self.how_long, False),
            (tr("Start:"), self.start, False),
            (tr("Review:"), self.review_on, False),
            (tr("Progress measure:"), self.progress_measure, False),
            (tr("Measured how often:"), self.measure_how_often, False),
            (tr("Family at home:"), self.family_at_home, True),
        ):
            label = QLabel(text)
            if field is not goals_widget:
                label.setBuddy(field)
            message = getattr(field, "message", None)
            box = StructuredPane.field_box(field, message) if message is not None else field
            self._pairs.append((label, box, whole))
        self._wide: bool | None = None
        self._arrange(wide=False)
        for part in self._fields():
            part.edited.connect(self.edited)
            part.setProperty(ALWAYS_READ_ONLY, carried)
        self.start.edited.connect(self._show_review_default)
        self.tier.edited.connect(self._show_review_default)

    def _arrange(self, wide: bool) -> None:
        """Two label-and-field pairs per line when the card is wide enough, one otherwise
        (large text, a narrow window): fields never shrink below what they can show."""
        if wide == self._wide:
            return
        self._wide = wide
        grid = self._grid
        line, column = 1, 0
        for label, box, whole in self._pairs:
            grid.removeWidget(label)
            grid.removeWidget(box)
            if not wide or whole:
                if column:
                    line, column = line + 1, 0
                grid.addWidget(label, line, 0)
                grid.addWidget(box, line, 1, 1, 3)
                line += 1
                continue
            grid.addWidget(label, line, column)
            grid.addWidget(box, line, column + 1)
            line, column = (line, 2) if column == 0 else (line + 1, 0)
        for stretch_column in range(4):
            grid.setColumnStretch(stretch_column, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1 if wide else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # About 90 average characters hold two pairs side by side without squeezing a field.
        self._arrange(event.size().width() >= 90 * self.fontMetrics().averageCharWidth())
        super().resizeEvent(event)

    def _fields(self) -> list[LineField | ChoiceField | DateField | TextField]:
        return [
            self.what,
            self.tier,
            self.responsible,
            self.location,
            self.how_often,
            self.how_long,
            self.start,
            self.review_on,
            self.progress_measure,
            self.measure_how_often,
            self.family_at_home,
        ]

    def focus_fields(self) -> list[QWidget]:
        fields: list[QWidget] = [self.what, self.tier]
        fields.extend(box for _, box in self._goal_boxes)
        fields.extend(self._fields()[2:])
        return fields

    def first_field(self) -> LineField:
        return self.what

    def is_blank(self) -> bool:
        return (
            all(not cast(LineField, getattr(self, name)).text() for name in _LINE_PARTS)
            and self.tier.value is None
            and not self.start.text()
            and not self.review_on.text()
            and not any(box.isChecked() for _, box in self._goal_boxes)
            and not self.family_at_home.toPlainText()
        )

    def set_number(self, number: int) -> None:
        self.title.setText(tr("Intervention {n}").format(n=number))
        self.remove.setAccessibleName(tr("Remove intervention {n}").format(n=number))
        for field in self._fields():
            base = field.property("baseName") or field.accessibleName()
            field.setProperty("baseName", base)
            field.setAccessibleName(tr("Intervention {n}: {field}").format(n=number, field=base))
        for index, (_, box) in enumerate(self._goal_boxes, start=1):
            box.setAccessibleName(tr("Intervention {n} serves goal {g}").format(n=number, g=index))
        self._number = number

    def show_item(self, item: PlanItem, carried: bool, goals: Sequence[Goal], number: int) -> None:
        """Show another stored row in this row's widgets (a load reuses them): its item,
        whether it was carried forward from an earlier meeting, the meeting's goals."""
        if carried != self.carried:
            self.carried = carried
            for part in self._fields():
                part.setProperty(ALWAYS_READ_ONLY, carried)
            for _, box in self._goal_boxes:
                box.setProperty(ALWAYS_READ_ONLY, carried)
        self.item = item
        self.set_goals(goals, number)
        self.load(item)

    def set_goals(self, goals: Sequence[Goal], number: int | None = None) -> None:
        """One check box per goal of the meeting; ticks survive, unknown goals are kept."""
        if [goal.id for goal in goals] == [goal_id for goal_id, _ in self._goal_boxes]:
            # The same goals: keep the boxes and their ticks (made anew only when they change).
            for goal, (_, box) in zip(goals, self._goal_boxes, strict=True):
                box.setToolTip(plain_tooltip(goal.student_will))
            self.set_number(getattr(self, "_number", 1) if number is None else number)
            return
        ticked = {goal_id for goal_id, box in self._goal_boxes if box.isChecked()}
        ticked |= set(self.item.goal_ids)
        for _, box in self._goal_boxes:
            self.goals_box.removeWidget(box)
            box.hide()  # deleted on the next turn of the event loop, hidden now
            box.deleteLater()
        self._goal_boxes = []
        for index, goal in enumerate(goals, start=1):
            box = QCheckBox(str(index))
            box.setToolTip(plain_tooltip(goal.student_will))
            box.setChecked(goal.id in ticked)
            box.setProperty(ALWAYS_READ_ONLY, self.carried)
            box.toggled.connect(lambda _checked: self.edited.emit())
            self.goals_box.insertWidget(self.goals_box.count() - 1, box)
            self._goal_boxes.append((goal.id, box))
        self.no_goals.setVisible(not goals)
        self.set_number(getattr(self, "_number", 1) if number is None else number)

    def load(self, item: PlanItem) -> None:
        self.item = item
        for name in _LINE_PARTS:
            cast(LineField, getattr(self, name)).load(getattr(item, name))
        self.tier.load(item.tier)
        self.start.load(item.start)
        self.review_on.load(item.review_on)
        self.family_at_home.load(item.family_at_home)
        for goal_id, box in self._goal_boxes:
            box.blockSignals(True)
            box.setChecked(goal_id in item.goal_ids)
            box.blockSignals(False)
        self._show_review_default()

    def value(self) -> PlanItem:
        if self.carried:
            return self.item
        shown = {goal_id for goal_id, _ in self._goal_boxes}
        kept = [goal_id for goal_id in self.item.goal_ids if goal_id not in shown]
        ticked = [goal_id for goal_id, box in self._goal_boxes if box.isChecked()]
        return replace(
            self.item,
            what=self.what.value,
            tier=cast(Tier | None, self.tier.value),
            goal_ids=tuple(ticked + kept),
            responsible=self.responsible.value,
            location=self.location.value,
            how_often=self.how_often.value,
            how_long=self.how_long.value,
            start=self.start.value,
            review_on=self.review_on.value,
            progress_measure=self.progress_measure.value,
            measure_how_often=self.measure_how_often.value,
            family_at_home=self.family_at_home.value,
        )

    def _show_review_default(self) -> None:
        """The review date the domain will use when none is typed, as the field's placeholder."""
        default = replace(self.item, start=self.start.value, tier=self.tier.value, review_on=None)
        when = default.review_date
        self.review_on.setPlaceholderText(
            tr("YYYY-MM-DD") if when is None else tr("{date} (default)").format(date=when)
        )
