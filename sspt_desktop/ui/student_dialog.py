"""Adding a student to the record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.storage.errors import StorageError

FAMILY_LANGUAGES = (("en", "English"), ("es", "Español (Spanish)"))


class StudentDialog(QDialog):
    """Name, ID, grade, language status and the family's language; checks before it closes.

    Signals: none of its own.
    """

    def __init__(self, add: Callable[[Student], Student], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add student"))
        self._add = add
        self.added: Student | None = None
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.student_number = QLineEdit()
        self.grade = QLineEdit()
        self.language_status = QComboBox()
        for status in LanguageStatus:
            self.language_status.addItem(status.value, status)
        self.family_language = QComboBox()
        for code, name in FAMILY_LANGUAGES:
            self.family_language.addItem(name, code)
        self.referred_by = QLineEdit()
        self.problem = QLabel("")
        self.problem.setObjectName("formProblem")
        # The message may quote what was typed (an ID already taken): show it as typed.
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&First name:"), self.first_name)
        form.addRow(self.tr("&Last name:"), self.last_name)
        form.addRow(self.tr("Student &ID:"), self.student_number)
        form.addRow(self.tr("&Grade:"), self.grade)
        form.addRow(self.tr("Language &status:"), self.language_status)
        form.addRow(self.tr("Family's lang&uage:"), self.family_language)
        form.addRow(self.tr("&Referred by:"), self.referred_by)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _save(self) -> None:
        try:
            student = Student(
                id=None,
                student_number=self.student_number.text().strip(),
                first_name=self.first_name.text().strip(),
                last_name=self.last_name.text().strip(),
                grade=self.grade.text().strip(),
                language_status=LanguageStatus(self.language_status.currentData()),
                preferred_language=str(self.family_language.currentData()),
                referred_by=self.referred_by.text().strip(),
            )
            self.added = self._add(student)
        except (InvalidInput, StorageError) as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
