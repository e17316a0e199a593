"""The composition root: window → paths → lock → key → engine → services → attached window.

Every dependency is built here and handed down through constructors; nothing below looks
anything up globally. The main window is shown before the record is opened: the database
layers (SQLAlchemy, keyring, Alembic) are imported only then, so the window appears about as
fast as a bare Qt window, and a passphrase prompt has a window to sit on. ``launch`` does the
same steps without entering the event loop, so tests drive exactly what a person launches.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sspt_desktop import __version__
from sspt_desktop.security.database_key import KeyMode
from sspt_desktop.security.errors import KeyProblem, UnlockCancelled
from sspt_desktop.storage.errors import DataFolderInUse, StorageError
from sspt_desktop.storage.instance_lock import InstanceLock
from sspt_desktop.storage.locations import DataLocations
from sspt_desktop.ui.shell.autosave_status import AutosaveSignals
from sspt_desktop.ui.shell.crash_report import install_crash_handler
from sspt_desktop.ui.shell.main_window import MainWindow
from sspt_desktop.ui.shell.passphrase_dialog import DialogUnlockPrompts
from sspt_desktop.ui.shell.record_services import RecordServices
from sspt_desktop.ui.shell.resources import load_pane_prompts, load_stylesheet
from sspt_desktop.ui.shell.session_end import SessionEndHandler

if TYPE_CHECKING:
    from sspt_desktop.security.keychain import Keychain
    from sspt_desktop.security.unlock import UnlockPrompts
    from sspt_desktop.services.autosave import PaneAutosaver
    from sspt_desktop.services.clean_shutdown import CleanShutdownMarker
    from sspt_desktop.services.record_opening import OpenRecord

log = logging.getLogger("sspt_desktop")

DEMO_PREFIX = "sspt-demo-"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="sspt-desktop",
        description="Run a Student Support and Progress Team meeting, offline and encrypted.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--demo",
        action="store_true",
        help="open a throwaway database with a sample student (deleted on exit)",
    )
    where.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="keep every file the app writes under DIR (portable mode)",
    )
    parser.add_argument("--version", action="version", version=f"SSPT Desktop {__version__}")
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help=argparse.SUPPRESS,  # smoke tests and the startup benchmark
    )
    return parser.parse_args(argv)


def security_text(record: OpenRecord) -> str:
    mode = record.unlocked.mode
    if mode is KeyMode.KEYCHAIN:
        text = QCoreApplication.translate("app", "🔒 Key in keychain (%1)")
        return text.replace("%1", record.unlocked.store_name)
    if mode is KeyMode.PASSPHRASE:
        return QCoreApplication.translate("app", "🔒 Passphrase protected")
    return QCoreApplication.translate("app", "Demo: throwaway database, key in memory only")


def _configure_logging(locations: DataLocations) -> logging.Handler:
    # Events and errors only: the log never receives student names or what was typed.
    locations.logs_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        locations.logs_dir / "sspt-desktop.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


@dataclass
class RunningApp:
    """Everything :func:`launch` built; :meth:`shutdown` saves and releases it in order."""

    record: OpenRecord
    window: MainWindow
    autosaver: PaneAutosaver
    demo_dir: Path | None = None
    log_handler: logging.Handler | None = None
    marker: CleanShutdownMarker | None = None
    closed: bool = field(default=False)
    saved: bool = field(default=True)

    def shutdown(self) -> bool:
        """Save and release everything; whether the last typing was saved (asked again, the
        first answer)."""
        if self.closed:
            return self.saved
        self.closed = True
        # The meeting timer's last state and the panes' last edits go to the record first.
        self.window.prepare_to_quit()
        saved = self.saved = self.autosaver.close()
        self.record.close()
        # Last, once everything that could be saved is: the next start then says nothing.
        # Also when the last typing could not be saved: the person chose to quit after the
        # warning, so the app did not stop unexpectedly.
        if self.marker is not None:
            self.marker.clear()
        if self.log_handler is not None:
            logging.getLogger().removeHandler(self.log_handler)
            self.log_handler.close()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)
        return saved


@dataclass(frozen=True)
class StartingApp:
    """The shown window and where its record lives, before the record is opened."""

    window: MainWindow
    locations: DataLocations
    signals: AutosaveSignals
    demo_dir: Path | None


def _sweep_abandoned_demos() -> None:
    """Delete demo folders left by a demo that was killed (its key died with it, so they can
    never be read); a folder whose lock is held belongs to a demo still running, and a very
    new one to a demo still starting (the lock is taken when its record opens)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        try:
            if time.time() - folder.stat().st_mtime < 60:
                continue
        except OSError:
            continue
        lock = InstanceLock(DataLocations(folder).lock_file)
        try:
            lock.acquire()
        except (DataFolderInUse, OSError):
            continue
        lock.release()
        shutil.rmtree(folder, ignore_errors=True)


def show_window(
    args: argparse.Namespace, clock: Callable[[], float] = time.monotonic
) -> StartingApp:
    """Show the main window, empty, with the settings of the record's folder."""
    if args.demo:
        _sweep_abandoned_demos()
    demo_dir = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX)) if args.demo else None
    if demo_dir is not None:
        locations = DataLocations(demo_dir)
    else:
        locations = DataLocations(args.data_dir) if args.data_dir else DataLocations.default()
    settings = QSettings(str(locations.data_dir / "settings.ini"), QSettings.Format.IniFormat)
    signals = AutosaveSignals()
    window = MainWindow(signals, load_pane_prompts(), settings, clock)
    signals.setParent(window)
    window.show()
    return StartingApp(window, locations, signals, demo_dir)


def _open(starting: StartingApp, keychain: Keychain, prompts: UnlockPrompts) -> OpenRecord:
    from sspt_desktop.services.demo_data import seed_demo_record
    from sspt_desktop.services.record_opening import open_memory_keyed_record, open_record

    if starting.demo_dir is not None:
        record = open_memory_keyed_record(starting.locations)
        seed_demo_record(record.sessions)
        return record
    return open_record(starting.locations, keychain, prompts)


def open_into(
    starting: StartingApp,
    keychain: Keychain | None = None,
    prompts: UnlockPrompts | None = None,
) -> RunningApp | None:
    """Open the record and give the window its services; ``None`` if the person gave up.

    Problems of the environment are shown in a message that says what is safe and what to
    do; the person may retry where retrying can help.
    """
    from sspt_desktop.security.keychain import Keychain
    from sspt_desktop.services.agenda_catalog import AgendaCatalog
    from sspt_desktop.services.autosave import PaneAutosaver
    from sspt_desktop.services.clean_shutdown import CleanShutdownMarker
    from sspt_desktop.services.interrupted_meeting import InterruptedMeetingFinder
    from sspt_desktop.services.intervention_catalog import InterventionCatalog
    from sspt_desktop.services.meeting_record import MeetingRecordService
    from sspt_desktop.services.meeting_session import MeetingSessionService
    from sspt_desktop.services.meeting_timing import MeetingTimingService
    from sspt_desktop.services.notes_export import NotesExport
    from sspt_desktop.services.team_interventions import StoredTeamInterventions

    keychain = keychain or Keychain()
    prompts = prompts or DialogUnlockPrompts(starting.window)
    while True:
        try:
            record = _open(starting, keychain, prompts)
            break
        except UnlockCancelled:
            return None
        except (StorageError, KeyProblem) as exc:
            log.warning("Could not open the record: %s", type(exc).__name__)
            if not _offer_retry(str(exc), starting.window):
                return None
    record_service = MeetingRecordService(record.sessions)
    session = MeetingSessionService(record.sessions)
    autosaver = PaneAutosaver(session.save_content_batch, on_report=starting.signals.callback())
    library = InterventionCatalog(StoredTeamInterventions(record.sessions))
    agendas = AgendaCatalog(record.sessions)
    timing = MeetingTimingService(record.sessions)
    window = starting.window
    window.attach_record(
        RecordServices(
            record=record_service,
            students=record_service.students,
            session=session,
            library=library,
            agendas=agendas,
            autosaver=autosaver,
            notes=NotesExport(session, agendas.for_meeting, timing.timings),
            timing=timing,
            security_text=security_text(record),
        )
    )
    # What the last run left is read before this run marks itself running.
    marker = CleanShutdownMarker(record.locations)
    last_run = marker.last_run()
    marker.start()
    window.meetingOpened.connect(marker.meeting_opened)
    running = RunningApp(
        record,
        window,
        autosaver,
        starting.demo_dir,
        _configure_logging(record.locations),
        marker,
    )
    if not last_run.clean:
        log.warning("The last run did not shut down cleanly")
    # Right after the record opens, not when the recorder happens to find the student again.
    try:
        interrupted = InterruptedMeetingFinder(record.sessions, agendas.for_meeting).find(last_run)
    except Exception as exc:  # the meeting is still there when the student is opened
        log.warning("Could not look for an interrupted meeting: %s", type(exc).__name__)
        interrupted = None
    if interrupted is not None:
        log.warning("The last run stopped during a meeting; reopening it")
        window.reopen_interrupted(interrupted)
    elif starting.demo_dir is not None:
        first = record_service.find_students("Reyes")
        if first and first[0].id is not None:
            window.open_student(first[0].id)
    log.info("SSPT Desktop %s started (%s)", __version__, record.unlocked.mode.value)
    return running


def launch(
    args: argparse.Namespace,
    keychain: Keychain | None = None,
    prompts: UnlockPrompts | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> RunningApp | None:
    """Show the window and open the record into it; ``None`` if the person could not go on.

    A QApplication must exist. ``clock`` is the monotonic clock of the meeting timer (tests
    pass a fake one to run a whole meeting in milliseconds).
    """
    starting = show_window(args, clock)
    running = open_into(starting, keychain, prompts)
    if running is None:
        _abandon(starting)
    return running


def _abandon(starting: StartingApp) -> None:
    starting.window.close()
    starting.window.deleteLater()
    if starting.demo_dir is not None:
        shutil.rmtree(starting.demo_dir, ignore_errors=True)


def _offer_retry(message: str, parent: QWidget | None = None) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, "SSPT Desktop", message, parent=parent)
    box.setInformativeText(QCoreApplication.translate("app", "No data was changed."))
    box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    return box.exec() == QMessageBox.StandardButton.Retry


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("SSPT Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SSPT Desktop")
    app.setStyleSheet(load_stylesheet())
    starting = show_window(args)
    if args.quit_after_start:
        # Smoke tests and the start-up benchmark read these lines.
        QTimer.singleShot(0, lambda: print(f"main-window-shown {time.time():.4f}", flush=True))
    opened: list[RunningApp] = []

    def finish_start() -> None:
        running = open_into(starting)
        if running is None:
            _abandon(starting)
            app.exit(2)
            return
        opened.append(running)
        install_crash_handler(running.record.locations.logs_dir, running.autosaver.flush)
        SessionEndHandler(app, running.autosaver.flush)
        app.aboutToQuit.connect(running.shutdown)
        if args.quit_after_start:
            print(f"record-ready {time.time():.4f}", flush=True)
            running.window.close()

    # After the first paint, so the window is on screen while the record opens.
    QTimer.singleShot(0, finish_start)
    code = app.exec()
    if not opened:
        return code or 2
    saved = opened[0].shutdown()
    return code if saved else 1
