"""Pane 1, Welcome: who is at the table in which role (a quick table), and the purpose."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from sspt_desktop.ui.panes.fields import ChoiceField, LineField, TextField
from sspt_desktop.ui.panes.gaps_label import GapsLabel
from sspt_desktop.ui.panes.item_list import ItemList, RowEditor
from sspt_desktop.ui.panes.pane_context import PaneServices
from sspt_desktop.ui.panes.pane_words import ROLE_ORDER, gap_text, role_label, tr
from sspt_desktop.ui.panes.structured_pane import StructuredPane


class AttendanceRowEditor(RowEditor):
    """One person: name, role, and for an interpreter the language (see :class:`RowEditor`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = LineField("name", tr("Name"), limits.NAME_MAX)
        self.name.setPlaceholderText(tr("Name"))
        self.role = ChoiceField("role", tr("Role"), ROLE_ORDER, role_label)
        self.language = LineField("language", tr("Language interpreted"), limits.NAME_MAX)
        self.language.setPlaceholderText(tr("If interpreting"))
        self.remove = self.make_remove_button()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.name, 3)
        line.addWidget(self.role, 2)
        line.addWidget(self.language, 2)
        line.addWidget(self.remove)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(line)
        box.addWidget(self.name.message)
        box.addWidget(self.language.message)
        for field in (self.name, self.role, self.language):
            field.edited.connect(self.edited)

    def focus_fields(self) -> list[QWidget]:
        return [self.name, self.role, self.language]

    def first_field(self) -> LineField:
        return self.name

    def is_blank(self) -> bool:
        return not self.name.text() and self.role.value is None and not self.language.text()

    def set_number(self, number: int) -> None:
        self.name.setAccessibleName(tr("Name of person {n}").format(n=number))
        self.role.setAccessibleName(tr("Role of person {n}").format(n=number))
        self.language.setAccessibleName(tr("Language interpreted by person {n}").format(n=number))
        self.remove.setAccessibleName(tr("Remove person {n}").format(n=number))

    def load(self, row: AttendanceRow) -> None:
        self.name.load(row.name)
        self.role.load(row.role)
        self.language.load(row.language)

    def value(self) -> AttendanceRow:
        return AttendanceRow(
            name=self.name.value,
            role=cast(Role | None, self.role.value),
            language=self.language.value,
        )


class WelcomePane(StructuredPane):
    """The attendance table (Enter adds a person), the team roles still unfilled, the purpose.

    Signals: see :class:`StructuredPane`.
    """

    kind = PaneKind.WELCOME

    def __init__(self, services: PaneServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.attendance = ItemList(
            AttendanceRowEditor, tr("&Add a person"), tr("Add a person to the attendance")
        )
        self.roles_missing = GapsLabel()
        self.attendance_gaps = GapsLabel()
        self.purpose = TextField("purpose", tr("Purpose of the meeting"))
        self.purpose.setPlaceholderText(tr("Why the team is meeting today"))
        self.purpose.setMaximumHeight(self.purpose.fontMetrics().lineSpacing() * 5)
        self.purpose_gaps = GapsLabel()

        header = QGridLayout()
        header.setContentsMargins(0, 0, 0, 0)
        for column, (text, stretch) in enumerate(
            ((tr("Name"), 3), (tr("Role"), 2), (tr("Language"), 2))
        ):
            label = QLabel(text)
            header.addWidget(label, 0, column)
            header.setColumnStretch(column, stretch)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 4, 0)
        people = self.section_label(tr("Who is here"))
        people.setBuddy(self.attendance.add_button)
        layout.addWidget(people)
        layout.addLayout(header)
        layout.addWidget(self.attendance)
        layout.addWidget(self.roles_missing)
        layout.addWidget(self.attendance_gaps)
        purpose_label = self.section_label(tr("&Purpose of the meeting"))
        purpose_label.setBuddy(self.purpose)
        layout.addWidget(purpose_label)
        layout.addWidget(self.purpose)
        layout.addWidget(self.purpose.message)
        layout.addWidget(self.purpose_gaps)
        layout.addStretch(1)
        self.watch(self.attendance, self.purpose)
        self.set_content(WelcomeContent())

    def _rows(self) -> list[AttendanceRowEditor]:
        return cast(list[AttendanceRowEditor], self.attendance.rows())

    def _load(self, content: WelcomeContent) -> None:
        for editor, row in zip(
            self.attendance.set_row_count(len(content.attendance)), content.attendance, strict=True
        ):
            cast(AttendanceRowEditor, editor).load(row)
        self.purpose.load(content.purpose)

    def _read(self, notes: str) -> WelcomeContent:
        current: WelcomeContent = self._content
        return replace(
            current,
            attendance=tuple(row.value() for row in self._rows()),
            purpose=self.purpose.value,
            notes=notes,
        )

    def _show_gaps(self, content: WelcomeContent) -> None:
        missing_roles = content.missing_team_roles()
        self.roles_missing.show_gaps(
            [
                tr("Team roles nobody holds yet: {roles}").format(
                    roles=", ".join(role_label(role) for role in missing_roles)
                )
            ]
            if missing_roles
            else []
        )
        lines = []
        for gap in content.missing():
            head, _, field = gap.field_path.partition(".")
            if not head.startswith("attendance["):
                continue
            index = int(head[len("attendance[") : -1])
            row = content.attendance[index]
            if not row.name and row.role is None and not row.language:
                continue  # a row just added with Enter: nothing to point out yet
            label = {
                "name": tr("Person {n}: name"),
                "role": tr("Person {n}: role"),
                "language": tr("Person {n}: language"),
            }[field].format(n=index + 1)
            lines.append(gap_text(label, gap))
        self.attendance_gaps.show_gaps(lines)
        self.purpose_gaps.show_gaps(
            [
                gap_text(tr("Purpose"), gap)
                for gap in content.missing()
                if gap.field_path == "purpose"
            ]
        )

    def _tab_chain(self) -> list[QWidget]:
        return [*self.attendance.focus_chain(), self.purpose]

    def _starting_list(self) -> ItemList:
        return self.attendance
