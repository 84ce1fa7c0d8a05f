"""Asking and telling: slot filling reads what a patient tells; a question pauses the form."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlu.questions import (
    announces_question,
    asked_term,
    asks,
    asks_next_step,
    asks_to_repeat,
    asks_where,
    asks_why_asked,
    denied_after,
    elliptical_question,
    follows_up,
    hedged,
    is_question,
    last_clause_question_start,
    last_question_start,
    leading_answer,
    leading_unsure,
    not_english,
    of_someone_else,
    pain_score,
    question_start,
    tells,
    tells_only_degree,
    tells_only_when,
)


@pytest.mark.parametrize(
    ("text", "question", "asking"),
    [
        ("does calcinosis usually hurt?", True, True),
        ("can it spread", True, True),
        ("they dont hurt though, is that normal?", False, True),
        ("i have raynauds, does that count", False, True),
        ("its not painful", False, False),
        ("kind of, it's sore when i press it", False, False),
        ("it's a bit sore but no chest pain or anything", False, False),
        ("what?", True, True),
        ("ok and is it serious", True, True),
        ("", False, False),
    ],
)
def test_what_asks_and_what_only_tells(text: str, question: bool, asking: bool) -> None:
    assert is_question(text) is question
    assert asks(text) is asking


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes its hard like a stone", True),
        ("Yeah, it hurts when I press it", True),
        ("no conditions", False),
        ("nah none of those", False),
        ("kinda", True),
        ("sort of, its tender sometimes", True),
        ("a little when i press it", True),
        ("yes, how is it treated?", None),
        ("not sure", None),
        ("i don't know", None),
        ("nobody told me", None),
        ("no idea", None),
        ("nah, not sure", None),
        ("no, not really", False),
        ("yes please tell me about treatment", None),
        ("yeah and explain the causes", None),
        ("ok then no", False),
        ("well, yes", True),
        ("ok", None),
        ("", None),
    ],
)
def test_a_reply_that_starts_with_yes_or_no(text: str, expected: bool | None) -> None:
    assert leading_answer(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dunno, never been tested for anything", True),
        ("not sure tbh", True),
        ("i dont know", True),
        ("No idea, sorry", True),
        ("i don't know what causes it", False),
        ("not sure, is it serious?", False),
        ("no it doesnt hurt", False),
        ("lupus", False),
    ],
)
def test_a_reply_that_starts_unsure(text: str, expected: bool) -> None:
    assert leading_unsure(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he came off his bike a few weeks back", True),
        ("she cries when you touch them", True),
        ("how do they treat it", False),
        ("is it cancer", False),
        ("i'd like to know about the treatment", False),
        ("treatment info please", False),
        ("tell me the causes", False),
        ("where does it come from", False),
    ],
)
def test_what_tells_without_asking_or_requesting(text: str, expected: bool) -> None:
    assert tells(text) is expected


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        ("maybe lupus? not diagnosed", "lupus", True),
        ("i think i might have RA but nobody has diagnosed it", "RA", True),
        ("my doctor mentioned something about lupus once but never confirmed", "lupus", True),
        ("scleroderma i think", "scleroderma", True),
        ("possibly dermatomyositis, waiting for tests", "dermatomyositis", True),
        ("i have lupus", "lupus", False),
        ("yes rheumatoid arthritis since 2015", "rheumatoid arthritis", False),
        ("i was diagnosed with lupus in 2010", "lupus", False),
        ("lupus. not sure what else you need", "lupus", False),
        ("i have lupus and im not sure about anything else", "lupus", False),
    ],
)
def test_a_condition_only_suspected(text: str, named: str, expected: bool) -> None:
    start = text.index(named)
    assert hedged(text, start, start + len(named)) is expected


@pytest.mark.parametrize(
    ("asks_it", "text", "expected"),
    [
        # the last reply again, and nothing else
        (asks_to_repeat, "sorry can you repeat that", True),
        (asks_to_repeat, "say that again please", True),
        (asks_to_repeat, "pardon?", True),
        (asks_to_repeat, "what did you just say", True),
        (asks_to_repeat, "could you repeat the last part please", True),
        (asks_to_repeat, "can you repeat what you said about tenderness", False),
        (asks_to_repeat, "does it repeat itself in other places", False),
        (asks_to_repeat, "will the lump come again after surgery", False),
        # why the bot asks
        (asks_why_asked, "why do you need to know?", True),
        (asks_why_asked, "why r u asking", True),
        (asks_why_asked, "what has that got to do with anything", True),
        (asks_why_asked, "why all these questions", True),
        (asks_why_asked, "why does that matter", True),
        (asks_why_asked, "why does it hurt", False),
        (asks_why_asked, "why is my lump hard", False),
        (asks_why_asked, "what does that mean", False),
        (asks_why_asked, "why?", True),
        (asks_why_asked, "but how come", True),
        (asks_why_asked, "which ones?", False),
        # what comes next
        (asks_next_step, "what does that mean for me?", True),
        (asks_next_step, "so what does that mean", True),
        (asks_next_step, "what now?", True),
        (asks_next_step, "ok so what should i do now", True),
        (asks_next_step, "what does that mean for my kidneys?", True),
        (asks_next_step, "what does calcinosis mean", False),
        (asks_next_step, "what should i do about the pain in my chest", False),
        # a question announced, not yet asked
        (announces_question, "I have a question about calcinosis", True),
        (announces_question, "quick question about calcium deposits", True),
        (announces_question, "can i ask you something?", True),
        (announces_question, "i have a question, is it cancer?", False),
        (announces_question, "i have a hard lump on my elbow", False),
        # written in another language
        (not_english, "hola, tengo un bulto duro en el dedo", True),
        (not_english, "que es la calcinosis", True),
        (not_english, "ich habe einen Knoten am Finger", True),
        (not_english, "sí, me duele", True),
        (not_english, "i have a lump on my elbow, is it the same as el nino lol", False),
        (not_english, "my friend is from spain, que pasa", False),
        (not_english, "what is calcinosis", False),
        # asked of the bot in English, or in the language itself
        (not_english, "do you speak spanish", True),
        (not_english, "can i ask in polish?", True),
        (not_english, "is there a spanish version", True),
        (not_english, "spanish please", True),
        (not_english, "¿hablas español?", True),
        (not_english, "parlez-vous français ?", True),
        (not_english, "what language do they speak in brazil", False),
        (not_english, "my mum only speaks spanish, can you explain calcinosis simply", False),
        (not_english, "do you speak to doctors", False),
        (not_english, "is there a treatment option", False),
        # a short follow-up
        (follows_up, "and tiredness?", True),
        (follows_up, "what about fever?", True),
        (follows_up, "what about my son, he has lumps on both of his knees", False),
        (follows_up, "tiredness?", False),
        # said with a body site: whether it forms there
        (asks_where, "can it affect the hands?", True),
        (asks_where, "what about the kidneys?", True),
        (asks_where, "hands?", True),
        (asks_where, "can you get it on your elbow", True),
        (asks_where, "can calcinosis cause kidney problems?", False),
        (asks_where, "why does my finger hurt so much", False),
    ],
)
def test_asking_about_the_questions_or_what_comes_next(
    asks_it: Callable[[str], bool], text: str, expected: bool
) -> None:
    assert asks_it(text) is expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("which ones?", None),
        ("so why?", "why"),
        ("ok, why is that?", "why is that"),
        ("but how come", "how come"),
        ("like what?", None),
        ("such as?", None),
        ("how?", None),
        ("can you give me some examples?", None),
    ],
)
def test_a_question_of_the_last_answer_with_no_words_of_its_own(text: str, why: str | None) -> None:
    asked = elliptical_question(text)
    assert asked is not None
    assert asked.group("why") == why


@pytest.mark.parametrize(
    "text",
    [
        "why do i get lumps",
        "which medicines?",
        "what kind of doctor should i see",
        "what does that mean",
    ],
)
def test_a_question_with_words_of_its_own(text: str) -> None:
    assert elliptical_question(text) is None


@pytest.mark.parametrize(
    ("text", "when", "score", "degree"),
    [
        ("about 3 weeks ago", True, None, False),
        ("since christmas", True, None, False),
        ("its been 2 weeks", True, None, False),
        ("7/10", False, 7, False),
        ("about a 6", False, 6, False),
        ("0", False, 0, False),
        ("12", False, None, False),
        ("a bit, sometimes", False, None, True),
        ("yes sometimes", False, None, False),
        ("it hurts", False, None, False),
    ],
)
def test_what_a_reply_says_that_no_question_asks(
    text: str, when: bool, score: int | None, degree: bool
) -> None:
    assert tells_only_when(text) is when
    assert pain_score(text) == score
    assert tells_only_degree(text) is degree


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("what is vasculitis?", "vasculitis"),
        (
            "whats membranoproliferative glomerulonephritis",
            "membranoproliferative glomerulonephritis",
        ),
        ("what does palpable mean", "palpable"),
        ("and vasculitis?", "vasculitis"),
        ("what about the granulomas", "granulomas"),
        ("what is vasculitis and how is it treated", None),
    ],
)
def test_the_word_a_message_asks_of(text: str, term: str | None) -> None:
    assert asked_term(text) == term


def asked_part(find: Callable[[str], int | None], text: str) -> str | None:
    """The part of ``text`` from where ``find`` says the question starts."""
    start = find(text)
    return None if start is None else text[start:]


@pytest.mark.parametrize(
    ("find", "text", "asked"),
    [
        # after something else, in the same sentence or the next
        (question_start, "no thanks i don't want questions, just tell me what causes it",
         "tell me what causes it"),
        (question_start, "stop asking me things and explain the treatment",
         "explain the treatment"),
        (question_start, "I'm done with the questions. Is it cancer?", "Is it cancer?"),
        (question_start, "enough questions but how do i prevent it", "how do i prevent it"),
        (question_start, "stop", None),
        (question_start, "no more questions please", None),
        (question_start, "stop, i dont know what to say", None),
        (question_start, "i dont want to tell you what conditions i have", None),
        # the last sentence, when it asks
        (last_question_start, "I have a hard lump on my finger. When should I see a doctor?",
         "When should I see a doctor?"),
        (last_question_start, "im 34 and have lumps on my fingers. why does this happen",
         "why does this happen"),
        (last_question_start, "Hello! My elbow has a lump. Is it cancer?", "Is it cancer?"),
        (last_question_start, "I have a hard lump on my finger. It is tender.", None),
        (last_question_start, "When should I see a doctor?", None),
        (last_question_start, "I have a lump. what is that material. it hurts", None),
        (last_clause_question_start, "i have a lump on my knee, how do i get rid of it",
         "how do i get rid of it"),
        (last_clause_question_start, "It hurts. My knee has a lump; is it cancer", "is it cancer"),
        (last_clause_question_start, "i have a lump on my knee, it is sore", None),
        (last_clause_question_start, "how do i treat it", None),
        # only the last sentence's clauses: an earlier one's question is no clause of it
        (last_clause_question_start, "my knee, is it cancer? It hurts.", None),
    ],
)  # fmt: skip
def test_where_the_question_starts(
    find: Callable[[str], int | None], text: str, asked: str | None
) -> None:
    assert asked_part(find, text) == asked


@pytest.mark.parametrize(
    ("text", "named", "entity", "expected"),
    [
        ("they tested me for lupus once and it was negative", "lupus", "condition", True),
        ("my sister has lupus but I don't", "lupus", "condition", True),
        ("my mum has rheumatoid arthritis, not me", "rheumatoid arthritis", "condition", True),
        ("scleroderma was ruled out", "scleroderma", "condition", True),
        ("it used to hurt but not anymore", "hurt", "symptom", True),
        ("i have lupus but i dont know if it matters", "lupus", "condition", False),
        ("i have lupus. my sister doesn't", "lupus", "condition", False),
        # a test result after a symptom is of the test, not the lump
        ("i have a lump on my elbow, the x-ray was normal", "lump", "symptom", False),
        ("my lump is no longer painful", "lump", "symptom", False),
    ],
)
def test_what_is_denied_after_it_is_named(
    text: str, named: str, entity: str, expected: bool
) -> None:
    assert denied_after(text, text.index(named) + len(named), entity) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my son has a hard lump on his knee", True),
        ("i look after my mum and her calcium lumps bother her", True),
        ("she has white bits on her fingers", True),
        ("im worried about my dad, he has hard bumps", True),
        ("mum got calcinosis on her fingertips, hurts her a lot", True),
        ("dad has these white bumps", True),
        ("i have a hard lump on my finger", False),
        ("my mum says i have a lump", False),
        ("hard lump on my knee, her doctor said it could be calcium", False),
        ("there is a lump on my elbow", False),
    ],
)
def test_whose_lump_a_message_tells_of(text: str, expected: bool) -> None:
    """The questions ask a carer about the one they speak for, and a patient about themselves."""
    assert of_someone_else(text) is expected
