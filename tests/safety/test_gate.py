"""The gate: its parse cache (a repeated text gets the same answer, no caller can change it),
and what a negated red flag rules out."""

from __future__ import annotations

from typing import cast

import pytest
import spacy
from spacy.tokens import Doc

from bot.nlu.components import IntentScore, decide
from bot.nlu.interpreter import Interpreter, ParseResult
from bot.safety.gate import SafeUnderstanding
from bot.safety.redflags import RedFlag, RedFlagDetector, load_red_flags

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


class _Scored:
    """An interpreter whose classifier gives fixed scores, and a detector with fixed flags:
    the gate's decision alone, whatever a trained model would score."""

    def __init__(self, ranking: list[tuple[str, float]], flags: list[RedFlag]) -> None:
        self.nlp = spacy.blank("en")
        self.ranking: list[IntentScore] = [IntentScore(name=n, confidence=c) for n, c in ranking]
        self.flags = flags

    def understand(self, text: str) -> tuple[ParseResult, Doc]:
        ranking = [dict(r) for r in self.ranking]
        parse = ParseResult(
            text=text, intent=self.decide(ranking), entities=[], intent_ranking=ranking
        )
        return parse, self.nlp.make_doc(text)

    def decide(self, ranking: list[IntentScore]) -> IntentScore:
        return decide(ranking, 0.0, 0.02)

    def find(self, doc: Doc) -> list[RedFlag]:
        return self.flags


def _decided(ranking: list[tuple[str, float]], *flags: RedFlag) -> str:
    scored = _Scored(ranking, list(flags))
    understand = SafeUnderstanding(cast(Interpreter, scored), cast(RedFlagDetector, scored))
    return understand("no chest pain, just a lump on my wrist")["intent"]["name"]


NEGATED = RedFlag("cardiac", "chest pain", True, 3, 13)
LIVE = RedFlag("cardiac", "chest pain", False, 3, 13)


@pytest.mark.parametrize(
    ("ranking", "flags", "intent"),
    [
        # the classifier's emergency, every red flag negated: the next intent
        (
            [("emergency", 0.50), ("report_symptom", 0.45), ("deny", 0.05)],
            [NEGATED],
            "report_symptom",
        ),
        # too close to call only because of emergency, which the negation rules out
        ([("report_symptom", 0.505), ("emergency", 0.495)], [NEGATED], "report_symptom"),
        # the others' scores are read given that it is not an emergency (renormalised)
        (
            [("emergency", 0.97), ("report_symptom", 0.02), ("ask_symptoms", 0.01)],
            [NEGATED],
            "report_symptom",
        ),
        # close between two others: still a fallback
        (
            [("emergency", 0.4), ("report_symptom", 0.3), ("ask_symptoms", 0.29)],
            [NEGATED],
            "nlu_fallback",
        ),
        ([("report_symptom", 0.9), ("emergency", 0.1)], [LIVE], "emergency"),
        ([("emergency", 0.9), ("report_symptom", 0.1)], [], "emergency"),
        ([("report_symptom", 0.505), ("emergency", 0.495)], [], "nlu_fallback"),
    ],
)
def test_a_negated_red_flag_rules_out_only_the_emergency(
    ranking: list[tuple[str, float]], flags: list[RedFlag], intent: str
) -> None:
    assert _decided(ranking, *flags) == intent
