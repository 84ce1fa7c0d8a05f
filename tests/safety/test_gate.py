"""The gate: its parse cache (a repeated text gets the same answer, no caller can change it),
and what a negated red flag rules out."""

from __future__ import annotations

from typing import cast

import pytest
import spacy
from spacy.tokens import Doc

from bot.config import INTENTS_DIR
from bot.nlu.components import IntentScore
from bot.nlu.data import held_out_data
from bot.nlu.interpreter import Interpreter, ParseResult
from bot.nlu.normalizer import stem
from bot.safety.gate import (
    SafeUnderstanding,
    left_out,
    says_nothing,
    told_after,
    without_spans,
)
from bot.safety.redflags import RedFlag, RedFlagDetector, load_red_flags, tells_small_bleed

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


TEXT = "no chest pain, just a lump on my wrist"
REST = "no , just a lump on my wrist"  # the text without the red-flag phrase
PART = "just a lump on my wrist"  # what it tells after its first clause, read apart
NEGATED = RedFlag("chest_pain", "chest pain", True, 3, 13)
LIVE = RedFlag("chest_pain", "chest pain", False, 3, 13)


class _Scored:
    """An interpreter whose classifier gives fixed intents by text, and a detector with fixed
    flags: the gate's decision alone, whatever a trained model would score."""

    def __init__(self, intents: dict[str, str], flags: list[RedFlag]) -> None:
        self.nlp = spacy.blank("en")
        self.intents = intents
        self.flags = flags
        self.read: list[str] = []

    def understand(self, text: str) -> tuple[ParseResult, Doc]:
        self.read.append(text)
        intent = IntentScore(name=self.intents.get(text, "report_symptom"), confidence=0.9)
        parse = ParseResult(text=text, intent=intent, entities=[], intent_ranking=[intent])
        return parse, self.nlp.make_doc(text)

    def scores(self, text: str) -> dict[str, float]:
        self.read.append(text)
        return {self.intents.get(text, "report_symptom"): 0.9}

    def find(self, doc: Doc) -> list[RedFlag]:
        return self.flags if doc.text == TEXT else []


def _understood(intents: dict[str, str], *flags: RedFlag) -> tuple[ParseResult, list[str]]:
    scored = _Scored(intents, list(flags))
    understand = SafeUnderstanding(cast(Interpreter, scored), cast(RedFlagDetector, scored))
    return understand(TEXT), scored.read


def test_negated_red_flags_leave_the_rest_of_the_message_to_the_classifier() -> None:
    parse, read = _understood({TEXT: "emergency", REST: "report_symptom"}, NEGATED)
    assert read == [TEXT, REST, PART]  # the part after the first clause is read apart too
    assert parse["intent"]["name"] == "report_symptom"
    assert "red_flag" not in parse


def test_an_emergency_in_the_rest_of_the_message_is_still_one() -> None:
    parse, _ = _understood({TEXT: "emergency", REST: "emergency"}, NEGATED)
    assert parse["intent"] == {"name": "emergency", "confidence": 1.0}
    assert parse.get("red_flag") == "other"


@pytest.mark.parametrize(
    ("intent", "flags", "expected"),
    [
        ("report_symptom", [LIVE], "chest_pain"),
        ("emergency", [], "other"),
        ("ask_causes", [], None),
    ],
)
def test_live_red_flags_and_the_classifier_alone(
    intent: str, flags: list[RedFlag], expected: str | None
) -> None:
    parse, read = _understood({TEXT: intent}, *flags)
    # no negated flag to take out; an emergency needs nothing more read
    assert read == ([TEXT] if expected else [TEXT, PART])
    assert parse.get("red_flag") == expected


def test_the_red_flag_phrases_are_taken_out_of_the_text() -> None:
    second = RedFlag("seizure", "seizure", True, 31, 38)
    text = "no chest pain, and never had a seizure, but a lump"
    spans = left_out(spacy.blank("en")(text), [second, NEGATED])
    assert without_spans(text, spans) == "no , and never had a , but a lump"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the figure of speech says nothing else: its sentence is left out with it
        ("that bill gave me a heart attack. is surgery the only option?", "ask_treatment"),
        (
            "the prices nearly gave me a heart attack lol. anyway can the deposits be removed",
            "ask_treatment",
        ),
        ("the wait at reception nearly killed me. what causes calcinosis?", "ask_causes"),
        # its sentence tells of the lump: only the phrase is left out
        ("my hard lump is killing me lol. i have scleroderma", "report_symptom"),
    ],
)
def test_a_figure_of_speech_leaves_the_question_after_it_to_be_answered(
    interpreter: Interpreter, text: str, expected: str
) -> None:
    parse = gate(interpreter, 0)(text)
    assert parse["intent"]["name"] == expected
    assert "red_flag" not in parse


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ("what about", True),  # "what about heart attacks", the red flag taken out
        ("is it a ?", True),
        ("what's it", True),
        ("", True),
        ("can it cause a ?", False),
        ("and in my case?", False),
        ("pain", False),
    ],
)
def test_what_is_left_of_a_message_may_say_nothing_to_read(rest: str, expected: bool) -> None:
    """Words without a topic are not guessed at: the classifier would read its priors."""
    assert says_nothing(rest) is expected


# what a reply may start with before it tells of the emergency ("no, i can't breathe"), in
# the middle of the triage questions as anywhere
ANSWERS_FIRST = ("no, ", "ok no, ", "no. ", "nope, ", "not sure, ", "not really. ", "yes, ")
ANSWERS_THEN_TELLS = (
    "no it doesnt hurt, ",
    "no lump, ",
    "not tender. ",
    "i dont have any of those conditions, ",
)


def held_out_emergencies() -> list[str]:
    examples = held_out_data(INTENTS_DIR).examples
    return [example.text for example in examples if example.intent == "emergency"]


@pytest.mark.parametrize("before", ANSWERS_FIRST + ANSWERS_THEN_TELLS)
def test_an_emergency_after_an_answer_is_still_one(interpreter: Interpreter, before: str) -> None:
    understand = gate(interpreter, 0)
    texts = held_out_emergencies()
    assert len(texts) >= 40
    missed = [
        text
        for text in texts
        if understand(text)["intent"]["name"] == "emergency"  # as the held-out test has it
        and understand(before + text)["intent"]["name"] != "emergency"
    ]
    assert missed == []


@pytest.mark.parametrize("before", ANSWERS_FIRST)
def test_a_denied_red_flag_after_an_answer_is_still_denied(
    interpreter: Interpreter, before: str
) -> None:
    understand = gate(interpreter, 0)
    for denial in ("no chest pain", "i don't have chest pain", "i can breathe fine"):
        assert understand(before + denial)["intent"]["name"] != "emergency", before + denial


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("no, kms", ["kms"]),
        ("no i have chest pain", ["i have chest pain"]),
        ("no chest pain", []),  # "no" denies what it comes before
        ("no it doesnt hurt, cardiac arrest", ["it doesnt hurt, cardiac arrest", "cardiac arrest"]),
        ("fever of 39.5 and confused", []),  # a decimal point ends no clause
        ("yes. ", []),
    ],
)
def test_the_parts_read_apart(text: str, parts: list[str]) -> None:
    assert [part for _, part in told_after(text)] == parts
    assert all(text[start:].startswith(part) for start, part in told_after(text))


@pytest.mark.parametrize(
    "text",
    [
        "i was selling my car when i noticed the lump",
        "i was putting cream on it",
        "she pulls her hand away when i touch them",
        "the heat makes it worse",
        "i paid for a scan",
        "no no it was an accident while cooking",
    ],
)
def test_everyday_words_a_letter_from_an_alarm_word_raise_none(
    interpreter: Interpreter, text: str
) -> None:
    """Everyday words are read as typed, not "corrected" to the training data's nearest word:
    "selling" read as "swelling" and "putting" as "cutting" made these emergencies to the
    classifier, and "pulls" read as "pills" told of a medicine."""
    doc = interpreter.nlp.get_pipe("normalizer")(interpreter.nlp.make_doc(text))
    assert all(t.norm_ == stem(t.lower_) for t in doc if t.is_alpha)
    parse = gate(interpreter, 0)(text)
    assert parse["intent"]["name"] != "emergency"
    assert not parse.get("red_flag")
    assert ("cause", "medication") not in {(e["entity"], e["value"]) for e in parse["entities"]}


@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        # a lump's small bleed: what the classifier reads as an emergency is none
        ("the bump broke and is oozing, little blood", False),
        ("the bump split open and its oozing a tiny bit of blood", False),
        ("my lump popped, a few drops of blood", False),
        # more than a little, or a red-flag phrase: still one
        ("the bump broke, a little blood at first but now its pouring", True),
        ("a little blood from the lump and i feel faint", True),
        ("my lump burst and is bleeding heavily, just a little blood before", True),
        ("lump broke open, some blood", False),
    ],
)
def test_a_small_bleed_of_a_lump_is_no_emergency_unless_more_is_told(
    interpreter: Interpreter, text: str, emergency: bool
) -> None:
    assert (gate(interpreter, 0)(text)["intent"]["name"] == "emergency") is emergency


@pytest.mark.parametrize(
    ("text", "small"),
    [
        ("the bump broke and is oozing, little blood", True),
        ("my calcium lump bled a little", True),
        ("lump broke open, some blood", True),
        # not from a lump, or more than a little
        ("i coughed up a little blood", False),
        ("theres a little blood in my pee", False),
        ("a little blood from my lump and my mouth", False),
        ("a little blood from the lump, now its pouring", False),
        ("a little blood", False),
    ],
)
def test_a_small_bleed_is_a_lumps_and_only_a_little(text: str, small: bool) -> None:
    assert tells_small_bleed(text) is small
