"""Grounding (DESIGN.md §4.2): every fact rests on verbatim source text, and covers it all."""

from __future__ import annotations

import re

import pytest

from bot.actions.answers import HOW_SERIOUS
from bot.actions.knowledge import INTENT_TOPIC, WordIndex, knowledge
from bot.config import INTENTS_DIR, SOURCE_FILE, load_clinic
from bot.content.facts import TOPICS, FactBase, source_sentences
from bot.nlu.components import build_entity_patterns
from bot.nlu.questions import asked_term


def test_the_source_is_kept_unchanged() -> None:
    text = SOURCE_FILE.read_text(encoding="utf-8")
    assert text.startswith("Calcinosis\n")
    assert (
        "If you suspect calcification, you should see a doctor for diagnosis and treatment." in text
    )


def test_every_fact_source_is_a_verbatim_substring_of_the_source() -> None:
    assert FactBase.load().unverbatim() == []


def test_every_source_sentence_is_covered_by_a_fact() -> None:
    facts = FactBase.load()
    assert len(source_sentences(facts.source_text)) >= 20
    assert facts.uncovered_sentences() == []


def test_a_fact_with_invented_source_text_is_caught(tmp_path) -> None:
    facts = FactBase.load()
    forged = tmp_path / "facts.yml"
    forged.write_text(
        "facts:\n- id: forged\n  topics: [causes]\n  text: Diabetes causes it.\n"
        "  source: Calcinosis is caused by diabetes.\n"
    )
    assert FactBase.load(forged).unverbatim() == ["forged"]
    assert facts.unverbatim() == []


def test_every_question_intent_and_topic_has_a_fact() -> None:
    facts = FactBase.load()
    assert {t for t in TOPICS if not facts.for_topic(t)} == set()
    assert {i for i, t in INTENT_TOPIC.items() if not facts.for_topic(t)} == set()


def test_a_topics_facts_about_what_was_named_come_first() -> None:
    facts = FactBase.load()
    plain = [f.id for f in facts.for_topic("symptoms")]
    assert plain[0] == "symptoms_different_forms"
    about_pain = [f.id for f in facts.for_topic("symptoms", about={"pain"})]
    assert about_pain[:2] == ["symptoms_discomfort_tenderness", "symptoms_no_symptoms_xray"]
    assert sorted(about_pain) == sorted(plain)
    about_lump = facts.for_topic("symptoms", about={"lump"})
    assert about_lump[0].id == "symptoms_visible_palpable_deposits"
    # every value a fact is about is one the entity ruler gives, or how serious it is
    values = {p["id"] for p in build_entity_patterns(INTENTS_DIR)} | {HOW_SERIOUS}
    assert {v for f in facts.facts for v in f.about} <= values


def test_ids_are_unique_and_topics_known() -> None:
    facts = FactBase.load().facts
    assert len({f.id for f in facts}) == len(facts)
    assert {t for f in facts for t in f.topics} <= set(TOPICS)


def test_topic_buttons_exist_for_every_topic() -> None:
    k = knowledge()
    assert set(TOPICS) <= set(k.topics)
    for topic in TOPICS:
        assert k.button(topic)["payload"].startswith("/ask_")


def test_example_clinic_file_loads() -> None:
    from bot.config import DEFAULT_CLINIC_FILE

    clinic = load_clinic(DEFAULT_CLINIC_FILE)
    assert clinic.closing_advice.endswith("diagnosis and treatment.")


def test_what_the_bot_calls_unmentioned_is_not_in_the_source() -> None:
    """Each "the source does not mention ..." topic: none of its words is in the source or in
    the facts' wording, so the note can never contradict the answer it comes with."""
    k = knowledge()
    texts = [k.facts.source_text, *(fact.text for fact in k.facts.facts)]
    found = {u.name: [t for t in texts if u.pattern.search(t.lower())] for u in k.unmentioned}
    assert {name: hits for name, hits in found.items() if hits} == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is calcinosis catching?", ["whether it is contagious"]),
        ("can my kids catch it from me", ["whether it is contagious"]),
        ("can calcinosis make your hair fall out", ["hair loss"]),
        ("whats the icd code for calcinosis", ["diagnostic codes"]),
        ("universalis?", ["calcinosis universalis or circumscripta"]),
        ("i have scleroderma. will i get calcinosis for sure?", ["the chances of getting it"]),
        (
            "my grandma had it, will i get it",
            ["genetics or family history", "the chances of getting it"],
        ),
        ("how painful is calcinosis", ["how painful it is"]),
        ("is calcinosis painful", []),  # the source answers that
        ("can it spread from person to person", ["whether it is contagious"]),
        ("can calcinosis spread to other parts of the body", []),  # the source answers that
        ("will it spread to the rest of her body", ["whether it will spread in one person"]),
        ("can my cat pass calcinosis to me?", ["whether it is contagious"]),
        ("what percentage of calcifications become malignant?", ["figures or percentages"]),
        ("will the lumps go away on their own", ["how long it lasts"]),
        ("can it come back after surgery", ["whether it comes back"]),
        ("should i cut out dairy", ["diet or food"]),
        ("is it genetic, my mum had it", ["genetics or family history"]),
        ("can i squeeze the chalky stuff out", ["removing it yourself"]),
        ("can i cut it out myself", ["removing it yourself"]),
        ("is there a cream for it", ["creams or ointments"]),
        ("is surgery risky", ["the risks of surgery"]),
        ("is there a cure", ["a cure"]),
        ("am i at risk of calcinosis", []),
        # the same words put to other uses
        ("i'm dying to know what causes calcinosis", []),
        ("this question is killing me, is it the same as calcification", []),
        ("which medicine dissolves deposits? can it dissolve them", ["medicines by name"]),
        ("will the deposits dissolve on their own", ["how long it lasts"]),
        ("is calcinosis something you can die from", ["whether it can be fatal"]),
        ("can calcinosis cause itching?", ["itching"]),
        ("does calcinosis make you tired", ["tiredness"]),
        ("im tired of explaining it to people. how do i explain it simply", []),
        # told in passing before a question that does not go back to it: not asked about
        ("my laptop crashed and died today ugh. what is calcinosis", []),
        ("i drowned my sorrows in ice cream last night haha. what treatments are there", []),
        ("im a paediatrician and see croup every winter, does calcinosis affect children", ["age"]),
        ("my dog nearly drowned last summer but hes fine now. can dogs get calcinosis", []),
        # words patients use for what the source does not cover
        ("should i avoid sharing towels with her", ["whether it is contagious"]),
        ("ditch cheese and yoghurt because of my calcinosis?", ["diet or food"]),
        (
            "im in my third trimester, can the deposits hurt my unborn son",
            ["pregnancy or breastfeeding"],
        ),
        ("rubbing vinegar on calcium bumps melts them, legit?", ["natural or home remedies"]),
        ("once a surgeon scoops them out do they regrow?", ["whether it comes back"]),
        ("how many years do people live after a diagnosis", ["whether it can be fatal"]),
        ("how long is the wait on the nhs to get one cut out", ["waiting times"]),
        ("would tuberculosis be one of those infections", ["tuberculosis"]),
        ("do sts infusions work for calcinosis", ["sodium thiosulfate"]),
        ("would turmeric capsules shrink the nodules", ["vitamins or supplements"]),
        ("my physio has me doing theraband rows, is that ok", ["exercise and physical therapy"]),
        ("does medicare chip in for the surgery", ["costs or insurance"]),
        ("derm or rheum, who do i book with", ["specialists or second opinions"]),
        ("im breastfeeding, can the deposits harm my baby", ["pregnancy or breastfeeding", "age"]),
        (
            "our cat has calcinosis and sleeps on my pillow, is that a risk to me",
            ["whether it is contagious"],
        ),
        # and one the question goes back to
        ("i have a tattoo on my arm. can that cause calcinosis?", ["tattoos or piercings"]),
    ],
)
def test_the_topics_a_patient_names_that_the_source_does_not(
    text: str, expected: list[str]
) -> None:
    assert knowledge().unmentioned_in(text) == expected


@pytest.mark.parametrize(
    ("text", "asked", "expected"),
    [
        ("can calcinosis cause breathing problems?", True, ["breathing problems"]),
        (
            "i had a heart attack last year, can that cause it",
            True,
            ["heart attacks or heart disease"],
        ),
        # an alarming word not asked about as a cause or an effect: nothing to say it lacks
        ("i'm not having a stroke lol just asking what calcinosis is", False, []),
        ("no chest pain, no breathing trouble, what causes calcium lumps", False, []),
    ],
)
def test_alarming_words_are_unmentioned_only_when_asked_about(
    text: str, asked: bool, expected: list[str]
) -> None:
    assert knowledge().unmentioned_in(text, red_flag_asked=asked) == expected


@pytest.mark.parametrize(
    ("text", "fact_ids"),
    [
        ("what is membranoproliferative glomerulonephritis", ["complications_immune_complexes"]),
        ("what is vasculitis?", ["complications_immune_complexes"]),
        ("what does palpable mean", ["symptoms_visible_palpable_deposits"]),
        ("whats a granuloma", ["complications_granulomas"]),
        # no term of the source's own: most facts say it, or none does
        ("what is calcinosis", []),
        ("what are the symptoms", []),
        ("what is it", []),
        ("what is the weather", []),
        ("is vasculitis serious", []),
    ],
)
def test_the_facts_that_use_a_word_a_patient_asks_the_meaning_of(
    text: str, fact_ids: list[str]
) -> None:
    """ "what is vasculitis?" reads as out of scope; the fact that names it also glosses it."""
    assert [f.id for f in FactBase.load().explaining(asked_term(text))] == fact_ids


def test_every_fact_has_plainer_words_of_its_own() -> None:
    """ "Simpler please" gets each fact in other, plainer words, never the same sentence."""
    for fact in knowledge().facts.facts:
        assert fact.plain, fact.id
        assert fact.plain != fact.text, fact.id


WORDS = ["heart", "x-ray", "runs in the family", "vitamin d", "'flu", "covid19", "café"]


@pytest.mark.parametrize(
    "text",
    [
        "does it affect the heart",
        "the heartache of it",  # no whole word
        "an x-ray showed it",
        "an x ray showed it",
        "xx-ray",
        "it runs in the family",
        "it reruns in the family",
        "low vitamin d levels",
        "vitamin dd",
        "a bad 'flu",
        "covid19 and lumps",
        "covid19x",
        "met at the café",
        "",
    ],
)
def test_the_word_index_finds_what_one_pattern_of_all_the_words_finds(text: str) -> None:
    """The unmentioned topics' words are looked up, not matched by one long pattern: the same
    answer for single words, phrases, words with marks and words inside other words."""
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in WORDS) + r")\b")
    assert WordIndex(WORDS).search(text) == (pattern.search(text) is not None)
