"""A message that asks two or three things is read a question at a time; one that asks one
thing in many words stays whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from bot.config import INTENTS_DIR
from bot.nlu import clauses
from bot.nlu.clauses import TOPIC_QUESTIONS, Clause, may_ask_more, question_clauses
from bot.nlu.components import IntentScore
from bot.nlu.data import held_out_data, training_data
from bot.nlu.interpreter import Interpreter
from bot.yamlfile import read_yaml

RULES = Path(__file__).parents[2] / "intents" / "rules.yml"


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("what causes it and how is it treated?", ["what causes it", "how is it treated?"]),
        ("What causes it? How is it treated?", ["What causes it?", "How is it treated?"]),
        ("what causes it, how is it treated", ["what causes it", "how is it treated"]),
        ("is it cancer, and also can it spread", ["is it cancer", "can it spread"]),
        # what is said before the first question goes with it, and after the last with that
        (
            "I have scleroderma, what causes it and is it cancer? thanks",
            ["I have scleroderma, what causes it", "is it cancer? thanks"],
        ),
        # two things asked of it in one question
        ("how is it diagnosed and treated", ["how is it diagnosed", "how is it treated"]),
        ("how do they diagnose and treat it", ["how do they diagnose it", "how do they treat it"]),
        (
            "can it be prevented or cured?",
            ["can it be prevented?", "can it be cured?"],
        ),
        (
            "what is it. is it cancer. can it be cured",
            ["what is it.", "is it cancer.", "can it be cured"],
        ),
        # a question of a word or three
        ("calcinosis - symptoms? treatment?", ["calcinosis - symptoms?", "treatment?"]),
        ("what is it, preventable?", ["what is it", "preventable?"]),
        ("what are the symptoms & treatment?", ["what are the symptoms", "treatment?"]),
    ],
)
def test_the_questions_of_a_message(text: str, clauses: list[str]) -> None:
    assert [clause.text for clause in question_clauses(text)] == clauses


def test_the_word_pass_lets_through_every_message_the_rules_split(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`may_ask_more` spares most messages the rules; it must never spare one they split."""
    data = training_data(INTENTS_DIR)
    for name in ("nlu.yml", "typos.yml", "questions.yml"):
        data.extend(held_out_data(INTENTS_DIR, name))
    texts = [example.text for example in data.examples]
    monkeypatch.setattr(clauses, "may_ask_more", lambda text: True)
    split = [text for text in texts if len(question_clauses(text)) > 1]
    monkeypatch.undo()
    assert len(split) > 20  # the rules split some of them (the questions set, mostly)
    assert [text for text in split if not may_ask_more(text)] == []
    assert sum(map(may_ask_more, texts)) < len(texts) / 5  # and it spares most


def test_each_question_also_stands_alone() -> None:
    """What is said before a question is kept apart too, for when it outweighs the question."""
    assert question_clauses(
        "I have a lump on my finger. What causes it, and how is it treated?"
    ) == [
        Clause("I have a lump on my finger. What causes it", "What causes it"),
        Clause("how is it treated?", "how is it treated?"),
    ]
    assert question_clauses("I have lupus, how is it diagnosed and treated") == [
        Clause("I have lupus, how is it diagnosed", "how is it diagnosed"),
        Clause("I have lupus, how is it treated", "how is it treated"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "what causes calcinosis",
        "i keep hearing the term calcinosis, what is it?",
        "my finger hurts and is swollen",  # one piece asks
        "my finger hurts and can't bend",  # "can't" goes on telling
        "what about rabbits, can they get it",  # "what about" names what the question is of
        "what conditions is it linked to? lupus, scleroderma, that kind of thing?",  # examples
        "is it cancer or is it benign",  # "or": one question, two answers to it
        "how is it treated and treated again",  # the same verb twice
        "what is it? is it cancer? can it spread? how is it treated?",  # more than three
        "",
    ],
)
def test_a_message_that_asks_one_thing_is_left_whole(text: str) -> None:
    assert question_clauses(text) == [Clause(text, text)]


def test_the_topic_questions_are_those_the_facts_answer() -> None:
    """The intents of the rule that runs action_answer: a topic question is answered so."""
    rules = read_yaml(RULES)["rules"]
    answered = next(r for r in rules if {"action": "action_answer"} in r["steps"])
    assert {step["intent"] for step in answered["steps"][0]["or"]} == TOPIC_QUESTIONS


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        ("what causes calcinosis and how is it treated?", ["ask_causes", "ask_treatment"]),
        ("What are the symptoms? How do doctors find it?", ["ask_symptoms", "ask_diagnosis"]),
        ("how is it diagnosed and treated", ["ask_diagnosis", "ask_treatment"]),
        (
            "what is calcinosis made of, and where does it form",
            ["ask_composition", "ask_location"],
        ),
    ],
)
def test_each_question_is_read_alone(
    interpreter: Interpreter, text: str, intents: list[str]
) -> None:
    parsed = interpreter.parse(text)
    questions = parsed.get("questions") or []
    assert [q["intent"]["name"] for q in questions] == intents
    assert all(q["text"] for q in questions)
    assert parsed["intent"]["name"] in intents


class ReadWholeAsOutOfScope:
    """The trained pipeline, but a message of several questions read whole is out of scope
    (as "how is it diagnosed and treated" was), whatever the model of the day reads."""

    def __init__(self, nlp: Language, whole: str) -> None:
        self.nlp = nlp
        self.whole = whole

    def __call__(self, text: str) -> Doc:
        doc = self.nlp(text)
        if text == self.whole:
            doc._.intent = IntentScore(name="out_of_scope", confidence=0.7)
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


def test_a_whole_read_as_out_of_scope_takes_its_first_question(trained: Language) -> None:
    text = "what causes calcinosis and how is it treated?"
    interpreter = Interpreter(cast(Language, ReadWholeAsOutOfScope(trained, text)))
    parsed = interpreter.parse(text)
    first = (parsed.get("questions") or [{}])[0]
    assert first["intent"]["name"] == "ask_causes"
    assert parsed["intent"] == first["intent"]
    assert parsed["intent_ranking"][0] == first["intent"]


def test_entities_of_a_question_are_those_of_its_own_words(interpreter: Interpreter) -> None:
    parsed = interpreter.parse("can diabetes cause calcinosis, and how is it treated?")
    first, second = parsed.get("questions") or [{}, {}]
    assert first["intent"]["name"] == "ask_conditions"
    assert [(e["entity"], e["value"]) for e in first["entities"]] == [("condition", "diabetes")]
    start, end = first["entities"][0]["start"], first["entities"][0]["end"]
    assert first["text"][start:end] == "diabetes"
    assert second["intent"]["name"] == "ask_treatment"
    assert second["entities"] == []


def test_a_question_said_on_in_a_word_or_three_is_one_question(interpreter: Interpreter) -> None:
    parsed = interpreter.parse("how do they test for it, x-ray? and what is it made of")
    assert [q["intent"]["name"] for q in parsed.get("questions") or []] == [
        "ask_diagnosis",
        "ask_composition",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "what is diabetes and how is it treated",  # one of them is not about calcinosis
        "i have a lump on my finger and what causes it",  # tells, then asks one thing
        "what makes someone get it, is it just bad luck",  # says the first again
        "how does it start, what's behind it",  # one topic twice
    ],
)
def test_a_message_not_of_two_topic_questions_gets_one_reading(
    interpreter: Interpreter, text: str
) -> None:
    assert "questions" not in interpreter.parse(text)
