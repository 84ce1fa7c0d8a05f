"""Symptom-guided triage: slot extraction (anywhere, negation-aware), the form's validation
and the closing summary. The questions ask only what the source can use (DESIGN.md §4.6)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker, ValidationAction
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.knowledge import LISTED_CONDITIONS, knowledge
from bot.nlu.names import NAMES_CALCINOSIS
from bot.nlu.questions import (
    asks,
    asks_or_requests,
    asks_to_explain_question,
    asks_to_go_on,
    asks_why_asked,
    clause_around,
    elliptical_question,
    hedged_entity,
    is_question,
    leading_answer,
    leading_unsure,
    names_someone_else,
    not_english,
    of_a_pet,
    of_a_relative,
    of_oneself,
    of_someone_else,
    pain_score,
    tells_only_degree,
    tells_only_when,
)
from bot.safety.declines import DIAGNOSIS_NOTES, declined

TRIAGE_SLOTS = ("deposit_noticed", "pain", "known_condition", "possible_trigger")
# what belongs to one lump; a connective tissue disease belongs to the patient and carries over
LUMP_SLOTS = ("deposit_noticed", "pain", "possible_trigger")
DEPOSIT_WORDS = frozenset({"lump", "deposit", "bump", "nodule", "knot", "ulcer"})
PAIN_WORDS = frozenset({"pain", "tenderness", "discomfort", "swelling"})
TRIGGERS = frozenset({"injury", "infection", "medication"})
# where a deposit is found on a scan rather than seen or felt: "calcification in my arteries"
# tells of no lump, "calcinosis on my hands" does
UNSEEN_SITES = frozenset(
    {
        "joint",
        "muscle",
        "tendon",
        "bone",
        "breast",
        "kidney",
        "blood vessel",
        "nerve",
        "connective tissue",
    }
)
_SENTENCE_ENDS = re.compile(r"[.!?]")
ANSWERS = {"affirm": True, "deny": False}
# a plain "yes" to the question about a connective tissue disease: one, though not named
UNNAMED_CONDITION = "connective tissue disease"
NOT_ANSWERS = frozenset({"express_worry"})  # a feeling answers nothing: ask the question again
# "not really, only if i lean on it": tender when pressed, which is what the question asks
TENDER_WHEN = re.compile(
    r"\b(?:only|just|except)\s+(?:if|when|whenever)\s+(?:i|you|he|she|they|someone)\s+"
    r"(?:\w+\s+)?(?:lean|leans|press|presses|push|pushes|touch|touches|knock|knocks|bump|bumps"
    r"|squeeze|squeezes|rub|rubs|lie|lies|sit|sits|kneel|kneels|put\s+pressure|bang|bangs)\b"
    # "it does twinge when i lean on the desk", "aches if i walk on it"
    r"|\b(?:twinges?|aches?|hurts?|stings?)\s+(?:a\s+bit\s+|a\s+little\s+)?(?:when|if|whenever)\s+"
    r"(?:i|you|he|she|they)\s+(?:\w+\s+)?(?:lean|leans|press|presses|push|pushes|touch|touches"
    r"|knock|knocks|bump|bumps|rub|rubs|squeeze|squeezes|walk|walks|kneel|kneels|sit|sits|lie|lies)\b"
    # "meh not rly, sometimes when my sock rubs"
    r"|\bsometimes\s+(?:if|when|whenever)\s+(?:\w+\s+){0,3}?(?:lean|leans|press|presses|push"
    r"|pushes|touch|touches|knock|knocks|bump|bumps|rub|rubs|rubbing|squeeze|squeezes)\b"
)
# "they hurt when i knock them", "sore if you bump it": when the lump hurts, not an injury
WHEN_KNOCKED = re.compile(
    r"\b(?:hurts?|hurting|sore|painful|pain|aches?|stings?|tender)\b[^.!?]{0,20}?"
    r"\b(?:when|if|whenever|every\s*time)\s+(?:i|you|he|she|they|we|someone)\s+(?:\w+\s+)?$"
)
PAINLESS = re.compile(r"\b(?:painless|pain[- ]free)\b")
# "calcium deposits on my xray but i cant feel anything": found on a scan, not seen or felt
NOT_FELT = re.compile(
    r"\b(?:can'?t|cannot|cant|don'?t|dont|couldn'?t|couldnt)\s+(?:really\s+)?(?:feel|see)\s+"
    r"(?:anything|it|them|a\s+thing|any(?:\s+\w+)?)\b"
)
# what says an earlier answer is being changed: "sorry, actually yes it is tender"
CORRECTS = re.compile(
    r"\b(?:actually|i\s+meant|i\s+mean|wait|sorry|correction|i\s+was\s+wrong"
    r"|changed\s+my\s+mind|on\s+second\s+thought|come\s+to\s+think|scratch\s+that)\b"
)


def _entities(message: dict[str, Any]) -> list[dict[str, Any]]:
    return list(message.get("entities") or [])


def from_statement(message: dict[str, Any], *, relatives: bool = False) -> dict[str, Any]:
    """Slots a patient's own statement fills: "it doesn't hurt" -> pain False. A relative's
    condition ("my sister has lupus") is the patient's only when the questions are about
    someone the patient speaks for (``relatives``)."""
    slots: dict[str, Any] = {}
    text = str(message.get("text") or "")

    def before(entity: dict[str, Any]) -> str:
        return text[: int(entity.get("start") or 0)].lower()

    for entity in _entities(message):
        kind, value = entity.get("entity"), str(entity.get("value", "")).lower()
        negated = bool(entity.get("negated"))
        if kind in {"deposit_noticed", "pain", "known_condition", "possible_trigger"}:
            slots[str(kind)] = _payload_value(str(kind), entity.get("value"))
        # "they dont hurt much but sometimes they are sore": one mention not denied tells
        elif kind == "symptom" and value in DEPOSIT_WORDS:
            felt = not negated and NOT_FELT.search(text.lower()) is None
            slots["deposit_noticed"] = slots.get("deposit_noticed", False) or felt
        elif kind == "symptom" and value in PAIN_WORDS:
            # "yes they're tender. actually wait, no, they're not tender": the last one says
            corrected = CORRECTS.search(text.lower()) is not None
            slots["pain"] = not negated if corrected else slots.get("pain", False) or not negated
        elif kind == "condition" and value in LISTED_CONDITIONS and negated:
            # "sorry no, i dont actually have lupus"; "yes i have RA. no wait sorry, its
            # psoriatic arthritis not RA": taken back
            if CORRECTS.search(text.lower()) and slots.get("known_condition") in (None, value):
                slots["known_condition"] = "none"
        elif kind == "condition" and value in LISTED_CONDITIONS:
            if not relatives and of_a_relative(text, int(entity.get("start") or 0)):
                continue  # "i have a hard bump on my wrist, my sister has lupus"
            if ASKS_OF.search(before(entity)):
                continue  # "is scleroderma the skin one?": asks what it is, has none
            # "maybe lupus? not diagnosed": not what a doctor said
            if hedged_entity(text, entity):
                slots.setdefault("unsure_of", ["known_condition"])
            else:
                slots["known_condition"] = value
        elif kind == "cause" and value == "injury" and WHEN_KNOCKED.search(before(entity)):
            continue  # "yes they hurt when i knock them": when it hurts, not an injury
        elif (
            kind == "cause"
            and value == "injury"
            and (hurting := lump_hurts(text, entity)) is not None
        ):
            slots["pain"] = hurting  # "yes they hurt her", "they dont hurt him": no injury
        elif kind == "cause" and value in TRIGGERS:
            if not negated:
                slots["possible_trigger"] = value
            else:
                slots.setdefault("possible_trigger", "none")
    if "deposit_noticed" not in slots and tells_own_calcinosis(message, relatives=relatives):
        slots["deposit_noticed"] = True
    if "pain" not in slots and PAINLESS.search(text.lower()):
        slots["pain"] = False  # "a hard painless lump": no pain entity, and no pain
    return slots


# a symptom someone has: "my deposits", "her lumps", "these bumps on my hand"
OWNED = re.compile(r"\b(?:my|his|her|their|these|this|those)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# a condition asked about, not had: "is scleroderma the skin one?", "whats lupus again"
ASKS_OF = re.compile(
    r"^\W*(?:(?:so|and|wait|sorry|um+|hm+|ok|okay)\W+)*(?:is|isn'?t|was|what'?s|whats|what\s+is"
    r"|which\s+one\s+is|is\s+that)\s+$"
)
# "yes they hurt her", "it hurts him", "they dont hurt her": what comes before "hurt" is the
# lump, not someone hurt
LUMP_HURTS = re.compile(
    r"\b(?:it|they|these|those|this|that|lumps?|bumps?|ones?|deposits?)\s+"
    r"(?P<denied>(?:do|does|did)(?:n'?t|\s+not)\s+|dont\s+|doesnt\s+|didnt\s+|never\s+|not\s+)?"
    r"(?:still\s+|really\s+|do\s+|does\s+|sometimes\s+)?$"
)

# "hurts her a lot", "hurts him when he walks": the lump hurting someone, its subject left out;
# not "hurts her knee", an injury
HURTS_SOMEONE = re.compile(
    r"hurts\s+(?:her|him|them|me)\s*(?:$|[,.;:!?]|a\s+lot\b|alot\b|a\s+bit\b|so\s+much\b"
    r"|badly\b|bad\b|when\b|if\b|at\s+night\b|all\s+the\s+time\b|sometimes\b)"
)


def lump_hurts(text: str, entity: dict[str, Any]) -> bool | None:
    """Whether the lump hurts, when an injury read in "hurt her" is the lump hurting someone
    ("they hurt her": True; "they dont hurt her": False); None when it is an injury."""
    start = int(entity.get("start") or 0)
    if not text[start:].lower().startswith("hurt"):
        return None
    if HURTS_SOMEONE.match(text[start:].lower()):  # "...on her fingertips, hurts her a lot"
        return not entity.get("negated")
    found = LUMP_HURTS.search(text[:start].lower())
    if found is None:
        return None
    return not (found.group("denied") or entity.get("negated"))


def tells_own_calcinosis(message: dict[str, Any], *, relatives: bool = False) -> bool:
    """Whether a patient tells of calcinosis of their own where a deposit shows: "I've had
    calcinosis on my hands for years" has answered whether they noticed a lump. Asked ("can
    I get calcinosis on my hands?"), suspected ("maybe calcinosis in my fingers") or of
    someone else ("my mum has it on her hands"), it tells nothing of theirs; unless the
    questions are about the one the patient speaks for (``relatives``): "mum got calcinosis
    on her fingertips"."""
    text = str(message.get("text") or "")
    for entity in _entities(message):
        start, end = entity.get("start"), entity.get("end")
        if (
            entity.get("entity") != "body_site"
            or entity.get("negated")
            or str(entity.get("value", "")).lower() in UNSEEN_SITES
            or not isinstance(start, int)
            or not isinstance(end, int)
        ):
            continue
        sentence = _sentence_around(text, start, end)
        if (
            NAMES_CALCINOSIS.search(sentence.lower())
            and (of_someone_else(sentence) if relatives else of_oneself(sentence))
            and not asks(sentence)
            and not hedged_entity(text, entity)
        ):
            return True
    return False


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``, with its closing mark."""
    before = [m.end() for m in _SENTENCE_ENDS.finditer(text, 0, start)]
    after = _SENTENCE_ENDS.search(text, end)
    return text[before[-1] if before else 0 : after.end() if after else len(text)]


def _payload_value(slot: str, value: Any) -> Any:
    if slot in {"deposit_noticed", "pain"}:
        return str(value).lower() in {"true", "yes", "1"}
    return str(value).lower()


def from_answer(
    message: dict[str, Any],
    requested: str,
    answered: Mapping[str, Any] | None = None,
    *,
    relatives: bool = False,
) -> dict[str, Any]:
    """Slots an answer to the question about ``requested`` fills, including "not sure". A
    statement that tells something else ("i have RA" when asked about an injury), a feeling
    or a request the bot declines (a dose) leaves the requested question to be asked again;
    so does a yes or no that goes with what the message tells ("yes it's sore" when asked
    about a condition) or changes an earlier answer (``answered``, the slots before this
    message): in "actually no, it does hurt" the "no" may be about the pain."""
    intent = str((message.get("intent") or {}).get("name", ""))
    text = str(message.get("text") or "")
    slots = from_statement(message, relatives=relatives)
    asked_declined = declined(text.lower())
    if "no_medicine_advice" in asked_declined:  # "how much medicine should i take": asks of a
        # medicine, takes none ("so it was the fall that caused it?" tells of the fall)
        slots.pop("possible_trigger", None)
    slots = kept_answers(slots, answered or {}, requested, text)
    score = pain_score(text)
    if requested == "pain" and score is not None and "pain" not in slots:
        return {**slots, "pain": score > 0}  # "7/10": it hurts; "0": it does not
    if requested == "pain" and "pain" not in slots and TENDER_WHEN.search(text.lower()):
        return {**slots, "pain": True}  # "nah not rly, only if i lean on it": tender
    if (
        requested in slots
        or tells_only_when(text)  # "about 3 weeks ago": asked again, not taken as an answer
        or score is not None  # "3" to a question that is not about pain
        or (requested == "known_condition" and tells_only_degree(text))  # "sometimes"
        or intent in NOT_ANSWERS
        or asks_why_asked(text)  # answered first; the question is asked again
        or asks_to_explain_question(text)  # "what?": asked again, in plainer words
        # "he is fine, really. can we continue": no answer; "yes. go on" answers yes
        or (asks_to_go_on(text, last_sentence=True) and leading_answer(text) is None)
        or not_english(text)  # asked to write in English; the question is asked again
        or changes_answer(slots, answered or {})
    ):
        return slots
    if intent not in {*ANSWERS, "unsure"} and (slots or asked_declined):
        return slots  # told something else, or asked what the bot declines: ask again
    if corrects_place(message) and (leading_answer(text) is None or MEANT.search(text.lower())):
        # "sorry i meant my elbow not knee", "no sorry i meant my thigh not my shin": the place
        # corrected, the "no" its own; ask again
        return slots
    if DIAGNOSIS_NOTES.intersection(asked_declined) and leading_answer(text) is None:
        return slots  # "so it's probably fine then?" asks what only a doctor can tell: no yes
    if intent not in {*ANSWERS, "unsure"} and (is_question(text) or elliptical_question(text)):
        return slots  # "can my dog get this too", "which ones?": a question; ask again
    # "kinda" read as not sure is a hedged yes; "no idea" and "nah, not sure" give no answer;
    # a yes or no the reply starts with ("ok then no") over the classifier's reading
    told = leading_answer(text)
    answer = told if told is not None else ANSWERS.get(intent)
    if (
        answer is not None
        and requested != "deposit_noticed"  # "yes it looks sore": a lump, and a sore one
        and any(_says(value) == answer for value in slots.values())
    ):
        return slots  # "yes it's sore" when asked about a condition: the yes is the soreness's
    if answer is not None:  # "yes", or "yes its hard like a stone" read as something else
        if requested in {"deposit_noticed", "pain"}:
            slots[requested] = answer
        elif not answer:
            slots[requested] = "none"
        elif requested == "known_condition":  # "yes" to "a connective tissue disease?"
            slots[requested] = UNNAMED_CONDITION
        else:  # "yes" to "an injury, an infection or a medicine?" names none: ask no more
            slots["unsure_of"] = [requested]
    elif requested == "known_condition" and any(
        e.get("entity") == "condition" and e.get("negated") for e in _entities(message)
    ):
        slots[requested] = "none"
    else:  # "not sure", or an answer that names nothing usable: move on, never loop
        slots["unsure_of"] = [requested]
    return slots


def kept_answers(
    found: dict[str, Any], answered: Mapping[str, Any], requested: str | None, text: str
) -> dict[str, Any]:
    """What a reply fills. One that answers the question asked first ("not sure, i get joint
    pains but nobody's diagnosed anything") changes no earlier answer with what it tells
    after; one that says it corrects ("sorry, actually it is tender") may."""
    if (leading_answer(text) is None and not leading_unsure(text)) or CORRECTS.search(text.lower()):
        return found
    return {
        slot: value
        for slot, value in found.items()
        if slot == requested or answered.get(slot) in (None, value)
    }


def _says(value: Any) -> bool:
    """Whether a slot's value is a yes (True, a condition, a trigger) or a no."""
    return value if isinstance(value, bool) else value != "none"


def changes_answer(found: Mapping[str, Any], answered: Mapping[str, Any]) -> bool:
    """Whether ``found`` gives an earlier answer a different value."""
    return any(
        answered.get(slot) is not None and answered[slot] != value
        for slot, value in found.items()
        if slot in TRIAGE_SLOTS
    )


def slots_before_message(tracker: Tracker) -> dict[str, Any]:
    """The triage slots as they were before the latest message (as far as the events the
    action sees go back): this turn's own slot events come after the message."""
    values: dict[str, Any] = {}
    before = False
    for event in reversed(tracker.events):
        if not before:
            before = event.get("event") == "user"
        elif event.get("event") == "slot" and event.get("name") in TRIAGE_SLOTS:
            values.setdefault(str(event["name"]), event.get("value"))
    return values


def summarized_before(tracker: Tracker) -> bool:
    """Whether the questions already ended in a summary (in the events the action sees)."""
    return any(
        e.get("event") == "action" and e.get("name") == "action_triage_summary"
        for e in tracker.events
    )


def corrects_place(message: dict[str, Any]) -> bool:
    """Whether a message corrects where the lump is, and tells nothing else ("oops its
    actually my elbow, not the knee")."""
    entities = _entities(message)
    return (
        CORRECTS.search(str(message.get("text") or "").lower()) is not None
        and bool(entities)
        and all(entity.get("entity") == "body_site" for entity in entities)
    )


MEANT = re.compile(r"\b(?:i\s+meant|i\s+mean|meant\s+to\s+say)\b")
# "sorry actually its my son's calf not mine": the lump is someone else's
NOT_MINE = re.compile(r"\bnot\s+(?:mine|me|my\s+own)\b")


def corrects_person(text: str) -> bool:
    """Whether a message says the lump is someone else's, not the patient's ("sorry actually
    its my son's calf not mine, he's 12")."""
    lower = text.lower()
    return (
        CORRECTS.search(lower) is not None
        and NOT_MINE.search(lower) is not None
        and names_someone_else(text)
    )


def told_in_a_statement(message: dict[str, Any], kind: str) -> bool:
    """Whether an entity of ``kind``, not denied, stands in a clause that tells rather than
    asks ("I've been on prednisone for years, could that be it?"; not "which medication
    should i take?")."""
    text = str(message.get("text") or "")
    for entity in _entities(message):
        if entity.get("entity") != kind or entity.get("negated"):
            continue
        clause = clause_around(text, int(entity.get("start") or 0), int(entity.get("end") or 0))
        if not asks_or_requests(clause):
            return True
    return False


def speaks_for_someone(tracker: Tracker, asked: bool) -> bool:
    """Whether the patient speaks for someone else: said when the questions started (while
    they are ``asked``), else by the message ("my mum has lupus and hard lumps on her hands")."""
    if tracker.get_slot("for_someone_else"):
        return True
    return not asked and of_someone_else(str(tracker.latest_message.get("text") or ""))


def is_personal(message: dict[str, Any]) -> bool:
    intent = str((message.get("intent") or {}).get("name", ""))
    return intent == "report_symptom" or of_oneself(str(message.get("text") or ""))


class ValidateSlotMappings(ValidationAction):
    """Global slot filling: whatever the patient says of themselves, in any turn, also in the
    middle of the questions, so a statement that leaves them is not lost."""

    _domain_slots: tuple[DomainDict, list[str]] | None = None

    def domain_slots(self, domain: DomainDict) -> list[str]:
        """Computed once per domain: each answer scans every slot's mappings, and a turn asks
        for extraction and again for validation. The domain object is held, so a new one (an
        action server's next request) is never mistaken for it."""
        if self._domain_slots is None or self._domain_slots[0] is not domain:
            self._domain_slots = (domain, super().domain_slots(domain))
        return list(self._domain_slots[1])

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The triage slots the patient's own statement fills, read from the message once:
        rasa-sdk's default calls an ``extract_<slot>`` method for every slot in the domain,
        and each would read the whole message again. In the middle of the triage questions
        "they don't hurt" is about their lump too, but "does it hurt?" is a question; and a
        medicine, injury or infection named in a question is asked about, not told."""
        message = tracker.latest_message
        text = str(message.get("text") or "")
        about_their_lump = tracker.active_loop_name == "triage_form" and not is_question(text)
        if not (is_personal(message) or about_their_lump):
            return []
        if not about_their_lump and of_a_pet(message):
            return []  # "my dog has a lump on his paw": the pet's, not the patient's
        found = from_statement(message, relatives=speaks_for_someone(tracker, about_their_lump))
        asked = asks_or_requests(text)
        if asked and not told_in_a_statement(message, "cause"):
            found.pop("possible_trigger", None)  # "which medication should i take?": asked
        if (
            not about_their_lump
            and asked
            and not told_in_a_statement(message, "symptom")
            and not any(
                e.get("entity") == "symptom" and OWNED.search(text[: int(e.get("start") or 0)])
                for e in _entities(message)
            )
        ):  # "my back is killing me, but are calcium deposits painful?": asked, not had (not
            # "which medication dissolves my deposits", which tells they have them)
            found.pop("deposit_noticed", None)
            found.pop("pain", None)
        if about_their_lump:
            answered = {slot: tracker.get_slot(slot) for slot in TRIAGE_SLOTS}
            found = kept_answers(found, answered, tracker.get_slot("requested_slot"), text)
        mapped = self.domain_slots(domain)
        events: list[EventType] = [
            SlotSet(slot, found[slot]) for slot in TRIAGE_SLOTS if slot in found and slot in mapped
        ]
        tracker.slots.update({event["name"]: event["value"] for event in events})
        return events


class ValidateTriageForm(FormValidationAction):
    """Fills the triage slots from answers; skips what is known or answered "not sure"."""

    def name(self) -> str:
        return "validate_triage_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The questions still to ask, plus the record of "not sure" answers.

        rasa-sdk keeps only the validated slots this lists, so `unsure_of` is listed too;
        `next_requested_slot` asks only the triage questions.
        """
        unsure = set(tracker.get_slot("unsure_of") or [])
        return [*(slot for slot in TRIAGE_SLOTS if slot not in unsure), "unsure_of"]

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> EventType:
        """Always name the next question (None when done), so the form never guesses."""
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        missing = (s for s in required if s in TRIAGE_SLOTS and tracker.get_slot(s) is None)
        return SlotSet("requested_slot", next(missing, None))

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        message = tracker.latest_message
        requested = tracker.get_slot("requested_slot")
        events: list[EventType] = []
        if requested in TRIAGE_SLOTS:
            # earlier answers matter only to a message that tells something
            answered = slots_before_message(tracker) if message.get("entities") else {}
            found = from_answer(
                message, str(requested), answered, relatives=speaks_for_someone(tracker, True)
            )
        elif (paused := paused_slot(tracker)) and answers_plainly(message):
            # "no" after "whats dermatomyositis?" paused the questions: the answer to the one
            # left open
            found = from_answer(message, paused, relatives=speaks_for_someone(tracker, True))
        else:  # the form starts: fill what the opening message already says
            found = from_statement(message, relatives=speaks_for_someone(tracker, False))
            if summarized_before(tracker):  # a new report: its lump's own answers
                events = [
                    SlotSet(slot, None)
                    for slot in LUMP_SLOTS
                    if slot not in found and tracker.get_slot(slot) is not None
                ]
                tracker.add_slots(events)
        unsure = list(tracker.get_slot("unsure_of") or [])
        for slot, value in found.items():
            if slot == "unsure_of":
                unsure = list(dict.fromkeys([*unsure, *value]))
                events.append(SlotSet("unsure_of", unsure))
            elif (slot in TRIAGE_SLOTS and tracker.get_slot(slot) is None) or slot == requested:
                events.append(SlotSet(slot, value))
        tracker.add_slots(events)
        return events


def paused_slot(tracker: Tracker) -> str | None:
    """The question left open when the questions paused for the patient's own question, if
    the latest message is the first since the answer to it; else None."""
    users = 0
    paused = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            users += 1
            if users > 2 or (users == 2 and not paused):
                return None
        elif kind == "action" and event.get("name") == "utter_triage_paused":
            paused = True
        elif paused and kind == "slot" and event.get("name") == "requested_slot":
            value = event.get("value")
            if value in TRIAGE_SLOTS:
                return str(value)
    return None


# a bare "yes" or "no" after the pause may say whether to go on, not answer: said with words
# that tell ("no he doesnt have that") it answers
ANSWER_WORDS = 3
WORDS = re.compile(r"[a-z']+", re.IGNORECASE)


def answers_plainly(message: dict[str, Any]) -> bool:
    """Whether a message is a yes, a no or a not sure told in words, and asks nothing: "nope
    never been told anything like that", "no he doesnt have that"."""
    text = str(message.get("text") or "")
    intent = (message.get("intent") or {}).get("name")
    told = leading_answer(text) is not None or leading_unsure(text)
    return (
        (told or intent in {"affirm", "deny", "unsure"})
        and len(WORDS.findall(text)) >= ANSWER_WORDS
        and not asks_or_requests(text)
    )


class ActionTriageSummary(Action):
    """What the source says that relates to the answers; never a diagnosis."""

    def name(self) -> str:
        return "action_triage_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        k = knowledge()
        deposit, pain = tracker.get_slot("deposit_noticed"), tracker.get_slot("pain")
        condition = tracker.get_slot("known_condition")
        trigger = tracker.get_slot("possible_trigger")
        fact_ids: list[str] = []
        notes: list[str] = []
        if deposit:
            fact_ids.append("symptoms_visible_palpable_deposits")
        if pain:
            fact_ids.append("symptoms_discomfort_tenderness")
        if deposit is False and pain is False:
            fact_ids.append("symptoms_no_symptoms_xray")
        if condition and condition != "none":
            fact_ids.append("conditions_connective_tissue_diseases")
            if condition in LISTED_CONDITIONS and condition != UNNAMED_CONDITION:
                notes.append(f"The source lists {condition} among these conditions.")
        if trigger and trigger != "none":
            fact_ids.append("causes_injury_infection_medications")
        fact_ids.append("treatment_depends_on_cause")
        fact_ids = [i for i in dict.fromkeys(fact_ids) if i in k.facts.by_id]
        dispatcher.utter_message(
            response="utter_triage_summary",
            fact_ids=fact_ids,
            notes=notes,
            buttons=[k.button(t) for t in ("doctor", "treatment", "source")],
            custom={"links": ["booking", "phone"]},
        )
        return [SlotSet("last_topic", "symptoms"), SlotSet("facts_shown", fact_ids)]
