"""Sets ``token.norm_`` to a lower-cased, spell-corrected, lightly stemmed form.

One typo mechanism serves both the intent classifier (which reads NORM) and the entity ruler
(which matches phrases on NORM): "calcinossis", "sclerodema" and "lupis" are read as the words
the training data knows.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

_KEEP_S = ("ss", "us", "is", "os", "as", "ys")
# what separates the words of a known phrase: spaces, and the hyphen of "non-blanching"
HYPHENS = re.compile(r"[\s-]+")
# "dont", "cant" split as "do"/"ca" + "nt": read as "n't", for negation and red flags alike;
# a thumbs-up or a shrug in reply to a question reads as the word it stands for
# "lets" is "let's", not one letter from "legs"
READ_AS = {"nt": "n't", "lets": "let", "👍": "yes", "👌": "ok", "👎": "no", "🤷": "dunno"}


def stem(word: str) -> str:
    """Drop a plural 's' (lumps -> lump, deposits -> deposit); keep calcinosis, lupus."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        return word[:-1]
    return word


# a long word this close to an entity word is a misspelling of it, however often it is seen
# (shorter ones may be other words: "meditation" is not "medication")
MISSPELLING_MIN_LENGTH = 11
MISSPELLING_EDITS = 2


def _misspells(word: str, entity_words: Collection[str]) -> bool:
    return (
        len(word) >= MISSPELLING_MIN_LENGTH
        and stem(word) not in entity_words
        and process.extractOne(
            word, entity_words, scorer=OSA.distance, score_cutoff=MISSPELLING_EDITS
        )
        is not None
    )


class Normalizer:
    """Corrects words the vocabulary does not know to the nearest known word."""

    def __init__(
        self, nlp: Language, name: str, *, min_length: int, min_count: int, cache_size: int
    ) -> None:
        self.name = name
        self.min_length = min_length
        self.min_count = min_count
        self.cache_size = cache_size
        self.words: list[str] = []
        self._known: frozenset[str] = frozenset()
        # everyday words, kept as typed: "selling" is no misspelt "swelling", "putting" no
        # "cutting", "pulls" no "pills", "cooking" no "choking"
        self.everyday: frozenset[str] = frozenset()
        self._norm: Callable[[str], str] = self._build_cache()

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        extra_words: Iterable[str] = (),
        everyday_words: Iterable[str] = (),
    ) -> None:
        """Learn the vocabulary: entity words, and training words seen ``min_count`` times;
        and the everyday words never corrected.

        A word seen once is often a typo ("sclerodema"); it is not trusted as a word, so it
        is corrected to its frequent neighbour like any other misspelling. An everyday word
        the training data lacks is a word all the same, however near a known one.
        """
        self.everyday = frozenset(word.lower() for word in everyday_words)
        counts: Counter[str] = Counter()
        for example in get_examples():
            counts.update(t.lower_ for t in example.reference if t.is_alpha)
        # the words of a hyphenated phrase too: "non-blanching rash" teaches "blanching"
        entity_words = {
            w for phrase in extra_words for w in HYPHENS.split(phrase.lower()) if w.isalpha()
        }
        for word in sorted(entity_words):  # in a fixed order: ties in frequency keep it, and
            counts[word] += self.min_count  # the first of equally near words is the correction
        for word in [w for w in counts if w not in entity_words and _misspells(w, entity_words)]:
            del counts[word]  # "dermatomiositis", typed in training sentences on purpose
        # the most frequent first, ties in alphabetical order: never the order of the data
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        self._set_words([word for word, n in ranked if n >= self.min_count])

    def _set_words(self, words: list[str]) -> None:
        self.words = words
        self._known = frozenset(words)
        self._norm = self._build_cache()

    def _correct(self, word: str) -> str:
        if (
            word in self._known
            or word in self.everyday
            or len(word) < self.min_length
            or not word.isalpha()
        ):
            return word
        max_edits = 1 if len(word) < 8 else 2
        match = process.extractOne(word, self.words, scorer=OSA.distance, score_cutoff=max_edits)
        return str(match[0]) if match else word

    def _build_cache(self) -> Callable[[str], str]:
        """A word's norm by its lower-case form, kept: patients use the same words again."""

        @lru_cache(maxsize=self.cache_size)
        def norm(lower: str) -> str:
            return READ_AS.get(lower) or READ_AS.get(lower[:1]) or stem(self._correct(lower))

        return norm

    def __call__(self, doc: Doc) -> Doc:
        norm = self._norm
        for token in doc:
            token.norm_ = norm(token.lower_)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "words.json").write_text(json.dumps(self.words), encoding="utf-8")
        everyday = "\n".join(sorted(self.everyday))
        (folder / "everyday.txt").write_text(everyday, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Normalizer:
        folder = Path(path)
        words: Any = json.loads((folder / "words.json").read_text(encoding="utf-8"))
        self.everyday = frozenset((folder / "everyday.txt").read_text(encoding="utf-8").split())
        self._set_words([str(word) for word in words])
        return self


@Language.factory(
    "calcibot_normalizer",
    default_config={"min_length": 4, "min_count": 2, "cache_size": 20_000},
)
def make_normalizer(
    nlp: Language, name: str, *, min_length: int, min_count: int, cache_size: int
) -> Normalizer:
    return Normalizer(nlp, name, min_length=min_length, min_count=min_count, cache_size=cache_size)
