"""Rasa's REST channel: `POST /webhooks/rest/webhook` and its status route."""

from __future__ import annotations

import logging
import re
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from bot import codec
from bot.content.render import BotMessage
from bot.logs import pseudonym
from bot.nlu.interpreter import PayloadError
from bot.server.deps import RuntimeDep
from bot.server.errors import BadRequest, RateLimited
from bot.server.ratelimit import retry_after
from bot.server.runtime import Runtime
from bot.server.text import clean_message

log = logging.getLogger("calcibot.turns")
router = APIRouter(prefix="/webhooks/rest", tags=["channel"])
SENDER_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
SENDER_RE = re.compile(SENDER_PATTERN)
SenderId = Annotated[
    StrictStr, Field(pattern=SENDER_PATTERN, description="1-64 of A-Z a-z 0-9 _ -")
]


class UserMessage(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sender: SenderId
    message: StrictStr
    metadata: dict[str, Any] | None = None


class Button(BaseModel):
    title: str
    payload: str


class BotReply(BaseModel):
    """One bot message; keys that are None are dropped from the JSON."""

    recipient_id: str
    text: str | None = None
    buttons: list[Button] | None = None
    custom: dict[str, Any] | None = None


class ChannelStatus(BaseModel):
    status: Literal["ok"] = "ok"


@router.get("/", response_model=ChannelStatus)
async def status() -> ChannelStatus:
    return ChannelStatus()


async def enforce_rate_limits(runtime: Runtime, client_ip: str, sender: str) -> None:
    settings = runtime.settings
    limits = [
        (f"ip:{client_ip}", settings.rate_limit_per_ip),
        (f"sender:{sender}", settings.rate_limit_per_sender),
    ]
    wait = await runtime.limiter.hit(limits, settings.rate_limit_window_s)
    if wait:
        raise RateLimited(
            f"too many messages; try again in {retry_after(wait)} s",
            retry_after=retry_after(wait),
        )


@router.post("/webhook", response_model=list[BotReply], response_model_exclude_none=True)
async def webhook(body: UserMessage, request: Request, runtime: RuntimeDep) -> Response:
    """Run one turn; it is stored whole before it is answered (acknowledged = kept)."""
    started = time.perf_counter()
    text = clean_message(body.message, runtime.settings.max_message_chars, field="message")
    await enforce_rate_limits(runtime, request.client.host if request.client else "-", body.sender)
    conversations = runtime.conversations
    async with conversations.lock(body.sender):  # a store outage becomes a 503 (errors.py)
        state = await conversations.take(body.sender)
        try:
            turn = await runtime.agent.handle(state, text, body.metadata)
        except PayloadError as exc:
            raise BadRequest(str(exc), field="message") from exc
        await conversations.keep(state, turn.events)
    seconds = time.perf_counter() - started
    intent = turn.parse["intent"]["name"]
    actions = [e["name"] for e in turn.events if e["event"] == "action"]
    runtime.metrics.observe_turn(intent, actions, seconds)
    fields = {"sender": pseudonym(body.sender), "intent": intent, "ms": round(seconds * 1000, 2)}
    if runtime.clinic.log_message_text:
        fields["text"] = text
    log.info("turn", extra={"fields": fields})
    return replies(body.sender, turn.messages)


def replies(sender: str, messages: list[BotMessage]) -> Response:
    """The turn's messages in the channel's JSON (`BotReply`, which the route documents).

    Encoded here rather than re-validated through ``response_model``: the renderer already
    gives each message its final shape, with no ``None`` keys, and every turn pays for it."""
    return Response(
        codec.dumpb([{"recipient_id": sender, **m} for m in messages]),
        media_type="application/json",
    )
