"""Per-sender asyncio locks for one process, released from memory when no one waits."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class SenderLocks:
    """FIFO per sender (asyncio.Lock wakes waiters in arrival order)."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def hold(self, sender_id: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(sender_id, asyncio.Lock())
        self._users[sender_id] = self._users.get(sender_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[sender_id] -= 1
            if not self._users[sender_id]:
                del self._users[sender_id]
                del self._locks[sender_id]
