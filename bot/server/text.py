"""Message text checks shared by every route that takes text."""

from __future__ import annotations

import unicodedata

from bot.server.errors import BadRequest


def clean_message(text: str, max_chars: int, field: str = "text") -> str:
    """Drop control characters, refuse empty or too long text with a clear error."""
    cleaned = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Zl", "Zp"} else ch for ch in text
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
