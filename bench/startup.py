"""How fast the desktop app starts: the client's main window painted with its Bookings
rows, and the sign-in window's first paint, against a bare table window.

Each measurement runs in a fresh subprocess (``python main.py``) that prints
``PODYX_MARKER <name> <wall clock> <CPU ms>`` lines when ``PODYX_BENCH_MARKERS=1``:

* ``bookings_populated`` — signed in by itself with a remembered session, the main
  window's Bookings table has painted while it has rows (a paint event seen by an event
  filter on the table's viewport, ``gui.bench_hooks.BookingsPainted``; not ``show()``).
  As after any earlier run that remembered the sign-in, the window's settings say a
  sign-in is remembered (the warm-up launch of each client leaves that hint), so the main
  window is the first window the app shows;
* ``first_paint`` — without a remembered session, the sign-in window has painted (a
  paint event of the window, ``views.common.paint.FirstPaint``).

The baseline, measured in the same run, is :data:`bench.startup_studio.BARE_WINDOW`: a
bare PySide6 window with the app's five tabs holding ``QTableView``\\ s, the Bookings tab's
two tables over a plain model of the same rows and columns the app shows for that client
(same interpreter, same Qt platform), built and painted in a fresh process; its mark is
the same paint event of its upcoming table. Launches of the bare window and of the app
are interleaved so that drifts in the machine's speed hit all alike; figures are medians
of ``--repeat`` (≥ 7) launches each, from ``Popen`` to the marker.

The studio is the cached generated one (:mod:`bench.studio_cache`: 100,000 bookings /
10,000 clients, and with ``--sizes 100k,1M`` also 1,000,000 / 50,000), copied into a
temporary folder for the run; the app signs in as a typical client and as the client with
the most bookings (:mod:`bench.startup_studio`).

Goal: the main window's first paint with its rows ≤ 1.5 × the bare table window's (per
client). The sign-in window's paint is shown against the same baseline, for information.
Also printed: when ``show()`` was called on the main window, and the CPU time each launch
had used at its mark (every thread; for the app also its early reads' process, which on
Linux reads the keyring and the database while the window's process loads Qt,
``gui/early.py``), app against bare window: on a loaded machine that ratio is steadier
than the wall clock's. The machine's load is printed
first; when the baseline's launches drifted by more than 25 % the verdict is "noisy".
With ``PODYX_BENCH_RESULTS=DIR`` the rows are written for docs/performance.md (variant:
the studio size). The script always exits 0.

Usage::

    python bench/startup.py [--sizes 100k[,1M]] [--repeat K]

The remembered session is where a Linux desktop keeps it: in a Secret Service. Each
client's app gets a private one (GNOME Keyring on a D-Bus session bus of its own, in the
run's temporary folder: :mod:`tests.secret_service`), holding the token the app saved
there when it signed in with "Remember me", and finds it as it would on a desktop:
without ``PYTHON_KEYRING_BACKEND``, through :mod:`podyx_desktop.os_keyring`. So the
keyring's cost (its modules, the D-Bus calls) is in the figures, as it is in a user's
start. The sign-in launches get an empty one. On a machine without ``dbus-daemon``,
``dbus-send`` or ``gnome-keyring-daemon`` (``scripts/ensure_postgres.sh`` installs them)
the bench says so and falls back to :class:`bench.keyring_backend.BenchKeyring`, a
stand-in that hands out the token from an environment variable: those figures leave the
keyring's cost out. The user's own keyring is never touched.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.keyring_backend import TOKEN_VARIABLE
from bench.startup_studio import BARE_WINDOW, Client, copy_studio, prepare
from bench.verdict import Baseline, Results, machine_line
from tests.secret_service import PrivateSecretService, missing_programs

ROOT = Path(__file__).resolve().parents[1]
RATIO_TARGET = 1.5
SIZES = {"100k": (100_000, 10_000), "1M": (1_000_000, 50_000)}


def launch(
    command: list[str], env: dict[str, str], wanted: str, timeout: float = 120
) -> dict[str, float]:
    """Start ``command``; the marker times (ms after the launch) until ``wanted`` arrives,
    and the process's CPU time at each (``<name>_cpu``, ms)."""
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
            if line.startswith("PODYX_MARKER "):
                _, name, stamp, *cpu = line.split()
                markers[name] = (float(stamp) - started) * 1000
                if cpu:
                    markers[f"{name}_cpu"] = float(cpu[0])
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
    )
    env.pop("PYTHON_KEYRING_BACKEND", None)  # the keyring is the one ``extra`` names
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


# Saves a token (on standard input) as the app does after a sign-in with "Remember me".
SAVE_TOKEN = (
    "import sys; from podyx_desktop.gui.session_store import SessionStore; "
    "sys.exit(0 if SessionStore(sys.argv[1]).save(sys.stdin.read()) else 1)"
)


def keyring_description() -> str:
    missing = missing_programs()
    if missing:
        return (
            f"keyring: a stand-in (bench.keyring_backend.BenchKeyring), since this machine "
            f"lacks {', '.join(missing)}: these figures leave the system keyring's cost out"
        )
    return "keyring: a private Secret Service (GNOME Keyring) per app, as on a Linux desktop"


def early_reads_description() -> str:
    """How the app makes its start-up reads in this run (see podyx_desktop/gui/early.py)."""
    if os.environ.get("PODYX_EARLY_READS") == "0" or not sys.platform.startswith("linux"):
        return "start-up reads: made by the start-up task (no early reads' process)"
    return (
        "start-up reads: in a second process, forked before Qt loads (gui/early.py); its CPU "
        "time is in the app's"
    )


def remembering(
    keyrings: contextlib.ExitStack, folder: Path, url: str, token: str | None
) -> dict[str, str]:
    """The variables that lead an app on ``url`` to a keyring of its own in ``folder``,
    remembering ``token`` (None: no sign-in remembered)."""
    if missing_programs():
        return {
            "PYTHON_KEYRING_BACKEND": "bench.keyring_backend.BenchKeyring",
            TOKEN_VARIABLE: token or "",
        }
    service = keyrings.enter_context(PrivateSecretService(folder))
    if token is not None:
        env = child_environment(folder / "save-config", service.env)
        saved = subprocess.run(
            [sys.executable, "-c", SAVE_TOKEN, url],
            input=token,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if saved.returncode != 0:
            raise RuntimeError(
                f"could not save the session in the keyring:\n{saved.stderr[-2000:]}"
            )
    return service.env


def median(values: list[float]) -> float:
    return statistics.median(values)


# Where a launch's time goes: (label, the app's marker pair, the bare window's pair); a
# pair's first marker None is the launch itself. The app's markers are printed by
# gui/app.py, the bare window's by bench.startup_studio.BARE_WINDOW.
PHASES = (
    ("interpreter and imports, until main()", (None, "main_entered"), (None, "imported")),
    ("set-up: application, style sheet, worker", ("main_entered", "process_ready"), None),
    (
        "start-up task: reads, sign-in, first views' modules and rows",
        ("process_ready", "start_up_done"),
        None,
    ),
    ("window built", ("start_up_done", "main_window_built"), ("imported", "window_built")),
    (
        "shown, until painted with rows",
        ("main_window_built", "bookings_populated"),
        ("window_built", "bookings_populated"),
    ),
)


def phase_ms(runs: list[dict[str, float]], pair: tuple[str | None, str] | None) -> float | None:
    """The median of the time between a pair of markers over ``runs`` (None: no such
    phase)."""
    if pair is None:
        return None
    start, end = pair
    return median([r[end] - (r[start] if start else 0.0) for r in runs])


def print_phases(runs: list[dict[str, float]], bares: list[dict[str, float]]) -> str:
    """Print the medians of each phase of the app's and the bare window's launches; the
    same, in one line, for the results."""
    print(f"    where the time goes (medians, ms)  {'app':>60} {'bare':>6}")
    parts = []
    for label, app_pair, bare_pair in PHASES:
        app_ms, bare_ms = phase_ms(runs, app_pair), phase_ms(bares, bare_pair)
        bare_text = "—" if bare_ms is None else f"{bare_ms:.0f}"
        print(f"      {label:<87} {app_ms:6.0f} {bare_text:>6}")
        parts.append(f"{label} {app_ms:.0f}" + ("" if bare_ms is None else f" vs {bare_ms:.0f}"))
    return "; ".join(parts) + " ms (app vs bare)"


def run_size(size: str, args: argparse.Namespace, machine: str) -> None:
    from bench.generate import PASSWORD
    from bench.studio_cache import StudioKey, cached_sqlite

    bookings, clients_count = SIZES[size]
    url = cached_sqlite(StudioKey(bookings, clients_count))
    python = sys.executable
    with (
        tempfile.TemporaryDirectory(prefix="podyx-startup-") as temporary,
        contextlib.ExitStack() as keyrings,
    ):
        folder = Path(temporary)
        url = copy_studio(url, folder)
        clients = prepare(url, PASSWORD, folder)
        signin_env = child_environment(
            folder / "signin-config",
            {
                "PODYX_DATABASE_URL": url,
                "PODYX_BENCH_EXIT_AFTER": "first_paint",
                **remembering(keyrings, folder / "signin-keyring", url, None),
            },
        )
        app_envs = [
            child_environment(
                folder / f"app-config-{index}",
                {
                    "PODYX_DATABASE_URL": url,
                    "PODYX_BENCH_EXIT_AFTER": "bookings_populated",
                    **remembering(keyrings, folder / f"app-keyring-{index}", url, client.token),
                },
            )
            for index, client in enumerate(clients)
        ]
        bare_env = child_environment(folder / "bare-config", {})

        def bare(client: Client) -> dict[str, float]:
            command = [python, "-c", BARE_WINDOW, str(client.rows_file)]
            return launch(command, bare_env, "bookings_populated")

        def app(env: dict[str, str]) -> dict[str, float]:
            return launch([python, "main.py"], env, "bookings_populated")

        for client, env in zip(clients, app_envs, strict=True):  # warm the caches
            bare(client)
            app(env)
        launch([python, "main.py"], signin_env, "first_paint")

        baselines = [Baseline(f"bare table window ({c.label})") for c in clients]
        bare_runs: list[list[dict[str, float]]] = [[] for _ in clients]
        app_runs: list[list[dict[str, float]]] = [[] for _ in clients]
        signin_runs: list[float] = []
        for _ in range(args.repeat):  # interleaved, so drifts in machine load hit all alike
            for client, env, baseline, runs, bares in zip(
                clients, app_envs, baselines, app_runs, bare_runs, strict=True
            ):
                marks = bare(client)
                baseline.add(marks["bookings_populated"])
                bares.append(marks)
                runs.append(app(env))
            signin_runs.append(
                launch([python, "main.py"], signin_env, "first_paint")["first_paint"]
            )

    platform_name = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print()
    print(
        f"Startup at {size} ({bookings:,} bookings, {clients_count:,} clients, SQLite), "
        f"median of {args.repeat} launches each, interleaved (Qt platform: {platform_name})"
    )
    print(f"  {machine}")
    print(f"  {keyring_description()}")
    print(f"  {early_reads_description()}")
    results = Results("startup", variant=size)
    for client, baseline, runs, bares in zip(clients, baselines, app_runs, bare_runs, strict=True):
        bare_ms = baseline.median
        painted = median([r["bookings_populated"] for r in runs])
        shown = median([r["main_window_shown"] for r in runs])
        ratio = painted / bare_ms
        ok = ratio <= RATIO_TARGET
        verdict = baseline.verdict(ok)
        print(f"  {client.label} ({client.upcoming} upcoming + {client.past} past rows):")
        print(f"    {baseline.describe()}")
        print(f"    bare table window painted with rows   {bare_ms:7.0f} ms")
        print(f"    main window show() called             {shown:7.0f} ms   (information)")
        print(
            f"    main window painted with its rows     {painted:7.0f} ms   ratio {ratio:.2f} "
            f"(goal ≤ {RATIO_TARGET}) {verdict}"
        )
        spread = ", ".join(f"{r['bookings_populated']:.0f}" for r in runs)
        print(f"      launches: {spread} ms")
        app_cpu = median([r["bookings_populated_cpu"] for r in runs])
        bare_cpu = median([r["bookings_populated_cpu"] for r in bares])
        print(
            f"    CPU time to that paint: app {app_cpu:.0f} ms, bare {bare_cpu:.0f} ms, "
            f"ratio {app_cpu / bare_cpu:.2f}   (information)"
        )
        phases = print_phases(runs, bares)
        results.add(
            f"main window first paint with rows ≤ {RATIO_TARGET}× a bare table window "
            f"({client.label}, {size})",
            f"{painted:.0f} ms vs {bare_ms:.0f} ms = {ratio:.2f}×",
            verdict,
        )
        results.add(
            f"where the start-up time goes ({client.label}, {size}; information)", phases, "info"
        )
    reference = baselines[0]
    signin = median(signin_runs)
    print(
        f"  sign-in window first paint              {signin:7.0f} ms   "
        f"{signin / reference.median:.2f} × the bare table window ({clients[0].label}); "
        "information"
    )
    results.add(
        f"sign-in window first paint ({size}; information)",
        f"{signin:.0f} ms = {signin / reference.median:.2f}× the bare table window",
        "info",
    )
    saved = results.save(machine)
    if saved is not None:
        print(f"  results written to {saved}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="100k", help="studio sizes: 100k, 1M or 100k,1M")
    parser.add_argument("--repeat", type=int, default=7, help="launches of each (≥ 7)")
    args = parser.parse_args(argv)
    args.repeat = max(args.repeat, 7)
    machine = machine_line()
    print(machine, flush=True)
    for size in args.sizes.split(","):
        try:
            run_size(size.strip(), args, machine)
        except Exception as error:  # a broken launch is reported; the bench still exits 0
            print(f"\nERROR at {size}: {type(error).__name__}: {error}")
    print(f"\n{machine_line()} (at the end)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
