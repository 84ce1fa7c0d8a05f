"""Which questions ask for a dose or for advice about a medicine (never given)."""

from __future__ import annotations

import pytest

from bot.safety.medicines import asks_for_medicine_advice

ASKS = [
    "what dose of diltiazem should i take for calcinosis",
    "how many mg of sodium thiosulfate",
    "how many mg of ibuprofen can i take",
    "is 400mg of ibuprofen ok",
    "how much calcium should i take a day to get rid of it",
    "how many tablets do i take",
    "what's the right dose for my mum",
    "can i take ibuprofen for the pain",
    "can i take vitamin d for this",
    "is it safe to take calcium supplements with calcinosis",
    "should i stop taking my steroids",
    "should i stop my meds to avoid calcinosis",
    "can my husband come off his warfarin",
    "what dosage is normal",
]
DOES_NOT_ASK = [
    "why dose calcinosis even happen to people",
    "where dose calsification occur",
    "can we skip this part",
    "can i double check this somewhere",
    "should i take my dog to the vet for calcinosis",
    "can i take a photo of the lump",
    "how many people have calcinosis",
    "can i stop the lumps getting bigger",
    "how do they take out calcium deposits",
    "what medicines are used to treat calcinosis",
    "can long term use of certain medicines cause calcinosis",
]


@pytest.mark.parametrize("text", ASKS)
def test_a_question_about_a_dose_or_a_medicine_is_recognised(text: str) -> None:
    assert asks_for_medicine_advice(text)


@pytest.mark.parametrize("text", DOES_NOT_ASK)
def test_other_questions_are_left_alone(text: str) -> None:
    assert not asks_for_medicine_advice(text)
