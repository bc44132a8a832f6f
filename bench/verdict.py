"""What every bench prints beside its figures, and what docs/performance.md is made from.

* :func:`machine_line` — the machine's load average and core count, printed at the top
  of every run, so that a figure can be read against how busy the machine was.
* :class:`Baseline` — the plain version of the work, measured in rounds spread over the
  whole run. When its round medians differ by more than :data:`NOISE_LIMIT` (25 %), the
  machine's speed changed under the run and :meth:`Baseline.verdict` says ``noisy``
  instead of PASS or FAIL: a comparison against a goal means nothing then.
* :class:`Results` — the rows a bench reports (goal, command, measured, verdict). With
  ``PODYX_BENCH_RESULTS=DIR`` set, each bench writes them to ``DIR/<bench>[-<variant>].json``;
  ``python bench/performance_table.py DIR`` turns those files into the table of
  docs/performance.md, so that the document says only what the benches printed.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

NOISE_LIMIT = 0.25
RESULTS_VARIABLE = "PODYX_BENCH_RESULTS"


def machine_line() -> str:
    """``load average 0.52 0.61 0.70 on 2 cores`` (1, 5 and 15 minutes)."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:  # not every platform keeps one
        return f"load average unknown on {os.cpu_count()} cores"
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


@dataclass
class Baseline:
    """The plain work's timings, kept per round to tell whether the machine held still."""

    name: str
    rounds: list[list[float]] = field(default_factory=list)

    def add_round(self, samples_ms: list[float]) -> None:
        if samples_ms:
            self.rounds.append(list(samples_ms))

    def add(self, sample_ms: float) -> None:
        """One sample as a round of its own (for baselines measured once per launch)."""
        self.rounds.append([sample_ms])

    @property
    def samples(self) -> list[float]:
        return [s for r in self.rounds for s in r]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def spread(self) -> float:
        """(slowest round median − fastest) / fastest; 0 with fewer than two rounds.

        Rounds of single samples (launch timings) are grouped in threes first, so that
        one slow launch among many does not by itself call the run noisy.
        """
        rounds = self.rounds
        if rounds and all(len(r) == 1 for r in rounds):
            flat = [r[0] for r in rounds]
            rounds = [flat[i : i + 3] for i in range(0, len(flat), 3)]
            rounds = [r for r in rounds if len(r) == 3] or [flat]
        medians = [statistics.median(r) for r in rounds if r]
        if len(medians) < 2 or min(medians) <= 0:
            return 0.0
        return (max(medians) - min(medians)) / min(medians)

    @property
    def noisy(self) -> bool:
        return self.spread > NOISE_LIMIT

    def describe(self) -> str:
        state = "noisy: no verdict" if self.noisy else "steady"
        return (
            f"baseline {self.name}: median {self.median:.2f} ms over {len(self.samples)} "
            f"samples, rounds differ by {self.spread:.0%} ({state}, limit {NOISE_LIMIT:.0%})"
        )

    def verdict(self, ok: bool) -> str:
        return "noisy" if self.noisy else ("PASS" if ok else "FAIL")


@dataclass(frozen=True)
class Row:
    goal: str
    command: str
    measured: str
    verdict: str


@dataclass
class Results:
    """The rows of one bench run; written out when ``PODYX_BENCH_RESULTS`` names a folder."""

    bench: str
    variant: str = ""  # e.g. "1M-postgresql": one file per variant of a bench
    command: str = field(default_factory=lambda: "python " + " ".join(sys.argv))
    rows: list[Row] = field(default_factory=list)

    def add(self, goal: str, measured: str, verdict: str, command: str | None = None) -> None:
        self.rows.append(Row(goal, command or self.command, measured, verdict))

    def save(self, machine: str | None = None) -> Path | None:
        folder = os.environ.get(RESULTS_VARIABLE)
        if not folder:
            return None
        name = f"{self.bench}-{self.variant}" if self.variant else self.bench
        path = Path(folder) / f"{name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = [asdict(r) for r in self.rows]
        document = {"bench": self.bench, "machine": machine or machine_line(), "rows": rows}
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return path
