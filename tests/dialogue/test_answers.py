"""Every question intent is answered with its own topic's facts, and the content checks pass."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from typing import Any

import pytest
import rasa_sdk
from fastapi.testclient import TestClient
from rasa_sdk.executor import ActionExecutor

from bot.actions.knowledge import INTENT_TOPIC, knowledge
from bot.check import run_checks
from bot.config import CLOSING_ADVICE, Settings
from bot.dialogue.domain import load_domain
from bot.dialogue.tracker import DialogueState


@pytest.mark.parametrize("intent", sorted(INTENT_TOPIC))
def test_question_intent_answer_contains_its_facts(client: TestClient, intent: str) -> None:
    replies = client.post(
        "/webhooks/rest/webhook", json={"sender": f"q-{intent}", "message": f"/{intent}"}
    ).json()
    text = "\n".join(r["text"] for r in replies)
    facts = knowledge().facts
    if intent == "ask_source":  # the verbatim passages, not a paraphrase
        assert any(f'"{fact.source}"' in text for fact in facts.facts)
    else:
        assert facts.for_topic(INTENT_TOPIC[intent])[0].text in text
    assert text.endswith(CLOSING_ADVICE)


def test_content_check_passes_and_names_what_is_wrong(settings: Settings, tmp_path) -> None:
    assert run_checks(settings) == []
    broken = tmp_path / "clinic.yml"
    broken.write_text("name: [unclosed\n")
    problems = run_checks(settings.model_copy(update={"clinic_file": broken}))
    assert any(str(broken) in p for p in problems)


def test_shell_numbers_buttons_and_takes_a_number(settings: Settings) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "shell"],
        input="what causes calcinosis\n1\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={"CALCIBOT_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "  1: Which diseases is it linked to?" in result.stdout
    assert "systemic scleroderma" in result.stdout  # the answer to button 1
    assert result.stdout.count(CLOSING_ADVICE) == 2


def question(text: str, intent: str) -> dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}


def answer_turn(text: str, intent: str, questions: list[tuple[str, str]]) -> Any:
    """What action_answer gives, through rasa-sdk's executor, for a message of questions."""
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    parse = {**question(text, intent), "questions": [question(*q) for q in questions]}
    state = DialogueState("answers")
    state.apply({"event": "user", "text": text, "parse_data": parse})
    call = {
        "next_action": "action_answer",
        "sender_id": "answers",
        "tracker": state.as_dict(),
        "domain": load_domain(),
        "version": rasa_sdk.__version__,
    }
    result = asyncio.run(executor.run(call))
    assert result is not None
    return result


def test_each_question_of_a_message_gets_its_answer_in_order() -> None:
    result = answer_turn(
        "what causes it and how is it treated",
        "ask_treatment",
        [("what causes it", "ask_causes"), ("how is it treated", "ask_treatment")],
    )
    k = knowledge()
    causes = [f.id for f in k.facts.for_topic("causes")][: k.facts_per_answer("causes")]
    treatment = [f.id for f in k.facts.for_topic("treatment")][: k.facts_per_answer("treatment")]
    assert [
        (r["response"], r["title"], r["fact_ids"], [b["title"] for b in r["buttons"]])
        for r in result.responses
    ] == [
        ("utter_answer", "What causes it?", causes, []),
        (
            "utter_answer",
            "How is it treated?",
            treatment,
            [
                "Can it be prevented?",
                "When should I see a doctor?",
                "Tell me more",
                "Where is this from?",
            ],
        ),
    ]
    assert result.events == [
        {"event": "slot", "timestamp": None, "name": "last_topic", "value": "treatment"},
        {"event": "slot", "timestamp": None, "name": "facts_shown", "value": causes + treatment},
    ]


def test_two_readings_with_one_answer_give_it_once() -> None:
    result = answer_turn(
        "what causes it, what brings it on",
        "ask_causes",
        [("what causes it", "ask_causes"), ("what brings it on", "ask_causes")],
    )
    assert [(r["response"], r["title"]) for r in result.responses] == [("utter_answer", "")]
