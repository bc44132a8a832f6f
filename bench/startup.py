"""How fast the desktop app starts: first painted window, and a populated Bookings tab.

Each measurement runs in a fresh subprocess (``python main.py``) that prints
``PODYX_MARKER <name> <wall clock>`` lines when ``PODYX_BENCH_MARKERS=1``:

* ``first_paint`` — the sign-in window has painted (before SQLAlchemy is even imported);
* ``bookings_populated`` — after signing in by itself with a remembered session, the
  Bookings tab has painted its rows.

The baseline, measured in the same run, is a bare PySide6 window with four empty tabs
(same interpreter, same Qt platform). The studio is generated with :mod:`bench.generate`
(100,000 bookings by default) into a temporary SQLite file; the app signs in once as a
typical client and once as the client with the most bookings. Times are medians of
``--repeat`` launches, from ``Popen`` to the marker, the launches of the bare window and
of the app interleaved so that drifts in the machine's speed hit all alike.

Targets: first paint at most 1.5 × the bare window; the Bookings tab populated at most
600 ms after launch; and, as in ``bench/gui_lag.py``, no stall of the GUI thread over
50 ms in the first second after the main window shows, while the worker loads SQLAlchemy
and the services (``PODYX_BENCH_LAG_MS``: a 10 ms timer's longest gap). Also printed, for information: when the main window appeared, and
the populated time as a multiple of the bare window (steadier than milliseconds on a
machine whose speed varies). The script prints PASS/FAIL and always exits 0.

Usage::

    python bench/startup.py [--bookings N] [--clients N] [--repeat K]
                            [--database URL | --postgres-throwaway]

The remembered session reaches the app through keyring's own ``PYTHON_KEYRING_BACKEND``
switch: :class:`bench.keyring_backend.BenchKeyring` hands out the token from an environment
variable of the child process, so the bench never touches the real keyring and writes no
token to disk.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.keyring_backend import TOKEN_VARIABLE

ROOT = Path(__file__).resolve().parents[1]
FIRST_PAINT_RATIO_TARGET = 1.5
POPULATED_TARGET_MS = 600.0
LAG_MS = 1000
LAG_TARGET_MS = 50.0  # as bench/gui_lag.py

BARE_WINDOW = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

class FirstPaint(QObject):
    done = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        print(f"PODYX_MARKER first_paint {time.time():.6f}", flush=True)
        QApplication.quit()

app = QApplication(sys.argv)
window = QMainWindow()
tabs = QTabWidget(window)
for name in ("Bookings", "Bundles", "Purchases", "Account"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(880, 680)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
sys.exit(app.exec())
"""


def launch(
    command: list[str], env: dict[str, str], wanted: str, timeout: float = 120
) -> dict[str, float]:
    """Start ``command``; the marker times (ms after the launch) until ``wanted`` arrives."""
    started = time.time()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    markers: dict[str, float] = {}
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("PODYX_LAG "):
                markers["gui_lag"] = float(line.split()[1])
            elif line.startswith("PODYX_MARKER "):
                _, name, stamp = line.split()
                markers[name] = (float(stamp) - started) * 1000
                if name == wanted:
                    break
        process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if wanted not in markers:
        error = process.stderr.read() if process.stderr else ""
        raise RuntimeError(f"{' '.join(command)} ended without '{wanted}':\n{error[-3000:]}")
    return markers


def child_environment(config_home: Path, extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    # An installed app runs from compiled bytecode; keep it in the temporary folder (the
    # source tree stays clean) instead of recompiling every module on every launch.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(config_home.parent / "pycache")
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
        XDG_CONFIG_HOME=str(config_home),  # fresh QSettings: no saved geometry or tab
        PODYX_BENCH_MARKERS="1",
        PYTHON_KEYRING_BACKEND="bench.keyring_backend.BenchKeyring",
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


@dataclass(frozen=True)
class Client:
    label: str
    token: str
    bookings: int


def prepare_studio(
    url: str | None, bookings: int, clients: int, folder: Path
) -> tuple[str, list[Client]]:
    """Generate the studio; its URL, and sessions of a typical and the busiest client."""
    from bench.generate import generate_studio
    from podyx_desktop.db.engine import Database, sqlite_url
    from podyx_desktop.services import Services

    url = url or sqlite_url(folder / "startup.sqlite3")
    print(f"generating {bookings:,} bookings and {clients:,} clients …", flush=True)
    studio = generate_studio(url, bookings=bookings, clients=clients)
    print(f"  done in {studio.seconds:.1f} s ({studio.rooms} rooms)", flush=True)
    db = Database(url)
    try:
        accounts = Services(db).accounts
        typical = accounts.sign_in(studio.sample_client_email, studio.sample_client_password)
        busiest = accounts.sign_in(studio.heavy_client_email, studio.password)
    finally:
        db.dispose()
    return url, [
        Client("a typical client", typical.token, studio.sample_client_bookings),
        Client("the client with the most bookings", busiest.token, studio.heavy_client_bookings),
    ]


def median_of(runs: list[dict[str, float]], name: str) -> float:
    return statistics.median(run[name] for run in runs)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database", help="an empty database to generate into")
    parser.add_argument(
        "--postgres-throwaway",
        action="store_true",
        help="generate into a private PostgreSQL server started for the run (tests.pg_cluster)",
    )
    args = parser.parse_args(argv)
    if not args.postgres_throwaway:
        return run(args.database, args)
    from tests.pg_cluster import ThrowawayCluster
    from tests.pg_databases import create_database, unique_database_name

    cluster = ThrowawayCluster()
    cluster.start()
    try:
        return run(create_database(cluster.admin_url, unique_database_name("podyx_start")), args)
    finally:
        cluster.stop()


def run(database: str | None, args: argparse.Namespace) -> int:
    """Generate the studio (into ``database``, or a temporary SQLite file), launch, print."""
    with tempfile.TemporaryDirectory(prefix="podyx-startup-") as temporary:
        folder = Path(temporary)
        url, clients = prepare_studio(database, args.bookings, args.clients, folder)
        python = sys.executable
        bare_env = child_environment(folder / "bare-config", {})
        app_envs = [
            child_environment(
                folder / f"app-config-{index}",
                {
                    "PODYX_DATABASE_URL": url,
                    TOKEN_VARIABLE: client.token,
                    "PODYX_BENCH_EXIT_AFTER": "bookings_populated",
                },
            )
            for index, client in enumerate(clients)
        ]
        # The GUI thread's longest stall in the first second after the main window shows,
        # while the worker loads SQLAlchemy and the services (a launch of its own: the
        # others end as soon as the tab has painted).
        lag_env = dict(
            app_envs[0], PODYX_BENCH_EXIT_AFTER="lag_measured", PODYX_BENCH_LAG_MS=str(LAG_MS)
        )
        launch([python, "-c", BARE_WINDOW], bare_env, "first_paint")  # warm the caches
        for env in app_envs:
            launch([python, "main.py"], env, "bookings_populated")
        bare_runs: list[dict[str, float]] = []
        app_runs: list[list[dict[str, float]]] = [[] for _ in clients]
        lag_runs: list[dict[str, float]] = []
        for _ in range(args.repeat):  # interleaved, so drifts in machine load hit all alike
            bare_runs.append(launch([python, "-c", BARE_WINDOW], bare_env, "first_paint"))
            for runs, env in zip(app_runs, app_envs, strict=True):
                runs.append(launch([python, "main.py"], env, "bookings_populated"))
            lag_runs.append(launch([python, "main.py"], lag_env, "lag_measured"))

    bare = median_of(bare_runs, "first_paint")
    first = median_of([run for runs in app_runs for run in runs], "first_paint")
    ratio = first / bare
    platform_name = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print()
    print(f"Startup, median of {args.repeat} launches each (Qt platform: {platform_name})")
    print(f"  bare PySide6 window, first paint        {bare:7.0f} ms")
    print(
        f"  Podyx sign-in window, first paint       {first:7.0f} ms   ratio {ratio:.2f} "
        f"(target ≤ {FIRST_PAINT_RATIO_TARGET}) {verdict(ratio <= FIRST_PAINT_RATIO_TARGET)}"
    )
    for client, runs in zip(clients, app_runs, strict=True):
        shown = median_of(runs, "main_window_shown")
        populated = median_of(runs, "bookings_populated")
        print(f"  signed in by itself as {client.label} ({client.bookings} bookings):")
        print(f"    main window shown                     {shown:7.0f} ms after launch")
        print(
            f"    Bookings tab painted with its rows    {populated:7.0f} ms after launch   "
            f"(target ≤ {POPULATED_TARGET_MS:.0f}) {verdict(populated <= POPULATED_TARGET_MS)}"
        )
        print(f"    … that is {populated / bare:.2f} × the bare window's first paint")
    lags = [run["gui_lag"] for run in lag_runs]
    worst = max(lags)
    print(f"  after the main window shows ({LAG_MS} ms, {clients[0].label}):")
    print(
        f"    GUI thread's longest stall            {statistics.median(lags):7.1f} ms median, "
        f"{worst:.1f} ms worst   (target ≤ {LAG_TARGET_MS:.0f}) {verdict(worst <= LAG_TARGET_MS)}"
    )
    kind = "SQLite" if url.startswith("sqlite") else "PostgreSQL"
    print(f"  database: {args.bookings:,} bookings, {args.clients:,} clients ({kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
