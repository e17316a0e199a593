"""The look of the printed notes: paragraph styles and the tables every section draws with.

Kept apart from the sections so that all seven panes print alike and a change of type size is
one edit. Tables repeat their header row on each page and split between rows, and inside a row
when one cell alone is taller than a page (a 20,000-character "family at home" answer).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Table, TableStyle

from sspt_desktop.printing.fonts import BOLD, REGULAR
from sspt_desktop.printing.printed_text import markup, paragraph

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
    keepWithNext=1,
)
SUBHEADING = ParagraphStyle(
    "subheading",
    parent=LABEL,
    spaceBefore=6,
    spaceAfter=2,
    textColor=INK,
    keepWithNext=1,
)
TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=18, leading=22)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11, textColor=colors.grey)
EMPTY = ParagraphStyle("empty", parent=BODY, textColor=colors.grey)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=14, bulletIndent=3, spaceAfter=2)
NOTE_LINE = ParagraphStyle("note_line", parent=BODY)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5)
CELL_LABEL = ParagraphStyle("cell_label", parent=CELL, fontName=BOLD)
HEADER_CELL = ParagraphStyle("header_cell", parent=CELL_LABEL, fontSize=8.5, leading=10.5)


def item(text: str, bullet: str = "•") -> Paragraph:
    """One entry of a list, typed text after a bullet."""
    return Paragraph(markup(text), ITEM, bulletText=bullet)


def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    cell: ParagraphStyle = CELL,
) -> Table:
    """A ruled table of typed text with a header row repeated on every page it reaches."""
    data = [[paragraph(text, HEADER_CELL) for text in header]]
    data += [[paragraph(text, cell) for text in row] for row in rows]
    table = Table(
        data,
        colWidths=list(widths),
        repeatRows=1,
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def fields(rows: Sequence[tuple[str, str]], label_width: float = 1.9 * inch) -> Table:
    """Label and typed value, one pair a row (the header of the notes, a goal's parts)."""
    data = [[paragraph(label, CELL_LABEL), paragraph(value, CELL)] for label, value in rows]
    table = Table(
        data,
        colWidths=[label_width, CONTENT_WIDTH - label_width],
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table
