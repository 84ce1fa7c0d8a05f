"""Rasa's REST channel: `POST /webhooks/rest/webhook` and its status route."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from bot.nlu.interpreter import PayloadError
from bot.server.deps import RuntimeDep
from bot.server.errors import BadRequest, ServiceUnavailable
from bot.server.text import clean_message
from bot.store.base import StoreUnavailable

router = APIRouter(prefix="/webhooks/rest", tags=["channel"])
SENDER_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
SENDER_RE = re.compile(SENDER_PATTERN)
SenderId = Annotated[StrictStr, Field(pattern=SENDER_PATTERN, description="1-64 of A-Z a-z 0-9 _ -")]


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


@router.post("/webhook", response_model=list[BotReply], response_model_exclude_none=True)
async def webhook(body: UserMessage, runtime: RuntimeDep) -> list[BotReply]:
    """Run one turn; it is stored whole before it is answered (acknowledged = kept)."""
    text = clean_message(body.message, runtime.settings.max_message_chars, field="message")
    store = runtime.store
    try:
        async with store.lock(body.sender):
            history = await store.load(body.sender)
            try:
                turn = await runtime.agent.handle(body.sender, text, history, body.metadata)
            except PayloadError as exc:
                raise BadRequest(str(exc), field="message") from exc
            await store.append(body.sender, turn.events)
    except StoreUnavailable as exc:
        raise ServiceUnavailable("the conversation store is unavailable; try again") from exc
    return [BotReply(recipient_id=body.sender, **message) for message in turn.messages]
