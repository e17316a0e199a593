"""The Problem identification pane printed: the concern, the problem, its baseline, where and
when it happens, and (for behaviour) its suspected function."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable

from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.printing.print_styles import fields, grid, subheading
from sspt_desktop.printing.section_context import SectionContext


def problem_section(context: SectionContext) -> list[Flowable]:
    pane, words = context.panes.problem, context.words
    own = words.section("problem")
    area = (
        words["not_filled"]
        if pane.concern_area is None
        else words.code("concern_area", pane.concern_area)
    )
    rows = [
        (own["concern_area"], area),
        (own["problem"], words.or_blank(pane.problem)),
        (own["where_and_when"], words.or_blank(pane.where_and_when)),
    ]
    if pane.suspected_function is not None or pane.concern_area is ConcernArea.BEHAVIOUR:
        function = (
            words["not_filled"]
            if pane.suspected_function is None
            else words.code("behaviour_function", pane.suspected_function)
        )
        rows.append((own["suspected_function"], function))
    baseline = pane.baseline
    return [
        *fields(rows),
        *subheading(own["baseline"]),
        *grid(
            [
                own["baseline_what"],
                own["baseline_how"],
                own["baseline_value"],
                own["baseline_date"],
            ],
            [
                [
                    words.or_blank(baseline.what),
                    words.or_blank(baseline.how_measured),
                    words.or_blank(baseline.value),
                    words.long_date(baseline.measured_on),
                ]
            ],
            [2.0 * inch, 2.2 * inch, 1.6 * inch, 1.2 * inch],
            see_below=words["see_below"],
        ),
    ]
