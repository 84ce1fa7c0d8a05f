"""The JSON every turn stores and sends: orjson, with the standard library for what it refuses."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import codec

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@given(JSON)
def test_round_trips_what_the_standard_library_does(value: Any) -> None:
    """Integers beyond 64 bits (a client's metadata may hold any) included."""
    assert codec.loads(codec.dumps(value)) == json.loads(json.dumps(value))
    assert codec.loads(codec.dumpb(value)) == codec.loads(codec.dumps(value))


def test_huge_integers_and_non_string_keys_fall_back() -> None:
    value = {"big": 2**80, 3: "three"}
    assert codec.loads(codec.dumps(value)) == {"big": 2**80, "3": "three"}


def test_reads_older_records_with_nan() -> None:
    assert codec.loads('{"x": NaN}')["x"] != codec.loads('{"x": NaN}')["x"]


def test_non_finite_numbers_become_null() -> None:
    """Valid JSON for every reader (the standard library would write `Infinity`)."""
    assert codec.dumps([float("inf"), float("-inf")]) == "[null,null]"


def test_compact_and_unicode_kept() -> None:
    assert codec.dumps({"a": "é 🙂", "b": [1, 2]}) == '{"a":"é 🙂","b":[1,2]}'


def test_invalid_json_still_raises() -> None:
    with pytest.raises(ValueError, match=r"."):
        codec.loads("{not json")
