"""`calcibot shell`: chat in the terminal like `rasa shell`; buttons are numbered choices."""

from __future__ import annotations

import asyncio
import uuid

from bot.config import Settings
from bot.content.render import BotMessage
from bot.dialogue.conversations import Conversations
from bot.server.runtime import build_agent, ensure_model
from bot.store.sqlite import SQLiteStore


def show(messages: list[BotMessage]) -> list[str]:
    payloads: list[str] = []
    for message in messages:
        print(f"Calcibot: {message['text']}")
        for button in message.get("buttons", []):
            payloads.append(button["payload"])
            print(f"  {len(payloads)}: {button['title']}")
    return payloads


async def chat(settings: Settings) -> None:
    ensure_model(settings)
    agent = build_agent(settings, settings.clinic())
    store = SQLiteStore(settings.sqlite_path, settings.conversation_ttl_days * 86400)
    conversations = Conversations(store)
    sender = f"shell-{uuid.uuid4().hex[:8]}"
    print("Type a message (a number picks a button, /stop to leave the questions, Ctrl-D quits).")
    payloads: list[str] = []
    try:
        while True:
            try:
                text = input("You: ").strip()
            except EOFError:
                print()
                break
            if not text:
                continue
            if text.isdigit() and 0 < int(text) <= len(payloads):
                text = payloads[int(text) - 1]
            state = await conversations.take(sender)
            turn = await agent.handle(state, text, input_channel="cmdline")
            await conversations.keep(state, turn.events)
            payloads = show(turn.messages)
    finally:
        await agent.runner.close()
        await store.close()


def run(settings: Settings) -> int:
    asyncio.run(chat(settings))
    return 0
