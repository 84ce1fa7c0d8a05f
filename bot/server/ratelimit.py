"""Fixed-window rate limits per client IP and per sender: 429 with Retry-After.

In memory for one process; in Redis when the workers share one, so the limit holds across them.
"""

from __future__ import annotations

import math
import time
from typing import Protocol

import redis.asyncio as aioredis
from redis.exceptions import RedisError


class RateLimiter(Protocol):
    async def hit(self, key: str, limit: int, window_s: float) -> float:
        """Count one request; 0 when allowed, else the seconds until the window resets."""
        ...


class MemoryRateLimiter:
    def __init__(self) -> None:
        self._windows: dict[str, tuple[int, int]] = {}

    async def hit(self, key: str, limit: int, window_s: float) -> float:
        now = time.monotonic()
        window = int(now // window_s)
        current, count = self._windows.get(key, (window, 0))
        if current != window:
            count = 0
            if len(self._windows) > 100_000:  # bounded: drop every stale window
                self._windows = {k: v for k, v in self._windows.items() if v[0] == window}
        count += 1
        self._windows[key] = (window, count)
        if count > limit:
            return (window + 1) * window_s - now
        return 0.0


class RedisRateLimiter:
    def __init__(self, redis: aioredis.Redis) -> None:
        self.redis = redis
        self.fallback = MemoryRateLimiter()

    async def hit(self, key: str, limit: int, window_s: float) -> float:
        window = int(time.time() // window_s)
        redis_key = f"calcibot:rate:{key}:{window}"
        try:
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.incr(redis_key)
                pipe.expire(redis_key, math.ceil(window_s) + 1)
                count, _ = await pipe.execute()
        except RedisError:
            return await self.fallback.hit(key, limit, window_s)
        if int(count) > limit:
            return (window + 1) * window_s - time.time()
        return 0.0


def retry_after(seconds: float) -> int:
    return max(1, math.ceil(seconds))
