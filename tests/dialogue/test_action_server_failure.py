"""A crashed or unreachable action server gives a polite turn with the advice, not a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.config import CLOSING_ADVICE, Settings
from bot.server.app import create_app
from tests.conftest import free_port


@pytest.mark.parametrize("question", ["what causes calcinosis", "i have a lump on my elbow"])
def test_unreachable_action_server(settings: Settings, question: str) -> None:
    settings.action_endpoint = f"http://127.0.0.1:{free_port()}"
    with TestClient(create_app(settings)) as client:
        response = client.post("/webhooks/rest/webhook", json={"sender": "s1", "message": question})
    assert response.status_code == 200
    text = response.json()[-1]["text"]
    assert text.startswith("Sorry, something went wrong on my side")
    assert text.endswith(CLOSING_ADVICE)


def test_action_server_dies_mid_conversation(settings: Settings, action_server: str) -> None:
    settings.action_endpoint = action_server
    with TestClient(create_app(settings)) as client:
        ok = client.post("/webhooks/rest/webhook", json={"sender": "s2", "message": "hi"})
        assert ok.status_code == 200
        settings.action_endpoint = None  # unchanged runner: the app keeps its endpoint
        first = client.post(
            "/webhooks/rest/webhook", json={"sender": "s2", "message": "what causes it"}
        )
        assert first.status_code == 200
        assert "injury" in first.json()[-1]["text"]
