"""A real, throwaway PostgreSQL server for the test suite (databases on it, and the
server named by the environment: :mod:`tests.pg_databases`).

The tests run against PostgreSQL itself, never a stand-in, so this module gives
them one of two things:

* the server named by ``PODYX_TEST_POSTGRES_URL`` (see
  :func:`tests.pg_databases.postgres_url_from_env`),
  for machines that already run one; or
* a :class:`ThrowawayCluster`: a private server made from the PostgreSQL server
  binaries (``initdb``, ``pg_ctl``) in a fresh folder under ``/tmp``, listening on
  a free TCP port on 127.0.0.1 only, tuned for speed rather than durability
  (``fsync=off`` and friends), and deleted again by :meth:`ThrowawayCluster.stop`.

Either way, tests isolate themselves by making a database of their own with
:func:`tests.pg_databases.create_database` (one per test module or per test) and
dropping it with :func:`tests.pg_databases.drop_database` afterwards.

Typical use, e.g. from a session-scoped fixture::

    url = postgres_url_from_env()
    cluster = None
    if url is None:
        cluster = ThrowawayCluster()
        cluster.start()            # raises PostgresUnavailable, with the reason
        url = cluster.admin_url
    db_url = create_database(url, unique_database_name("podyx_clients"))
    ...
    drop_database(url, "podyx_clients_...")
    if cluster is not None:
        cluster.stop()

Root: ``initdb`` and ``pg_ctl`` refuse to run as root, so when the effective
user is root they are run as the ``postgres`` system user through
``runuser -u postgres --`` and the cluster's folder is handed to that user.

Robustness: this module registers nothing global (no atexit hooks, no signal
handlers). If the test process is killed before :meth:`ThrowawayCluster.stop`,
what is left behind is a folder ``/tmp/podyx-pg-*`` and perhaps its server; the
next :meth:`ThrowawayCluster.start` on the machine finds such leftovers whose
owning process is gone, stops their server and removes the folder.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import psycopg

from tests.pg_databases import (
    ENV_VAR,
    PostgresUnavailable,
    check_db_name,
    create_database,
    libpq_url,
)

__all__ = [
    "ThrowawayCluster",
    "find_server_binaries",
    "reap_stale_clusters",
]

#: Where Debian/Ubuntu put the server binaries (they are not on PATH there).
DEFAULT_LIB_GLOB = "/usr/lib/postgresql/*/bin"

#: Clusters live in folders named like this, directly under /tmp.
_TMP_ROOT = "/tmp"
_TMP_PREFIX = "podyx-pg-"

#: The system user that runs the server when we are root.
_SERVER_OS_USER = "postgres"

#: The database superuser the cluster is created with.
_SUPERUSER = "postgres"

# ------------------------------------------------------------ finding the binaries


def _version_key(bin_dir: str) -> tuple[int, ...]:
    """``/usr/lib/postgresql/15/bin`` -> ``(15,)``; ``.../9.6/bin`` -> ``(9, 6)``."""
    version = Path(bin_dir).parent.name
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (-1,)


def _is_exe(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_server_binaries(path: str | None = None, lib_glob: str = DEFAULT_LIB_GLOB) -> Path:
    """Return the folder holding both ``initdb`` and ``pg_ctl``.

    Looks at ``initdb`` on ``path`` (default: ``$PATH``; symlinks are followed, so
    that ``pg_ctl`` and ``postgres`` are taken from the same installation), then at
    the folders matching ``lib_glob``, newest version first. Raises
    :class:`PostgresUnavailable` naming every place it looked.
    """
    looked: list[str] = []
    candidates: list[Path] = []
    search_path = os.environ.get("PATH", "") if path is None else path
    on_path = shutil.which("initdb", path=search_path)
    looked.append(f"PATH ({search_path or 'empty'})")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    looked.append(lib_glob)
    candidates.extend(Path(d) for d in sorted(glob.glob(lib_glob), key=_version_key, reverse=True))
    for bin_dir in candidates:
        if _is_exe(bin_dir / "initdb") and _is_exe(bin_dir / "pg_ctl"):
            return bin_dir
    raise PostgresUnavailable(
        "No PostgreSQL server binaries (initdb and pg_ctl together) were found; looked in "
        + " and in ".join(looked)
        + ". Install Debian's 'postgresql' package (scripts/ensure_postgres.sh does), "
        f"or set {ENV_VAR} to the URL of a running server."
    )


# ------------------------------------------------------------------ small helpers


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _postmaster_pid(data_dir: Path) -> int | None:
    try:
        first_line = (data_dir / "postmaster.pid").read_text().splitlines()[0]
        return int(first_line.strip())
    except (OSError, IndexError, ValueError):
        return None


def _is_our_postmaster(pid: int, data_dir: Path) -> bool:
    """True if ``pid`` is a running postgres whose command line names ``data_dir``.

    Guards against signalling an unrelated process that reused a dead server's pid.
    Without /proc (not Linux) we cannot tell, and answer False.
    """
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    args = [arg.decode(errors="replace") for arg in cmdline if arg]
    return bool(args) and "postgres" in Path(args[0]).name and str(data_dir) in args


def _tail(path: Path, lines: int = 25) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no server log)"
    return "\n".join(text.splitlines()[-lines:]) or "(server log is empty)"


def reap_stale_clusters(tmp_root: str = _TMP_ROOT) -> None:
    """Stop and delete throwaway clusters whose owning process no longer exists.

    Each cluster folder records the pid of the process that started it in
    ``owner.pid``; a folder whose owner is gone was left by a killed test run.
    Clusters of live processes (e.g. a parallel test run) are left alone.
    """
    for folder in glob.glob(os.path.join(tmp_root, _TMP_PREFIX + "*")):
        base = Path(folder)
        try:
            owner = int((base / "owner.pid").read_text().strip())
        except (OSError, ValueError):
            continue  # being set up right now, or not ours
        if _pid_alive(owner):
            continue
        data_dir = base / "data"
        pid = _postmaster_pid(data_dir)
        if pid is not None and _is_our_postmaster(pid, data_dir):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGQUIT)  # "immediate shutdown"
            deadline = time.monotonic() + 5
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
        shutil.rmtree(base, ignore_errors=True)


# -------------------------------------------------------------------- the cluster


class ThrowawayCluster:
    """A private PostgreSQL server in a temporary folder, for one test session.

    :meth:`start` creates and starts it and returns the URL of a fresh database
    (``database``, default ``podyx_test``, with ``btree_gist``); :attr:`admin_url`
    is the URL of its ``postgres`` database, for :func:`create_database`.
    :meth:`stop` shuts it down and deletes the folder; it may be called any number
    of times. Also usable as a context manager (``with ThrowawayCluster() as c:``).
    """

    def __init__(
        self,
        database: str = "podyx_test",
        *,
        bin_dir: str | os.PathLike[str] | None = None,
        start_timeout: float = 30.0,
        durable: bool = False,
    ) -> None:
        check_db_name(database)
        # durable: fsync and synchronous commits on, as a real server runs (benchmarks)
        self.durable = durable
        self.database = database
        self._bin_dir = Path(bin_dir) if bin_dir is not None else None
        self.start_timeout = start_timeout
        self.base_dir: Path | None = None
        self.port: int | None = None
        self._url: str | None = None
        self._running = False

    # -- public API ---------------------------------------------------------------

    @property
    def url(self) -> str:
        """URL of the database :meth:`start` created."""
        if self._url is None:
            raise RuntimeError("the cluster is not started")
        return self._url

    @property
    def admin_url(self) -> str:
        """URL of the cluster's ``postgres`` database, as the superuser."""
        if self.port is None or not self._running:
            raise RuntimeError("the cluster is not started")
        return f"postgresql+psycopg://{_SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def start(self) -> str:
        """Create and start the server, create the database, return its URL.

        Raises :class:`PostgresUnavailable` with the reason when that cannot be done;
        anything half-made is cleaned up first.
        """
        if self._running:
            return self.url
        try:
            self._start()
            self._url = create_database(self.admin_url, self.database)
        except BaseException:
            self.stop()
            raise
        return self._url

    def stop(self) -> None:
        """Stop the server (if running) and delete its folder. Idempotent."""
        base = self.base_dir
        if base is None:
            return
        data_dir = base / "data"
        if self._running or (data_dir / "postmaster.pid").exists():
            pid = _postmaster_pid(data_dir)
            result = None
            with contextlib.suppress(OSError, subprocess.SubprocessError, PostgresUnavailable):
                result = self._run(
                    [
                        self._pg_ctl,
                        "-D",
                        str(data_dir),
                        "-m",
                        "immediate",
                        "-w",
                        "-t",
                        "20",
                        "stop",
                    ],
                    timeout=30,
                )
            failed = result is None or result.returncode != 0
            if failed and pid is not None and _is_our_postmaster(pid, data_dir):
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGQUIT)
        self._running = False
        self._url = None
        self.port = None
        self.base_dir = None
        shutil.rmtree(base, ignore_errors=True)

    def __enter__(self) -> ThrowawayCluster:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = f"port {self.port}" if self._running else "stopped"
        return f"<ThrowawayCluster {self.database!r} {state} at {self.base_dir}>"

    # -- internals ----------------------------------------------------------------

    @property
    def _pg_ctl(self) -> str:
        assert self._bin_dir is not None
        return str(self._bin_dir / "pg_ctl")

    def _as_root(self) -> bool:
        return hasattr(os, "geteuid") and os.geteuid() == 0

    def _command_prefix(self) -> list[str]:
        if not self._as_root():
            return []
        runuser = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin")
        if runuser is None:
            raise PostgresUnavailable(
                "Running as root, PostgreSQL must be started as another user, but 'runuser' "
                "(util-linux) was not found."
            )
        return [runuser, "-u", _SERVER_OS_USER, "--"]

    def _run(self, args: Sequence[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
        assert self.base_dir is not None
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        return subprocess.run(
            [*self._command_prefix(), *args],
            cwd=self.base_dir,  # the server user must be able to enter its cwd
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def _make_base_dir(self) -> Path:
        base = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=_TMP_ROOT))
        self.base_dir = base
        (base / "owner.pid").write_text(f"{os.getpid()}\n")
        os.chmod(base, 0o755)
        if self._as_root():
            try:
                user = pwd.getpwnam(_SERVER_OS_USER)
            except KeyError as exc:
                raise PostgresUnavailable(
                    f"Running as root, PostgreSQL must run as the '{_SERVER_OS_USER}' system "
                    "user, which does not exist (installing Debian's 'postgresql' package "
                    "creates it)."
                ) from exc
            os.chown(base, user.pw_uid, user.pw_gid)
        return base

    def _initdb(self, data_dir: Path) -> None:
        assert self._bin_dir is not None
        common = [
            str(self._bin_dir / "initdb"),
            "-D",
            str(data_dir),
            "--username",
            _SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--no-sync",
            "--no-instructions",
        ]
        errors: list[str] = []
        # C.UTF-8 gives Unicode-aware lower()/upper()/ILIKE like a production server;
        # plain C works everywhere, so it is the fallback.
        for locale in ("C.UTF-8", "C"):
            shutil.rmtree(data_dir, ignore_errors=True)
            try:
                result = self._run([*common, "--locale", locale], timeout=120)
            except subprocess.TimeoutExpired as exc:
                raise PostgresUnavailable(f"initdb did not finish within {exc.timeout} s.") from exc
            if result.returncode == 0:
                return
            errors.append(f"with --locale {locale}: {(result.stderr or result.stdout).strip()}")
        raise PostgresUnavailable(
            f"initdb ({self._bin_dir / 'initdb'}) failed: " + " | ".join(errors)
        )

    def _server_options(self, port: int) -> str:
        assert self.base_dir is not None
        options = {
            "listen_addresses": "127.0.0.1",
            "port": str(port),
            "unix_socket_directories": str(self.base_dir),
            "fsync": "on" if self.durable else "off",
            "synchronous_commit": "on" if self.durable else "off",
            "full_page_writes": "on" if self.durable else "off",
            "max_connections": "200",
        }
        if self.durable:
            # a studio's server is given memory for its data (the packaged 128 MB would
            # have the benchmark's million bookings evicted and written back by backends)
            options["shared_buffers"] = "512MB"
        # pg_ctl passes this string through /bin/sh, hence the quoting.
        return " ".join(f"-c {shlex.quote(f'{k}={v}')}" for k, v in options.items())

    def _start(self) -> None:
        self._bin_dir = self._bin_dir or find_server_binaries()
        reap_stale_clusters()
        base = self._make_base_dir()
        data_dir = base / "data"
        log_file = base / "server.log"
        self._initdb(data_dir)

        failures: list[str] = []
        for _attempt in range(3):  # another process may grab the port in between
            port = _free_port()
            try:
                result = self._run(
                    [
                        self._pg_ctl,
                        "-D",
                        str(data_dir),
                        "-l",
                        str(log_file),
                        "-o",
                        self._server_options(port),
                        "-w",
                        "-t",
                        str(int(self.start_timeout)),
                        "start",
                    ],
                    timeout=self.start_timeout + 15,
                )
            except subprocess.TimeoutExpired:
                result = None
            if result is not None and result.returncode == 0:
                self.port = port
                self._running = True
                self._wait_until_ready()
                return
            detail = "timed out" if result is None else (result.stderr or result.stdout).strip()
            failures.append(f"port {port}: {detail}\n{_tail(log_file)}")
            if "already in use" not in _tail(log_file):
                break
            with contextlib.suppress(OSError):
                log_file.unlink()
        raise PostgresUnavailable(
            "pg_ctl could not start the PostgreSQL server: " + "\n".join(failures)
        )

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        conninfo = libpq_url(self.admin_url)
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            try:
                with psycopg.connect(conninfo, connect_timeout=2) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                last_error = exc
                time.sleep(0.1)
        log = _tail(self.base_dir / "server.log") if self.base_dir else ""
        raise PostgresUnavailable(
            f"The PostgreSQL server on 127.0.0.1:{self.port} did not accept connections "
            f"within {self.start_timeout:.0f} s (last error: {last_error}).\n{log}"
        )
