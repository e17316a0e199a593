"""Pane 2, Strengths: what goes well for the student, one entry per strength, each with an area."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from sspt_desktop.domain.missing import MissingCode
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea, StrengthsContent
from sspt_desktop.ui.panes.fields import ChoiceField, LineField
from sspt_desktop.ui.panes.gaps_label import GapsLabel
from sspt_desktop.ui.panes.item_list import ItemList, RowEditor
from sspt_desktop.ui.panes.pane_context import PaneServices
from sspt_desktop.ui.panes.pane_words import gap_text, strength_area_label, tr
from sspt_desktop.ui.panes.structured_pane import StructuredPane


class StrengthRowEditor(RowEditor):
    """One strength as said, and its area (see :class:`RowEditor`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = LineField("text", tr("Strength"))
        self.text.setPlaceholderText(tr("A strength, as the team says it"))
        self.area = ChoiceField("area", tr("Area"), tuple(StrengthArea), strength_area_label)
        self.remove = self.make_remove_button()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.text, 3)
        line.addWidget(self.area, 1)
        line.addWidget(self.remove)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(line)
        box.addWidget(self.text.message)
        self.text.edited.connect(self.edited)
        self.area.edited.connect(self.edited)

    def focus_fields(self) -> list[QWidget]:
        return [self.text, self.area]

    def first_field(self) -> LineField:
        return self.text

    def is_blank(self) -> bool:
        return not self.text.text() and self.area.value is None

    def set_number(self, number: int) -> None:
        self.text.setAccessibleName(tr("Strength {n}").format(n=number))
        self.area.setAccessibleName(tr("Area of strength {n}").format(n=number))
        self.remove.setAccessibleName(tr("Remove strength {n}").format(n=number))

    def load(self, strength: Strength) -> None:
        self.text.load(strength.text)
        self.area.load(strength.area)

    def value(self) -> Strength:
        return Strength(text=self.text.value, area=cast(StrengthArea | None, self.area.value))


class StrengthsPane(StructuredPane):
    """A list of strengths: Enter adds the next, Backspace on an empty one removes it; each is
    tagged with an area. Signals: see :class:`StructuredPane`."""

    kind = PaneKind.STRENGTHS

    def __init__(self, services: PaneServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.items = ItemList(StrengthRowEditor, tr("&Add a strength"), tr("Add a strength"))
        self.gaps = GapsLabel()
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 4, 0)
        heading = self.section_label(tr("Strengths"))
        heading.setBuddy(self.items.add_button)
        layout.addWidget(heading)
        layout.addWidget(self.items)
        layout.addWidget(self.gaps)
        layout.addStretch(1)
        self.watch(self.items)
        self.set_content(StrengthsContent())

    def _rows(self) -> list[StrengthRowEditor]:
        return cast(list[StrengthRowEditor], self.items.rows())

    def _load(self, content: StrengthsContent) -> None:
        for editor, item in zip(
            self.items.set_row_count(len(content.items)), content.items, strict=True
        ):
            cast(StrengthRowEditor, editor).load(item)

    def _read(self, notes: str) -> StrengthsContent:
        current: StrengthsContent = self._content
        return replace(current, items=tuple(row.value() for row in self._rows()), notes=notes)

    def _show_gaps(self, content: StrengthsContent) -> None:
        lines = []
        for gap in content.missing():
            if gap.code is MissingCode.TOO_FEW:
                lines.append(gap_text(tr("Strengths"), gap))
            else:
                index = int(gap.field_path.split("]")[0].removeprefix("items["))
                lines.append(gap_text(tr("Area of strength {n}").format(n=index + 1), gap))
        self.gaps.show_gaps(lines)

    def _tab_chain(self) -> list[QWidget]:
        return self.items.focus_chain()

    def _starting_list(self) -> ItemList:
        return self.items
