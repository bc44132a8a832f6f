"""Render the sample receipts and session summary to PDF and PNG (docs/screenshots/).

``receipt-rtl.png`` is a receipt whose client name, address, line descriptions and note
are Arabic and Hebrew (``samples.rtl_receipt``): check that the Arabic is joined and reads
right to left. ``receipt-de.png`` and ``session-summary-de.png`` are the same documents in
German (a German studio's: ``de_DE`` values).

Usage: python scripts/render_sample_documents.py [OUTPUT_DIR]

The PNGs are made with poppler's ``pdftoppm -png -r 80``; without it only the PDFs are
written. The samples come from ``podyx_desktop.documents.samples``, as in the tests.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from podyx_desktop.documents import (  # noqa: E402 - after the path is set
    render_receipt,
    render_session_summary,
    samples,
)


def to_png(pdf: Path, png: Path) -> None:
    """The first page of ``pdf`` as ``png`` at 80 dpi."""
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(png.with_suffix("")),
        ],
        check=True,
    )


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    studio = samples.studio()
    german = samples.studio(locale="de_DE")
    started = time.perf_counter()
    documents = {
        "receipt": render_receipt(samples.receipt(), studio),
        "receipt-rtl": render_receipt(samples.rtl_receipt(info=studio), studio),
        "session-summary": render_session_summary(
            samples.session_summary(info=studio, include_internal=False)
        ),
        "receipt-de": render_receipt(samples.receipt(info=german), german, language="de"),
        "session-summary-de": render_session_summary(
            samples.session_summary(info=german, include_internal=False), language="de"
        ),
    }
    elapsed_ms = (time.perf_counter() - started) * 1000
    print(f"rendered {len(documents)} documents in {elapsed_ms:.0f} ms")
    have_poppler = shutil.which("pdftoppm") is not None
    if not have_poppler:
        print("pdftoppm not found (install poppler-utils): writing PDFs only", file=sys.stderr)
    for name, pdf in documents.items():
        # PDFs go to a scratch name: *.pdf is ignored by git, the PNGs are kept.
        pdf_path = out / f"{name}.pdf"
        pdf_path.write_bytes(pdf)
        if have_poppler:
            to_png(pdf_path, out / f"{name}.png")
            pdf_path.unlink()
            print(out / f"{name}.png")
        else:
            print(pdf_path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
