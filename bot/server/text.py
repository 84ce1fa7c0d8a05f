"""Message text checks shared by every route that takes text."""

from __future__ import annotations

import unicodedata

from bot.server.errors import BadRequest

CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def clean_message(text: str, max_chars: int, field: str = "text") -> str:
    """Drop control characters, refuse empty or too long text with a clear error."""
    if text.isascii() and text.isprintable():  # most messages: nothing to replace
        cleaned = text.strip()
    else:
        cleaned = "".join(
            " " if unicodedata.category(ch) in CONTROL_CATEGORIES else ch for ch in text
        ).strip()
    if len(cleaned) > max_chars:
        raise BadRequest(
            f"{field} is {len(cleaned)} characters long; the limit is {max_chars}",
            status=422,
            field=field,
            limit=max_chars,
        )
    if not cleaned:
        raise BadRequest(f"{field} must not be empty", field=field)
    return cleaned
