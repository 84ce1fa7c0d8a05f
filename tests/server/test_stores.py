"""Both stores: whole turns in order, read from any position, forgetting, and expiry after
the idle time."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.store.base import StoreUnavailable
from bot.store.checkpoint import FALLBACK_PAGES, RESTART_PAGES, WalCheckpointer
from bot.store.redis import RedisStore
from bot.store.sqlite import SCHEMA_VERSION, SQLiteStore
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


def stored_senders(store: SQLiteStore) -> set[str]:
    """Whose events are in the file, expired or not."""
    return {r[0] for r in store.db.execute("SELECT DISTINCT sender_id FROM events")}


def test_sqlite_expire_forgets_idle_conversations(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=1)
    asyncio.run(store.append("old", TURN))
    time.sleep(1.1)
    assert store.expire() == 1
    assert store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_sqlite_idle_conversations_leave_the_file_at_start_and_while_serving(
    tmp_path: Path,
) -> None:
    """Nothing calls `expire()` by hand: a forgotten conversation's data goes from disk."""
    path = tmp_path / "c.sqlite3"
    store = SQLiteStore(path, ttl_seconds=1, expire_every_s=0)
    asyncio.run(store.append("old", TURN))
    time.sleep(1.1)
    asyncio.run(store.append("new", TURN))  # the commit of any turn deletes idle ones
    assert stored_senders(store) == {"new"}
    time.sleep(1.1)
    assert stored_senders(SQLiteStore(path, ttl_seconds=1)) == set()  # a restart does too


def test_redis_store(redis_server: RedisServer) -> None:
    exercise(RedisStore(redis_server.url, ttl_seconds=1), ttl_s=1)


V1_SCHEMA = """
CREATE TABLE events (
    sender_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL,
    PRIMARY KEY (sender_id, seq)
) WITHOUT ROWID;
CREATE TABLE conversations (sender_id TEXT PRIMARY KEY, updated REAL NOT NULL);
CREATE INDEX conversations_updated ON conversations (updated);
"""


def test_sqlite_file_of_the_first_layout_is_migrated_whole(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(V1_SCHEMA)
    for sender in ("b", "a"):
        old.executemany(
            "INSERT INTO events VALUES (?, ?, ?)",
            [(sender, i, json.dumps(e)) for i, e in enumerate(TURN)],
        )
        old.execute("INSERT INTO conversations VALUES (?, ?)", (sender, time.time()))
    old.commit()
    old.close()

    async def run() -> None:
        store = SQLiteStore(path, ttl_seconds=3600)
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert await store.load("a") == TURN
        assert await store.load("b", 1) == TURN[1:]
        assert await store.append("a", TURN[:1]) == 3
        await store.close()
        again = SQLiteStore(path, ttl_seconds=3600)  # reopening changes nothing
        assert await again.load("a") == [*TURN, TURN[0]]
        tables = {r[0] for r in again.db.execute("SELECT name FROM sqlite_master")}
        assert "events_v1" not in tables
        assert "conversations_updated" not in tables
        await again.close()

    asyncio.run(run())


def test_sqlite_turns_waiting_together_share_one_commit(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=3600)
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)

    async def run() -> list[int]:
        await store.append("a", TURN)
        return list(await asyncio.gather(*(store.append(s, TURN) for s in ("a", "b", "c"))))

    assert asyncio.run(run()) == [4, 2, 2]
    assert statements.count("COMMIT") == 2  # the first turn alone, then the three together
    reader = SQLiteStore(tmp_path / "c.sqlite3", ttl_seconds=3600)  # what a restart finds
    assert asyncio.run(reader.load("a")) == TURN * 2
    assert asyncio.run(reader.load("c")) == TURN


def test_sqlite_turns_of_a_failed_commit_all_fail_and_none_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    store = SQLiteStore(path, ttl_seconds=3600)
    store.db.execute("PRAGMA busy_timeout=0")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another worker holds the write lock

    async def run() -> list[BaseException | int]:
        turns = (store.append(s, TURN) for s in ("a", "b"))
        return list(await asyncio.gather(*turns, return_exceptions=True))

    failed = asyncio.run(run())
    assert [type(f) for f in failed] == [StoreUnavailable, StoreUnavailable]
    other.execute("ROLLBACK")
    assert asyncio.run(store.load("a")) == []
    assert asyncio.run(store.append("a", TURN)) == 2  # the next turn is kept


def wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_sqlite_checkpoints_run_off_the_commits(tmp_path: Path) -> None:
    """A thread copies the WAL into the file; the committing connection would only far
    past it."""
    path = tmp_path / "c.sqlite3"
    store = SQLiteStore(path, ttl_seconds=3600, checkpoint_every_s=0.01)
    assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == FALLBACK_PAGES
    assert not store.checkpointer.running  # nothing committed, no thread
    size = path.stat().st_size

    async def run() -> None:
        for i in range(50):
            await store.append(f"s{i}", TURN)

    asyncio.run(run())
    assert wait_for(lambda: store.checkpointer.checkpoints > 0)
    assert wait_for(lambda: path.stat().st_size > size)  # pages copied into the file
    asyncio.run(store.close())
    assert not store.checkpointer.running
    assert asyncio.run(SQLiteStore(path, ttl_seconds=3600).load("s49")) == TURN


def test_a_long_wal_is_finished_between_commits_and_starts_over(tmp_path: Path) -> None:
    """Turns commit while the thread copies, so its pass never leaves the WAL empty: when it
    reports a long one, the store checkpoints after a commit, and the next starts it over."""
    path = tmp_path / "c.sqlite3"
    store = SQLiteStore(path, ttl_seconds=3600, checkpoint_every_s=3600)  # the thread waits
    other = sqlite3.connect(path, isolation_level=None)

    def wal_pages() -> int:
        return int(other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])

    async def turns(count: int) -> None:
        for i in range(count):
            await store.append(f"s{i}", TURN)

    asyncio.run(turns(800))  # more than RESTART_PAGES of WAL
    store.checkpointer.wal_frames = RESTART_PAGES  # as the thread would report it
    asyncio.run(turns(1))  # this commit is followed by the store's own checkpoint
    assert store.checkpointer.checkpoints == 1
    assert not store.checkpointer.wants_restart  # not again after the next commit
    asyncio.run(turns(1))  # ... which starts the WAL over
    assert store.checkpointer.checkpoints == 1
    assert wal_pages() < 10
    asyncio.run(store.close())


def test_a_failed_checkpoint_is_logged_and_the_next_one_runs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    checkpointer = WalCheckpointer(tmp_path / "c.sqlite3", every_s=0.01)
    broken = sqlite3.connect(tmp_path / "c.sqlite3")
    broken.close()  # a closed connection fails every statement
    checkpointer.checkpoint(broken)
    assert checkpointer.checkpoints == 0
    assert "WAL checkpoint failed" in caplog.text
    checkpointer.nudge()
    assert wait_for(lambda: checkpointer.checkpoints == 1)
    checkpointer.close()
    assert not checkpointer.running
