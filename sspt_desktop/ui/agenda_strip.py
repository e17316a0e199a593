"""The agenda strip across the top of the meeting view: done, current and upcoming segments."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from sspt_desktop.domain.agenda import AgendaSegment


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes}:{rest:02d} min"


class AgendaStrip(QWidget):
    """One button per segment with its planned minutes; the current one is checked.

    Signals:
        segmentChosen(str): the key of the segment a person clicked (or chose by keyboard).
    """

    segmentChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaStrip")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._titles: dict[str, str] = {}
        self._done: set[str] = set()
        self.countdown = QLabel("")
        self.countdown.setObjectName("stripCountdown")
        self.countdown.setAccessibleName(self.tr("Time left in this segment"))
        self._layout.addStretch(1)
        self._layout.addWidget(self.countdown)

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
            self._layout.insertWidget(index, button)
            self._buttons[segment.key] = button
            self._titles[segment.key] = segment.title
            self._set_label(segment.key, seconds)

    def set_planned(self, key: str, seconds: float) -> None:
        self._set_label(key, seconds)

    def _set_label(self, key: str, seconds: float) -> None:
        button = self._buttons[key]
        title = self._titles[key]
        button.setText(f"{title}\n{_minutes(seconds)}")
        button.setAccessibleName(f"{title}, {_minutes(seconds)} planned")

    def set_current(self, key: str, done: Sequence[str] = ()) -> None:
        self._done = set(done)
        for segment_key, button in self._buttons.items():
            if segment_key == key:
                state = "current"
            elif segment_key in self._done:
                state = "done"
            else:
                state = "upcoming"
            button.setChecked(segment_key == key)
            if button.property("segmentState") != state:
                button.setProperty("segmentState", state)
                # Re-polish so the stylesheet's [segmentState=...] rules apply.
                button.style().unpolish(button)
                button.style().polish(button)

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]
