"""The intent classifier's component: spaCy's text categorizer, scoring served messages from
the weight rows of their features, each looked up once and kept.

The classifier is linear: a message's scores are the bias plus, for every feature key, its
count times the key's weights (two hashed columns of W). thinc works that out for every
message through eight nested layers (chain, with_cpu, resizable...), whose calls cost more than
the sums themselves; a word has the same keys every time it is seen, so the sum of its weights
is looked up once and kept.
Training, and a model of any other architecture, go through thinc; a test checks that both
ways give the same scores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline.textcat import TextCategorizer, textcat_score
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.api import Model

from bot.nlu.architectures import FeatureKeys

FEATURE_ROWS = 20_000  # words and word n-grams whose summed weights are kept (2.3 MB)
EMERGENCY = "emergency"
ORDINARY = "ordinary"


class FeatureRows:
    """The summed weights of words (a word's NORM and its character n-grams) and of word
    n-grams, one row each in a table of ``capacity`` rows. Bounded: a full table starts
    again empty, so a stream of new words (numbers, typos) cannot grow it."""

    def __init__(self, keys: FeatureKeys, linear: Model[Any, Any], capacity: int) -> None:
        self.keys = keys
        self.linear = linear
        self.bias = linear.get_param("b")
        self.table = numpy.zeros((capacity, self.bias.shape[-1]), dtype="f")
        self.words: dict[int, int] = {}
        self.ngrams: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self.words) + len(self.ngrams)

    def scores(self, doc: Doc) -> Any | None:
        """The doc's scores before the output layer, or None when it has more features than
        the table holds."""
        norms = self.keys.norms(doc)
        words = norms.tolist()
        ngrams = self.keys.ngrams(norms)
        known = all(w in self.words for w in words) and all(k in self.ngrams for k in ngrams)
        if not known and not self._look_up(words, ngrams, doc.vocab.strings):
            return None
        rows = [self.words[w] for w in words]
        rows += [self.ngrams[k] for k in ngrams]
        return self.table[rows].sum(axis=0) + self.bias

    def _look_up(self, words: list[int], ngrams: list[int], strings: StringStore) -> bool:
        """Rows for the words and n-grams not yet kept, summed by the linear layer itself (one
        call), so they hash as it does; False when they are more than the table holds."""
        new_words = [w for w in dict.fromkeys(words) if w not in self.words]
        new_ngrams = [k for k in dict.fromkeys(ngrams) if k not in self.ngrams]
        if len(self) + len(new_words) + len(new_ngrams) > len(self.table):
            self.words.clear()
            self.ngrams.clear()
            new_words = list(dict.fromkeys(words))
            new_ngrams = list(dict.fromkeys(ngrams))
            if len(new_words) + len(new_ngrams) > len(self.table):
                return False
        groups = [self.keys.of_word(w, strings) for w in new_words]
        groups += [(k,) for k in new_ngrams]
        keys = numpy.fromiter(chain.from_iterable(groups), dtype="uint64")
        lengths = numpy.fromiter(map(len, groups), dtype="int32", count=len(groups))
        sums = self.linear.predict((keys, numpy.ones(len(keys), dtype="f"), lengths))
        start = len(self)
        middle = start + len(new_words)
        self.table[start : middle + len(new_ngrams)] = sums - self.bias
        self.words.update(zip(new_words, range(start, middle), strict=True))
        self.ngrams.update(zip(new_ngrams, range(middle, middle + len(new_ngrams)), strict=True))
        return True


def softmax(scores: Any) -> Any:
    exp = numpy.exp(scores - scores.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)


def logistic(scores: Any) -> Any:
    return 1.0 / (1.0 + numpy.exp(-scores))


class IntentCategorizer(TextCategorizer):
    """spaCy's TextCategorizer, predicting through ``FeatureRows`` when its model is the bag of
    features. The rows are dropped whenever the weights may change (initialize, update,
    finish_update, rehearse, add_label, use_params, from_bytes, from_disk)."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model[Any, Any],
        name: str = "textcat",
        *,
        threshold: float,
        scorer: Callable[..., dict[str, Any]] | None = textcat_score,
        feature_rows: int = FEATURE_ROWS,
    ) -> None:
        super().__init__(vocab, model, name, threshold=threshold, scorer=scorer)
        self.feature_rows = feature_rows
        self._rows: FeatureRows | None = None

    def rows(self) -> FeatureRows | None:
        """The kept rows of the current weights; None for a model of another architecture."""
        if self._rows is None and self.feature_rows and self.model.has_ref("features"):
            keys = self.model.get_ref("features").attrs["keys"]
            self._rows = FeatureRows(keys, self.model.get_ref("output_layer"), self.feature_rows)
        return self._rows

    def forget_rows(self) -> None:
        self._rows = None

    def predict(self, docs: Iterable[Doc]) -> Any:
        docs = list(docs)
        rows = self.rows()
        if rows is None or not any(len(doc) for doc in docs):
            return super().predict(docs)
        scores = []
        for doc in docs:
            one = rows.scores(doc)
            if one is None:  # longer than the table: thinc's way
                return super().predict(docs)
            scores.append(one)
        activation = logistic if self.model.attrs.get("multi_label") else softmax
        return activation(numpy.stack(scores))

    def set_annotations(self, docs: Iterable[Doc], scores: Any) -> None:
        labels = self.labels
        for doc, row in zip(docs, scores.tolist(), strict=False):
            doc.cats.update(zip(labels, row, strict=True))

    # every way spaCy changes the weights drops the rows first
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]],
        *,
        nlp: Language | None = None,
        labels: Iterable[str] | None = None,
        positive_label: str | None = None,
    ) -> None:
        self.forget_rows()  # spaCy validates the settings against this signature
        super().initialize(get_examples, nlp=nlp, labels=labels, positive_label=positive_label)

    def update(self, *args: Any, **kwargs: Any) -> dict[str, float]:
        self.forget_rows()
        return super().update(*args, **kwargs)  # type: ignore[no-any-return]

    def rehearse(self, *args: Any, **kwargs: Any) -> dict[str, float]:
        self.forget_rows()
        return super().rehearse(*args, **kwargs)  # type: ignore[no-any-return]

    def finish_update(self, *args: Any, **kwargs: Any) -> None:
        self.forget_rows()
        super().finish_update(*args, **kwargs)

    def add_label(self, label: str) -> int:
        self.forget_rows()
        return int(super().add_label(label))

    @contextmanager
    def use_params(self, params: dict[Any, Any]) -> Iterator[None]:
        self.forget_rows()
        try:
            with super().use_params(params):
                yield
        finally:
            self.forget_rows()

    def from_bytes(self, *args: Any, **kwargs: Any) -> IntentCategorizer:
        self.forget_rows()
        return super().from_bytes(*args, **kwargs)  # type: ignore[no-any-return]

    def from_disk(self, *args: Any, **kwargs: Any) -> IntentCategorizer:
        self.forget_rows()
        return super().from_disk(*args, **kwargs)  # type: ignore[no-any-return]


@Language.factory(
    "calcibot_textcat",
    assigns=["doc.cats"],
    default_config={
        "threshold": 0.0,
        "scorer": {"@scorers": "spacy.textcat_scorer.v2"},
        "feature_rows": FEATURE_ROWS,
    },
    default_score_weights={"cats_score": 1.0},
)
def make_intent_categorizer(
    nlp: Language,
    name: str,
    *,
    model: Model[Any, Any],
    threshold: float,
    scorer: Callable[..., dict[str, Any]] | None,
    feature_rows: int,
) -> IntentCategorizer:
    return IntentCategorizer(
        nlp.vocab,
        model,
        name,
        threshold=threshold,
        scorer=scorer,
        feature_rows=feature_rows,
    )


if not Doc.has_extension("danger"):
    Doc.set_extension("danger", default=None)


class DangerDetector(IntentCategorizer):
    """A second bag of features that reads one thing: whether a message tells of an
    emergency. It learns from the intents' own messages and from `intents/danger/`:
    emergencies told by their situation ("the rope is in the boot and im driving to the
    woods"), which no phrase names, against ordinary messages with the same words (a past
    overdose, a film, a shift on a ward). The intent classifier learns thirty things at once
    from few such messages; this one learns the one that cannot be missed.

    Its verdict goes into `doc._.danger`. At ``confident`` or more it also raises the
    intent classifier's `emergency` score in `doc.cats` to that confidence, the other scores
    scaled down to share the rest, so every reader of a message's scores (the fallback, the
    safety gate) sees one verdict. Below it, `doc.cats` is left as the intent classifier
    wrote it. The parts of a message the gate reads alone (`Interpreter.scores`) are read by
    the intent classifier only: the gate's bar for them is set on its scores."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model[Any, Any],
        name: str = "danger",
        *,
        threshold: float,
        confident: float,
        scorer: Callable[..., dict[str, Any]] | None = textcat_score,
        feature_rows: int = FEATURE_ROWS,
    ) -> None:
        super().__init__(
            vocab, model, name, threshold=threshold, scorer=scorer, feature_rows=feature_rows
        )
        self.confident = confident

    def set_annotations(self, docs: Iterable[Doc], scores: Any) -> None:
        column = list(self.labels).index(EMERGENCY)
        for doc, row in zip(docs, scores.tolist(), strict=False):
            danger = float(row[column])
            doc._.danger = danger
            cats = doc.cats
            before = cats.get(EMERGENCY, 0.0)
            if danger < self.confident or before >= danger:
                continue
            scale = (1.0 - danger) / (1.0 - before) if before < 1.0 else 0.0
            for label in cats:
                cats[label] *= scale
            cats[EMERGENCY] = danger


@Language.factory(
    "calcibot_danger",
    assigns=["doc._.danger", "doc.cats"],
    default_config={
        "threshold": 0.0,
        "confident": 0.8,
        "scorer": {"@scorers": "spacy.textcat_scorer.v2"},
        "feature_rows": FEATURE_ROWS,
    },
    default_score_weights={"cats_score": None},
)
def make_danger_detector(
    nlp: Language,
    name: str,
    *,
    model: Model[Any, Any],
    threshold: float,
    confident: float,
    scorer: Callable[..., dict[str, Any]] | None,
    feature_rows: int,
) -> DangerDetector:
    return DangerDetector(
        nlp.vocab,
        model,
        name,
        threshold=threshold,
        confident=confident,
        scorer=scorer,
        feature_rows=feature_rows,
    )
