"""A meeting's details: date and start time, location, type, and how and when the family was
invited."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.meeting import Meeting, MeetingStatus, MeetingType
from sspt_desktop.domain.meeting_arrangements import MeetingArrangements
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.services.errors import StorageError
from sspt_desktop.ui.common.domain_words import invitation_method_label, meeting_type_label
from sspt_desktop.ui.panes.date_fields import DateField, TimeField
from sspt_desktop.ui.panes.fields import ChoiceField, LineField
from sspt_desktop.ui.panes.pane_words import refusal_text
from sspt_desktop.ui.records.case_words import (
    INVITATION_ORDER,
    STUDENT_MEETING_TYPES,
    invited_after_meeting_text,
    meeting_closed_text,
    needed_date_text,
    tr,
)
from sspt_desktop.ui.records.record_form_dialog import RecordFormDialog
from sspt_desktop.ui.records.student_form import FieldProblem

if TYPE_CHECKING:
    from sspt_desktop.services.record_details import MeetingDetails

SaveDetails = Callable[["MeetingDetails"], Meeting]

#: A meeting's location, as long as the record keeps (services.record_details.LOCATION_MAX).
_LOCATION_MAX = 200


class MeetingDetailsDialog(RecordFormDialog):
    """The details of the meeting shown, to read or change; a closed meeting is read-only.

    OK always stays enabled: pressing it either keeps the details through ``save`` (which
    refuses a closed meeting) or says at each field what stops it; nothing typed is lost.
    :attr:`saved` is the meeting as stored and :attr:`saved_arrangements` its start time and
    invitation.

    Signals: none of its own.
    """

    def __init__(
        self,
        meeting: Meeting,
        arrangements: MeetingArrangements,
        save: SaveDetails,
        parent: QWidget | None = None,
    ) -> None:
        read_only = meeting.status is MeetingStatus.CLOSED
        super().__init__(tr("Meeting details"), tr("OK: keep the details"), read_only, parent)
        self.setObjectName("meetingDetailsDialog")
        self._save = save
        self.saved: Meeting | None = None
        self.saved_arrangements: MeetingArrangements | None = None
        self.meeting_date = DateField("meeting_date", tr("Meeting date"))
        self.start_time = TimeField("start_time", tr("Start time"))
        self.location = LineField("location", tr("Location"), _LOCATION_MAX)
        self.location.setPlaceholderText(tr("For example: Room 12, the library"))
        self.meeting_type = QComboBox()
        self.meeting_type.setAccessibleName(tr("Meeting type"))
        self._types = list(STUDENT_MEETING_TYPES)
        if meeting.meeting_type not in self._types:
            self._types.append(meeting.meeting_type)
        for kind in self._types:
            self.meeting_type.addItem(meeting_type_label(kind))
        self.invited_how = ChoiceField(
            "invited_how",
            tr("How the family was invited"),
            INVITATION_ORDER,
            invitation_method_label,
        )
        self.invited_on = DateField("invited_on", tr("Date the family was invited"))
        if read_only:
            self.add_note(meeting_closed_text())
        self.add_row(tr("&Date:"), self.meeting_date)
        self.add_row(tr("&Start time:"), self.start_time)
        self.add_row(tr("&Location:"), self.location)
        self.add_row(tr("Meeting &type:"), self.meeting_type)
        self.add_note(
            tr(
                "The type follows the student's meetings so far; choose Reclassification "
                "review for a review of an English learner's language status."
            )
        )
        self.add_row(tr("Family &invited by:"), self.invited_how)
        self.add_row(tr("Family invited &on:"), self.invited_on)
        for field in (
            self.meeting_date,
            self.start_time,
            self.location,
            self.invited_how,
            self.invited_on,
        ):
            field.edited.connect(self.problem.clear)
        self.meeting_type.activated.connect(lambda _index: self.problem.clear())
        self._load(meeting, arrangements)
        self.meeting_date.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fit_screen(chars=80, lines=22)

    def _load(self, meeting: Meeting, arrangements: MeetingArrangements) -> None:
        self.meeting_date.load(meeting.meeting_date)
        self.start_time.load(arrangements.start_time)
        self.location.load(meeting.location)
        self.meeting_type.setCurrentIndex(self._types.index(meeting.meeting_type))
        self.invited_how.load(arrangements.invited_how)
        self.invited_on.load(arrangements.invited_on)
        if self.read_only:
            for field in (self.meeting_date, self.start_time, self.location, self.invited_on):
                field.setReadOnly(True)
            self.meeting_type.setEnabled(False)
            self.invited_how.setEnabled(False)

    def chosen_type(self) -> MeetingType:
        return self._types[max(self.meeting_type.currentIndex(), 0)]

    def focus_order(self) -> list[QWidget]:
        return [
            self.meeting_date,
            self.start_time,
            self.location,
            self.meeting_type,
            self.invited_how,
            self.invited_on,
        ]

    # -- OK --------------------------------------------------------------------------------------

    def problems(self) -> list[FieldProblem]:
        found = [
            problem
            for problem in (
                self.date_problem(self.meeting_date, needed_date_text()),
                self.date_problem(self.start_time),
            )
            if problem is not None
        ]
        found.extend(self.text_problems([self.location]))
        invited = self.date_problem(self.invited_on)
        if invited is not None:
            found.append(invited)
        return found

    def typed(self) -> MeetingDetails:
        from sspt_desktop.services.record_details import MeetingDetails

        meeting_date = self.meeting_date.value
        assert meeting_date is not None  # problems() found none
        return MeetingDetails(
            meeting_date=meeting_date,
            meeting_type=self.chosen_type(),
            location=self.location.text().strip(),
            arrangements=MeetingArrangements(
                start_time=self.start_time.value,
                invited_how=self.invited_how.value,
                invited_on=self.invited_on.value,
            ),
        )

    def keep(self) -> list[FieldProblem] | None:
        # Imported here: the record's services (and SQLAlchemy) load once the record is open.
        from sspt_desktop.services.pane_saving import MeetingClosed

        try:
            details = self.typed()
            self.saved = self._save(details)
        except InvalidField as error:
            return [self._problem_at(error)]
        except MeetingClosed:
            return [FieldProblem(meeting_closed_text())]
        except (InvalidInput, StorageError) as error:
            return [FieldProblem(str(error))]
        self.saved_arrangements = details.arrangements
        return None

    def _problem_at(self, error: InvalidField) -> FieldProblem:
        fields: dict[str, LineField | DateField | TimeField] = {
            "meeting_date": self.meeting_date,
            "start_time": self.start_time,
            "location": self.location,
            "invited_on": self.invited_on,
        }
        field = fields.get(error.field)
        if field is None:
            return FieldProblem(refusal_text(error))
        if error.field == "invited_on" and error.code is LimitCode.IMPOSSIBLE_DATE:
            # The date itself was read at the field already: the domain refuses its order.
            return self.field_problem(field, invited_after_meeting_text())
        max_length = field.max_length if isinstance(field, LineField) else None
        return self.field_problem(field, refusal_text(error, max_length))
