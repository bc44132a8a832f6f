"""The studio's rules, free of Qt, SQL and I/O.

Frozen dataclasses, enums, the error family and pure functions: money, pricing and VAT,
promo codes, booking policies and cutoffs, availability in the studio's time zone and
receipt number formats. Everything here is importable and testable on its own.
"""
