"""The source's statements as facts (`responses/facts.yml`), each resting on verbatim text."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from bot.config import FACTS_FILE, SOURCE_FILE
from bot.nlu.names import NAMES_CALCINOSIS
from bot.yamlfile import read_yaml

TOPICS = (
    "definition",
    "causes",
    "conditions",
    "symptoms",
    "diagnosis",
    "treatment",
    "prevention",
    "location",
    "composition",
    "types",
    "cancer",
    "complications",
    "who_affected",
    "doctor",
    "source",
)


# a word more facts use than this is no term of the source's own ("it", "symptoms")
MAX_EXPLAINING = 2
# words the source uses only in a turn of phrase ("discovered by chance", "in some cases"): "what
# are the chances?" asks no meaning of them
IDIOM_WORDS = frozenset({"chance", "chances", "case", "cases"})


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Fact:
    id: str
    topics: tuple[str, ...]
    text: str
    source: str
    about: frozenset[str] = frozenset()  # entity values it speaks of: "pain", "lump"
    plain: str = ""  # the same in plainer words, for "simpler please"


class FactBase:
    """Facts in source order, looked up by id and by topic."""

    def __init__(self, facts: list[Fact], source_text: str) -> None:
        self.facts = facts
        self.source_text = source_text
        self.by_id = {fact.id: fact for fact in facts}

    @classmethod
    def load(cls, facts_file: Path = FACTS_FILE, source_file: Path = SOURCE_FILE) -> FactBase:
        data: Any = read_yaml(facts_file)
        facts = [
            Fact(
                id=str(item["id"]),
                topics=tuple(item["topics"]),
                text=collapse(str(item["text"])),
                source=collapse(str(item["source"])),
                about=frozenset(str(v) for v in item.get("about", [])),
                plain=collapse(str(item.get("plain") or item["text"])),
            )
            for item in data["facts"]
        ]
        return cls(facts, source_file.read_text(encoding="utf-8"))

    @cached_property
    def collapsed_source(self) -> str:
        return collapse(self.source_text)

    def for_topic(self, topic: str, about: Collection[str] = ()) -> list[Fact]:
        """Facts of a topic: first those about what the question names ("does it hurt?": the
        one on discomfort), then those whose id names the topic (they answer it directly)."""
        matching = [fact for fact in self.facts if topic in fact.topics]
        return sorted(
            matching,
            key=lambda fact: (fact.about.isdisjoint(about), not fact.id.startswith(topic + "_")),
        )

    @cached_property
    def searchable(self) -> str:
        """The source and the facts' own wording of it, lower case: the source says "surgical
        removal" and the facts say "surgery", and both are what the source covers."""
        return "\n".join([self.source_text, *(fact.text for fact in self.facts)]).lower()

    def mentions(self, phrase: str) -> bool:
        """Whether the source, or a fact's wording of it, names ``phrase`` (whole words, any
        case): the bot never says "the source does not mention" a word its answer uses."""
        words = re.escape(phrase.lower()).replace(r"\ ", r"\s+")
        return re.search(rf"\b{words}", self.searchable) is not None

    def naming(self, term: str) -> list[Fact]:
        """Facts whose own wording names ``term`` (whole words, any case, "granuloma" as
        "granulomas"): what the source says where it uses a word a patient asks about."""
        words = re.escape(term.lower().rstrip("s")).replace(r"\ ", r"\s+")
        pattern = re.compile(rf"\b{words}(?:e?s)?\b")
        return [fact for fact in self.facts if pattern.search(fact.text.lower())]

    def explaining(self, term: str | None) -> list[Fact]:
        """The few facts that use a word a patient asks the meaning of ("vasculitis",
        "palpable"); none for words most facts use ("calcinosis", "it")."""
        if not term or NAMES_CALCINOSIS.match(term) or term in IDIOM_WORDS:
            return []
        facts = self.naming(term)
        return facts if len(facts) <= MAX_EXPLAINING else []

    def unverbatim(self) -> list[str]:
        """Ids of facts whose `source` is not a substring of the source text."""
        return [f.id for f in self.facts if f.source not in self.collapsed_source]

    def uncovered_sentences(self) -> list[str]:
        """Sentences of the source that no fact's `source` covers in full."""
        covered = self.collapsed_source
        spans: list[tuple[int, int]] = []
        for fact in self.facts:
            start = covered.find(fact.source)
            if start >= 0:
                spans.append((start, start + len(fact.source)))
        missing = []
        for sentence in source_sentences(self.source_text):
            start = covered.find(sentence)
            end = start + len(sentence)
            chars = set(range(start, end))
            for a, b in spans:
                chars -= set(range(a, b))
            if any(covered[i].isalnum() for i in chars):
                missing.append(sentence)
        return missing


def source_sentences(text: str) -> list[str]:
    """The source split into sentences ("etc." does not end one unless a capital follows)."""
    flat = collapse(text)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", flat)
    return [part for part in parts if part]
