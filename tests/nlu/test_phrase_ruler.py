"""The entity ruler matches phrases without spaCy's per-doc bookkeeping (bot/nlu/phrase_ruler.py),
and finds the same matches, in the same order, as spaCy's own `EntityRuler.match`."""

from __future__ import annotations

import warnings

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from bot.config import INTENTS_DIR
from bot.nlu.data import held_out_data
from bot.nlu.phrase_ruler import PhraseRuler

TEST_SETS = ("nlu.yml", "typos.yml", "negation.yml")


def test_the_trained_ruler_holds_phrase_patterns_only(trained: Language) -> None:
    ruler = trained.get_pipe("entity_ruler")
    assert isinstance(ruler, PhraseRuler)
    assert len(ruler.phrase_patterns) > 50
    assert not ruler.token_patterns  # so every served doc takes the phrase-only path


def test_the_same_matches_as_spacys_entity_ruler_for_every_test_sentence(
    trained: Language,
) -> None:
    ruler = trained.get_pipe("entity_ruler")
    texts = [e.text for name in TEST_SETS for e in held_out_data(INTENTS_DIR, name).examples]
    assert len(texts) > 500
    found = 0
    with trained.select_pipes(enable=["normalizer", "sentencizer"]):
        for text in texts:
            doc = trained(text)
            ours = ruler.match(doc)
            assert ours == EntityRuler.match(ruler, doc), text
            found += len(ours)
    assert found > len(texts) / 2  # the sentences are full of terms


def ruler_with(patterns: list[dict[str, object]]) -> tuple[Language, PhraseRuler]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("calcibot_entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    assert isinstance(ruler, PhraseRuler)
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_overlapping_phrases_keep_the_longest_as_spacy_does() -> None:
    nlp, _ = ruler_with(
        [
            {"label": "symptom", "pattern": "lump"},
            {"label": "symptom", "pattern": "hard lump"},
            {"label": "body_site", "pattern": "finger"},
            {"label": "body_site", "pattern": "Finger tip"},
        ]
    )
    doc = nlp("A hard lump on my finger tip, another lump")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("hard lump", "symptom"),
        ("finger tip", "body_site"),
        ("lump", "symptom"),
    ]


def test_token_patterns_go_through_spacys_own_match() -> None:
    nlp, ruler = ruler_with(
        [
            {"label": "symptom", "pattern": "lump"},
            {"label": "duration", "pattern": [{"LIKE_NUM": True}, {"LOWER": "weeks"}]},
        ]
    )
    doc = nlp("a lump for 3 weeks")
    assert ruler.match(doc) == EntityRuler.match(ruler, doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("lump", "symptom"), ("3 weeks", "duration")]


def test_an_empty_ruler_warns_as_spacys_does() -> None:
    nlp, _ = ruler_with([])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = nlp("a lump")
    assert not doc.ents
    assert any("W036" in str(w.message) for w in caught)
