"""Reading a conversation's events back from the latest: shared by the dialogue manager and
the actions, which both see events as Rasa's dicts."""

from __future__ import annotations

import itertools
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


# how many of the patient's messages before the latest may tell whose lump or medicine it is
TOLD_BEFORE_MESSAGES = 2


def told_before(
    events: Sequence[Mapping[str, Any]], count: int = TOLD_BEFORE_MESSAGES
) -> list[dict[str, Any]]:
    """The parses of the patient's ``count`` messages before the latest ("my cat is on
    steroids" before "should i stop giving her them?")."""
    before = itertools.islice(replies(events), 1, 1 + count)
    return [dict(message.get("parse_data") or {}) for message, _ in before]


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
