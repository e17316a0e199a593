"""One parent or caregiver in the student dialog: name, relationship, how to reach them, their
language and whether the school needs an interpreter to talk with them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.student_profile import Caregiver
from sspt_desktop.ui.panes.fields import LineField
from sspt_desktop.ui.panes.item_list import RowEditor
from sspt_desktop.ui.records.field_box import with_message
from sspt_desktop.ui.records.record_words import tr

#: The caregiver's text fields in the order they are shown and typed, with their labels.
_TEXT_FIELDS = ("name", "relationship", "phone", "email", "preferred_language")


def _labels() -> dict[str, str]:
    return {
        "name": tr("Name"),
        "relationship": tr("Relationship"),
        "phone": tr("Phone"),
        "email": tr("Email"),
        "preferred_language": tr("Preferred language"),
    }


class CaregiverRowEditor(RowEditor):
    """A small card per caregiver, one label and field per line so it reads at any text size.

    Enter in any field adds the next caregiver; Backspace in an empty caregiver's name removes
    it (see :class:`~sspt_desktop.ui.panes.item_list.ItemList`). Signals: see
    :class:`RowEditor`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caregiverCard")
        # A plain QWidget draws the stylesheet's border only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        labels = _labels()
        self.fields: dict[str, LineField] = {
            name: LineField(name, labels[name], limits.NAME_MAX) for name in _TEXT_FIELDS
        }
        self.interpreter = QCheckBox(tr("Needs an interpreter"))
        self.heading = QLabel()
        self.heading.setObjectName("caregiverHeading")
        self.remove = self.make_remove_button()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name, field in self.fields.items():
            label = QLabel(labels[name] + ":")
            label.setBuddy(field)
            form.addRow(label, with_message(field, field.message))
            field.edited.connect(self.edited)
        form.addRow("", self.interpreter)
        self.interpreter.toggled.connect(lambda _on: self.edited.emit())
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 8)
        box.addLayout(top)
        box.addLayout(form)

    @property
    def name(self) -> LineField:
        return self.fields["name"]

    def focus_fields(self) -> list[QWidget]:
        return [*self.fields.values(), self.interpreter]

    def first_field(self) -> LineField:
        return self.name

    def is_blank(self) -> bool:
        return not any(f.text().strip() for f in self.fields.values()) and not (
            self.interpreter.isChecked()
        )

    def set_number(self, number: int) -> None:
        self.heading.setText(tr("Parent or caregiver %1").replace("%1", str(number)))
        labels = _labels()
        for name, field in self.fields.items():
            field.setAccessibleName(
                tr("%1 of parent or caregiver %2")
                .replace("%1", labels[name])
                .replace("%2", str(number))
            )
        self.interpreter.setAccessibleName(
            tr("Parent or caregiver %1 needs an interpreter").replace("%1", str(number))
        )
        self.remove.setAccessibleName(
            tr("Remove parent or caregiver %1").replace("%1", str(number))
        )

    def load(self, caregiver: Caregiver) -> None:
        for name, field in self.fields.items():
            field.load(getattr(caregiver, name))
        self.interpreter.setChecked(caregiver.interpreter_needed)

    def typed(self) -> Caregiver:
        """The caregiver as typed (spaces around each value trimmed); the domain may refuse it
        with an :class:`~sspt_desktop.domain.text_limits.InvalidField` naming the field."""
        return Caregiver(
            **{name: field.text().strip() for name, field in self.fields.items()},
            interpreter_needed=self.interpreter.isChecked(),
        )
