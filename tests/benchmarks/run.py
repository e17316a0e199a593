"""Measure SSPT Desktop on a five-year record of a large school; print one JSON object.

    python tests/benchmarks/run.py [--quick] [--runs N] [--keep DIR] [--students N --meetings M]
        [--search-students N --search-meetings M]
    python tests/benchmarks/run.py --soak [MINUTES]


Run from the repository root inside the project's virtualenv. Only the JSON object goes to
stdout; progress goes to stderr. Every figure is taken in keychain mode: the real Secret Service
when there is one (started in a private ``dbus-run-session`` with a throwaway GNOME Keyring if
need be), otherwise the file keyring of ``tests/support`` (``keychain_backend`` says which).

Each figure comes from a function in :data:`MEASUREMENTS` that returns a dict; add a figure by
adding one function (or one ``script_figures`` call for a separate script) to that list.

``--soak`` is a separate long mode, never part of the default run: the real app with a meeting
running on the real clock for MINUTES of wall time (default 30), see :func:`measure_soak`. It
exits with 1 (``"soak_ok": false`` and the reasons in ``soak_failures``) when the app did not
survive or its memory grew by more than 10 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
GENERATOR = HERE / "generate_database.py"
SOAK_CHILD = HERE / "soak_child.py"
SOAK_SAMPLE_S = 30.0
# More resident memory than this after the first minute fails the soak: a leak that size over
# half an hour is what kills a long meeting on a school laptop.
SOAK_RSS_GROWTH_LIMIT_MB = 10.0

# Set by this script when it re-runs itself inside a private D-Bus session.
IN_SESSION_ENV = "SSPT_BENCH_IN_DBUS_SESSION"
WORKSPACE_ENV = "SSPT_BENCH_WORKSPACE"
# The throwaway GNOME Keyring's password. It guards only the benchmark's own keyring (which lives
# in the benchmark workspace); an empty password would not create the "login" collection.
KEYRING_PASSWORD_ENV = "SSPT_BENCH_KEYRING_PASSWORD"
KEYRING_PASSWORD = "sspt-benchmark"
FILE_KEYRING = "tests.support.file_keyring.FileKeyring"
PROBE_SERVICE = "SSPT Desktop benchmark probe"

MARKER = "main-window-shown "
# The app shows its window first and then opens the record; this line says the record is open
# and the student list is filled (the bare window never prints it).
READY_MARKER = "record-ready "
DATASET_META = "dataset.json"
# The second record, for search on a district-sized list of students.
LARGE_META = "dataset-large.json"

FLOOR_SCRIPT = """\
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()

def report():
    print(f"main-window-shown {time.time():.4f}", flush=True)
    window.close()

QTimer.singleShot(0, report)
sys.exit(app.exec())
"""


def say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


@dataclass
class Bench:
    """What every measurement needs: options, the generated record, the children's environment."""

    args: argparse.Namespace
    workspace: Path
    record_dir: Path
    child_env: dict[str, str]
    keychain_backend: str
    dataset: dict[str, Any] = field(default_factory=dict)

    @property
    def runs(self) -> int:
        return int(self.args.runs)


# ----------------------------------------------------------------------------------------------
# Keychain: the real Secret Service if possible, else the file keyring of tests/support.


def _secret_service_works() -> str | None:
    """The name of a secure keyring backend that stores and reads back a probe, else ``None``."""
    import keyring

    from sspt_desktop.security.keychain import Keychain

    keychain = Keychain()
    status = keychain.status()
    if not status.usable:
        return None
    try:
        keyring.set_password(PROBE_SERVICE, "probe", "ok")
        works = keyring.get_password(PROBE_SERVICE, "probe") == "ok"
        keyring.delete_password(PROBE_SERVICE, "probe")
    except Exception as exc:  # locked, no collection, no bus: any failure means "not usable"
        say(f"secret service probe failed: {type(exc).__name__}: {exc}")
        return None
    return status.backend_name if works else None


def _reexec_in_session(argv: list[str], workspace: Path) -> int:
    """Run this script again inside a private D-Bus session with an unlocked GNOME Keyring."""
    keyring_home = workspace / "keychain"
    keyring_home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        {
            IN_SESSION_ENV: "1",
            WORKSPACE_ENV: str(workspace),
            KEYRING_PASSWORD_ENV: KEYRING_PASSWORD,
            # gnome-keyring keeps its files in $XDG_DATA_HOME/keyrings: the benchmark workspace,
            # never the person's own keyring.
            "XDG_DATA_HOME": str(keyring_home),
        }
    )
    shell = (
        'printf %s "$SSPT_BENCH_KEYRING_PASSWORD" | '
        "gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        'unset SSPT_BENCH_KEYRING_PASSWORD; exec "$@"'
    )
    command = ["dbus-run-session", "--", "sh", "-c", shell, "sh", sys.executable, *argv]
    say("starting a private D-Bus session with GNOME Keyring")
    return subprocess.run(command, env=env, cwd=REPO_ROOT, check=False).returncode


def _use_file_keyring(workspace: Path) -> dict[str, str]:
    import keyring.core

    extra = {
        "PYTHON_KEYRING_BACKEND": FILE_KEYRING,
        "SSPT_TEST_KEYRING_FILE": str(workspace / "keychain" / "file-keyring.json"),
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    (workspace / "keychain").mkdir(parents=True, exist_ok=True)
    os.environ.update(extra)
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    keyring.core.init_backend()  # pick up PYTHON_KEYRING_BACKEND in this process too
    return extra


# ----------------------------------------------------------------------------------------------
# The generated record, reused from a kept workspace when it matches.


def _prepare_dataset(bench: Bench) -> None:
    args = bench.args
    bench.dataset = _prepare_record(
        bench, bench.record_dir, DATASET_META, args.students, args.meetings
    )


def _prepare_record(
    bench: Bench, record_dir: Path, meta_name: str, students: int, meetings: int
) -> dict[str, Any]:
    """Generate a record in ``record_dir`` (or reuse a kept one made with the same options);
    what the generator reported, with ``generated_now``."""
    args = bench.args
    wanted = {
        "students": students,
        "meetings": meetings,
        "seed": args.seed,
        "keychain_backend": bench.keychain_backend,
    }
    meta_path = bench.workspace / meta_name
    if meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if all(meta.get(k) == v for k, v in wanted.items()) and _key_loads(record_dir):
            say(f"reusing the record in {record_dir}")
            return dict(meta) | {"generated_now": False}
        say("the kept record does not match these options; generating a new one")
        _forget_key(record_dir)
        shutil.rmtree(record_dir, ignore_errors=True)
        meta_path.unlink()
    say(f"generating {students} students and {meetings} meetings")
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            str(GENERATOR),
            str(record_dir),
            f"--students={students}",
            f"--meetings={meetings}",
            f"--seed={args.seed}",
        ],
        env=bench.child_env,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    generated = json.loads(done.stdout)
    generated["generate_wall_s"] = round(time.perf_counter() - started, 2)
    meta = generated | wanted
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return dict(meta) | {"generated_now": True}


def _database_id(record_dir: Path) -> str | None:
    from sspt_desktop.security.database_key import KeyEnvelope

    envelope = record_dir / "key.json"
    return KeyEnvelope.load(envelope).database_id if envelope.exists() else None


def _key_loads(record_dir: Path) -> bool:
    from sspt_desktop.security.keychain import Keychain

    database_id = _database_id(record_dir)
    if database_id is None:
        return False
    try:
        Keychain().load(database_id)
    except Exception:
        return False
    return True


def _forget_key(record_dir: Path) -> None:
    from sspt_desktop.security.keychain import Keychain

    database_id = _database_id(record_dir)
    if database_id is not None:
        with contextlib.suppress(Exception):
            Keychain().delete(database_id)


# ----------------------------------------------------------------------------------------------
# Child processes: time to the first shown window, and their peak memory.


@dataclass(frozen=True, slots=True)
class Launch:
    seconds: float
    peak_rss_mb: float | None
    ready_seconds: float | None = None


def _launch(command: list[str], env: dict[str, str], timeout_s: float = 120.0) -> Launch:
    """Start ``command``; seconds until it prints the marker, and its own peak RSS."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors:
        started = time.time()
        proc = subprocess.Popen(
            command, env=env, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=errors, text=True
        )
        watchdog = threading.Timer(timeout_s, proc.kill)  # only this child, by its handle
        watchdog.start()
        shown: float | None = None
        ready: float | None = None
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith(MARKER) and shown is None:
                    shown = float(line[len(MARKER) :].split()[0])
                elif line.startswith(READY_MARKER) and ready is None:
                    ready = float(line[len(READY_MARKER) :].split()[0])
        finally:
            watchdog.cancel()
        rss_mb = _reap(proc)
        if shown is None or proc.returncode != 0:
            errors.seek(0)
            tail = errors.read()[-3000:]
            raise RuntimeError(
                f"{command[:4]} exited with {proc.returncode} "
                f"{'before showing a window' if shown is None else ''}:\n{tail}"
            )
    return Launch(shown - started, rss_mb, None if ready is None else ready - started)


def _reap(proc: subprocess.Popen[str]) -> float | None:
    """Wait for ``proc``; its peak RSS in MB from wait4, which reports this one child only."""
    if not hasattr(os, "wait4"):
        proc.wait()
        return None
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / (1024 * 1024)
    return round(usage.ru_maxrss * scale, 1)


def measure_startup(bench: Bench) -> dict[str, Any]:
    """startup_s, floor_s, startup_ratio, rss_mb: app against a bare PySide6 window."""
    env = bench.child_env | {"QT_QPA_PLATFORM": "offscreen"}
    app = [
        sys.executable,
        "-m",
        "sspt_desktop",
        "--data-dir",
        str(bench.record_dir),
        "--quit-after-start",
    ]
    floor = [sys.executable, "-c", FLOOR_SCRIPT]
    say("startup: one warm-up launch of each, not counted")
    _launch(app, env)
    _launch(floor, env)
    apps: list[Launch] = []
    floors: list[Launch] = []
    for run in range(bench.runs):
        floors.append(_launch(floor, env))
        apps.append(_launch(app, env))
        say(
            f"startup run {run + 1}/{bench.runs}: app {apps[-1].seconds:.3f} s, floor "
            f"{floors[-1].seconds:.3f} s, app peak {apps[-1].peak_rss_mb} MB"
        )
    startup = median([a.seconds for a in apps])
    ready = [a.ready_seconds for a in apps if a.ready_seconds is not None]
    floor_s = median([f.seconds for f in floors])
    rss = [a.peak_rss_mb for a in apps if a.peak_rss_mb is not None]
    floor_rss = [f.peak_rss_mb for f in floors if f.peak_rss_mb is not None]
    return {
        "startup_s": round(startup, 3),
        "floor_s": round(floor_s, 3),
        "startup_ratio": round(startup / floor_s, 2),
        # Process start to the record open and the student list filled, window already shown.
        "ready_s": round(median(ready), 3) if ready else None,
        "rss_mb": max(rss) if rss else None,
        "floor_rss_mb": max(floor_rss) if floor_rss else None,
        "startup_samples_s": [round(a.seconds, 3) for a in apps],
        "floor_samples_s": [round(f.seconds, 3) for f in floors],
    }


# ----------------------------------------------------------------------------------------------
# In-process: opening the record, and an edit's way to a durable commit.


class _NoPerson:
    """Unlock prompts that never answer: in keychain mode nobody is asked anything."""

    def ask_passphrase(self, message: str) -> str | None:
        return None

    def choose_passphrase(self, message: str) -> str | None:
        return None


def _ms(seconds: list[float]) -> float:
    return round(median(seconds) * 1000, 2)


def measure_open_db(bench: Bench) -> dict[str, Any]:
    """open_db_ms: open_record as the app calls it (envelope, keychain, engine, schema check)."""
    from sspt_desktop.security.keychain import Keychain
    from sspt_desktop.security.unlock import unlock
    from sspt_desktop.services.record_opening import open_record
    from sspt_desktop.storage import schema_upgrade
    from sspt_desktop.storage.database import open_engine
    from sspt_desktop.storage.instance_lock import InstanceLock
    from sspt_desktop.storage.locations import DataLocations

    locations = DataLocations(bench.record_dir)
    repeats = max(5, bench.runs * 4)
    open_record(locations, Keychain(), _NoPerson()).close()  # warm-up: imports, file cache
    whole: list[float] = []
    for _ in range(repeats):
        started = time.perf_counter()
        record = open_record(locations, Keychain(), _NoPerson())
        whole.append(time.perf_counter() - started)
        record.close()
    # The same steps one by one, to show where the time goes.
    steps = ("prepare_and_lock", "unlock", "open_engine", "schema_check")
    parts: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeats):
        marks = [time.perf_counter()]
        locations.prepare()
        lock = InstanceLock(locations.lock_file)
        lock.acquire()
        marks.append(time.perf_counter())
        unlocked = unlock(locations.database, locations.key_envelope, Keychain(), _NoPerson())
        marks.append(time.perf_counter())
        engine = open_engine(locations.database, unlocked.key)
        marks.append(time.perf_counter())
        schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
        marks.append(time.perf_counter())
        engine.dispose()
        lock.release()
        for name, before, after in zip(steps, marks[:-1], marks[1:], strict=True):
            parts[name].append(after - before)
    say(f"open_db: {_ms(whole)} ms")
    return {
        "open_db_ms": _ms(whole),
        "open_db_breakdown_ms": {name: _ms(values) for name, values in parts.items()},
    }


def _structured_edit(content: Any, edit: int, meeting: Any) -> Any:
    """The pane's content after one small edit a recorder might make (number ``edit``).
    Goals and plan rows agreed in an earlier, closed meeting stay as they are."""
    import uuid
    from dataclasses import replace

    from sspt_desktop.domain.brainstorm_pane import Idea
    from sspt_desktop.domain.strengths_pane import Strength

    name = type(content).__name__  # the content's own type says what to change
    if name == "WelcomeContent":
        return replace(content, purpose=f"Agree on a reading plan (revision {edit}).")
    if name == "StrengthsContent":
        return replace(content, items=(*content.items[:4], Strength(f"Helps peers, {edit}")))
    if name == "ProblemContent":
        return replace(content, where_and_when=f"Mornings in class, edit {edit}")
    if name == "GoalsContent" and content.goals and content.goals[0].introduced_in == meeting:
        first = replace(content.goals[0], condition=f"in class, with a timer (edit {edit})")
        return replace(content, goals=(first, *content.goals[1:]))
    if name == "BrainstormContent":
        idea = Idea(uuid.uuid4(), f"Lunch bunch with the counselor ({edit})")
        return replace(content, ideas=(*content.ideas[:6], idea))
    if name == "PlanContent" and content.rows and content.rows[0].introduced_in == meeting:
        first = replace(content.rows[0], how_often=f"{edit % 4 + 1} times a week")
        return replace(content, rows=(first, *content.rows[1:]))
    return replace(content, notes=f"{content.notes}\nFollow-up note {edit}: call home.")


def measure_autosave(bench: Bench) -> dict[str, Any]:
    """autosave_ms: PaneAutosaver.submit + flush of structured content until durably committed.

    On an initial meeting in progress (its goals and plan rows are its own, so they can
    change): each edit changes one pane kind in turn (the purpose, a strength added, where the
    problem happens, a goal's condition, an idea added, a plan row's frequency, the closure
    notes), so goal and plan-item rows are written in the same commit as the pane.
    """
    from sspt_desktop.domain.pane_kinds import PaneKind
    from sspt_desktop.security.keychain import Keychain
    from sspt_desktop.services.autosave import PaneAutosaver
    from sspt_desktop.services.meeting_session import MeetingSessionService
    from sspt_desktop.services.record_opening import open_record
    from sspt_desktop.storage.locations import DataLocations

    sys.path.insert(0, str(HERE))
    from bench_record import meetings_in_progress

    edits = 14 if bench.args.quick else 70
    record = open_record(DataLocations(bench.record_dir), Keychain(), _NoPerson())
    try:
        with record.engine.connect() as conn:
            synchronous = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        candidates = meetings_in_progress(record, 200)
        chosen = next((m for m in candidates if m.meeting_type == "initial"), candidates[0])
        service = MeetingSessionService(record.sessions)
        opened = service.meeting(chosen.meeting_id)
        original = {kind: opened.content(kind) for kind in PaneKind}
        current = dict(original)
        kinds = list(PaneKind)
        autosaver = PaneAutosaver(service.save_content_batch)
        flushes: list[float] = []
        try:
            for edit in range(edits):
                kind = kinds[edit % len(kinds)]
                current[kind] = _structured_edit(current[kind], edit, opened.meeting.uuid)
                started = time.perf_counter()
                autosaver.submit(chosen.meeting_id, kind, current[kind])
                if not autosaver.flush():
                    raise RuntimeError(f"autosave did not finish: {autosaver.last_error!r}")
                flushes.append(time.perf_counter() - started)
        finally:
            autosaver.close()
        # A refused pane is reported, not raised: check that every edit was stored.
        stored = service.meeting(chosen.meeting_id)
        refused = [kind.value for kind in kinds if stored.content(kind) != current[kind]]
        if refused:
            raise RuntimeError(f"autosave did not store the {refused} panes")
        direct: list[float] = []
        for edit in range(edits):
            kind = kinds[edit % len(kinds)]
            current[kind] = _structured_edit(current[kind], edit + edits, opened.meeting.uuid)
            started = time.perf_counter()
            service.save_content_batch({chosen.meeting_id: {kind: current[kind]}})
            direct.append(time.perf_counter() - started)
        stored = service.meeting(chosen.meeting_id)
        if any(stored.content(kind) != current[kind] for kind in kinds):
            raise RuntimeError("the stored content differs from what was saved")
        service.save_content_batch({chosen.meeting_id: original})  # leave the record as it was
    finally:
        record.close()
    say(f"autosave: {_ms(flushes)} ms (synchronous={synchronous})")
    return {
        "autosave_ms": _ms(flushes),
        "autosave_max_ms": round(max(flushes) * 1000, 2),
        "save_content_batch_ms": _ms(direct),
        "autosave_edits": edits,
        "autosave_meeting_type": chosen.meeting_type,
        "sqlite_synchronous": {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(
            synchronous, synchronous
        ),
    }


def script_figures(bench: Bench, script: str, *extra: str) -> dict[str, Any]:
    """Figures from a separate benchmark script in this folder that prints one JSON object."""
    done = subprocess.run(
        [sys.executable, str(HERE / script), *extra],
        env=bench.child_env | {"QT_QPA_PLATFORM": "offscreen"},
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def measure_search(bench: Bench) -> dict[str, Any]:
    """search_ms on the five-year record, search_ms_25k on a second record of 25,000 students
    (fewer meetings: search reads the students only), generated or reused like the first."""
    rounds = "1" if bench.args.quick else "3"
    figures = script_figures(bench, "student_search.py", str(bench.record_dir), "--rounds", rounds)
    large_dir = bench.workspace / "record-large"
    large = _prepare_record(
        bench, large_dir, LARGE_META, bench.args.search_students, bench.args.search_meetings
    )
    large_figures = script_figures(bench, "student_search.py", str(large_dir), "--rounds", rounds)
    # search_ms → search_ms_25k, search_max_ms → search_max_ms_25k, …
    figures |= {f"{key}_25k": value for key, value in large_figures.items() if key != "search_path"}
    figures["search_25k_generate_s"] = large.get("generate_s")
    say(f"search: {figures['search_ms']} ms, {figures['search_ms_25k']} ms on the large record")
    return figures


def measure_open_meeting(bench: Bench) -> dict[str, Any]:
    """open_meeting_ms: choosing a student to the meeting with all seven panes shown."""
    rounds = "2" if bench.args.quick else "5"
    figures = script_figures(bench, "open_meeting.py", str(bench.record_dir), "--rounds", rounds)
    say(f"open_meeting: {figures['open_meeting_ms']} ms")
    return figures


def measure_typing_stall(bench: Bench) -> dict[str, Any]:
    """typing_stall_ms_max: the longest event-loop stall typing into every pane kind."""
    seconds = "1" if bench.args.quick else "3"
    figures = script_figures(bench, "typing_stall.py", str(bench.record_dir), "--seconds", seconds)
    say(f"typing stall: {figures['typing_stall_ms_max']} ms")
    return figures


def measure_dataset(bench: Bench) -> dict[str, Any]:
    """What was measured on: size of the record and how long generating it took."""
    database = bench.record_dir / "sspt.db"
    return {
        "students": bench.dataset["students"],
        "meetings": bench.dataset["meetings"],
        "pane_texts": bench.dataset.get("pane_texts"),
        "db_size_mb": round(database.stat().st_size / 1_000_000, 2),
        "generate_s": bench.dataset.get("generate_s"),
        "generated_now": bench.dataset.get("generated_now"),
    }


# ----------------------------------------------------------------------------------------------
# The soak: a whole meeting in real time.


def _rss_mb(pid: int) -> float | None:
    """The process's resident memory now, from /proc (``None`` once it has gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def _counts(line: str) -> dict[str, int]:
    """``alive 30 none=N true=N false=N`` → the three reference counts."""
    return {k: int(v) for k, v in (part.split("=") for part in line.split()[2:])}


def measure_soak(minutes: float) -> dict[str, Any]:
    """soak_ok, soak_minutes_survived, soak_rss_growth_mb: the real app, a meeting, real time.

    The child (``soak_child.py``) runs ``main`` on the demo record offscreen, with the
    timekeeper window open and the timer running, typing and moving on now and then. Its
    resident memory is read from /proc every 30 s; the growth is the last reading minus the
    reading after the first minute (start-up and first paints are not growth).
    ``soak_ok`` is false, and ``soak_failures`` says why, when the app did not quit cleanly
    at the end or grew by more than :data:`SOAK_RSS_GROWTH_LIMIT_MB`.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p
    )
    say(f"soak: the app with a meeting running for {minutes:g} min of wall time")
    lines: list[str] = []
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors:
        started = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, str(SOAK_CHILD), str(minutes)],
            env=env,
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )

        def read() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line.strip())

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        samples: list[tuple[float, float]] = []  # (seconds since start, RSS MB)
        # The child ends itself after ``minutes``; this bound only catches a hang.
        deadline = started + minutes * 60 + 120
        while proc.poll() is None and time.monotonic() < deadline:
            rss = _rss_mb(proc.pid)
            if rss is not None:
                samples.append((time.monotonic() - started, rss))
                say(f"soak: {samples[-1][0] / 60:5.1f} min, RSS {rss} MB")
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=SOAK_SAMPLE_S)
        if proc.poll() is None:
            proc.kill()  # only this child, by its handle
        code = proc.wait()
        reader.join(timeout=10)
        errors.seek(0)
        stderr = errors.read()
    alive = [line for line in lines if line.startswith("alive ")]
    # Survived: up to its last sign of life, or the whole soak if it got to quit cleanly.
    quit_cleanly = code == 0 and any(line.startswith("quitting") for line in lines)
    survived = minutes if quit_cleanly else int(alive[-1].split()[1]) / 60 if alive else 0.0
    after_first_minute = [rss for at, rss in samples if at >= 60]
    growth = after_first_minute[-1] - after_first_minute[0] if after_first_minute else None
    drift = {k: v - _counts(alive[0])[k] for k, v in _counts(alive[-1]).items()} if alive else None
    if not quit_cleanly:
        say(f"soak: the app stopped (exit code {code}):\n{stderr[-3000:]}")
    failures = []
    if not quit_cleanly:
        failures.append(
            f"the app did not survive: it stopped after {survived:.1f} of {minutes:g} min "
            f"(exit code {code})"
        )
    if growth is not None and growth > SOAK_RSS_GROWTH_LIMIT_MB:
        failures.append(
            f"resident memory grew by {growth:.1f} MB after the first minute "
            f"(more than {SOAK_RSS_GROWTH_LIMIT_MB:g} MB)"
        )
    for failure in failures:
        say(f"soak FAILED: {failure}")
    return {
        "soak_ok": not failures,
        "soak_failures": failures,
        "soak_minutes": minutes,
        "soak_minutes_survived": round(survived, 1),
        "soak_rss_growth_mb": None if growth is None else round(growth, 1),
        "soak_rss_mb_first_minute": after_first_minute[0] if after_first_minute else None,
        "soak_rss_mb_max": max((rss for _, rss in samples), default=None),
        "soak_rss_samples_mb": [rss for _, rss in samples],
        "soak_refcount_drift": drift,
        "soak_sentences_typed": next(
            (int(line.split("=")[1]) for line in lines if line.startswith("quitting")), None
        ),
        "soak_exit_code": code,
        "soak_fatal_error": "Fatal Python error" in stderr,
        "soak_wall_s": round(time.monotonic() - started, 1),
    }


# One function per group of figures, in the order they run. Each returns a dict of figures.
MEASUREMENTS: list[Callable[[Bench], dict[str, Any]]] = [
    measure_dataset,
    measure_startup,
    measure_open_db,
    measure_autosave,
    measure_search,
    measure_open_meeting,
    measure_typing_stall,
    # The real Qt timer for 125 s of wall time (its minimum, 120 s, with --quick).
    lambda bench: script_figures(
        bench, "timer_accuracy.py", "--seconds", "120" if bench.args.quick else "125"
    ),
]


# ----------------------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, help="default 2500 (100 with --quick)")
    parser.add_argument("--meetings", type=int, help="default 5000 (200 with --quick)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--search-students", type=int, help="students of the second record (default 25000)"
    )
    parser.add_argument(
        "--search-meetings", type=int, help="meetings of the second record (default 2500)"
    )
    parser.add_argument("--runs", type=int, help="launches per startup figure (default 5)")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="benchmark workspace to keep and reuse: DIR/record and its keychain",
    )
    parser.add_argument("--quick", action="store_true", help="a small record and few runs")
    parser.add_argument(
        "--soak",
        type=float,
        nargs="?",
        const=30.0,
        metavar="MINUTES",
        help="only the soak: the app with a meeting running for MINUTES (default 30)",
    )
    args = parser.parse_args(argv)
    if args.soak is not None and args.soak <= 0:
        parser.error("--soak needs a positive number of minutes")
    if args.students is None:
        args.students = 100 if args.quick else 2500
    if args.meetings is None:
        args.meetings = 200 if args.quick else 5000
    if args.search_students is None:
        args.search_students = 1000 if args.quick else 25_000
    if args.search_meetings is None:
        args.search_meetings = 100 if args.quick else 2500
    if args.runs is None:
        args.runs = 2 if args.quick else 5
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def _workspace(args: argparse.Namespace) -> tuple[Path, bool]:
    """The benchmark workspace and whether this process must delete it at the end."""
    given = os.environ.get(WORKSPACE_ENV)
    if given:
        return Path(given), False  # the parent process made it and cleans it up
    if args.keep is not None:
        keep = args.keep.resolve()
        ours = (keep / DATASET_META).exists() or (keep / "record").exists()
        if keep.exists() and any(keep.iterdir()) and not ours:
            raise SystemExit(f"{keep} is not empty and is not a benchmark workspace.")
        keep.mkdir(parents=True, exist_ok=True)
        return keep, False
    return Path(tempfile.mkdtemp(prefix="sspt-bench-")), True


def _environment(bench: Bench) -> dict[str, Any]:
    return {
        "keychain_backend": bench.keychain_backend,
        "runs": bench.runs,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
    }


@contextlib.contextmanager
def _stdout_to_stderr() -> Iterator[TextIO]:
    """Keep stdout for the JSON object alone, whatever a library prints on the way."""
    real = sys.stdout
    with contextlib.redirect_stdout(sys.stderr):
        yield real


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    if args.soak is not None:
        # The demo record needs no keychain and no generated record.
        with _stdout_to_stderr() as stdout:
            soak = measure_soak(args.soak) | {
                "python": platform.python_version(),
                "platform": platform.platform(),
            }
        print(json.dumps(soak, indent=2), file=stdout, flush=True)
        # A failed soak fails the command, so a script or CI job running it sees it.
        return 0 if soak["soak_ok"] else 1
    workspace, temporary = _workspace(args)
    try:
        with _stdout_to_stderr() as stdout:
            started = time.perf_counter()
            backend = _secret_service_works()
            # An installed app runs from compiled bytecode; so do the children here, cached in the
            # workspace (the first, uncounted launch fills it) rather than beside the sources.
            child_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            child_env["PYTHONPYCACHEPREFIX"] = str(workspace / "pycache")
            if backend is None:
                can_start_session = shutil.which("dbus-run-session") and shutil.which(
                    "gnome-keyring-daemon"
                )
                if not os.environ.get(IN_SESSION_ENV) and can_start_session:
                    return _reexec_in_session([str(Path(__file__).resolve()), *argv], workspace)
                say("no Secret Service: using the file keyring of tests/support")
                child_env |= _use_file_keyring(workspace)
                backend = f"file keyring ({FILE_KEYRING}; no Secret Service)"
            say(f"keychain: {backend}")
            bench = Bench(args, workspace, workspace / "record", child_env, backend)
            _prepare_dataset(bench)
            figures: dict[str, Any] = {}
            for measurement in MEASUREMENTS:
                figures |= measurement(bench)
            figures |= _environment(bench)
            figures["benchmark_s"] = round(time.perf_counter() - started, 1)
            if temporary:
                _forget_key(bench.record_dir)
                _forget_key(workspace / "record-large")
        print(json.dumps(figures, indent=2), file=stdout, flush=True)
        return 0
    finally:
        if temporary:
            shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
