"""A studio note's text as the windows show it: plain text, escaped, with its http and
https links made clickable. Nothing a note says is ever taken as HTML."""

from __future__ import annotations

import html
import re

# http(s) URLs up to whitespace or a character that cannot end one in running text
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}"


def note_html(body: str) -> str:
    """``body`` escaped (``html.escape``), line breaks kept, URLs as anchors."""
    out: list[str] = []
    last = 0
    for match in _URL.finditer(body):
        url = match.group(0)
        trimmed = url.rstrip(_TRAILING)
        if trimmed.count("(") > trimmed.count(")") and url[len(trimmed) :].startswith(")"):
            trimmed += ")"  # a Wikipedia-style link keeps its closing parenthesis
        start, end = match.start(), match.start() + len(trimmed)
        out.append(html.escape(body[last:start]))
        href = html.escape(trimmed, quote=True)
        out.append(f'<a href="{href}">{href}</a>')
        last = end
    out.append(html.escape(body[last:]))
    return "".join(out).replace("\n", "<br>")
