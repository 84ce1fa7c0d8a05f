"""Conversation state replayed from Rasa events; serialised as Rasa's tracker JSON."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Any

from bot.dialogue.domain import slot_names

Event = dict[str, Any]


class DialogueState:
    """What the events say now: slots, active form, latest message and action.

    ``max_events`` keeps only the latest events (Rasa's ``max_event_history``): what actions
    look back on. The slots and the rest are folded from every event; ``position`` counts
    every event applied, restarts included, which is the conversation's length in the store.
    """

    def __init__(
        self, sender_id: str, events: Iterable[Event] = (), *, max_events: int | None = None
    ) -> None:
        self.sender_id = sender_id
        self.events: deque[Event] = deque(maxlen=max_events)
        self.position = 0
        self._reset()
        for event in events:
            self.apply(event)

    def _reset(self) -> None:
        self.events.clear()
        self.slots: dict[str, Any] = dict.fromkeys(slot_names())
        self.active_loop: str | None = None
        self.latest_message: dict[str, Any] = {}
        self.latest_action_name: str | None = None
        self.latest_input_channel: str | None = None

    def apply(self, event: Event) -> None:
        self.position += 1
        kind = event.get("event")
        if kind == "restart":
            self._reset()  # what came before no longer counts
            return
        self.events.append(event)
        if kind == "user":
            self.latest_message = {**(event.get("parse_data") or {}), "text": event.get("text")}
            self.latest_input_channel = event.get("input_channel")
        elif kind == "slot":
            self.slots[str(event["name"])] = event.get("value")
        elif kind == "active_loop":
            self.active_loop = event.get("name")
        elif kind == "action":
            self.latest_action_name = event.get("name")

    def extend(self, events: Iterable[Event]) -> None:
        for event in events:
            self.apply(event)

    @property
    def latest_event_time(self) -> float | None:
        return self.events[-1].get("timestamp") if self.events else None

    def as_dict(self) -> dict[str, Any]:
        """Rasa's tracker JSON (what actions receive and GET .../tracker returns)."""
        return {
            "sender_id": self.sender_id,
            "slots": dict(self.slots),
            "latest_message": self.latest_message,
            "latest_event_time": self.latest_event_time,
            "followup_action": None,
            "paused": False,
            "events": list(self.events),
            "latest_action": {"action_name": self.latest_action_name},
            "latest_action_name": self.latest_action_name,
            "latest_input_channel": self.latest_input_channel,
            "active_loop": {"name": self.active_loop} if self.active_loop else {},
        }
