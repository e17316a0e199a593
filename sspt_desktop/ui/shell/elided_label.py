"""A plain-text label that can keep to one line, ending in "…" when the line is too short."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStyle, QStyleOption, QToolTip, QWidget

from sspt_desktop.ui.common.plain_tooltip import plain_tooltip


class ElidedLabel(QLabel):
    """A :class:`QLabel` for typed text that wraps normally and, once :meth:`set_one_line` is
    on, keeps to a single line and ends in "…" where the line is too short for it.

    :meth:`text` is always the whole text and a tooltip shows it whenever it is shortened,
    so nothing is lost: it is only drawn shorter. The text is always plain, never guessed to
    be rich text, because it may hold what a person typed.

    Signals: none of its own.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._one_line = False
        self.setText(text)

    @property
    def one_line(self) -> bool:
        return self._one_line

    def set_one_line(self, one_line: bool) -> None:
        if one_line == self._one_line:
            return
        self._one_line = one_line
        self.setWordWrap(not one_line)
        # The stylesheet may draw a one-line label tighter ([oneLine="true"]).
        self.setProperty("oneLine", one_line)
        self.style().unpolish(self)
        self.style().polish(self)
        self.updateGeometry()
        self.update()

    def displayed_text(self) -> str:
        """The text as drawn at the label's current width."""
        if not self._one_line:
            return self.text()
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, max(0, self.contentsRect().width())
        )

    def is_shortened(self) -> bool:
        return self.displayed_text() != self.text()

    def minimumSizeHint(self) -> QSize:
        # One line: the label asks for its text's width but can be given less.
        if not self._one_line:
            return super().minimumSizeHint()
        hint = super().minimumSizeHint()
        return QSize(0, hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._one_line:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        # The stylesheet's background and border, then the shortened text inside the padding.
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        self.drawFrame(painter)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(),
            int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
            self.displayed_text(),
        )

    def event(self, event: QEvent) -> bool:
        # The whole text as the tooltip, only while it is drawn shortened.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            if self._one_line and self.is_shortened():
                QToolTip.showText(event.globalPos(), plain_tooltip(self.text()), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
