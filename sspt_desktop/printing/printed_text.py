"""What the team typed, made safe for ReportLab's paragraph markup and kept as typed.

Every value a person typed passes through here before it reaches a ``Paragraph``: it is
escaped (a name such as ``<b>Ana & Co`` prints as written, never as markup), its line breaks
of every kind are kept, and the spaces or tabs that start a line are kept as non-breaking
spaces (a recorder indents lists by hand). Control characters a paste brought (form feeds,
vertical tabs) become line breaks or are dropped, since no font draws them; the domain keeps
them in the record (see :mod:`sspt_desktop.domain.text_limits`).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

# Every way a typed or pasted text can end a line.
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
# Other control characters: invisible, and not drawable by any font.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_LEADING = re.compile(r"^[ \t]+")
# Runs of spaces inside a line: the first stays breakable, the rest keep their width.
_SPACE_RUN = re.compile(r"  +")
_NBSP = "&nbsp;"
_TAB_WIDTH = 4


def typed_lines(text: str) -> list[str]:
    """The lines of ``text`` as typed, whatever ended them, without undrawable characters."""
    return _LINE_BREAKS.split(_CONTROLS.sub("", text))


def _line_markup(line: str) -> str:
    leading = _LEADING.match(line)
    indent = ""
    if leading is not None:
        width = sum(_TAB_WIDTH if char == "\t" else 1 for char in leading.group())
        indent = _NBSP * width
        line = line[leading.end() :]
    body = escape(line.replace("\t", " "))
    body = _SPACE_RUN.sub(lambda run: " " + _NBSP * (len(run.group()) - 1), body)
    return indent + body


def markup(text: str) -> str:
    """``text`` as paragraph markup: escaped, line breaks as ``<br/>``, indents kept."""
    return "<br/>".join(_line_markup(line) for line in typed_lines(text))


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """One paragraph of typed text (a cell, a short answer)."""
    return Paragraph(markup(text), style)


def text_block(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Typed text of any length as one paragraph per line, so a 100,000-character paste flows
    over pages line by line instead of being laid out as one enormous paragraph; an empty
    line keeps its height."""
    return [Paragraph(_line_markup(line) or _NBSP, style) for line in typed_lines(text.rstrip())]
