"""Detects alarming words in any message, typo- and negation-tolerant.

Phrases come from `responses/safety.yml` (reviewed by the clinic). They are matched on the
normalised form the NLU pipeline sets (NORM: lower case, spell-corrected, plural-stripped), so
"chest pian" and "seizures" match; a mention preceded by a negation cue in the same clause
("no chest pain") does not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from bot.config import SAFETY_FILE
from bot.nlu.normalizer import stem

NEGATION_CUES = frozenset({"no", "not", "n't", "never", "without", "deny", "denie", "nor"})
CLAUSE_BREAKS = frozenset({"but", "however", "although", "though", "except", ".", ";", "!", "?"})
CUE_WINDOW = 4


@dataclass(frozen=True)
class RedFlag:
    category: str
    text: str
    negated: bool
    start: int
    end: int


def load_red_flags(path: Path = SAFETY_FILE) -> dict[str, list[str]]:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    flags = data.get("red_flags") if isinstance(data, dict) else None
    if not isinstance(flags, dict) or not flags:
        raise ValueError(f"{path}: expected a `red_flags` mapping of category -> phrases")
    return {str(category): [str(p) for p in phrases] for category, phrases in flags.items()}


def load_red_flag_phrases(path: Path = SAFETY_FILE) -> list[str]:
    return [phrase for phrases in load_red_flags(path).values() for phrase in phrases]


class RedFlagDetector:
    """Finds red-flag phrases in a processed Doc (NORM must be set by the normaliser)."""

    def __init__(self, nlp: Language, flags: dict[str, list[str]]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        normalise = nlp.get_pipe("normalizer")
        for category, phrases in flags.items():
            self.matcher.add(category, [normalise(nlp.make_doc(p)) for p in phrases])

    def find(self, doc: Doc) -> list[RedFlag]:
        found = []
        for match_id, start, end in self.matcher(doc):
            category = doc.vocab.strings[match_id]
            span = doc[start:end]
            if not all(self._typed_as(token) for token in span):
                continue
            found.append(
                RedFlag(
                    category, span.text, self._negated(doc, start), span.start_char, span.end_char
                )
            )
        return found

    @staticmethod
    def _typed_as(token: Token) -> bool:
        """A corrected word counts only when it is one slip from the red-flag word
        ("chocking", "faintin"), not another word ("checking" -> choking, "painted" ->
        fainted): the normaliser corrects towards any word it knows."""
        typed, norm = stem(token.lower_), token.norm_
        return typed == norm or (typed[:1] == norm[:1] and OSA.distance(typed, norm) <= 1)

    @staticmethod
    def _negated(doc: Doc, start: int) -> bool:
        for token in reversed(doc[max(0, start - CUE_WINDOW) : start]):
            if token.norm_ in CLAUSE_BREAKS:
                return False
            if token.norm_ in NEGATION_CUES:
                return True
        return False


def is_emergency(flags: list[RedFlag], intent: str) -> str | None:
    """The category of emergency, or None.

    Any red flag that is not negated is an emergency. So is the classifier's `emergency`
    intent ("other": no phrase names it); when the message has negated red flags, that is
    the intent of the rest of the message (see `SafeUnderstanding`).
    """
    live = [flag for flag in flags if not flag.negated]
    if live:
        return live[0].category
    return "other" if intent == "emergency" else None
