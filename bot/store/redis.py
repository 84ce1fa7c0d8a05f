"""Redis store: workers share conversations; a Redis lock per sender spans processes."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import redis.asyncio as aioredis
from redis.exceptions import LockError, RedisError

from bot import codec
from bot.store.base import Event, StoreUnavailable
from bot.store.locks import SenderLocks

PREFIX = "calcibot:conversation:"
LOCK_TIMEOUT_S = 30.0
LOCK_WAIT_S = 20.0
MAX_CONNECTIONS = 64


class RedisStore:
    """Events in a Redis list per sender, appended in one MULTI/EXEC with the TTL renewed."""

    def __init__(self, url: str, ttl_seconds: float) -> None:
        # a bounded pool that waits for a free connection instead of failing under load
        pool = aioredis.BlockingConnectionPool.from_url(
            url,
            max_connections=MAX_CONNECTIONS,
            timeout=10.0,
            socket_timeout=10.0,
            socket_connect_timeout=2.0,
        )
        self.redis = aioredis.Redis(connection_pool=pool)
        self.ttl = max(1, int(ttl_seconds))
        self.local = SenderLocks()  # arrival order within this process

    @staticmethod
    def key(sender_id: str) -> str:
        return f"{PREFIX}{sender_id}"

    def lock(self, sender_id: str) -> AbstractAsyncContextManager[None]:
        return self._lock(sender_id)

    @asynccontextmanager
    async def _lock(self, sender_id: str) -> AsyncIterator[None]:
        async with self.local.hold(sender_id):
            lock = self.redis.lock(
                f"{PREFIX}lock:{sender_id}",
                timeout=LOCK_TIMEOUT_S,
                blocking_timeout=LOCK_WAIT_S,
                sleep=0.005,
            )
            try:
                acquired = await lock.acquire()
            except RedisError as exc:
                raise StoreUnavailable(str(exc)) from exc
            if not acquired:
                raise StoreUnavailable(f"conversation {sender_id} is busy")
            try:
                yield
            finally:
                with contextlib.suppress(LockError, RedisError):
                    await lock.release()  # expired or Redis gone: it times out by itself

    async def load(self, sender_id: str, start: int = 0) -> list[Event]:
        try:
            raw = await self.redis.lrange(self.key(sender_id), start, -1)
        except RedisError as exc:
            raise StoreUnavailable(str(exc)) from exc
        return [codec.loads(item) for item in raw]

    async def append(self, sender_id: str, events: list[Event]) -> int:
        key = self.key(sender_id)
        try:
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.rpush(key, *[codec.dumpb(e) for e in events])
                pipe.expire(key, self.ttl)
                length, _ = await pipe.execute()
        except RedisError as exc:
            raise StoreUnavailable(str(exc)) from exc
        return int(length)

    async def delete(self, sender_id: str) -> bool:
        try:
            return bool(await self.redis.delete(self.key(sender_id)))
        except RedisError as exc:
            raise StoreUnavailable(str(exc)) from exc

    async def senders(self) -> AsyncIterator[str]:
        try:
            async for key in self.redis.scan_iter(match=f"{PREFIX}*", count=500):
                name = key.decode() if isinstance(key, bytes) else str(key)
                if not name.startswith(f"{PREFIX}lock:"):
                    yield name[len(PREFIX) :]
        except RedisError as exc:
            raise StoreUnavailable(str(exc)) from exc

    async def ping(self) -> bool:
        try:
            return bool(await self.redis.ping())
        except RedisError:
            return False

    async def close(self) -> None:
        await self.redis.aclose()
