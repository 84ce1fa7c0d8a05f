"""The gate's parse cache: a repeated text gets the same answer, and no caller can change it."""

from __future__ import annotations

import pytest

from bot.nlu.interpreter import Interpreter
from bot.safety.gate import SafeUnderstanding
from bot.safety.redflags import RedFlagDetector, load_red_flags

TEXTS = ["what causes calcinosis", "no chest pain, just a lump on my finger", "i feel suicidal"]


def gate(interpreter: Interpreter, cache_size: int) -> SafeUnderstanding:
    detector = RedFlagDetector(interpreter.nlp, load_red_flags())
    return SafeUnderstanding(interpreter, detector, cache_size=cache_size)


@pytest.mark.parametrize("text", TEXTS)
def test_a_cached_parse_is_the_uncached_one(interpreter: Interpreter, text: str) -> None:
    cached, uncached = gate(interpreter, 16), gate(interpreter, 0)
    first = cached(text)
    assert cached(text) == first == uncached(text)
    assert (cached.cache.hits, cached.cache.misses) == (1, 1)
    assert (uncached.cache.hits, uncached.cache.misses) == (0, 1)


def test_emergencies_stay_emergencies_from_the_cache(interpreter: Interpreter) -> None:
    understand = gate(interpreter, 16)
    for _ in range(3):
        parse = understand("i feel suicidal")
        assert parse["intent"] == {"name": "emergency", "confidence": 1.0}
        assert parse.get("red_flag") == "suicide"


def test_changing_a_returned_parse_does_not_change_the_cache(interpreter: Interpreter) -> None:
    understand = gate(interpreter, 16)
    parse = understand("what causes calcinosis")
    parse["intent"]["name"] = "greet"
    parse["entities"].append({"entity": "x", "value": "y", "start": 0, "end": 1})
    again = understand("what causes calcinosis")
    assert again["intent"]["name"] == "ask_causes"
    assert all(e["entity"] != "x" for e in again["entities"])


def test_the_cache_is_bounded(interpreter: Interpreter) -> None:
    understand = gate(interpreter, 2)
    for text in TEXTS:
        understand(text)
    understand(TEXTS[0])  # the oldest was dropped: parsed again
    assert (understand.cache.hits, understand.cache.misses) == (0, 4)
