"""Make widgets that the stylesheet matches take a new application font (text size).

A widget that a stylesheet rule matches gets its font fixed when the style polishes it, so a
new application font reaches it only when it is polished again. Qt's own way of doing that for
the whole application, re-applying the application stylesheet, walks every object in Qt's
global stylesheet cache, and that cache can hold widgets that are already deleted: when the
application stylesheet is taken away, Qt drops the cache, but a widget that the outgoing style
looked at again while it was being taken away stays marked as styled, so the next cache is
never told when that widget is deleted. Re-applying the stylesheet after such a widget was
deleted then reads freed memory and the process dies with a segmentation fault. So only live
widgets are polished here, found by walking the widget trees from the top-level windows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget


def refresh_stylesheet_fonts(app: QApplication) -> None:
    """Polish every live, already polished widget again, each before its children, so the
    stylesheet resolves its font against its parent's new font; nothing to do without an
    application stylesheet."""
    if not app.styleSheet():
        return
    # Child windows (dialogs, the timekeeper window) are reached through their parent's tree.
    roots = [widget for widget in app.topLevelWidgets() if widget.parentWidget() is None]
    for root in roots:
        # findChildren lists depth first, a parent before its children.
        for widget in (root, *root.findChildren(QWidget)):
            if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                continue  # polished when first shown, with the font of that time
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)
            # Size hints and layouts follow the new font, as after a change of style.
            QApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))
