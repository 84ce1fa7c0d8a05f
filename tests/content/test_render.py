"""Rendering: every template renders, none diagnoses or doses, the advice closes every turn."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.actions.knowledge import knowledge
from bot.config import CLOSING_ADVICE, Clinic
from bot.content.render import BotMessage, Renderer

FORBIDDEN = [
    re.compile(
        r"\byou (have|'ve got|have got|are suffering from) (calcinosis|calcification)", re.I
    ),
    re.compile(r"\byou (definitely|probably|likely) have\b", re.I),
    re.compile(r"\bthis is (calcinosis|calcification)\b", re.I),
    re.compile(r"\b\d+(\.\d+)?\s*(mg|mcg|µg|ml|milligrams?|iu)\b", re.I),
    re.compile(r"\btake \d+", re.I),
    re.compile(r"\b(dose|dosage) of\b", re.I),
]


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(knowledge().facts, Clinic(booking_url="https://clinic.example/book"))


def every_rendering(renderer: Renderer) -> list[tuple[str, str]]:
    """Each template over its variables' plausible values (all facts, notes, categories)."""
    k = knowledge()
    fact_ids = [f.id for f in k.facts.facts]
    notes = [
        [],
        [{"kind": "listed", "name": "systemic lupus erythematosus"}],
        [{"kind": "not_mentioned", "name": "diabetes"}],
        [{"kind": "cause_listed", "name": "injury"}],
        [{"kind": "no_medicine_advice"}, {"kind": "cannot_tell"}],
    ]
    variables = {
        "fact_ids": [fact_ids, fact_ids[:1], []],
        "notes": notes,
        "topic_title": ["its causes"],
        "category": ["chest_pain", "suicide", "other"],
        "intro": [True, False],
    }
    out = []
    for name in renderer.template_names():
        response = name.removesuffix(".txt.j2")
        for combo in itertools.product(*variables.values()):
            values = dict(zip(variables, combo, strict=True))
            if response == "utter_triage_summary":
                values["notes"] = ["The source lists dermatomyositis among these conditions."]
            out.append((response, renderer.render(response, **values)))
    return out


def test_every_template_renders_and_none_diagnoses_or_doses(renderer: Renderer) -> None:
    renderings = every_rendering(renderer)
    assert len({name for name, _ in renderings}) >= 20
    for name, text in renderings:
        for pattern in FORBIDDEN:
            assert not pattern.search(text), f"{name}: {pattern.pattern!r} in {text!r}"


def test_forbidden_phrases_would_be_caught() -> None:
    assert any(p.search("Based on this, you have calcinosis.") for p in FORBIDDEN)
    assert any(p.search("Take 200 mg twice a day.") for p in FORBIDDEN)


def test_emergency_puts_the_number_first(renderer: Renderer) -> None:
    text = renderer.render("utter_emergency", category="chest_pain")
    assert text.index("911") < 40


@pytest.mark.parametrize(
    ("category", "harm_line", "crisis_line"),
    [
        ("suicide", False, True),
        ("other", True, True),
        ("other", False, False),
        ("chest_pain", False, False),
    ],
)
def test_the_crisis_line_when_self_harm_is_named_or_cannot_be_ruled_out(
    renderer: Renderer, category: str, harm_line: bool, crisis_line: bool
) -> None:
    """Category "other": the classifier found an emergency that no red-flag phrase names; the
    action says whether self-harm can be ruled out (``harm_line``)."""
    text = renderer.render("utter_emergency", category=category, harm_line=harm_line)
    assert ("crisis line" in text) is crisis_line
    assert text.startswith("This may be an emergency. Call 911 now")


def test_undefined_variables_fail_loudly(renderer: Renderer) -> None:
    from jinja2 import UndefinedError

    with pytest.raises(UndefinedError):
        renderer.render("utter_answer", fact_ids=["definition_deposition"])


def test_close_turn_appends_the_advice_exactly_once(renderer: Renderer) -> None:
    messages = [BotMessage(text="first"), BotMessage(text="second")]
    closed = renderer.close_turn(messages)
    assert closed[0]["text"] == "first"
    assert closed[-1]["text"] == f"second\n\n{CLOSING_ADVICE}"
    assert renderer.close_turn(closed)[-1]["text"].count(CLOSING_ADVICE) == 1
    assert renderer.close_turn([])[-1]["text"] == CLOSING_ADVICE


def test_links_come_only_from_the_clinic_file(renderer: Renderer) -> None:
    message = renderer.message({"text": "x", "custom": {"links": ["booking", "phone", "evil"]}})
    assert message is not None
    urls = [link["url"] for link in message["custom"]["links"]]
    assert urls == ["https://clinic.example/book", "tel:+15550100"]


def test_a_render_is_kept_for_the_same_variables(renderer: Renderer) -> None:
    """Rendered once per response and variables; other variables get their own text."""
    first = renderer.render("utter_emergency", category="chest_pain")
    again = renderer.render("utter_emergency", category="chest_pain")
    other = renderer.render("utter_emergency", category="suicide")
    assert again == first != other
    assert (renderer.renders.hits, renderer.renders.misses) == (1, 2)


def test_variables_with_no_json_form_are_rendered_every_time(renderer: Renderer) -> None:
    class Opaque:
        def __str__(self) -> str:
            return "opaque"

    text = renderer.render("utter_emergency", category=Opaque())
    assert text == renderer.render("utter_emergency", category=Opaque())
    assert len(renderer.renders) == 0
