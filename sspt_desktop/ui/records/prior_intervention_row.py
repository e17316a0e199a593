"""One thing tried before the referral, in the referral dialog: what, how long, what the data
showed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sspt_desktop.domain.case import PriorIntervention
from sspt_desktop.ui.panes.fields import LineField, TextField
from sspt_desktop.ui.panes.item_list import RowEditor
from sspt_desktop.ui.records.case_words import tr
from sspt_desktop.ui.records.field_box import with_message


class PriorInterventionRowEditor(RowEditor):
    """A small card per intervention tried, one label and field per line so it reads at any
    text size. Enter in "What" or "How long" adds the next one; Backspace in an empty one's
    "What" removes it (see :class:`~sspt_desktop.ui.panes.item_list.ItemList`); "What the data
    showed" takes several lines. Signals: see :class:`RowEditor`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordCard")
        # A plain QWidget draws the stylesheet's border only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.what = LineField("what", tr("What was tried"))
        self.what.setPlaceholderText(tr("For example: small-group reading, seat change"))
        self.how_long = LineField("how_long", tr("How long"))
        self.how_long.setPlaceholderText(tr("For example: 6 weeks, since October"))
        self.data_showed = TextField("data_showed", tr("What the data showed"))
        # Three lines in sight; more scroll inside the field.
        self.data_showed.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.heading = QLabel()
        self.heading.setObjectName("recordCardHeading")
        self.remove = self.make_remove_button()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field in (
            (tr("What:"), self.what),
            (tr("How long:"), self.how_long),
            (tr("What the data showed:"), self.data_showed),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, with_message(field, field.message))
            field.edited.connect(self.edited)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 8)
        box.addLayout(top)
        box.addLayout(form)

    def focus_fields(self) -> list[QWidget]:
        return [self.what, self.how_long, self.data_showed]

    def first_field(self) -> LineField:
        return self.what

    def text_fields(self) -> list[LineField | TextField]:
        return [self.what, self.how_long, self.data_showed]

    def is_blank(self) -> bool:
        return not (
            self.what.text().strip()
            or self.how_long.text().strip()
            or self.data_showed.toPlainText().strip()
        )

    def set_number(self, number: int) -> None:
        self.heading.setText(tr("Tried before, %1").replace("%1", str(number)))
        for field, name in (
            (self.what, tr("What was tried, %1")),
            (self.how_long, tr("How long it was tried, %1")),
            (self.data_showed, tr("What the data showed, %1")),
        ):
            field.setAccessibleName(name.replace("%1", str(number)))
        self.remove.setAccessibleName(tr("Remove what was tried, %1").replace("%1", str(number)))

    def set_read_only(self, read_only: bool) -> None:
        for field in self.text_fields():
            field.setReadOnly(read_only)
        self.remove.setVisible(not read_only)

    def load(self, tried: PriorIntervention) -> None:
        self.what.load(tried.what)
        self.how_long.load(tried.how_long)
        self.data_showed.load(tried.data_showed)

    def typed(self) -> PriorIntervention:
        """What was tried as typed (spaces around the one-line answers trimmed; what the data
        showed kept exactly); the domain may refuse it naming the field."""
        return PriorIntervention(
            what=self.what.text().strip(),
            how_long=self.how_long.text().strip(),
            data_showed=self.data_showed.value,
        )
