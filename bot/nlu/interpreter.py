"""Turns text into Rasa's `/model/parse` JSON: intent, entities, ranking.

A message starting with ``/`` is a button payload in Rasa syntax
(``/report_symptom{"body_site": "finger"}``): it skips NLU with confidence 1.0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NotRequired

from spacy.language import Language
from spacy.tokens import Doc, Span
from typing_extensions import TypedDict

from bot.nlu import pipeline
from bot.nlu.clauses import ASKED_WITH_OTHERS, TOPIC_QUESTIONS, Clause, question_clauses
from bot.nlu.components import FALLBACK_INTENT, IntentScore
from bot.nlu.names import NAMES_CALCINOSIS
from bot.nlu.questions import asks, denied_after, without_source_frame

_PAYLOAD = re.compile(r"^/(?P<intent>[A-Za-z_][A-Za-z0-9_]*)(?P<entities>\{.*)?\s*$", re.DOTALL)
EXTRACTOR = "CalcibotEntityRuler"
RANKING_LENGTH = 10  # as Rasa's classifiers: the top ten intents, enough to choose from


class ParsedEntity(TypedDict):
    entity: str
    value: str
    start: int
    end: int
    confidence: NotRequired[float]
    extractor: NotRequired[str]
    negated: bool


class Question(TypedDict):
    """One of the questions of a message that asks more than one, read alone."""

    text: str
    intent: IntentScore
    entities: list[ParsedEntity]


class ParseResult(TypedDict):
    text: str
    intent: IntentScore
    entities: list[ParsedEntity]
    intent_ranking: list[IntentScore]
    # a message that asks two or three things the facts answer, one question each, in order
    questions: NotRequired[list[Question]]
    # set by the safety gate: the emergency's category; a red flag only asked about
    red_flag: NotRequired[str]
    red_flag_mentioned: NotRequired[str]


_CAPITALS = re.compile(r"\b[A-Z][A-Z'’]*[A-Z]\b")


def read_as_typed(text: str) -> str:
    """Words in capitals ("HELP I CANT BREATHE", "no it doesnt hurt, CANT BREATHE") read in
    lower case, as most patients type: the tokenizer splits "cant" and "can't" into the words
    phrases are written in only then. The offsets stay those of the text as sent."""
    if text.isupper():
        lower = text.lower()
        return lower if len(lower) == len(text) else text
    if _CAPITALS.search(text) is None:  # most messages: no lower-case copy made
        return text
    return _CAPITALS.sub(lambda word: word[0].lower(), text)


# a message of a few sentences read as out of scope as a whole, its question diluted by the
# rest ("Good afternoon. I am 79 and was told I have calcinosis. Could you tell me what the
# treatment options are?"), is read a sentence at a time
BY_SENTENCE_FROM = frozenset({"out_of_scope", FALLBACK_INTENT})
TELLS_WORDS = 4  # a sentence that tells what a question after it is about: "I have had the flu"
SAID_ON_WORDS = 3  # "x-ray?", "with surgery?": a question that says the one before it on
MAX_SENTENCES = 6
# a whole read below this, of a last question read alone at or above the other: the question's
BLURRED_BELOW = 0.6
CLEAR_ALONE = 0.9
# a sentence read as one of these keeps the whole message's reading: "I have the flu. What
# are the treatment options?" is not about calcinosis
KEEPS_WHOLE = frozenset({"out_of_scope", FALLBACK_INTENT, "emergency"})
# each question of a message that asks several is read as more likely its topic than all
# others together, else the message gets the one reading of the whole: a second clause that
# says the first again ("what makes someone get it, is it just bad luck") reads as no topic
QUESTION_CONFIDENCE = 0.5


class PayloadError(ValueError):
    """A `/intent{...}` payload whose entity part is not a JSON object of strings."""


def parse_payload(text: str, known_intents: frozenset[str]) -> ParseResult | None:
    """A Rasa button payload, or None when the text is not one."""
    match = _PAYLOAD.match(text.strip())
    if not match or match.group("intent") not in known_intents:
        return None
    entities: list[ParsedEntity] = []
    if match.group("entities"):
        try:
            values: Any = json.loads(match.group("entities"))
        except json.JSONDecodeError as exc:
            raise PayloadError(f"button payload entities are not valid JSON: {exc.msg}") from exc
        if not isinstance(values, dict):
            raise PayloadError("button payload entities must be a JSON object")
        for name, value in values.items():
            if not isinstance(value, str | bool):
                raise PayloadError(f"button payload entity {name!r} must be a string or a bool")
            entities.append(
                ParsedEntity(
                    entity=str(name),
                    value=value if isinstance(value, str) else str(value).lower(),
                    start=0,
                    end=0,
                    confidence=1.0,
                    extractor="payload",
                    negated=False,
                )
            )
    intent = IntentScore(name=match.group("intent"), confidence=1.0)
    return ParseResult(text=text, intent=intent, entities=entities, intent_ranking=[intent])


# `scores` reads a part of a message by the intent classifier alone: the safety gate's bar for
# such a part (gate.py) is set on its scores; the danger detector reads whole messages
CLASSIFYING = frozenset({"normalizer", "textcat"})


class Interpreter:
    """The trained pipeline behind one `parse` call; build once, at start-up."""

    def __init__(self, nlp: Language, payload_intents: frozenset[str] = frozenset()) -> None:
        self.nlp = nlp
        labels: tuple[str, ...] = nlp.get_pipe("textcat").labels
        self.intents = frozenset([*labels, FALLBACK_INTENT, *payload_intents])
        # the classifier reads the words as the normaliser spells them, nothing else
        self.not_classifying = [n for n in nlp.pipe_names if n not in CLASSIFYING]

    @classmethod
    def load(
        cls,
        model_dir: Path,
        payload_intents: frozenset[str] = frozenset(),
        *,
        warm_up: bool = True,
    ) -> Interpreter:
        """The trained pipeline; ``warm_up=False`` leaves `warm_up` to the caller (a server
        warms up in steps between its first turns)."""
        interpreter = cls(pipeline.load(model_dir), payload_intents)
        if warm_up:
            interpreter.warm_up()
        return interpreter

    def trained_words(self) -> list[str]:
        """The words of the model's own strings: what `warm_up` tokenizes (a bounded set)."""
        return [w for w in self.nlp.vocab.strings if w and not w.isspace() and " " not in w]

    def warm_up(self, words: Iterable[str] | None = None) -> int:
        """Tokenize ``words`` (default: `trained_words`) once, outside any memory zone.

        Parses run in spaCy's memory zone, which forgets every word first seen inside it, and
        with it the tokenizer's cached work; words tokenized here stay cached for good.
        Returns how many words were tokenized.
        """
        count = 0
        for word in self.trained_words() if words is None else words:
            self.nlp.tokenizer(word)  # one call each: a text of them all leaves words uncached
            count += 1
        return count

    def scores(self, text: str) -> dict[str, float]:
        """The classifier's scores of a text alone, with no rule, entity or fallback: about
        half the cost of `understand`. The caller holds the memory zone."""
        doc = self.nlp(read_as_typed(text), disable=self.not_classifying)
        return {label: float(score) for label, score in doc.cats.items()}

    def parse(self, text: str) -> ParseResult:
        """The parse alone; spaCy's memory zone frees the strings of this one text."""
        with self.nlp.memory_zone():
            return self.understand(text)[0]

    def understand(self, text: str) -> tuple[ParseResult, Doc | None]:
        """The parse and, unless the text was a button payload, the processed Doc."""
        payload = parse_payload(text, self.intents)
        if payload is not None:
            return payload, None
        doc = self.nlp(read_as_typed(text))
        reads = _Reads(self.nlp)
        intent, ranking = (
            self._by_sentence(doc, reads)
            or _of_something_else(doc, reads)
            or _named_last(doc, reads)
            or _asked_of_the_source(doc, reads)
            or (doc._.intent, doc._.intent_ranking)
        )
        parsed = ParseResult(
            text=text,
            intent=intent,
            entities=_entities(doc, text),
            intent_ranking=ranking[:RANKING_LENGTH],
        )
        questions = self._questions(text, intent["name"], reads)
        if questions:  # the message's intent is what it asks first
            first = questions[0]["intent"]
            parsed["questions"] = questions
            parsed["intent"] = first
            others = [score for score in ranking if score["name"] != first["name"]]
            parsed["intent_ranking"] = [first, *others][:RANKING_LENGTH]
        return parsed, doc

    def _questions(self, text: str, intent: str, reads: _Reads) -> list[Question] | None:
        """Each question of a message that asks two or three things the facts answer, read
        alone; None when it asks one, or when any part of it is not such a question ("what is
        diabetes and how is it treated" stays one reading, out of scope)."""
        if intent not in ASKED_WITH_OTHERS and intent not in BY_SENTENCE_FROM:
            return None
        clauses = question_clauses(text)
        if len(clauses) < 2:
            return None
        read: list[Question] = []
        for clause in clauses:
            question = _topic_question(clause, reads)
            if question is None and read and _says_on(read[-1], clause, reads):
                continue  # "how do they test for it, x-ray?": "x-ray?" says it on
            if question is None:
                return None  # "what tends to bring it on, is it just bad luck?" asks one thing
            if read and read[-1]["intent"]["name"] == question["intent"]["name"]:
                continue  # "how do they test for it, xray?": one question, said on
            read.append(question)
        if len({question["intent"]["name"] for question in read}) < 2:
            return None  # "how does it start, what's behind it": one topic, one answer
        return read

    def _by_sentence(self, doc: Doc, reads: _Reads) -> tuple[IntentScore, list[IntentScore]] | None:
        """The reading of the last question of a message of a few sentences that reads as
        out of scope or unsure as a whole, when no sentence of it does alone; of the sentence
        out of scope, when the whole is unsure; else None."""
        if doc._.intent["name"] not in BY_SENTENCE_FROM:
            return None
        sentences = list(doc.sents)
        if not 1 < len(sentences) <= MAX_SENTENCES:
            return None
        read = [reads(sentence.text) for sentence in sentences]
        outside = [one for one in read if one._.intent["name"] == "out_of_scope"]
        if outside and doc._.intent["name"] == FALLBACK_INTENT:  # not sure of the whole, and
            return outside[0]._.intent, outside[0]._.intent_ranking  # "I have had the flu..."
        # "the prices nearly gave me a heart attack lol. anyway can the deposits be removed":
        # what comes before "anyway" is left behind, unless it is an emergency
        shift = max((i for i, one in enumerate(sentences) if MOVES_ON.match(one.text)), default=0)
        if any(_keeps_whole(one) for one in read[shift:]) or any(
            one._.intent["name"] == "emergency" for one in read[:shift]
        ):
            return None
        asked = [one for one in read[shift:] if one._.intent["name"].startswith("ask_")]
        return (asked[-1]._.intent, asked[-1]._.intent_ranking) if asked else None


def _of_something_else(doc: Doc, reads: _Reads) -> tuple[IntentScore, list[IntentScore]] | None:
    """The reading of the sentence before a last question that does not name calcinosis,
    when that sentence tells of something else: "I have had the flu for a week. What are
    the treatment options?" asks of the flu, not calcinosis; else None. A question that
    moves on ("anyway, ...") leaves that sentence behind."""
    if doc._.intent["name"] not in TOPIC_QUESTIONS:
        return None
    sentences = list(doc.sents)
    if not 1 < len(sentences) <= MAX_SENTENCES or NAMES_CALCINOSIS.search(sentences[-1].text):
        return None
    if MOVES_ON.match(sentences[-1].text):  # "...heart attack lol. anyway, what's the treatment"
        return None
    told = sentences[-2].text
    if len(told.split()) < TELLS_WORDS or asks(told):  # "ugh a bot. ok, what causes it"
        return None
    if JOKING.search(told.lower()):  # "omg my dad is gonna kill me i dented his car lol. is it
        return None  # treated with surgery?": a joke, not what the question is about
    if NAMES_CALCINOSIS.search(told):  # "a character with scleroderma gets calcinosis. what
        return None  # symptoms would she have?": of calcinosis, whatever else it tells
    before = reads(told)
    if before._.intent["name"] != "out_of_scope" or _tells_a_cause(before):
        return None
    return before._.intent, before._.intent_ranking


def _named_last(doc: Doc, reads: _Reads) -> tuple[IntentScore, list[IntentScore]] | None:
    """The reading of a last question that names calcinosis, when the sentences before it ask
    nothing and blur the whole into an unsure reading of another topic ("i could kill my
    doctor for not telling me sooner lol. what causes calcinosis?"); else None."""
    if doc._.intent["name"] not in TOPIC_QUESTIONS or doc._.intent["confidence"] >= BLURRED_BELOW:
        return None
    sentences = list(doc.sents)
    if not 1 < len(sentences) <= MAX_SENTENCES:
        return None
    last = sentences[-1].text
    if (
        not NAMES_CALCINOSIS.search(last)
        or not asks(last)
        or asks(doc.text[: sentences[-1].start_char])
    ):
        return None
    read = reads(last)
    intent = read._.intent
    if intent["name"] not in TOPIC_QUESTIONS or intent["confidence"] < CLEAR_ALONE:
        return None
    return intent, read._.intent_ranking


def _asked_of_the_source(doc: Doc, reads: _Reads) -> tuple[IntentScore, list[IntentScore]] | None:
    """The reading of a question of the source's content put as one of the source
    ("according to the source, what are histiocytes?" reads as where the answers come from):
    the question without "according to the source", when that reads as a topic; else None."""
    if doc._.intent["name"] not in {"ask_source", FALLBACK_INTENT}:
        return None
    rest = without_source_frame(doc.text)
    if rest is None:
        return None
    read = reads(rest)
    if read._.intent["name"] not in TOPIC_QUESTIONS or read._.intent["name"] == "ask_source":
        return None
    return read._.intent, read._.intent_ranking


# a sentence told as a joke: "omg my dad is gonna kill me i dented his car lol."
JOKING = re.compile(r"\b(?:lol|lmao|haha\w*|hehe\w*|omg|rofl)\b")
# a sentence that leaves what was said before it behind
MOVES_ON = re.compile(
    r"^\W*(?:(?:but|so|ok|okay|well)\W+)?(?:anyway|anyways|anyhow|moving\s+on)\b", re.I
)


def _keeps_whole(sentence: Doc) -> bool:
    """Whether a sentence's reading is the whole message's: an emergency, or no topic of the
    source ("I have the flu."), unless it tells of a cause the source names."""
    intent = sentence._.intent["name"]
    return intent in KEEPS_WHOLE and not (intent == "out_of_scope" and _tells_a_cause(sentence))


def _tells_a_cause(doc: Doc) -> bool:
    """Whether a sentence tells of one of the causes the source names, not denied ("He's been
    on steroids for Cushing's for two years."): read as out of scope alone, it tells what the
    question after it asks about, which the source covers."""
    return any(ent.label_ == "cause" and not ent._.negex for ent in doc.ents)


class _Reads:
    """The texts read for the parts of one message, each read once: a sentence read by
    `_by_sentence` is often a question of `_questions` too."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.docs: dict[str, Doc] = {}

    def __call__(self, text: str) -> Doc:
        doc = self.docs.get(text)
        if doc is None:
            doc = self.docs[text] = self.nlp(text)
        return doc


def _topic_question(clause: Clause, reads: _Reads) -> Question | None:
    """The clause read with what is said before it ("I have lupus, is it linked?"), or,
    when what is said outweighs it ("I have a hard lump on my finger. What causes it"),
    its question alone; None when neither reads as a topic question."""
    for text in dict.fromkeys((clause.text, clause.asked)):
        doc = reads(read_as_typed(text))
        read = doc._.intent
        if read["name"] in ASKED_WITH_OTHERS and read["confidence"] >= QUESTION_CONFIDENCE:
            return Question(text=text, intent=read, entities=_entities(doc, text))
    return None


def _says_on(before: Question, clause: Clause, reads: _Reads) -> bool:
    """Whether a question of a word or three that reads as no topic alone ("x-ray?") reads,
    after the question before it, as that question's topic."""
    if len(clause.asked.split()) > SAID_ON_WORDS:
        return False
    joined = reads(read_as_typed(f"{before['text']} {clause.text}"))._.intent
    same: bool = joined["name"] == before["intent"]["name"]
    return same and float(joined["confidence"]) >= QUESTION_CONFIDENCE


def is_negated(ent: Span, text: str) -> bool:
    """Whether a mention is denied: negspacy's reading, or what follows it ("pain free")."""
    return bool(ent._.negex) or denied_after(text, ent.end_char, ent.label_)


def _entities(doc: Doc, text: str) -> list[ParsedEntity]:
    return [
        ParsedEntity(
            entity=ent.label_,
            value=ent.ent_id_ or ent.text.lower(),
            start=ent.start_char,
            end=ent.end_char,
            confidence=1.0,
            extractor=EXTRACTOR,
            negated=is_negated(ent, text),
        )
        for ent in doc.ents
    ]
