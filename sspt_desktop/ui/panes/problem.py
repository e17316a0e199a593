"""Pane 3, Problem identification: the concern in observable, measurable terms, with a baseline."""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QVBoxLayout, QWidget

from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.missing import Missing
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.problem_pane import Baseline, BehaviourFunction, ProblemContent
from sspt_desktop.ui.panes.date_fields import DateField
from sspt_desktop.ui.panes.fields import ChoiceField, LineField, TextField
from sspt_desktop.ui.panes.gaps_label import GapsLabel
from sspt_desktop.ui.panes.pane_context import PaneServices
from sspt_desktop.ui.panes.pane_words import (
    behaviour_function_label,
    concern_area_label,
    gap_text,
    tr,
)
from sspt_desktop.ui.panes.structured_pane import StructuredPane


class ProblemPane(StructuredPane):
    """Concern area, the problem, its baseline (what, how measured, value, date), where and
    when it happens most, and for behaviour the suspected function.

    Signals: see :class:`StructuredPane`.
    """

    kind = PaneKind.PROBLEM

    def __init__(self, services: PaneServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.concern_area = ChoiceField(
            "concern_area", tr("Concern area"), tuple(ConcernArea), concern_area_label
        )
        self.problem = TextField("problem", tr("The problem in observable, measurable terms"))
        self.problem.setPlaceholderText(
            tr("What the student does or does not do, as anyone could observe and count it")
        )
        lines = self.problem.fontMetrics().lineSpacing()
        self.problem.setMaximumHeight(lines * 5)
        self.what = LineField("baseline.what", tr("Baseline: what was measured"))
        self.how_measured = LineField("baseline.how_measured", tr("Baseline: how it was measured"))
        self.value = LineField("baseline.value", tr("Baseline: value"))
        self.value.setPlaceholderText(tr("for example 48 words correct per minute"))
        self.measured_on = DateField("baseline.measured_on", tr("Baseline: date measured"))
        self.where_and_when = TextField("where_and_when", tr("Where and when it happens most"))
        self.where_and_when.setMaximumHeight(lines * 4)
        self.suspected_function = ChoiceField(
            "suspected_function",
            tr("Suspected function of the behaviour"),
            tuple(BehaviourFunction),
            behaviour_function_label,
        )
        self.problem_gaps = GapsLabel()
        self.baseline_gaps = GapsLabel()
        self.context_gaps = GapsLabel()

        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 4, 0)
        top = self.form_layout()
        top.addRow(tr("Concern &area:"), self.concern_area)
        top.addRow(tr("The &problem:"), self.field_box(self.problem, self.problem.message))
        layout.addLayout(top)
        layout.addWidget(self.problem_gaps)
        layout.addWidget(self.section_label(tr("Baseline")))
        base = self.form_layout()
        base.addRow(tr("&What:"), self.field_box(self.what, self.what.message))
        base.addRow(
            tr("&How measured:"), self.field_box(self.how_measured, self.how_measured.message)
        )
        base.addRow(tr("&Value:"), self.field_box(self.value, self.value.message))
        base.addRow(tr("&Date:"), self.field_box(self.measured_on, self.measured_on.message))
        layout.addLayout(base)
        layout.addWidget(self.baseline_gaps)
        rest = self.form_layout()
        rest.addRow(
            tr("Where and w&hen most:"),
            self.field_box(self.where_and_when, self.where_and_when.message),
        )
        rest.addRow(tr("Suspected &function (behaviour):"), self.suspected_function)
        layout.addLayout(rest)
        layout.addWidget(self.context_gaps)
        layout.addStretch(1)
        self._labels = {
            "concern_area": tr("Concern area"),
            "problem": tr("The problem"),
            "baseline.what": tr("Baseline: what"),
            "baseline.how_measured": tr("Baseline: how measured"),
            "baseline.value": tr("Baseline: value"),
            "baseline.measured_on": tr("Baseline: date"),
            "where_and_when": tr("Where and when most"),
            "suspected_function": tr("Suspected function"),
        }
        self.watch(*self._tab_chain())
        self.set_content(ProblemContent())

    def _load(self, content: ProblemContent) -> None:
        self.concern_area.load(content.concern_area)
        self.problem.load(content.problem)
        self.what.load(content.baseline.what)
        self.how_measured.load(content.baseline.how_measured)
        self.value.load(content.baseline.value)
        self.measured_on.load(content.baseline.measured_on)
        self.where_and_when.load(content.where_and_when)
        self.suspected_function.load(content.suspected_function)

    def _read(self, notes: str) -> ProblemContent:
        return ProblemContent(
            concern_area=cast(ConcernArea | None, self.concern_area.value),
            problem=self.problem.value,
            baseline=Baseline(
                what=self.what.value,
                how_measured=self.how_measured.value,
                value=self.value.value,
                measured_on=self.measured_on.value,
            ),
            where_and_when=self.where_and_when.value,
            suspected_function=cast(BehaviourFunction | None, self.suspected_function.value),
            notes=notes,
        )

    def _show_gaps(self, content: ProblemContent) -> None:
        groups: dict[str, list[str]] = {"problem": [], "baseline": [], "context": []}
        for gap in content.missing():
            groups[_group(gap)].append(gap_text(self._labels[gap.field_path], gap))
        self.problem_gaps.show_gaps(groups["problem"])
        self.baseline_gaps.show_gaps(groups["baseline"])
        self.context_gaps.show_gaps(groups["context"])

    def _tab_chain(self) -> list[QWidget]:
        return [
            self.concern_area,
            self.problem,
            self.what,
            self.how_measured,
            self.value,
            self.measured_on,
            self.where_and_when,
            self.suspected_function,
        ]


def _group(gap: Missing) -> str:
    if gap.field_path.startswith("baseline."):
        return "baseline"
    return "problem" if gap.field_path in ("concern_area", "problem") else "context"
