"""The timer's commands as actions: one place for their names, keys and enabled state.

The same actions sit in the Meeting menu, behind the timer panel's buttons and in the
timekeeper window, so a key works in either window and a button shows the key in its tooltip.

During a meeting the recorder's cursor is almost always in a pane, so no timer key may be one
that text editing uses: a recorder moving by word or paragraph must never move the meeting.
Ctrl+Left / Ctrl+Right (word by word) and Ctrl+Up / Ctrl+Down (paragraph by paragraph in most
word processors, and in Qt on macOS) are therefore left to the editor, as are Ctrl+Plus /
Ctrl+Minus (text size).

- Ctrl+PgDown / Ctrl+PgUp step to the next / previous agenda segment, the way tabbed programs
  move between tabs. No standard key binds them and neither a plain-text editor nor a line
  edit handles them. A drop-down list, a list or a spin box does move on PgUp / PgDown whatever
  the modifiers, which is why these keys are never let through to the pane (below).
- Alt+Plus / Alt+Minus add / take off a minute, as the panel's "+1 min" / "-1 min" read (Alt+=
  too, the Plus key without Shift on many keyboards; the keypad's + and - work as well). No control
  in the window acts on them: editors neither claim them (ShortcutOverride) nor type them, and
  drop-down lists, lists, spin boxes and check boxes ignore them. Alt+Up / Alt+Down, the
  earlier pair, are a drop-down list's own keys (Alt+Down opens its list) and move a list's or
  a spin box's value, so they stay the controls'. Set aside too: Ctrl+Shift+Up/Down select to a
  paragraph's edge in word processors; Ctrl+Alt+Up/Down switch workspaces in some window
  managers; Ctrl+Plus / Ctrl+Minus are the text size. On macOS Option+Minus types a dash, so a
  build for that platform needs another pair; ``tests/gui/test_editing_keys.py`` checks the
  bindings of the platform it runs on.
- F5 and Ctrl+Space start and pause anywhere (no editor handles either); plain Space only
  when the focus is not in a text field or another control that uses Space (see
  :meth:`MainWindow.keyPressEvent`).
- Ctrl+Shift+F finishes (after asking), Ctrl+T shows the timekeeper window, Ctrl+Shift+P pins
  the pane.

Because no key here is one an editor claims, the window's shortcuts fire from inside a pane
without any event filter overriding the editors.

A disabled action's key is not a shortcut at all: Qt hands it to the focused control, so
Ctrl+PgDown before Start (or on the last segment) would pick the next entry of a drop-down
list and save it. Each key therefore has a stand-in shortcut, enabled exactly while its action
is not, that takes the key and says in the status bar why nothing happened. The action stays
disabled, so the menu and the panel's buttons still show what cannot be done now.

Menu accelerators (the underlined letters) are unique within the Meeting menu in every timer
state: Start/Pause/Resume take S/P/R, so Previous is Pre&vious and Rebalance Re&balance.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from sspt_desktop.domain.meeting_clock import ClockSnapshot, ClockState
from sspt_desktop.ui.timer.meeting_timer import MeetingTimer

# Controls for which a plain Space is theirs: text (read-only text too, where Space is not
# used but the recorder still reads or selects text), buttons and check boxes (press), lists
# (select) and drop-down lists and spin boxes (open, or type into).
_SPACE_TAKERS = (
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QLabel,
    QAbstractSpinBox,
    QComboBox,
    QAbstractButton,
    QAbstractItemView,
)


class TimerActions(QObject):
    """Creates the timer's actions, connects them to a :class:`MeetingTimer`, keeps them current.

    ``start_pause`` changes its text between Start, Pause and Resume with the timer's state;
    ``rebalance``, ``pin_pane``, ``timekeeper`` and ``chime`` are checkable. It has no signals of
    its own: each action's ``triggered`` / ``toggled`` is the signal.
    """

    def __init__(self, timer: MeetingTimer, window: QWidget) -> None:
        super().__init__(window)
        self._timer = timer
        self._window = window
        self.start_pause = self._make(
            self.tr("&Start timer"), ["F5", "Ctrl+Space"], timer.toggle_pause, "startPause"
        )
        self.previous = self._make(
            self.tr("Pre&vious segment"), ["Ctrl+PgUp"], timer.previous_segment, "previousSegment"
        )
        self.next = self._make(
            self.tr("&Next segment"), ["Ctrl+PgDown"], timer.next_segment, "nextSegment"
        )
        self.add_minute = self._make(
            self.tr("&Add a minute"), ["Alt++", "Alt+="], timer.add_minute, "addMinute"
        )
        self.remove_minute = self._make(
            self.tr("&Take off a minute"), ["Alt+-"], timer.remove_minute, "removeMinute"
        )
        self.finish = self._make(
            self.tr("&Finish meeting"), ["Ctrl+Shift+F"], self._confirm_finish, "finishMeeting"
        )
        self.start_pause.setIconText(self.tr("▶ Start"))
        self.previous.setIconText(self.tr("◀ Previous"))
        self.next.setIconText(self.tr("Next ▶"))
        self.add_minute.setIconText(self.tr("+1 min"))
        self.remove_minute.setIconText(self.tr("\u22121 min"))
        self.finish.setIconText(self.tr("Finish"))
        self.rebalance = self._make(
            self.tr("Re&balance later segments"), [], None, "rebalance", checkable=True
        )
        self.rebalance.setChecked(True)
        self.rebalance.toggled.connect(timer.set_rebalance)
        self.pin_pane = self._make(
            self.tr("P&in this pane"), ["Ctrl+Shift+P"], None, "pinPane", checkable=True
        )
        self.timekeeper = self._make(
            self.tr("&Timekeeper window"), ["Ctrl+T"], None, "timekeeperWindow", checkable=True
        )
        self.chime = self._make(self.tr("&Chime at warnings"), [], None, "chime", checkable=True)
        self._stand_ins: dict[str, QShortcut] = {}
        for action in (*self.commands, self.pin_pane):
            self._add_stand_in(action)
        timer.snapshotChanged.connect(self._update)
        timer.loaded.connect(lambda _loaded: self._update(None))
        self._update(None)

    @property
    def commands(self) -> list[QAction]:
        """The actions that drive the clock, for keys in every window that shows the timer."""
        return [
            self.start_pause,
            self.previous,
            self.next,
            self.add_minute,
            self.remove_minute,
            self.finish,
            self.timekeeper,
        ]

    def fill_menu(self, menu: QMenu) -> None:
        for action in (self.start_pause, self.previous, self.next):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.add_minute, self.remove_minute, self.rebalance):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.finish)
        menu.addSeparator()
        menu.addAction(self.pin_pane)

    def take_space(self, focus: QWidget | None) -> bool:
        """A plain Space the window got: start or pause, unless ``focus`` (the focused widget)
        is a text field or another control that uses Space; True when Space was taken.

        A read-only field ignores Space, so Space reaches the window from it: it must still not
        start the timer, since the recorder may be reading a closed meeting or a carried goal.
        """
        widget = focus
        while widget is not None and widget is not self._window:
            if isinstance(widget, _SPACE_TAKERS):
                return False
            widget = widget.parentWidget()
        if not self.start_pause.isEnabled():
            return False
        self.start_pause.trigger()
        return True

    def _confirm_finish(self) -> None:
        """Finishing cannot be undone, and its key is one Shift away from Find: ask first."""
        answer = QMessageBox.question(
            self._window,
            self.tr("Finish the meeting's timer?"),
            self.tr(
                "The timer stops for good for this meeting; the times so far are kept. Finish now?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._timer.finish()

    def _make(
        self,
        text: str,
        keys: list[str],
        slot: Callable[[], object] | None,
        name: str,
        *,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setCheckable(checkable)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.iconText()} ({shown})")
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    def _add_stand_in(self, action: QAction) -> None:
        """Take ``action``'s keys while it is disabled, so they never reach the focused control
        (see the module note)."""
        if not action.shortcuts():
            return
        stand_in = QShortcut(self._window)
        stand_in.setObjectName(f"{action.objectName()}Unavailable")
        stand_in.setKeys(action.shortcuts())
        stand_in.setContext(Qt.ShortcutContext.WindowShortcut)
        # Exactly one of the action and its stand-in is enabled at any time: two enabled
        # shortcuts on one key would be ambiguous and neither would fire.
        stand_in.setEnabled(not action.isEnabled())
        action.enabledChanged.connect(lambda enabled: stand_in.setEnabled(not enabled))
        stand_in.activated.connect(lambda: self._say_unavailable(action))
        self._stand_ins[action.objectName()] = stand_in

    def _say_unavailable(self, action: QAction) -> None:
        """A key whose command cannot run now: say why, so the key does not look broken."""
        if isinstance(self._window, QMainWindow):
            self._window.statusBar().showMessage(self._why_unavailable(action), 5000)

    def _why_unavailable(self, action: QAction) -> str:
        state = self._timer.state
        if state is None:
            return self.tr("No meeting's timer is open.")
        if state is ClockState.FINISHED:
            return self.tr("This meeting's timer is finished.")
        if state is ClockState.NOT_STARTED and action in (self.previous, self.next, self.finish):
            return self.tr("The timer has not started yet (F5 starts it).")
        if action is self.previous:
            return self.tr("This is the first segment: there is none before it.")
        if action is self.next:
            return self.tr("This is the last segment: Finish (Ctrl+Shift+F) ends the meeting.")
        return self.tr("%1 is not available now.").replace("%1", action.iconText())

    def _update(self, snapshot: object) -> None:
        state = self._timer.state
        loaded = state is not None
        running = state is ClockState.RUNNING
        active = state in (ClockState.RUNNING, ClockState.PAUSED)
        if state is ClockState.NOT_STARTED or state is None:
            text, icon_text = self.tr("&Start timer"), self.tr("▶ Start")
        elif running:
            text, icon_text = self.tr("&Pause timer"), self.tr("❚❚ Pause")
        elif state is ClockState.PAUSED:
            text, icon_text = self.tr("&Resume timer"), self.tr("▶ Resume")
        else:
            text, icon_text = self.tr("Meeting finished"), self.tr("Finished")
        if self.start_pause.text() != text:
            self.start_pause.setText(text)
            self.start_pause.setIconText(icon_text)
            self.start_pause.setToolTip(f"{icon_text} (F5, Ctrl+Space, Space)")
        self.start_pause.setEnabled(loaded and state is not ClockState.FINISHED)
        self.finish.setEnabled(active)
        # There is nothing to step to past either end of the agenda: a Next that did nothing
        # on the last segment would look like a broken key at the end of every meeting.
        shown = snapshot if isinstance(snapshot, ClockSnapshot) else self._timer.snapshot
        index, count = (shown.index, shown.segment_count) if shown is not None else (0, 0)
        self.previous.setEnabled(active and index > 0)
        self.next.setEnabled(active and index < count - 1)
        for action in (self.add_minute, self.remove_minute):
            action.setEnabled(loaded and state is not ClockState.FINISHED)
        self.rebalance.setEnabled(loaded and state is not ClockState.FINISHED)
        self.pin_pane.setEnabled(loaded)
