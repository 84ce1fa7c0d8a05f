"""Whether a message asks rather than tells, by its first word: "does it hurt?" asks, "they
don't hurt, is that normal?" tells. Slot filling reads only what a patient tells; a reply that
starts with yes or no and asks nothing answers a question, whatever else it says."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

QUESTION_WORDS = frozenset(
    {"does", "do", "is", "are", "can", "could", "will", "would", "should", "what", "how", "why"}
    | {"what's", "whats"}
)
# "which" asks only where a message starts with it ("like which exact meds tho"); after a
# comma it goes on with what was said (", which is all day basically")
WHICH_FIRST = re.compile(
    r"^\W*(?:(?:like|and|so|ok|okay|but|no|i\s+mean)\W+)*which\b", re.IGNORECASE
)
_CLAUSES = re.compile(r"[,;.!?]+")
WORD = re.compile(r"[\w']+")
YES_WORDS = frozenset({"yes", "yeah", "yep", "yup", "yea", "ya", "aye"})
NO_WORDS = frozenset({"no", "nope", "nah", "nay"})
# "kinda", "sort of, it's tender sometimes", "a little": a hedged yes
HEDGES = frozenset(
    {"kinda", "sorta", "somewhat", "slightly", "abit", "mildly", "sometimes", "occasionally"}
)
HEDGE_PAIRS = frozenset(
    {("kind", "of"), ("sort", "of"), ("a", "bit"), ("a", "little"), ("little", "bit")}
    | {("a", "tiny"), ("tiny", "bit"), ("a", "wee"), ("a", "teeny"), ("a", "lil"), ("lil", "bit")}
)
NOT_REALLY = frozenset({("not", "really"), ("not", "rly"), ("not", "realy"), ("not", "much")})
# words a reply may start with before its yes or no: "ok then no", "well, yes"
FILLERS = frozenset(
    {"ok", "okay", "oh", "well", "then", "so", "um", "umm", "hmm", "ah", "alright", "whatever"}
    | {"meh", "honestly", "tbh", "eh", "ehh", "ehhh", "k", "kk"}
)
# what may come before a question: "ok and is it serious?", "so what now?"
LEADING_WORDS = (
    FILLERS
    | {"and", "but", "right", "sorry", "anyway", "anyways", "btw", "also"}
    | {
        "like",  # "like which exact meds tho"
        "wait",  # "wait whats scleroderma"
        "cool",  # "cool, now decode interstitial for me"
    }
)
UNSURE_WORDS = frozenset({"idea", "clue", "sure", "unsure", "dunno", "know"})
# "yes please tell me about treatment": a request follows the yes, so the yes is not all of it
REQUEST = re.compile(r"\b(?:tell\s+me|explain|what|how|why|which|can\s+you|could\s+you)\b")
FIRST_PERSON = frozenset({"i", "i'm", "i've", "im", "ive", "my", "me"})


# whose lump a message tells of: someone the patient looks after ("my son has", "her lumps")
RELATIONS = (
    r"(?:mum|mom|mam|mother|dad|father|son|daughter|child|kid|baby|toddler|husband|wife"
    r"|partner|boyfriend|girlfriend|brother|sister|gran|granny|grandma|grandmother|grandad"
    r"|granddad|grandfather|nan|nana|grandson|granddaughter|aunt|auntie|uncle|friend|patient"
    r"|resident|girl|boy|lad|mate|teen|teenager|client|neighbou?r|flatmate|roommate|housemate"
    r"|classmate|colleague|coworker|co-worker|workmate|bf|gf|grandpa|grandpop|cousin|niece"
    r"|nephew|fiance|fiancee|stepdad|stepmum|stepmom|roomate|roomie|fella|bloke|guy|hubby|missus"
    r"|bro|sis|bruv"
    r"|(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*-?\s*(?:yr|year|month|week)s?"
    r"[\s-]*old|\d{1,2}\s*(?:yo|y/o))"
)
BODY = (
    r"(?:lumps?|bumps?|nodules?|deposits?|skin|fingers?|fingertips?|toes?|thumbs?|knuckles?"
    r"|hands?|wrists?"
    r"|elbows?|arms?|shoulders?|knees?|legs?|shins?|hips?|ankles?|feet|foot|heels?|back|face)"
)
SOMEONE_ELSES = re.compile(
    rf"\b(?:my|our)\s+(?:\w+\s+)?{RELATIONS}s?\b"
    # "mum got calcinosis on her fingertips": the relation first, without "my"
    # "daughter (13) screamed", "lad in my discord says", "guy at work told me"
    rf"|^\W*(?:\w+\s+)?{RELATIONS}(?:\s*\(\d{{1,2}}\)|\s+(?:at|from|in|on)\s+(?:my\s+|the\s+)?\w+)?"
    r"\s+(?:has|had|got|gets|is|was|have|said|says|told|texted|keeps|left|posted|sent|wrote|took"
    r"|just|screamed|rang|messaged|swallowed|necked|downed|overdosed|hasn'?t|hasnt|isn'?t|isnt|won'?t"
    r"|wont|doesn'?t|doesnt)\b"
    r"|\b(?:he|she)(?:'s|\s+has|\s+had|\s+is|\s+got|\s+necked|\s+took|\s+swallowed|\s+gulped|\s+downed"
    r"|\s+admits"
    r"|\s+admitted|\s+says|\s+said|\s+tried|\s+wants)\b"
    # "the old man next door", "a student in my class"
    r"|\b(?:the|a|this)\s+(?:old\s+|young\s+)?(?:man|woman|lady|guy|bloke|student|boy|girl"
    r"|neighbou?r)\b"
    rf"|\b(?:his|her)\s+(?:\w+\s+)?{BODY}\b"
)
# a relative who has what follows: "my sister has", "my mother have the", "her mum was
# diagnosed with"
RELATIVE_HAS = re.compile(
    rf"\b(?:my|his|her|our)\s+(?:\w+\s+)?{RELATIONS}s?\s+(?:also\s+|too\s+)?"
    r"(?:has|have|had|got|with|suffers\s+from|(?:was|is|got)\s+diagnosed\s+with)"
    r"(?:\s+(?:the|a|an))?\s*$"
)
# the patient telling of their own: "i have", "i've got", "i noticed", "my left elbow"
TELLS_OWN = re.compile(
    r"\bi(?:'ve|\s+have|\s+had|\s+got|\s+noticed|\s+found|\s+get)\b|\bive\b"
    rf"|\bmy\s+(?:left\s+|right\s+)?{BODY}\b"
)


def of_someone_else(text: str) -> bool:
    """Whether a message tells of someone the patient speaks for ("my son has a hard lump on
    his knee", "i look after my mum and her lumps hurt"), not of the patient's own body."""
    return names_someone_else(text) and TELLS_OWN.search(text.lower()) is None


def of_a_relative(text: str, start: int) -> bool:
    """Whether what a message names at ``start`` is a relative's ("i have a hard bump on my
    wrist, my sister has lupus")."""
    return RELATIVE_HAS.search(text[max(0, start - 60) : start].lower()) is not None


def names_someone_else(text: str) -> bool:
    """Whether a message names someone other than the patient ("my wife says she ...")."""
    return SOMEONE_ELSES.search(text.lower()) is not None


def of_oneself(text: str) -> bool:
    """Whether a message speaks of the patient ("i", "my", "me"), so what it names is theirs."""
    return not FIRST_PERSON.isdisjoint(text.lower().split())


def is_question(text: str) -> bool:
    """Whether a message starts with a question word ("what?", "how does it spread"), after
    any fillers ("ok and is it serious")."""
    words = WORD.findall(text.lower())
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    return bool(words) and words[0] in QUESTION_WORDS


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of ``text`` that holds ``text[start:end]``, with the mark that ends it ("I've
    been on prednisone for years," of "prednisone")."""
    before = [match.end() for match in _CLAUSES.finditer(text, 0, start)]
    after = _CLAUSES.search(text, end)
    return text[before[-1] if before else 0 : after.end() if after else len(text)]


def ends_asking(text: str) -> bool:
    """Whether a message's last clause is a question ("she has no pain, is that normal?")."""
    clauses = [c for c in _CLAUSES.split(text) if c.strip()]
    return text.rstrip().endswith("?") and bool(clauses) and is_question(clauses[-1])


def asks(text: str) -> bool:
    """Whether any clause asks: "they don't hurt, is that normal?" tells, and asks too."""
    return (
        "?" in text
        or WHICH_FIRST.match(text) is not None
        or any(is_question(clause) for clause in _CLAUSES.split(text))
    )


def asks_or_requests(text: str) -> bool:
    """Whether a clause asks, or the message requests ("tell me about treatment")."""
    return asks(text) or bool(REQUEST.search(text.lower()))


# "no more questions, just tell me what causes it", "stop asking and explain the treatment": a
# question or request that starts a clause, after a comma or "just", "but", "and", "instead"
_ASKED_AFTER = re.compile(
    r"(?:[,;.!?]|\b(?:just|but|and|instead|rather))\s*"
    r"(?:(?:just|but|and|instead|only|please|pls|so|now|ok|okay|then)\s+)*"
    # "skip the questions pls i just want to know what it is"
    r"(?:(?:i\s+)?(?:just\s+)?(?:want|wanna|need|would\s+like|'d\s+like)\s+to\s+know\s+)?"
    r"(?=(?:tell\s+me|explain|what|how|why|which|where|who|can\s+you|could\s+you|is|are|does"
    r"|do|can|will)\b)",
    re.IGNORECASE,  # on the text as typed: its offsets are the message's
)


def question_start(text: str) -> int | None:
    """Where a question or request starts in a message that says something else first ("no
    thanks, no questions, just tell me what causes it"); None if none does."""
    match = _ASKED_AFTER.search(text)
    return None if match is None else match.end()


SENTENCE_STARTS = re.compile(r"(?<=[.!?])\s+(?=\S)")
CLAUSE_STARTS = re.compile(r"(?<=[,;])\s*(?=\S)")


def last_sentence_start(text: str) -> int | None:
    """Where the last sentence starts when another comes before it; else None."""
    starts = [match.end() for match in SENTENCE_STARTS.finditer(text)]
    return starts[-1] if starts else None


# a question that goes back to what was told before it: "I do a lot of gardening. Can that
# cause it?", "my teacher says it can kill you, is that true?"
REFERS_BACK = re.compile(r"\b(?:that|this|those|these|such|it|its|they|them|their)\b")


def asked_part(text: str) -> str:
    """What a message asks about: its sentences (or last clauses) that ask, and any that tell
    after them, without what it tells in passing before a question that does not go back to
    it ("my laptop died today. what is calcinosis", "im a paediatrician and see croup every
    winter, does calcinosis affect children"). The whole message when nothing asks."""
    starts = [0, *(match.end() for match in SENTENCE_STARTS.finditer(text))]
    sentences = [text[a:b] for a, b in itertools.pairwise([*starts, len(text)])]
    last = sentences[-1]
    clause = last_clause_question_start(last)
    if clause is not None and not REFERS_BACK.search(last.lower(), clause):
        sentences[-1:] = [last[:clause], last[clause:]]
    asking = [asks(sentence) for sentence in sentences]
    kept = []
    for i, sentence in enumerate(sentences):
        # the next question: whether it goes back to what this sentence tells
        question = next((s for s, a in zip(sentences[i:], asking[i:], strict=True) if a), None)
        if question is None or question is sentence or REFERS_BACK.search(question.lower()):
            kept.append(sentence)
    return "".join(kept)


def earlier_question(text: str) -> tuple[int, int] | None:
    """Where the first sentence that asks starts and ends, when another sentence comes after
    it ("is calcinosis the same as arthritis? my knee xray showed calcium deposits"); else
    None."""
    starts = [0, *(match.end() for match in SENTENCE_STARTS.finditer(text))]
    for start, end in itertools.pairwise(starts):
        if asks(text[start:end]):
            return start, end
    return None


def last_question_start(text: str) -> int | None:
    """Where the last sentence starts when it asks and another comes before it ("I have a hard
    lump on my finger. When should I see a doctor?"); else None."""
    start = last_sentence_start(text)
    if start is not None and asks(text[start:]):
        return start
    return None


def last_clause_question_start(text: str) -> int | None:
    """Where the last clause of a sentence starts when it starts with a question word ("i have
    a lump on my knee, how do i get rid of it"); else None."""
    sentence = last_sentence_start(text) or 0
    clauses = [match.end() for match in CLAUSE_STARTS.finditer(text, sentence)]
    if clauses and is_question(text[clauses[-1] :]):
        return clauses[-1]
    return None


# a hedge with a question mark, which answers unsure rather than asks: "idk maybe? it kinda
# hurts when i press it", "hmm kinda? its tender if i knock it"
HEDGED = re.compile(
    r"^\W*(?:(?:hmm+|um+|erm+|uh+|eh+|well|ok|okay|so)\W+)*(?:idk|dunno|maybe|kinda|sorta|perhaps"
    r"|possibly|probably|not\s+sure|i\s+guess|i\s+think\s+so|a\s+bit|a\s+little|sometimes)"
    r"(?:\s+(?:maybe|kinda|sorta|perhaps|sometimes))?\s*\?+",
    re.IGNORECASE,
)


def _asked_after_hedge(text: str) -> bool:
    """Whether a reply asks or requests, a hedge's question mark aside."""
    return asks_or_requests(HEDGED.sub(" ", text))


def leading_answer(text: str) -> bool | None:
    """Yes (True) or no (False) when a reply starts with one and asks nothing: "yes its hard
    like a stone", "no conditions", "kinda"; else None ("yes, how is it treated?")."""
    lower = text.lower()
    words = re.findall(r"[a-z]+", lower)
    while words and words[0] in FILLERS:  # "ok then no", "well yes"
        words = words[1:]
    if not words:
        return None
    hedged = words[0] in HEDGES or tuple(words[:2]) in HEDGE_PAIRS
    if tuple(words[:2]) in NOT_REALLY:  # "not rly", "not really": a no
        words = ["no", *words[2:]]
    if not hedged and words[0] not in YES_WORDS | NO_WORDS:
        return None  # most messages stop here, before the rest of the text is scanned
    if _asked_after_hedge(text) or UNSURE_WORDS & set(words[1:4]):
        return None  # a request, or "no idea", "nah, not sure": not sure
    return hedged or words[0] in YES_WORDS


# "dunno, never been tested", "not sure tbh", "i don't know": not sure, whatever the intent
UNSURE_START = re.compile(
    r"^(?:dunno|idk|unsure|not\s+(?:sure|certain)|no\s+(?:idea|clue)"
    r"|(?:i\s+)?(?:don'?t|do\s+not|dont)\s+know)\b"
)
# asked without a question: "i'd like to know about treatment", "treatment info please"
WISH = re.compile(
    r"\b(?:know|wonder(?:ing)?|learn|info|information|please|pls|plz)\b|^\s*(?:where|when|who)\b"
)


def leading_unsure(text: str) -> bool:
    """A reply that starts by saying the patient is not sure, and asks nothing."""
    return bool(UNSURE_START.match(text.lower().strip())) and not _asked_after_hedge(text)


def tells(text: str) -> bool:
    """Neither asks nor requests: "he came off his bike a few weeks back" tells."""
    return not asks_or_requests(text) and not WISH.search(text.lower())


# "why do you need to know?" in the middle of the questions asks about the question, not
# about calcinosis: it is answered, and the question asked again
WHY_ASKED = re.compile(
    r"\bwhy\s+(?:do|did|would|are|r)\s+(?:you|u|ya)\s+"
    r"(?:need\s+to\s+know|want\s+to\s+know|wanna\s+know|need\s+that|ask(?:ing)?)\b"
    r"|\bwhy\s+(?:does|would)\s+(?:that|it|this)\s+matter\b"
    r"|\bwhat\s+(?:does|has)\s+(?:that|it|this)\s+(?:got\s+)?to\s+do\s+with\b"
    r"|\bwhat\s+difference\s+does\s+(?:that|it|this)\s+make\b"
    r"|\bwhy\s+(?:that|this|these|those)\s+questions?\b"
    r"|\bwhy\s+(?:the|all\s+the|all\s+these|so\s+many)\s+questions\b"
)


# what may come after all a short question says: "why then?"
TRAILING_WORDS = ("then", "now", "exactly", "please")


def only(says: str) -> re.Pattern[str]:
    """A message that says nothing but ``says``, with the fillers around it."""
    leading = "|".join(sorted(LEADING_WORDS))
    return re.compile(
        rf"^\W*(?:(?:{leading})\W+)*(?:{says})(?:\W+(?:{'|'.join(TRAILING_WORDS)}))?\W*$"
    )


# "what does that mean for me?", "so what now?", "what should i do": what comes next
NEXT_STEP = only(
    r"what\s+(?:does|do)\s+(?:that|this|it|those|these)\s+(?:all\s+)?mean"
    r"(?:\s+for\s+(?:me|him|her|us|them|my\s+\w+))?"
    r"|what\s+now|what\s+next|now\s+what|what\s+(?:should|do|can)\s+(?:i|we)\s+do"
    r"(?:\s+next|\s+about\s+it)?"
)


def asks_next_step(text: str) -> bool:
    """Whether a message asks only what it means or what to do next ("what now?")."""
    return NEXT_STEP.search(text.lower()) is not None


# "what is vasculitis?", "what does palpable mean", "whats membranoproliferative
# glomerulonephritis": the meaning of a word or two
# "... for me", "... for a non-medic", "... for me likewise"
FOR_A_LAYMAN = (
    r"(?:\s+for\s+(?:me|us|a\s+[a-z-]+|[a-z]+-?medics?)(?:\s+(?:likewise|too|as\s+well))?)?"
)
ASKED_TERM = only(
    r"(?:(?:what|wat|wot)(?:'s|s|\s+is|\s+are)|define|meaning\s+of|(?:what|wat|wot)\s+(?:does|do)"
    r"|(?:what|wat|wot)\s+means?|(?:now\s+)?(?:explain|translate|decode)(?:\s+the\s+word)?)"
    r"\s+(?:a\s+|an\s+|the\s+)?"
    r"(?P<term>[a-z][a-z-]*(?:\s+(?!mean\b|in\b|for\b)[a-z][a-z-]*){0,2})(?:\s+mean)?"
    # "... in simple terms", "... in plain english", "decode interstitial for me likewise"
    r"(?:\s+in\s+(?:simple|plain|normal|everyday)\s+(?:terms|english|words|language))?"
    rf"{FOR_A_LAYMAN}"
    # "the word palpable, explain", "the word palpable means what?", "'subcutaneous fat
    # layer', translate that for a non-medic"
    r"|(?:the\s+(?:word|term)\s+)?(?P<named>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})\W+(?:explain"
    rf"|translate|decode|means\s+what|meaning)(?:\s+(?:that|it))?{FOR_A_LAYMAN}"
)


# "and vasculitis?", "what about granulomas": a word or two asked of, after the last answer
FOLLOWED_TERM = only(
    r"(?:and|or|what\s+about|how\s+about)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?P<term>[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
)


# "according to the source, what are histiocytes?", "what are histiocytes in the text?": a
# question of the source's content, put as one of the source
SOURCE_FRAME = re.compile(
    r"^\W*(?:according\s+to|in)\s+(?:the|your|this)\s+(?:source|text|answer)\b[\s,:]*"
    r"|[\s,]*\b(?:according\s+to|in)\s+(?:the|your|this)\s+(?:source|text)(?=\W*$)"
)


def without_source_frame(text: str) -> str | None:
    """The question a message asks "according to the source" or "in the text", without those
    words; None when it has no such frame, or nothing else."""
    rest = SOURCE_FRAME.sub("", text.lower()).strip()
    return rest if rest and rest != text.lower().strip() else None


def asked_term(text: str) -> str | None:
    """The word or two whose meaning a message asks, or that it asks of as a follow-up, or
    None."""
    lower = without_source_frame(text) or text.lower()
    match = ASKED_TERM.search(lower) or FOLLOWED_TERM.search(lower)
    return (match.group("term") or match.groupdict().get("named")) if match else None


# "and tiredness?", "what about fever?": a short follow-up that leans on what came before
FOLLOW_UP = re.compile(r"^\W*(?:and|or|but|so|what\s+about|how\s+about|what\s+of)\b")
FOLLOW_UP_WORDS = 6


def follows_up(text: str) -> bool:
    """Whether a message is a short follow-up of the conversation so far."""
    return len(text.split()) <= FOLLOW_UP_WORDS and FOLLOW_UP.search(text.lower()) is not None


# "can it affect the hands?", "does it form in the kidneys", "what about the kidneys?",
# "hands?": said with a body site, a question of where it forms
PLACE_ASKED = re.compile(
    r"\b(?:affect|affects|affecting|occur|occurs|form|forms|found|appear|appears|develop"
    r"|develops|happen|happens|show\s+up|shows\s+up|spread|spreads)\b"
    r"|\b(?:be|get|have)\s+(?:it\s+|them\s+|calcinosis\s+|deposits\s+)?(?:in|on)\b"
)
PLACE_ALONE_WORDS = 3


# "shes a rabbit lol", "he's a hamster haha", "she's a guinea pig, not a person"
SAYS_WHAT_IT_IS = re.compile(
    r"\b(?:she'?s|shes|he'?s|hes|it'?s|its|they'?re|theyre|(?:she|he|it)\s+is|they\s+are)"
    r"\s+an?\s+(?!person|human|people)\w"
)


def asks_by_naming(text: str) -> bool:
    """Whether a message asks by little more than what it names: a follow-up ("and dogs?",
    "what about the kidneys"), a few words ("hands?") or what a pet is ("shes a rabbit
    lol")."""
    return (
        follows_up(text)
        or len(WORD.findall(text.lower())) <= PLACE_ALONE_WORDS
        or SAYS_WHAT_IT_IS.search(text.lower()) is not None
    )


def asks_where(text: str) -> bool:
    """Whether a message that names a body site asks whether calcinosis forms there."""
    return asks_by_naming(text) or PLACE_ASKED.search(text.lower()) is not None


# "last week", "about 3 weeks ago", "2 days ago", "a few months", "since christmas": when,
# which none of the questions asks
WHEN_ONLY = only(
    r"(?:(?:about|around|like|maybe|roughly|nearly|almost|over|for|only|just|the|it'?s|it"
    r"|has|been|had)\s+)*"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|a\s+few|couple|a\s+couple"
    r"(?:\s+of)?|several|some|many|\d+)\s+)?(?:days?|weeks?|wks?|months?|years?|yrs?)"
    r"(?:\s+(?:ago|back|or\s+so|now))?|(?:last|this)\s+(?:week|month|year|night|weekend)"
    r"|yesterday|recently|a\s+while(?:\s+ago|\s+now)?|ages(?:\s+ago)?|since\s+\w+(?:\s+\w+)?"
)
# "7/10", "7 out of 10", "about a 6", "3": how much it hurts, on a scale of ten
PAIN_SCORE = only(
    r"(?:(?:about|around|like|maybe|roughly|a)\s+)*(?P<score>\d{1,2})(?:\s*(?:/|out\s+of)\s*10)?"
)
# "sometimes", "a bit, sometimes", "on and off": how often or how much, which no diagnosis is
DEGREE_ONLY = only(
    r"(?:(?:a\s+bit|a\s+little|sometimes|occasionally|kind\s+of|kinda|sort\s+of|sorta"
    r"|now\s+and\s+then|on\s+and\s+off|often|rarely|a\s+lot)\W*)+"
)


def tells_only_when(text: str) -> bool:
    """Whether a message says only when ("about 3 weeks ago"), which no question asks."""
    return WHEN_ONLY.search(text.lower()) is not None


def pain_score(text: str) -> int | None:
    """The score of a message that is only a pain score out of ten ("7/10", "3"), or None."""
    match = PAIN_SCORE.search(text.lower())
    score = int(match.group("score")) if match else None
    return score if score is not None and score <= 10 else None


def tells_only_degree(text: str) -> bool:
    """Whether a message says only how often or how much ("a bit, sometimes")."""
    return DEGREE_ONLY.search(text.lower()) is not None


# "why?", "which ones?", "like what?", "how come": a question about the last answer with no
# words of its own; the source can answer it only with what else it says
ELLIPTICAL = only(
    r"(?P<why>why(?:\s+(?:so|though|is\s+that|is\s+it|would\s+that\s+be"
    r"|does\s+that\s+happen))?|how\s+(?:come|so))|like\s+what|such\s+as(?:\s+what)?"
    r"|which(?:\s+ones?)?|what\s+ones|how(?:\s+exactly)?"
    r"|(?:which|what)\s+(?:are|were)\s+(?:they|those|these)|what\s+(?:kinds?|sorts?|types?)"
    r"|for\s+(?:example|instance)|e\.?g|(?:any\s+|some\s+)?examples?"
    r"|(?:can\s+you\s+)?give\s+(?:me\s+)?(?:an\s+|some\s+)?examples?|name\s+(?:them|some)"
)


def elliptical_question(text: str) -> re.Match[str] | None:
    """A message that only asks why, which or what kind of what was said before, or None;
    the group "why" holds a why ("why?", "how come")."""
    return ELLIPTICAL.search(text.lower())


# "I have a question about calcinosis", "quick question about calcium deposits", "can i ask
# you something": a question announced, not yet asked
ANNOUNCED = re.compile(
    r"^\W*(?:(?:hi|hello|hey|hiya|ok|okay|so|um|sorry)\W+)*"
    r"(?:(?:i|we)\s+(?:have|got|'ve\s+got|ve\s+got)"
    r"\s+(?:a|one|some|a\s+few|few|another|a\s+couple\s+of)\s+(?:quick\s+|small\s+|little\s+)?"
    r"questions?|(?:a\s+|one\s+)?(?:quick|small|little)\s+question|can\s+i\s+ask(?:\s+you)?"
    r"(?:\s+(?:a\s+)?(?:quick\s+)?(?:question|something))?)\b"
)


def announces_question(text: str) -> bool:
    """Whether a message only announces a question ("I have a question about calcinosis")."""
    match = ANNOUNCED.search(text.lower())
    return match is not None and not asks_or_requests(text[match.end() :].replace("?", ""))


# words common in Spanish, French, German, Portuguese and Italian messages and rare in English
# ones ("hola, tengo un bulto duro en el dedo"): the bot reads English only, and says so
NOT_ENGLISH_WORDS = frozenset(
    {"hola", "tengo", "tiene", "bulto", "dedo", "qué", "que", "es", "el", "los", "las", "una",
     "mi", "por", "para", "pero", "muy", "dolor", "bonjour", "j'ai", "je", "est", "une", "les",
     "des", "mon", "avec", "pour", "qu'est-ce", "mais", "très", "hallo", "ich", "habe", "ist",
     "nicht", "mein", "meine", "eine", "und", "mit", "olá", "tenho", "não", "meu", "minha",
     "com", "uma", "ciao", "ho", "il", "di", "che", "mio", "della", "sono", "cosa", "un", "al",
     "del", "le", "sur", "dans", "pas", "du", "au", "sí", "sì", "nel", "einen", "auf", "duele",
     "hablas", "habla", "español", "espanol", "parlez-vous", "parles", "français", "sprechen",
     "sprichst", "deutsch", "falas", "fala", "português", "parli", "parla", "italiano"}
)  # fmt: skip
ENGLISH_WORDS = frozenset(
    {"i", "the", "is", "my", "and", "it", "what", "how", "have", "to", "of", "in", "on", "do",
     "can", "you", "a", "an", "are", "does", "this", "that", "with", "for", "me", "im", "hi"}
)  # fmt: skip
LANGUAGE_NAMES = frozenset(
    {"spanish", "french", "german", "portuguese", "italian", "polish", "russian", "ukrainian",
     "romanian", "arabic", "urdu", "hindi", "punjabi", "bengali", "chinese", "mandarin",
     "cantonese", "vietnamese", "tagalog", "korean", "japanese", "turkish", "greek", "dutch",
     "somali", "farsi", "persian"}
)  # fmt: skip
LANGUAGE_WORDS = LANGUAGE_NAMES | {"language", "languages"}
LANGUAGES = (
    rf"(?:{'|'.join(sorted(LANGUAGE_NAMES))}"
    r"|another\s+language|other\s+languages?|any\s+other\s+languages?)"
)
# "do you speak spanish", "can i ask in french?", "is there a polish version": asked of the bot,
# not told of someone ("my mum only speaks spanish") or asked of the world ("what language do
# they speak in brazil")
ASKS_FOR_LANGUAGE = re.compile(
    r"\b(?:(?:do|can|could|will|would)\s+(?:you|u)\s+(?:also\s+)?(?:speak|talk|answer|reply"
    r"|respond|write|chat|understand|read|help(?:\s+me)?|do\s+this)\s+(?:in\s+)?"
    r"|(?:can|could|may)\s+i\s+(?:ask|write|talk|speak|chat|type)\s+(?:to\s+you\s+)?in\s+"
    r"|(?:is\s+there|do\s+you\s+have)\s+(?:an?\s+)?(?=\w+\s+(?:version|option)))"
    rf"{LANGUAGES}\b"
    rf"|^\W*(?:in\s+)?{LANGUAGES}\s*(?:please|pls|por\s+favor)?\W*$"
)


def not_english(text: str) -> bool:
    """Whether a message reads as written in another language (two or more of its words are
    common there and rare in English, and they outnumber its common English words), or asks
    the bot for one: either way, the bot says it reads and answers English only."""
    lower = text.lower()
    words = re.findall(r"[\w'-]+", lower)
    if not LANGUAGE_WORDS.isdisjoint(words) and ASKS_FOR_LANGUAGE.search(lower):
        return True  # the pattern only where a language is named: most messages name none
    foreign = sum(word in NOT_ENGLISH_WORDS for word in words)
    return foreign >= 2 and foreign > sum(word in ENGLISH_WORDS for word in words)


# "sorry can you repeat that", "say that again please", "what did you just say?", "pardon?"
REPEAT = only(
    r"(?:(?:pardon|sry|soz|what|huh|eh)\W+)*(?:(?:can|could|would|will)\s+(?:you|u)\s+"
    r"(?:please\s+)?)?(?:repeat(?:\s+(?:that|it|this|yourself|the\s+last\s+(?:bit|part"
    r"|message|answer)|what\s+you\s+(?:just\s+)?said))?|say\s+(?:that|it)\s+again|come\s+again"
    r"|pardon|what\s+did\s+you\s+(?:just\s+)?say|one\s+more\s+time)(?:\W+(?:pls|plz|again"
    r"|for\s+me))*"
)


def asks_to_repeat(text: str) -> bool:
    """Whether a message asks only for the bot's last reply again."""
    return REPEAT.search(text.lower()) is not None


# "can we go back to the questions later?", "ill come back to this another time"
LATER = re.compile(
    r"\b(?:later|another\s+time|some\s+other\s+time|tomorrow|come\s+back\s+to\s+(?:this|it|you))\b"
)


def puts_off(text: str) -> bool:
    """Whether a message puts the chat off till later (help has come, say)."""
    return LATER.search(text.lower()) is not None


# "what?", "huh? what do u mean", "i dont understand the question": the question said plainer
NOT_UNDERSTOOD = re.compile(
    r"^\W*(?:(?:sorry|huh|eh|pardon|hm+|um+|what)\W+)*(?:"
    r"what|huh|pardon|come\s+again|what\s+do\s+(?:you|u|ya)\s+mean"
    # "wdym connective tissue thing"
    r"|wdym(?:\s+(?:by\s+)?(?:the\s+|a\s+)?[a-z]+(?:\s+[a-z]+){0,2})?"
    r"|what\s+(?:does|do)\s+(?:that|this|it)\s+mean|what\s+(?:are\s+you|r\s+u)\s+asking"
    r"|i\s+(?:don'?t|dont|do\s+not)\s+(?:understand|get)(?:\s+(?:it|that|the\s+question|what\s+you\s+mean))?"
    r")\W*$"
)


# "go on", "ok continue", "let's carry on", "im back now. where were we", "he is ok now. lets
# continue": typed right after the pause, which offered to continue the questions, they mean
# that rather than "tell me more"
GO_ON_WORDS = re.compile(
    r"^(?!.*\b(?:not|don'?t|dont|no|stop|later|never)\b).*"
    r"\b(?:continue|carry on|go on|keep going|proceed|resume|next question|back to the questions"
    r"|where were we|where was i|what was the question|what was your question"
    r"|what were you asking)(?:\s+(?:then|please|pls|now|thanks|again|with\s+(?:the\s+)?"
    r"(?:questions|them)))*\s*$",
)
GO_ON_MAX_WORDS = 8


def asks_to_go_on(text: str, *, last_sentence: bool = False) -> bool:
    """Whether a short message, or with ``last_sentence`` the last sentence of one ("he is
    fine, really. can we continue"), asks to go on with the questions."""
    start = last_sentence_start(text) if last_sentence else None
    words = re.sub(r"[^\w' ]+", " ", text[start or 0 :].lower()).split()
    return len(words) <= GO_ON_MAX_WORDS and GO_ON_WORDS.search(" ".join(words)) is not None


# the last answer asked again in plainer words: "simpler pls", "in english please", "huh??"
ASKS_PLAINER = re.compile(
    r"^\W*(?:(?:huh|eh|sorry|um+|hm+|ok|but|and|can\s+you|could\s+you|pls|please)\W+)*(?:huh+"
    r"|eh|simpler|more\s+simply|plainer|in\s+(?:plain\s+|simple\s+|normal\s+|proper\s+)?english"
    r"|plain\s+english|simple\s+(?:words|english|terms|language)"
    r"|in\s+(?:plain|simple|simpler|normal|everyday|easier)\s+(?:words|terms|language)"
    r"|dumb\s+it\s+down|(?:say|explain|put)\s+(?:it|that|this)\s+(?:again\s+)?(?:simpler|more\s+simply"
    r"|in\s+(?:plain|simple|simpler|easier)\s+(?:words|english|terms)|so\s+i\s+(?:can\s+)?understand)"
    r"|i\s+(?:don'?t|dont|do\s+not)\s+(?:understand|get\s+(?:it|that))(?:\s+(?:that|it))?"
    r"|english\s+(?:please|pls|plz)|too\s+(?:complicated|technical|many\s+big\s+words))"
    r"(?:\s+(?:pls|please|plz|thanks|thx|lol))?\W*$",
    re.IGNORECASE,
)


def asks_plainer(text: str) -> bool:
    """Whether a message asks for the last answer in plainer words."""
    return ASKS_PLAINER.match(text) is not None


def asks_to_explain_question(text: str) -> bool:
    """Whether a message says the question was not understood ("what?", "i dont understand
    the question")."""
    return NOT_UNDERSTOOD.search(text.lower()) is not None


def asks_why_asked(text: str) -> bool:
    """Whether a message asks why the bot asks ("why do you need to know?"); in the
    questions, a bare "why?" asks that too."""
    lower = text.lower()
    if WHY_ASKED.search(lower):
        return True
    bare = elliptical_question(lower)
    return bare is not None and bare.group("why") is not None


# "maybe lupus? not diagnosed", "i think i might have RA": what a doctor has not told
HEDGE_BEFORE = re.compile(
    r"\b(?:maybe|possibly|perhaps|probably|might|could|suspect\w*|think|thinks|wonder\w*"
    r"|query|queried|borderline|mentioned\s+something\s+about)\b[^.,;!?]{0,30}$"
)
HEDGE_AFTER = re.compile(
    r"^\W{0,3}(?:[^.;!?]{0,20}\b(?:(?:not|never)\s+(?:yet\s+|been\s+|officially\s+)?"
    r"(?:diagnosed|confirmed)|undiagnosed|unconfirmed|suspected|possibl[ey]|maybe"
    r"|i\s+think|i\s+guess|probably|they\s+think|waiting\s+for|being\s+tested)\b)"
)


# "tested for lupus and it was negative", "my sister has lupus but i don't": a condition denied
# after it, beyond the "but" where negspacy's reach ends
CONDITION_DENIED_AFTER = re.compile(
    r"^[^.;!?]{0,40}?\b(?:(?:was|were|came\s+back|came\s+out|tested|test\s+was|tests\s+were)"
    r"\s+(?:negative|clear|normal)|ruled\s+out"
    r"|but\s+(?:i|he|she|they)\s+(?:don'?t|dont|do\s+not|doesn'?t|does\s+not|haven'?t"
    r"|hasn'?t|have\s+not|has\s+not)\b(?!\s+know)"
    r"|not\s+(?:me|him|her)\b)"
)
# "it used to hurt but not anymore": anything, denied right after it; "pain free", "pain-free"
DENIED_AFTER = re.compile(r"^\W{0,3}(?:but\s+)?not\s+any\s?more\b|^(?:\s*-\s*|\s+)free\b")


def denied_after(text: str, end: int, entity: str) -> bool:
    """Whether an ``entity`` that ends at ``text[end]`` is denied by what follows it."""
    after = text[end:].lower()
    return bool(
        DENIED_AFTER.search(after)
        or (entity == "condition" and CONDITION_DENIED_AFTER.search(after))
    )


def hedged(text: str, start: int, end: int) -> bool:
    """Whether what ``text[start:end]`` names is only suspected: "maybe lupus?", "lupus, not
    diagnosed yet", "my doctor thinks it could be RA"."""
    lower = text.lower()
    # "lupus?" answers unsure; "what is dermatomyositis?" asks
    queried = lower[end:].lstrip().startswith("?") and not asks_or_requests(lower[:end])
    return bool(queried or HEDGE_BEFORE.search(lower[:start]) or HEDGE_AFTER.search(lower[end:]))


def hedged_entity(text: str, entity: Mapping[str, object]) -> bool:
    """Whether an entity of ``text`` is only suspected; a button's payload names it outright."""
    start, end = entity.get("start"), entity.get("end")
    return isinstance(start, int) and isinstance(end, int) and hedged(text, start, end)


# the species value of people ("humans", "kids"), as the synonyms map them
HUMAN = "human"


def of_a_pet(message: Mapping[str, Any]) -> bool:
    """Whether a message names an animal ("my dog has a lump"), not denied; people ("do
    children get it?") are a species too, but no pet."""
    entities: list[Mapping[str, Any]] = list(message.get("entities") or [])
    return any(
        e.get("entity") == "species" and e.get("value") != HUMAN and not e.get("negated")
        for e in entities
    )


# a person named: "my mum", "my son", "me": then no pet told of before is meant
PERSON_NAMED = re.compile(rf"\b{RELATIONS}s?\b|\b(?:me|myself|i'?m|i\s+am|my\s+own)\b")


def who_can_tell(message: Mapping[str, Any], before: Sequence[Mapping[str, Any]] = ()) -> str:
    """Who can tell what a lump is, or advise on a medicine: a vet, of a pet's ("my dog has a
    hard lump, is it calcinosis?"), also one told of in the messages ``before`` this one
    when this one names no person ("my cat is on steroids" ... "should i stop giving her
    them?"); else a doctor."""
    if of_a_pet(message):
        return "a vet"
    if PERSON_NAMED.search(str(message.get("text") or "").lower()):
        return "a doctor"
    return "a vet" if any(of_a_pet(m) for m in before) else "a doctor"
