"""Screenshots of the student dialog filled with a realistic record, for a person to look at:
each tab at 100 % and 200 % text on a 1280x800 screen, and the messages OK brings up.

Run under Xvfb (not part of the test suite):

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m \
        tests.visual.student_dialog_screenshots screenshots/tmp/student_dialog

Files are named ``<tab>-<percent>.png`` and ``problems-<percent>.png``.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.domain.student_profile import Caregiver, StudentProfile
from sspt_desktop.ui.records.student_dialog import StudentDialog
from sspt_desktop.ui.shell.resources import load_stylesheet

PUBLIC = uuid.UUID("6f1c1f5e-8a55-4d43-9a43-2f0b1f1b2c3d")
STUDENT = Student(
    id=7,
    student_number="1029384",
    first_name="Daniela",
    last_name="Núñez Reyes",
    grade="4",
    birth_date=date(2016, 3, 14),
    language_status=LanguageStatus.ENGLISH_LEARNER,
    preferred_language="es",
    referred_by="Mr. Ortiz (classroom teacher)",
    uuid=PUBLIC,
)
PROFILE = StudentProfile(
    student_id=PUBLIC,
    school="Lincoln Elementary School",
    teacher="Ms. Kim",
    home_language="Spanish",
    language_status=LanguageStatus.ENGLISH_LEARNER,
    eld_level=2,
    iep=False,
    plan_504=False,
    suspected_disability=True,
    foster_youth=False,
    homeless=True,
    ethnicity="Hispanic or Latino",
    caregivers=(
        Caregiver(
            "María Reyes", "mother", "(555) 013-4477", "maria.reyes@example.org", "Spanish", True
        ),
        Caregiver("José Núñez", "father", "(555) 013-9021", "", "Spanish", True),
    ),
)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    base = app.font().pointSizeF()
    for percent in (100, 200):
        font = app.font()
        font.setPointSizeF(base * percent / 100)
        app.setFont(font)
        dialog = StudentDialog(lambda s, p: s, STUDENT, PROFILE)
        dialog.show()
        settle(app)
        for index, name in enumerate(("student", "language", "family")):
            dialog.form.setCurrentIndex(index)
            settle(app)
            path = out / f"{name}-{percent}.png"
            dialog.grab().save(str(path))
            print(path, dialog.width(), dialog.height())
        dialog.close()
        dialog.deleteLater()
        new = StudentDialog(lambda s, p: s)
        new.show()
        settle(app)
        new.last_name.setText("Reyes\nGarcía")
        new.form.birth_date.setText("2016-02-30")
        new.buttons.button(new.buttons.StandardButton.Ok).click()
        settle(app)
        path = out / f"problems-{percent}.png"
        new.grab().save(str(path))
        print(path)
        new.close()
        new.deleteLater()
        settle(app)
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    sys.exit(main(parser.parse_args().out))
