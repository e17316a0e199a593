"""The student's record as a form: who the student is, language and supports, the family.

Three tabs, each scrolling on its own, so the form fits a 1280x800 screen at 200 % text. Every
one-line field checks what is typed against the domain's limits as it is typed (a line break or
a control character is refused with a message at the field, and the text stays as typed);
:meth:`StudentForm.problems` repeats those checks for the whole form when the person presses
OK, and :meth:`StudentForm.problem_at` places any refusal the domain or the record names
(:class:`~sspt_desktop.domain.text_limits.InvalidField`) at its field.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.domain.student_profile import (
    ELD_LEVELS,
    STUDENT_NUMBER_MAX,
    StudentProfile,
    check_student,
)
from sspt_desktop.domain.text_limits import InvalidField
from sspt_desktop.ui.panes.date_fields import DateField
from sspt_desktop.ui.panes.fields import FieldMessage, LineField
from sspt_desktop.ui.panes.item_list import ItemList
from sspt_desktop.ui.panes.pane_words import refusal_text
from sspt_desktop.ui.records.caregiver_row import CaregiverRowEditor
from sspt_desktop.ui.records.field_box import with_message
from sspt_desktop.ui.records.record_words import (
    FORM_LANGUAGES,
    LANGUAGE_STATUS_ORDER,
    form_language_label,
    language_status_label,
    required_text,
    tr,
)

_CAREGIVER_PATH = "caregivers["


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """Why the form cannot be kept yet, and where to say it (``widget`` is ``None`` when the
    problem belongs to no single field)."""

    text: str
    widget: QWidget | None = None
    message: FieldMessage | None = None


class StudentForm(QTabWidget):
    """The student's fields in three tabs: Student, Language and support, Family.

    Signals:
        edited(): a person changed a field (typing, choosing, adding a caregiver).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studentForm")
        self.setAccessibleName(tr("Student record"))
        self.tabBar().setAccessibleName(tr("Parts of the student record"))
        name_max = limits.NAME_MAX
        self.first_name = LineField("first_name", tr("First name"), name_max)
        self.last_name = LineField("last_name", tr("Last name"), name_max)
        self.student_number = LineField("student_number", tr("Student ID"), STUDENT_NUMBER_MAX)
        self.grade = LineField("grade", tr("Grade"), name_max)
        self.birth_date = DateField("birth_date", tr("Date of birth"))
        self.school = LineField("school", tr("School"), name_max)
        self.teacher = LineField("teacher", tr("Teacher"), name_max)
        self.referred_by = LineField("referred_by", tr("Referred by"), name_max)
        self.home_language = LineField("home_language", tr("Home language"), name_max)
        self.language_status = QComboBox()
        self.language_status.setAccessibleName(tr("Language status"))
        for status in LANGUAGE_STATUS_ORDER:
            self.language_status.addItem(language_status_label(status), status.value)
        self.eld_level = QComboBox()
        self.eld_level.setAccessibleName(tr("ELD level (English learners)"))
        self.eld_level.addItem(tr("(not known yet)"), None)
        for level in ELD_LEVELS:
            self.eld_level.addItem(str(level), level)
        self.form_language = QComboBox()
        self.form_language.setAccessibleName(tr("Family's language for printed forms"))
        for code in FORM_LANGUAGES:
            self.form_language.addItem(form_language_label(code), code)
        self.iep = _check_box(tr("&IEP (individualized education program)"), tr("IEP"))
        self.plan_504 = _check_box(tr("&504 plan"), tr("504 plan"))
        self.suspected_disability = _check_box(
            tr("Sus&pected disability"), tr("Suspected disability")
        )
        self.foster_youth = _check_box(tr("&Foster youth"), tr("Foster youth"))
        self.homeless = _check_box(
            tr("Home&less (McKinney-Vento)"), tr("Homeless (McKinney-Vento)")
        )
        self.ethnicity = LineField("ethnicity", tr("Ethnicity"), name_max)
        self.ethnicity.setAccessibleDescription(tr("Only for the school's aggregate reports"))
        self.caregivers = ItemList(
            CaregiverRowEditor, tr("A&dd a parent or caregiver"), tr("Add a parent or caregiver")
        )
        self._line_fields: dict[str, LineField] = {
            field.field_name: field
            for field in (
                self.first_name,
                self.last_name,
                self.student_number,
                self.grade,
                self.referred_by,
                self.school,
                self.teacher,
                self.home_language,
                self.ethnicity,
            )
        }
        self._build_pages()
        self._connect_edits()
        self.language_status.currentIndexChanged.connect(self._follow_language_status)
        self._follow_language_status()

    # -- building ------------------------------------------------------------------------------

    def _build_pages(self) -> None:
        student = self._page(tr("Stude&nt"))
        note = QLabel(
            tr("First name, last name and student ID are needed; everything else can wait.")
        )
        note.setWordWrap(True)
        student.addRow(note)
        self._add_row(student, tr("&First name:"), self.first_name)
        self._add_row(student, tr("&Last name:"), self.last_name)
        self._add_row(student, tr("Student &ID:"), self.student_number)
        self._add_row(student, tr("&Grade:"), self.grade)
        self._add_row(student, tr("Date of &birth:"), self.birth_date)
        self._add_row(student, tr("Sc&hool:"), self.school)
        self._add_row(student, tr("&Teacher:"), self.teacher)
        self._add_row(student, tr("&Referred by:"), self.referred_by)
        language = self._page(tr("Langu&age and support"))
        self._add_row(language, tr("H&ome language:"), self.home_language)
        self._add_row(language, tr("Language &status:"), self.language_status)
        self._add_row(language, tr("&ELD level:"), self.eld_level)
        self._add_row(language, tr("Printed forms in lang&uage:"), self.form_language)
        for box in (
            self.iep,
            self.plan_504,
            self.suspected_disability,
            self.foster_youth,
            self.homeless,
        ):
            language.addRow(box)
        self._add_row(language, tr("E&thnicity:"), self.ethnicity)
        aside = QLabel(tr("Ethnicity is kept only for the school's aggregate reports."))
        aside.setObjectName("formAside")
        aside.setWordWrap(True)
        language.addRow("", aside)
        family = self._page(tr("Famil&y"))
        family.addRow(self.caregivers)
        self.caregivers.rowsChanged.connect(self._renew_family_tab_order)

    def _page(self, title: str) -> QFormLayout:
        """A tab whose fields scroll when the text is large, never pushing the dialog's buttons
        off the screen."""
        inner = QWidget()
        form = QFormLayout(inner)
        # Labels above their fields when a row would not fit beside them (large text).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a tab stop of its own: it scrolls to whichever field the cursor moves to.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(inner)
        self.addTab(scroll, title)
        return form

    @staticmethod
    def _add_row(form: QFormLayout, label_text: str, field: QWidget) -> None:
        label = QLabel(label_text)
        label.setBuddy(field)
        message = getattr(field, "message", None)
        if isinstance(message, FieldMessage):
            form.addRow(label, with_message(field, message))
        else:
            form.addRow(label, field)

    def _connect_edits(self) -> None:
        for field in self._line_fields.values():
            field.edited.connect(self.edited)
        self.birth_date.edited.connect(self.edited)
        for combo in (self.language_status, self.eld_level, self.form_language):
            combo.activated.connect(lambda _index: self.edited.emit())
        for box in self._check_boxes():
            box.toggled.connect(lambda _on: self.edited.emit())
        self.caregivers.edited.connect(self.edited)

    def _check_boxes(self) -> tuple[QCheckBox, ...]:
        return (
            self.iep,
            self.plan_504,
            self.suspected_disability,
            self.foster_youth,
            self.homeless,
        )

    def _follow_language_status(self) -> None:
        # An ELD level applies to English learners only; it is kept while the status changes,
        # so choosing another status by mistake and back loses nothing.
        self.eld_level.setEnabled(self._language_status() is LanguageStatus.ENGLISH_LEARNER)

    def _renew_family_tab_order(self) -> None:
        chain = self.caregivers.focus_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- values --------------------------------------------------------------------------------

    def _language_status(self) -> LanguageStatus:
        return LanguageStatus(str(self.language_status.currentData()))

    def load(self, student: Student | None, profile: StudentProfile | None) -> None:
        """Show a stored student (nothing for a new one); a new form starts with one empty
        caregiver so the family's details can be typed at once."""
        if student is not None:
            self.first_name.load(student.first_name)
            self.last_name.load(student.last_name)
            self.student_number.load(student.student_number)
            self.grade.load(student.grade)
            self.birth_date.load(student.birth_date)
            self.referred_by.load(student.referred_by)
            _choose(self.language_status, student.language_status.value)
            if self.form_language.findData(student.preferred_language) < 0:
                self.form_language.addItem(
                    form_language_label(student.preferred_language), student.preferred_language
                )
            _choose(self.form_language, student.preferred_language)
        if profile is not None:
            for name in ("school", "teacher", "home_language", "ethnicity"):
                self._line_fields[name].load(getattr(profile, name))
            _choose(self.eld_level, profile.eld_level)
            for name in ("iep", "plan_504", "suspected_disability", "foster_youth", "homeless"):
                box = getattr(self, name)
                assert isinstance(box, QCheckBox)
                box.setChecked(getattr(profile, name))
        caregivers = profile.caregivers if profile is not None else ()
        rows = self.caregivers.set_row_count(max(len(caregivers), 1))
        for row, caregiver in zip(rows, caregivers, strict=False):
            assert isinstance(row, CaregiverRowEditor)
            row.load(caregiver)
        self._follow_language_status()

    def caregiver_rows(self) -> list[CaregiverRowEditor]:
        return [row for row in self.caregivers.rows() if isinstance(row, CaregiverRowEditor)]

    def problems(self) -> list[FieldProblem]:
        """Every field whose shown text the record cannot keep, in the order of the form; the
        message is also put at each field."""
        found: list[FieldProblem] = []
        for field in (self.first_name, self.last_name, self.student_number):
            if not field.text().strip():
                found.append(FieldProblem(required_text(), field, field.message))
        line_fields = list(self._line_fields.values())
        for row in self.caregiver_rows():
            line_fields.extend(row.fields.values())
        for field in line_fields:
            try:
                limits.one_line(field.field_name, field.text(), field.max_length)
            except InvalidField as error:
                found.append(
                    FieldProblem(refusal_text(error, field.max_length), field, field.message)
                )
        typed_date = self.birth_date.text().strip()
        if typed_date:
            try:
                limits.parse_date("birth_date", typed_date)
            except InvalidField as error:
                found.append(
                    FieldProblem(refusal_text(error), self.birth_date, self.birth_date.message)
                )
        found.sort(key=lambda problem: self._position(problem.widget))
        for problem in found:
            if problem.message is not None:
                problem.message.say(problem.text)
        return found

    def _position(self, widget: QWidget | None) -> int:
        order = self.focus_order()
        return order.index(widget) if widget in order else len(order)

    def focus_order(self) -> list[QWidget]:
        """The fields in the order a person meets them, tab after tab."""
        return [
            self.first_name,
            self.last_name,
            self.student_number,
            self.grade,
            self.birth_date,
            self.school,
            self.teacher,
            self.referred_by,
            self.home_language,
            self.language_status,
            self.eld_level,
            self.form_language,
            *self._check_boxes(),
            self.ethnicity,
            *[w for row in self.caregiver_rows() for w in row.focus_fields()],
        ]

    def typed(
        self, before: Student | None, new_uuid: Callable[[], UUID]
    ) -> tuple[Student, StudentProfile]:
        """The student and profile as typed (spaces around each value trimmed). ``before`` is
        the stored student being edited, ``None`` for a new one (which gets ``new_uuid()``).
        Call after :meth:`problems` found none; the domain may still refuse with an
        :class:`InvalidField` naming the field."""
        public = before.uuid if before is not None and before.uuid is not None else new_uuid()
        status = self._language_status()
        birth = self.birth_date.text().strip()
        student = check_student(
            Student(
                id=before.id if before is not None else None,
                student_number=self.student_number.text().strip(),
                first_name=self.first_name.text().strip(),
                last_name=self.last_name.text().strip(),
                grade=self.grade.text().strip(),
                birth_date=limits.parse_date("birth_date", birth) if birth else None,
                language_status=status,
                preferred_language=str(self.form_language.currentData()),
                referred_by=self.referred_by.text().strip(),
                uuid=public,
            )
        )
        # Rows left empty (Enter pressed once too often) are not caregivers.
        rows = [row for row in self.caregiver_rows() if not row.is_blank()]
        caregivers = tuple(
            limits.located(f"caregivers[{index}]", row.typed) for index, row in enumerate(rows)
        )
        level = self.eld_level.currentData()
        profile = StudentProfile(
            student_id=public,
            school=self.school.text().strip(),
            teacher=self.teacher.text().strip(),
            home_language=self.home_language.text().strip(),
            language_status=status,
            eld_level=level if status is LanguageStatus.ENGLISH_LEARNER else None,
            iep=self.iep.isChecked(),
            plan_504=self.plan_504.isChecked(),
            suspected_disability=self.suspected_disability.isChecked(),
            foster_youth=self.foster_youth.isChecked(),
            homeless=self.homeless.isChecked(),
            ethnicity=self.ethnicity.text().strip(),
            caregivers=caregivers,
        )
        return student, profile

    def problem_at(self, error: InvalidField, text: str | None = None) -> FieldProblem:
        """Where a refusal named by the domain or the record belongs, with its message there
        (``text`` replaces the usual wording of the refusal)."""
        field: LineField | DateField | None = self._line_fields.get(error.field)
        if error.field == "birth_date":
            field = self.birth_date
        elif error.field.startswith(_CAREGIVER_PATH):
            index_text, _, name = error.field[len(_CAREGIVER_PATH) :].partition("].")
            rows = [row for row in self.caregiver_rows() if not row.is_blank()]
            if index_text.isdigit() and int(index_text) < len(rows):
                field = rows[int(index_text)].fields.get(name)
        max_length = field.max_length if isinstance(field, LineField) else None
        said = text if text is not None else refusal_text(error, max_length)
        if field is None:
            return FieldProblem(said)
        field.message.say(said)
        return FieldProblem(said, field, field.message)

    def reveal(self, widget: QWidget) -> None:
        """Bring the tab holding ``widget`` forward, scroll it into sight and focus it."""
        for index in range(self.count()):
            page = self.widget(index)
            if isinstance(page, QScrollArea) and page.isAncestorOf(widget):
                self.setCurrentIndex(index)
                page.ensureWidgetVisible(widget)
                break
        widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _check_box(text: str, accessible_name: str) -> QCheckBox:
    box = QCheckBox(text)
    box.setAccessibleName(accessible_name)
    return box


def _choose(combo: QComboBox, data: object) -> None:
    # findData cannot look up None (the first entry of a choice that may be left open).
    index = 0 if data is None else combo.findData(data)
    combo.setCurrentIndex(max(index, 0))
