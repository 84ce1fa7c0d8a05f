"""No acknowledged turn is lost: concurrency, one sender at a time, kill -9, Redis, outages."""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.config import CLOSING_ADVICE, Settings
from bot.store.sqlite import SQLiteStore
from tests.conftest import RedisServer, data_dir_holding
from tests.servers import BotServer

HOOK = "/webhooks/rest/webhook"
MESSAGES = [
    "hello",
    "what causes calcinosis",
    "tell me more",
    "is it cancer?",
    "how is it treated",
    "i have a lump on my elbow",
    "/affirm",
    "/deny",
    "/unsure",
    "thanks",
]
pytestmark = pytest.mark.slow


@pytest.fixture
def data_dir(tmp_path: Path, model_dir: Path) -> Path:
    return data_dir_holding(model_dir, tmp_path / "data")


@pytest.fixture
def server(data_dir: Path) -> Iterator[BotServer]:
    bot = BotServer(data_dir)
    bot.start()
    yield bot
    bot.stop()


async def converse(urls: list[str], sender: str, turns: int, acked: dict[str, list[str]]) -> None:
    """One conversation, its turns alternating between the servers in ``urls``."""
    async with httpx.AsyncClient(timeout=60) as client:
        for i in range(turns):
            url = urls[i % len(urls)]
            message = f"{MESSAGES[i % len(MESSAGES)]}"
            response = await client.post(url + HOOK, json={"sender": sender, "message": message})
            if response.status_code == 200:
                assert response.json()[-1]["text"].endswith(CLOSING_ADVICE)
                acked.setdefault(sender, []).append(message)


def user_texts(url: str, sender: str) -> list[str]:
    events = httpx.get(f"{url}/conversations/{sender}/tracker", timeout=30).json()["events"]
    return [e["text"] for e in events if e["event"] == "user"]


def assert_turns_whole(url: str, sender: str) -> None:
    """Each user event is followed by its own actions and ends with action_listen."""
    events = httpx.get(f"{url}/conversations/{sender}/tracker", timeout=30).json()["events"]
    kinds = [e["event"] if e["event"] != "action" else e["name"] for e in events]
    turns = []
    for kind in kinds:
        if kind == "user":
            turns.append([])
        turns[-1].append(kind)
    for turn in turns:
        assert turn[-1] == "action_listen"
        assert turn.count("action_listen") == 1


def run_load(urls: list[str], conversations: int, turns: int) -> dict[str, list[str]]:
    acked: dict[str, list[str]] = {}

    async def main() -> None:
        await asyncio.gather(
            *(converse(urls, f"load-{n}", turns, acked) for n in range(conversations))
        )

    asyncio.run(main())
    return acked


def test_200_conversations_of_10_turns_sqlite(server: BotServer) -> None:
    acked = run_load([server.url], conversations=200, turns=10)
    assert sum(len(v) for v in acked.values()) == 2000
    for sender in itertools.islice(acked, 0, 200, 7):
        assert user_texts(server.url, sender) == acked[sender]
        assert_turns_whole(server.url, sender)


def test_one_sender_20_simultaneous_messages(server: BotServer) -> None:
    async def main() -> list[int]:
        async with httpx.AsyncClient(timeout=60) as client:
            responses = await asyncio.gather(
                *(
                    client.post(server.url + HOOK, json={"sender": "burst", "message": "/greet"})
                    for _ in range(20)
                )
            )
        return [r.status_code for r in responses]

    assert asyncio.run(main()) == [200] * 20
    assert len(user_texts(server.url, "burst")) == 20
    assert_turns_whole(server.url, "burst")


def test_kill_9_during_load_loses_no_acknowledged_turn(data_dir: Path) -> None:
    bot = BotServer(data_dir)
    bot.start()
    acked: dict[str, list[str]] = {}

    async def main() -> None:
        load = asyncio.gather(
            *(converse([bot.url], f"crash-{n}", 30, acked) for n in range(40)),
            return_exceptions=True,
        )
        while sum(len(v) for v in acked.values()) < 50:  # kill in the middle of the load
            await asyncio.sleep(0.02)
        bot.kill()
        await load

    asyncio.run(main())
    assert sum(len(v) for v in acked.values()) > 0
    bot.start()
    try:
        for sender, messages in acked.items():
            stored = user_texts(bot.url, sender)
            assert stored[: len(messages)] == messages
            assert len(stored) <= len(messages) + 1  # at most the one in flight
        response = httpx.post(bot.url + HOOK, json={"sender": "crash-0", "message": "thanks"})
        assert response.status_code == 200
    finally:
        bot.stop()


def test_two_servers_sharing_redis(
    data_dir: Path, redis_server: RedisServer, tmp_path: Path
) -> None:
    servers = []
    for name in ("a", "b"):
        other = data_dir_holding(data_dir / "model", tmp_path / name)
        servers.append(BotServer(other, CALCIBOT_REDIS_URL=redis_server.url))
    for bot in servers:
        bot.start()
    try:
        urls = [bot.url for bot in servers]
        acked = run_load(urls, conversations=200, turns=10)
        assert sum(len(v) for v in acked.values()) == 2000
        for sender in itertools.islice(acked, 0, 200, 7):
            assert user_texts(urls[0], sender) == acked[sender]
            assert user_texts(urls[1], sender) == acked[sender]
            assert_turns_whole(urls[1], sender)
    finally:
        for bot in servers:
            bot.stop()


def test_redis_down_gives_503_then_recovers(data_dir: Path, redis_server: RedisServer) -> None:
    bot = BotServer(data_dir, CALCIBOT_REDIS_URL=redis_server.url)
    bot.start()
    try:
        first = httpx.post(bot.url + HOOK, json={"sender": "r", "message": "hello"}, timeout=30)
        assert first.status_code == 200
        redis_server.stop()
        down = httpx.post(bot.url + HOOK, json={"sender": "r", "message": "what is it"}, timeout=30)
        assert down.status_code == 503
        assert "unavailable" in down.json()["message"]
        redis_server.start()
        again = httpx.post(bot.url + HOOK, json={"sender": "r", "message": "thanks"}, timeout=30)
        assert again.status_code == 200
        assert user_texts(bot.url, "r") == ["hello", "thanks"]
    finally:
        bot.stop()


def test_sqlite_busy_gives_503_and_keeps_nothing(client: TestClient, settings: Settings) -> None:
    store = client.app.state.runtime.conversations.store  # type: ignore[attr-defined]
    assert isinstance(store, SQLiteStore)
    first = client.post(HOOK, json={"sender": "s", "message": "hello"})
    assert first.status_code == 200
    store.db.execute("PRAGMA busy_timeout=0")
    other = sqlite3.connect(settings.sqlite_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another worker holds the write lock
    busy = client.post(HOOK, json={"sender": "s", "message": "what is it"})
    assert busy.status_code == 503
    assert "unavailable" in busy.json()["message"]
    other.execute("ROLLBACK")
    again = client.post(HOOK, json={"sender": "s", "message": "thanks"})
    assert again.status_code == 200
    events = client.get("/conversations/s/tracker").json()["events"]
    assert [e["text"] for e in events if e["event"] == "user"] == ["hello", "thanks"]
