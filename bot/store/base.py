"""The store contract every backend keeps."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol

Event = dict[str, Any]


class StoreUnavailable(RuntimeError):
    """The backing store cannot be reached; the turn is refused (503), nothing is half-kept."""


class ConversationStore(Protocol):
    """Events of each conversation, in order; a turn is appended whole or not at all."""

    def lock(self, sender_id: str) -> AbstractAsyncContextManager[None]:
        """Held for a whole turn: one turn of a conversation at a time, in arrival order."""
        ...

    async def load(self, sender_id: str, start: int = 0) -> list[Event]:
        """The events from position ``start`` on; none when the conversation is unknown,
        forgotten or expired."""
        ...

    async def append(self, sender_id: str, events: list[Event]) -> int:
        """Keeps the events; returns how many the conversation now has."""
        ...

    async def delete(self, sender_id: str) -> bool: ...

    def senders(self) -> AsyncIterator[str]: ...

    async def close(self) -> None: ...
