"""The rate limiter workers share through Redis; imported only when Redis is configured, so
a worker on SQLite never loads the Redis client."""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from bot.server.ratelimit import MemoryRateLimiter


class RedisRateLimiter:
    """Counters in Redis, one per key and window. When Redis cannot answer, this process
    counts alone: a request is limited less strictly, never refused for it."""

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
