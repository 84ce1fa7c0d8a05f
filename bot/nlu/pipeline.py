"""Builds the pipeline from `intents/config.cfg`, trains it deterministically, saves, loads."""

from __future__ import annotations

import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, load_config, load_model_from_config

from bot.config import INTENTS_DIR, NLU_CONFIG_FILE, SAFETY_FILE
from bot.nlu import components as _components  # noqa: F401  (registers the factories)
from bot.nlu.data import Example, NluData, danger_data, training_data
from bot.nlu.textcat import EMERGENCY, ORDINARY, DangerDetector, IntentCategorizer

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
) -> Language:
    """Train on ``data``: the classifier's weights are the optimum of its convex objective
    (`fit.py`), so the same data give the same model in any order, bit for bit."""
    from bot.nlu.fit import fit_textcat  # SciPy: training only, never loaded by serving

    nlp = build(config_path, intents_dir)
    # as written: spaCy's auto-fill keeps only the settings of its own training loop
    training = load_config(config_path, interpolate=True)["training"]
    fix_random_seed(int(training["seed"]))
    examples = _spacy_examples(nlp, data.examples, data.intents)
    nlp.initialize(lambda: examples)
    normalizer = nlp.get_pipe("normalizer")
    docs = [normalizer(example.predicted) for example in examples]  # the classifier reads NORM
    textcat = nlp.get_pipe("textcat")
    assert isinstance(textcat, IntentCategorizer)
    fit = fit_textcat(
        textcat,
        docs,
        [example.intent for example in data.examples],
        l2=float(training["l2"]),
        max_iterations=int(training["max_iterations"]),
    )
    if not fit.converged:
        raise TrainingError(f"the classifier did not converge in {fit.iterations} iterations")
    if "danger" in nlp.pipe_names:
        danger = nlp.get_pipe("danger")
        assert isinstance(danger, DangerDetector)
        extra = danger_data(intents_dir).examples
        docs += [normalizer(nlp.make_doc(example.text)) for example in extra]
        fit = fit_textcat(
            danger,
            docs,
            [EMERGENCY if e.intent == EMERGENCY else ORDINARY for e in [*data.examples, *extra]],
            l2=float(training["l2"]),
            max_iterations=int(training["max_iterations"]),
        )
        if not fit.converged:
            raise TrainingError(f"the danger detector did not converge in {fit.iterations}")
    return nlp


class TrainingError(RuntimeError):
    pass


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
