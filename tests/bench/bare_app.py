"""The baseline: a bare FastAPI endpoint taking and returning the REST channel's JSON shapes."""

from __future__ import annotations

from fastapi import FastAPI

from bot.server.routers.rest import BotReply, UserMessage

app = FastAPI()
ADVICE = "If you suspect calcification, you should see a doctor for diagnosis and treatment."


@app.post("/webhooks/rest/webhook", response_model=list[BotReply], response_model_exclude_none=True)
async def webhook(body: UserMessage) -> list[BotReply]:
    return [BotReply(recipient_id=body.sender, text=f"{body.message}\n\n{ADVICE}")]


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}
