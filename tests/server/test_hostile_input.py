"""Oversized, malformed and hostile input to the studio server's write routes is refused
in words and changes nothing; where the input is legitimately text (a name that looks
like SQL or like a path), it is stored verbatim as text and harms nothing.

"Changes nothing" is proven on the database itself: the row count of every table and the
newest ``change_log`` id, before and after, and the client's own rows, field by field.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import PASSWORD
from tests.server.hostile_scene import (
    HUGE,
    JSON,
    LONG,
    PATH,
    SQL,
    Scene,
    billing,
    book,
    new_account,
    op,
    problem_of,
    profile,
    snapshot,
)


def refused_bodies(scene: Scene) -> list[tuple[str, str, Any, set[int]]]:
    """(why, route, JSON body, the statuses it may be refused with): each would change
    something if it were taken."""
    s = scene.studio
    cart = {"setup_id": s.podcast_setup, "service_id": s.podcast, "minutes": 120}
    return [
        # SaveProfile
        ("a NUL in a name", op("SaveProfile"), profile("Ada\x00Client"), {422}),
        ("a bell in a name", op("SaveProfile"), profile("Ada\x07"), {422}),
        ("an escape sequence in a name", op("SaveProfile"), profile("\x1b[31mAda"), {422}),
        ("a C1 control in a name", op("SaveProfile"), profile("Ada\x85"), {422}),
        ("a 10,000-character name", op("SaveProfile"), profile(LONG), {422}),
        ("a path as a name of 10,000", op("SaveProfile"), profile(PATH * 700), {422}),
        ("SQL as a phone", op("SaveProfile"), profile(phone="1 OR 1=1"), {422}),
        ("a number as a name", op("SaveProfile"), profile(12345), {422}),
        ("a list as a name", op("SaveProfile"), profile(["Ada"]), {422}),
        ("another client's id", op("SaveProfile"), profile(client_id=scene.b), {404}),
        ("an id of 2**63", op("SaveProfile"), profile(client_id=HUGE), {422}),
        ("an id of -2**63", op("SaveProfile"), profile(client_id=-HUGE), {422}),
        ("an unknown field", op("SaveProfile"), profile(role="owner"), {422}),
        # ChangeEmail
        ("a path as an e-mail", op("ChangeEmail"), {"email": PATH, "password": PASSWORD}, {422}),
        (
            "SQL as an e-mail",
            op("ChangeEmail"),
            {"email": f"{SQL}@example.com", "password": PASSWORD},
            {422},
        ),
        (
            "SQL as the password",
            op("ChangeEmail"),
            {"email": "ada2@example.com", "password": "' OR '1'='1"},
            {422},
        ),
        (
            "a NUL in an e-mail",
            op("ChangeEmail"),
            {"email": "ada\x00@example.com", "password": PASSWORD},
            {422},
        ),
        (
            "a 10,000-character e-mail",
            op("ChangeEmail"),
            {"email": f"{LONG}@example.com", "password": PASSWORD},
            {422},
        ),
        (
            "another client's e-mail",
            op("ChangeEmail"),
            {"email": "ben@example.com", "password": PASSWORD},
            {409},
        ),
        (
            "a password of a wrong type",
            op("ChangeEmail"),
            {"email": "x@example.com", "password": 1},
            {422},
        ),
        ("no password", op("ChangeEmail"), {"email": "ada2@example.com"}, {422}),
        # UpdateBilling
        ("a 10,000-character company", op("UpdateBilling"), billing(LONG), {422}),
        ("a NUL in a company", op("UpdateBilling"), billing("Ada\x00"), {422}),
        ("a NUL in a city", op("UpdateBilling"), billing(city="Ber\x00lin"), {422}),
        ("a 10,000-character VAT id", op("UpdateBilling"), billing(vat_id=LONG), {422}),
        ("an address as text", op("UpdateBilling"), {**billing(), "address": PATH}, {422}),
        ("an unknown address field", op("UpdateBilling"), billing(is_admin=True), {422}),
        ("an unknown field", op("UpdateBilling"), {**billing(), "client_id": scene.b}, {422}),
        # Book
        (
            "a start in the year 9999",
            op("Book"),
            book(scene, starts_at="9999-12-31T23:59:59+00:00"),
            {422},
        ),
        ("a start without a zone", op("Book"), book(scene, starts_at="2026-06-03T18:00:00"), {422}),
        ("a start that is no time", op("Book"), book(scene, starts_at=SQL), {422}),
        ("minutes of 2**63", op("Book"), book(scene, cart={**cart, "minutes": HUGE}), {422}),
        ("negative minutes", op("Book"), book(scene, cart={**cart, "minutes": -120}), {422}),
        ("minutes as a float", op("Book"), book(scene, cart={**cart, "minutes": 120.5}), {422}),
        ("a setup id of 2**63", op("Book"), book(scene, cart={**cart, "setup_id": HUGE}), {422}),
        (
            "a setup id that is SQL",
            op("Book"),
            book(scene, cart={**cart, "setup_id": "1 OR 1=1"}),
            {422},
        ),
        (
            "an add-on quantity of 2**63",
            op("Book"),
            book(scene, cart={**cart, "addons": [{"addon_id": s.extra_mic, "quantity": HUGE}]}),
            {422},
        ),
        (
            "a negative add-on quantity",
            op("Book"),
            book(scene, cart={**cart, "addons": [{"addon_id": s.extra_mic, "quantity": -3}]}),
            {422},
        ),
        ("a price the client sets", op("Book"), book(scene, price_override_minor=0), {403}),
        (
            "the studio's rules bypassed",
            op("Book"),
            book(scene, bypass_rules=True, bypass_reason="x"),
            {403},
        ),
        ("for another client", op("Book"), book(scene, client_id=scene.b), {403}),
        ("a payment method nobody has", op("Book"), book(scene, payment_method="free"), {422}),
        ("SQL as a promo code", op("Book"), book(scene, promo_code=SQL), {422}),
        ("terms not accepted", op("Book"), book(scene, terms_accepted=False), {422}),
        ("an unknown field", op("Book"), {**book(scene), "paid": True}, {422}),
        # CancelBooking
        ("another client's booking", op("CancelBooking"), {"booking_id": scene.b_booking}, {404}),
        ("a booking id of 2**63", op("CancelBooking"), {"booking_id": HUGE}, {422}),
        ("a booking id of 2**70", op("CancelBooking"), {"booking_id": 2**70}, {422}),
        # beyond a 32-bit column: nothing there (SQLite), or a value PostgreSQL refuses
        ("a booking id of 2**40", op("CancelBooking"), {"booking_id": 2**40}, {404, 422}),
        ("a negative booking id", op("CancelBooking"), {"booking_id": -1}, {404}),
        ("SQL as a booking id", op("CancelBooking"), {"booking_id": "1 OR 1=1"}, {422}),
        ("a float booking id", op("CancelBooking"), {"booking_id": scene.booking + 0.5}, {422}),
        ("a null booking id", op("CancelBooking"), {"booking_id": None}, {422}),
        ("a list of booking ids", op("CancelBooking"), {"booking_id": [scene.booking]}, {422}),
        (
            "a NUL in the reason",
            op("CancelBooking"),
            {"booking_id": scene.booking, "reason": "late\x00"},
            {422},
        ),
        (
            "an unknown field",
            op("CancelBooking"),
            {"booking_id": scene.booking, "refund": "all"},
            {422},
        ),
        # SignUp (anonymous; the bearer token is ignored)
        ("a 10,000-character name", op("SignUp"), new_account(full_name=LONG), {422}),
        ("a path as an e-mail", op("SignUp"), new_account(email=PATH), {422}),
        (
            "a NUL in the password",
            op("SignUp"),
            new_account(password="correct\x00horse battery"),
            {422},
        ),
        ("a taken e-mail", op("SignUp"), new_account(email="ben@example.com"), {409}),
        ("a short password", op("SignUp"), new_account(password="1 OR 1=1"), {422}),
        ("an unknown field", op("SignUp"), {**new_account(), "role": "owner"}, {422}),
        ("a role in the account", op("SignUp"), new_account(role="owner"), {422}),
        ("a device that is a list", op("SignUp"), {**new_account(), "device": ["x"]}, {422}),
        # SignIn: guesses against an account nobody has (so no failure is counted)
        (
            "SQL as e-mail and password",
            "/v1/session",
            {"email": SQL, "password": "' OR 1=1 --"},
            {401},
        ),
        (
            "SQL via the op",
            op("SignIn"),
            {"email": SQL, "password": "1 OR 1=1", "device": ""},
            {401},
        ),
        ("a 10,000-character e-mail", "/v1/session", {"email": LONG, "password": "x"}, {422}),
        (
            "a NUL in the e-mail",
            "/v1/session",
            {"email": "a\x00@example.com", "password": "x"},
            {422},
        ),
        (
            "a NUL via the op",
            op("SignIn"),
            {"email": "a\x00b", "password": "x", "device": ""},
            {422},
        ),
        (
            "a system principal asked for",
            "/v1/session",
            {"email": "nobody@example.com", "password": "x", "is_system": True},
            {422},
        ),
        (
            "a password of a wrong type",
            "/v1/session",
            {"email": "nobody@example.com", "password": None},
            {422},
        ),
        # MarkFileOpened
        ("another client's file", op("MarkFileOpened"), {"file_id": scene.b_file}, {404}),
        ("a file id of 2**63", op("MarkFileOpened"), {"file_id": HUGE}, {422}),
        ("a path as a file id", op("MarkFileOpened"), {"file_id": PATH}, {422}),
        ("a negative file id", op("MarkFileOpened"), {"file_id": -1}, {404}),
        ("a float file id", op("MarkFileOpened"), {"file_id": 1.5}, {422}),
        ("a null file id", op("MarkFileOpened"), {"file_id": None}, {422}),
    ]


def test_hostile_bodies_are_refused_in_words_and_change_nothing(
    api: TestClient, scene: Scene
) -> None:
    before = snapshot(scene.services)
    wrong = []
    for why, route, body, statuses in refused_bodies(scene):
        response = api.post(route, json=body, headers=scene.headers)
        problem = problem_of(response)
        if problem or response.status_code not in statuses:
            wrong.append(f"{route}, {why}: {problem or response.status_code} (expected {statuses})")
        after = snapshot(scene.services)
        if after != before:
            changed = [key for key in before if before[key] != after[key]]
            wrong.append(f"{route}, {why}: changed {changed}")
            before = after
    assert not wrong, "\n".join(wrong)
    # and the client is still who she was, signed in, and may book what was refused
    account = api.post(op("GetAccount"), json={}, headers=scene.headers).json()["value"]
    assert (account["full_name"], account["email"]) == ("Ada Client", "ada@example.com")
    booked = api.post(op("Book"), json=book(scene), headers=scene.headers)
    assert booked.status_code == 200, booked.text


def raw_requests(scene: Scene) -> list[tuple[str, bytes, dict[str, str], set[int]]]:
    """Bodies that are no JSON object of the route's fields, each aimed at a real cancel
    of A's booking (taking it would change something)."""
    real = json.dumps({"booking_id": scene.booking}).encode()
    deep_object = b'{"booking_id": ' + b'{"a": ' * 10_000 + b"1" + b"}" * 10_001
    return [
        ("JSON nested 10,000 deep", b"[" * 10_000 + b"]" * 10_000, JSON, {400, 413, 422}),
        ("an object nested 10,000 deep", deep_object, JSON, {400, 413, 422}),
        ("a body over 64 KiB", real[:-1] + b', "reason": "' + b"x" * 70_000 + b'"}', JSON, {413}),
        ("64 KiB of whitespace after it", real + b" " * 66_000, JSON, {413}),
        ("no JSON at all", b"booking_id=%d" % scene.booking, JSON, {400}),
        ("JSON cut short", real[:-3], JSON, {400}),
        ("an empty body", b"", JSON, {422}),
        ("null", b"null", JSON, {422}),
        ("an array", b"[%d]" % scene.booking, JSON, {422}),
        ("a string", b'"%d"' % scene.booking, JSON, {422}),
        ("the right JSON as text/plain", real, {"content-type": "text/plain"}, {422}),
        (
            "the right JSON as a form",
            real,
            {"content-type": "application/x-www-form-urlencoded"},
            {422},
        ),
        (
            "a form",
            b"booking_id=%d" % scene.booking,
            {"content-type": "application/x-www-form-urlencoded"},
            {422},
        ),
        ("the right JSON without a content-type", real, {}, {422}),
        ("NaN as the id", b'{"booking_id": NaN}', JSON, {422}),
        ("1e400 as the id", b'{"booking_id": 1e400}', JSON, {422}),
        (
            "a byte that is no UTF-8",
            b'{"booking_id": %d, "reason": "\xff"}' % scene.booking,
            JSON,
            {400, 422},
        ),
        (
            "a lone surrogate escaped",
            b'{"booking_id": %d, "reason": "\\udc00"}' % scene.booking,
            JSON,
            {422},
        ),
        (
            "a NUL escaped",
            b'{"booking_id": %d, "reason": "\\u0000"}' % scene.booking,
            JSON,
            {422},
        ),
        # duplicate keys: the last one counts (as in every JSON reader Python has), so a
        # proxy that reads the first sees A's booking, but the server acts on B's: refused
        (
            "duplicate keys, another client's booking last",
            b'{"booking_id": %d, "booking_id": %d}' % (scene.booking, scene.b_booking),
            JSON,
            {404},
        ),
        ("a Content-Length that is no number", real, {**JSON, "content-length": "abc"}, {400, 413}),
    ]


def test_malformed_bodies_are_refused_in_words_and_change_nothing(
    api: TestClient, scene: Scene
) -> None:
    before = snapshot(scene.services)
    wrong = []
    for why, content, headers, statuses in raw_requests(scene):
        response = api.post(
            op("CancelBooking"), content=content, headers={**scene.headers, **headers}
        )
        problem = problem_of(response)
        if problem or response.status_code not in statuses:
            wrong.append(f"{why}: {problem or response.status_code} (expected {statuses})")
        after = snapshot(scene.services)
        if after != before:
            wrong.append(f"{why}: changed {[k for k in before if before[k] != after[k]]}")
            before = after
    assert not wrong, "\n".join(wrong)
    # the same route still takes the real request
    taken = api.post(op("CancelBooking"), json={"booking_id": scene.booking}, headers=scene.headers)
    assert taken.status_code == 200, taken.text
