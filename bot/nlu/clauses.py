"""Where one message asks two or three things at once ("what causes it and how is it
treated?", "How is it found? Can it be cured?"), so that each question gets its answer and
none is dropped for the one the classifier reads in the whole."""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.nlu.questions import SENTENCE_STARTS

# the questions the facts answer, each a topic of its own (the intents of the rule that runs
# action_answer in intents/rules.yml; a test keeps the two the same)
TOPIC_QUESTIONS = frozenset(
    {
        "ask_definition",
        "ask_causes",
        "ask_conditions",
        "ask_symptoms",
        "ask_diagnosis",
        "ask_treatment",
        "ask_prevention",
        "ask_location",
        "ask_composition",
        "ask_types",
        "ask_cancer",
        "ask_complications",
        "ask_who_affected",
    }
)
# a message may ask when to see a doctor as one of its questions ("what are the symptoms and
# when should i see a doctor"); it is not a topic a sentence before a question may be about
ASKED_WITH_OTHERS = TOPIC_QUESTIONS | {"ask_doctor"}
MAX_QUESTIONS = 3  # a longer list reads as one topic better than as many

# the words that ask by themselves, as typed ("wat"), wherever they stand in a sentence
QUESTION_WORDS = frozenset(
    ["how", "what", "what's", "whats", "wat", "wats", "where", "who", "why", "when", "which"]
)
# a word a question starts with ("r" for "are")
OPENERS = QUESTION_WORDS | frozenset(
    [
        "whether",
        "is",
        "are",
        "r",
        "can",
        "could",
        "does",
        "do",
        "will",
        "would",
        "should",
        "may",
    ]
)
# words that join a question on inside a sentence: "... and what", "... n how", "... & can"
INNER_JOINERS = frozenset(["and", "n", "also", "plus", "&"])
# and those that also lead one in: "also can kids get it?", "so what now", "ok but is it"
JOINERS = INNER_JOINERS | frozenset(["so", "ok", "okay", "but", "then"])
# two things asked of it in one question: "how is it diagnosed and treated?", "can it be
# prevented or cured", "how do you diagnose and treat it"
TOPIC_VERBS = frozenset(
    [
        "diagnose",
        "diagnosed",
        "diagnosis",
        "treat",
        "treated",
        "prevent",
        "prevented",
        "cure",
        "cured",
        "manage",
        "managed",
        "remove",
        "removed",
        "detect",
        "detected",
    ]
)


def _either(words: frozenset[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# joining words that are words ("and also"), not "n" or "&", which stand only between two
_WORD_JOINERS = _either(INNER_JOINERS - {"n", "&"})
# not "can't" or "don't", which a statement goes on with
_OPENER = rf"(?:{_either(OPENERS)})(?![\w'’])"
# a question of a word or three: "symptoms? treatment?", "what is it, preventable?"
_SHORT = r"(?:[^\s?.!,]+\s+){0,2}[^\s?.!,]+\?+(?:\s|$)"
_ASKS_SHORT = re.compile(rf"^\W*{_SHORT}")
# a question joined on inside a sentence: ", how", " and what", ", and also is", " n how",
# "quick question - what"
# and a numbered list: "3 questions: 1) what causes it 2) is it painful"
_JOINED = re.compile(
    rf"\s*(?:[,;:]\s*|\s[-–]\s+|\s(?:{_either(INNER_JOINERS)})\s+|(?<!\w)\d{{1,2}}[).]\s+)"
    rf"(?:(?:{_WORD_JOINERS})\s+)*"
    rf"(?={_OPENER}|{_SHORT})",
    re.IGNORECASE,
)
_LEADING = rf"^\W*(?:(?:{_either(JOINERS - {'n', '&'})})\b\W*)*"
_ASKS = re.compile(rf"{_LEADING}{_OPENER}", re.IGNORECASE)
_JOINING = re.compile(rf"{_LEADING}(?=\w)", re.IGNORECASE)  # "Also, what..." as "what..."
# what comes before the first question that starts a piece asks too when it has a question
# mark or word: "sorry if this is dumb but what is it made of", "hey so where does it form"
# ("where", "when", "who" and "which" only at a clause's start: "a story where the grandmother
# has lupus" tells)
RELATIVE_WORDS = frozenset(["where", "when", "who", "which"])
_ASKS_WITHIN = re.compile(
    rf"\?|\b(?:{_either(QUESTION_WORDS - RELATIVE_WORDS)})(?![\w'’])"
    rf"|(?:^|[,;:.!?]\s*|\b(?:and|but|so)\s+)(?:{_either(RELATIVE_WORDS)})(?![\w'’])",
    re.IGNORECASE,
)
# "what about rabbits, can they get it": "what about" names what the next question is about
_ABOUT = re.compile(r"^\W*(?:what|how)\s+about\b", re.IGNORECASE)
_TOPIC_VERB = rf"(?:{_either(TOPIC_VERBS)})"
_VERB_PAIR = re.compile(rf"\b({_TOPIC_VERB})\s+(?:and|or|&)\s+({_TOPIC_VERB})\b", re.IGNORECASE)


class Clause(NamedTuple):
    """One question of a message: with what is said around it, and alone."""

    text: str  # "I have scleroderma, what causes it"
    asked: str  # "what causes it"


def question_clauses(text: str) -> list[Clause]:
    """The questions of a message in the order asked, each with what is said around it ("I
    have scleroderma, what causes it" is one); the text alone when it asks one thing or more
    than `MAX_QUESTIONS`."""
    whole = [Clause(text, text)]
    if not may_ask_more(text):  # most messages: one pass over the words
        return whole
    cuts: list[tuple[int, int]] = []  # (where a piece ends, where the next starts)
    for sentence in SENTENCE_STARTS.finditer(text):
        cuts.append((sentence.start(), sentence.end()))
    if " " in text:  # one word asks one thing
        cuts.extend((joined.start(), joined.end()) for joined in _JOINED.finditer(text))
    cuts.sort()
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(text)]
    asking = [i for i, (s, e) in enumerate(zip(starts, ends, strict=True)) if _asks(text[s:e])]
    lead = text[: ends[asking[0] - 1]] if asking and asking[0] > 0 else ""
    if _ASKS_WITHIN.search(lead) and not _ABOUT.match(lead):
        asking.insert(0, asking[0] - 1)  # "..., doc said calcinosis. is it cancer? how ..."
    # a piece that asks nothing ("I have lupus", "kidney disease, lupus, that sort of thing?")
    # goes with the question after it, or, after the last, with that one
    clauses: list[Clause] = []
    begin = 0
    for n, asked in enumerate(asking):
        last = n == len(asking) - 1
        end = len(text) if last else ends[asked]
        # "Also, what is the best treatment?" read as "what is the best treatment?"
        clauses.append(Clause(_unjoined(text[begin:end]), _unjoined(text[starts[asked] : end])))
        begin = 0 if last else starts[asked + 1]
    questions = [one for clause in clauses for one in _each_verb(clause)]
    return questions if 1 < len(questions) <= MAX_QUESTIONS else whole


def _unjoined(text: str) -> str:
    return _JOINING.sub("", text).strip()


_MARKS = frozenset(",;:.!?-–)")
# a question of a word or three after a mark or a joining word: "symptoms? treatment?"
_SHORT_AFTER = re.compile(
    rf"(?:[,;:.!?\-–]|(?<![\w'’])(?:{_either(JOINERS)}))\s+{_SHORT}", re.IGNORECASE
)


def may_ask_more(text: str) -> bool:
    """Whether a question word follows a joining word or a mark ("..., how", "? also can"),
    two topic verbs are joined ("diagnosed and treated"), or a question of a word or three
    follows ("symptoms? treatment?"): all `question_clauses` splits at, and more, in a
    fraction of the time its patterns take."""
    before = ""
    for word in text.lower().split():
        core = word.strip("\"'(),.?!;:")
        if core in OPENERS and (before in JOINERS or before[-1:] in _MARKS):
            return True
        if core in TOPIC_VERBS and before in ("and", "or", "&"):
            return True
        before = word
    return "?" in text and _SHORT_AFTER.search(text) is not None


def _asks(piece: str) -> bool:
    """Whether a piece starts a question of its own, or is one of a word or three."""
    if _ABOUT.match(piece):
        return False
    return bool(_ASKS.match(piece)) or bool(_ASKS_SHORT.match(_unjoined(piece)))


def _each_verb(clause: Clause) -> list[Clause]:
    """ "how is it diagnosed and treated" as "how is it diagnosed" and "how is it treated"."""
    pair = _VERB_PAIR.search(clause.asked)
    if pair is None or pair[1].lower()[:5] == pair[2].lower()[:5]:
        return [clause]
    told = clause.text[: len(clause.text) - len(clause.asked)]  # what comes before it asks
    before, after = clause.asked[: pair.start()], clause.asked[pair.end() :]
    return [
        Clause(f"{told}{before}{verb}{after}", f"{before}{verb}{after}")
        for verb in (pair[1], pair[2])
    ]
