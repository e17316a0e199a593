"""The referral (the student's case): when and by whom, the areas of concern, a description,
and what was tried before with how long and what the data showed."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.case import Case
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.text_limits import InvalidField
from sspt_desktop.services.errors import StorageError
from sspt_desktop.ui.common.domain_words import concern_area_label
from sspt_desktop.ui.panes.date_fields import DateField
from sspt_desktop.ui.panes.fields import LineField, TextField
from sspt_desktop.ui.panes.item_list import ItemList
from sspt_desktop.ui.panes.pane_words import refusal_text
from sspt_desktop.ui.records.case_words import (
    CONCERN_ORDER,
    concern_check_text,
    needed_date_text,
    referral_closed_text,
    tr,
)
from sspt_desktop.ui.records.prior_intervention_row import PriorInterventionRowEditor
from sspt_desktop.ui.records.record_form_dialog import RecordFormDialog
from sspt_desktop.ui.records.student_form import FieldProblem

SaveCase = Callable[[Case], Case]

_TRIED_PATH = "tried["


class ReferralDialog(RecordFormDialog):
    """The referral of the case shown, to read or fill in; a closed case is shown read-only.

    OK always stays enabled: pressing it either keeps the referral through ``save`` (which
    refuses a closed case) or says at each field what stops it, bringing the first such field
    into sight; nothing typed is lost. :attr:`saved` is the case as stored.

    Signals: none of its own.
    """

    def __init__(
        self, case: Case, save: SaveCase, student_name: str = "", parent: QWidget | None = None
    ) -> None:
        read_only = case.closed_on is not None
        super().__init__(tr("Referral"), tr("OK: keep the referral"), read_only, parent)
        self.setObjectName("referralDialog")
        self._case = case
        self._save = save
        self.saved: Case | None = None
        self.opened_on = DateField("opened_on", tr("Referral date"))
        self.referred_by = LineField("referred_by", tr("Referred by"), limits.NAME_MAX)
        self.referred_by.setPlaceholderText(tr("Name and role, for example Ms. Kim (teacher)"))
        self.concerns = {area: QCheckBox(concern_check_text(area)) for area in CONCERN_ORDER}
        for area, box in self.concerns.items():
            box.setAccessibleName(tr("Concern: %1").replace("%1", concern_area_label(area)))
        concern_box = QWidget()
        grid = QGridLayout(concern_box)
        grid.setContentsMargins(0, 0, 0, 0)
        # Two columns read down, as on the paper form; at large text they still fit.
        for index, box in enumerate(self.concerns.values()):
            grid.addWidget(box, index % 3, index // 3)
        self.description = TextField("description", tr("Description of the concern"))
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.tried = ItemList(
            PriorInterventionRowEditor,
            tr("Add something &tried"),
            tr("Add something tried before the referral"),
        )
        if student_name:
            self.add_note(tr("Referral for %1.").replace("%1", student_name))
        if read_only:
            self.add_note(referral_closed_text())
        self.add_row(tr("Referral &date:"), self.opened_on)
        self.add_row(tr("Referred &by:"), self.referred_by)
        self.add_row(tr("Areas of concern:"), concern_box)
        self.add_row(tr("Des&cription:"), self.description)
        self.add_wide_row(tr("Tried before the referral:"), self.tried)
        self.tried.rowsChanged.connect(self._renew_tab_order)
        self.tried.edited.connect(self.problem.clear)
        for field in (self.opened_on, self.referred_by, self.description):
            field.edited.connect(self.problem.clear)
        self._load(case)
        self.opened_on.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fit_screen()

    def _load(self, case: Case) -> None:
        self.opened_on.load(case.opened_on)
        self.referred_by.load(case.referred_by)
        for area, box in self.concerns.items():
            box.setChecked(area in case.concern_areas)
        self.description.load(case.description)
        rows = self.tried.set_row_count(max(len(case.tried), 0 if self.read_only else 1))
        for row, tried in zip(rows, case.tried, strict=False):
            cast(PriorInterventionRowEditor, row).load(tried)
        if self.read_only:
            for field in (self.opened_on, self.referred_by, self.description):
                field.setReadOnly(True)
            for box in self.concerns.values():
                box.setEnabled(False)
            self.tried.set_read_only(True)
            self.tried.add_button.hide()
            for row in self.rows():
                row.set_read_only(True)

    def rows(self) -> list[PriorInterventionRowEditor]:
        return [r for r in self.tried.rows() if isinstance(r, PriorInterventionRowEditor)]

    def focus_order(self) -> list[QWidget]:
        """The fields in the order a person meets them."""
        return [
            self.opened_on,
            self.referred_by,
            *self.concerns.values(),
            self.description,
            *self.tried.focus_chain(),
        ]

    def _renew_tab_order(self) -> None:
        for first, second in itertools.pairwise(self.focus_order()):
            QWidget.setTabOrder(first, second)

    # -- OK --------------------------------------------------------------------------------------

    def problems(self) -> list[FieldProblem]:
        found: list[FieldProblem] = []
        typed_date = self.date_problem(self.opened_on, needed_date_text())
        if typed_date is not None:
            found.append(typed_date)
        fields: list[LineField | TextField] = [self.referred_by, self.description]
        for row in self.rows():
            fields.extend(row.text_fields())
        found.extend(self.text_problems(fields))
        order = self.focus_order()
        found.sort(key=lambda p: order.index(p.widget) if p.widget in order else len(order))
        return found

    def typed(self) -> Case:
        """The referral as typed; the domain may refuse it with an :class:`InvalidField`."""
        opened_on = self.opened_on.value
        assert opened_on is not None  # problems() found none
        rows = [row for row in self.rows() if not row.is_blank()]
        return replace(
            self._case,
            opened_on=opened_on,
            referred_by=self.referred_by.text().strip(),
            concern_areas=tuple(a for a, box in self.concerns.items() if box.isChecked()),
            description=self.description.value,
            tried=tuple(
                limits.located(f"tried[{index}]", row.typed) for index, row in enumerate(rows)
            ),
        )

    def keep(self) -> list[FieldProblem] | None:
        # Imported here: the record's services (and SQLAlchemy) load once the record is open.
        from sspt_desktop.services.record_details import CaseClosed

        try:
            self.saved = self._save(self.typed())
        except InvalidField as error:
            return [self._problem_at(error)]
        except CaseClosed:
            return [FieldProblem(referral_closed_text())]
        except (InvalidInput, StorageError) as error:
            # The record's own sentence (the case was closed meanwhile, the disk is full):
            # nothing typed is lost, the dialog stays open for another try.
            return [FieldProblem(str(error))]
        return None

    def _problem_at(self, error: InvalidField) -> FieldProblem:
        fields: dict[str, LineField | TextField | DateField] = {
            "opened_on": self.opened_on,
            "referred_by": self.referred_by,
            "description": self.description,
        }
        field = fields.get(error.field)
        if error.field.startswith(_TRIED_PATH):
            index_text, _, name = error.field[len(_TRIED_PATH) :].partition("].")
            rows = [row for row in self.rows() if not row.is_blank()]
            if index_text.isdigit() and int(index_text) < len(rows):
                row = rows[int(index_text)]
                field = {f.field_name: f for f in row.text_fields()}.get(name)
        max_length = None if isinstance(field, DateField) or field is None else field.max_length
        text = refusal_text(error, max_length)
        if field is None:
            return FieldProblem(text)
        return self.field_problem(field, text)
