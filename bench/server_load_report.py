"""bench/server_load.py's outcome and its report: each figure beside its goal, PASS/FAIL,
and the constant endpoint measured in the same run."""

from __future__ import annotations

import math
import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from bench.server_load_clients import Stats, percentile
from bench.server_load_setup import (
    FEED_GOAL_S,
    READ_GOAL_MS,
    READS,
    RESTART_SPAN_S,
    WRITE_GOAL_MS,
    WRITES,
)


@dataclass
class Outcome:
    stats: Stats
    clients: int
    seconds: float
    window_s: float
    sign_in_s: float
    sign_in_peak_mb: list[float]
    cpu: dict[str, float]
    killed: bool
    restart_s: float | None
    killed_clients: int
    resynced: int
    resync_last_s: float | None
    lost: int
    lost_samples: list[str]
    double_bookings: int
    bookings_in_db: int
    backend: str
    prepare_s: float
    think_s: float
    rooms: int
    server_logs: str | None
    proxy: bool = False


# --- the report ----------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(o: Outcome) -> str:
    s = o.stats
    reads = [v for k in READS for v in s.latency.get(k, [])]
    writes = [v for k in WRITES for v in s.latency.get(k, [])]
    health = s.latency.get("health", [])
    base50, base95 = percentile(health, 0.5), percentile(health, 0.95)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    errors = sum(s.errors.values())
    unanswered = sum(s.unanswered_writes.values())
    feed95 = percentile(s.feed_latency, 0.95)

    def timed(ok: bool) -> str:
        """A latency's verdict: none without the constant endpoint beside it."""
        return verdict(ok) if health else "n/a "

    lines = [
        f"bench/server_load.py: {o.clients} clients, {o.seconds:g} s, two podyx-server "
        "processes (--workers 1 each) on loopback"
        + (", behind nginx (one address; a failed server rests 5 s)" if o.proxy else ""),
        f"Database: {o.backend}; Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {load} (the machine is shared: other work skews the figures)",
        f"Set-up: studio ({o.rooms} rooms) and {o.clients} accounts in {o.prepare_s:.1f} s; the "
        "accounts' passwords hashed with a cheap Argon2id (t=1, m=1 MiB, p=1): the server "
        "verifies them and rehashes to its default at the first sign-in",
        f"Sign-in phase (before the timed window): {o.clients} clients signed in, opened the "
        f"feed and synced in {o.sign_in_s:.1f} s; sign-in p50 "
        f"{percentile(s.latency.get('sign in', []), 0.5):.0f} ms, p95 "
        f"{percentile(s.latency.get('sign in', []), 0.95):.0f} ms; the servers' peak RSS "
        + " and ".join(f"{mb:.0f} MB" for mb in o.sign_in_peak_mb)
        + " (info; not in the window)",
        f"Clients in the timed window: {s.clients_looping} of {o.clients}",
        f"Load: {s.in_window:,} requests answered in the {o.window_s:g} s window = "
        f"{s.in_window / o.window_s:.1f} requests/s (think time: exponential, mean "
        f"{o.think_s:g} s); bookings acknowledged: {s.acked_books:,}, cancels acknowledged: "
        f"{s.acked_writes - s.acked_books:,}; {o.bookings_in_db:,} bookings in the database "
        "at the end",
        f"CPU in the window, in cores busy on average (of {os.cpu_count()}): "
        + ", ".join(
            f"{name} {o.cpu[name] / o.cpu['elapsed']:.2f}"
            for name in ("servers", "postgres", "this process", "machine")
        )
        + f" (other work: {(o.cpu['machine'] - o.cpu['servers'] - o.cpu['postgres'] - o.cpu['this process']) / o.cpu['elapsed']:.2f})",
        "Load generator (this process: asyncio + httpx, the staff seat): event-loop lag p95 "
        f"{percentile(s.loop_lag, 0.95):.1f} ms, max {max(s.loop_lag, default=math.nan):.1f} ms "
        "(latencies below include it)",
        "",
        f"{'figure':<34} {'value':>12}  {'goal':<12} {'':4}  baseline (GET /health, same run)",
        f"{'errors':<34} {errors:>12}  {'0':<12} {verdict(errors == 0)}",
        f"{'double bookings (SQL)':<34} {o.double_bookings:>12}  {'0':<12} "
        f"{verdict(o.double_bookings == 0)}",
        f"{'lost acknowledged writes':<34} {o.lost:>12}  {'0':<12} {verdict(o.lost == 0)}  "
        f"({s.acked_writes} acknowledged writes checked, staff cancels included)",
        f"{'reads p95 (n=' + str(len(reads)) + ')':<34} {percentile(reads, 0.95):>9.1f} ms  "
        f"{'≤ 50 ms':<12} {timed(percentile(reads, 0.95) <= READ_GOAL_MS)}  "
        f"p50 {percentile(reads, 0.5):.1f} ms; health p50 {base50:.1f} ms, p95 {base95:.1f} ms",
        f"{'writes p95 (n=' + str(len(writes)) + ')':<34} {percentile(writes, 0.95):>9.1f} ms  "
        f"{'≤ 150 ms':<12} {timed(percentile(writes, 0.95) <= WRITE_GOAL_MS)}  "
        f"p50 {percentile(writes, 0.5):.1f} ms; health p50 {base50:.1f} ms, p95 {base95:.1f} ms",
        f"{'change feed p95 (n=' + str(len(s.feed_latency)) + ')':<34} {feed95:>10.2f} s  "
        f"{'≤ 2 s':<12} {timed(feed95 <= FEED_GOAL_S)}  p50 "
        f"{percentile(s.feed_latency, 0.5):.2f} s; health p95 {base95 / 1000:.3f} s",
    ]
    if o.killed:
        ok = o.resynced == o.killed_clients
        lines.append(
            f"{'restart: clients resynced':<34} {str(o.resynced) + '/' + str(o.killed_clients):>12}"
            f"  {'all':<12} {verdict(ok)}  server B killed (SIGKILL) at {o.seconds / 2:g} s, "
            f"answered /health again {o.restart_s or math.nan:.1f} s later; last client "
            f"resynced {o.resync_last_s or math.nan:.1f} s after the kill"
        )
    else:
        lines.append("restart: not run (--no-kill)")
    lines += ["", "Per request (one HTTP attempt, answered, in the window):"]
    for kind in (*READS, *WRITES, "health"):
        values = s.latency.get(kind, [])
        lines.append(
            f"  {kind:<16} n={len(values):>6}  p50 {percentile(values, 0.5):7.1f} ms  "
            f"p95 {percentile(values, 0.95):7.1f} ms  p99 {percentile(values, 0.99):7.1f} ms  "
            f"max {max(values, default=math.nan):7.1f} ms"
        )
    lines += ["", "Over the window, per 10 s (answered requests started then; reads / writes ms):"]
    for start in range(0, math.ceil(o.window_s), 10):
        part = [(k, ms) for at, k, ms in s.timeline if start <= at < start + 10]
        r = [ms for k, ms in part if k in READS]
        w = [ms for k, ms in part if k in WRITES]
        lines.append(
            f"  {start:3d}–{start + 10:<3d} s {len(part) / 10:6.1f} req/s  reads p50 "
            f"{percentile(r, 0.5):6.1f} p95 {percentile(r, 0.95):7.1f}  writes p50 "
            f"{percentile(w, 0.5):6.1f} p95 {percentile(w, 0.95):7.1f}"
            + ("  ← the kill" if o.killed and start <= o.seconds / 2 < start + 10 else "")
        )
    if o.killed:
        calm = [
            (k, ms)
            for at, k, ms in s.timeline
            if not o.seconds / 2 - 1 <= at < o.seconds / 2 + RESTART_SPAN_S
        ]
        r = [ms for k, ms in calm if k in READS]
        w = [ms for k, ms in calm if k in WRITES]
        lines.append(
            f"Away from the restart (requests not started {o.seconds / 2 - 1:g}–"
            f"{o.seconds / 2 + RESTART_SPAN_S:g} s): reads p95 {percentile(r, 0.95):.1f} ms, "
            f"writes p95 {percentile(w, 0.95):.1f} ms (information; the goals above count all)"
        )
    retried = [v for values in s.retried.values() for v in values]
    lines.append(
        f"Retried requests (the restart): {len(retried)}, their whole time incl. back-off p50 "
        f"{percentile(retried, 0.5):.0f} ms, max {max(retried, default=math.nan):.0f} ms"
    )
    lines.append(
        f"Writes in flight when the process died, no answer (not acknowledged): {unanswered}"
        + (f" ({dict(s.unanswered_writes)})" if unanswered else "")
    )
    lines.append(
        f"Change feed: {sum(s.feed_by_source.values())} timed events "
        f"({dict(s.feed_by_source)}; {s.feed_early} arrived before the write's answer, "
        f"counted as 0 s); {s.feed_everything} 'everything' events; "
        f"{s.heard_by_sync} writes heard only through a resync; feed reconnects by server: "
        f"{dict(s.feed_reconnects)}; staff cancels {s.staff_cancels} (refused {s.staff_refused})"
    )
    unheard = 0
    lines.append(f"Refusals on purpose (not errors): {dict(s.refusals) or 'none'}")
    if s.errors:
        lines.append(f"Errors: {dict(s.errors)}")
        lines += [f"  {sample}" for sample in s.error_samples]
        if o.server_logs:
            lines.append(f"  the servers' logs: {o.server_logs}")
    if o.lost_samples:
        lines += [f"  lost: {sample}" for sample in o.lost_samples]
    del unheard
    return "\n".join(lines)
