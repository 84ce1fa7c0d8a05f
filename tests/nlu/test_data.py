"""The training data is valid Rasa 3 data, and the held-out set stays held out."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.config import INTENTS_DIR
from bot.nlu.data import DataError, held_out_data, parse_example, read_file, training_data

QUESTION_INTENTS = [
    "ask_definition",
    "ask_causes",
    "ask_conditions",
    "ask_symptoms",
    "ask_diagnosis",
    "ask_treatment",
    "ask_prevention",
    "ask_location",
    "ask_composition",
    "ask_types",
    "ask_cancer",
    "ask_complications",
    "ask_who_affected",
    "ask_doctor",
    "ask_source",
]
CONTRACT_INTENTS = [
    *QUESTION_INTENTS,
    "report_symptom",
    "emergency",
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "bot_challenge",
    "ask_capabilities",
    "out_of_scope",
]


def test_annotation_forms_are_read_with_offsets() -> None:
    example = parse_example(
        'is it [lupus]{"entity": "condition", "value": "systemic lupus erythematosus"} or '
        "[RA](condition:rheumatoid arthritis) in my [fingers](body_site)",
        "ask_conditions",
    )
    assert example.text == "is it lupus or RA in my fingers"
    assert [
        (e["entity"], e["value"], example.text[e["start"] : e["end"]]) for e in example.entities
    ] == [
        ("condition", "systemic lupus erythematosus", "lupus"),
        ("condition", "rheumatoid arthritis", "RA"),
        ("body_site", "fingers", "fingers"),
    ]


def test_a_malformed_file_names_the_file(tmp_path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text('version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    hello\n')
    with pytest.raises(DataError, match=r"bad\.yml"):
        read_file(bad)


def test_every_contract_intent_has_at_least_40_varied_examples() -> None:
    counts = Counter(e.intent for e in training_data(INTENTS_DIR).examples)
    short = {i: counts[i] for i in CONTRACT_INTENTS if counts[i] < 40}
    assert not short, f"fewer than 40 training examples: {short}"
    assert counts["out_of_scope"] >= 300
    assert counts["emergency"] >= 150


def test_training_sentences_are_unique() -> None:
    texts = Counter(e.text.lower() for e in training_data(INTENTS_DIR).examples)
    assert [t for t, n in texts.items() if n > 1] == []


def test_no_held_out_sentence_is_trained_on() -> None:
    trained = {e.text.lower().strip() for e in training_data(INTENTS_DIR).examples}
    for name in ("nlu.yml", "typos.yml", "questions.yml"):
        held = {e.text.lower().strip() for e in held_out_data(INTENTS_DIR, name).examples}
        assert trained.isdisjoint(held), f"{name} sentences in training: {trained & held}"


def test_held_out_set_has_at_least_10_per_intent() -> None:
    counts = Counter(e.intent for e in held_out_data(INTENTS_DIR).examples)
    assert {i: counts[i] for i in CONTRACT_INTENTS if counts[i] < 10} == {}
    assert len(held_out_data(INTENTS_DIR, "typos.yml").examples) >= 40
