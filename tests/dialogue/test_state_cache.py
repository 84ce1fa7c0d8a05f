"""The per-process state cache: always the state the store's events give."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import Settings
from bot.dialogue.agent import Agent
from bot.dialogue.conversations import Conversations
from bot.dialogue.tracker import DialogueState
from bot.server.runtime import build_agent
from bot.store.base import ConversationStore
from bot.store.redis import RedisStore
from bot.store.sqlite import SQLiteStore
from tests.conftest import RedisServer

MESSAGES = ["i have a hard lump on my finger", "/affirm", "/deny", "/unsure", "what causes it"]


@pytest.fixture
def agent(settings: Settings) -> Agent:
    return build_agent(settings, settings.clinic())


def assert_same_state(cached: DialogueState, stored: DialogueState) -> None:
    """The same tracker, the cached one holding the latest of the stored events."""
    mine, theirs = cached.as_dict(), stored.as_dict()
    events, all_events = mine.pop("events"), theirs.pop("events")
    assert mine == theirs
    assert events == all_events[-len(events) :]
    assert cached.position == len(all_events)


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
        assert_same_state(cached, stored)
        assert len(cached.events) == conversations.history < len(stored.events)

    asyncio.run(run())


def two_workers(
    make_store: Callable[[], ConversationStore],
) -> tuple[Conversations, Conversations]:
    return Conversations(make_store()), Conversations(make_store())


def alternate(agent: Agent, first: Conversations, second: Conversations, tmp_path: Path) -> None:
    """Turns alternate between two workers: each must see the other's turns, and the
    conversation ends as it does in one worker alone."""

    async def run() -> None:
        alone = Conversations(SQLiteStore(tmp_path / "alone.sqlite3", ttl_seconds=3600))
        for index, text in enumerate(MESSAGES):
            await turn(first if index % 2 == 0 else second, agent, "p", text)
            await turn(alone, agent, "p", text)
        # each replays once, then applies only the other's new events
        assert (first.misses, second.misses) == (1, 1)
        assert first.hits + second.hits == len(MESSAGES) - 2
        assert alone.hits == len(MESSAGES) - 1
        shared, expected = await first.state("p"), await alone.state("p")
        assert [e["event"] for e in shared.events].count("user") == len(MESSAGES)
        assert_same_state(await second.take("p"), shared)
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


def test_a_conversation_forgotten_by_another_worker_is_replayed(
    agent: Agent, tmp_path: Path
) -> None:
    async def run() -> None:
        first, second = two_workers(lambda: SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=3600))
        await turn(first, agent, "p", "i have a hard lump on my finger")
        cached = first.cached_events  # the one conversation it holds
        assert await second.forget("p") is True
        for text in ["hello", "thanks", "what causes it", "tell me more"]:
            await turn(second, agent, "p", text)
        assert len((await second.state("p")).events) > cached  # longer than what first saw
        state = await first.take("p")
        assert first.misses == 2
        assert state.active_loop is None
        assert [e["event"] for e in state.events].count("user") == 4

    asyncio.run(run())


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
        assert (list(fresh.events), fresh.active_loop) == ([], None)

    asyncio.run(run())


def test_the_cache_is_bounded_by_events(agent: Agent, tmp_path: Path) -> None:
    async def run() -> None:
        store = SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=3600)
        probe = Conversations(store)
        await turn(probe, agent, "probe", "hello")
        per_turn = probe.cached_events
        conversations = Conversations(store, max_events=3 * per_turn)
        for sender in "abcde":
            await turn(conversations, agent, sender, "hello")
        assert len(conversations) == 3
        assert conversations.cached_events == 3 * per_turn
        await turn(conversations, agent, "a", "hello")  # evicted: replayed from the store
        assert conversations.misses == 6
        assert conversations.cached_events <= 3 * per_turn

    asyncio.run(run())
