"""The school's agenda settings: segment names, order and minute ranges, and the warning point.

A meeting keeps the agenda it began with, so edits here apply to meetings opened afterwards.
Each row keeps its segment's pane key: renaming "Student Strengths" still fills the strengths
pane.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.domain.agenda import Agenda, AgendaSegment
from sspt_desktop.domain.errors import InvalidInput

_TITLE, _MIN, _MAX = range(3)


class AgendaSettingsDialog(QDialog):
    """Edits the school's agenda in a table (title, minimum, maximum) with move and reset.

    ``save`` receives the new agenda and the warning point in seconds when the person presses
    OK and everything is valid; a problem is shown in words under the table and the dialog
    stays open. It has no signals beyond QDialog's.
    """

    def __init__(
        self,
        current: Agenda,
        seeded: Agenda,
        warning_seconds: int,
        save: Callable[[Agenda, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agenda settings"))
        self._current = current
        self._seeded = seeded
        self._save = save
        intro = QLabel(
            self.tr(
                "The agenda of new meetings. Meetings already started keep their own agenda. "
                "Ranges are in minutes; the timer fits them into the meeting length the team "
                "picks."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("agendaTable")
        self.table.setAccessibleName(self.tr("Agenda segments"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Segment"), self.tr("Minimum (min)"), self.tr("Maximum (min)")]
        )
        self.table.horizontalHeader().setSectionResizeMode(_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.up = QPushButton(self.tr("Move &up"))
        self.down = QPushButton(self.tr("Move &down"))
        self.reset = QPushButton(self.tr("&Reset to the seeded agenda"))
        for button in (self.up, self.down, self.reset):
            button.setAccessibleName(button.text().replace("&", ""))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.reset.clicked.connect(lambda: self._fill(self._seeded))
        moves = QHBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addStretch(1)
        moves.addWidget(self.reset)
        self.warning = QSpinBox()
        self.warning.setObjectName("warningSeconds")
        self.warning.setRange(10, 300)
        self.warning.setSingleStep(10)
        self.warning.setSuffix(self.tr(" s"))
        self.warning.setValue(warning_seconds)
        self.warning.setAccessibleName(self.tr("Warn this many seconds before a segment ends"))
        warning_label = QLabel(self.tr("&Warn before a segment ends:"))
        warning_label.setBuddy(self.warning)
        warning_row = QHBoxLayout()
        warning_row.addWidget(warning_label)
        warning_row.addWidget(self.warning)
        warning_row.addStretch(1)
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(moves)
        layout.addLayout(warning_row)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._fill(current)
        self.resize(640, 460)

    def _fill(self, agenda: Agenda) -> None:
        self.table.setRowCount(0)
        for segment in agenda:
            self._append(segment)
        self.problem.hide()

    def _append(self, segment: AgendaSegment) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        title = QTableWidgetItem(segment.title)
        title.setData(Qt.ItemDataRole.UserRole, segment.key)
        self.table.setItem(row, _TITLE, title)
        for column, value in ((_MIN, segment.min_minutes), (_MAX, segment.max_minutes)):
            box = QDoubleSpinBox()
            box.setRange(0.0, 120.0)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setValue(value)
            box.setAccessibleName(
                (
                    self.tr("Minimum minutes of %1")
                    if column == _MIN
                    else self.tr("Maximum minutes of %1")
                ).replace("%1", segment.title)
            )
            self.table.setCellWidget(row, column, box)

    def _row(self, row: int) -> tuple[str, str, float, float]:
        item = self.table.item(row, _TITLE)
        low = self.table.cellWidget(row, _MIN)
        high = self.table.cellWidget(row, _MAX)
        assert item is not None
        assert isinstance(low, QDoubleSpinBox) and isinstance(high, QDoubleSpinBox)
        return (
            str(item.data(Qt.ItemDataRole.UserRole)),
            item.text(),
            low.value(),
            high.value(),
        )

    def _move(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = [self._row(r) for r in range(self.table.rowCount())]
        rows[row], rows[target] = rows[target], rows[row]
        self.table.setRowCount(0)
        for key, title, low, high in rows:
            # Rows are rebuilt from plain values, so a half-typed range is not validated yet.
            self._append(AgendaSegment(key, title or "?", max(low, 0.1), max(high, low, 0.1)))
            item = self.table.item(self.table.rowCount() - 1, _TITLE)
            if not title and item is not None:
                item.setText("")
        self.table.setCurrentCell(target, _TITLE)

    def agenda(self) -> Agenda:
        """The agenda as edited; raises :class:`InvalidInput` with a message when it is wrong."""
        segments = []
        for row in range(self.table.rowCount()):
            key, title, low, high = self._row(row)
            segments.append(AgendaSegment(key, title.strip(), low, high))
        return Agenda(tuple(segments), self._current.budget, self._current.source)

    def accept(self) -> None:
        try:
            agenda = self.agenda()
            self._save(agenda, self.warning.value())
        except InvalidInput as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        super().accept()
