"""The notes PDF is offered under the student's name and the date, in the documents folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.student import Student
from sspt_desktop.ui.shell.notes_pdf_saver import notes_file_name
from tests.gui.conftest import Launcher
from tests.gui.test_meeting_window import add_student, open_by_search


def test_the_name_holds_the_student_and_date_and_nothing_unsafe() -> None:
    daniela = Student(None, "1029384", "Daniela", "Reyes", "4")
    assert notes_file_name(daniela, date(2026, 11, 25)) == (
        "SSPT notes - Reyes, Daniela - 2026-11-25.pdf"
    )
    odd = Student(None, "1", 'Ana <b>x</b> & "y"?', "Re/yes\\: *", "4")
    name = notes_file_name(odd, date(2026, 11, 25))
    assert not set('<>:"/\\|?*') & set(name.removesuffix(".pdf").replace("SSPT notes - ", ""))
    assert name.startswith("SSPT notes - Re_yes_") and name.endswith(" - 2026-11-25.pdf")
    assert "Ana _b_x__b_ & _y__" in name


def test_save_dialog_starts_in_documents_then_in_the_last_folder(
    qtbot: QtBot,
    launch_app: Launcher,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    started_in = tmp_path / "started-here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    monkeypatch.setattr(
        QStandardPaths,
        "writableLocation",
        staticmethod(
            lambda where: (
                str(documents)
                if where == QStandardPaths.StandardLocation.DocumentsLocation
                else str(tmp_path)
            )
        ),
    )
    offered: list[str] = []
    answer: list[str] = [""]

    def dialog(*args: object, **kwargs: object) -> tuple[str, str]:
        offered.append(str(args[2]))
        return answer[0], "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    meeting = running.window.meeting_view.meeting
    assert meeting is not None
    expected = f"SSPT notes - Reyes, Daniela - {meeting.meeting_date:%Y-%m-%d}.pdf"

    running.window.print_notes_action.trigger()  # the person cancels
    assert offered == [str(documents / expected)]

    elsewhere = tmp_path / "team share"
    elsewhere.mkdir()
    answer[0] = str(elsewhere / "reyes.pdf")
    running.window.print_notes_action.trigger()
    assert (elsewhere / "reyes.pdf").is_file()
    answer[0] = ""
    running.window.print_notes_action.trigger()
    assert offered[-1] == str(elsewhere / expected)
    assert not any(str(started_in) in path for path in offered)
