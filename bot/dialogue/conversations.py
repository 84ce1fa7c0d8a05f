"""Each conversation's dialogue state, kept between turns instead of replayed every turn."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from contextlib import AbstractAsyncContextManager

from bot.dialogue.tracker import DialogueState, Event
from bot.store.base import ConversationStore

STATE_CACHE_EVENTS = 25_000  # about 1 KB each in memory: some 25 MB per worker
EVENT_HISTORY = 40  # the latest events actions see (a few turns), as Rasa's max_event_history


class Conversations:
    """The store's events, with the state of the recently active conversations in memory.

    A cached state is checked against the store at every turn: the store returns the events
    from the last one this process saw. When that event is still there, only the events after
    it (another worker's turns) are applied; when it is not (the conversation was forgotten,
    expired or started again), the state is replayed from the store. A state is taken out of
    the cache for the turn and put back only once the turn is stored, so a failed turn leaves
    nothing half-applied. The cache holds at most ``max_events`` events; the least recently
    active conversations go first. States keep the latest ``history`` events; their slots and
    form come from all of them.
    """

    def __init__(
        self,
        store: ConversationStore,
        *,
        max_events: int = STATE_CACHE_EVENTS,
        history: int = EVENT_HISTORY,
    ) -> None:
        self.store = store
        self.max_events = max_events
        self.history = history
        self._cache: OrderedDict[str, DialogueState] = OrderedDict()
        self.cached_events = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        """How many states are cached."""
        return len(self._cache)

    def lock(self, sender_id: str) -> AbstractAsyncContextManager[None]:
        return self.store.lock(sender_id)

    async def take(self, sender_id: str) -> DialogueState:
        """The state for a new turn; call under the sender's lock."""
        state = self._drop(sender_id)
        if state is not None and state.events:
            tail = await self.store.load(sender_id, state.position - 1)
            if tail and tail[0] == state.events[-1]:
                self.hits += 1
                state.extend(tail[1:])
                return state
        self.misses += 1
        events = await self.store.load(sender_id)
        return DialogueState(sender_id, events, max_events=self.history)

    async def keep(self, state: DialogueState, events: Iterable[Event]) -> None:
        """Store a turn's events (already applied to ``state``) and cache the state."""
        stored = await self.store.append(state.sender_id, list(events))
        size = len(state.events)
        if stored != state.position or size > self.max_events:
            return  # the store holds more than this state knows: replay next time
        self._cache[state.sender_id] = state
        self.cached_events += size
        while self.cached_events > self.max_events:
            self._drop(next(iter(self._cache)))

    def _drop(self, sender_id: str) -> DialogueState | None:
        state = self._cache.pop(sender_id, None)
        if state is not None:
            self.cached_events -= len(state.events)
        return state

    async def state(self, sender_id: str) -> DialogueState:
        """The state as stored, for reading (the cache is left alone)."""
        return DialogueState(sender_id, await self.store.load(sender_id))

    async def forget(self, sender_id: str) -> bool:
        async with self.store.lock(sender_id):
            self._drop(sender_id)
            return await self.store.delete(sender_id)
