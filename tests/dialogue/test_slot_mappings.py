"""Global slot filling through rasa-sdk's executor: the whole event list for a statement, and
the domain's slot list worked out once per domain, never reused for another one."""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import pytest
import rasa_sdk
from rasa_sdk import Tracker
from rasa_sdk.executor import ActionExecutor

from bot.actions.triage import (
    ValidateSlotMappings,
    from_answer,
    from_statement,
    slots_before_message,
)
from bot.dialogue.domain import load_domain
from bot.dialogue.tracker import DialogueState


def statement(
    text: str,
    entities: list[dict[str, Any]],
    intent: str = "report_symptom",
    loop: str | None = None,
) -> dict[str, Any]:
    state = DialogueState("slots")
    if loop:
        state.apply({"event": "active_loop", "name": loop})
    state.apply(
        {
            "event": "user",
            "text": text,
            "parse_data": {
                "intent": {"name": intent, "confidence": 1.0},
                "entities": entities,
                "text": text,
            },
        }
    )
    return state.as_dict()


def run(executor: ActionExecutor, tracker: dict[str, Any], domain: dict[str, Any]) -> Any:
    call = {
        "next_action": "action_validate_slot_mappings",
        "sender_id": "slots",
        "tracker": tracker,
        "domain": domain,
        "version": rasa_sdk.__version__,
    }
    return asyncio.run(executor.run(call))


def test_a_statement_fills_its_slots() -> None:
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    tracker = statement(
        "i have a hard lump on my finger and it hurts",
        [
            {"entity": "symptom", "value": "lump", "start": 14, "end": 18},
            {"entity": "symptom", "value": "pain", "start": 39, "end": 44},
        ],
    )
    result = run(executor, tracker, load_domain())
    assert [dict(e) for e in result.events] == [
        {"event": "slot", "timestamp": None, "name": "deposit_noticed", "value": True},
        {"event": "slot", "timestamp": None, "name": "pain", "value": True},
    ]
    assert result.responses == []


LUMP = {"entity": "symptom", "value": "lump", "start": 0, "end": 0}
NO_PAIN = {"entity": "symptom", "value": "pain", "start": 0, "end": 0, "negated": True}


@pytest.mark.parametrize(
    ("text", "intent", "loop", "expected"),
    [
        # asked, not told, and of no one in particular: nothing is filled
        ("does a lump hurt?", "ask_symptoms", None, []),
        # no question mark, but no "i" or "my" either: not the patient's own
        ("can a lump be painless", "ask_symptoms", None, []),
        # in the middle of the questions a statement is about their lump, even without "my"
        ("they don't hurt", "inform", "triage_form", [("pain", False)]),
        # ... but a question there is still a question
        ("does a lump hurt?", "ask_symptoms", "triage_form", []),
        # the patient's own, outside the questions: every slot it names, in the domain's order
        (
            "my lump doesn't hurt",
            "ask_symptoms",
            None,
            [("deposit_noticed", True), ("pain", False)],
        ),
    ],
)
def test_only_a_patients_own_statement_fills_slots(
    text: str, intent: str, loop: str | None, expected: list[tuple[str, Any]]
) -> None:
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    entities = [LUMP, NO_PAIN] if "lump" in text else [NO_PAIN]
    result = run(executor, statement(text, entities, intent, loop), load_domain())
    assert [(e["name"], e["value"]) for e in result.events] == expected


DOG = {"entity": "species", "value": "dog", "start": 0, "end": 0}
INJURY = {"entity": "cause", "value": "injury", "start": 0, "end": 0}


@pytest.mark.parametrize(
    ("text", "entities", "loop", "expected"),
    [
        # a pet's lump is the pet's: what the source says of animals, and no slot of theirs
        ("my dog has a lump on his paw", [DOG, LUMP], None, []),
        # in the middle of the questions, a statement is about their own lump
        ("the dog bit my hand there", [DOG, INJURY], "triage_form",
         [("possible_trigger", "injury")]),
    ],
)  # fmt: skip
def test_a_pets_lump_fills_no_slot_of_the_patients(
    text: str, entities: list[dict[str, Any]], loop: str | None, expected: list[tuple[str, Any]]
) -> None:
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    result = run(executor, statement(text, entities, "report_symptom", loop), load_domain())
    assert [(e["name"], e["value"]) for e in result.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a medicine in a question is asked about, not one they have taken for long
        ("which medication should i take to dissolve my deposits", [("deposit_noticed", True)]),
        ("i have been on a medication for years and have deposits", [
            ("deposit_noticed", True),
            ("possible_trigger", "medication"),
        ]),
    ],
)  # fmt: skip
def test_a_trigger_named_in_a_question_is_not_told(
    text: str, expected: list[tuple[str, Any]]
) -> None:
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    medicine, deposits = text.index("medication"), text.index("deposits")
    entities = [
        {"entity": "cause", "value": "medication", "start": medicine, "end": medicine + 10},
        {"entity": "symptom", "value": "deposit", "start": deposits, "end": deposits + 8},
    ]
    result = run(executor, statement(text, entities, "ask_treatment"), load_domain())
    assert [(e["name"], e["value"]) for e in result.events] == expected


def test_a_slot_missing_from_the_domain_is_never_filled() -> None:
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    domain = copy.deepcopy(load_domain())
    del domain["slots"]["pain"]
    result = run(executor, statement("my lump doesn't hurt", [LUMP, NO_PAIN]), domain)
    assert [(e["name"], e["value"]) for e in result.events] == [("deposit_noticed", True)]


def test_domain_slots_are_worked_out_once_per_domain() -> None:
    action = ValidateSlotMappings()
    domain = load_domain()
    first = action.domain_slots(domain)
    assert first == list(domain["slots"])
    assert action.domain_slots(domain) == first
    smaller = copy.deepcopy(domain)
    del smaller["slots"]["pain"]
    assert action.domain_slots(smaller) == [s for s in first if s != "pain"]
    assert action.domain_slots(domain) == first


def answer(intent: str, *entities: tuple[str, str]) -> dict[str, Any]:
    return {
        "intent": {"name": intent},
        "entities": [{"entity": kind, "value": value} for kind, value in entities],
    }


def test_one_mention_not_denied_tells_of_the_symptom() -> None:
    """ "they dont hurt much but sometimes they are sore" has pain; "no lump, no pain" none."""
    mixed = {"entities": [symptom("pain", negated=True), symptom("pain", negated=False)]}
    assert from_statement(mixed) == {"pain": True}
    denied = {"entities": [symptom("lump", negated=True), symptom("pain", negated=True)]}
    assert from_statement(denied) == {"deposit_noticed": False, "pain": False}


def symptom(value: str, *, negated: bool) -> dict[str, Any]:
    return {"entity": "symptom", "value": value, "negated": negated}


def site(text: str, word: str, value: str, *, negated: bool = False) -> dict[str, Any]:
    """A body site entity over ``word`` where it stands in ``text``."""
    start = text.index(word)
    return {
        "entity": "body_site",
        "value": value,
        "start": start,
        "end": start + len(word),
        "negated": negated,
    }


@pytest.mark.parametrize(
    ("text", "word", "value", "negated", "expected"),
    [
        ("I have had calcinosis on my hands for years", "hands", "hand", False, True),
        ("my doctor says i have calcification in my fingers", "fingers", "finger", False, True),
        # a statement before a question still tells
        (
            "Hi, I've had calcinosis on my elbows since my thirties. Can it cause ulcers?",
            "elbows",
            "elbow",
            False,
            True,
        ),
        # asked, suspected, denied, or found where no one sees or feels it: not told
        ("can i get calcinosis on my hands?", "hands", "hand", False, None),
        ("is calcinosis on my hands painful", "hands", "hand", False, None),
        ("maybe calcinosis in my fingers?", "fingers", "finger", False, None),
        ("i dont have calcinosis on my hands", "hands", "hand", True, None),
        ("i have calcification in my arteries", "arteries", "blood vessel", False, None),
        # a site of its own, without calcinosis named, tells no deposit
        ("my hands are cold", "hands", "hand", False, None),
        # calcinosis in one sentence, the site in another
        ("I have calcinosis. My hands are cold.", "hands", "hand", False, None),
    ],
)
def test_own_calcinosis_where_it_shows_tells_of_a_deposit(
    text: str, word: str, value: str, negated: bool, expected: bool | None
) -> None:
    """ "I've had calcinosis on my hands for years" answers whether they noticed a lump."""
    found = from_statement({"text": text, "entities": [site(text, word, value, negated=negated)]})
    assert found.get("deposit_noticed") is expected


@pytest.mark.parametrize("relatives", [True, False])
def test_calcinosis_of_the_one_a_carer_speaks_for_tells_of_their_deposit(relatives: bool) -> None:
    """ "mum got calcinosis on her fingertips" answers whether she has a lump, when the
    questions are about her; it tells nothing of the patient's own."""
    text = "mum got calcinosis on her fingertips"
    found = from_statement(
        {"text": text, "entities": [site(text, "fingertips", "fingertip", negated=False)]},
        relatives=relatives,
    )
    assert found.get("deposit_noticed") is (True if relatives else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mum got calcinosis on her fingertips, hurts her a lot", {"pain": True}),
        ("the lumps on his elbow, hurts him when he leans", {"pain": True}),
        ("she fell and hurts her knee", {"possible_trigger": "injury"}),
    ],
)
def test_hurts_her_with_its_subject_left_out_is_the_lump_hurting(
    text: str, expected: dict[str, object]
) -> None:
    start = text.index("hurts")
    injury = {"entity": "cause", "value": "injury", "start": start, "end": start + 9}
    assert from_statement({"text": text, "entities": [injury]}, relatives=True) == expected


def test_an_answer_telling_something_else_leaves_the_question_to_ask_again() -> None:
    """ "i have RA" when asked about an injury fills the condition and asks again; "not sure"
    or an answer naming nothing moves on, so the questions never loop on silence."""
    told = answer("ask_conditions", ("condition", "rheumatoid arthritis"))
    assert from_answer(told, "possible_trigger") == {"known_condition": "rheumatoid arthritis"}
    unsure = answer("unsure", ("condition", "rheumatoid arthritis"))
    assert from_answer(unsure, "possible_trigger") == {
        "known_condition": "rheumatoid arthritis",
        "unsure_of": ["possible_trigger"],
    }
    assert from_answer(answer("out_of_scope"), "possible_trigger") == {
        "unsure_of": ["possible_trigger"]
    }
    assert from_answer(answer("deny"), "possible_trigger") == {"possible_trigger": "none"}


def test_a_medicine_named_in_a_dose_request_is_no_trigger_of_theirs() -> None:
    text = "how much medicine should i take"
    message = {**answer("out_of_scope", ("cause", "medication")), "text": text}
    assert from_answer(message, "possible_trigger") == {}
    assert from_answer(message, "known_condition") == {}


@pytest.mark.parametrize(
    ("intent", "text", "requested", "expected"),
    [
        ("out_of_scope", "yes its hard like a stone", "pain", {"pain": True}),
        # the reply's own yes or no over the classifier's reading, also after filler words
        ("deny", "yes theyre hard", "pain", {"pain": True}),
        ("affirm", "ok then no", "known_condition", {"known_condition": "none"}),
        ("ask_conditions", "no conditions", "known_condition", {"known_condition": "none"}),
        # yes to "a connective tissue disease?" is one, though unnamed; yes to "an injury, an
        # infection or a medicine?" names none of the three
        ("affirm", "yes", "known_condition", {"known_condition": "connective tissue disease"}),
        ("affirm", "yes", "possible_trigger", {"unsure_of": ["possible_trigger"]}),
        ("ask_symptoms", "nope, nothing like that", "deposit_noticed", {"deposit_noticed": False}),
        # a question is no answer, whatever word it starts with
        ("ask_treatment", "yes, how is it treated?", "pain", {"unsure_of": ["pain"]}),
        ("unsure", "not sure", "pain", {"unsure_of": ["pain"]}),
        ("unsure", "no idea", "pain", {"unsure_of": ["pain"]}),
        ("out_of_scope", "no clue really", "pain", {"unsure_of": ["pain"]}),
        # a question that answers nothing: the same question again, not "not sure"
        ("nlu_fallback", "can my dog get this too", "known_condition", {}),
        ("out_of_scope", "why do you need to know?", "pain", {}),
    ],
)
def test_a_reply_starting_with_yes_or_no_answers_whatever_the_intent(
    intent: str, text: str, requested: str, expected: dict[str, Any]
) -> None:
    assert from_answer({**answer(intent), "text": text}, requested) == expected


@pytest.mark.parametrize(
    ("answered", "expected"),
    [
        # "no" with a change of mind about the pain: perhaps the pain's; the open question again
        ({"deposit_noticed": True, "pain": False}, {"pain": True}),
        # "no" with the pain told as it was: the open question's
        ({"deposit_noticed": True, "pain": True}, {"pain": True, "known_condition": "none"}),
        # the pain not asked yet: told ahead, the "no" answers the open question
        ({"deposit_noticed": True}, {"pain": True, "known_condition": "none"}),
    ],
)
def test_a_yes_or_no_that_changes_an_earlier_answer_answers_no_other(
    answered: dict[str, Any], expected: dict[str, Any]
) -> None:
    message = {
        "intent": {"name": "deny"},
        "entities": [{"entity": "symptom", "value": "pain", "negated": False}],
        "text": "no, actually it does hurt",
    }
    assert from_answer(message, "known_condition", answered) == expected


@pytest.mark.parametrize(
    ("intent", "text", "entities", "expected"),
    [
        # the yes or no goes with what is told: the condition is asked again
        ("affirm", "yes it's sore", [("symptom", "pain", False)], {"pain": True}),
        ("deny", "actually no, it doesn't hurt", [("symptom", "pain", True)], {"pain": False}),
        # it does not: it answers the open question
        (
            "deny",
            "no, just the lump",
            [("symptom", "lump", False)],
            {"deposit_noticed": True, "known_condition": "none"},
        ),
    ],
)
def test_a_yes_or_no_that_goes_with_what_the_message_tells_is_its_answer(
    intent: str, text: str, entities: list[tuple[str, str, bool]], expected: dict[str, Any]
) -> None:
    message = {
        "intent": {"name": intent},
        "entities": [{"entity": k, "value": v, "negated": n} for k, v, n in entities],
        "text": text,
    }
    assert from_answer(message, "known_condition") == expected


def test_the_slots_before_the_message_leave_out_its_own_slot_events() -> None:
    tracker = Tracker.from_dict(
        {
            "sender_id": "t",
            "slots": {"pain": False},
            "latest_message": {},
            "events": [
                {"event": "slot", "name": "pain", "value": None},
                {"event": "slot", "name": "pain", "value": True},
                {"event": "slot", "name": "requested_slot", "value": "known_condition"},
                {"event": "user", "text": "actually no, it doesn't hurt"},
                {"event": "slot", "name": "pain", "value": False},
            ],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "triage_form"},
            "latest_action_name": "action_extract_slots",
        }
    )
    assert slots_before_message(tracker) == {"pain": True}
