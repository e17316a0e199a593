"""Adding a student to the record, or editing one already there."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.student import Student
from sspt_desktop.domain.student_profile import StudentProfile
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.services.errors import DuplicateStudentNumber, StorageError
from sspt_desktop.ui.records.record_words import duplicate_number_text, how_many_more_text, tr
from sspt_desktop.ui.records.student_form import FieldProblem, StudentForm

SaveStudent = Callable[[Student, StudentProfile], Student]

_STYLE = """
#fieldMessage, #formProblem { color: #9A3412; }
#formAside { color: #4A5563; }
#caregiverCard { border: 1px solid #D9DEE5; border-radius: 4px; }
#caregiverHeading { font-weight: bold; }
"""


class StudentDialog(QDialog):
    """The whole student record (see :class:`StudentForm`), for a new student or to edit one.

    OK always stays enabled: pressing it either keeps the student or says at each field what
    stops it (a needed field left empty, a line break in a name, an impossible date, an ID
    another student has), brings the first such field into sight, and keeps everything typed.
    ``save`` stores the student (adding or editing); :attr:`saved` is what it returned and
    :attr:`saved_profile` the profile it stored.

    Signals: none of its own.
    """

    def __init__(
        self,
        save: SaveStudent,
        student: Student | None = None,
        profile: StudentProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("studentDialog")
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(tr("Edit student") if student is not None else tr("Add student"))
        self._save = save
        self._before = student
        self.saved: Student | None = None
        self.saved_profile: StudentProfile | None = None
        self.form = StudentForm()
        form = self.form
        # Short names for the fields people and tests reach most.
        self.first_name, self.last_name = form.first_name, form.last_name
        self.student_number, self.grade = form.student_number, form.grade
        self.referred_by = form.referred_by
        self.problem = QLabel("")
        self.problem.setObjectName("formProblem")
        # The message may quote what was typed (an ID already taken): show it as typed.
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for which, name in (
            (QDialogButtonBox.StandardButton.Ok, tr("OK: keep the student")),
            (QDialogButtonBox.StandardButton.Cancel, tr("Cancel")),
        ):
            self.buttons.button(which).setAccessibleName(name)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        form.load(student, profile)
        form.edited.connect(self.problem.clear)
        form.setCurrentIndex(0)
        self.first_name.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """About 90 characters wide and 40 lines high at the current text size (every field of
        a tab in sight at normal text), but never larger than the screen: the tabs scroll."""
        metrics = QFontMetrics(self.font())
        width = metrics.averageCharWidth() * 90
        height = metrics.lineSpacing() * 40
        screen = self.screen().availableGeometry()
        self.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))

    def _on_ok(self) -> None:
        problems = self.form.problems()
        if problems:
            self._show(problems)
            return
        try:
            student, profile = self.form.typed(self._before, uuid.uuid4)
            self.saved = self._save(student, profile)
            self.saved_profile = profile
        except DuplicateStudentNumber:
            refusal = InvalidField("student_number", LimitCode.UNKNOWN_VALUE)
            text = duplicate_number_text(self.student_number.text())
            self._show([self.form.problem_at(refusal, text)])
            return
        except InvalidField as error:
            self._show([self.form.problem_at(error)])
            return
        except (InvalidInput, StorageError) as error:
            # The record's own sentence (the student was removed, the disk is full): nothing
            # typed is lost, the dialog stays open for another try.
            self._show([FieldProblem(str(error))])
            return
        self.accept()

    def _show(self, problems: list[FieldProblem]) -> None:
        first = problems[0]
        text = first.text
        if len(problems) > 1:
            text = f"{text}\n{how_many_more_text(len(problems) - 1)}"
        self.problem.setText(text)
        if first.widget is not None:
            self.form.reveal(first.widget)
