"""Fits the intent classifier's weights to the optimum of L2-regularised multinomial logistic
regression, found by L-BFGS over the whole training set at once.

The classifier is linear (`architectures.py`: a sparse linear layer over hashed features,
then softmax), so its training objective is convex and has one optimum. Stochastic training
stopped after a few epochs lands near it by a path that depends on the order of the
batches: one sentence added anywhere in the data moved short messages ("prevented", "which
ones?") from one intent to another. The optimum depends on the data alone, in any order.

Only training imports this module (and SciPy): serving reads the weights `to_disk` wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy
import scipy.sparse
from scipy.optimize import minimize
from spacy.tokens import Doc
from thinc.api import Model

from bot.nlu.architectures import FeatureKeys
from bot.nlu.textcat import IntentCategorizer

_MASK = numpy.uint64(0xFFFFFFFF)


@dataclass(frozen=True)
class Fit:
    """How the solver ended."""

    iterations: int
    loss: float
    converged: bool


def murmur32(keys: Any, seed: int) -> Any:
    """MurmurHash3_x86_32 of each uint64 key, as thinc's SparseLinear computes it to pick
    the two weight columns of a feature (sparselinear.pyx); a test checks the two agree."""

    def rotl(x: Any, r: int) -> Any:
        return ((x << numpy.uint64(r)) | (x >> numpy.uint64(32 - r))) & _MASK

    def mix(h: Any, k: Any) -> Any:
        k = (k * numpy.uint64(0xCC9E2D51)) & _MASK
        k = (rotl(k, 15) * numpy.uint64(0x1B873593)) & _MASK
        h = rotl(h ^ k, 13)
        return (h * numpy.uint64(5) + numpy.uint64(0xE6546B64)) & _MASK

    keys = numpy.asarray(keys, dtype=numpy.uint64)
    h = numpy.full(keys.shape, seed, dtype=numpy.uint64)
    h = mix(mix(h, keys & _MASK), keys >> numpy.uint64(32))
    h ^= numpy.uint64(8)
    h ^= h >> numpy.uint64(16)
    h = (h * numpy.uint64(0x85EBCA6B)) & _MASK
    h ^= h >> numpy.uint64(13)
    h = (h * numpy.uint64(0xC2B2AE35)) & _MASK
    return h ^ (h >> numpy.uint64(16))


def design_matrix(keys: FeatureKeys, docs: Sequence[Doc], length: int) -> Any:
    """One row per doc: each feature's count in the two columns its key hashes to."""
    rows, cols, values = [], [], []
    for i, doc in enumerate(docs):
        counts = keys.counts(doc)
        doc_keys = numpy.fromiter(counts.keys(), dtype=numpy.uint64, count=len(counts))
        doc_values = numpy.fromiter(counts.values(), dtype=numpy.float64, count=len(counts))
        for seed in (0, 1):
            rows.append(numpy.full(len(doc_keys), i))
            cols.append((murmur32(doc_keys, seed) % numpy.uint64(length)).astype(numpy.int64))
            values.append(doc_values)
    matrix = scipy.sparse.csr_matrix(
        (numpy.concatenate(values), (numpy.concatenate(rows), numpy.concatenate(cols))),
        shape=(len(docs), length),
    )
    matrix.sum_duplicates()
    return matrix


def sparse_linear(textcat: IntentCategorizer) -> Model[Any, Any]:
    return next(node for node in textcat.model.walk() if node.name.startswith("sparse_linear"))


def fit_textcat(
    textcat: IntentCategorizer,
    docs: Sequence[Doc],
    intents: Sequence[str],
    *,
    l2: float,
    max_iterations: int,
) -> Fit:
    """Set the classifier's weights to minimise the mean cross-entropy on ``docs`` plus
    ``l2``/2 times the squared weights (the bias is not penalised)."""
    layer = sparse_linear(textcat)
    length, n_out = layer.get_dim("length"), layer.get_dim("nO")
    keys: FeatureKeys = textcat.model.get_ref("features").attrs["keys"]
    matrix = design_matrix(keys, docs, length)
    used = numpy.unique(matrix.indices)  # the other columns' optimum is zero
    x = matrix[:, used].tocsr()
    x_t = x.T.tocsr()
    n, width = x.shape
    index = {label: i for i, label in enumerate(textcat.labels)}
    gold = numpy.array([index[intent] for intent in intents])
    one_hot = numpy.zeros((n, n_out))
    one_hot[numpy.arange(n), gold] = 1.0

    def loss_and_gradient(theta: Any) -> tuple[float, Any]:
        weights, bias = theta[: width * n_out].reshape(width, n_out), theta[width * n_out :]
        scores = x @ weights + bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = numpy.exp(scores)
        total = exp.sum(axis=1, keepdims=True)
        loss = numpy.log(total[:, 0]).mean() - scores[numpy.arange(n), gold].mean()
        loss += 0.5 * l2 * float((weights * weights).sum())
        d_scores = (exp / total - one_hot) / n
        d_weights = x_t @ d_scores + l2 * weights
        return float(loss), numpy.concatenate([d_weights.ravel(), d_scores.sum(axis=0)])

    result = minimize(
        loss_and_gradient,
        numpy.zeros(width * n_out + n_out),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iterations},
    )
    weights = numpy.zeros((length, n_out))
    weights[used] = result.x[: width * n_out].reshape(width, n_out)
    layer.set_param("W", numpy.ascontiguousarray(weights.T).ravel().astype("f"))
    layer.set_param("b", result.x[width * n_out :].astype("f"))
    textcat.forget_rows()
    return Fit(iterations=int(result.nit), loss=float(result.fun), converged=bool(result.success))
