"""The timekeeper window: the countdown for the room, on a second screen or a projector.

It may face the parent and everyone at the table, so it shows the agenda and the clock only:
it is given :class:`ClockSnapshot` objects, which hold segment titles and times and nothing
about the student.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from sspt_desktop.domain.meeting_clock import ClockSnapshot
from sspt_desktop.ui.timer.timer_text import (
    countdown_text,
    meeting_line,
    next_line,
    state_text,
    state_words,
    warning_property,
)

# The widest text the digits show; the font is sized so it fits the window's width.
_WIDEST = "+00:00"


class TimekeeperWindow(QWidget):
    """A separate, resizable window with very large digits; F11 toggles full screen.

    The digits take about 40 % of the window's height (never less than a quarter) and shrink
    only when the window is too narrow for them. The state is shown in words and by a symbol as
    well as by colour. Keys: F11 full screen, Escape leaves full screen; the timer's own keys
    (F5, Space, Ctrl+arrows) work here too because the main window adds its actions.

    Signals:
        closed(): the window was closed (the "Timekeeper window" action unticks itself).
    """

    closed = Signal()

    def __init__(
        self, now: Callable[[], datetime] = datetime.now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("timekeeperWindow")
        # A plain QWidget paints its stylesheet background only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setProperty("warning", "idle")
        self.setWindowTitle(self.tr("SSPT timer"))
        self._now = now
        self.segment = self._label("tkSegment", self.tr("Agenda segment"))
        self.next = self._label("tkNext", self.tr("Next segment"))
        self.next.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.digits = self._label("tkDigits", self.tr("Time left in this segment"))
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = self._label("tkState", self.tr("Timer state"))
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.meeting = self._label("tkMeeting", self.tr("Meeting time"))
        self.digits.setText("--:--")
        self.state.setText(self.tr("No meeting open"))
        top = QHBoxLayout()
        top.addWidget(self.segment, 3)
        top.addWidget(self.next, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.digits, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.meeting)
        self.full_screen_action = QAction(self.tr("&Full screen"), self)
        self.full_screen_action.setShortcut("F11")
        self.full_screen_action.triggered.connect(self.toggle_full_screen)
        self.addAction(self.full_screen_action)
        self.setMinimumSize(320, 200)
        self.resize(900, 560)

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # segment titles are typed text
        label.setAccessibleName(accessible)
        # Ignored: the text never decides the window's size; the window decides the text's.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setWordWrap(name != "tkDigits")
        return label

    def labels(self) -> list[QLabel]:
        return [self.segment, self.next, self.digits, self.state, self.meeting]

    def show_snapshot(self, snapshot: ClockSnapshot | None) -> None:
        """Render one reading of the clock (``None``: no meeting open)."""
        if snapshot is None:
            self.segment.setText("")
            self.next.setText("")
            self.digits.setText("--:--")
            self.state.setText(self.tr("No meeting open"))
            self.meeting.setText("")
        else:
            self.segment.setText(snapshot.segment_title.upper())
            self.next.setText(next_line(snapshot))
            self.digits.setText(countdown_text(snapshot))
            self.digits.setAccessibleDescription(state_text(snapshot))
            self.state.setText(state_words(snapshot))
            self.meeting.setText(meeting_line(snapshot, self._now()))
        value = warning_property(snapshot)
        if self.property("warning") != value:
            self.setProperty("warning", value)
            for widget in [self, *self.labels()]:
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            self._fit_fonts()
        elif len(self.digits.text()) > len(_WIDEST):
            self._fit_fonts()  # a word ("Finished") is wider than the widest figure

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def move_to_screen(self, screen: QScreen) -> None:
        """Show the window on ``screen`` (full screen there if it already was)."""
        full = self.isFullScreen()
        if full:
            self.showNormal()
        self.setScreen(screen)
        area = screen.availableGeometry()
        self.move(area.topLeft())
        if full:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        if event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            # Nothing here types, so plain Space is the pause key as well.
            for action in self.actions():
                if action.objectName() == "startPause" and action.isEnabled():
                    action.trigger()
                    return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_fonts()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)

    def _fit_fonts(self) -> None:
        height = max(1, self.height())
        width = max(1, self.width() - 48)
        digits = QFont(self.font())
        digits.setBold(True)
        digits.setPixelSize(max(12, int(height * 0.4)))
        # Shrink until "+00:00" (or a wider word) fits the width; at most 40 % of the height.
        metrics = QFontMetricsF(digits)
        advance = max(
            metrics.horizontalAdvance(_WIDEST), metrics.horizontalAdvance(self.digits.text())
        )
        if advance > width:
            digits.setPixelSize(max(12, int(digits.pixelSize() * width / advance)))
        self.digits.setFont(digits)
        for label, share, bold in (
            (self.segment, 0.065, True),
            (self.next, 0.05, False),
            (self.state, 0.065, True),
            (self.meeting, 0.05, False),
        ):
            font = QFont(self.font())
            font.setBold(bold)
            font.setPixelSize(max(11, int(height * share)))
            label.setFont(font)
