"""The intervention library beside the brainstorm: search as you type, one key adds an idea."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sspt_desktop.domain.intervention_library import EntryKind, InterventionEntry
from sspt_desktop.ui.common.plain_tooltip import plain_tooltip
from sspt_desktop.ui.panes.pane_context import AddLibraryEntry, LibrarySearch
from sspt_desktop.ui.panes.pane_words import tr
from sspt_desktop.ui.panes.structured_pane import KEEP_ENABLED, StructuredPane

#: Ctrl+Enter adds the selected entry: no text editor binds it, so it never costs a keystroke.
ADD_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def entry_line(entry: InterventionEntry) -> str:
    if entry.kind is EntryKind.ALTERNATIVE_TO_SUSPENSION:
        return tr("Alternative to suspension · {title}").format(title=entry.title)
    if entry.tier is None:
        return entry.title
    return tr("Tier {tier} · {title}").format(tier=entry.tier, title=entry.title)


class LibraryPanel(QWidget):
    """Search field, matching entries best first, the selected entry's description, and an Add
    button. Ctrl+Enter anywhere in the panel, or Enter in the list, adds the selected entry.
    Given ``add_entry``, a button opens a small dialog for the team's own entry (its title
    starts as what was searched for); the new entry is then the one selected.

    Signals:
        entryChosen(object): the :class:`InterventionEntry` the person asked to add as an idea.
    """

    entryChosen = Signal(object)

    def __init__(
        self,
        search: LibrarySearch,
        parent: QWidget | None = None,
        add_entry: AddLibraryEntry | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._add_entry = add_entry
        self._shown: list[InterventionEntry] = []
        self._adding_enabled = True
        heading = StructuredPane.section_label(tr("Intervention &library"))
        self.query = QLineEdit()
        self.query.setAccessibleName(tr("Search the intervention library"))
        self.query.setPlaceholderText(tr("Search: reading, check-in, mentor…"))
        self.query.setClearButtonEnabled(True)
        self.query.setProperty(KEEP_ENABLED, True)
        heading.setBuddy(self.query)
        self.results = QListWidget()
        self.results.setAccessibleName(tr("Matching interventions"))
        self.results.setProperty(KEEP_ENABLED, True)
        self.results.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setObjectName("paneGaps")
        self.add_button = QPushButton(tr("Add as idea (Ctrl+Enter)"))
        self.add_button.setAccessibleName(tr("Add the selected intervention as an idea"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.new_entry_button = QPushButton(tr("New t&eam entry…"))
        self.new_entry_button.setAccessibleName(tr("Add the team's own entry to the library"))
        # The library is the team's, not the meeting's: it grows even beside a closed meeting.
        self.new_entry_button.setProperty(KEEP_ENABLED, True)
        self.new_entry_button.clicked.connect(self.new_team_entry)
        layout.addWidget(self.new_entry_button, 0, Qt.AlignmentFlag.AlignLeft)
        # Only once in the layout: shown before it has a parent, the button would open as a
        # window of its own for an instant and take the keyboard from the main window.
        self.new_entry_button.setVisible(add_entry is not None)
        self.query.textEdited.connect(self._refresh)
        self.query.installEventFilter(self)
        self.results.currentRowChanged.connect(self._show_detail)
        self.results.itemActivated.connect(lambda _item: self.add_selected())
        self.add_button.clicked.connect(self.add_selected)
        for keys in ADD_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.add_selected)
        self._refresh("")

    def shown_entries(self) -> list[InterventionEntry]:
        return list(self._shown)

    def set_adding_enabled(self, enabled: bool) -> None:
        """A closed meeting: the library can be searched and read, nothing added."""
        self._adding_enabled = enabled
        self.add_button.setEnabled(enabled)

    def selected(self) -> InterventionEntry | None:
        row = self.results.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def add_selected(self) -> None:
        entry = self.selected()
        if entry is not None and self._adding_enabled:
            self.entryChosen.emit(entry)

    def new_team_entry(self) -> InterventionEntry | None:
        """Ask for the team's own entry; once kept, it is found and selected, ready to add."""
        if self._add_entry is None:
            return None
        # Imported here: the records' dialogs build on the panes' fields.
        from sspt_desktop.ui.records.team_entry_dialog import TeamEntryDialog

        dialog = TeamEntryDialog(self._add_entry, self.query.text().strip(), self.window())
        accepted = dialog.exec()
        added = dialog.added
        dialog.deleteLater()
        # The keyboard goes back to the pane's window (not every platform returns it).
        self.activateWindow()
        if not accepted or added is None:
            self.query.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        self._refresh(self.query.text())
        if added not in self._shown:
            self.query.setText(added.title)
            self._refresh(added.title)
        if added in self._shown:
            self.results.setCurrentRow(self._shown.index(added))
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        return added

    def _refresh(self, query: str) -> None:
        self._shown = list(self._search(query))
        self.results.clear()
        for entry in self._shown:
            item = QListWidgetItem(entry_line(entry))
            item.setToolTip(plain_tooltip(entry.description))
            self.results.addItem(item)
        if self._shown:
            self.results.setCurrentRow(0)  # the best match is what Ctrl+Enter adds
        else:
            self._show_detail(-1)

    def _show_detail(self, row: int) -> None:
        entry = self._shown[row] if 0 <= row < len(self._shown) else None
        self.detail.setText("" if entry is None else _short(entry.description))
        self.detail.setVisible(entry is not None and bool(entry.description))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search field goes to the results, as in every search-as-you-type list.
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self._shown:
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False


def _short(text: str, limit: int = 280) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
