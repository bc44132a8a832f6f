"""Write the benches' recorded rows into docs/performance.md's results table.

    PODYX_BENCH_RESULTS=/tmp/bench-results python bench/services.py ...   # and the others
    python bench/performance_table.py /tmp/bench-results [--doc docs/performance.md]

The table goes between the ``<!-- bench-results:start -->`` and ``<!-- bench-results:end -->``
lines of the document (added at its end the first time); each row is what a bench
printed: goal | command | measured | verdict, with the machine's load noted per bench.
Nothing in the table is typed by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START = "<!-- bench-results:start -->"
END = "<!-- bench-results:end -->"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(folder: Path) -> str:
    lines = [
        START,
        "| goal | command | measured | verdict |",
        "| --- | --- | --- | --- |",
    ]
    machines = []
    for path in sorted(folder.glob("*.json")):
        document = json.loads(path.read_text())
        machines.append(f"- `{path.stem}`: {document['machine']}")
        for row in document["rows"]:
            lines.append(
                f"| {cell(row['goal'])} | `{cell(row['command'])}` "
                f"| {cell(row['measured'])} | {row['verdict']} |"
            )
    lines += ["", "Machine load when each bench ran:", "", *machines, END]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--doc", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args(argv)
    if not any(args.folder.glob("*.json")):
        print(
            f"No bench results in {args.folder}: run the benches with "
            f"PODYX_BENCH_RESULTS={args.folder} first.",
            file=sys.stderr,
        )
        return 2
    text = args.doc.read_text()
    block = table(args.folder)
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n## Results\n\n" + block + "\n"
    args.doc.write_text(text)
    print(f"{args.doc}: {len(block.splitlines()) - 3} lines of results written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
