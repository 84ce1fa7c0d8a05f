"""The intent classifier scores served messages from kept weight rows (bot/nlu/textcat.py):
the same scores thinc's layers give, for the trained model and after any change of weights."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline.textcat import TextCategorizer
from spacy.training import Example

from bot.config import INTENTS_DIR
from bot.nlu.data import held_out_data
from bot.nlu.textcat import IntentCategorizer

# scores are float32 sums taken in another order than thinc's
TOLERANCE = 1e-5
BAG_OF_FEATURES = {
    "@architectures": "calcibot.TextCatBagOfFeatures.v1",
    "exclusive_classes": True,
    "ngram_size": 2,
    "char_min": 4,
    "char_max": 5,
    "length": 4096,
}
TRAINING = [
    ("what causes calcinosis", "ask_causes"),
    ("why do calcium deposits form", "ask_causes"),
    ("how is calcinosis treated", "ask_treatment"),
    ("can the deposits be removed", "ask_treatment"),
    ("hello there", "greet"),
    ("hi", "greet"),
]
TEXTS = [
    "what makes calcium deposits",
    "treatment for the lumps please",
    "hello, how are you",
    "",
    "calcinossis calcinossis calcinossis",
    "a message of many words " * 40,
]


def small_pipeline(model: dict[str, Any], feature_rows: int = 100) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("calcibot_textcat", config={"model": model, "feature_rows": feature_rows})
    labels = sorted({intent for _, intent in TRAINING})
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": {i: float(i == intent) for i in labels}})
        for text, intent in TRAINING
    ]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(3):
        nlp.update(examples, sgd=optimizer)
    return nlp


def scores_both_ways(textcat: IntentCategorizer, docs: list[Any]) -> tuple[Any, Any]:
    """The component's scores and those of spaCy's TextCategorizer, which go through thinc,
    for each doc alone and for all of them at once."""
    kept = numpy.concatenate([textcat.predict([doc]) for doc in docs] + [textcat.predict(docs)])
    thinc = numpy.concatenate(
        [TextCategorizer.predict(textcat, [doc]) for doc in docs]
        + [TextCategorizer.predict(textcat, docs)]
    )
    return kept, thinc


def test_the_trained_classifier_serves_through_kept_rows(trained: Language) -> None:
    textcat = trained.get_pipe("textcat")
    assert isinstance(textcat, IntentCategorizer)
    trained("what causes calcinosis")
    rows = textcat.rows()
    assert rows is not None
    assert len(rows) > 0


def test_kept_rows_give_thincs_scores_for_every_held_out_sentence(trained: Language) -> None:
    textcat = trained.get_pipe("textcat")
    texts = [example.text for example in held_out_data(INTENTS_DIR).examples]
    before = trained.pipe_names[: trained.pipe_names.index("textcat")]
    with trained.select_pipes(enable=before):
        docs = list(trained.pipe(texts))
    kept, thinc = scores_both_ways(textcat, docs)
    assert kept.shape == thinc.shape == (2 * len(docs), len(textcat.labels))
    assert numpy.abs(kept - thinc).max() < TOLERANCE
    assert (kept.argmax(axis=1) == thinc.argmax(axis=1)).all()


def test_doc_cats_are_set_as_spacys_text_categorizer_sets_them(trained: Language) -> None:
    doc = trained("i have a hard lump on my finger")
    textcat = trained.get_pipe("textcat")
    expected = textcat.model.predict([doc])[0]
    assert list(doc.cats) == list(textcat.labels)
    assert all(isinstance(value, float) for value in doc.cats.values())
    assert numpy.abs(numpy.array(list(doc.cats.values())) - expected).max() < TOLERANCE


def test_updates_drop_the_kept_rows() -> None:
    nlp = small_pipeline(BAG_OF_FEATURES)
    textcat = nlp.get_pipe("calcibot_textcat")
    docs = [nlp.make_doc(text) for text in TEXTS]
    kept, thinc = scores_both_ways(textcat, docs)
    assert numpy.abs(kept - thinc).max() < TOLERANCE
    assert textcat.rows() is not None
    labels = textcat.labels
    example = Example.from_dict(
        nlp.make_doc("what makes calcium deposits"),
        {"cats": {label: float(label == "greet") for label in labels}},
    )
    optimizer = nlp.resume_training()
    for _ in range(5):  # teach it a wrong answer: the scores must follow
        nlp.update([example], sgd=optimizer)
    kept_after, thinc_after = scores_both_ways(textcat, docs)
    assert numpy.abs(thinc_after - thinc).max() > 0.01
    assert numpy.abs(kept_after - thinc_after).max() < TOLERANCE


def test_loading_weights_drops_the_kept_rows() -> None:
    first = small_pipeline(BAG_OF_FEATURES)
    other = small_pipeline({**BAG_OF_FEATURES, "ngram_size": 1})
    textcat = first.get_pipe("calcibot_textcat")
    docs = [first.make_doc(text) for text in TEXTS]
    textcat.predict(docs)
    textcat.from_bytes(other.get_pipe("calcibot_textcat").to_bytes())
    kept, thinc = scores_both_ways(textcat, docs)
    assert numpy.abs(kept - thinc).max() < TOLERANCE


def test_the_rows_are_bounded_and_a_doc_longer_than_them_goes_through_thinc() -> None:
    nlp = small_pipeline(BAG_OF_FEATURES, feature_rows=12)
    textcat = nlp.get_pipe("calcibot_textcat")
    docs = [nlp.make_doc(f"{text} {n}") for n in range(30) for text in TEXTS]
    kept, thinc = scores_both_ways(textcat, docs)
    assert numpy.abs(kept - thinc).max() < TOLERANCE
    rows = textcat.rows()
    assert rows is not None
    sizes = []
    for doc in docs:
        textcat.predict([doc])
        sizes.append(len(rows))
    assert 0 < max(sizes) <= 12
    assert any(later < earlier for earlier, later in pairwise(sizes))  # started again


def test_a_model_of_another_architecture_goes_through_thinc() -> None:
    bow = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 1,
        "no_output_layer": False,
    }
    nlp = small_pipeline(bow)
    textcat = nlp.get_pipe("calcibot_textcat")
    assert textcat.rows() is None
    doc = nlp("what makes calcium deposits")
    assert max(doc.cats, key=doc.cats.__getitem__) == "ask_causes"
