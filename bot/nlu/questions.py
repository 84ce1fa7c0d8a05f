"""Whether a message asks rather than tells, by its first word: "does it hurt?" asks, "they
don't hurt, is that normal?" tells. Slot filling reads only what a patient tells."""

from __future__ import annotations

import re

QUESTION_WORDS = frozenset(
    {"does", "do", "is", "are", "can", "could", "will", "would", "should", "what", "how", "why"}
)
_CLAUSES = re.compile(r"[,;.!?]+")


def is_question(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and words[0] in QUESTION_WORDS


def asks(text: str) -> bool:
    """Whether any clause asks: "they don't hurt, is that normal?" tells, and asks too."""
    return "?" in text or any(is_question(clause) for clause in _CLAUSES.split(text))
