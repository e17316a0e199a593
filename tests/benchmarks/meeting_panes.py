"""The seven structured pane editors of one meeting in a shown window, for the benchmarks.

Until the main window shows the structured panes, this stands in for it: the editors of
``sspt_desktop.ui.panes`` (its registry, in agenda order) in a stacked widget, each given the
meeting's context and content as the meeting view will give them, the library search wired
as the composition root wires it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.services.meeting_session import OpenedMeeting
from sspt_desktop.ui.panes import PaneContext, PaneServices, StructuredPane, editors_in_agenda_order

WINDOW_SIZE = (1280, 800)


class MeetingPanesWindow(QWidget):
    """A window holding one meeting's seven pane editors, one in front at a time.

    Signals: none of its own (each editor emits ``contentEdited(object)``).
    """

    def __init__(self, services: PaneServices) -> None:
        super().__init__()
        self.setWindowTitle("SSPT benchmark: meeting panes")
        self.resize(*WINDOW_SIZE)
        self._services = services
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.editors: dict[PaneKind, StructuredPane] = {}

    def build(self, opened: OpenedMeeting) -> None:
        """New editors for every pane kind, showing the meeting's content (the old ones go)."""
        for old in self.editors.values():
            self.stack.removeWidget(old)
            old.deleteLater()
        self.editors = {}
        for _segment, kind, editor_class in editors_in_agenda_order():
            editor = editor_class(self._services)
            self.editors[kind] = editor
            self.stack.addWidget(editor)
        self.show_meeting(opened)

    def show_meeting(self, opened: OpenedMeeting) -> None:
        """Give the existing editors another meeting's context and content."""
        assert opened.meeting.uuid is not None
        context = PaneContext(opened.case.id, opened.meeting.uuid, opened.meeting.meeting_date)
        for kind, editor in self.editors.items():
            editor.set_context(context)
            editor.set_content(opened.content(kind))
            editor.set_read_only(opened.read_only)

    def bring_forward(self, kind: PaneKind) -> StructuredPane:
        editor = self.editors[kind]
        self.stack.setCurrentWidget(editor)
        return editor


def settle() -> None:
    """Run the event loop until nothing is left to do now (layouts, deferred deletes, paints)."""
    app = QCoreApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        # Outside a running event loop Qt never deletes what deleteLater() marked; the app's
        # own loop would, so do it here (else removed rows pile up and slow what follows).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
