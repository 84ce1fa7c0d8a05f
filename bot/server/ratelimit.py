"""Fixed-window rate limits per client IP and per sender: 429 with Retry-After.

In memory for one process; in Redis when the workers share one, so the limit holds across them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import Protocol

import redis.asyncio as aioredis
from redis.exceptions import RedisError


class RateLimiter(Protocol):
    async def hit(self, limits: Sequence[tuple[str, int]], window_s: float) -> float:
        """Count one request against each (key, limit); 0 when all allow it, else the seconds
        until the window resets."""
        ...


class MemoryRateLimiter:
    def __init__(self) -> None:
        self._windows: dict[str, tuple[int, int]] = {}

    async def hit(self, limits: Sequence[tuple[str, int]], window_s: float) -> float:
        return max((self.hit_one(key, limit, window_s) for key, limit in limits), default=0.0)

    def hit_one(self, key: str, limit: int, window_s: float) -> float:
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

    async def hit(self, limits: Sequence[tuple[str, int]], window_s: float) -> float:
        """All the counters in one round trip."""
        window = int(time.time() // window_s)
        try:
            async with self.redis.pipeline(transaction=True) as pipe:
                for key, _ in limits:
                    redis_key = f"calcibot:rate:{key}:{window}"
                    pipe.incr(redis_key)
                    pipe.expire(redis_key, math.ceil(window_s) + 1)
                replies = await pipe.execute()
        except RedisError:
            return await self.fallback.hit(limits, window_s)
        counts = replies[::2]
        if any(int(count) > limit for count, (_, limit) in zip(counts, limits, strict=True)):
            return (window + 1) * window_s - time.time()
        return 0.0


def retry_after(seconds: float) -> int:
    return max(1, math.ceil(seconds))
