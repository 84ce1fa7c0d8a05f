"""Emergency, fallback and out-of-scope replies."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.answers import unmentioned_conditions
from bot.actions.knowledge import (
    DEFAULT_TOPICS,
    INTENT_TOPIC,
    Knowledge,
    knowledge,
    message_text,
)
from bot.history import messages_answered_with, replies
from bot.nlu.names import NAMES_CALCINOSIS
from bot.nlu.questions import asked_term, asks, follows_up, names_someone_else, of_a_pet
from bot.safety import LIVE_EMERGENCY_MESSAGES, NAMED_BY_NO_FLAG

FALLBACK = "nlu_fallback"
# someone else, named: "my 4 month old", "the neighbour", "our mare"
SOMEONE = re.compile(
    r"\b(?:my|our|the|his|her)\s+(?:\w+\s+){0,2}?(?:\d+\s*-?\s*(?:month|week|year|yr|day)s?"
    r"[\s-]*old|neighbou?r|client|colleague|flatmate|roommate|teen|teenager|boss|baby|toddler"
    r"|newborn|mare|horse|pony|foal)\b",
    re.IGNORECASE,
)
# the patient speaking of themselves: "i", "i'm", "me", "myself"
SPEAKS_AS_SELF = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|myself)\b", re.IGNORECASE)
PLACES = frozenset({"body_site", "mineral"})  # what the source names only as where it forms
# what the source answers, named outright
ANSWERED = re.compile(r"\b(?:treat\w*|caus\w*|symptoms?|signs?|prevent\w*|types?|diagnos\w*)\b")


class ActionEmergency(Action):
    """Emergency advice first; leaves any open triage questions."""

    def name(self) -> str:
        return "action_emergency"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        latest = tracker.latest_message
        intent = (latest.get("intent") or {}).get("name")
        category = emergency_category(tracker)
        text = str(latest.get("text") or "")
        pet = any(
            of_a_pet(message.get("parse_data") or {})
            for n, (message, _) in enumerate(replies(tracker.events))
            if n < LIVE_EMERGENCY_MESSAGES
        )
        dispatcher.utter_message(
            response="utter_emergency",
            category=category,
            # "my wife says she doesn't want to live anymore": the crisis line for her too
            someone=category == "suicide" and names_someone_else(text),
            # "my 4 month old is breathing really fast": of someone else only, no line asking
            # the patient whether they think of harming themselves
            of_others=(names_someone_else(text) or pet or SOMEONE.search(text) is not None)
            and SPEAKS_AS_SELF.search(text) is None,
            # "my cat just collapsed": an emergency vet too (the advice for people stays)
            pet=pet,
            # "what do i do" after the advice: the same advice, not to wait
            again=intent != "emergency" and not latest.get("red_flag"),
            custom={"emergency": True},
        )
        if tracker.active_loop_name:
            return [ActiveLoop(None), SlotSet("requested_slot", None)]
        return []


def emergency_category(tracker: Tracker) -> str:
    """The red flag of the latest message, else of the one whose emergency advice it
    follows ("what do i do" after heavy bleeding is still about the bleeding); "other" when
    none names one."""
    for message in messages_answered_with(tracker.events, "action_emergency", latest_open=True):
        flag = (message.get("parse_data") or {}).get("red_flag")
        if flag:
            return str(flag)
    if (tracker.latest_message.get("intent") or {}).get("name") != "emergency":
        # the advice again while it holds, after a question answered in between ("could the
        # calcinosis be causing it?", then "what do i give her while we wait?"): still the
        # emergency told before
        for n, (message, ran) in enumerate(replies(tracker.events)):
            flag = (message.get("parse_data") or {}).get("red_flag")
            if 0 < n <= LIVE_EMERGENCY_MESSAGES and "action_emergency" in ran and flag:
                return str(flag)
    return NAMED_BY_NO_FLAG


def consecutive_fallbacks(tracker: Tracker) -> int:
    """How many user messages in a row, ending with the latest, fell back."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent != FALLBACK:
            break
        count += 1
    return count


class ActionFallback(Action):
    """Asks which of the likeliest topics was meant; after two misses, offers the clinic."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        k = knowledge()
        unmentioned = unmentioned_asked(k, tracker)
        if unmentioned:  # "what about fever?": what the source does not say, not a guess
            k.say_out_of_scope(dispatcher, unmentioned)
            return []
        ranking = tracker.latest_message.get("intent_ranking") or []
        topics = [INTENT_TOPIC[r["name"]] for r in ranking if r.get("name") in INTENT_TOPIC]
        guesses = list(dict.fromkeys([*topics[:3], *DEFAULT_TOPICS]))[:3]
        buttons = [k.button(topic) for topic in guesses]
        if consecutive_fallbacks(tracker) >= 2:
            dispatcher.utter_message(
                response="utter_fallback_contact",
                buttons=[*buttons[:2], k.button("doctor")],
                custom={"links": ["booking", "phone"]},
            )
        else:
            dispatcher.utter_message(response="utter_fallback", buttons=buttons)
        return []


# slots set once the conversation is about calcinosis: a topic answered, a deposit told
TALK_SLOTS = ("last_topic", "deposit_noticed")
# what a follow-up may ask of that names nothing: "and then?", "and that?"
VAGUE = frozenset({"then", "that", "this", "those", "these", "more", "else", "what", "it", "so"})


class ActionOutOfScope(Action):
    """Says what Calcibot can help with; of calcinosis and something the source does not
    mention ("does a penicillin allergy matter if you have calcinosis"), that it does not."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        k = knowledge()
        k.say_out_of_scope(dispatcher, unmentioned_asked(k, tracker))
        return []


def unmentioned_asked(k: Knowledge, tracker: Tracker) -> list[str]:
    """What a message asks of calcinosis (named, or a follow-up: "what about fever?") that
    the source does not mention, when it names nothing the source speaks of ("79 years of
    age ... what are the treatment options?" is a question it answers, misread)."""
    message = tracker.latest_message
    text = message_text(tracker)
    follow_up = follows_up(text)
    answered = ANSWERED.search(text)
    named = answered or any(e.get("entity") not in PLACES for e in message.get("entities") or [])
    # "how much does the surgery cost?" after an answer or a lump told: of calcinosis too
    in_talk = asks(text) and any(tracker.get_slot(s) is not None for s in TALK_SLOTS)
    # "how much does the surgery cost", "does vitamin d make calcinosis worse? ... the lumps":
    # of its treatment or its lumps, asked of nothing the source answers
    of_it = any(e.get("entity") in {"treatment", "symptom"} for e in message.get("entities") or [])
    unmentioned = (
        k.unmentioned_in(text, red_flag_asked=bool(message.get("red_flag_mentioned")))
        if follow_up
        or (NAMES_CALCINOSIS.search(text) and not named)
        or ((in_talk or of_it) and not answered)
        else []
    )
    term = asked_term(text) if follow_up and not named else None
    if not unmentioned and term and term not in VAGUE and not k.facts.mentions(term):
        unmentioned = [term]  # "and kidney stones?": of calcinosis, which the source is
    if follow_up or in_talk or NAMES_CALCINOSIS.search(text):  # "are kidney stones the same ...
        unmentioned += unmentioned_conditions(k, tracker)  # ... as calcinosis"
    return list(dict.fromkeys(unmentioned))
