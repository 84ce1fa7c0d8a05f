"""The safety gate: red flags in any wording, never when negated, before anything else."""

from __future__ import annotations

import pytest

from bot.nlu.interpreter import Interpreter
from bot.safety.redflags import RedFlagDetector, is_emergency, load_red_flags


@pytest.fixture(scope="module")
def detector(interpreter: Interpreter) -> RedFlagDetector:
    return RedFlagDetector(interpreter.nlp, load_red_flags())


def category(interpreter: Interpreter, detector: RedFlagDetector, text: str) -> str | None:
    parse, doc = interpreter.understand(text)
    assert doc is not None
    return is_emergency(detector.find(doc), parse["intent"]["name"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I have chest pain", "chest_pain"),
        ("crushing CHEST PAINS since an hour", "chest_pain"),
        ("my calcinosis lump hurts and now i have chest pian", "chest_pain"),
        ("i cant breathe properly", "breathing"),
        ("her face is drooping and her speech is slurred", "stroke"),
        ("the bleeding won't stop", "bleeding"),
        ("my dad passed out", "unconscious"),
        ("he is having seizures", "seizure"),
        ("my throat is closing after a bee sting", "allergy"),
        ("i took too many pills", "poisoning"),
        ("i feel suicidal", "suicide"),
        ("i want to kill myself", "suicide"),
    ],
)
def test_red_flags_are_found(
    interpreter: Interpreter, detector: RedFlagDetector, text: str, expected: str
) -> None:
    assert category(interpreter, detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "no chest pain, just a lump on my finger",
        "I don't have chest pain",
        "never had a seizure",
        "what causes calcinosis",
        "the lump on my elbow is tender",
    ],
)
def test_negated_or_absent_red_flags_are_not_emergencies(
    interpreter: Interpreter, detector: RedFlagDetector, text: str
) -> None:
    assert category(interpreter, detector, text) is None


def test_the_safety_list_loads_every_family() -> None:
    flags = load_red_flags()
    assert {
        "chest_pain",
        "breathing",
        "stroke",
        "bleeding",
        "unconscious",
        "seizure",
        "allergy",
        "poisoning",
        "suicide",
    } <= set(flags)
