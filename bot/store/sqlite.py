"""SQLite store: one WAL file under CALCIBOT_DATA_DIR; a turn's events commit whole, and turns
waiting at the same moment commit together."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from pathlib import Path

from bot import codec
from bot.store.base import Event, StoreUnavailable
from bot.store.checkpoint import CHECKPOINT_EVERY_S, FALLBACK_PAGES, WalCheckpointer
from bot.store.locks import SenderLocks

SCHEMA_VERSION = 2
# idle conversations (older than the TTL) are deleted at start-up and then at most this often,
# with the turns being committed: the data of a forgotten conversation does not stay on disk
EXPIRE_EVERY_S = 3600.0
# Events in arrival order (rowid), found by conversation through an index: a turn's rows go
# to the end of the table, so a commit rewrites few pages, and the same ones turn after turn.
# Expiry scans `conversations` now and then: an index on `updated` would be rewritten by every
# turn, which costs more than it saves.
SCHEMA = (
    """CREATE TABLE IF NOT EXISTS events (
        id INTEGER PRIMARY KEY,
        sender_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        event TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS events_by_conversation ON events (sender_id, seq)",
    """CREATE TABLE IF NOT EXISTS conversations (
        sender_id TEXT PRIMARY KEY,
        updated REAL NOT NULL
    )""",
    "DROP INDEX IF EXISTS conversations_updated",
)


def migrate(db: sqlite3.Connection) -> None:
    """Bring a file of any earlier version to ``SCHEMA_VERSION``, keeping every event.

    Version 1 clustered events by conversation (WITHOUT ROWID), so each turn's rows landed
    in a different page of the file.
    """
    with db:
        db.execute("BEGIN IMMEDIATE")
        if db.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
            return
        old = db.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()
        clustered = old is not None and "WITHOUT ROWID" in old[0].upper()
        if clustered:
            db.execute("ALTER TABLE events RENAME TO events_v1")
        for statement in SCHEMA:
            db.execute(statement)
        if clustered:
            db.execute(
                "INSERT INTO events (sender_id, seq, event) "
                "SELECT sender_id, seq, event FROM events_v1 ORDER BY sender_id, seq"
            )
            db.execute("DROP TABLE events_v1")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextmanager
def unavailable_on_error() -> Iterator[None]:
    """A locked, full or unreadable file refuses the request (503) instead of failing it."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        raise StoreUnavailable(str(exc)) from exc


class SQLiteStore:
    """Survives `kill -9`: a turn is acknowledged only after its transaction commits."""

    def __init__(
        self,
        path: Path,
        ttl_seconds: float,
        *,
        expire_every_s: float = EXPIRE_EVERY_S,
        checkpoint_every_s: float = CHECKPOINT_EVERY_S,
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.ttl_seconds = ttl_seconds
        self.expire_every_s = expire_every_s
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA busy_timeout=5000")
        # checkpoints run on a thread of their own (checkpoint.py); inside a commit only when
        # the WAL grows far past them
        self.db.execute(f"PRAGMA wal_autocheckpoint={FALLBACK_PAGES}")
        migrate(self.db)
        self.expired_at = 0.0
        self.expire()  # what went idle while no worker ran
        self.locks = SenderLocks()
        self._pending: list[tuple[str, list[str], asyncio.Future[int]]] = []
        self.checkpointer = WalCheckpointer(path, every_s=checkpoint_every_s)

    def lock(self, sender_id: str) -> AbstractAsyncContextManager[None]:
        return self.locks.hold(sender_id)

    async def load(self, sender_id: str, start: int = 0) -> list[Event]:
        """One query: the events of a live (not expired) conversation from ``start`` on."""
        with unavailable_on_error():
            rows = self.db.execute(
                "SELECT e.event FROM conversations c JOIN events e ON e.sender_id = c.sender_id "
                "WHERE c.sender_id = ? AND c.updated >= ? AND e.seq >= ? ORDER BY e.seq",
                (sender_id, time.time() - self.ttl_seconds, start),
            ).fetchall()
        return [codec.loads(row[0]) for row in rows]

    async def append(self, sender_id: str, events: list[Event]) -> int:
        """Kept once the transaction holding it commits. Turns that reach this point in the
        same pass of the event loop share one transaction (a group commit): each waits for
        it, and one commit costs less than several."""
        rows = [codec.dumps(e) for e in events]  # a bad event fails its own turn only
        loop = asyncio.get_running_loop()
        kept: asyncio.Future[int] = loop.create_future()
        self._pending.append((sender_id, rows, kept))
        if len(self._pending) == 1:
            loop.call_soon(self._commit_pending)
        return await kept

    def _commit_pending(self) -> None:
        batch, self._pending = self._pending, []
        now = time.time()
        try:
            with unavailable_on_error(), self.db:  # BEGIN ... COMMIT, or ROLLBACK on error
                self.db.execute("BEGIN IMMEDIATE")
                if now - self.expired_at >= self.expire_every_s:
                    self._forget_idle(now)
                counts = [self._append(sender_id, rows, now) for sender_id, rows, _ in batch]
        except Exception as exc:  # each waiting turn fails as its own would have
            for _, _, kept in batch:
                if not kept.done():
                    kept.set_exception(exc)
            return
        for (_, _, kept), count in zip(batch, counts, strict=True):
            if not kept.done():
                kept.set_result(count)
        if self.checkpointer.wants_restart:  # after the turns are answered
            self.checkpointer.restart(self.db)
        self.checkpointer.nudge()

    def _append(self, sender_id: str, rows: list[str], now: float) -> int:
        """A conversation's new events, inside the caller's transaction."""
        updated, start = self.db.execute(
            "SELECT (SELECT updated FROM conversations WHERE sender_id = ?1), "
            "(SELECT COALESCE(MAX(seq), -1) + 1 FROM events WHERE sender_id = ?1)",
            (sender_id,),
        ).fetchone()
        if updated is not None and now - updated > self.ttl_seconds:
            self._forget(sender_id)  # expired: it starts again from 0
            start = 0
        self.db.executemany(
            "INSERT INTO events (sender_id, seq, event) VALUES (?, ?, ?)",
            [(sender_id, start + i, row) for i, row in enumerate(rows)],
        )
        self.db.execute(
            "INSERT INTO conversations (sender_id, updated) VALUES (?, ?) "
            "ON CONFLICT(sender_id) DO UPDATE SET updated = excluded.updated",
            (sender_id, now),
        )
        return int(start) + len(rows)

    def _forget(self, sender_id: str) -> bool:
        """A conversation's events and record, inside the caller's transaction."""
        self.db.execute("DELETE FROM events WHERE sender_id = ?", (sender_id,))
        gone = self.db.execute("DELETE FROM conversations WHERE sender_id = ?", (sender_id,))
        return gone.rowcount > 0

    async def delete(self, sender_id: str) -> bool:
        with unavailable_on_error(), self.db:
            self.db.execute("BEGIN IMMEDIATE")
            return self._forget(sender_id)

    async def senders(self) -> AsyncIterator[str]:
        for (sender_id,) in self.db.execute("SELECT sender_id FROM conversations").fetchall():
            yield str(sender_id)

    def expire(self) -> int:
        """Forget conversations idle for longer than the TTL; returns how many."""
        with unavailable_on_error(), self.db:
            self.db.execute("BEGIN IMMEDIATE")
            return self._forget_idle(time.time())

    def _forget_idle(self, now: float) -> int:
        """Idle conversations' events and records, inside the caller's transaction."""
        self.expired_at = now
        cutoff = now - self.ttl_seconds
        old = [
            r[0]
            for r in self.db.execute(
                "SELECT sender_id FROM conversations WHERE updated < ?", (cutoff,)
            ).fetchall()
        ]
        for sender_id in old:
            self._forget(sender_id)
        return len(old)

    async def close(self) -> None:
        self.checkpointer.close()
        self.db.close()
