"""The trained pipeline against the DESIGN.md §5 bars, on data it never saw."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from bot.config import INTENTS_DIR
from bot.nlu import pipeline
from bot.nlu.components import FALLBACK_INTENT, build_entity_patterns
from bot.nlu.data import entity_data, held_out_data
from bot.nlu.evaluate import (
    BARS,
    QUESTIONS_BARS,
    TYPO_BAR,
    evaluate_negation,
    evaluate_questions,
    predict,
    recall_of,
    report_of,
)
from bot.nlu.interpreter import Interpreter
from bot.nlu.metrics import Report
from bot.safety.gate import SafeUnderstanding
from bot.safety.redflags import RedFlagDetector, load_red_flags


@pytest.fixture(scope="module")
def understand(interpreter: Interpreter) -> SafeUnderstanding:
    """The intent the bot acts on: NLU with the safety gate in front."""
    return SafeUnderstanding(interpreter, RedFlagDetector(interpreter.nlp, load_red_flags()))


@pytest.fixture(scope="module")
def held_out_report(understand: SafeUnderstanding) -> Report:
    return report_of(predict(understand, held_out_data(INTENTS_DIR).examples))


def test_held_out_macro_f1_meets_the_bar(held_out_report: Report) -> None:
    assert held_out_report["macro_f1"] >= BARS["macro_f1"], held_out_report["confused_pairs"]


def test_held_out_accuracy_meets_the_bar(held_out_report: Report) -> None:
    assert held_out_report["accuracy"] >= BARS["accuracy"], held_out_report["confused_pairs"]


def test_out_of_scope_recall_meets_the_bar(held_out_report: Report) -> None:
    assert recall_of(held_out_report, "out_of_scope") >= BARS["out_of_scope_recall"]


def test_every_emergency_sentence_is_an_emergency(understand: SafeUnderstanding) -> None:
    emergencies = [e for e in held_out_data(INTENTS_DIR).examples if e.intent == "emergency"]
    assert len(emergencies) >= 40
    missed = [e.text for e in emergencies if understand(e.text)["intent"]["name"] != "emergency"]
    assert missed == []


def test_messages_of_several_questions_get_each_read(interpreter: Interpreter) -> None:
    examples = held_out_data(INTENTS_DIR, "questions.yml").examples
    result = evaluate_questions(interpreter, examples)
    assert result["several"] >= 40
    assert result["one"] >= 40
    assert result["each_read"] >= QUESTIONS_BARS["each_read"], result["missed"]
    assert result["one_kept_whole"] >= QUESTIONS_BARS["one_kept_whole"], result["split_though_one"]


def test_typo_set_accuracy(understand: SafeUnderstanding) -> None:
    report = report_of(predict(understand, held_out_data(INTENTS_DIR, "typos.yml").examples))
    assert report["accuracy"] >= TYPO_BAR, report["confused_pairs"]


def test_negation_cases_are_marked(interpreter: Interpreter) -> None:
    cases = held_out_data(INTENTS_DIR, "negation.yml").negation
    result = evaluate_negation(interpreter.nlp, cases)
    assert result["accuracy"] >= 0.9, result["failures"]


@pytest.mark.parametrize(
    ("text", "mention", "negated"),
    [
        ("no pain", "pain", True),
        ("it doesn't hurt", "hurt", True),
        ("never had lupus", "lupus", True),
        ("without any lump", "lump", True),
        ("i have lupus but no lumps", "lupus", False),
        ("the pain is not going away", "pain", False),
        # a comma that starts a new clause ends the negation; one in a list does not
        ("i'm not bleeding, the lump just feels tender", "lump", False),
        ("i don't have a lump, the pain is in my joint", "pain", False),
        ("no pain, swelling or redness", "swelling", True),
        # "wasn't" negates what follows it, not the patient's noun before it
        ("a hard bump on her leg that wasnt there before", "bump", False),
        ("the lump wasn't painful", "lump", False),
        ("the lump wasn't painful", "painful", True),
        # "free" denies only the word right before it
        ("my lump is pain free", "pain", True),
        ("my lump is pain free", "lump", False),
        ("my finger is pain-free now", "pain", True),
        ("puppy ate sugar free gum", "puppy", False),
    ],
)
def test_lay_negation(interpreter: Interpreter, text: str, mention: str, negated: bool) -> None:
    entities = interpreter.parse(text)["entities"]
    found = [e for e in entities if text[e["start"] : e["end"]] == mention]
    assert found, entities
    assert found[0]["negated"] is negated


def entity_cases() -> list[tuple[str, str, str]]:
    """(phrase, entity, canonical value) for every lookup entry and every synonym."""
    data = entity_data(INTENTS_DIR)
    label_of = {p["pattern"]: p["label"] for p in build_entity_patterns(INTENTS_DIR)}
    cases = []
    for label, phrases in data.lookups.items():
        for phrase in phrases:
            cases.append((phrase, label, data.synonyms.get(phrase.lower(), phrase.lower())))
    for variant, canonical in data.synonyms.items():
        cases.append((variant, label_of[variant], canonical))
    return cases


def test_every_lookup_and_synonym_gives_its_canonical_value_at_the_right_offsets(
    interpreter: Interpreter,
) -> None:
    wrong = []
    for phrase, label, canonical in entity_cases():
        text = f"what about {phrase} then"
        start = len("what about ")
        got = [
            (e["entity"], e["value"], e["start"], e["end"])
            for e in interpreter.parse(text)["entities"]
        ]
        if (label, canonical, start, start + len(phrase)) not in got:
            wrong.append((phrase, got))
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my sclerodema is getting worse", "systemic scleroderma"),
        ("i was told i have lupis", "systemic lupus erythematosus"),
        ("does rheumatiod arthritis cause it", "rheumatoid arthritis"),
        ("i have SLE", "systemic lupus erythematosus"),
        # a misspelling the training sentences hold more than once is still one
        ("dermatomiositis", "dermatomyositis"),
    ],
)
def test_misspelt_and_synonym_conditions(interpreter: Interpreter, text: str, value: str) -> None:
    values = [e["value"] for e in interpreter.parse(text)["entities"] if e["entity"] == "condition"]
    assert values == [value]


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("he came off his bike a few weeks back", []),
        ("i hurt my back years back", ["back"]),
        ("it came back after the operation", []),
        ("there is a hard lump on my back", ["back"]),
        ("my lower back hurts", ["back"]),
        ("they called me back after my mammogram", []),
        ("the nurse rang me back about the scan", []),
    ],
)
def test_back_in_time_and_motion_is_no_body_site(
    interpreter: Interpreter, text: str, sites: list[str]
) -> None:
    values = [e["value"] for e in interpreter.parse(text)["entities"] if e["entity"] == "body_site"]
    assert values == sites


def test_button_payloads_skip_nlu(interpreter: Interpreter) -> None:
    parsed = interpreter.parse('/report_symptom{"body_site": "finger"}')
    assert parsed["intent"] == {"name": "report_symptom", "confidence": 1.0}
    assert [(e["entity"], e["value"]) for e in parsed["entities"]] == [("body_site", "finger")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Good afternoon. I am 79 years of age and was recently told I have calcinosis. "
            "Could you kindly tell me what the treatment options are?",
            "ask_treatment",
        ),
        (
            "Good afternoon. Could you kindly tell me what the treatment options are?",
            "ask_treatment",
        ),
        # a sentence about something else keeps the whole message out of scope
        ("I have had the flu for a week. What are the treatment options?", "out_of_scope"),
        # unless the question moves on from it
        (
            "my car broke down on the way here. anyway, how do they remove the deposits",
            "ask_treatment",
        ),
        # a question after a sentence about something else is of that (the whole read as one)
        ("I was diagnosed with calcinosis last year. How is it treated?", "ask_treatment"),
        ("ugh a bot. ok, what causes it", "ask_causes"),
    ],
)
def test_a_message_of_a_few_sentences_is_read_a_sentence_at_a_time_when_whole_it_is_not_understood(
    interpreter: Interpreter, text: str, expected: str
) -> None:
    """Read whole, the greeting and the age dilute the question into out of scope."""
    assert interpreter.parse(text)["intent"]["name"] == expected


def test_gibberish_is_not_a_question(interpreter: Interpreter) -> None:
    assert interpreter.parse("qwzx vvbnm kkjh")["intent"]["name"] in {
        "out_of_scope",
        FALLBACK_INTENT,
    }


@pytest.mark.slow
def test_training_is_deterministic(interpreter: Interpreter, tmp_path: Path) -> None:
    path = tmp_path / "again"
    pipeline.train(path)
    again = Interpreter.load(path)
    for example in held_out_data(INTENTS_DIR).examples:
        assert again.parse(example.text) == interpreter.parse(example.text), example.text


def test_a_message_in_capitals_is_understood_as_in_lower_case(interpreter: Interpreter) -> None:
    text = "I HAVE A HARD LUMP ON MY FINGER AND IT DOESN'T HURT"
    shouted, _ = interpreter.understand(text)
    typed, _ = interpreter.understand(text.lower())
    assert shouted["text"] == text
    assert shouted["intent"]["name"] == typed["intent"]["name"]
    assert shouted["entities"] == typed["entities"]
    spans = [text[e["start"] : e["end"]].lower() for e in shouted["entities"]]
    assert spans == ["hard lump", "finger", "hurt"]


def test_the_tokenizer_left_unread_at_load_equals_the_one_saved(model_dir: Path) -> None:
    """`pipeline.load` builds the tokenizer from config.cfg and skips the saved copy."""
    saved, built = spacy.load(model_dir), pipeline.load(model_dir)
    assert built.tokenizer.to_bytes() == saved.tokenizer.to_bytes()
    text = "i can't bend my finger :( since mid-2023, e.g. at 5am"
    assert [t.text for t in built(text)] == [t.text for t in saved(text)]
