"""Screenshots of the referral, meeting-details and team-entry dialogs on the demo record, and of
the window beside them (the side panel's referral, the library's New team entry), for a person
to look at: at 100 % and 200 % text, filled, and with the messages OK brings up.

Run under Xvfb (not part of the test suite):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m \
        tests.visual.record_dialogs_screenshots screenshots/tmp/record_dialogs

Files are named ``<what>-<percent>.png``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from sspt_desktop.app import launch, parse_args
from sspt_desktop.domain.case import PriorIntervention
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.intervention_library import new_team_entry
from sspt_desktop.ui.records.meeting_details_dialog import MeetingDetailsDialog
from sspt_desktop.ui.records.referral_dialog import ReferralDialog
from sspt_desktop.ui.records.team_entry_dialog import TeamEntryDialog
from sspt_desktop.ui.shell.resources import load_stylesheet
from tests.visual.meeting_screenshots import settle, zoom_to


def shoot(app: QApplication, widget: QWidget, out: Path, name: str, percent: int) -> None:
    widget.show()
    settle(app)
    path = out / f"{name}-{percent}.png"
    widget.grab().save(str(path))
    print(path, widget.width(), widget.height(), flush=True)


def press_ok(app: QApplication, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    button.click()
    settle(app)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    running = launch(parse_args(["--demo"]))
    assert running is not None
    window = running.window
    window.resize(1280, 800)
    settle(app)
    opened = window.meeting_view.opened
    assert opened is not None
    case = replace(
        opened.case,
        referred_by=opened.case.referred_by or "Mr. Ortiz (classroom teacher)",
        concern_areas=(ConcernArea.ACADEMIC, ConcernArea.LANGUAGE_DEVELOPMENT),
        description=opened.case.description
        or "Reads 48 words a minute where the class reads 90; avoids reading aloud and "
        "puts her head down during independent reading.",
        tried=opened.case.tried
        or (
            PriorIntervention("Small-group reading with the aide", "6 weeks", "48 → 52 wcpm"),
            PriorIntervention("Seat near the board", "since October", ""),
        ),
    )
    window.meeting_view.show_student_edited(replace(opened, case=case))
    window.glance.show_student(replace(opened, case=case))
    for percent in (100, 200):
        zoom_to(window, percent)
        settle(app)
        window.meeting_view.show_pane("brainstorm")
        settle(app)
        shoot(app, window, out, "window-brainstorm", percent)
        referral = ReferralDialog(case, lambda c: c, opened.student.display_name, window)
        shoot(app, referral, out, "referral", percent)
        referral.opened_on.setText("2026-02-30")
        referral.referred_by.setText("Mr. Ortiz\nteacher")
        press_ok(app, referral)
        shoot(app, referral, out, "referral-problems", percent)
        referral.close()
        closed_case = ReferralDialog(
            replace(case, closed_on=case.opened_on + timedelta(days=120)), lambda c: c, "", window
        )
        shoot(app, closed_case, out, "referral-closed", percent)
        closed_case.close()
        details = MeetingDetailsDialog(
            opened.meeting, opened.arrangements, lambda _d: opened.meeting, window
        )
        shoot(app, details, out, "meeting-details", percent)
        details.start_time.setText("25:70")
        details.location.setText("Room 12\nlibrary")
        press_ok(app, details)
        shoot(app, details, out, "meeting-details-problems", percent)
        details.close()
        entry = TeamEntryDialog(
            lambda title, *, tier=None, description="": new_team_entry(
                title, tier=tier, description=description
            ),
            "lunch buddies",
            window,
        )
        shoot(app, entry, out, "team-entry", percent)
        entry.entry_title.setText("")
        press_ok(app, entry)
        shoot(app, entry, out, "team-entry-problems", percent)
        entry.close()
        for dialog in (referral, closed_case, details, entry):
            dialog.deleteLater()
        settle(app)
    zoom_to(window, 100)
    window.close()
    running.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots/tmp/record_dialogs")))
