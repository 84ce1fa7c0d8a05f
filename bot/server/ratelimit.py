"""Fixed-window rate limits per client IP and per sender: 429 with Retry-After.

In memory for one process; in Redis (`ratelimit_redis`) when the workers share one, so the
limit holds across them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import Protocol


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


def retry_after(seconds: float) -> int:
    return max(1, math.ceil(seconds))
