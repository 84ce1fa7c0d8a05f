"""A bag-of-n-grams text classifier over NORM (spaCy's TextCatBOW reads ORTH)."""

from __future__ import annotations

from functools import partial
from typing import Any

from spacy.attrs import NORM
from spacy.ml.extract_ngrams import extract_ngrams
from spacy.ml.models.textcat import resize_and_set_ref
from spacy.util import registry
from thinc.api import Logistic, Model, SparseLinear, chain, resizable, softmax_activation, with_cpu
from thinc.layers.resizable import resize_linear_weighted

NEG_VALUE = -5000.0


@registry.architectures("calcibot.TextCatBOWNorm.v1")
def build_bow_norm_classifier(
    exclusive_classes: bool, ngram_size: int, length: int = 262_144, nO: int | None = None
) -> Model[Any, Any]:
    """spaCy's TextCatBOW.v3, with n-grams of the normalised form instead of the raw text."""
    fill_defaults = {"b": NEG_VALUE, "W": 0}
    sparse_linear = SparseLinear(nO=nO, length=length)
    output_layer = softmax_activation() if exclusive_classes else Logistic()
    resizable_layer = resizable(
        sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults=fill_defaults)
    )
    model = chain(extract_ngrams(ngram_size, attr=NORM), resizable_layer)
    model = chain(with_cpu(model, model.ops), with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model
