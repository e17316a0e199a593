"""The side panel: what the team needs to know about the student at a glance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sspt_desktop.domain.meeting import Meeting
from sspt_desktop.domain.student import Student, language_name


class StudentGlance(QWidget):
    """Grade, language status, who referred the student, earlier meetings.

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studentGlance")
        self._values: dict[str, QLabel] = {}
        heading = QLabel(self.tr("Student at a glance"))
        heading.setObjectName("sideHeading")
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(heading)
        # Caption above value, each wrapping: a narrow side panel stays readable at any text
        # size (a form layout's wrapped rows overlapped there at large text).
        for key, label in (
            ("grade", self.tr("Grade")),
            ("language", self.tr("Language")),
            ("family_language", self.tr("Family's language")),
            ("referred_by", self.tr("Referred by")),
            ("meetings", self.tr("Earlier meetings")),
        ):
            value = QLabel("—")
            # Typed text (who referred the student) shows as typed, never as markup.
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setObjectName(f"glance_{key}")
            caption = QLabel(label)
            caption.setObjectName("glanceLabel")
            caption.setWordWrap(True)
            caption.setBuddy(value)
            layout.addWidget(caption)
            layout.addWidget(value)
            self._values[key] = value
        layout.addStretch(1)

    def show_student(self, student: Student | None, earlier: list[Meeting]) -> None:
        if student is None:
            for value in self._values.values():
                value.setText("—")
            return
        self._values["grade"].setText(student.grade or "—")
        self._values["language"].setText(student.language_status.label)
        self._values["family_language"].setText(language_name(student.preferred_language))
        self._values["referred_by"].setText(student.referred_by or "—")
        if earlier:
            lines = [f"{m.meeting_date:%b %d, %Y}: {m.meeting_type.label}" for m in earlier[:4]]
            self._values["meetings"].setText("\n".join(lines))
        else:
            self._values["meetings"].setText(self.tr("None: this is the first"))
