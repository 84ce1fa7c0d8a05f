"""A bag-of-features text classifier: word n-grams of the normalised form plus, fastText-style,
character n-grams of each word, so unseen inflections and typos still share features.

spaCy's TextCatBOW.v3 reads only ORTH word n-grams; this keeps its sparse linear model
(SparseLinear_v2) and output layer and changes what it sees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Any

import numpy
from spacy.attrs import NORM
from spacy.ml.models.textcat import resize_and_set_ref
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    Logistic,
    Model,
    SparseLinear_v2,
    chain,
    resizable,
    softmax_activation,
    with_cpu,
)
from thinc.layers.resizable import resize_linear_weighted

NEG_VALUE = -5000.0


def _char_ngram_keys(min_n: int, max_n: int) -> Callable[[str], tuple[int, ...]]:
    @lru_cache(maxsize=50_000)
    def keys(word: str) -> tuple[int, ...]:
        if len(word) < 4 or not word.isalpha():
            return ()
        padded = f"<{word}>"
        grams = {
            padded[i : i + n] for n in range(min_n, max_n + 1) for i in range(len(padded) - n + 1)
        }
        return tuple(sorted(hash_string("#" + gram) for gram in grams))

    return keys


def extract_features(ngram_size: int, char_min: int, char_max: int) -> Model[Any, Any]:
    """(keys, counts, lengths) per doc, the input SparseLinear takes (like extract_ngrams)."""
    char_keys = _char_ngram_keys(char_min, char_max)

    def forward(model: Model[Any, Any], docs: Sequence[Doc], is_train: bool) -> Any:
        ops = model.ops
        batch_keys = []
        batch_vals = []
        for doc in docs:
            words = doc.to_array([NORM]).astype("uint64")
            strings = doc.vocab.strings  # norms by hash: no Token objects made per word
            # a Counter, not numpy.unique: a message has a hundred or so keys, too few for
            # numpy's sort to pay for its overhead; the sorted keys are the same
            counts = Counter(k for norm in words.tolist() for k in char_keys(strings[norm]))
            counts.update(words.tolist())
            for n in range(2, ngram_size + 1):
                counts.update(ops.ngrams(n, words).tolist())
            keys = sorted(counts)
            batch_keys.append(numpy.asarray(keys, dtype="uint64"))
            batch_vals.append(numpy.asarray([counts[k] for k in keys]))
        lengths = ops.asarray([len(k) for k in batch_keys], dtype="int32")
        keys_out = numpy.concatenate(batch_keys) if batch_keys else numpy.zeros(0, "uint64")
        vals_out = ops.asarray(
            numpy.concatenate(batch_vals) if batch_vals else numpy.zeros(0), dtype="f"
        )
        return (keys_out, vals_out, lengths), lambda d_out: []

    return Model("extract_features", forward)


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
    features = chain(extract_features(ngram_size, char_min, char_max), resizable_layer)
    model = chain(with_cpu(features, features.ops), with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model
