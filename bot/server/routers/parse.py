"""`POST /model/parse`: Rasa's NLU endpoint shape."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from bot.nlu.interpreter import ParseResult, PayloadError
from bot.server.deps import RuntimeDep
from bot.server.errors import BadRequest
from bot.server.text import clean_message

router = APIRouter(tags=["nlu"])


class ParseRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: Annotated[StrictStr, Field(description="the text to understand")]


@router.post("/model/parse")
async def parse(body: ParseRequest, runtime: RuntimeDep) -> ParseResult:
    text = clean_message(body.text, runtime.settings.max_message_chars)
    try:
        return runtime.interpreter.parse(text)
    except PayloadError as exc:
        raise BadRequest(str(exc), field="text") from exc
