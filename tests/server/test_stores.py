"""Both stores: whole turns in order, read from any position, forgetting, and expiry after
the idle time."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bot.store.redis import RedisStore
from bot.store.sqlite import SQLiteStore
from tests.conftest import RedisServer

TURN = [{"event": "user", "text": "hi"}, {"event": "action", "name": "action_listen"}]


def exercise(store: SQLiteStore | RedisStore, ttl_s: float) -> None:
    async def run() -> None:
        async with store.lock("a"):
            assert await store.append("a", TURN) == 2
        assert await store.append("a", TURN[:1]) == 3
        assert await store.load("a") == [*TURN, TURN[0]]
        assert await store.load("a", 1) == [TURN[1], TURN[0]]
        assert await store.load("a", 3) == []
        assert [s async for s in store.senders()] == ["a"]
        assert await store.delete("a") is True
        assert await store.load("a") == []
        assert await store.append("a", TURN) == 2  # a new conversation starts from 0
        await store.append("b", TURN)
        time.sleep(ttl_s + 1.1)
        assert await store.load("b") == []
        assert await store.load("b", 1) == []
        assert await store.append("b", TURN) == 2  # expired: it starts again from 0
        assert await store.load("b") == TURN
        await store.close()

    asyncio.run(run())


def test_sqlite_store(tmp_path: Path) -> None:
    exercise(SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=1), ttl_s=1)


def test_sqlite_expire_forgets_idle_conversations(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=1)
    asyncio.run(store.append("old", TURN))
    time.sleep(1.1)
    assert store.expire() == 1
    assert store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_redis_store(redis_server: RedisServer) -> None:
    exercise(RedisStore(redis_server.url, ttl_seconds=1), ttl_s=1)
