"""The intent the bot acts on: NLU, overridden by the safety gate when words are alarming."""

from __future__ import annotations

import itertools
import re
from typing import cast

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from bot import codec
from bot.lru import LRUCache
from bot.nlu.components import FALLBACK_INTENT
from bot.nlu.interpreter import Interpreter, ParseResult
from bot.nlu.questions import SENTENCE_STARTS
from bot.safety import NAMED_BY_NO_FLAG
from bot.safety.redflags import (
    FICTION,
    RedFlag,
    RedFlagDetector,
    is_emergency,
    tells_of_work,
    tells_small_bleed,
)

PARSE_CACHE_SIZE = 4096
_WORDS = re.compile(r"[a-z]{2,}")  # "what's" as "what": the "s" carries nothing
# where a clause ends: "no it doesnt hurt, cardiac arrest"; not a decimal point ("39.5")
CLAUSE_MARK = re.compile(r"(?:[,;:!?]|\.(?!\d))+\s*")
WORD = re.compile(r"\w")
MAX_PARTS = 4  # parts read apart, at most: the first ones after the answer
# what is told after an answer is an emergency that no red flag names only when the classifier
# reads it so with confidence: "no he didn't hurt himself" reads 0.46 and "no, and im not
# bleeding" 0.63 (a bag of words misses the "not"); the held-out emergencies no red flag
# names read 0.99 or more alone
REST_EMERGENCY_CONFIDENCE = 0.8
_SUBJECT = r"(?:i|i'm|im|i've|ive|my|me|he|she|it|its|it's|they|we|his|her|their|our)\b"
# a reply's answer, then what it tells: "no, kms", "yes took 30 tylenol", "not sure. can't
# breathe"; "no chest pain" denies, and "no it doesnt hurt, chest pain" answers first
ANSWERED_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|well|um+|hmm+|oh|ah)\W+)?"
    r"(?:(?:yes|yeah|yep|yup|ya|sure|not\s+(?:sure|certain)|unsure|dunno|idk|maybe"
    r"|(?:i\s+)?(?:don'?t|do\s+not)\s+know)\b[\s,.;:!?-]*"
    rf"|(?:no|nope|nah|not\s+really|not\s+at\s+all)(?:\s*[,.;:!?-]+\s*|\s+(?={_SUBJECT})))"
    r"(?P<rest>\w.*)$",
    re.IGNORECASE | re.DOTALL,
)


class SafeUnderstanding:
    """Red flags on every message, before anything else: they make the intent `emergency`.
    When no red flag is live, every one negated ("no chest pain") or only spoken of ("can it
    cause a stroke?"), the rest of the message is classified without them: an `emergency`
    there is still one. A red flag only spoken of is kept in `red_flag_mentioned`: the
    emergency advice still comes first, then the answer.

    The result depends on the text alone, so the last ``cache_size`` distinct texts are kept
    (as JSON, so no caller can change a cached parse); patients repeat the same short
    messages and questions. Each parse runs in spaCy's memory zone: the strings of texts
    seen once are freed, so memory stays flat however varied the messages.
    """

    def __init__(
        self,
        interpreter: Interpreter,
        detector: RedFlagDetector,
        *,
        cache_size: int = PARSE_CACHE_SIZE,
    ) -> None:
        self.interpreter = interpreter
        self.detector = detector
        self.cache: LRUCache[str, bytes] = LRUCache(cache_size)

    def __call__(self, text: str) -> ParseResult:
        cached = self.cache.get(text)
        if cached is not None:
            return cast(ParseResult, codec.loads(cached))
        parse = self.understand(text)
        self.cache.put(text, codec.dumpb(parse))
        return parse

    def understand(self, text: str) -> ParseResult:
        """NLU and red flags, without the cache. A reply that answers first and then tells
        of an emergency ("no, kms", "yes, took 30 tylenol") is one, however the classifier
        reads the answer word with it."""
        parse, flags = self._read(text)
        # red flags denied, long ago or only asked about: not read again apart from the rest
        settled = [flag.start for flag in flags if not flag.live]
        if (
            "red_flag" not in parse
            and not tells_small_bleed(text)
            and self._emergency_told_apart(text, settled)
        ):
            parse["intent"] = {"name": "emergency", "confidence": 1.0}
            parse["red_flag"] = NAMED_BY_NO_FLAG
        return parse

    def _emergency_told_apart(self, text: str, settled: list[int]) -> bool:
        """Whether the classifier reads a part of the text, alone, as an emergency at
        ``REST_EMERGENCY_CONFIDENCE`` or more; not a part that holds a red flag the whole
        message settles ("no fever, chest pain or cough", "no. my mum had a stroke last
        year"). Red-flag phrases need no such reading: the whole message's are read with what
        comes before them."""
        parts = [part for start, part in told_after(text) if all(at < start for at in settled)]
        if not parts:  # most messages: no memory zone entered (it costs a tenth of a ms)
            return False
        with self.interpreter.nlp.memory_zone():
            for part in parts:
                scores = self.interpreter.scores(part)
                emergency = scores.get("emergency", 0.0)
                if emergency >= REST_EMERGENCY_CONFIDENCE and emergency == max(scores.values()):
                    return True
        return False

    def _not_only_a_story(self, text: str, parse: ParseResult) -> str | None:
        """An emergency the classifier alone reads, and no live red flag names, in a message
        that tells a story or a past day at work before it asks: one only if the rest still
        reads as one; else the rest's intent leads, and ``parse`` takes it."""
        rest_text = without_stories(text)
        if rest_text is None:
            return NAMED_BY_NO_FLAG
        rest = self.interpreter.understand(rest_text)[0]
        if rest["intent"]["name"] == "emergency":
            return NAMED_BY_NO_FLAG
        parse["intent"], parse["intent_ranking"] = rest["intent"], rest["intent_ranking"]
        return None

    def _read(self, text: str) -> tuple[ParseResult, list[RedFlag]]:
        """The parse of a whole text, and the red flags found in it."""
        with self.interpreter.nlp.memory_zone():
            parse, doc = self.interpreter.understand(text)
            flags = self.detector.find(doc) if doc is not None else []
            rest = None
            if flags and not any(f.live for f in flags):
                # "no chest pain, just a lump": the classifier reads the alarm words; what
                # the patient asks or tells is the rest of the message
                rest = self.interpreter.understand(without_spans(text, left_out(doc, flags)))[0]
                if says_nothing(rest["text"]):  # "what about heart attacks": no guess
                    rest["intent"] = {"name": FALLBACK_INTENT, "confidence": 0.0}
        # the pain of a red flag is not the lump's pain; an accident's cut is an injury
        parse["entities"] = [
            e
            for e in parse["entities"]
            if not any(
                f.start < e["end"] and e["start"] < f.end and not f.accidental for f in flags
            )
        ]
        if rest is not None:
            parse["intent"], parse["intent_ranking"] = rest["intent"], rest["intent_ranking"]
        category = is_emergency(flags, parse["intent"]["name"])
        if category == NAMED_BY_NO_FLAG and tells_small_bleed(text):
            # "the bump broke and is oozing, little blood": the classifier's words, not one
            # of the red flags; the next likeliest reading leads
            ranking = [r for r in parse["intent_ranking"] if r["name"] != "emergency"]
            parse["intent"], parse["intent_ranking"] = ranking[0], ranking
            category = None
        if category == NAMED_BY_NO_FLAG and not any(f.live for f in flags):
            category = self._not_only_a_story(text, parse)
        if category:
            parse["red_flag"] = category
            parse["intent"] = {"name": "emergency", "confidence": 1.0}
        elif spoken := [f for f in flags if f.spoken_of and not (f.negated or f.figurative)]:
            parse["red_flag_mentioned"] = spoken[0].category
        return parse, flags


def without_stories(text: str) -> str | None:
    """The message without its sentences that tell a story ("in my video game my character
    keeps dying from overdosing on potions lol. how is calcinosis treated") or a past day at
    work ("i work as an ambulance tech, had a stabbing on shift yesterday, all survived"), or
    None when none does or nothing else is left."""
    starts = [0, *(match.end() for match in SENTENCE_STARTS.finditer(text))]
    sentences = [text[a:b] for a, b in itertools.pairwise([*starts, len(text)])]
    kept = [s for s in sentences if not _a_story(s.lower())]
    return "".join(kept) if kept and len(kept) < len(sentences) else None


# a day at work told as over: "on shift yesterday, all survived"
PAST_AT_WORK = re.compile(
    r"\b(?:yesterday|earlier|last\s+(?:night|shift|week|job)|survived|(?:both|all|everyone)\s+"
    r"(?:ok|okay|fine|survived))\b"
)


def _a_story(sentence: str) -> bool:
    if FICTION.search(sentence):
        return True
    return PAST_AT_WORK.search(sentence) is not None and tells_of_work(sentence)


def told_after(text: str) -> list[tuple[int, str]]:
    """What a message tells after the yes, no or not sure it starts with ("no, my lips are
    blue"), and after each of its first clauses ("no it doesnt hurt, i can't get enough air",
    "i dont have any of those conditions, cardiac arrest"), each with where it starts: the
    parts the classifier may read apart from what comes before. A "no" needs a mark or a new
    subject after it: "no chest pain" denies."""
    found = ANSWERED_FIRST.match(text)
    starts = [found.start("rest")] if found else []
    starts += [mark.end() for mark in CLAUSE_MARK.finditer(text)]
    parts: dict[str, int] = {}
    for start in starts:
        part = text[start:].rstrip()
        if WORD.search(part) and part not in parts:
            parts[part] = start
    return [(start, part) for part, start in parts.items()][:MAX_PARTS]


def says_nothing(text: str) -> bool:
    """Whether a text is only words that carry no topic ("what about", "is it a"), which
    the classifier would read by its priors alone."""
    return all(word in STOP_WORDS for word in _WORDS.findall(text.lower()))


def left_out(doc: Doc, flags: list[RedFlag]) -> list[tuple[int, int]]:
    """Where the red flags are, as character spans; for a figure of speech, its whole
    sentence when that names nothing the source covers and another sentence follows: "that
    bill gave me a heart attack. is surgery the only option?" asks of surgery, where "that
    bill gave me a ." would read as a question of bills."""
    return [_figure_of_speech(doc, flag) or (flag.start, flag.end) for flag in flags]


def _figure_of_speech(doc: Doc, flag: RedFlag) -> tuple[int, int] | None:
    """The span of the sentence of a figurative red flag, or one in a story, that says nothing
    else, or None."""
    span = doc.char_span(flag.start, flag.end, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return None
    sentence = span.sent
    # or a story: "my favourite tv show had a character collapse with a seizure lol."
    told_of = flag.spoken_of and FICTION.search(sentence.text.lower()) is not None
    if (
        not (flag.figurative or told_of)
        or sentence.end == len(doc)
        or any(e.end <= span.start or e.start >= span.end for e in sentence.ents)
    ):
        return None
    return sentence.start_char, sentence.end_char


def without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans (of red flags) taken out."""
    kept, position = [], 0
    for start, end in sorted(spans):
        kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    return " ".join(part.strip() for part in kept if part.strip())
