"""A bag-of-features text classifier: word n-grams of the normalised form plus, fastText-style,
character n-grams of each word, so unseen inflections and typos still share features.

spaCy's TextCatBOW.v3 reads only ORTH word n-grams; this keeps its sparse linear model
(SparseLinear_v2) and output layer and changes what it sees.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache, partial
from typing import Any

import numpy
import srsly
from spacy.attrs import NORM
from spacy.ml.models.textcat import resize_and_set_ref
from spacy.strings import StringStore, hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    Logistic,
    Model,
    NumpyOps,
    SparseLinear_v2,
    chain,
    resizable,
    softmax_activation,
    with_cpu,
)
from thinc.layers.resizable import resize_linear_weighted
from thinc.model import deserialize_attr, serialize_attr

NEG_VALUE = -5000.0
CHAR_KEYS_CACHE = 50_000  # words whose character n-gram keys are kept


class FeatureKeys:
    """The keys a doc's features hash to: each word's NORM and its character n-grams, and the
    word n-grams of NORM. Training (``extract_features``) and serving (``textcat.py``) both
    read them here, so the two cannot drift apart."""

    def __init__(self, ngram_size: int, char_min: int, char_max: int) -> None:
        self.ngram_size = ngram_size
        self.char_min = char_min
        self.char_max = char_max
        self.ops = NumpyOps()
        self._chars = lru_cache(maxsize=CHAR_KEYS_CACHE)(self._char_keys)

    def _char_keys(self, word: str) -> tuple[int, ...]:
        if len(word) < 4 or not word.isalpha():
            return ()
        padded = f"<{word}>"
        grams = {
            padded[i : i + n]
            for n in range(self.char_min, self.char_max + 1)
            for i in range(len(padded) - n + 1)
        }
        return tuple(sorted(hash_string("#" + gram) for gram in grams))

    @staticmethod
    def norms(doc: Doc) -> Any:
        """The words' NORM hashes (uint64): read from the doc, no Token objects made."""
        return doc.to_array([NORM]).astype("uint64")

    def of_word(self, norm: int, strings: StringStore) -> tuple[int, ...]:
        """A word's own keys: its character n-grams, then its NORM."""
        return (*self._chars(strings[norm]), norm)

    def ngrams(self, norms: Any) -> list[int]:
        """The keys of the word n-grams, from bigrams up (thinc's ngrams fails on no words)."""
        return [
            k
            for n in range(2, min(self.ngram_size, len(norms)) + 1)
            for k in self.ops.ngrams(n, norms).tolist()
        ]

    def counts(self, doc: Doc) -> Counter[int]:
        """Every key of the doc with how often it occurs."""
        norms = self.norms(doc)
        strings = doc.vocab.strings  # norms by hash
        counts = Counter(k for norm in norms.tolist() for k in self.of_word(norm, strings))
        counts.update(self.ngrams(norms))
        return counts


@serialize_attr.register(FeatureKeys)
def _serialize_keys(_: FeatureKeys, value: FeatureKeys, name: str, model: Model[Any, Any]) -> bytes:
    settings = [value.ngram_size, value.char_min, value.char_max]
    return srsly.msgpack_dumps(settings)  # type: ignore[no-any-return]


@deserialize_attr.register(FeatureKeys)
def _deserialize_keys(
    _: FeatureKeys, value: bytes, name: str, model: Model[Any, Any]
) -> FeatureKeys:
    return FeatureKeys(*srsly.msgpack_loads(value))


def extract_features(feature_keys: FeatureKeys) -> Model[Any, Any]:
    """(keys, counts, lengths) per doc, the input SparseLinear takes (like extract_ngrams)."""

    def forward(model: Model[Any, Any], docs: list[Doc], is_train: bool) -> Any:
        keys: FeatureKeys = model.attrs["keys"]  # as saved with the weights
        batch_keys = []
        batch_vals = []
        for doc in docs:
            # a Counter, not numpy.unique: a message has a hundred or so keys, too few for
            # numpy's sort to pay for its overhead; the sorted keys are the same
            counts = keys.counts(doc)
            ordered = sorted(counts)
            batch_keys.append(numpy.asarray(ordered, dtype="uint64"))
            batch_vals.append(numpy.asarray([counts[k] for k in ordered]))
        lengths = model.ops.asarray([len(k) for k in batch_keys], dtype="int32")
        keys_out = numpy.concatenate(batch_keys) if batch_keys else numpy.zeros(0, "uint64")
        vals_out = model.ops.asarray(
            numpy.concatenate(batch_vals) if batch_vals else numpy.zeros(0), dtype="f"
        )
        return (keys_out, vals_out, lengths), lambda d_out: []

    return Model("extract_features", forward, attrs={"keys": feature_keys})


@registry.architectures("calcibot.TextCatBagOfFeatures.v1")
def build_bag_of_features_classifier(
    exclusive_classes: bool,
    ngram_size: int,
    char_min: int = 3,
    char_max: int = 5,
    length: int = 262_144,
    nO: int | None = None,
) -> Model[Any, Any]:
    """Sparse linear model over word n-grams and character n-grams of NORM."""
    fill_defaults = {"b": NEG_VALUE, "W": 0}
    sparse_linear = SparseLinear_v2(nO=nO, length=2 ** (length - 1).bit_length())
    output_layer = softmax_activation() if exclusive_classes else Logistic()
    resizable_layer = resizable(
        sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults=fill_defaults)
    )
    extract = extract_features(FeatureKeys(ngram_size, char_min, char_max))
    features = chain(extract, resizable_layer)
    model = chain(with_cpu(features, features.ops), with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.set_ref("features", extract)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model
