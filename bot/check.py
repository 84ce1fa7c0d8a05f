"""`calcibot check`: validates the content and says exactly what is wrong where."""

from __future__ import annotations

from collections.abc import Callable

import yaml

from bot.actions.knowledge import INTENT_TOPIC, knowledge
from bot.config import INTENTS_DIR, Settings
from bot.content.facts import FactBase
from bot.content.render import Renderer
from bot.dialogue.domain import load_domain
from bot.dialogue.rules import RulePolicy
from bot.nlu.data import training_data
from bot.safety.redflags import load_red_flags

Check = Callable[[], list[str]]


def check_facts() -> list[str]:
    facts = FactBase.load()
    problems = [
        f"responses/facts.yml: fact {i!r}: source is not verbatim" for i in facts.unverbatim()
    ]
    problems += [f"source sentence covered by no fact: {s!r}" for s in facts.uncovered_sentences()]
    return problems


def check_templates(settings: Settings) -> list[str]:
    k = knowledge()
    renderer = Renderer(k.facts, settings.clinic())
    problems = []
    every_fact = [f.id for f in k.facts.facts]
    for name in renderer.template_names():
        response = name.removesuffix(".txt.j2")
        try:
            renderer.render(
                response,
                fact_ids=every_fact,
                notes=[],
                topic_title="x",
                category="other",
                intro=True,
            )
        except Exception as exc:
            problems.append(f"responses/templates/{name}: {type(exc).__name__}: {exc}")
    return problems


def check_rules(settings: Settings) -> list[str]:
    policy = RulePolicy.load()
    domain = load_domain()
    trained = set(training_data(INTENTS_DIR).intents)
    problems = []
    for intent in sorted(trained | {"nlu_fallback"}):
        if intent not in policy.intents:
            problems.append(f"intents/rules.yml: no rule for intent {intent!r}")
    for intent in sorted(set(domain["intents"]) - trained - {"nlu_fallback", "inform"}):
        problems.append(f"intents/domain.yml: intent {intent!r} has no training data")
    known_actions = set(domain["actions"]) | {"triage_form", "action_deactivate_loop"}
    renderer_templates = {
        n.removesuffix(".txt.j2")
        for n in Renderer(knowledge().facts, settings.clinic()).template_names()
    }
    for action in sorted(policy.actions):
        if action.startswith("utter_"):
            if action not in renderer_templates:
                problems.append(f"intents/rules.yml: response {action!r} has no template")
        elif action not in known_actions:
            problems.append(f"intents/rules.yml: action {action!r} is not in the domain")
    for intent, topic in INTENT_TOPIC.items():
        if not knowledge().facts.for_topic(topic):
            problems.append(f"intent {intent!r}: topic {topic!r} has no fact")
    return problems


def check_files(settings: Settings) -> list[str]:
    problems = []
    try:
        load_red_flags()
    except (OSError, ValueError, yaml.YAMLError) as exc:
        problems.append(f"responses/safety.yml: {exc}")
    try:
        settings.clinic()
    except (OSError, ValueError, yaml.YAMLError) as exc:
        problems.append(f"{settings.clinic_file}: {exc}")
    return problems


def run_checks(settings: Settings) -> list[str]:
    problems: list[str] = []
    for check in (
        check_facts,
        lambda: check_templates(settings),
        lambda: check_rules(settings),
        lambda: check_files(settings),
    ):
        try:
            problems += check()
        except Exception as exc:  # a file that does not even load is itself the finding
            problems.append(f"{type(exc).__name__}: {exc}")
    return problems
