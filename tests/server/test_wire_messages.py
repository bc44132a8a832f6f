"""Sentences inside an answer cross the wire with their id and fields: found wherever a
record, a named tuple, a list or a dict holds them, and put back at the same place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from podyx_desktop.domain.message import Message, m, mn
from podyx_desktop.server.ops import messages_in, put_message


@dataclass(frozen=True)
class Row:
    label: str
    reasons: tuple[str, ...] = ()


class Pair(NamedTuple):
    row: Row
    by_name: dict[str, str]


def _plain(value: object) -> object:
    """What JSON alone brings back: every sentence as its English text."""
    if isinstance(value, Message):
        return str(value)
    if isinstance(value, Row):
        return Row(str(value.label), tuple(str(r) for r in value.reasons))
    if isinstance(value, Pair):
        return Pair(_plain(value.row), {k: str(v) for k, v in value.by_name.items()})  # type: ignore[arg-type]
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def test_every_sentence_is_found_and_put_back_where_it_was() -> None:
    closed = m("{room} is closed on {day}.", room="Studio A", day="Monday")
    left = mn("%n session(s) left.", "", 3)
    answer = [
        Pair(Row("plain text", (closed, "typed by a person")), {"why": left, "who": "Ann"}),
        None,
    ]
    found = list(messages_in(answer))
    assert [path for path, _ in found] == [(0, "row", "reasons", 0), (0, "by_name", "why")]

    back = _plain(answer)
    assert not list(messages_in(back))
    for path, message in found:
        back = put_message(back, path, Message.from_data(message.to_data()))

    assert back == answer  # the same text everywhere …
    row = back[0].row  # type: ignore[index]
    assert isinstance(row.reasons[0], Message) and row.reasons[0].fields["room"] == "Studio A"
    assert not isinstance(row.reasons[1], Message)  # … typed text stays text
    assert back[0].by_name["why"].number == 3  # type: ignore[index]
    assert answer[0].row.reasons[0] is closed  # the original is not changed


def test_a_path_that_does_not_fit_changes_nothing() -> None:
    row = Row("Studio A is closed on Monday.")
    other = m("{room} is closed on {day}.", room="Studio B", day="Monday")
    assert put_message(row, ("label",), other) is not None
    assert not isinstance(put_message(row, ("label",), other).label, Message)  # other text
    assert put_message(row, ("missing",), other) is row
    assert put_message([row], (5, "label"), other) == [row]
