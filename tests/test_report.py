"""`calcibot report`: unanswered questions grouped, counted and redacted."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from fastapi.testclient import TestClient

from bot.config import Settings
from bot.report import redact, unanswered
from bot.store.sqlite import SQLiteStore


def test_redaction_of_personal_details() -> None:
    text = redact(
        "I'm Anna Smith, mail anna.smith@example.com or call +44 20 7946 0958, born 03/04/1985, "
        "see https://x.example/me, SW1A 1AA, NHS 4857773456"
    )
    for secret in ("Anna", "anna.smith", "7946", "1985", "x.example", "SW1A", "4857773456"):
        assert secret not in text
    assert "[email]" in text
    assert "[phone]" in text
    assert "[name]" in text


def test_report_groups_unanswered_messages(client: TestClient, settings: Settings) -> None:
    for sender, message in [
        ("r1", "how do I treat gout"),
        ("r2", "How do I treat gout"),
        ("r3", "what causes calcinosis"),
        ("r4", "/nlu_fallback"),
        ("r5", "email me at bob@example.com about the flu jab"),
    ]:
        client.post("/webhooks/rest/webhook", json={"sender": sender, "message": message})
    store = SQLiteStore(settings.sqlite_path, ttl_seconds=86400)
    counts = asyncio.run(unanswered(store, datetime.now() - timedelta(days=1)))
    assert counts[("how do i treat gout", "out_of_scope")] == 2
    assert not any("calcinosis" in text for text, _ in counts)
    assert not any("bob@" in text for text, _ in counts)
    assert asyncio.run(unanswered(store, datetime.now() + timedelta(days=1))) == {}
