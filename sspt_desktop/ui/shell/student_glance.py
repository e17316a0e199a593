"""The side panel: what the team needs to know about the student at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.ui.common.domain_words import (
    concern_area_label,
    form_language_label,
    language_status_label,
    meeting_status_label,
    meeting_type_label,
)

if TYPE_CHECKING:
    from sspt_desktop.services.meeting_session import HistoryMeeting, OpenedMeeting

_MEETING_ROLE = Qt.ItemDataRole.UserRole


class StudentGlance(QWidget):
    """Grade, language status, who referred the student and the concerns (from the referral of
    the meeting shown), a button to the referral, and the student's meetings, newest first,
    each with its status; Enter or a click on one shows it (a closed one read-only).

    Signals:
        meetingChosen(int): the id of the meeting the person chose in the history.
        referralRequested(): the person asked to see or fill in the referral.
    """

    meetingChosen = Signal(int)
    referralRequested = Signal()

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
            ("concerns", self.tr("Concerns")),
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
        self.referral_button = QPushButton(self.tr("Referral…"))
        self.referral_button.setAccessibleName(self.tr("Open the referral"))
        self.referral_button.setEnabled(False)
        self.referral_button.clicked.connect(self.referralRequested)
        layout.addWidget(self.referral_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.history = QListWidget()
        self.history.setObjectName("glance_history")
        self.history.setAccessibleName(self.tr("Meetings, newest first"))
        self.history.setWordWrap(True)
        self.history.itemActivated.connect(self._chosen)
        self.history.itemClicked.connect(self._chosen)
        history_caption = QLabel(self.tr("Meetings"))
        history_caption.setObjectName("glanceLabel")
        history_caption.setBuddy(self.history)
        layout.addWidget(history_caption)
        layout.addWidget(self.history, 1)

    def show_student(self, opened: OpenedMeeting | None) -> None:
        """The student of the meeting shown, and their history with that meeting marked."""
        self.history.clear()
        if opened is None:
            for value in self._values.values():
                value.setText("—")
            self.referral_button.setEnabled(False)
            return
        student = opened.student
        self._values["grade"].setText(student.grade or "—")
        self._values["language"].setText(language_status_label(student.language_status))
        self._values["family_language"].setText(form_language_label(student.preferred_language))
        # The referral says who referred the student; a student typed in before referrals were
        # recorded keeps the name the student record holds.
        referral = opened.case
        self._values["referred_by"].setText(referral.referred_by or student.referred_by or "—")
        concerns = ", ".join(concern_area_label(area) for area in referral.concern_areas)
        self._values["concerns"].setText(concerns or "—")
        self.referral_button.setEnabled(True)
        for case in opened.history:
            for meeting in case.meetings:
                item = QListWidgetItem(self._line(meeting, meeting.meeting_id == opened.meeting_id))
                item.setData(_MEETING_ROLE, meeting.meeting_id)
                self.history.addItem(item)
                if meeting.meeting_id == opened.meeting_id:
                    self.history.setCurrentItem(item)

    def meeting_lines(self) -> list[str]:
        """The history as shown, newest first."""
        return [self.history.item(row).text() for row in range(self.history.count())]

    def _line(self, meeting: HistoryMeeting, shown: bool) -> str:
        status = meeting_status_label(meeting.status)
        kind = meeting_type_label(meeting.meeting_type)
        line = f"{meeting.meeting_date:%b %d, %Y}: {kind} ({status})"
        return line + self.tr(" · shown") if shown else line

    def _chosen(self, item: QListWidgetItem) -> None:
        meeting_id = item.data(_MEETING_ROLE)
        if isinstance(meeting_id, int):
            self.meetingChosen.emit(meeting_id)
