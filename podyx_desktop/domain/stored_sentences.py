"""The sentences the services store as text (not only show): a credit note's line or
reason, a booking event's detail, a bundle ledger's note, an audit reason.

They are written in English when they are stored (a receipt is a record: what it said
then stays), and read in the reader's language through these sources — only these, so
that text somebody typed ("Change of plans") is never taken for one of the app's
sentences. Each is marked with ``m()`` where the services write it; a test checks that
every source here is in the translation files.
"""

from __future__ import annotations

STORED = (
    "by the studio, for the client",
    "Late cancellation: {why} {reason}",
    "Late cancellation: {why}",
    "Session canceled",
    "Payment recorded: {method}",
    "Partial refund of receipt {number}",
    "Canceled after the cutoff",
)
