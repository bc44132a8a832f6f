"""Changes: merging, asking, and the JSON other seats receive."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from podyx_desktop.domain.changes import Changes, Kind


def test_merging_keeps_known_ids_and_forgets_unknown_ones() -> None:
    one = Changes.of_ids(Kind.BOOKINGS, [1]).merge(Changes.of_ids(Kind.BOOKINGS, [2]))
    assert one.ids_of(Kind.BOOKINGS) == {1, 2}
    unknown = one.merge(Changes.of(Kind.BOOKINGS))
    assert unknown.ids_of(Kind.BOOKINGS) is None
    assert unknown.ids_of(Kind.PURCHASES) == frozenset()
    assert Changes.of(Kind.NOTES).merge(Changes.all()).everything


def test_touches_and_truth() -> None:
    changes = Changes.of_ids(Kind.PURCHASES, [7])
    assert changes.touches(Kind.PURCHASES, Kind.BOOKINGS)
    assert not changes.touches(Kind.BOOKINGS)
    assert Changes.all().touches(Kind.AUDIT)
    assert not Changes() and Changes.all() and changes


def test_json_round_trip_and_unreadable_payloads_mean_everything() -> None:
    changes = Changes.of_ids(Kind.BOOKINGS, [3, 1]).merge(Changes.of(Kind.BUNDLES))
    assert Changes.from_json(changes.to_json()) == changes
    assert Changes.from_json(Changes.all().to_json()).everything
    for payload in ("", "not json", "[1]", '{"spaceships": [1]}'):
        assert Changes.from_json(payload).everything, payload


def test_changes_are_hashable_values() -> None:
    assert len({Changes.of(Kind.NOTES), Changes.of(Kind.NOTES)}) == 1


@given(
    st.lists(
        st.one_of(
            st.just(Changes.all()),
            st.builds(
                Changes,
                st.dictionaries(
                    st.sampled_from(list(Kind)),
                    st.one_of(st.none(), st.frozensets(st.integers(0, 50), max_size=5)),
                    max_size=4,
                ),
            ),
        ),
        max_size=12,
    )
)
def test_merging_many_at_once_is_merging_them_one_by_one(many: list[Changes]) -> None:
    one_by_one = Changes()
    for changes in many:
        one_by_one = one_by_one.merge(changes)
    assert Changes.merge_all(many) == one_by_one
