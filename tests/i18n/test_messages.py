"""The services' sentences (podyx_desktop.domain.message): English by default, their id and
fields kept, translated through a real compiled Qt translation where they are shown."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from podyx_desktop.domain.errors import Conflict
from podyx_desktop.domain.message import Message, field_names, m, mn, shown
from podyx_desktop.gui.tasks import user_message

GERMAN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>{room} is closed on {day}.</source>
        <translation>{room} ist am {day} geschlossen.</translation>
    </message>
    <message>
        <source>the big room</source>
        <translation>der große Raum</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) left in {bundle}.</source>
        <translation>
            <numerusform>%n Termin übrig in {bundle}.</numerusform>
            <numerusform>%n Termine übrig in {bundle}.</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def german(translate_with: Callable[[Path], None], tmp_path: Path) -> None:
    ts = tmp_path / "test_de.ts"
    ts.write_text(GERMAN, encoding="utf-8")
    translate_with(ts)


def test_a_message_is_its_english_sentence_with_its_id_and_fields() -> None:
    said = m("{room} is closed on {day}.", room="Studio A", day="Monday")
    assert said == "Studio A is closed on Monday."
    assert said.source == "{room} is closed on {day}."
    assert dict(said.fields) == {"room": "Studio A", "day": "Monday"}
    assert field_names(said.source) == {"room", "day"}
    assert str(Conflict(said)) == "Studio A is closed on Monday."


def test_english_plurals_read_the_ending_in_brackets() -> None:
    assert mn("%n session(s) left in {bundle}.", "", 1, bundle="Ten") == "1 session left in Ten."
    assert mn("%n session(s) left in {bundle}.", "", 3, bundle="Ten") == "3 sessions left in Ten."
    assert mn("%n session(s) left in {bundle}.", "", 0, bundle="Ten") == "0 sessions left in Ten."


def test_a_message_survives_pickling_and_the_wire() -> None:
    said = m("{room} is closed on {day}.", room=m("the big room"), day="Monday")
    again = pickle.loads(pickle.dumps(said))
    assert isinstance(again, Message) and again.to_data() == said.to_data()
    wired = Message.from_data(said.to_data())
    assert wired == said and isinstance(wired.fields["room"], Message)


def test_shown_in_german_through_a_compiled_translation(german: None) -> None:
    said = m("{room} is closed on {day}.", room=m("the big room"), day="Montag")
    assert shown(said) == "der große Raum ist am Montag geschlossen."
    assert str(said) == "the big room is closed on Montag."  # logs stay English
    one = mn("%n session(s) left in {bundle}.", "", 1, bundle="Zehnerkarte")
    many = mn("%n session(s) left in {bundle}.", "", 4, bundle="Zehnerkarte")
    assert shown(one) == "1 Termin übrig in Zehnerkarte."
    assert shown(many) == "4 Termine übrig in Zehnerkarte."
    # an error's sentence reaches the window translated
    assert user_message(Conflict(said)) == "der große Raum ist am Montag geschlossen."
    # a sentence nobody translated yet reads in English, plural ending included
    assert shown(mn("%n file(s) shared.", "", 2)) == "2 files shared."
    assert shown("plain text") == "plain text"


def test_any_field_name_and_value_travel_as_json() -> None:
    import json
    from pathlib import PurePosixPath

    said = m(
        "The {description} from {source} is not usable: {error}",
        description=m("log level"),
        source=PurePosixPath("/etc/podyx.conf"),
        error=ValueError("“chatty” is not a log level."),
    )
    assert said == "The log level from /etc/podyx.conf is not usable: “chatty” is not a log level."
    again = Message.from_data(json.loads(json.dumps(said.to_data())))
    assert again == said and again.fields["source"] == "/etc/podyx.conf"
