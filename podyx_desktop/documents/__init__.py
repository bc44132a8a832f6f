"""PDF documents built from domain DTOs: receipts, credit notes, session summaries, statements.

Each ``render_*`` function takes DTOs and returns the PDF as bytes; saving it is the
caller's business. Importing this package is cheap: reportlab loads on the first render,
so the GUI can import it before its window shows.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from podyx_desktop.documents.receipt import render_receipt
    from podyx_desktop.documents.statement import render_bundle_statement
    from podyx_desktop.documents.summary import render_session_summary

__all__ = ["render_bundle_statement", "render_receipt", "render_session_summary"]

_HOMES = {
    "render_receipt": "podyx_desktop.documents.receipt",
    "render_session_summary": "podyx_desktop.documents.summary",
    "render_bundle_statement": "podyx_desktop.documents.statement",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
