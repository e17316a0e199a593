"""The meeting notes for the school's file, as a PDF drawn with ReportLab.

The notes follow the agenda: one heading per segment with what the recorder typed under it,
after a header with the fields of the SSPT Meeting Log (seed 000).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.clock_text import minutes_and_seconds
from sspt_desktop.domain.meeting import Meeting
from sspt_desktop.domain.segment_timing import SegmentTiming, actual_total, planned_total
from sspt_desktop.domain.student import Student
from sspt_desktop.printing.fonts import BOLD, REGULAR, register_fonts
from sspt_desktop.printing.form_wording import FormWording

_BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=14)
_LABEL = ParagraphStyle("label", parent=_BODY, fontName=BOLD, fontSize=9.5)
_HEADING = ParagraphStyle(
    "heading",
    fontName=BOLD,
    fontSize=12.5,
    leading=16,
    spaceBefore=10,
    spaceAfter=3,
    textColor=colors.HexColor("#1F3A5F"),
)
_TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=18, leading=22)
_SMALL = ParagraphStyle("small", parent=_BODY, fontSize=8.5, leading=11, textColor=colors.grey)
_EMPTY = ParagraphStyle("empty", parent=_BODY, textColor=colors.grey)


def _text(value: str) -> str:
    """Escape for ReportLab's mini-markup and keep the recorder's line breaks."""
    return escape(value).replace("\n", "<br/>")


def _header_table(student: Student | None, meeting: Meeting, wording: FormWording) -> Table:
    rows: list[tuple[str, str]] = []
    if student is not None:
        rows += [
            (wording.field("student"), student.display_name),
            (wording.field("student_id"), student.student_number),
            (wording.field("grade"), student.grade),
            (wording.field("language_status"), student.language_status.label),
            (wording.field("referred_by"), student.referred_by),
        ]
    rows += [
        (wording.field("meeting_type"), meeting.meeting_type.label),
        (wording.field("meeting_date"), meeting.meeting_date.strftime("%B %d, %Y")),
        (wording.field("location"), meeting.location),
        (
            wording.field("attendees"),
            "\n".join(f"{a.name} ({a.role.label})" for a in meeting.attendees),
        ),
    ]
    data = [
        [Paragraph(_text(label), _LABEL), Paragraph(_text(value), _BODY)] for label, value in rows
    ]
    table = Table(data, colWidths=[1.6 * inch, 5.4 * inch])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


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
        [Paragraph(_text(str(cell)), _LABEL if i in (0, len(rows) + 1) else _BODY) for cell in row]
        for i, row in enumerate([header, *rows, total])
    ]
    table = Table(data, colWidths=[4.4 * inch, 1.3 * inch, 1.3 * inch])
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


def render_meeting_notes(
    target: Path | BinaryIO,
    meeting: Meeting,
    student: Student | None,
    agenda: Agenda,
    wording: FormWording,
    printed_on: date | None = None,
    timings: Sequence[SegmentTiming] = (),
) -> None:
    """Write the notes PDF to ``target`` (a path or a binary file object).

    ``timings`` are the planned and actual seconds the timer stored; without them (the timer
    was never started) the notes have no timing table.
    """
    register_fonts()
    printed = (printed_on or date.today()).strftime("%B %d, %Y")

    # Loose pages must still say whose notes they are.
    running_head = " · ".join(
        part
        for part in (
            student.display_name if student else "",
            meeting.meeting_type.label,
            meeting.meeting_date.strftime("%B %d, %Y"),
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

    story: list[object] = [
        Paragraph(_text(wording["title"]), _TITLE),
        Paragraph(_text(wording["subtitle"]), _SMALL),
        Spacer(1, 10),
        _header_table(student, meeting, wording),
        Spacer(1, 6),
    ]
    for segment in agenda:
        story.append(Paragraph(_text(segment.title), _HEADING))
        body = meeting.pane_text(segment.key).strip()
        if body:
            story.append(Paragraph(_text(body), _BODY))
        else:
            story.append(Paragraph(_text(wording["empty_pane"]), _EMPTY))
    if timings:
        heading = Paragraph(_text(wording.text["timing"]["heading"]), _HEADING)
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
