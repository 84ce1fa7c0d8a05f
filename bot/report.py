"""`calcibot report`: what patients asked that the bot could not answer, grouped and counted,
with personal details redacted, so the clinic can see what its content does not cover."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from typing import Any

from bot.store.base import ConversationStore

UNANSWERED = frozenset({"nlu_fallback", "out_of_scope"})
REDACTIONS = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[email]"),
    (re.compile(r"https?://\S+|www\.\S+"), "[link]"),
    (re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"), "[date]"),
    (re.compile(r"\+?\d[\d ()-]{6,}\d"), "[phone]"),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", re.I), "[postcode]"),
    (re.compile(r"\b\d{3,}\b"), "[number]"),
    (
        re.compile(r"\b((?i:my name is|i am|i'm|this is|call me))\s+[A-Z][a-z]+(\s+[A-Z][a-z]+)?"),
        r"\1 [name]",
    ),
]


def redact(text: str) -> str:
    for pattern, replacement in REDACTIONS:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


async def unanswered(store: ConversationStore, since: datetime | None) -> Counter[tuple[str, str]]:
    """(redacted lower-case text, intent) -> how many times it was asked."""
    cutoff = since.timestamp() if since else 0.0
    counts: Counter[tuple[str, str]] = Counter()
    async for sender_id in store.senders():
        for event in await store.load(sender_id):
            if event.get("event") != "user" or float(event.get("timestamp") or 0) < cutoff:
                continue
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            text = str(event.get("text") or "")
            if intent in UNANSWERED and not text.startswith("/"):
                counts[(redact(text).lower(), str(intent))] += 1
    return counts


def format_report(counts: Counter[tuple[str, str]], limit: int) -> str:
    if not counts:
        return "No unanswered messages."
    total = sum(counts.values())
    lines = [f"{total} unanswered message(s), {len(counts)} distinct:", ""]
    lines.append(f"{'count':>5}  {'intent':<13} message")
    for (text, intent), n in counts.most_common(limit):
        lines.append(f"{n:>5}  {intent:<13} {text}")
    return "\n".join(lines)


def as_json(counts: Counter[tuple[str, str]]) -> list[dict[str, Any]]:
    return [{"message": t, "intent": i, "count": n} for (t, i), n in counts.most_common()]
