"""The baseline: a bare FastAPI endpoint taking and returning the REST channel's JSON shapes."""

from __future__ import annotations

import os
import time

from fastapi import FastAPI

from bot.server.routers.rest import BotReply, UserMessage

app = FastAPI()
ADVICE = "If you suspect calcification, you should see a doctor for diagnosis and treatment."
# a control: the same endpoint spending this much CPU per request, as a turn does
CPU_S = float(os.environ.get("BENCH_BARE_CPU_MS", "0")) / 1000


@app.post("/webhooks/rest/webhook", response_model=list[BotReply], response_model_exclude_none=True)
async def webhook(body: UserMessage) -> list[BotReply]:
    if CPU_S:
        started = time.perf_counter()
        while time.perf_counter() - started < CPU_S:
            pass
    return [BotReply(recipient_id=body.sender, text=f"{body.message}\n\n{ADVICE}")]


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}
