"""Registered pipeline pieces: entity patterns, the negation termset and the intent component.

Importing this module registers everything `intents/config.cfg` names.
"""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path
from typing import Any

from negspacy import negation as _negation  # noqa: F401  (registers the negex factory)
from negspacy.termsets import termset
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from typing_extensions import TypedDict

from bot.nlu import architectures as _architectures  # noqa: F401  (registers the textcat model)
from bot.nlu import normalizer as _normalizer  # noqa: F401  (registers calcibot_normalizer)
from bot.nlu import not_places as _not_places  # noqa: F401  (registers calcibot_not_places)
from bot.nlu import phrase_ruler as _phrase_ruler  # noqa: F401  (registers calcibot_entity_ruler)
from bot.nlu import textcat as _textcat  # noqa: F401  (registers calcibot_textcat)
from bot.nlu.data import entity_data, training_data
from bot.safety.redflags import load_red_flag_phrases

FALLBACK_INTENT = "nlu_fallback"


class IntentScore(TypedDict):
    name: str
    confidence: float


class EntityPattern(TypedDict):
    label: str
    pattern: str
    id: str


def build_entity_patterns(intents_dir: Path) -> list[EntityPattern]:
    """Phrase patterns from lookups, their synonyms and the annotations in training data.

    The pattern ``id`` is the canonical value (DESIGN.md §4.5), like Rasa's synonym mapper.
    """
    lookups = entity_data(intents_dir)
    entity_of: dict[str, str] = {}
    patterns: dict[str, EntityPattern] = {}

    def add(label: str, text: str, value: str) -> None:
        # first source wins: lookups, then synonyms, then annotations in training data
        patterns.setdefault(
            text.lower(), EntityPattern(label=label, pattern=text.lower(), id=value)
        )

    for label, phrases in lookups.lookups.items():
        for phrase in phrases:
            canonical = lookups.synonyms.get(phrase.lower(), phrase.lower())
            entity_of.setdefault(canonical, label)
            add(label, phrase, canonical)
    for variant, canonical in lookups.synonyms.items():
        owner = entity_of.get(canonical)
        if owner is None:
            raise ValueError(f"synonym {canonical!r} is in no lookup table of {intents_dir}")
        add(owner, variant, canonical)
    for example in training_data(intents_dir).examples:
        for annotation in example.entities:
            surface = example.text[annotation["start"] : annotation["end"]]
            add(annotation["entity"], surface, annotation["value"].lower())
    return sorted(patterns.values(), key=lambda p: (p["label"], p["pattern"]))


@registry.misc("calcibot.entity_patterns.v1")
def entity_patterns(intents_dir: str) -> list[EntityPattern]:
    return build_entity_patterns(Path(intents_dir))


@registry.misc("calcibot.entity_words.v1")
def entity_words(intents_dir: str) -> list[str]:
    """Every word of every pattern: the normaliser must know them to correct towards them."""
    return [p["pattern"] for p in build_entity_patterns(Path(intents_dir))]


@registry.misc("calcibot.known_phrases.v1")
def known_phrases(intents_dir: str, safety_file: str) -> list[str]:
    """Entity patterns and red-flag phrases: words the normaliser must never correct away.
    Unknown to it, "fainting" became "finding" and "dead" became "lead", so "I keep finding
    lumps" read as fainting."""
    return [*entity_words(intents_dir), *load_red_flag_phrases(Path(safety_file))]


@registry.misc("calcibot.everyday_words.v1")
def everyday_words(intents_dir: str) -> list[str]:
    """Everyday English words (`everyday_words.txt`), which the normaliser keeps as typed."""
    lines = (Path(intents_dir) / "everyday_words.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


LAY_PSEUDO_NEGATIONS = [
    "not sure",
    "not sure if",
    "not certain",
    "don't know if",
    "do not know if",
    "no idea if",
    "not go away",
    "not going away",
    "not getting better",
    "not stop",
    "no better",
    "don't know why",
    "do not know why",
    "not sure why",
    "no idea why",
]
LAY_PRECEDING_NEGATIONS = [
    "haven't",
    "havent",
    "have not",
    "hasn't",
    "hasnt",
    "has not",
    "do not",
    "does not",
    "did not",
    "is not",
    "are not",
    "nothing",
    "none",
    "nor",
    "neither",
    "never been",
    "no history of",
    "not had",
    "no longer",
    # "zero pain, thankfully", "zilch ache"
    "zero",
    "zilch",
]
# words that start a new clause after a comma ("i'm not bleeding, the lump is tender", "i dont
# know all of them, and recently i noticed white spots"), unlike a list's next item ("no pain,
# swelling or redness")
CLAUSE_STARTS = (
    "the", "my", "it", "it's", "its", "i", "i'm", "im", "he", "she", "they", "this", "that",
    "there", "his", "her", "their", "but", "and", "when", "also",
)  # fmt: skip
# Words that end a negation's reach ("no lump, just some redness"), and a comma that starts a
# new clause
LAY_TERMINATIONS = [
    "just",
    "only",
    "because",
    "why",
    "since",
    "so",
    "then",
    "now",
    "apart",
    *(f", {word}" for word in CLAUSE_STARTS),
    # "no it doesn't hurt and i have rheumatoid arthritis": a new subject after "and"
    *(f"and {word}" for word in ("i", "i'm", "im", "i've", "ive", "my", "he", "she", "they")),
]
# "wasn't" negates what follows ("it wasn't painful"); after a patient's noun it does not
# negate the noun ("a lump that wasn't there before", "the lump wasn't painful"); "free" denies
# only the word right before it ("pain free"), which `denied_after` reads, not "my lump is pain
# free" or "puppy ate sugar free gum"
NOT_FOLLOWING_NEGATIONS = frozenset({"was not", "were not", "wasn't", "wasnt", "free"})


@registry.misc("calcibot.negation_termset.v1")
def negation_termset() -> dict[str, list[str]]:
    """negspacy's clinical termset plus the way patients negate ("it doesn't hurt")."""
    patterns: dict[str, list[str]] = termset("en_clinical").get_patterns()
    patterns["pseudo_negations"] = [*patterns["pseudo_negations"], *LAY_PSEUDO_NEGATIONS]
    patterns["preceding_negations"] = [
        *patterns["preceding_negations"],
        *LAY_PRECEDING_NEGATIONS,
    ]
    patterns["termination"] = [*patterns["termination"], *LAY_TERMINATIONS]
    patterns["following_negations"] = [
        p for p in patterns["following_negations"] if p not in NOT_FOLLOWING_NEGATIONS
    ]
    return patterns


if not Doc.has_extension("intent"):
    Doc.set_extension("intent", default=None)
    Doc.set_extension("intent_ranking", default=None)


def decide(ranking: list[IntentScore], threshold: float, ambiguity: float) -> IntentScore:
    """The top intent, or `nlu_fallback` when it is unsure or the top two are too close."""
    if not ranking:
        return IntentScore(name=FALLBACK_INTENT, confidence=1.0)
    top = ranking[0]
    second = ranking[1]["confidence"] if len(ranking) > 1 else 0.0
    if top["confidence"] < threshold or top["confidence"] - second < ambiguity:
        return IntentScore(name=FALLBACK_INTENT, confidence=threshold)
    return top


class IntentClassifier:
    """Reads the textcat scores, ranks them and falls back when unsure.

    Rasa's FallbackClassifier idea: below ``threshold``, or with the top two within
    ``ambiguity_threshold``, the intent is ``nlu_fallback`` (the ranking keeps the guesses).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        threshold: float,
        ambiguity_threshold: float,
        ranking_length: int,
    ) -> None:
        self.name = name
        self.threshold = threshold
        self.ambiguity_threshold = ambiguity_threshold
        self.ranking_length = ranking_length

    def rank(self, cats: dict[str, float]) -> list[IntentScore]:
        ranked = sorted(cats.items(), key=itemgetter(1), reverse=True)[: self.ranking_length]
        return [IntentScore(name=name, confidence=round(score, 6)) for name, score in ranked]

    def decide(self, ranking: list[IntentScore]) -> IntentScore:
        return decide(ranking, self.threshold, self.ambiguity_threshold)

    def __call__(self, doc: Doc) -> Doc:
        ranking = self.rank(doc.cats)
        underscore = doc._  # each `doc._` makes a new accessor object
        underscore.intent_ranking = ranking
        underscore.intent = self.decide(ranking)
        return doc


@Language.factory(
    "calcibot_intent",
    default_config={"threshold": 0.4, "ambiguity_threshold": 0.08, "ranking_length": 10},
)
def make_intent_classifier(
    nlp: Language,
    name: str,
    *,
    threshold: float,
    ambiguity_threshold: float,
    ranking_length: int,
) -> IntentClassifier:
    return IntentClassifier(
        nlp,
        name,
        threshold=threshold,
        ambiguity_threshold=ambiguity_threshold,
        ranking_length=ranking_length,
    )


__all__: list[Any] = [
    "FALLBACK_INTENT",
    "EntityPattern",
    "IntentClassifier",
    "IntentScore",
    "build_entity_patterns",
]
