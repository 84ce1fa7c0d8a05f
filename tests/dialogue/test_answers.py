"""Every question intent is answered with its own topic's facts, and the content checks pass."""

from __future__ import annotations

import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from bot.actions.knowledge import INTENT_TOPIC, knowledge
from bot.check import run_checks
from bot.config import CLOSING_ADVICE, Settings


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
