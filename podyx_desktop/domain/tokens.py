"""Remembered-session tokens: the database keeps only their SHA-256, never the token."""

from __future__ import annotations

import hashlib


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
