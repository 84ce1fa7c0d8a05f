"""The normaliser's vocabulary: which words it trusts, and what it corrects towards."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.training import Example

from bot.config import INTENTS_DIR, PROJECT_ROOT
from bot.nlu.components import everyday_words
from bot.nlu.normalizer import Normalizer

# entity words that the training sentences never use: all tied in frequency
UNSEEN_ENTITY_WORDS = [
    *["elbow", "knee", "finger", "wrist", "ankle", "shoulder", "thumb", "heel", "shin", "hip"],
    *["lupus", "scleroderma", "dermatomyositis", "gout", "injury", "surgery", "veux", "peux"],
]


def vocabulary(
    sentences: list[str], entity_words: list[str], everyday_words: list[str] | None = None
) -> Normalizer:
    nlp = spacy.blank("en")
    normalizer = Normalizer(nlp, "normalizer", min_length=4, min_count=2, cache_size=100)
    examples = [Example.from_dict(nlp.make_doc(s), {}) for s in sentences]
    normalizer.initialize(
        lambda: examples, extra_words=entity_words, everyday_words=everyday_words or []
    )
    return normalizer


def test_a_long_misspelling_seen_in_training_is_corrected_however_often() -> None:
    """Training sentences carry typos on purpose; seen twice, "dermatomiositis" must not
    become a word of its own, or the entity it misspells is never found."""
    normalizer = vocabulary(
        ["i have dermatomiositis", "can dermatomiositis cause it", "meditation helps me"] * 2,
        ["dermatomyositis", "medication"],
    )
    assert "dermatomiositis" not in normalizer.words
    doc = normalizer(spacy.blank("en").make_doc("dermatomiositis"))
    assert doc[0].norm_ == "dermatomyositis"


def test_a_shorter_word_near_an_entity_word_is_a_word_of_its_own() -> None:
    normalizer = vocabulary(
        ["meditation helps me", "does meditation help"], ["medication", "conditions"]
    )
    assert "meditation" in normalizer.words
    doc = normalizer(spacy.blank("en").make_doc("meditation"))
    assert doc[0].norm_ == "meditation"


def test_the_vocabulary_is_the_same_whatever_the_hash_seed() -> None:
    """Words tied in frequency keep one order in every process: the first of two equally
    near words becomes the correction, so the order decides what the classifier is trained
    on. A set's order changes with ``PYTHONHASHSEED``; the model must not."""
    script = (
        "from tests.nlu.test_normalizer import UNSEEN_ENTITY_WORDS, vocabulary\n"
        "print(vocabulary(['my elbow hurts', 'my elbow is sore'], UNSEEN_ENTITY_WORDS).words)"
    )
    orders = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=PROJECT_ROOT,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert len(orders) == 1, orders


def test_lets_is_not_read_as_a_body_part() -> None:
    """ "ok lets go on": one letter from "legs", which would find a place the patient never
    named."""
    normalizer = vocabulary(["my legs hurt", "lumps on my legs"], ["leg"])
    doc = normalizer(spacy.blank("en").make_doc("lets go on"))
    assert doc[0].norm_ == "let"


def test_an_everyday_word_is_kept_as_typed_and_a_typo_still_corrected(tmp_path: Path) -> None:
    """ "selling" is one letter from "swelling", "pulls" from "pills": as everyday words they
    are read as typed, also by a normaliser loaded from disk; "swellign" is still a typo."""
    normalizer = vocabulary(
        ["my finger has swelling", "the swelling is bad", "i take pills", "my pills help"],
        ["swelling", "pills"],
        ["selling", "pulls"],
    )
    normalizer.to_disk(tmp_path)
    loaded = Normalizer(spacy.blank("en"), "normalizer", min_length=4, min_count=2, cache_size=9)
    loaded.from_disk(tmp_path)
    for reader in (normalizer, loaded):
        doc = reader(spacy.blank("en").make_doc("selling pulls swellign"))
        assert [t.norm_ for t in doc] == ["selling", "pull", "swelling"]


def test_the_everyday_words_shipped_are_many_and_hold_no_alarm_word() -> None:
    """The list is read from the repository: common words, and no red-flag or entity word
    (which the normaliser knows anyway) is missing because of it."""
    words = everyday_words(str(INTENTS_DIR))
    assert len(words) > 30_000
    assert {"selling", "putting", "pulls", "cooking", "lying", "heat"} <= set(words)
    assert all(word.isalpha() and word.islower() for word in words)
