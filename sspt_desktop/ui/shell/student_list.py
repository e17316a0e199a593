"""The student list with its search box, on the left of the main window.

The list follows the search box as the person types: the search itself (caseless and
accentless in every script, ``%`` and ``_`` literal, sorted as people expect) is the record's,
handed in with :meth:`StudentListPanel.set_search`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QPushButton, QVBoxLayout, QWidget

from sspt_desktop.domain.student import Student
from sspt_desktop.ui.common.placeholders import fill_placeholders

StudentRole = Qt.ItemDataRole.UserRole + 1


class StudentListModel(QAbstractListModel):
    """Students as list rows: "Last, First · ID", with the student in ``StudentRole``.

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._students: list[Student] = []

    def set_students(self, students: Sequence[Student]) -> None:
        self.beginResetModel()
        self._students = list(students)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._students)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        student = self._students[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            details = (
                fill_placeholders(
                    self.tr("ID %1 · grade %2"), student.student_number, student.grade
                )
                if student.grade
                else self.tr("ID %1").replace("%1", student.student_number)
            )
            return f"{student.last_name}, {student.first_name}\n{details}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return fill_placeholders(
                self.tr("%1, ID %2"), student.display_name, student.student_number
            )
        if role == StudentRole:
            return student
        return None

    def row_of(self, student_id: int) -> int:
        for row, student in enumerate(self._students):
            if student.id == student_id:
                return row
        return -1


class StudentListPanel(QWidget):
    """Search box, list of students, and a button to add one.

    Signals:
        studentChosen(int): the id of the student a person opened (Enter or click).
        addStudentRequested(): the person asked to add a student.
    """

    studentChosen = Signal(int)
    addStudentRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search: Callable[[str], list[Student]] | None = None
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search name or ID…"))
        self.search_box.setAccessibleName(self.tr("Search students"))
        self.search_box.setClearButtonEnabled(True)
        self.model = StudentListModel(self)
        self.list = QListView()
        self.list.setObjectName("studentList")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Students"))
        self.list.setUniformItemSizes(True)
        # Long names wrap or elide inside the panel instead of scrolling sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty_hint = QLabel(self.tr("No student matches this search."))
        self.empty_hint.setObjectName("studentListEmpty")
        self.empty_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        self.add_button = QPushButton(self.tr("Add student…"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        heading = QLabel(self.tr("&Students"))
        heading.setObjectName("sideHeading")
        heading.setBuddy(self.search_box)
        layout.addWidget(heading)
        layout.addWidget(self.search_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.add_button)
        # Search as the person types: once per turn of the event loop, so keys that arrive
        # together (a fast typist, a paste) cost one search, and the list never lags a key.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(0)
        self._debounce.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(lambda _: self._debounce.start())
        self.search_box.returnPressed.connect(self._open_first)
        self.list.activated.connect(self._open_index)
        self.list.clicked.connect(self._open_index)
        self.add_button.clicked.connect(self.addStudentRequested)

    def set_search(self, search: Callable[[str], list[Student]]) -> None:
        """Search this record from now on (the list is empty until a record is open)."""
        self._search = search
        self.refresh()

    def refresh(self) -> None:
        if self._search is None:
            return
        self.model.set_students(self._search(self.search_box.text()))
        if self.search_box.text().strip():
            self.empty_hint.setText(self.tr("No student matches this search."))
        else:
            self.empty_hint.setText(self.tr("No students yet. Add one with Add student (Ctrl+N)."))
        self.empty_hint.setVisible(self.model.rowCount() == 0)

    def current_id(self) -> int | None:
        """The id of the student chosen in the list, if any."""
        student = self.list.currentIndex().data(StudentRole)
        return student.id if isinstance(student, Student) else None

    def select(self, student_id: int) -> None:
        """Select the student; if the search in the box hides them, clear it so they show."""
        row = self.model.row_of(student_id)
        if row < 0 and self.search_box.text() and self._search is not None:
            # A student just added (or reopened) must be in sight, not filtered out of it.
            self._debounce.stop()
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)
            self.refresh()
            row = self.model.row_of(student_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
            self.list.scrollTo(self.model.index(row))

    def _open_first(self) -> None:
        if self.model.rowCount() > 0:
            self._open_index(self.model.index(0))

    def _open_index(self, index: QModelIndex) -> None:
        student = index.data(StudentRole)
        if isinstance(student, Student) and student.id is not None:
            self.list.setCurrentIndex(index)
            self.studentChosen.emit(student.id)
