"""Reads Rasa 3 NLU training data (intents, entity annotations, synonyms, lookups)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

import yaml

from bot.yamlfile import read_yaml

# `[text](entity)`, `[text](entity:value)` or `[text]{"entity": ..., "value": ...}`
_ANNOTATION = re.compile(r"\[(?P<text>[^\[\]]+)\](?:\((?P<short>[^()]+)\)|(?P<json>\{[^{}]+\}))")


class EntityAnnotation(TypedDict):
    """An entity span in an example, with its canonical value."""

    entity: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Example:
    """One training or test sentence, annotations already stripped from its text."""

    text: str
    intent: str
    entities: tuple[EntityAnnotation, ...] = ()


@dataclass
class NluData:
    """Everything one or more Rasa NLU files hold."""

    examples: list[Example] = field(default_factory=list)
    synonyms: dict[str, str] = field(default_factory=dict)  # variant (lower case) -> canonical
    lookups: dict[str, list[str]] = field(default_factory=dict)  # entity -> phrases
    negation: list[dict[str, Any]] = field(default_factory=list)

    def extend(self, other: NluData) -> None:
        self.examples.extend(other.examples)
        self.synonyms.update(other.synonyms)
        for name, phrases in other.lookups.items():
            self.lookups.setdefault(name, []).extend(phrases)
        self.negation.extend(other.negation)

    @property
    def intents(self) -> list[str]:
        return sorted({example.intent for example in self.examples})


class DataError(ValueError):
    """A training file that does not follow the Rasa format; says which file and item."""


def parse_example(line: str, intent: str) -> Example:
    """Strip annotations from one example line and record the entity spans."""
    entities: list[EntityAnnotation] = []
    parts: list[str] = []
    cursor = 0
    length = 0
    for match in _ANNOTATION.finditer(line):
        before = line[cursor : match.start()]
        parts.append(before)
        length += len(before)
        surface = match.group("text")
        if match.group("json"):
            spec = json.loads(match.group("json"))
            entity, value = str(spec["entity"]), str(spec.get("value", surface))
        else:
            entity, _, value = match.group("short").partition(":")
            value = value or surface
        entities.append(
            EntityAnnotation(
                entity=entity.strip(),
                value=value.strip(),
                start=length,
                end=length + len(surface),
            )
        )
        parts.append(surface)
        length += len(surface)
        cursor = match.end()
    parts.append(line[cursor:])
    return Example(text="".join(parts).strip(), intent=intent, entities=tuple(entities))


def _lines(block: Any, where: str) -> Iterator[str]:
    if not isinstance(block, str):
        raise DataError(f"{where}: `examples` must be a block of '- ' lines")
    for raw in block.splitlines():
        stripped = raw.strip()
        if not stripped:
            continue
        if not stripped.startswith("- "):
            raise DataError(f"{where}: line does not start with '- ': {stripped!r}")
        yield stripped[2:].strip()


def read_file(path: Path) -> NluData:
    """Read one Rasa 3 YAML file; unknown top-level keys (rules, stories) are ignored."""
    try:
        document = read_yaml(path) or {}
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    data = NluData()
    for index, item in enumerate(document.get("nlu") or []):
        where = f"{path}: nlu item {index + 1}"
        if "intent" in item:
            for line in _lines(item.get("examples"), where):
                data.examples.append(parse_example(line, str(item["intent"])))
        elif "synonym" in item:
            canonical = str(item["synonym"])
            for line in _lines(item.get("examples"), where):
                data.synonyms[line.lower()] = canonical
        elif "lookup" in item:
            data.lookups.setdefault(str(item["lookup"]), []).extend(
                _lines(item.get("examples"), where)
            )
        else:
            raise DataError(f"{where}: expected `intent`, `synonym` or `lookup`")
    data.negation.extend(document.get("negation") or [])
    return data


def read_files(paths: Iterable[Path]) -> NluData:
    data = NluData()
    for path in sorted(paths):
        data.extend(read_file(path))
    return data


def training_data(intents_dir: Path) -> NluData:
    """The training set: `nlu/*.yml` plus lookups and synonyms; never `test/`."""
    paths = [*intents_dir.glob("nlu/*.yml"), *intents_dir.glob("*.yml")]
    return read_files(path for path in paths if path.name != "rules.yml")


def danger_data(intents_dir: Path) -> NluData:
    """What the danger detector learns from besides the training set: `danger/*.yml`."""
    return read_files(intents_dir.glob("danger/*.yml"))


def entity_data(intents_dir: Path) -> NluData:
    """Lookups and synonyms alone (what the entity ruler is built from, with annotations)."""
    return read_files(intents_dir.glob("*.yml"))


def held_out_data(intents_dir: Path, name: str = "nlu.yml") -> NluData:
    """One held-out file from `test/`."""
    return read_file(intents_dir / "test" / name)
