"""Answers from the facts: a topic's facts, more of them, their source passage, the doctor."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.knowledge import (
    DEFAULT_TOPICS,
    FACTS_PER_ANSWER,
    INTENT_TOPIC,
    LISTED_CONDITIONS,
    Knowledge,
    answered_by,
    knowledge,
    message_text,
)
from bot.actions.triage import is_personal
from bot.content.facts import Fact
from bot.history import told_before
from bot.nlu.names import CALCINOSIS, NAMES_CALCINOSIS
from bot.nlu.questions import (
    HUMAN,
    asked_term,
    asks,
    asks_where,
    elliptical_question,
    follows_up,
    of_a_pet,
    who_can_tell,
)
from bot.safety.declines import DIAGNOSIS_NOTES, declined, tells_a_story

Note = dict[str, str]
# the widget shows the clinic's booking link under a reply that sends the patient there
BOOKING_LINK = {"links": ["booking"]}
# conditions the source covers in other words: neither "listed" nor "not mentioned"
SPOKEN_OF_OTHERWISE = frozenset({"cancer", "tumor", "tumour", "malignancy"})
# a condition the source speaks of by another name: "does it cause kidney disease?" gets the
# fact on membranoproliferative glomerulonephritis, never "the source does not mention kidney
# disease"
SPOKEN_OF_AS = {"kidney disease": "glomerulonephritis"}
# a diagnosis question about a case ("does this sound like it?", "can the bot diagnose it?")
ABOUT_A_CASE = re.compile(r"\b(?:this|bot|chatbot)\b")
# "i was diagnosed with calcinosis last month": a doctor has told already, nothing to leave to one
TOLD_BY_A_DOCTOR = re.compile(
    r"\b(?:was|were|been|got|get|am|is|are|being)\s+diagnosed\b(?!\s+(?:yet|by\s+you))"
    r"|\b(?:doctor|gp|consultant|specialist|rheumatologist|dermatologist)\s+(?:said|says|told|"
    r"confirmed|diagnosed)\b"
    # "my mum has calcinosis", "i already have a calcinosis diagnosis": told, not asked
    r"|\b(?:i|he|she|they|my\s+\w+)\s+(?:already\s+)?(?:has|have|'s\s+got|'ve\s+got)\s+"
    r"(?:a\s+)?(?:calcinosis|calcification)\b(?!\s*\?)"
    r"|\b(?:calcinosis|calcification)\s+diagnosis\b|\bdiagnosis\s+of\s+(?:calcinosis|calcification)\b"
)
# what a question of where it forms ("can it affect the hands?") may be read as
PLACE_READ_AS = frozenset({"complications", "definition"})
# "can calcinosis cause breathing problems?": read as a question about causes, it asks what
# calcinosis itself may cause (not "what causes calcinosis", "can lupus cause calcinosis")
# "could the calcinosis be causing it?", "is this from his calcinosis?" too
CAUSED_BY_IT = re.compile(
    rf"\b(?:{CALCINOSIS}|the deposits|these deposits)\s+"
    r"(?:cause|causes|lead to|leads to|result in|results in|give you|gives you|trigger"
    r"|(?:be\s+)?causing|be\s+behind|be\s+responsible\s+for)\b"
    r"|\b(?:caused\s+by|because\s+of|due\s+to|from)\s+(?:the\s+|my\s+|his\s+|her\s+|their\s+)?"
    rf"{CALCINOSIS}"
)

# a medicine taken for it, not one that causes it: "what medicine she can take for this",
# "is there a medication for calcinosis"
TAKEN_FOR_IT = re.compile(
    r"\b(?:medicines?|medications?|meds|pills?|tablets?|drugs?)\s+(?:\w+\s+){0,3}?"
    r"(?:take|have|use|given|prescribe)\s+for\b"
    r"|\b(?:medicines?|medications?|meds|pills?|tablets?|drugs?)\s+(?:\w+\s+){0,3}?for\s+"
    r"(?:(?:my|his|her|their|the)\s+)?(?:this|it|that|them|these|those|lumps?|deposits?"
    rf"|{CALCINOSIS}|the\s+\w+)\b"
    # "whether the medicine will take it away"
    r"|\b(?:medicines?|medications?|meds|pills?|tablets?|drugs?)\s+(?:will|would|can|could|might)"
    r"\s+(?:take|make|get|clear|shrink|dissolve|remove|help)\b"
)

# what an animal's vet tells, not the source: its treatment, how it is found
FOR_A_VET = frozenset({"treatment", "diagnosis"})
# notes that answer, or rule out, a question of whether someone has calcinosis
NOT_ASKING_WHETHER = DIAGNOSIS_NOTES | {"keep_appointment"}
# (not "how can i find out if she has it", which asks whether)
IF_ONE_HAS_IT = re.compile(
    r"(?<!out\s)(?<!know\s)(?<!tell\s)(?<!check\s)(?<!sure\s)(?<!wonder\s)(?<!wondering\s)"
    r"\b(?:if|when|since)\s+(?:i|you|u|she|he|they|we|someone)\s+(?:have|has|had|got|gets|get)"
    r"\s+(?:it|calcinosis|calcification|this|them)\b"
)
SAME_IN_PLURAL = frozenset({"sheep", "fish", "deer"})


def entities_of(tracker: Tracker) -> list[dict[str, Any]]:
    """Entities of the latest message."""
    return list(tracker.latest_message.get("entities") or [])


def live_entities(tracker: Tracker, *types: str) -> list[dict[str, Any]]:
    """Entities of the latest message that are not negated."""
    return [e for e in entities_of(tracker) if e.get("entity") in types and not e.get("negated")]


def tells_pets_symptom(tracker: Tracker, text: str) -> bool:
    """Whether a message tells of a pet's lump or symptom, and asks no one to say what it is
    (the agent's "only a vet can tell" says who to see then)."""
    return (
        of_a_pet(tracker.latest_message)
        and bool(live_entities(tracker, "symptom"))
        and not DIAGNOSIS_NOTES.intersection(declined(text))
    )


def animals(species: str) -> str:
    """The plural of an animal's name: "dogs", "ponies", "sheep"."""
    if species in SAME_IN_PLURAL:
        return species
    if species.endswith("y") and species[-2:-1] not in "aeiou":
        return species[:-1] + "ies"
    return species + "s"


def grounding_notes(k: Knowledge, tracker: Tracker, topic: str) -> list[Note]:
    """What the message names that the source lists, or does not mention at all; before
    that, to a diagnosis question about someone, that only a doctor can tell. (A request the
    wording alone shows, for a dose or a diagnosis, the agent declines before any action.)"""
    text = message_text(tracker)
    notes: list[Note] = []
    if (
        topic == "diagnosis"
        # "they want a biopsy, can i skip it?" asks of the test, not whether it is calcinosis
        and not NOT_ASKING_WHETHER.intersection(declined(text))
        and (is_personal(tracker.latest_message) or ABOUT_A_CASE.search(text))
        # "is it safe to get pregnant if i have it": of living with it, not whether one has it
        and not IF_ONE_HAS_IT.search(text)
        and not TOLD_BY_A_DOCTOR.search(text)
        and not tells_a_story(text)
    ):
        who = who_can_tell(tracker.latest_message, told_before(tracker.events))
        notes.append({"kind": "cannot_tell", "who": who})
    seen: set[str] = set()
    named = ("condition", "cause", "treatment", "species", "mineral", "body_site")
    for entity in live_entities(tracker, *named):
        value = str(entity.get("value", "")).lower()
        if not value or value in seen:
            continue
        seen.add(value)
        if entity["entity"] == "body_site":
            # "can it be in the heart?": where it forms is all the source says of places
            if topic == "location" and not k.facts.mentions(value):
                notes.append({"kind": "not_mentioned", "name": f"the {value}"})
        elif entity["entity"] == "condition":
            note = condition_note(k, value)
            if note is not None:
                notes.append(note)
        elif entity["entity"] == "cause" and topic == "causes":
            notes.append({"kind": "cause_listed", "name": _cause_name(value)})
        elif entity["entity"] == "species":
            # "my dog has a hard lump on his leg", "what is the treatment for dogs?"
            vet_told = {"kind": "see_vet"} in notes  # once, whatever animals it names
            if not vet_told and (
                tells_pets_symptom(tracker, text)
                or (topic in FOR_A_VET and value != HUMAN and not entity.get("negated"))
            ):
                notes.append({"kind": "see_vet"})
            if not k.facts.mentions(value):  # "dog": the source says animals, names none
                notes.append({"kind": "animals_in_general", "name": animals(value)})
        elif not k.facts.mentions(value) and entity["entity"] != "cause":
            notes.append({"kind": "not_mentioned", "name": value})
    for name in named_medicines(text, tracker):  # "is it the hydroxychloroquine?"
        if not k.facts.mentions(name):
            notes.append({"kind": "not_mentioned", "name": name})
    asked = bool(tracker.latest_message.get("red_flag_mentioned"))
    for name in k.unmentioned_in(text, red_flag_asked=asked):
        notes.append({"kind": "not_mentioned", "name": name})
    # "is calcinosis dangerous?": no one answer fits everyone; nor for "what is it, and is it
    # something to panic about", asked beside another topic
    if asks_severity(topic, text):
        notes.insert(0, {"kind": "severity", "who": "a doctor"})
    return merge_unmentioned(notes)


# what the facts that answer how serious it is are about (`about` in facts.yml), besides the
# entities a message names
HOW_SERIOUS = "how serious"
# "is calcinosis dangerous", "how serious is it", "is it something to worry about"
SEVERITY = re.compile(
    r"\b(?:dangerous|dangerus|serious|severe|harmful|life[\s-]threatening|how\s+bad"
    r"|bad\s+for\s+(?:you|u|me|him|her|them)"
    # "is it something to panic about", "sumthin 2 panic ova", "what's the outlook"
    r"|(?:something|sumthin|sumthing|anything)\s+(?:to|2)\s+(?:worry|freak|panic)|outlook|prognosis"
    # "should i worry", "should i be scared of calcinosis", "is it bad"
    r"|should\s+(?:i|we|she|he|they)\s+(?:be\s+)?(?:worr(?:y|ied)|scared|afraid|frightened"
    r"|concerned|panic\w*|freak\w*)|is\s+(?:it|this|that)\s+bad|how\s+(?:scared|worried)"
    # "i read calcinosis can kill you", "is calcinosis a big deal"
    r"|kill\w*|fatal|deadly|die\s+(?:from|of)|big\s+deal|scared|afraid|frightened|terrified)\b"
)
# how serious it is, asked beside another question ("wats dat n is it sumthin 2 panic ova")
ALSO_HOW_SERIOUS = re.compile(
    r"\b(?:is|iz)\s+(?:it|this|that|calcinosis|they|these)\s+(?:\w+\s+){0,2}?(?:dangerous"
    r"|serious|(?:something|sumthin\w*|anything)\s+(?:to|2)\s+(?:worry|panic|freak))"
    r"|\bshould\s+(?:i|we)\s+(?:be\s+)?(?:worried|worry|panic\w*|scared)\b"
)
# a question of how serious it is that the classifier may read as another topic ("is calcinosis
# something to freak out about or nah": who can get it, at 0.37)
SEVERITY_READ_AS_BELOW = 0.6


def asks_severity_of_it(text: str) -> bool:
    """Whether a message asks how serious it is ("k but like how dangerous"), whatever the
    classifier made of it."""
    lower = text.lower()
    return SEVERITY.search(lower) is not None and asks(lower)


def asks_severity(topic: str, text: str) -> bool:
    """Whether a question of what calcinosis can lead to asks how serious it is, and no
    decline says already that only a doctor can tell ("is it serious? what he must do?")."""
    return (
        (topic == "complications" and SEVERITY.search(text) is not None)
        or ALSO_HOW_SERIOUS.search(text) is not None
    ) and "cannot_tell_what" not in declined(text)


# words for medicines in general, which the source's "certain medicines" covers
MEDICINES_IN_GENERAL = frozenset(
    {"medication", "medications", "medicine", "medicines", "meds", "drug", "drugs", "pills"}
    | {"pill", "tablet", "tablets", "capsule", "capsules", "med", "prescription"}
    | {"long-term medication"}
)


def named_medicines(text: str, tracker: Tracker) -> list[str]:
    """The medicines a message names in particular ("steroids", "hydroxychloroquine"): the
    source speaks of certain medicines taken for a long time, and names none."""
    names = []
    # as a cause ("is it the steroids?") or as what someone takes ("i'm on warfarin")
    for entity in live_entities(tracker, "cause", "treatment"):
        name = text[entity["start"] : entity["end"]]
        if entity.get("value") == "medication" and name not in MEDICINES_IN_GENERAL:
            names.append(name)
    return list(dict.fromkeys(names))


# notes that name what the source leaves out: one note of each kind names them all
MERGED_NOTES = ("not_mentioned", "animals_in_general")


def merge_unmentioned(notes: list[Note], limit: int = 4) -> list[Note]:
    """One "the source does not mention a, b or c" note (at most three names) where the first
    of them stood, so "Here is what it does say" comes once; so too "not of dogs or cats in
    particular". At most ``limit`` notes."""
    merged = list(notes)
    for kind in MERGED_NOTES:
        named = [n["name"] for n in merged if n["kind"] == kind]
        # "the breast" said by "the breast or mammograms": once
        # and a name given twice, by an entity and a topic ("calciphylaxis"): once
        kept = [a for a in named if not any(a != b and a in b for b in named)]
        names = list(dict.fromkeys(kept))[:3]
        if not names:
            continue
        first = next(i for i, n in enumerate(merged) if n["kind"] == kind)
        merged = [n for n in merged if n["kind"] != kind]
        # "vitamins or supplements, or natural or home remedies": a comma where a name has an or
        last = ", or " if any(" or " in name for name in names) else " or "
        joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])}{last}{names[-1]}"
        merged.insert(first, {"kind": kind, "name": joined})
    return merged[:limit]


def condition_note(k: Knowledge, value: str) -> Note | None:
    """Whether the source lists a named condition, or does not mention it; None for one it
    speaks of in other words ("cancer": the source says malignant, tumors) or names outside
    its list ("vasculitis", which immune complexes can cause: the fact that names it says
    so, see `named_elsewhere`)."""
    if value in SPOKEN_OF_OTHERWISE or value in SPOKEN_OF_AS:
        return None
    # "arthritis": the source lists rheumatoid arthritis, and the note says which
    value = next((c for c in LISTED_CONDITIONS if c.endswith(f" {value}")), value)
    if value in LISTED_CONDITIONS:
        return {"kind": "listed", "name": display_name(value)}
    if k.facts.mentions(value):
        return None
    return {"kind": "not_mentioned", "name": display_name(value)}


def named_elsewhere(k: Knowledge, tracker: Tracker) -> list[Fact]:
    """The facts that name a condition the latest message names, outside the source's list
    of associated conditions ("vasculitis", "kidney disease"): what the source says of it."""
    facts: list[Fact] = []
    for entity in live_entities(tracker, "condition"):
        value = str(entity.get("value", "")).lower()
        if value in SPOKEN_OF_OTHERWISE or any(c.endswith(value) for c in LISTED_CONDITIONS):
            continue
        facts += k.facts.naming(SPOKEN_OF_AS.get(value, value))
    return facts


def unmentioned_conditions(k: Knowledge, tracker: Tracker) -> list[str]:
    """Conditions the latest message names, not denied, that the source does not mention
    ("and gout?", "are kidney stones the same as calcinosis")."""
    names = []
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "condition" and not entity.get("negated"):
            note = condition_note(k, str(entity.get("value", "")).lower())
            if note is not None and note["kind"] == "not_mentioned":
                names.append(str(note["name"]))
    return names


def display_name(value: str) -> str:
    """A condition named after a person keeps the capital: "Raynaud's phenomenon"."""
    return " ".join(w[:1].upper() + w[1:] if w.endswith("'s") else w for w in value.split())


def _cause_name(value: str) -> str:
    return "long-term use of certain medications" if value == "medication" else value


class Answer(NamedTuple):
    """What one question gets: its topic, the facts shown, notes, and which extra buttons."""

    topic: str
    shown: list[str]
    notes: list[Note]
    extra: tuple[str, ...]


class ActionAnswer(Action):
    """Answers a question intent with its topic's first facts and related-question buttons;
    a message that asks two or three things gets an answer to each, in the order asked."""

    def name(self) -> str:
        return "action_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        k = knowledge()
        questions = tracker.latest_message.get("questions") or []
        asked = [one_question(tracker, question) for question in questions] or [tracker]
        answers: list[Answer] = []
        for one in asked:
            each = answer(k, one)
            told = {i for before in answers for i in before.shown}
            if not answers or not told.issuperset(each.shown):  # two readings, one answer
                answers.append(each)
        titles = [k.button(each.topic)["title"] for each in answers]
        for n, each in enumerate(answers):
            buttons = []
            if n == len(answers) - 1:  # one row of buttons, none for a question just answered
                related = k.related_buttons(each.topic, each.extra)
                buttons = [b for b in related if b["title"] not in titles]
            # "… and when should i see a doctor": the clinic's contact, as `ActionDoctor` gives
            doctor = each.topic == "doctor"
            dispatcher.utter_message(
                response="utter_answer",
                fact_ids=each.shown,
                notes=each.notes,
                # "What causes it?" over each answer of several, so each says what it answers
                title=titles[n] if len(answers) > 1 else "",
                contact=doctor,
                buttons=buttons,
                **({"custom": BOOKING_LINK} if doctor else {}),
            )
        shown = list(dict.fromkeys(i for each in answers for i in each.shown))
        return [SlotSet("last_topic", answers[-1].topic), SlotSet("facts_shown", shown)]


def one_question(tracker: Tracker, question: dict[str, Any]) -> Tracker:
    """The tracker as if the message had asked this one question alone."""
    one = tracker.copy()
    one.latest_message = {**tracker.latest_message, **question}
    return one


def answer(k: Knowledge, tracker: Tracker) -> Answer:
    """The answer to the latest message's question, by its intent and its words."""
    intent = str((tracker.latest_message.get("intent") or {}).get("name", ""))
    text = message_text(tracker)
    # "what is vasculitis?" gets the facts that use the word: read as no question, or as
    # one of a topic whose facts never use it ("what are histiocytes" as composition)
    term_facts = k.facts.explaining(asked_term(text))
    in_topic = intent in INTENT_TOPIC and any(
        INTENT_TOPIC[intent] in fact.topics for fact in term_facts
    )  # else "what are histiocytes" read as composition: the topic, those facts first
    explaining = [] if in_topic else term_facts
    if explaining:
        return Answer(explaining[0].topics[0], [f.id for f in explaining], [], ("source",))
    # "my dog has a lump on his paw" is answered of animals
    default = "who_affected" if live_entities(tracker, "species") else "definition"
    topic = INTENT_TOPIC.get(intent, default)
    confidence = float((tracker.latest_message.get("intent") or {}).get("confidence", 1.0))
    # "can it cause kidney problems", or how serious it is read as another topic
    caused_by_it = topic == "causes" and CAUSED_BY_IT.search(text) is not None
    instead = answered_by(k, k.unmentioned_in(text))
    # "will it get worse?", "the outlook?": the source does not say; what it says of how
    # serious it is answers, not the kidney inflammation it can come with
    how_serious = SEVERITY.search(text) is not None or instead == HOW_SERIOUS
    read_as_other = confidence < SEVERITY_READ_AS_BELOW or intent not in INTENT_TOPIC
    if caused_by_it or (how_serious and read_as_other):
        topic = "complications"
    if topic == "complications" and not how_serious:  # "can it cause numbness?"
        topic = instead or topic
    elif topic == "causes" and TAKEN_FOR_IT.search(text):
        topic = "treatment"  # "what medicine can she take for this": what treats it
    sites = live_entities(tracker, "body_site")
    places = bool(sites) and asks_where(text)
    after_places = follows_up(text) and tracker.get_slot("last_topic") == "location"
    elsewhere: list[Fact] = []
    at_site: list[Fact] = []
    if places and (topic in PLACE_READ_AS | {"location"} or after_places):
        # "can it affect the kidneys?": the fact that names them, wherever it is; "can it
        # happen around blood vessels?": where it forms first, when that names them; "can
        # it affect the hands?": where it forms, and that the source names no hands
        naming = [fact for site in sites for fact in k.facts.explaining(str(site.get("value", "")))]
        at_site = [fact for fact in naming if "location" in fact.topics]
        elsewhere = [] if at_site else naming
        topic = elsewhere[0].topics[0] if elsewhere else "location"
    notes = grounding_notes(k, tracker, topic)
    named = {
        str(e.get("value", "")).lower()
        for e in live_entities(tracker, "symptom", "cause", "treatment", "condition", "body_site")
    }
    if any(e.get("entity") == "symptom" and e.get("negated") for e in entities_of(tracker)):
        named.add("no symptoms")  # "she has no pain at all, is that normal?"
    if topic == "complications" and how_serious:
        named.add(HOW_SERIOUS)  # "is it dangerous?": that it may cause none, rarely cancer
    used = [fact for fact in term_facts if topic in fact.topics]
    facts = [
        *elsewhere,
        *at_site,
        *named_elsewhere(k, tracker),
        *used,
        *k.facts.for_topic(topic, about=named),
    ]
    if places and topic == "location" and tracker.get_slot("last_topic") == topic:
        # "what about the kidneys?" after where it forms: what was not said yet first
        said = set(tracker.get_slot("facts_shown") or [])
        facts = sorted(facts, key=lambda fact: fact.id in said)
    if any(n["kind"] == "cause_listed" for n in notes):
        facts = [f for f in facts if f.id.startswith("causes_")] + facts
    if HOW_SERIOUS in named:  # not the kidney inflammation that no one asked about
        facts = [f for f in facts if HOW_SERIOUS in f.about] or facts
    shown = list(dict.fromkeys(f.id for f in facts))[: k.facts_per_answer(topic)]
    if topic == "conditions" and any(n["kind"] in {"listed", "not_mentioned"} for n in notes):
        # "can lupus cause it?", "my fingers go white in the cold, linked to calcinosis?": the
        # list answers; chronic inflammation and tumours, which no one asked about, wait for
        # "tell me more"
        shown = shown[:1]
    extra = ("more", "source") if len(facts) > len(shown) else ("source",)
    return Answer(topic, shown, notes, extra)


class ActionMore(Action):
    """ "Tell me more": the next facts of the last topic, never the same answer again."""

    def name(self) -> str:
        return "action_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        k = knowledge()
        unmentioned = [  # "and tiredness?", "ok and gout?", read as "tell me more"
            *k.unmentioned_follow_up(tracker),
            *unmentioned_conditions(k, tracker),
        ]
        if unmentioned:
            k.say_out_of_scope(dispatcher, unmentioned)
            return []
        topic = tracker.get_slot("last_topic")
        if not topic:
            dispatcher.utter_message(
                response="utter_how_can_i_help",
                buttons=[k.button(t) for t in ("definition", "causes", "symptoms")],
            )
            return []
        shown = list(tracker.get_slot("facts_shown") or [])
        remaining = [f.id for f in k.facts.for_topic(str(topic)) if f.id not in shown]
        next_ids = remaining[: k.facts_per_answer(str(topic))]
        dispatcher.utter_message(
            response="utter_more",
            fact_ids=next_ids,
            topic_title=k.topic_name(str(topic)),
            # "why?", "which ones?": the source goes no further, so the bot says so first
            no_more_detail=elliptical_question(message_text(tracker)) is not None,
            buttons=k.related_buttons(str(topic))[:3],
        )
        return [SlotSet("facts_shown", shown + next_ids)] if next_ids else []


FACTS_SAID_PLAINER = 4  # the last answer's facts, "tell me more" included


class ActionPlainer(Action):
    """ "Simpler please", "huh?": the last answer again in plainer words."""

    def name(self) -> str:
        return "action_plainer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        k = knowledge()
        shown = [i for i in tracker.get_slot("facts_shown") or [] if i in k.facts.by_id]
        if not shown:
            dispatcher.utter_message(
                response="utter_how_can_i_help",
                buttons=[k.button(t) for t in DEFAULT_TOPICS],
            )
            return []
        dispatcher.utter_message(
            response="utter_plainer",
            fact_ids=shown[-FACTS_SAID_PLAINER:],
            buttons=[k.button(t) for t in ("more", "source")],
        )
        return []


# the source itself asked of: "where is this from", "who wrote the text you use"
ASKS_OF_THE_SOURCE = re.compile(
    r"\b(?:source|sources|text|reference|references|written|wrote|author|where\s+(?:is|does|do|did)"
    r"|from\s+where|based\s+on|come\s+from|comes\s+from|nhs|website|book|article)\b"
)


class ActionSource(Action):
    """The verbatim source passage behind the last answer."""

    def name(self) -> str:
        return "action_source"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        k = knowledge()
        text = message_text(tracker)
        # "whats the difference from ossification" after an answer: of calcinosis too
        of_it = NAMES_CALCINOSIS.search(text) or not ASKS_OF_THE_SOURCE.search(text)
        unsaid = k.unmentioned_in(text) if of_it else []
        if unsaid:  # "my teacher says calcinosis can kill you, is that true?": not the passages
            k.say_out_of_scope(dispatcher, unsaid)
            return []
        shown = [i for i in tracker.get_slot("facts_shown") or [] if i in k.facts.by_id]
        fact_ids = shown or [f.id for f in k.facts.for_topic("definition")][:FACTS_PER_ANSWER]
        dispatcher.utter_message(
            response="utter_source",
            fact_ids=fact_ids,
            after_answer=bool(shown),
            buttons=[k.button(t) for t in ("definition", "causes", "treatment")],
        )
        return []


# "what are the clinic's opening hours?", "is it open on saturdays?": the clinic's, not the
# source's, and not in the clinic file either
ASKS_HOURS = re.compile(
    r"\b(?:opening\s+(?:hours|times)|open(?:ing)?\s+(?:on|at|at\s+the)\s+(?:week\s*ends?|saturdays?"
    r"|sundays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|evenings?|nights?)"
    r"|(?:when|what\s+time)\s+(?:is|are|does|do)\s+(?:the\s+|your\s+|it\s+|you\s+)?"
    r"(?:\w+\s+){0,2}(?:open|close)|hours\s+of\s+the\s+clinic|clinic\s+hours)\b"
)


VET = re.compile(r"\b(?:vet|vets|veterinarian|veterinary)\b")


class ActionDoctor(Action):
    """When and whom to see: the source's advice and the clinic's contact."""

    def name(self) -> str:
        return "action_doctor"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        k = knowledge()
        # "should i take my dog to a vet or a doctor?", "should i take him to a vet?"
        text = message_text(tracker)
        vet = of_a_pet(tracker.latest_message) or VET.search(text) is not None
        # "should we get a second opinion?": what the source does not say, then what it does
        unsaid = k.unmentioned_in(text)
        notes = merge_unmentioned([{"kind": "not_mentioned", "name": name} for name in unsaid])
        fact_ids = [f.id for f in k.facts.for_topic("who_affected" if vet else "doctor")][:1]
        dispatcher.utter_message(
            response="utter_doctor",
            fact_ids=fact_ids,
            vet=vet,
            notes=notes,
            hours=ASKS_HOURS.search(text) is not None,
            buttons=[k.button(t) for t in ("diagnosis", "treatment", "source")],
            custom=None if vet else BOOKING_LINK,
        )
        return [SlotSet("last_topic", "doctor"), SlotSet("facts_shown", fact_ids)]
