"""A conversation's tracker (Rasa's JSON) and "forget me"."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from bot.server.deps import RuntimeDep
from bot.server.routers.rest import SENDER_PATTERN

router = APIRouter(prefix="/conversations", tags=["conversations"])
SenderPath = Annotated[str, Path(pattern=SENDER_PATTERN, description="the sender id")]


@router.get("/{sender_id}/tracker")
async def tracker(sender_id: SenderPath, runtime: RuntimeDep) -> dict[str, Any]:
    """Rasa tracker JSON; an unknown sender has an empty tracker, as in Rasa."""
    return (await runtime.conversations.state(sender_id)).as_dict()


@router.delete("/{sender_id}", status_code=204, response_class=Response)
async def forget(sender_id: SenderPath, runtime: RuntimeDep) -> Response:
    """Forget the conversation now."""
    await runtime.conversations.forget(sender_id)
    return Response(status_code=204)
