"""`POST /model/parse` and `/health`: Rasa's shapes, and clear 4xx errors for bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_health_once_the_model_is_loaded(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}


def test_parse_has_rasa_shape(client: TestClient) -> None:
    body = client.post("/model/parse", json={"text": "I have lupus, is that linked to calcinosis?"})
    assert body.status_code == 200
    parsed = body.json()
    assert set(parsed) == {"text", "intent", "entities", "intent_ranking"}
    assert parsed["intent"]["name"] == "ask_conditions"
    assert 0 < parsed["intent"]["confidence"] <= 1
    lupus = parsed["entities"][0]
    assert {k: lupus[k] for k in ("entity", "value", "start", "end")} == {
        "entity": "condition",
        "value": "systemic lupus erythematosus",
        "start": 7,
        "end": 12,
    }
    assert parsed["intent_ranking"][0]["name"] == "ask_conditions"


def test_parse_of_two_questions_lists_each(client: TestClient) -> None:
    parsed = client.post(
        "/model/parse", json={"text": "can lupus cause it and how is it treated?"}
    ).json()
    assert set(parsed) == {"text", "intent", "entities", "intent_ranking", "questions"}
    first, second = parsed["questions"]
    assert (first["text"], first["intent"]["name"]) == ("can lupus cause it", "ask_conditions")
    assert first["entities"][0]["value"] == "systemic lupus erythematosus"
    assert (second["text"], second["intent"]["name"]) == ("how is it treated?", "ask_treatment")


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"content": b""}, 422),
        ({"json": {}}, 422),
        ({"json": {"text": ""}}, 400),
        ({"json": {"text": "   "}}, 400),
        ({"json": {"text": 42}}, 422),
        ({"json": {"text": None}}, 422),
        ({"json": ["text"]}, 422),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400),
        ({"json": {"text": "x" * 100_000}}, 413),
        ({"json": {"text": "y" * 2_000}}, 422),
        ({"json": {"text": '/report_symptom{"body_site": '}}, 400),
    ],
)
def test_bad_input_gets_a_clear_4xx(client: TestClient, request_kwargs: dict, status: int) -> None:
    response = client.post("/model/parse", **request_kwargs)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == "failure"
    assert body["code"] == status
    assert body["message"]
    assert "Traceback" not in response.text


@pytest.mark.parametrize("text", ["hello\x00\x07 there\x1b[31m", "🙂🙂🙂", "\u202e\u200b?"])
def test_odd_text_parses(client: TestClient, text: str) -> None:
    response = client.post("/model/parse", json={"text": text})
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        assert response.json()["intent"]["name"]
