"""What the dialogue manager reads in a parse before choosing actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.dialogue.agent import WANTS_QUESTIONS, Agent
from bot.dialogue.tracker import DialogueState
from tests.conftest import agent_over


def parse(text: str, *entities: tuple[str, str, bool]) -> Any:
    return {
        "text": text,
        "intent": {"name": "out_of_scope", "confidence": 1.0},
        "entities": [{"entity": k, "value": v, "negated": n} for k, v, n in entities],
    }


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (parse("is it calcinosis or gout? my toe has a lump", ("symptom", "lump", False)), True),
        # of no one in particular, denied, or no symptom at all
        (parse("is a chalky lump calcinosis or gout?", ("symptom", "lump", False)), False),
        (parse("my toe has no lump, is it gout?", ("symptom", "lump", True)), False),
        (parse("i have no symptoms, is it calcinosis?", ("symptom", "no symptoms", False)), False),
    ],
)  # fmt: skip
def test_a_symptom_of_ones_own_is_read_even_in_a_question(message: Any, expected: bool) -> None:
    assert Agent._names_own_symptom(message) is expected


def test_no_symptoms_tells_of_no_symptom() -> None:
    assert not Agent._tells(
        parse("i have no symptoms", ("symptom", "no symptoms", False)), {"symptom"}
    )
    assert Agent._tells(parse("i have a lump", ("symptom", "lump", False)), {"symptom"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("actually ok lets do the questions", True),
        ("fine, i will answer your questions", True),
        ("can we go back to the questions", True),
        ("hi, can we carry on where we left off", True),
        # the questions declined, not asked for
        ("i don't want to do the questions", False),
        ("skip the questions", False),
        ("no more questions, just answer mine", False),
        ("can we end the questions", False),
    ],
)
def test_the_questions_asked_for_again(text: str, expected: bool) -> None:
    assert (WANTS_QUESTIONS.search(text) is not None) is expected


@pytest.fixture(scope="module")
def agent(model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Agent:
    return agent_over(model_dir, tmp_path_factory.mktemp("plan") / "data")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # read as out of scope or not understood, a lump of one's own (or one's child's) is
        # what the questions are for
        (parse("my 6 yr old has a hard lump on her shin, what should i do",
               ("symptom", "lump", False)), ("action_extract_slots", "triage_form")),
        (parse("how do i treat the flu"), ("action_extract_slots", "action_out_of_scope")),
        (parse("is a lump bad, and whats the weather", ("symptom", "lump", False)),
         ("action_extract_slots", "action_out_of_scope")),
    ],
)  # fmt: skip
def test_a_lump_of_ones_own_read_as_out_of_scope_starts_the_questions(
    agent: Agent, message: Any, expected: tuple[str, ...]
) -> None:
    assert agent.plan(DialogueState("plan"), message, ()) == expected


def told(text: str, intent: str, *entities: tuple[str, str]) -> Any:
    """A parse of ``text`` read as ``intent``, with entities at their places in it."""
    found = []
    for kind, value in entities:
        start = text.lower().index(value)
        found.append({"entity": kind, "value": value, "negated": False, "start": start,
                      "end": start + len(value)})  # fmt: skip
    return {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": found}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (told("I have a small hard lump on my finger. When should I see a doctor?",
              "ask_doctor", ("symptom", "lump")), True),
        # no entity, but the sentence alone tells of one's own calcinosis
        (told("Hi, I have had calcinosis on my hands since my thirties. Can it cause ulcers?",
              "ask_complications"), True),
        # asked, not told; or of a symptom named only in the question; or one sentence
        (told("Is a lump bad? What causes it?", "ask_causes", ("symptom", "lump")), False),
        (told("My friend asked me to ask. Can a lump hurt?", "ask_symptoms",
              ("symptom", "lump")), False),
        (told("what causes a lump on my finger", "ask_causes", ("symptom", "lump")), False),
    ],
)  # fmt: skip
def test_a_question_after_a_symptom_of_ones_own_is_told_first(
    agent: Agent, message: Any, expected: bool
) -> None:
    assert agent._tells_own_symptom_first(message) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i dont want any questions, just tell me how to prevent it", True),
        ("no more questions please, how is it treated", True),
        ("what causes it", False),
        ("my finger hurts, what causes it", False),
    ],
)
def test_a_stop_before_a_question_is_read_apart(agent: Agent, text: str, expected: bool) -> None:
    assert agent._stops_first(text) is expected


def ranked(text: str, *ranking: tuple[str, float]) -> Any:
    scores = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return {"text": text, "intent": scores[0], "entities": [], "intent_ranking": scores}


@pytest.mark.parametrize(
    ("message", "loop", "expected"),
    [
        (ranked("can it be completely painless", ("deny", 0.9), ("ask_symptoms", 0.07)),
         None, "ask_symptoms"),
        # inside the questions a yes or no answers, however it starts
        (ranked("can it be completely painless", ("deny", 0.9), ("ask_symptoms", 0.07)),
         "triage_form", None),
        # too short to ask, no question word, or no question in the ranking
        (ranked("is it? no", ("deny", 0.9), ("ask_symptoms", 0.07)), None, None),
        (ranked("no it is completely painless", ("deny", 0.9), ("ask_symptoms", 0.07)),
         None, None),
        (ranked("can we do that please", ("affirm", 0.9), ("stop", 0.07)), None, None),
    ],
)  # fmt: skip
def test_a_yes_or_no_put_as_a_question_asks_outside_the_questions(
    message: Any, loop: str | None, expected: str | None
) -> None:
    state = DialogueState("helper")
    if loop:
        state.apply({"event": "active_loop", "name": loop})
    result = Agent._asks_rather_than_answers(message, state)
    assert (result["intent"]["name"] if result else None) == expected
    if result:  # the question leads the ranking, which keeps every intent once
        assert [r["name"] for r in result["intent_ranking"]] == [expected, "deny"]
