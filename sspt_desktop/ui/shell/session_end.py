"""Ending well when the desktop ends us: logout, shutdown, or a polite ``kill``.

Qt's event loop runs in C++, so a Python signal handler would wait for the next Python
callback; a wake-up descriptor on a socket pair turns SIGTERM/SIGINT/SIGHUP into a Qt event
at once. The session manager's "commit data" request flushes the autosave before logout.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QGuiApplication, QSessionManager

_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class SessionEndHandler(QObject):
    """Quits the application cleanly on termination signals; saves on logout.

    Signals: none. It calls ``save_now`` (the autosave flush) before anything ends.
    """

    def __init__(self, app: QGuiApplication, save_now: Callable[[], bool]) -> None:
        super().__init__(app)
        self._app = app
        self._save_now = save_now
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno())
        for number in _SIGNALS:
            signal.signal(number, lambda *_: None)  # the wake-up byte does the work
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_signal)
        app.commitDataRequest.connect(self._on_commit_data)

    def _on_signal(self) -> None:
        try:
            self._reader.recv(64)
        except BlockingIOError:
            return
        # Save first; quitting then runs the normal shutdown, which saves again and closes.
        self._save_now()
        self._app.quit()

    def _on_commit_data(self, manager: QSessionManager) -> None:
        self._save_now()
