"""The agenda strip across the top of the meeting view: done, current and upcoming segments."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLayout, QPushButton, QWidget

from sspt_desktop.domain.agenda import AgendaSegment
from sspt_desktop.domain.clock_text import minutes_and_seconds, whole_seconds
from sspt_desktop.ui.common.plain_tooltip import plain_tooltip


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min" if whole % 60 == 0 else f"{minutes_and_seconds(whole)} min"


def _planned_and_actual(planned: float, actual: float) -> str:
    """'3 → 4:12 min': a done segment's planned minutes, then the time it took.

    The actual time is rounded to whole seconds as the printed notes round it.
    """
    whole = round(planned)
    plan = str(whole // 60) if whole % 60 == 0 else minutes_and_seconds(whole)
    return f"{plan} → {minutes_and_seconds(whole_seconds(actual))} min"


class AgendaStrip(QWidget):
    """One button per segment with its planned minutes: done, current and upcoming segments.

    Done segments show the time they took beside their plan ("3 → 4:12 min").

    The timer's current segment is styled ``segmentState="current"``; the pane in front of the
    recorder is the checked button (they differ while a pane is pinned). When the buttons do not
    fit one row (large text, a narrow window) they wrap onto more rows instead of widening the
    window or clipping their titles. In compact mode (:meth:`set_compact`, chosen by the meeting
    view when the wrapped rows would crowd the pane) the strip keeps to one row: the current
    segment shows its number and title, the others only their number, with the whole label in
    the tooltip and the accessible name.

    Signals:
        segmentChosen(str): the key of the segment a person clicked (or chose by keyboard).
    """

    segmentChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaStrip")
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setSpacing(4)
        # The strip decides its own minimum width (one button), so it can wrap when narrow.
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._columns = 0
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._titles: dict[str, str] = {}
        self._done: set[str] = set()
        self._full_text: dict[str, str] = {}
        self._current: str | None = None
        self._compact = False
        self._planned: dict[str, float] = {}
        self._actual: dict[str, float] = {}

    def set_segments(
        self, segments: Sequence[AgendaSegment], planned_seconds: Sequence[float]
    ) -> None:
        for button in self._buttons.values():
            self._group.removeButton(button)
            button.deleteLater()
        self._buttons.clear()
        for index, (segment, seconds) in enumerate(zip(segments, planned_seconds, strict=True)):
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName(f"segment_{segment.key}")
            button.setProperty("segmentState", "upcoming")
            button.clicked.connect(lambda _=False, key=segment.key: self.segmentChosen.emit(key))
            self._group.addButton(button)
            self._layout.addWidget(button, 0, index)
            self._buttons[segment.key] = button
            self._full_text.pop(segment.key, None)
            self._titles[segment.key] = segment.title
            self._set_label(segment.key, seconds)
        self._columns = 0
        self._reflow()

    @property
    def compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """One row of numbered buttons (``True``) or the full, wrapping labels (``False``)."""
        if compact == self._compact:
            return
        self._compact = compact
        if compact:
            self._layout.setContentsMargins(8, 2, 8, 2)
        else:
            self._layout.setContentsMargins(8, 4, 8, 4)
        for key in self._buttons:
            self._show_text(key)
        self._columns = 0
        self._reflow()

    def _show_text(self, key: str) -> None:
        """Put the full label, or in compact mode its short form, on ``key``'s button."""
        button = self._buttons[key]
        full = self._full_text.get(key, button.text())
        self._full_text[key] = full
        if not self._compact:
            text = full
        elif key == self._current:
            number = list(self._buttons).index(key) + 1
            # The current segment keeps its title; the timer panel beside shows its time.
            text = f"{number}. {full.splitlines()[0] if full else ''}"
        else:
            text = str(list(self._buttons).index(key) + 1)
        # The title was typed in Agenda settings: shown as typed, never read as markup.
        button.setToolTip(plain_tooltip(full.replace("\n", " · ")) if self._compact else "")
        if button.text() != text:
            button.setText(text)

    def minimumSizeHint(self) -> QSize:
        margins = self._layout.contentsMargins()
        widest = max((b.sizeHint().width() for b in self._buttons.values()), default=0)
        return QSize(widest + margins.left() + margins.right(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        """Lay the buttons out in as many columns as fit the strip's width."""
        buttons = list(self._buttons.values())
        if not buttons:
            return
        margins = self._layout.contentsMargins()
        available = self.width() - margins.left() - margins.right()
        hints = [button.sizeHint().width() for button in buttons]
        spacing = self._layout.spacing()
        columns = len(buttons)
        while columns > 1:
            widths = [max(hints[c::columns]) for c in range(columns)]
            if sum(widths) + spacing * (columns - 1) <= available:
                break
            columns -= 1
        # Balance the rows (4 + 3 rather than 6 + 1), so the wrap reads as a grid.
        rows = -(-len(buttons) // columns)
        columns = -(-len(buttons) // rows)
        if columns == self._columns:
            return
        self._columns = columns
        for button in buttons:
            self._layout.removeWidget(button)
        for index, button in enumerate(buttons):
            self._layout.addWidget(button, index // columns, index % columns)
        self.updateGeometry()

    def set_plan(
        self, planned_seconds: Sequence[float], actual_seconds: Sequence[float] = ()
    ) -> None:
        """Show the current plan (after rebalancing), one figure per segment in order.

        Done segments show the time they actually took beside their plan.
        """
        self._actual = dict(zip(self._buttons, actual_seconds, strict=False))
        for key, seconds in zip(self._buttons, planned_seconds, strict=False):
            self._set_label(key, seconds)

    def _set_label(self, key: str, seconds: float) -> None:
        button = self._buttons[key]
        title = self._titles[key]
        self._planned[key] = seconds
        actual = self._actual.get(key)
        if key in self._done and actual is not None:
            figure = _planned_and_actual(seconds, actual)
            spoken = f"{title}, {_minutes(seconds)} planned, {_minutes(actual)} taken"
        else:
            figure = _minutes(seconds)
            spoken = f"{title}, {figure} planned"
        text = f"{title}\n{figure}"
        if self._full_text.get(key, button.text()) == text:
            return
        self._full_text[key] = text
        self._show_text(key)
        self._columns = 0  # a longer label may no longer fit the row
        self._reflow()
        button.setAccessibleName(spoken)

    def set_current(self, key: str | None, done: Sequence[str] = ()) -> None:
        """Mark the timer's current segment, and the ones already done; ``None`` marks none
        (a closed meeting has no current segment).

        The segment in front of the recorder is shown by :meth:`set_shown`; the two differ
        while the recorder has pinned a pane or looks back at an earlier one.
        """
        changed_done = self._done ^ set(done)
        self._done = set(done)
        for done_key in changed_done & self._planned.keys():
            self._set_label(done_key, self._planned[done_key])  # actual time shown or hidden
        previous, self._current = self._current, key
        if self._compact and previous != key:
            for changed in (previous, key):
                if changed in self._buttons:
                    self._show_text(changed)
            self._columns = 0
            self._reflow()
        for segment_key, button in self._buttons.items():
            if segment_key == key:
                state = "current"
            elif segment_key in self._done:
                state = "done"
            else:
                state = "upcoming"
            if button.property("segmentState") != state:
                button.setProperty("segmentState", state)
                # Re-polish so the stylesheet's [segmentState=...] rules apply.
                button.style().unpolish(button)
                button.style().polish(button)

    def set_shown(self, key: str) -> None:
        """Check the button of the pane in front of the recorder."""
        button = self._buttons.get(key)
        if button is not None:
            button.setChecked(True)

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]
