"""Each conversation's dialogue state, kept between turns instead of replayed every turn."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from contextlib import AbstractAsyncContextManager

from bot.dialogue.tracker import DialogueState, Event
from bot.store.base import ConversationStore

STATE_CACHE_SIZE = 512


class Conversations:
    """The store's events, with the state of the recently active conversations in memory.

    A cached state is used only when the store's version token is still the one its last
    append returned, so a turn taken by another worker, a deletion or an expiry makes this
    process replay the events again. A state is taken out of the cache for the turn and put
    back only once the turn is stored: a failed turn leaves nothing half-applied behind.
    """

    def __init__(self, store: ConversationStore, *, cache_size: int = STATE_CACHE_SIZE) -> None:
        self.store = store
        self.cache_size = cache_size
        self._cache: OrderedDict[str, tuple[str, DialogueState]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        """How many states are cached."""
        return len(self._cache)

    def lock(self, sender_id: str) -> AbstractAsyncContextManager[None]:
        return self.store.lock(sender_id)

    async def take(self, sender_id: str) -> DialogueState:
        """The state for a new turn; call under the sender's lock."""
        cached = self._cache.pop(sender_id, None)
        version = await self.store.version(sender_id)
        if cached is not None and version is not None and cached[0] == version:
            self.hits += 1
            return cached[1]
        self.misses += 1
        if version is None:
            return DialogueState(sender_id)
        return DialogueState(sender_id, await self.store.load(sender_id))

    async def keep(self, state: DialogueState, events: Iterable[Event]) -> None:
        """Store a turn's events (already applied to ``state``) and cache the state."""
        version = await self.store.append(state.sender_id, list(events))
        if self.cache_size > 0:
            self._cache[state.sender_id] = (version, state)
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    async def state(self, sender_id: str) -> DialogueState:
        """The state as stored, for reading (the cache is left alone)."""
        return DialogueState(sender_id, await self.store.load(sender_id))

    async def forget(self, sender_id: str) -> bool:
        async with self.store.lock(sender_id):
            self._cache.pop(sender_id, None)
            return await self.store.delete(sender_id)
