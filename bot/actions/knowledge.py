"""What the actions know: facts, topics and their buttons (loaded once, on first use)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.config import RESPONSES_DIR
from bot.content.facts import FactBase
from bot.nlu.questions import asked_part, follows_up
from bot.yamlfile import read_yaml

Button = dict[str, str]
# what the bot offers when it cannot answer
DEFAULT_TOPICS = ("definition", "causes", "symptoms")

INTENT_TOPIC = {
    "ask_definition": "definition",
    "ask_causes": "causes",
    "ask_conditions": "conditions",
    "ask_symptoms": "symptoms",
    "ask_diagnosis": "diagnosis",
    "ask_treatment": "treatment",
    "ask_prevention": "prevention",
    "ask_location": "location",
    "ask_composition": "composition",
    "ask_types": "types",
    "ask_cancer": "cancer",
    "ask_complications": "complications",
    "ask_who_affected": "who_affected",
    "ask_doctor": "doctor",
    "ask_source": "source",
}
LISTED_CONDITIONS = (
    "systemic scleroderma",
    "rheumatoid arthritis",
    "dermatomyositis",
    "systemic lupus erythematosus",
    "connective tissue disease",
)
FACTS_PER_ANSWER = 2


WORD_RUN = re.compile(r"\w+")


class WordIndex:
    """Whether a text names any of many words or phrases as whole words, as one pattern
    ``\\b(?:...)\\b`` of them all would tell, but cheaper: hundreds of alternatives cost such a
    pattern some 36 µs a text, tried at every place in it. Single words are looked up among
    the text's words; the phrases' pattern runs only when the text holds a phrase's first word
    (a phrase matched at a word's start begins with that whole word)."""

    def __init__(self, words: Iterable[str]) -> None:
        unique = set(words)
        self.single = frozenset(w for w in unique if WORD_RUN.fullmatch(w))
        phrases = sorted(unique - self.single)
        firsts = [WORD_RUN.match(p) for p in phrases]
        self.first_words = frozenset(m.group() for m in firsts if m is not None)
        self.any_first = any(m is None for m in firsts)  # a phrase that starts with no word
        self.phrases = _words_pattern(phrases) if phrases else None

    def search(self, text: str) -> bool:
        found = set(WORD_RUN.findall(text))
        if not self.single.isdisjoint(found):
            return True
        return (
            self.phrases is not None
            and (self.any_first or not self.first_words.isdisjoint(found))
            and self.phrases.search(text) is not None
        )


@dataclass(frozen=True)
class Unmentioned:
    name: str
    words: tuple[str, ...]
    # what uses its words for something else: "dying to know", "dissolve the deposits"
    other_uses: re.Pattern[str] | None = None
    # an alarming word ("stroke"): named only when the message asks about it as a cause or an
    # effect (the safety gate's `red_flag_mentioned`), not "i'm not having a stroke, just asking"
    red_flag: bool = False
    # words often told in passing ("my laptop died today", "croup every winter"): named only
    # in what a message asks about (`asked_part`)
    in_passing: bool = False
    # the topic whose facts answer a question of it ("can it cause numbness?": the symptoms)
    answered_by: str | None = None

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return _words_pattern(list(self.words))

    def named_in(self, text: str, *, red_flag_asked: bool = False) -> bool:
        if self.red_flag and not red_flag_asked:
            return False
        if self.other_uses is not None:
            text = self.other_uses.sub(" ", text)
        return self.pattern.search(text) is not None


@dataclass(frozen=True)
class Knowledge:
    facts: FactBase
    topics: dict[str, dict[str, Any]]
    extra_buttons: dict[str, Button]
    unmentioned: tuple[Unmentioned, ...]
    response_buttons: dict[str, list[Button]]

    def button(self, topic: str) -> Button:
        spec = self.topics.get(topic) or self.extra_buttons[topic]
        return {"title": str(spec["title"]), "payload": str(spec["payload"])}

    def related_buttons(self, topic: str, extra: tuple[str, ...] = ("source",)) -> list[Button]:
        related = list(self.topics.get(topic, {}).get("related", []))
        names = [t for t in related if t != topic][:2] + [e for e in extra if e != topic]
        return [self.button(name) for name in names]

    def facts_per_answer(self, topic: str) -> int:
        """How many facts answer a question on ``topic``: more where they only make sense
        together ("two types": both of them)."""
        return int(self.topics.get(topic, {}).get("facts", FACTS_PER_ANSWER))

    def topic_name(self, topic: str) -> str:
        return str(self.topics.get(topic, {}).get("name", topic.replace("_", " ")))

    @cached_property
    def unmentioned_words(self) -> WordIndex:
        """Any word of any unmentioned topic: most questions name none, and one look tells."""
        return WordIndex(word for u in self.unmentioned for word in u.words)

    def unmentioned_follow_up(self, tracker: Tracker) -> list[str]:
        """What a short follow-up ("and tiredness?", "what about heart attacks?") names that
        the source does not mention: of calcinosis, as the conversation is."""
        text = message_text(tracker)
        asked = bool(tracker.latest_message.get("red_flag_mentioned"))
        return self.unmentioned_in(text, red_flag_asked=asked) if follows_up(text) else []

    def say_out_of_scope(
        self, dispatcher: CollectingDispatcher, unmentioned: list[str] | None = None
    ) -> None:
        """What the bot cannot answer from the source, and what it can."""
        dispatcher.utter_message(
            response="utter_out_of_scope",
            unmentioned=unmentioned or [],
            buttons=[self.button(topic) for topic in DEFAULT_TOPICS],
        )

    def unmentioned_in(self, text: str, *, red_flag_asked: bool = False) -> list[str]:
        """The unmentioned topics a message names; those often told in passing only where it
        asks ("my phone died today. what is calcinosis": nothing of whether it can be fatal)."""
        lower = text.lower()
        if not self.unmentioned_words.search(lower):
            return []
        asked = asked_part(lower)
        return [
            u.name
            for u in self.unmentioned
            if u.named_in(asked if u.in_passing else lower, red_flag_asked=red_flag_asked)
        ]


def answered_by(k: Knowledge, names: list[str]) -> str | None:
    """The topic that answers a question of what the source does not mention, where one does
    ("can calcinosis cause numbness?": what it says of symptoms, not of complications)."""
    by_name = {u.name: u.answered_by for u in k.unmentioned}
    return next((by_name[name] for name in names if by_name.get(name)), None)


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def message_text(tracker: Tracker) -> str:
    """The latest message's text in lower case, as the decline patterns and topic words are."""
    return str(tracker.latest_message.get("text") or "").lower()


@cache
def knowledge() -> Knowledge:
    topics: Any = read_yaml(RESPONSES_DIR / "topics.yml")
    buttons: Any = read_yaml(RESPONSES_DIR / "buttons.yml")
    return Knowledge(
        facts=FactBase.load(),
        topics=dict(topics["topics"]),
        extra_buttons={k: dict(v) for k, v in topics["extra_buttons"].items()},
        unmentioned=tuple(
            Unmentioned(
                str(u["name"]),
                tuple(str(w) for w in u["words"]),
                _words_pattern([str(w) for w in u["except"]]) if u.get("except") else None,
                red_flag=bool(u.get("red_flag", False)),
                in_passing=bool(u.get("in_passing", False)),
                answered_by=u.get("answered_by"),
            )
            for u in topics["unmentioned"]
        ),
        response_buttons={str(k): [dict(b) for b in v] for k, v in buttons.items()},
    )
