"""The classifier is fitted to the optimum of its objective: the same data, in any order, give
the same model, and the weights land where thinc's layer reads them."""

from __future__ import annotations

import random

import numpy
import pytest
from thinc.api import SparseLinear_v2

from bot.config import INTENTS_DIR
from bot.nlu import pipeline
from bot.nlu.data import NluData, held_out_data, training_data
from bot.nlu.fit import murmur32
from bot.nlu.interpreter import Interpreter

INTENTS = ("ask_causes", "ask_treatment", "greet", "out_of_scope")


def test_the_hash_is_the_one_the_sparse_linear_layer_uses() -> None:
    """Weights written at `murmur32`'s columns are the ones thinc's layer sums."""
    length, n_out = 2**12, 3
    layer = SparseLinear_v2(nO=n_out, length=length)
    layer.initialize()
    weights = numpy.random.default_rng(0).normal(size=(n_out, length)).astype("f")
    layer.set_param("W", weights.ravel())
    layer.set_param("b", numpy.zeros(n_out, dtype="f"))
    keys = numpy.random.default_rng(1).integers(0, 2**63, size=200, dtype=numpy.uint64)
    scores = layer.predict((keys, numpy.ones(len(keys), dtype="f"), numpy.ones(len(keys), "i")))
    first, second = (murmur32(keys, seed) % numpy.uint64(length) for seed in (0, 1))
    expected = weights[:, first.astype(int)] + weights[:, second.astype(int)]
    numpy.testing.assert_allclose(scores, expected.T, rtol=1e-5, atol=1e-5)


@pytest.fixture(scope="module")
def small_data() -> NluData:
    data = training_data(INTENTS_DIR)
    kept = [e for e in data.examples if e.intent in INTENTS]
    picked = [e for intent in INTENTS for e in [x for x in kept if x.intent == intent][:40]]
    return NluData(examples=picked, synonyms=data.synonyms, lookups=data.lookups)


@pytest.mark.slow
def test_the_order_of_the_training_data_does_not_change_the_model(small_data: NluData) -> None:
    """With stochastic training one sentence added anywhere moved short messages from one
    intent to another; the optimum depends on the data alone."""
    shuffled = list(small_data.examples)
    random.Random(3).shuffle(shuffled)
    one = Interpreter(pipeline.train_pipeline(small_data))
    other = Interpreter(
        pipeline.train_pipeline(NluData(shuffled, small_data.synonyms, small_data.lookups))
    )
    texts = [e.text for e in held_out_data(INTENTS_DIR).examples if e.intent in INTENTS]
    texts += ["prevented", "which ones?", "and?", "hi", "what causes it"]
    for text in texts:
        a, b = one.parse(text)["intent_ranking"], other.parse(text)["intent_ranking"]
        assert [s["name"] for s in a][:2] == [s["name"] for s in b][:2], text
        for x, y in zip(a, b, strict=True):
            assert x["confidence"] == pytest.approx(y["confidence"], abs=1e-3), text


@pytest.mark.slow
def test_the_fit_reads_its_own_training_sentences(small_data: NluData) -> None:
    """Fitted to the optimum, a lightly regularised linear model gets (nearly all) of the
    sentences it was fitted on: a fit that stopped early or wrote its weights to the wrong
    columns would not."""
    interpreter = Interpreter(pipeline.train_pipeline(small_data))
    right = sum(
        interpreter.parse(e.text)["intent_ranking"][0]["name"] == e.intent
        for e in small_data.examples
    )
    assert right >= 0.97 * len(small_data.examples)
