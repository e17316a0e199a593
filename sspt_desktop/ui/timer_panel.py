"""The timer panel of the meeting view: the countdown, its state in words, and the controls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.domain.agenda import TotalBudget
from sspt_desktop.domain.meeting_clock import ClockSnapshot, ClockState
from sspt_desktop.ui.timer_text import meeting_line, next_line, shortened_line, state_words
from sspt_desktop.ui.timer_text import warning_property as warning_value


class CountdownLabel(QLabel):
    """A label whose font stays ``scale`` times the application font, through Ctrl+Plus too.

    Signals: none of its own.
    """

    def __init__(self, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = scale
        self._apply()

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        # A stylesheet being applied again resets the font, as does a new application font.
        if event.type() in (
            QEvent.Type.ApplicationFontChange,
            QEvent.Type.Polish,
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
        ):
            self._apply()
        return result

    def _apply(self) -> None:
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * self._scale)
        font.setBold(True)
        if self.font() == font:
            return  # setting the same font again would only send another FontChange
        self.setFont(font)
        # Wide enough for the widest reading, so the panel does not jump as the digits change.
        self.setMinimumWidth(QFontMetrics(font).horizontalAdvance("+00:00") + 24)


def _sync_checkbox(box: QCheckBox, action: QAction) -> None:
    """Keep a check box and a checkable action in step (setChecked is a no-op when equal)."""
    box.setChecked(action.isChecked())
    box.toggled.connect(action.setChecked)
    action.toggled.connect(box.setChecked)
    action.changed.connect(lambda: box.setEnabled(action.isEnabled()))


class TimerPanel(QFrame):
    """The timekeeper's part of the meeting view, between the agenda strip and the pane.

    It renders :class:`ClockSnapshot` objects and owns no state of the timer. Its buttons are
    the timer's actions (so they share keys, tooltips and enabled state with the menu); the
    meeting length is chosen here before the timer starts.

    Signals:
        totalMinutesChosen(int): the team picked a meeting length in the spin box.
    """

    totalMinutesChosen = Signal(int)

    def __init__(
        self,
        commands: list[QAction],
        rebalance: QAction,
        pin_pane: QAction,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timerPanel")
        self.setProperty("warning", "idle")
        self._now = now
        self._scaled = False
        self.countdown = CountdownLabel(2.6)
        self.countdown.setObjectName("timerCountdown")
        self.countdown.setAccessibleName(self.tr("Time left in this segment"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.segment = QLabel()
        self.segment.setObjectName("timerSegment")
        self.segment.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("timerState")
        self.state.setAccessibleName(self.tr("Timer state"))
        self.state.setWordWrap(True)
        self.meeting = QLabel()
        self.meeting.setObjectName("timerMeeting")
        self.meeting.setAccessibleName(self.tr("Meeting time"))
        self.meeting.setWordWrap(True)
        words = QVBoxLayout()
        words.setSpacing(2)
        for label in (self.segment, self.state, self.meeting):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            words.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(self.countdown)
        top.addLayout(words, 1)

        self.buttons: dict[str, QToolButton] = {}
        # Two rows of buttons so the panel still fits the middle column at 200 % text.
        grid = QGridLayout()
        grid.setSpacing(4)
        for position, action in enumerate(commands):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            # Tab reaches the button, but a click leaves the recorder's cursor in the pane.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(action.text().replace("&", ""))
            action.changed.connect(
                lambda b=button, a=action: b.setAccessibleName(a.text().replace("&", ""))
            )
            grid.addWidget(button, position // 4, position % 4)
            self.buttons[action.objectName()] = button

        self.total = QSpinBox()
        self.total.setObjectName("totalMinutes")
        self.total.setSuffix(self.tr(" min"))
        self.total.setAccessibleName(self.tr("Meeting length in minutes"))
        total_label = QLabel(self.tr("Meeting &length:"))
        total_label.setBuddy(self.total)
        self.rebalance = QCheckBox(self.tr("Rebalance"))
        self.rebalance.setObjectName("rebalanceBox")
        self.rebalance.setToolTip(self.tr("Shorten the later segments when one runs over"))
        self.rebalance.setAccessibleName(self.tr("Rebalance later segments"))
        self.pin = QCheckBox(self.tr("Pin this pane"))
        self.pin.setObjectName("pinBox")
        self.pin.setToolTip(self.tr("Keep this pane in front when the agenda moves (Ctrl+Shift+P)"))
        self.pin.setAccessibleName(self.tr("Pin this pane"))
        for box in (self.rebalance, self.pin):
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        _sync_checkbox(self.rebalance, rebalance)
        _sync_checkbox(self.pin, pin_pane)
        options = QHBoxLayout()
        options.addWidget(total_label)
        options.addWidget(self.total)
        options.addStretch(1)
        options.addWidget(self.rebalance)
        options.addWidget(self.pin)
        self.fit = QLabel()
        self.fit.setObjectName("timerFit")
        self.fit.setWordWrap(True)
        self.fit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.shortened = QLabel()
        self.shortened.setObjectName("timerShortened")
        self.shortened.setWordWrap(True)
        self.shortened.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(options)
        layout.addWidget(self.fit)
        layout.addWidget(self.shortened)
        self.total.valueChanged.connect(self.totalMinutesChosen)

    def set_budget(self, budget: TotalBudget, minutes: int, fit_text: str, scaled: bool) -> None:
        """Offer the agenda's allowed meeting lengths and show how ``minutes`` fits.

        ``scaled`` says the segments were shortened or lengthened beyond their seeded ranges;
        the sentence then stays on screen through the meeting, not only before it starts.
        """
        self._scaled = scaled
        self.total.blockSignals(True)
        try:
            self.total.setRange(budget.minimum, budget.maximum)
            self.total.setValue(minutes)
        finally:
            self.total.blockSignals(False)
        self.fit.setText(fit_text)

    def show_snapshot(self, snapshot: ClockSnapshot) -> None:
        """Render one reading of the clock."""
        self.countdown.setText(snapshot.clock_text)
        self.countdown.setAccessibleDescription(snapshot.state_text)
        self.segment.setText(f"{snapshot.segment_title.upper()}   ·   {next_line(snapshot)}")
        self.state.setText(state_words(snapshot))
        self.meeting.setText(meeting_line(snapshot, self._now()))
        self.shortened.setText(shortened_line(snapshot))
        self.shortened.setVisible(bool(self.shortened.text()))
        self.total.setEnabled(snapshot.state is ClockState.NOT_STARTED)
        self.fit.setVisible(snapshot.state is ClockState.NOT_STARTED or self._scaled)
        value = warning_value(snapshot)
        if self.property("warning") != value:
            self.setProperty("warning", value)
            # Re-polish so the stylesheet's [warning=...] rules reach the panel and its labels.
            for widget in [self, *self.findChildren(QWidget)]:
                widget.style().unpolish(widget)
                widget.style().polish(widget)
