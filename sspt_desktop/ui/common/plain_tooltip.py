"""Tooltips that show what a person typed exactly as typed.

Qt shows a tooltip as rich text whenever it *looks* like markup (``Qt.mightBeRichText``), so a
goal typed as "Reads <b>aloud</b>" would lose its brackets and show "aloud" in bold. Escaping
alone is not enough either: "Tom & Jerry" escaped has no tag in it, so Qt takes it as plain
text and shows "&amp;". The tooltip is therefore always made rich text holding the escaped
typed text, which Qt shows as the typed characters whatever they are.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tooltip(typed: str) -> str:
    """The tooltip text that shows ``typed`` as typed; an empty text stays empty (no tooltip)."""
    if not typed:
        return ""
    # A paragraph of escaped text, its line breaks kept as breaks.
    return Qt.convertFromPlainText(typed, Qt.WhiteSpaceMode.WhiteSpaceNormal)
