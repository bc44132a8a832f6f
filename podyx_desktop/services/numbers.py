"""Receipt and credit-note numbers: the next number of a series, allocated in the
caller's transaction by one relative upsert of the series' counter (no gaps, no
duplicates, whichever seat asks)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.availability import studio_zone
from podyx_desktop.domain.enums import SeriesKind
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import m
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.words import word


def issue_number(
    session: Session, kind: SeriesKind, when: datetime, zone_name: str
) -> tuple[int, str]:
    """Allocate the next number of a series in the caller's transaction."""
    series = session.scalar(select(t.ReceiptSeries).where(t.ReceiptSeries.kind == kind.value))
    if series is None:
        raise InvalidInput(m("The studio has no {kind} series set up.", kind=word(kind.value)))
    fmt = SeriesFormat(series.prefix, series.include_year, series.min_digits, series.yearly_reset)
    year = when.astimezone(studio_zone(zone_name)).year
    from sqlalchemy.dialects import postgresql, sqlite  # here: postgresql's costs ~20 ms

    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    statement = (
        dialect.insert(t.ReceiptCounter)
        .values(series_id=series.id, year=fmt.counter_key(year), last_value=1)
        .on_conflict_do_update(
            index_elements=[t.ReceiptCounter.series_id, t.ReceiptCounter.year],
            set_={"last_value": t.ReceiptCounter.last_value + 1},
        )
        .returning(t.ReceiptCounter.last_value)
    )
    value = session.execute(statement).scalar_one()
    if not series.locked:
        series.locked = True
    return series.id, fmt.format(year, value)
