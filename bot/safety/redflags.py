"""Detects alarming words in any message, typo- and negation-tolerant.

Phrases come from `responses/safety.yml` (reviewed by the clinic). They are matched on the
normalised form the NLU pipeline sets (NORM: lower case, spell-corrected, plural-stripped), so
"chest pian" and "seizures" match; a mention preceded by a negation cue in the same clause
("no chest pain") does not count. Nor, as an emergency now, does one that is only spoken of:
asked about as what calcinosis may cause ("can it cause a heart attack?") or placed years back
("my dad had a stroke years ago"); that still gets the emergency advice, then the answer.
"""

from __future__ import annotations

import itertools
import re
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
from bot.nlu.questions import asks

NEGATION_CUES = frozenset({"no", "not", "n't", "never", "without", "deny", "denie", "nor"})
CLAUSE_BREAKS = frozenset({"but", "however", "although", "though", "except", ".", ";", "!", "?"})
CLAUSE_ENDS = CLAUSE_BREAKS | {","}
CUE_WINDOW = 4
# what a question may ask calcinosis to cause: "can it lead to a stroke?", "risk of seizures"
CAUSE_CUES = frozenset(
    {"cause", "caused", "causing", "lead", "led", "give", "risk", "chance", "trigger", "prevent"}
)
# asked of anyone: "can you overdose on vitamin d?", "what do i do if someone has a seizure?"
ANYONE_CUES = (("can", "you"), ("can", "people"), ("can", "someone"), ("if", "someone"))
# asked as a sign: "is shortness of breath a symptom of calcinosis?"
SIGN_WORDS = frozenset({"symptom", "sign", "complication"})
POSSESSIVES = frozenset({"my", "his", "her", "their", "our"})
FIRST_PERSON = frozenset({"i", "me", "i'm", "im", "i've", "ive"})
# "i'm dying to know": the words, not the alarm
IDIOMS = {"dying": frozenset({"to", "for"})}
# placed in the past, long enough ago not to be happening now; "again", "now" undo it
LONG_AGO = re.compile(
    r"\b(?:years?|months?) (?:ago|back)\b|\blast (?:year|month)\b|\bhistory of\b"
    r"|\bin the past\b|\b(?:in|since) (?:19|20)\d\d\b|\bas a (?:child|kid|teenager)\b"
)
HAPPENING_NOW = re.compile(
    r"\b(?:now|again|today|tonight|currently)\b|\b(?:i'?m|am|is|are|he's|she's) having\b"
)


@dataclass(frozen=True)
class RedFlag:
    category: str
    text: str
    negated: bool
    start: int
    end: int
    spoken_of: bool = False  # asked about, or long ago: not happening now

    @property
    def live(self) -> bool:
        return not (self.negated or self.spoken_of)


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
            if not all(self._typed_as(token) for token in span) or self._idiom(doc, end):
                continue
            found.append(
                RedFlag(
                    category,
                    span.text,
                    self._negated(doc, start),
                    span.start_char,
                    span.end_char,
                    spoken_of=self._spoken_of(doc, start, end, category),
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
    def _spoken_of(doc: Doc, start: int, end: int, category: str) -> bool:
        """Asked about as an effect ("can it cause a heart attack?", not "is it causing my
        chest pain?"), as a sign ("is chest pain a symptom?") or of anyone ("can you overdose
        on vitamin d?"), or told of as long ago in the mention's own clause; never when the
        message says it is happening now. Never thoughts of suicide or self-harm either:
        their crisis line is always given in full."""
        if category == "suicide":
            return False
        if HAPPENING_NOW.search(doc.text.lower()):  # anywhere: "... and it's back now"
            return False
        first, last = start, end
        while first > 0 and doc[first - 1].norm_ not in CLAUSE_ENDS:
            first -= 1
        while last < len(doc) and doc[last].norm_ not in CLAUSE_ENDS:
            last += 1
        if LONG_AGO.search(doc[first:last].text.lower()):
            return True
        before = doc[max(first, start - CUE_WINDOW) : start]
        if not asks(doc.text) or any(t.lower_ in POSSESSIVES | FIRST_PERSON for t in before):
            return False
        words = [t.norm_ for t in before]
        pairs = set(itertools.pairwise(words))
        return (
            any(word in CAUSE_CUES for word in words)
            or any(cue in pairs for cue in ANYONE_CUES)
            or any(t.norm_ in SIGN_WORDS for t in doc[end : min(last, end + 3)])
        )

    @staticmethod
    def _idiom(doc: Doc, end: int) -> bool:
        follows = IDIOMS.get(doc[end - 1].lower_, frozenset())
        return end < len(doc) and doc[end].lower_ in follows

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

    Any red flag that is neither negated nor only spoken of is an emergency. So is the
    classifier's `emergency` intent ("other": no phrase names it); when the message has red
    flags and none is live, that is the intent of the rest of the message (see
    `SafeUnderstanding`).
    """
    live = [flag for flag in flags if flag.live]
    if live:
        return live[0].category
    return "other" if intent == "emergency" else None
