"""Message cleaning: the quick path for plain text gives what the full check gives."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.server.errors import BadRequest
from bot.server.text import CONTROL_CATEGORIES, clean_message


def reference(text: str) -> str:
    return "".join(
        " " if unicodedata.category(ch) in CONTROL_CATEGORIES else ch for ch in text
    ).strip()


@given(st.text(min_size=1) | st.text(alphabet=st.characters(max_codepoint=127), min_size=1))
def test_same_as_checking_every_character(text: str) -> None:
    expected = reference(text)
    if not expected:
        with pytest.raises(BadRequest):
            clean_message(text, 10_000)
    else:
        assert clean_message(text, 10_000) == expected


def test_control_characters_become_spaces() -> None:
    assert clean_message("a\x00b\tc\u202ed ", 100) == "a b c d"
