"""Reading a conversation's events back from the latest: shared by the dialogue manager and
the actions, which both see events as Rasa's dicts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any


def messages_answered_with(
    events: Sequence[Mapping[str, Any]], action: str, *, latest_open: bool = False
) -> Iterator[Mapping[str, Any]]:
    """The user messages, latest first, for as long as the bot's reply to each ran
    ``action``; with ``latest_open``, the latest message comes first whatever its reply (it
    is the one being answered)."""
    ran = latest_open
    for event in reversed(events):
        if event.get("event") == "action" and event.get("name") == action:
            ran = True
        elif event.get("event") == "user":
            if not ran:
                return
            yield event
            ran = False
