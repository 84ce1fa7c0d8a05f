"""Conversation tests as data (`tests/conversations/*.yml`), in the spirit of Rasa test stories.

Each turn names what the user says and what must follow: the intent, the actions run, key
phrases of the reply, how its messages start, buttons, slots and the active form.
`calcibot test` and pytest run them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.dialogue.agent import Agent
from bot.dialogue.tracker import DialogueState, Event
from bot.yamlfile import read_yaml

SILENT_ACTIONS = frozenset({"action_listen", "action_extract_slots"})
# what a turn of a conversation test may say: the message, and what is checked after it
TURN_KEYS = frozenset(
    {"user", "intent", "red_flag", "actions", "says", "never_says", "starts_with",
     "message_starts", "buttons", "slots", "active_loop"}
)  # fmt: skip


@dataclass
class StoryResult:
    name: str
    file: str
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def load_stories(paths: Iterable[Path]) -> list[tuple[str, dict[str, Any]]]:
    stories = []
    for path in sorted(paths):
        data: Any = read_yaml(path)
        for story in data.get("conversations") or []:
            for turn in story.get("turns") or []:
                if not isinstance(turn.get("user"), str):  # YAML reads a bare no as False
                    raise ValueError(
                        f"{path.name}: {story.get('name')!r}: user {turn.get('user')!r} "
                        "is not text; quote it"
                    )
                if unknown := set(turn) - TURN_KEYS:  # a misspelt check would check nothing
                    raise ValueError(
                        f"{path.name}: {story.get('name')!r}: unknown keys {sorted(unknown)}"
                    )
            stories.append((path.name, story))
    return stories


def check_turn(
    expect: dict[str, Any],
    events: list[Event],
    state: DialogueState,
    messages: Sequence[Mapping[str, Any]],
    advice: str,
) -> list[str]:
    """What differs between one turn's expectation and what happened."""
    problems = []
    user = next(e for e in events if e["event"] == "user")
    intent = user["parse_data"]["intent"]["name"]
    if "intent" in expect and intent != expect["intent"]:
        problems.append(f"intent {intent!r}, expected {expect['intent']!r}")
    red_flag = user["parse_data"].get("red_flag")
    if "red_flag" in expect and red_flag != expect["red_flag"]:
        problems.append(f"red flag {red_flag!r}, expected {expect['red_flag']!r}")
    actions = [
        e["name"] for e in events if e["event"] == "action" and e["name"] not in SILENT_ACTIONS
    ]
    if "actions" in expect and actions != list(expect["actions"]):
        problems.append(f"actions {actions}, expected {expect['actions']}")
    text = "\n".join(m.get("text", "") for m in messages)
    for phrase in expect.get("says", []):
        if phrase.lower() not in text.lower():
            problems.append(f"reply lacks {phrase!r}: {text!r}")
    for phrase in expect.get("never_says", []):
        if phrase.lower() in text.lower():
            problems.append(f"reply says {phrase!r}: {text!r}")
    if "starts_with" in expect and not text.startswith(expect["starts_with"]):
        problems.append(f"reply does not start with {expect['starts_with']!r}: {text[:80]!r}")
    if "message_starts" in expect:  # one message each, in this order
        starts = [str(m.get("text", "")) for m in messages]
        wanted = list(expect["message_starts"])
        if len(starts) != len(wanted) or not all(map(str.startswith, starts, wanted)):
            problems.append(f"messages {[s[:40] for s in starts]}, expected to start {wanted}")
    titles = [b["title"] for m in messages for b in m.get("buttons", [])]
    for title in expect.get("buttons", []):
        if title not in titles:
            problems.append(f"no button {title!r} in {titles}")
    for slot, value in (expect.get("slots") or {}).items():
        if state.slots.get(slot) != value:
            problems.append(f"slot {slot}={state.slots.get(slot)!r}, expected {value!r}")
    if "active_loop" in expect and state.active_loop != expect["active_loop"]:
        problems.append(f"active_loop {state.active_loop!r}, expected {expect['active_loop']!r}")
    if not messages or not messages[-1].get("text", "").endswith(advice):
        problems.append("the turn does not end with the closing advice")
    return problems


async def run_story(agent: Agent, file: str, story: dict[str, Any], sender: str) -> StoryResult:
    result = StoryResult(name=str(story.get("name")), file=file)
    state = DialogueState(sender)
    advice = agent.renderer.clinic.closing_advice
    for number, expect in enumerate(story.get("turns") or [], start=1):
        turn = await agent.handle(state, str(expect["user"]))
        for problem in check_turn(expect, turn.events, state, turn.messages, advice):
            result.failures.append(f"turn {number} ({expect['user']!r}): {problem}")
    return result


async def run_all(agent: Agent, paths: Iterable[Path]) -> list[StoryResult]:
    results = []
    for index, (file, story) in enumerate(load_stories(paths)):
        results.append(await run_story(agent, file, story, sender=f"story-{index}"))
    return results


def write_failures(results: list[StoryResult], path: Path) -> None:
    """Like Rasa's failed_test_stories.yml: what failed and why."""
    failed = [
        {"file": r.file, "name": r.name, "failures": r.failures} for r in results if not r.passed
    ]
    path.write_text(yaml.safe_dump({"failed": failed}, sort_keys=False, allow_unicode=True))


def summary(results: list[StoryResult]) -> str:
    passed = sum(r.passed for r in results)
    lines = [f"conversations: {passed} of {len(results)} passed"]
    lines += [
        f"  FAILED {r.file}: {r.name}: {json.dumps(r.failures[0])}" for r in results if not r.passed
    ]
    return "\n".join(lines)
