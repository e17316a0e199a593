"""Fonts for printed forms: DejaVu Sans, shipped in ``resources/fonts``.

ReportLab's built-in Helvetica covers only Latin-1; families write names and notes in
Spanish, Vietnamese and more, so every form embeds a Unicode font.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


def register_fonts() -> None:
    """Register the shipped fonts once; safe to call before every render."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    fonts = files("sspt_desktop.resources").joinpath("fonts")
    for name in (REGULAR, BOLD):
        with as_file(fonts.joinpath(f"{name}.ttf")) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
