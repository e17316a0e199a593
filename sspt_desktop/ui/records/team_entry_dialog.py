"""A team's own entry for the intervention library: a title, a tier, and a description."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.intervention_library import InterventionEntry
from sspt_desktop.domain.plan_item import Tier
from sspt_desktop.services.errors import StorageError
from sspt_desktop.ui.common.domain_words import tier_label
from sspt_desktop.ui.panes.fields import ChoiceField, LineField, TextField
from sspt_desktop.ui.panes.pane_context import AddLibraryEntry
from sspt_desktop.ui.records.case_words import tr
from sspt_desktop.ui.records.record_form_dialog import RecordFormDialog
from sspt_desktop.ui.records.student_form import FieldProblem


class TeamEntryDialog(RecordFormDialog):
    """Adds the team's own support or strategy to the library, kept with the record so every
    later meeting finds it. The title is needed; the tier and description may wait.

    ``add`` keeps the entry (``InterventionCatalog.add_team_entry``); :attr:`added` is the entry
    it returned. Signals: none of its own.
    """

    def __init__(
        self, add: AddLibraryEntry, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("New library entry"), tr("OK: keep the entry"), False, parent)
        self.setObjectName("teamEntryDialog")
        self._add = add
        self.added: InterventionEntry | None = None
        self.entry_title = LineField("title", tr("Title of the entry"))
        self.entry_title.setPlaceholderText(tr("For example: Lunch-time reading buddies"))
        self.tier = ChoiceField("tier", tr("Tier"), tuple(Tier), tier_label)
        self.description = TextField("description", tr("Description of the entry"))
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.add_note(
            tr(
                "The team's own entries are kept with the record and found by the library's "
                "search in every meeting."
            )
        )
        self.add_row(tr("&Title:"), self.entry_title)
        self.add_row(tr("T&ier:"), self.tier)
        self.add_row(tr("&Description:"), self.description)
        for field in (self.entry_title, self.tier, self.description):
            field.edited.connect(self.problem.clear)
        if title:
            # What was searched for is the likely title: typed over or kept, undoable.
            self.entry_title.insert(title)
        self.entry_title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fit_screen(chars=80, lines=22)

    def problems(self) -> list[FieldProblem]:
        found = self.text_problems([self.entry_title, self.description])
        if not self.entry_title.text().strip() and not found:
            found.insert(
                0,
                self.field_problem(
                    self.entry_title, tr("Needed: the library lists an entry by its title.")
                ),
            )
        return found

    def keep(self) -> list[FieldProblem] | None:
        tier = self.tier.value
        try:
            self.added = self._add(
                self.entry_title.text().strip(),
                tier=None if tier is None else int(tier),
                description=self.description.value.strip(),
            )
        except (InvalidInput, StorageError) as error:
            # Nothing typed is lost: the dialog stays open for another try.
            return [FieldProblem(str(error))]
        return None
