"""The REST channel (`POST /webhooks/rest/webhook`), trackers and forgetting."""

from __future__ import annotations

import gc
import itertools

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import CLOSING_ADVICE, Settings
from bot.server.app import GC_THRESHOLDS, create_app

SENDERS = itertools.count()

HOOK = "/webhooks/rest/webhook"


def say(client: TestClient, message: str, sender: str = "alice") -> list[dict]:
    response = client.post(HOOK, json={"sender": sender, "message": message})
    assert response.status_code == 200, response.text
    return response.json()


def test_the_collector_runs_rarely_while_serving_and_as_before_after(
    settings: Settings,
) -> None:
    """Turns leave no reference cycles, so the collector need not run every 700 objects."""
    before = gc.get_threshold()
    with TestClient(create_app(settings)) as client:
        assert gc.get_threshold() == GC_THRESHOLDS
        assert say(client, "hello")[-1]["text"].endswith(CLOSING_ADVICE)
    assert gc.get_threshold() == before


def test_channel_status(client: TestClient) -> None:
    assert client.get("/webhooks/rest/").json() == {"status": "ok"}


def test_a_turn_has_rasa_shape_and_ends_with_the_advice(client: TestClient) -> None:
    replies = say(client, "what causes calcinosis")
    assert all(r["recipient_id"] == "alice" for r in replies)
    assert replies[-1]["text"].endswith(CLOSING_ADVICE)
    assert all(set(r) <= {"recipient_id", "text", "buttons", "custom"} for r in replies)
    assert all(set(b) == {"title", "payload"} for r in replies for b in r.get("buttons", []))


def test_a_greeting_turn_stores_exactly_these_events(client: TestClient) -> None:
    say(client, "/greet", sender="bob")
    events = client.get("/conversations/bob/tracker").json()["events"]
    assert [(e["event"], e.get("name"), e.get("text")) for e in events] == [
        ("user", None, "/greet"),
        ("action", "action_extract_slots", None),
        ("action", "utter_greet", None),
        (
            "bot",
            None,
            "Hello! I can share what one medical text says about calcinosis (calcium deposits "
            "in tissues): what it is, its causes, symptoms and treatment. I cannot diagnose.\n\n"
            + CLOSING_ADVICE,
        ),
        ("action", "action_listen", None),
    ]
    assert events[0]["parse_data"]["intent"] == {"name": "greet", "confidence": 1.0}


def test_a_form_turn_stores_exactly_these_events(client: TestClient) -> None:
    say(client, "there is a hard lump on my finger and it's tender", sender="carol")
    events = client.get("/conversations/carol/tracker").json()["events"]
    shape = [(e["event"], e.get("name"), e.get("value")) for e in events if e["event"] != "bot"]
    assert shape == [
        ("user", None, None),
        ("action", "action_extract_slots", None),
        ("slot", "deposit_noticed", True),
        ("slot", "pain", True),
        ("action", "triage_form", None),
        ("active_loop", "triage_form", None),
        ("slot", "unsure_of", None),
        ("slot", "for_someone_else", False),
        ("slot", "requested_slot", None),
        ("slot", "unsure_of", None),
        ("slot", "requested_slot", "known_condition"),
        ("action", "action_listen", None),
    ]
    bot = [e for e in events if e["event"] == "bot"]
    assert len(bot) == 1
    assert "connective tissue disease" in bot[0]["text"]
    assert [b["title"] for b in bot[0]["data"]["buttons"]][-2:] == ["None of these", "Not sure"]


def test_tracker_has_rasa_shape(client: TestClient) -> None:
    say(client, "i have a lump on my elbow", sender="dave")
    tracker = client.get("/conversations/dave/tracker").json()
    assert {"sender_id", "slots", "latest_message", "events", "active_loop"} <= set(tracker)
    assert tracker["active_loop"] == {"name": "triage_form"}
    assert tracker["slots"]["deposit_noticed"] is True
    assert tracker["slots"]["known_condition"] is None
    assert tracker["latest_message"]["intent"]["name"] == "report_symptom"


def test_forget_me(client: TestClient) -> None:
    say(client, "hello", sender="erin")
    assert client.delete("/conversations/erin").status_code == 204
    assert client.get("/conversations/erin/tracker").json()["events"] == []
    assert client.delete("/conversations/erin").status_code == 204


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"sender": "a", "message": ""}, 400),
        ({"sender": "", "message": "hi"}, 422),
        ({"sender": "a b", "message": "hi"}, 422),
        ({"sender": "x" * 65, "message": "hi"}, 422),
        ({"sender": "../etc", "message": "hi"}, 422),
        ({"sender": 7, "message": "hi"}, 422),
        ({"sender": "a", "message": ["hi"]}, 422),
        ({"sender": "a", "message": "z" * 1001}, 422),
        ({"message": "hi"}, 422),
    ],
)
def test_bad_messages_get_a_clear_4xx_and_store_nothing(
    client: TestClient, body: dict, status: int
) -> None:
    response = client.post(HOOK, json=body)
    assert response.status_code == status, response.text
    assert response.json()["message"]
    assert client.get("/conversations/a/tracker").json()["events"] == []


def test_bad_sender_in_path(client: TestClient) -> None:
    assert client.get("/conversations/bad%20id/tracker").status_code == 422


ALPHABET = st.characters(codec="utf-8")
PAYLOADS = st.sampled_from(
    [
        "/greet",
        "/affirm",
        "/deny",
        "/unsure",
        "/stop",
        "/ask_more",
        "/ask_source",
        "/ask_treatment",
        "/report_symptom",
        "/nlu_fallback",
        "/emergency",
        "/out_of_scope",
        '/inform{"known_condition": "dermatomyositis"}',
        '/inform{"possible_trigger": "injury"}',
    ]
)


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(message=st.one_of(st.text(ALPHABET, min_size=1, max_size=300), PAYLOADS))
def test_every_reply_ends_with_the_advice(client: TestClient, message: str) -> None:
    sender = f"prop-{next(SENDERS)}"
    response = client.post(HOOK, json={"sender": sender, "message": message})
    assert response.status_code in (200, 400, 422), response.text
    if response.status_code == 200:
        assert response.json()[-1]["text"].endswith(CLOSING_ADVICE)
