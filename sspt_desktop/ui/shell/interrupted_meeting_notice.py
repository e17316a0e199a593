"""The message at start-up after a crash or a kill: what happened, what is safe, what happens now.

The facts (which meeting, where its timer stood) come from the Qt-free
:mod:`sspt_desktop.services.interrupted_meeting`; this module only words them and shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from sspt_desktop.domain.meeting_clock import ClockState
from sspt_desktop.ui.common.domain_words import meeting_type_label
from sspt_desktop.ui.common.placeholders import fill_placeholders

if TYPE_CHECKING:
    from sspt_desktop.services.interrupted_meeting import InterruptedMeeting

tr = QCoreApplication.translate


def notice_text(meeting: InterruptedMeeting) -> str:
    """The plain, calm sentence the recorder reads before going on with the meeting."""
    day = meeting.meeting_date
    when = QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")
    text = tr(
        "InterruptedMeetingNotice",
        "SSPT Desktop closed unexpectedly during the meeting for %1 (%2, %3). "
        "Your notes are saved.",
    )
    text += " " + _where_it_reopens(meeting)
    # One pass over the wording, so a name that happens to contain "%2" stays as typed.
    return fill_placeholders(
        text,
        meeting.student_short_name,
        meeting_type_label(meeting.meeting_type),
        when,
        meeting.segment_title or "",
    )


def _where_it_reopens(meeting: InterruptedMeeting) -> str:
    """The timer as it truly stood: the recorder must not be told it was running (or
    paused) when it was not, nor look for time that was never counted."""
    standing = meeting.timer
    if standing is ClockState.NOT_STARTED:
        return tr(
            "InterruptedMeetingNotice",
            "The meeting reopens; its timer had not been started, so start it when the team "
            "is ready.",
        )
    if standing is ClockState.FINISHED:
        return tr("InterruptedMeetingNotice", "The meeting reopens; its timer had finished.")
    if meeting.segment_title is None:
        return tr(
            "InterruptedMeetingNotice",
            "The meeting reopens; its timer could not be taken up, so start it again when "
            "the team is ready.",
        )
    if standing is ClockState.PAUSED:
        return tr(
            "InterruptedMeetingNotice",
            "The meeting reopens where it stood: %4, timer paused, as it was.",
        )
    return tr("InterruptedMeetingNotice", "The meeting reopens where it stood: %4, timer paused.")


def show_interrupted_notice(parent: QWidget, meeting: InterruptedMeeting) -> None:
    """Say what happened and wait for the recorder's OK (the meeting is already open behind)."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("InterruptedMeetingNotice", "SSPT Desktop closed unexpectedly"),
        notice_text(meeting),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("interruptedMeetingNotice")
    # The student's name is typed text: shown as written, never read as markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setEscapeButton(QMessageBox.StandardButton.Ok)
    box.exec()
    box.deleteLater()
