"""Pane 5, Brainstorm and select: ideas typed fast, chosen ones marked, the library beside."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import cast
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from sspt_desktop.domain.brainstorm_pane import BrainstormContent, Idea
from sspt_desktop.domain.intervention_library import InterventionEntry
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.ui.panes.fields import LineField
from sspt_desktop.ui.panes.gaps_label import GapsLabel
from sspt_desktop.ui.panes.item_list import ItemList, RowEditor
from sspt_desktop.ui.panes.library_panel import LibraryPanel
from sspt_desktop.ui.panes.pane_context import PaneServices
from sspt_desktop.ui.panes.pane_words import tr
from sspt_desktop.ui.panes.structured_pane import StructuredPane


class IdeaRowEditor(RowEditor):
    """One idea as said, and whether the team chose it (see :class:`RowEditor`)."""

    def __init__(self, new_id: Callable[[], UUID], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.idea_id = new_id()
        self.library_key = ""
        self.text = LineField("text", tr("Idea"))
        self.text.setPlaceholderText(tr("An idea, as it was said"))
        self.chosen = QCheckBox(tr("Chosen"))
        self.remove = self.make_remove_button()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.text, 1)
        line.addWidget(self.chosen)
        line.addWidget(self.remove)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(line)
        box.addWidget(self.text.message)
        self._loading = False
        self.text.edited.connect(self.edited)
        self.chosen.toggled.connect(self._on_toggled)

    def focus_fields(self) -> list[QWidget]:
        return [self.text, self.chosen]

    def first_field(self) -> LineField:
        return self.text

    def is_blank(self) -> bool:
        return not self.text.text() and not self.chosen.isChecked()

    def set_number(self, number: int) -> None:
        self.text.setAccessibleName(tr("Idea {n}").format(n=number))
        self.chosen.setAccessibleName(tr("Idea {n} chosen").format(n=number))
        self.remove.setAccessibleName(tr("Remove idea {n}").format(n=number))

    def load(self, idea: Idea) -> None:
        self.idea_id = idea.id
        self.library_key = idea.library_key
        self.text.load(idea.text)
        self._loading = True
        try:
            self.chosen.setChecked(idea.chosen)
        finally:
            self._loading = False

    def value(self) -> Idea:
        return Idea(
            id=self.idea_id,
            text=self.text.value,
            library_key=self.library_key,
            chosen=self.chosen.isChecked(),
        )

    def _on_toggled(self, _checked: bool) -> None:
        if not self._loading:
            self.edited.emit()


class BrainstormPane(StructuredPane):
    """Ideas (Enter adds the next, a check box marks the chosen ones) and, beside them, the
    intervention library given by :class:`PaneServices`; Ctrl+Enter in the library adds the
    selected entry as an idea. Signals: see :class:`StructuredPane`."""

    kind = PaneKind.BRAINSTORM

    def __init__(self, services: PaneServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.ideas = ItemList(
            lambda: IdeaRowEditor(lambda: self._context.new_id()),
            tr("&Add an idea"),
            tr("Add an idea"),
        )
        self.gaps = GapsLabel()
        self.library = LibraryPanel(services.search_library, add_entry=services.add_library_entry)
        self.library.entryChosen.connect(self.add_from_library)
        ideas_box = QWidget()
        ideas_layout = QVBoxLayout(ideas_box)
        ideas_layout.setContentsMargins(0, 0, 4, 0)
        heading = self.section_label(tr("Ideas (no judging yet)"))
        heading.setBuddy(self.ideas.add_button)
        ideas_layout.addWidget(heading)
        ideas_layout.addWidget(self.ideas)
        ideas_layout.addWidget(self.gaps)
        ideas_layout.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(ideas_box)
        split.addWidget(self.library)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        self.watch(self.ideas)
        self.set_content(BrainstormContent())

    def add_from_library(self, entry: InterventionEntry) -> None:
        """The entry becomes the next idea (filling an empty last idea rather than adding)."""
        if self.is_read_only():
            return
        rows = cast(list[IdeaRowEditor], self.ideas.rows())
        row = rows[-1] if rows and rows[-1].is_blank() else None
        if row is None:
            row = cast(IdeaRowEditor | None, self.ideas.add_row(focus=False))
        if row is None:
            return
        row.library_key = entry.key
        row.text.selectAll()
        row.text.insert(entry.title)  # checked, undoable and reported like typing

    def _rows(self) -> list[IdeaRowEditor]:
        return cast(list[IdeaRowEditor], self.ideas.rows())

    def _load(self, content: BrainstormContent) -> None:
        for editor, idea in zip(
            self.ideas.set_row_count(len(content.ideas)), content.ideas, strict=True
        ):
            cast(IdeaRowEditor, editor).load(idea)

    def _read(self, notes: str) -> BrainstormContent:
        current: BrainstormContent = self._content
        return replace(current, ideas=tuple(row.value() for row in self._rows()), notes=notes)

    def _show_gaps(self, content: BrainstormContent) -> None:
        if content.missing():
            self.gaps.show_gaps([tr("Chosen ideas: none marked yet")])
        else:
            self.gaps.show_gaps([])

    def _tab_chain(self) -> list[QWidget]:
        return [
            *self.ideas.focus_chain(),
            self.library.query,
            self.library.results,
            self.library.add_button,
            self.library.new_entry_button,
        ]

    def _starting_list(self) -> ItemList:
        return self.ideas

    def _apply_read_only(self) -> None:
        super()._apply_read_only()
        if hasattr(self, "library"):
            self.library.set_adding_enabled(not self.is_read_only())
