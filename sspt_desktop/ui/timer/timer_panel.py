"""The timer panel of the meeting view: the countdown, its state in words, and the controls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.domain.agenda import TotalBudget
from sspt_desktop.domain.meeting_clock import ClockSnapshot, ClockState
from sspt_desktop.ui.timer.timer_text import (
    countdown_text,
    meeting_line,
    next_line,
    shortened_line,
    state_text,
    state_words,
)
from sspt_desktop.ui.timer.timer_text import warning_property as warning_value


class CountdownLabel(QLabel):
    """A label whose font stays ``scale`` times the application font, through Ctrl+Plus too.

    Signals: none of its own.
    """

    def __init__(self, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = scale
        self._apply()

    def set_scale(self, scale: float) -> None:
        """Make the digits ``scale`` times the application font from now on."""
        if scale != self._scale:
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

    In compact mode (:meth:`set_compact`, chosen by the meeting view when large text would
    crowd the pane) the digits are smaller, the segment's line gives way to the agenda strip's
    current segment, the state and the meeting time share a line, only the first three commands
    keep a button (the others, Rebalance and Pin move into a "More" menu beside them), and the
    meeting length shows only while it can be changed, on one line with the sentences below.

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
        self._words = words = QGridLayout()
        words.setSpacing(2)
        words.setHorizontalSpacing(12)
        for label in (self.segment, self.state, self.meeting):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Segment titles are typed in the agenda settings: never read them as markup.
        for label in (self.countdown, self.segment, self.state, self.meeting):
            label.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.countdown)
        top.addLayout(words, 1)

        self.buttons: dict[str, QToolButton] = {}
        self._commands = list(commands)
        self._grid = grid = QGridLayout()
        grid.setSpacing(4)
        for action in commands:
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
        self._total_label = total_label
        self._options = options = QHBoxLayout()
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
        for label in (self.fit, self.shortened):
            label.setTextFormat(Qt.TextFormat.PlainText)

        # The commands without a button of their own in compact mode.
        self.more = QToolButton()
        self.more.setObjectName("timerMore")
        self.more.setText(self.tr("More"))  # the button draws its own menu arrow
        self.more.setAccessibleName(self.tr("More timer commands"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.more.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        more_menu = QMenu(self.more)
        more_menu.addActions(self._commands[3:])
        more_menu.addSeparator()
        more_menu.addActions([rebalance, pin_pane])
        self.more.setMenu(more_menu)
        self._compact = True  # so that set_compact(False) below lays everything out

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(options)  # the sentences below it come with set_compact(False)
        self.total.valueChanged.connect(self.totalMinutesChosen)
        self.total.installEventFilter(self)
        self.set_compact(False)

    @property
    def compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """Lay the panel out in its compact form (``True``) or in full (``False``).

        A control with the keyboard focus is never hidden from under it: the focus first moves
        to the control that holds the same commands in the new form (the More button in the
        compact form, the first of the commands it held in the full form), so Qt does not hand
        it to whatever field comes next in the window.
        """
        if compact == self._compact:
            return
        self._hand_on_focus(compact)
        self._compact = compact
        self.countdown.set_scale(1.5 if compact else 2.6)
        if compact:
            self._layout.setContentsMargins(8, 2, 8, 2)
        else:
            self._layout.setContentsMargins(10, 6, 10, 6)
        for label in (self.segment, self.state, self.meeting):
            self._words.removeWidget(label)
        if compact:
            self._words.addWidget(self.state, 0, 0)
            self._words.addWidget(self.meeting, 0, 1)
            self._words.setColumnStretch(0, 1)
            self._words.setColumnStretch(1, 2)
        else:
            self._words.addWidget(self.segment, 0, 0, 1, 2)
            self._words.addWidget(self.state, 1, 0, 1, 2)
            self._words.addWidget(self.meeting, 2, 0, 1, 2)
            self._words.setColumnStretch(0, 0)
            self._words.setColumnStretch(1, 0)
        self.segment.setVisible(not compact)
        buttons = [self.buttons[action.objectName()] for action in self._commands]
        for widget in [*buttons, self.more]:
            self._grid.removeWidget(widget)
        if compact:
            # One row: the commands used all through a meeting, then the rest in a menu.
            for column, button in enumerate(buttons[:3]):
                self._grid.addWidget(button, 0, column)
            self._grid.addWidget(self.more, 0, 3)
            for label in (self.fit, self.shortened):
                self._layout.removeWidget(label)
                self._options.addWidget(label, 1)
            self._options.setStretch(self._options.indexOf(self.total) + 1, 0)
        else:
            # Two rows of four so the panel fits the middle column with long words.
            for position, button in enumerate(buttons):
                self._grid.addWidget(button, position // 4, position % 4)
            for label in (self.fit, self.shortened):
                self._options.removeWidget(label)
                self._layout.addWidget(label)
            self._options.setStretch(self._options.indexOf(self.total) + 1, 1)
        self._show_total()
        for button in buttons[3:]:
            button.setVisible(not compact)
        self.more.setVisible(compact)
        self.rebalance.setVisible(not compact)
        self.pin.setVisible(not compact)

    def _hidden_when(self, compact: bool) -> list[QWidget]:
        """The focusable controls the compact form (``True``) or the full one hides."""
        if not compact:
            return [self.more]
        moved = [self.buttons[action.objectName()] for action in self._commands[3:]]
        # The length box stays while it can be changed (it cannot hold the focus after).
        return [*moved, self.rebalance, self.pin]

    def _hand_on_focus(self, compact: bool) -> None:
        focus = QApplication.focusWidget()
        if focus is None or focus not in self._hidden_when(compact):
            return
        if compact:
            successor: QWidget = self.more
        elif len(self._commands) > 3:
            successor = self.buttons[self._commands[3].objectName()]
        else:
            return
        successor.show()  # shown before its turn below, so it can take the focus now
        successor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_total(self) -> None:
        # Compact: the length is shown only while it can still be changed.
        shown = not self._compact or self.total.isEnabled()
        self._total_label.setVisible(shown)
        self.total.setVisible(shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.total and event.type() == QEvent.Type.EnabledChange:
            self._show_total()
        return super().eventFilter(watched, event)

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
        self.countdown.setText(countdown_text(snapshot))
        self.countdown.setAccessibleDescription(state_text(snapshot))
        coming = next_line(snapshot)
        title = snapshot.segment_title.upper()
        self.segment.setText(f"{title}   ·   {coming}" if coming else title)
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
