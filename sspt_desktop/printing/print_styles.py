"""The look of the printed notes: paragraph styles and the tables every section draws with.

Kept apart from the sections so that all seven panes print alike and a change of type size is
one edit. Tables repeat their header row on each page and split between rows; no row grows
taller than a page, because an answer too long for its cell prints below the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from sspt_desktop.printing.fonts import BOLD, REGULAR
from sspt_desktop.printing.printed_text import markup, paragraph, text_block, typed_lines

#: The width between the page margins (US Letter, three-quarter-inch margins).
CONTENT_WIDTH = 7 * inch

INK = colors.HexColor("#1F3A5F")
RULE = colors.HexColor("#C8CED6")
SHADE = colors.HexColor("#EEF1F5")

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=14)
LABEL = ParagraphStyle("label", parent=BODY, fontName=BOLD, fontSize=9.5, leading=13)
HEADING = ParagraphStyle(
    "heading",
    fontName=BOLD,
    fontSize=12.5,
    leading=16,
    spaceBefore=12,
    spaceAfter=4,
    textColor=INK,
)
SUBHEADING = ParagraphStyle(
    "subheading",
    parent=LABEL,
    spaceBefore=6,
    spaceAfter=2,
    textColor=INK,
)
TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=18, leading=22)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11, textColor=colors.grey)
EMPTY = ParagraphStyle("empty", parent=BODY, textColor=colors.grey)
ITEM = ParagraphStyle(
    "item", parent=BODY, leftIndent=14, bulletIndent=3, spaceAfter=2, bulletFontName=REGULAR
)
NOTE_LINE = ParagraphStyle("note_line", parent=BODY)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5)
CELL_LABEL = ParagraphStyle("cell_label", parent=CELL, fontName=BOLD)
HEADER_CELL = ParagraphStyle("header_cell", parent=CELL_LABEL, fontSize=8.5, leading=10.5)
EMPTY_CELL = ParagraphStyle("empty_cell", parent=CELL, textColor=colors.grey)


# A heading starts a new page rather than end one alone: it needs this much room below it.
# (Not ReportLab's keepWithNext, which moves a heading and a long table together to the next
# page even when the table could have begun on this one.)
_ROOM_BELOW_HEADING = 1.4 * inch
_ROOM_BELOW_SUBHEADING = 0.8 * inch


def heading(text: str) -> list[Flowable]:
    """A segment's heading, kept off the foot of a page."""
    return [CondPageBreak(_ROOM_BELOW_HEADING), paragraph(text, HEADING)]


def subheading(text: str) -> list[Flowable]:
    """A part of a pane's section (attendance, baseline, notes), kept off the foot of a page."""
    return [CondPageBreak(_ROOM_BELOW_SUBHEADING), paragraph(text, SUBHEADING)]


def item(text: str, bullet: str = "•") -> Paragraph:
    """One entry of a list, typed text after a bullet."""
    return Paragraph(markup(text), ITEM, bulletText=bullet)


# A cell holds at most about this many lines; a longer answer (a 20,000-character "family at
# home") prints below its table at full width, where it reads as text and flows over pages,
# instead of stretching one table row over many narrow pages.
_MAX_CELL_LINES = 30
# The average DejaVu Sans glyph is a little over half its font size wide.
_GLYPH_WIDTH = 0.55
_CELL_PADDING = 8


def fits_in_cell(text: str, width: float, style: ParagraphStyle) -> bool:
    """Whether ``text`` takes at most :data:`_MAX_CELL_LINES` lines in a cell ``width`` wide."""
    per_line = max(1, int((width - _CELL_PADDING) / (style.fontSize * _GLYPH_WIDTH)))
    lines = 0
    for line in typed_lines(text):
        lines += 1 + len(line) // per_line
        if lines > _MAX_CELL_LINES:
            return False
    return True


def _below(label: str, text: str) -> list[Flowable]:
    return [*subheading(label), *text_block(text, NOTE_LINE)]


def _first_line(text: str, limit: int = 80) -> str:
    line = typed_lines(text)[0].strip()
    return line if len(line) <= limit else line[:limit] + "…"


def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    see_below: str,
) -> list[Flowable]:
    """A ruled table of typed text, its header row repeated on every page it reaches; a cell
    too long for its column says ``see_below`` and its text follows the table, headed by the
    column and the row's first cell."""
    data = [[paragraph(text, HEADER_CELL) for text in header]]
    after: list[Flowable] = []
    for row in rows:
        cells = []
        for column, text in enumerate(row):
            if fits_in_cell(text, widths[column], CELL):
                cells.append(paragraph(text, CELL))
                continue
            cells.append(paragraph(see_below, EMPTY_CELL))
            label = " / ".join(typed_lines(header[column]))
            after += _below(f"{label} · {_first_line(row[0])}", text)
        data.append(cells)
    table = Table(data, colWidths=list(widths), repeatRows=1, splitByRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
            ]
        )
    )
    return [table, *after]


def _fields_table(rows: Sequence[tuple[str, str]], label_width: float) -> Table:
    data = [[paragraph(label, CELL_LABEL), paragraph(value, CELL)] for label, value in rows]
    table = Table(
        data, colWidths=[label_width, CONTENT_WIDTH - label_width], splitByRow=1, hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
            ]
        )
    )
    return table


def fields(rows: Sequence[tuple[str, str]], label_width: float = 1.9 * inch) -> list[Flowable]:
    """Label and typed value, one pair a row (the header of the notes, a goal's parts); a value
    too long for a cell prints as a block under its label, between the rows around it."""
    story: list[Flowable] = []
    pending: list[tuple[str, str]] = []
    for label, value in rows:
        if fits_in_cell(value, CONTENT_WIDTH - label_width, CELL):
            pending.append((label, value))
            continue
        if pending:
            story.append(_fields_table(pending, label_width))
            pending = []
        story += _below(label, value)
    if pending:
        story.append(_fields_table(pending, label_width))
    return story
