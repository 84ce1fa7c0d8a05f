"""Reading a conversation's events back from the latest: shared by the dialogue manager and
the actions, which both see events as Rasa's dicts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any


def replies(
    events: Sequence[Mapping[str, Any]],
) -> Iterator[tuple[Mapping[str, Any], frozenset[str]]]:
    """Each user message, latest first, with the names of the actions the bot ran in reply
    (none yet for the message being answered)."""
    ran: set[str] = set()
    for event in reversed(events):
        if event.get("event") == "action":
            ran.add(str(event.get("name")))
        elif event.get("event") == "user":
            yield event, frozenset(ran)
            ran = set()


def messages_answered_with(
    events: Sequence[Mapping[str, Any]], action: str, *, latest_open: bool = False
) -> Iterator[Mapping[str, Any]]:
    """The user messages, latest first, for as long as the bot's reply to each ran
    ``action``; with ``latest_open``, the latest message comes first whatever its reply (it
    is the one being answered)."""
    for n, (message, ran) in enumerate(replies(events)):
        if action not in ran and not (latest_open and n == 0):
            return
        yield message
