"""A control: the bot's own app whose turn costs nothing, the floor under any turn's cost.

Every request still passes the bot's middleware (body limit, CORS, security headers), request
validation, rate limits, the turn's log line and metrics, and gets a real turn's reply; but the
turn itself is one computed at start-up, and nothing is loaded or stored. The gap between this
and the bare endpoint is what serving a turn the bot's way costs before any turn is run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from typing import Any

from fastapi import FastAPI

from bot.config import Settings
from bot.dialogue.agent import Agent, Turn
from bot.dialogue.tracker import DialogueState, Event
from bot.server.app import create_app as create_bot_app

TEXT = "what causes calcinosis"


class CannedAgent:
    """Answers every message with one turn the real agent ran at start-up."""

    def __init__(self, turn: Turn) -> None:
        self.turn = turn

    async def handle(self, state: DialogueState, text: str, metadata: Any = None) -> Turn:
        return self.turn


class NoConversations:
    """Nothing is loaded or kept: every turn starts from an empty state."""

    def lock(self, sender_id: str) -> AbstractAsyncContextManager[None]:
        return nullcontext()

    async def take(self, sender_id: str) -> DialogueState:
        return DialogueState(sender_id)

    async def keep(self, state: DialogueState, events: Iterable[Event]) -> None:
        return None


def create_app(settings: Settings | None = None) -> FastAPI:
    app = create_bot_app(settings)
    bot_lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with bot_lifespan(app):
            runtime = app.state.runtime
            agent: Agent = runtime.agent
            turn = await agent.handle(DialogueState("floor"), TEXT)
            app.state.runtime = dataclasses.replace(
                runtime, agent=CannedAgent(turn), conversations=NoConversations()
            )
            try:
                yield
            finally:
                app.state.runtime = runtime  # the bot's own lifespan closes what it built

    app.router.lifespan_context = lifespan
    return app
