"""The meeting notes for the school's file, as a PDF drawn with ReportLab.

The notes follow the agenda: a header with the fields of the SSPT Meeting Log (seed 000), then
one heading per segment with its pane's structured record printed by the section registry
(:mod:`sspt_desktop.printing.pane_sections`), and last the planned and actual time of each
segment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.clock_text import minutes_and_seconds
from sspt_desktop.domain.closure_check import MeetingPanes
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import Meeting
from sspt_desktop.domain.pane_kinds import spec_for_segment
from sspt_desktop.domain.segment_timing import SegmentTiming, actual_total, planned_total
from sspt_desktop.domain.student import Student
from sspt_desktop.printing.fonts import REGULAR, register_fonts
from sspt_desktop.printing.form_wording import FormWording
from sspt_desktop.printing.pane_sections import pane_section
from sspt_desktop.printing.print_styles import (
    BODY,
    EMPTY,
    HEADING,
    LABEL,
    SMALL,
    TITLE,
    fields,
    heading,
)
from sspt_desktop.printing.print_words import PrintWords
from sspt_desktop.printing.printed_text import paragraph
from sspt_desktop.printing.section_context import SectionContext


def _header_table(
    student: Student | None, meeting: Meeting, panes: MeetingPanes, words: PrintWords
) -> list[Flowable]:
    rows: list[tuple[str, str]] = []
    if student is not None:
        rows += [
            (words.field("student"), student.display_name),
            (words.field("student_id"), student.student_number),
            (words.field("grade"), student.grade),
            (
                words.field("language_status"),
                words.code("language_status", student.language_status),
            ),
            (words.field("referred_by"), student.referred_by),
        ]
    rows += [
        (words.field("meeting_type"), words.code("meeting_type", meeting.meeting_type)),
        (words.field("meeting_date"), words.long_date(meeting.meeting_date)),
        (words.field("location"), meeting.location),
        (words.field("status"), words.code("meeting_status", meeting.status)),
    ]
    if not panes.welcome.attendance and meeting.attendees:
        # Meetings recorded before the Welcome pane had its attendance table.
        attendees = "\n".join(f"{a.name} ({words.code('role', a.role)})" for a in meeting.attendees)
        rows.append((words.field("attendees"), attendees))
    return fields(rows, label_width=1.6 * inch)


def _timing_table(timings: Sequence[SegmentTiming], wording: FormWording) -> Table:
    """Planned against actual minutes of each segment, as the timer recorded them."""
    words = wording.text["timing"]
    header = [words["segment"], words["planned"], words["actual"]]
    rows = [
        [t.title, minutes_and_seconds(t.planned_seconds), minutes_and_seconds(t.actual_seconds)]
        for t in timings
    ]
    total = [
        words["total"],
        minutes_and_seconds(planned_total(timings)),
        minutes_and_seconds(actual_total(timings)),
    ]
    data = [
        [paragraph(str(cell), LABEL if i in (0, len(rows) + 1) else BODY) for cell in row]
        for i, row in enumerate([header, *rows, total])
    ]
    table = Table(data, colWidths=[4.4 * inch, 1.3 * inch, 1.3 * inch], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.grey),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _segments(agenda: Agenda, context: SectionContext) -> list[Flowable]:
    story: list[Flowable] = []
    for segment in agenda:
        story.extend(heading(segment.title))
        try:
            kind = spec_for_segment(segment.key).kind
        except InvalidInput:
            # A segment without a pane (none is seeded, but the agenda is the school's data).
            story.append(paragraph(context.words["empty_pane"], EMPTY))
            continue
        story.extend(pane_section(kind, context))
    return story


def render_meeting_notes(
    target: Path | BinaryIO,
    meeting: Meeting,
    student: Student | None,
    agenda: Agenda,
    wording: FormWording,
    printed_on: date | None = None,
    timings: Sequence[SegmentTiming] = (),
    panes: MeetingPanes | None = None,
) -> None:
    """Write the notes PDF to ``target`` (a path or a binary file object).

    ``panes`` is the meeting's typed content (every pane empty when not given). ``timings``
    are the planned and actual seconds the timer stored; without them (the timer was never
    started) the notes have no timing table.
    """
    register_fonts()
    words = PrintWords(wording)
    panes = panes or MeetingPanes()
    printed = words.long_date(printed_on or date.today())
    meeting_type = words.code("meeting_type", meeting.meeting_type)

    # Loose pages must still say whose notes they are.
    running_head = " · ".join(
        part
        for part in (
            student.display_name if student else "",
            meeting_type,
            words.long_date(meeting.meeting_date),
        )
        if part
    )

    def decorate_later(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        decorate(canvas, doc)
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(
            doc.leftMargin, LETTER[1] - 0.5 * inch, f"{wording['title']}: {running_head}"
        )
        canvas.restoreState()

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(doc.leftMargin, 0.5 * inch, wording["confidential"])
        footer = f"{wording['printed_on'].format(date=printed)} · " + wording["page"].format(
            page=doc.page
        )
        canvas.drawRightString(LETTER[0] - doc.rightMargin, 0.5 * inch, footer)
        canvas.restoreState()

    context = SectionContext(panes, words, meeting.uuid, meeting.meeting_date)
    story: list[Flowable] = [
        paragraph(wording["title"], TITLE),
        paragraph(wording["subtitle"], SMALL),
        Spacer(1, 10),
        *_header_table(student, meeting, panes, words),
        Spacer(1, 6),
        *_segments(agenda, context),
    ]
    if timings:
        heading = paragraph(wording.text["timing"]["heading"], HEADING)
        story.append(KeepTogether([heading, _timing_table(timings, wording)]))
    document = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=LETTER,
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        topMargin=0.75 * inch,
        bottomMargin=0.85 * inch,
        title=wording["title"],
        author="SSPT Desktop",
        invariant=True,  # same input, same bytes: no timestamps or random ids in the file
    )
    document.build(story, onFirstPage=decorate, onLaterPages=decorate_later)
