"""Builds the pipeline from `intents/config.cfg`, trains it deterministically, saves, loads."""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, load_config, load_model_from_config, registry

from bot.config import INTENTS_DIR, NLU_CONFIG_FILE, SAFETY_FILE
from bot.nlu import components as _components  # noqa: F401  (registers the factories)
from bot.nlu.data import Example, NluData, training_data

MODEL_META = "calcibot.json"


@dataclass(frozen=True)
class TrainResult:
    """What one training run produced."""

    path: Path | None
    seconds: float
    examples: int
    intents: int


def build(config_path: Path = NLU_CONFIG_FILE, intents_dir: Path = INTENTS_DIR) -> Language:
    """An untrained pipeline from the config, with its paths pointing at the data files."""
    config = load_config(
        config_path,
        overrides={"paths.intents": str(intents_dir), "paths.safety": str(SAFETY_FILE)},
    )
    return load_model_from_config(config, auto_fill=True, validate=True)


def _spacy_examples(nlp: Language, examples: Sequence[Example], labels: list[str]) -> list[Any]:
    out = []
    for example in examples:
        cats = {label: float(label == example.intent) for label in labels}
        out.append(SpacyExample.from_dict(nlp.make_doc(example.text), {"cats": cats}))
    return out


def train_pipeline(
    data: NluData,
    *,
    config_path: Path = NLU_CONFIG_FILE,
    intents_dir: Path = INTENTS_DIR,
    seed: int | None = None,
) -> Language:
    """Train on ``data``; the same data and seed give the same model, bit for bit."""
    nlp = build(config_path, intents_dir)
    training = registry.resolve(nlp.config.interpolate()["training"], validate=False)
    seed = int(training["seed"] if seed is None else seed)
    fix_random_seed(seed)
    labels = data.intents
    examples = _spacy_examples(nlp, data.examples, labels)
    optimizer = nlp.initialize(lambda: examples)
    normalizer = nlp.get_pipe("normalizer")
    for example in examples:  # the classifier reads NORM, which the normaliser sets
        normalizer(example.predicted)
    rng = random.Random(seed)
    batcher = training["batcher"]
    for _ in range(int(training["max_epochs"])):
        rng.shuffle(examples)
        for batch in batcher(examples):
            nlp.update(batch, sgd=optimizer, drop=float(training["dropout"]))
    return nlp


def train(model_dir: Path, *, intents_dir: Path = INTENTS_DIR) -> TrainResult:
    """Train on `intents/nlu` and write the model to ``model_dir`` (replaced atomically)."""
    started = time.perf_counter()
    data = training_data(intents_dir)
    nlp = train_pipeline(data, intents_dir=intents_dir)
    model_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = model_dir.with_name(model_dir.name + ".tmp")
    if staging.exists():
        shutil.rmtree(staging)
    nlp.to_disk(staging)
    if model_dir.exists():
        shutil.rmtree(model_dir)
    staging.rename(model_dir)
    return TrainResult(
        path=model_dir,
        seconds=time.perf_counter() - started,
        examples=len(data.examples),
        intents=len(data.intents),
    )


def load(model_dir: Path) -> Language:
    """Load a trained model; nothing is downloaded.

    The tokenizer is spaCy's English one, built from config.cfg as the pipeline is made.
    Reading its saved copy back adds its 2,700 special cases a second time for the same
    tokenizer (a quarter of a second of start-up), so it is left out; a test checks that the
    two are equal.
    """
    return spacy.load(model_dir, exclude=["tokenizer"])


def is_trained(model_dir: Path) -> bool:
    return (model_dir / "config.cfg").is_file() and (model_dir / "textcat").is_dir()
