"""The per-process state cache: used only while the store says nothing else changed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.config import Settings
from bot.dialogue.agent import Agent
from bot.dialogue.conversations import Conversations
from bot.server.runtime import build_agent
from bot.store.base import ConversationStore
from bot.store.redis import RedisStore
from bot.store.sqlite import SQLiteStore
from tests.conftest import RedisServer

MESSAGES = ["i have a hard lump on my finger", "/affirm", "/deny", "/unsure", "what causes it"]


@pytest.fixture
def agent(settings: Settings) -> Agent:
    return build_agent(settings, settings.clinic())


async def turn(conversations: Conversations, agent: Agent, sender: str, text: str) -> None:
    async with conversations.lock(sender):
        state = await conversations.take(sender)
        result = await agent.handle(state, text)
        await conversations.keep(state, result.events)


def test_a_cached_state_is_the_stored_one(agent: Agent, tmp_path: Path) -> None:
    async def run() -> None:
        conversations = Conversations(SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=3600))
        for text in MESSAGES:
            await turn(conversations, agent, "p", text)
        assert (conversations.hits, conversations.misses) == (len(MESSAGES) - 1, 1)
        cached = await conversations.take("p")
        stored = await conversations.state("p")
        assert cached.as_dict() == stored.as_dict()
        assert [e["event"] for e in cached.events].count("user") == len(MESSAGES)

    asyncio.run(run())


def two_workers(make_store) -> tuple[Conversations, Conversations]:  # type: ignore[no-untyped-def]
    return Conversations(make_store()), Conversations(make_store())


def alternate(agent: Agent, first: Conversations, second: Conversations, tmp_path: Path) -> None:
    """Turns alternate between two workers: each must see the other's turns, and the
    conversation ends as it does in one worker alone."""

    async def run() -> None:
        alone = Conversations(SQLiteStore(tmp_path / "alone.sqlite3", ttl_seconds=3600))
        for index, text in enumerate(MESSAGES):
            await turn(first if index % 2 == 0 else second, agent, "p", text)
            await turn(alone, agent, "p", text)
        assert (first.hits, second.hits) == (0, 0)  # every turn found a newer version
        assert alone.hits == len(MESSAGES) - 1
        shared, expected = await first.state("p"), await alone.state("p")
        assert [e["event"] for e in shared.events].count("user") == len(MESSAGES)
        assert (await second.take("p")).as_dict() == shared.as_dict()
        assert shared.slots == expected.slots
        assert shared.slots["deposit_noticed"] is True
        assert [e.get("name") for e in shared.events] == [e.get("name") for e in expected.events]

    asyncio.run(run())


def test_two_workers_on_one_sqlite_file_see_each_others_turns(agent: Agent, tmp_path: Path) -> None:
    first, second = two_workers(lambda: SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=3600))
    alternate(agent, first, second, tmp_path)


def test_two_workers_on_redis_see_each_others_turns(
    agent: Agent, redis_server: RedisServer, tmp_path: Path
) -> None:
    first, second = two_workers(lambda: RedisStore(redis_server.url, ttl_seconds=3600))
    alternate(agent, first, second, tmp_path)


def test_a_failed_turn_leaves_nothing_cached(agent: Agent, tmp_path: Path) -> None:
    async def run() -> None:
        store: ConversationStore = SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=3600)
        conversations = Conversations(store)
        await turn(conversations, agent, "p", "hello")
        state = await conversations.take("p")
        await agent.handle(state, "i have a hard lump on my finger")  # never stored
        again = await conversations.take("p")
        assert again is not state
        assert again.active_loop is None
        assert [e["event"] for e in again.events].count("user") == 1

    asyncio.run(run())


def test_forgetting_drops_the_cached_state(agent: Agent, tmp_path: Path) -> None:
    async def run() -> None:
        conversations = Conversations(SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=3600))
        await turn(conversations, agent, "p", "i have a hard lump on my finger")
        assert await conversations.forget("p") is True
        fresh = await conversations.take("p")
        assert (fresh.events, fresh.active_loop) == ([], None)

    asyncio.run(run())


def test_the_cache_is_bounded(agent: Agent, tmp_path: Path) -> None:
    async def run() -> None:
        store = SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=3600)
        conversations = Conversations(store, cache_size=3)
        for sender in "abcde":
            await turn(conversations, agent, sender, "hello")
        assert len(conversations) == 3
        await turn(conversations, agent, "a", "thanks")  # evicted: replayed from the store
        assert conversations.misses == 6

    asyncio.run(run())
