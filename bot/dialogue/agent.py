"""One bot turn: safety gate, slot filling, rules, form, actions, rendering, closing advice.

Actions decide what to say; the agent renders it and closes the turn, so a remote action
server can neither skip the closing advice nor the emergency routing.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import rasa_sdk

from bot.actions.answers import asks_severity_of_it
from bot.actions.knowledge import knowledge
from bot.actions.triage import (
    TENDER_WHEN,
    TRIAGE_SLOTS,
    corrects_person,
    from_statement,
    told_in_a_statement,
)
from bot.content.render import BotMessage, Renderer
from bot.dialogue.rules import RulePolicy
from bot.dialogue.runner import ActionCall, ActionRunner, ActionServerError
from bot.dialogue.tracker import DialogueState, Event
from bot.history import messages_answered_with, replies, told_before
from bot.nlu.components import FALLBACK_INTENT, IntentScore
from bot.nlu.interpreter import ParseResult, Question
from bot.nlu.names import NAMES_CALCINOSIS
from bot.nlu.questions import (
    announces_question,
    asked_term,
    asks,
    asks_by_naming,
    asks_next_step,
    asks_plainer,
    asks_to_explain_question,
    asks_to_go_on,
    asks_to_repeat,
    asks_where,
    asks_why_asked,
    earlier_question,
    elliptical_question,
    ends_asking,
    hedged_entity,
    is_question,
    last_clause_question_start,
    last_question_start,
    leading_answer,
    leading_unsure,
    not_english,
    of_a_pet,
    of_oneself,
    of_someone_else,
    pain_score,
    puts_off,
    question_start,
    tells,
    tells_only_when,
    who_can_tell,
)
from bot.safety import LIVE_EMERGENCY_MESSAGES, NAMED_BY_NO_FLAG
from bot.safety.declines import DECLINED, declined, presses
from bot.safety.gate import SafeUnderstanding
from bot.safety.redflags import help_called, stands_down

FORM = "triage_form"
FORM_VALIDATION = f"validate_{FORM}"
SUMMARY = "action_triage_summary"
SLOT_MAPPINGS = "action_validate_slot_mappings"
REPEAT = "action_repeat"  # the agent's own: it says again what it said, no action server asked
# the agent's own too: the questions' answers forgotten, to be asked again from the first
RESTART = "action_restart_questions"
# "can we start over, i answered wrong", "restart", "let me start again": the questions from
# the beginning, not what was answered
RESTARTS = re.compile(
    r"^(?!.*\b(?:not|don'?t|dont|no\s+need)\b).*(?:"
    r"\b(?:start|begin|go(?:\s+over)?)\s+(?:(?:it|them|this|that|the\s+questions|all)\s+)?"
    # not "i went over the handlebars", "did go over on that ankle": a fall told
    r"(?:(?<!go\s)over|again|afresh)\b|\brestart\b|\bredo\s+(?:the|my|those|these)\s+"
    r"(?:questions|answers)\b|\bfrom\s+(?:the\s+)?(?:beginning|start|scratch)\b)"
)
# a question put before the answer: "hang fire, first tell me what triggers bumps like this",
# "before i answer, explain what causes them"
ASKS_FIRST = re.compile(
    r"\b(?:first|before\s+(?:that|i\s+answer))\b[^.?!]*\b(?:tell\s+me|explain)\b"
    r"|\btell\s+me\s+(?:what|how|why|which|whether|if)\b"
)
# "must I give up cheese ...": a question, though no question word starts it
MUST_I = re.compile(r"^\W*must\s+(?:i|we|he|she|they)\b")
# what a patient says to end, leave or step aside from the questions; never an answer
NEVER_RESUMES = frozenset(
    {"stop", "goodbye", "thank", "greet", "express_worry", "bot_challenge", "ask_capabilities"}
)
# how the chat is kept: "is this chat private?", "do you store my chats"
ASKS_PRIVACY = re.compile(
    r"\b(?:private|privacy|confidential|store|stored|storing|save|saved|keep|kept|record\w*"
    r"|who\s+can\s+see|will\s+(?:my\s+)?\w+\s+see)\b"
)
# what doubts the answer, the source or the help: the same answer again would only argue
DOUBTS = frozenset({"doctor_knows_best", "source_doubted", "not_helped", "not_answered"})
# a question of causes: "what causes it", "why do i get them", "can my tablets cause it"
ASKS_A_CAUSE = re.compile(r"\b(?:caus\w*|why|trigger\w*|lead\s+to|from|get\s+it|reason)\b")
# a finding named by its word, which "what does that mean?" asks about: "calcifications on my
# x-ray", "calcium in my shoulder", "calcinosis cutis"
FINDING_NAMED = re.compile(r"\bcalc(?:inosis|ifications?|ified|ium)\b")
ASKS_MEANING = re.compile(
    r"^\W*(?:so\s+|and\s+|but\s+)?(?:what\s+(?:does|do)\s+(?:that|this|it|they|those)\s+mean"
    r"|what\s+(?:are|is)\s+(?:those|these|that|this|they|it)\s*(?:\W|dear|please|pls|then|$))"
)
# "its stopped and the paramedics are with him now, carry on": asked to go on, last
ENDS_GOING_ON = re.compile(
    r"\b(?:carry\s+on|continue|go\s+on|keep\s+going|where\s+(?:were\s+we|was\s+i)"
    r"|back\s+to\s+(?:my|the|his|her|your)\s+\w+(?:\s+\w+)?)\W*$"
)
# worry that may be too much to bear alone, which the reassurance answers with the crisis line
STRONG_WORRY = re.compile(
    r"\b(?:terrified|panic\w*|can'?t\s+cope|cannot\s+cope|overwhelm\w*|hopeless|desperate"
    r"|(?:really|so|very)\s+(?:scared|frightened|afraid)"
    r"|falling\s+apart|breaking\s+down|freaking\s+out|losing\s+my\s+mind|going\s+crazy"
    r"|can'?t\s+stop\s+(?:crying|shaking|worrying)|can'?t\s+take\s+(?:it|this)|end\s+of\s+my\s+rope)"
)
# someone who has died: "my gran passed away last year. her hands had hard white lumps"
DIED_TOLD = re.compile(
    r"(?<!nearly\s)(?<!almost\s)(?<!\bi\s)\b(?:passed\s+away|died)\b(?!\s+(?:of|from|with)\s+"
    r"(?:embarrassment|laughing|laughter|shame|boredom|fright))|\b(?:my|his|her)\s+late\b"
)
# a question of calcinosis, its deposits or their treatment, without the name
OF_CALCINOSIS = re.compile(
    r"\b(?:calc(?:inosis|if\w*|ium)|deposits?|surgery|operation|treatments?|treat(?:ed)?)\b"
)
# findings the questions do not fit: calcifications on a mammogram, or inside an organ ("basal
# ganglia calcification", "calcium deposits on my cornea", "calcified arteries"), are no lump
# under the skin, and the source says nothing of those organs
INSIDE_AN_ORGAN = (
    r"brain|basal\s+ganglia|pineal|cornea|corneal|retina|arter(?:y|ies)|coronary|aort(?:a|ic)"
    r"|(?:heart\s+)?valves?"
)
OUTSIDE_THE_QUESTIONS = re.compile(
    r"\b(?:breasts?|mammograms?|mammography|mammo|calcium\s+score)\b"
    rf"|\b(?:{INSIDE_AN_ORGAN})\b(?:\W+\w+){{0,4}}?\W+calc(?:ium|if\w*|inosis)\b"
    rf"|\bcalc(?:ium|if\w*|inosis)\b(?:\W+\w+){{0,5}}?\W+(?:{INSIDE_AN_ORGAN})\b"
)
# "can i still eat dairy if i have calcium deposits?": a symptom supposed, not told
SUPPOSED = re.compile(
    r"\b(?:if|when|once|in\s+case)\s+(?:i|you|he|she|they|we|someone|people|my\s+\w+)\s+"
    r"(?:ever\s+)?(?:have|has|had|get|gets|got|develop|develops)\b[^.?!,;]*$"
)
# a turn that took up the questions again after the emergency advice, which it reminded of
RESUMED_AFTER_EMERGENCY = frozenset({"utter_emergency_first", FORM})
# the bot's last replies after which "go on" resumes paused questions, other messages between:
# help come after the emergency advice, or what else the patient would like to know
RESUMES_AFTER = ("utter_come_back", "utter_glad_help", "utter_glad_safe", "utter_how_can_i_help")
# "actually ok lets do the questions", "can we carry on where we left off": the questions
# asked for again, which the classifier may read as "stop" (it names them) or out of scope
WANTS_QUESTIONS = re.compile(
    r"^(?!.*\b(?:not|don'?t|dont|no more|stop|skip|enough|cancel|quit|end|without)\b).*(?:"
    r"\b(?:do|start|answer|continue|resume|restart|finish|carry on with|go on with|get on with"
    r"|back to)\s+(?:the|your|those|these|my)\s+questions\b"
    r"|\b(?:carry on|continue|pick up|start again) (?:from )?where (?:we|you|i) "
    r"(?:left off|stopped)\b"
    # "ok fine ask", "go ahead and ask me", "ask away"
    r"|^\W*(?:(?:ok|okay|fine|alright|go\s+ahead|go\s+on|then|so|and)\W+)*ask"
    r"(?:\s+(?:me|away|them|your\s+questions|the\s+questions))?\W*$)"
)
# what such a request may be read as ("hello again. can we pick up where we stopped": a greeting)
ASKED_AGAIN_AS = frozenset(
    {"stop", "out_of_scope", FALLBACK_INTENT, "thank", "affirm", "ask_more", "greet"}
)
# "bye", "see you", "that's all i needed": leave taken, in thanks
TAKES_LEAVE = re.compile(
    r"\b(?:bye|goodbye|bye\s+bye|see\s+(?:you|ya)|take\s+care|cheerio|good\s*night"
    r"|that'?s\s+all(?:\s+i\s+(?:needed|wanted))?)\b"
)
# a plain yes or no
PLAIN_ANSWERS = frozenset({"affirm", "deny"})
# what a message that says the emergency is over reads as when it asks or tells nothing else:
# "ok paramedics r here now theyre sorting it" reads as out of scope, or as a yes
TELLS_NOTHING_MORE = PLAIN_ANSWERS | {"out_of_scope", FALLBACK_INTENT, "unsure"}
# "is it? no" may answer; "can it be completely painless" asks
MIN_QUESTION_WORDS = 4
# "i'm safe, i'm not going to do anything. can you just tell me how calcinosis is treated?":
# a question about calcinosis after the crisis line, answered after it is given again
SAYS_SAFE = re.compile(
    r"\b(?:i'?m|i\s+am|im)\s+(?:safe|ok|okay|fine|alright)\b"
    r"|\bnot\s+going\s+to\s+(?:do\s+anything|hurt\s+myself)\b"
)
# what leaves the emergency advice, as a message saying it is past or help has come does
LEAVES_EMERGENCY = frozenset({"thank", "goodbye"})
# below this, a stood-down emergency's next reading is noise ("the ambulance came, its fine now")
STOOD_DOWN_MIN_CONFIDENCE = 0.3
# a symptom entity that tells of none ("i have no symptoms"): no answer, nothing to ask about
NO_SYMPTOM = "no symptoms"
# after a symptom told, a clause that asks "what should i do now" or "what can you do" is what
# the questions answer, not a question of its own
NOT_ASKED_IN_A_CLAUSE = frozenset({"ask_doctor", "ask_source", "ask_more", "ask_capabilities"})
SLOT_ENTITIES = {
    "deposit_noticed": "symptom",
    "pain": "symptom",
    "known_condition": "condition",
    "possible_trigger": "cause",
}
TRIAGE_ENTITIES = frozenset(SLOT_ENTITIES.values())


def now() -> float:
    return time.time()


def led_by(parse: ParseResult, intent: str, confidence: float) -> ParseResult:
    """The parse read as ``intent``, which then leads its ranking."""
    entry: IntentScore = {"name": intent, "confidence": confidence}
    result = parse.copy()
    result["intent"] = {"name": intent, "confidence": confidence}
    result["intent_ranking"] = [entry, *(r for r in parse["intent_ranking"] if r["name"] != intent)]
    return result


def last_reply(events: Sequence[Event]) -> list[Event]:
    """The bot messages of the turn before the latest user message (none before the first)."""
    said: list[Event] = []
    users = 0
    for event in reversed(events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                break
        elif event.get("event") == "bot" and users == 1:
            said.append(event)
    return said[::-1]


def said_again(event: Event) -> BotMessage:
    """A bot event's message as it was sent: its text, buttons and links."""
    message = BotMessage(text=str(event.get("text") or ""))
    data = event.get("data") or {}
    if data.get("buttons"):
        message["buttons"] = data["buttons"]
    if data.get("custom"):
        message["custom"] = data["custom"]
    return message


def action_event(name: str) -> Event:
    return {
        "event": "action",
        "timestamp": now(),
        "name": name,
        "policy": "RulePolicy",
        "confidence": 1.0,
    }


def slot_event(name: str, value: Any) -> Event:
    return {"event": "slot", "timestamp": now(), "name": name, "value": value}


def loop_event(name: str | None) -> Event:
    return {"event": "active_loop", "timestamp": now(), "name": name}


@dataclass
class Turn:
    """What one user message produced: the events to store and the messages to send."""

    parse: ParseResult
    events: list[Event] = field(default_factory=list)
    messages: list[BotMessage] = field(default_factory=list)


class _TurnBuilder:
    """Collects events and messages; bot events get their final text when the turn closes."""

    def __init__(self, state: DialogueState, parse: ParseResult) -> None:
        self.state = state
        self.turn = Turn(parse=parse)
        self.pending: list[tuple[Event, BotMessage]] = []
        # what the bot declines in this message (a dose, a diagnosis), read once a turn
        self.declines = declined(parse["text"].lower())

    def add(self, *events: Event) -> None:
        for event in events:
            self.state.apply(event)
            self.turn.events.append(event)

    def say(self, message: BotMessage) -> None:
        data = {k: v for k, v in message.items() if k in ("buttons", "custom")}
        event: Event = {
            "event": "bot",
            "timestamp": now(),
            "text": message["text"],
            "data": data,
            "metadata": {},
        }
        self.add(event)
        self.pending.append((event, message))
        self.turn.messages.append(message)


class Agent:
    """The dialogue manager for every conversation (its state lives in events)."""

    def __init__(
        self,
        gate: SafeUnderstanding,
        policy: RulePolicy,
        runner: ActionRunner,
        renderer: Renderer,
        domain: dict[str, Any],
        response_buttons: dict[str, list[dict[str, str]]],
    ) -> None:
        self.gate = gate
        self.policy = policy
        self.runner = runner
        self.renderer = renderer
        self.domain = domain
        self.response_buttons = response_buttons

    def understand(self, text: str) -> ParseResult:
        """NLU plus the safety gate: a red flag overrides the intent."""
        return self.gate(text)

    async def handle(
        self,
        state: DialogueState,
        text: str,
        metadata: dict[str, Any] | None = None,
        input_channel: str = "rest",
    ) -> Turn:
        """One turn on ``state``, which takes the turn's events as they happen."""
        parse = self.understand(text)
        asked = self._asked_as_well(parse, state)
        after = asked[1] if asked else None
        parse = (
            asked[0]
            if asked
            else self._asks_rather_than_answers(parse, state)
            or self._asks_medicine_advice(parse)
            or self._takes_leave(parse)
            or self._stood_down(parse, state)
            or self._tells_a_cause(parse, state)
            or parse
        )
        builder = _TurnBuilder(state, parse)
        pressed = not builder.declines and presses(text)  # "come on, just tell me yes or no"
        if pressed:
            builder.declines = self._declined_last(state)
        builder.add(
            {
                "event": "user",
                "timestamp": now(),
                "text": text,
                "parse_data": dict(parse),
                "input_channel": input_channel,
                "message_id": uuid.uuid4().hex,
                "metadata": metadata or {},
            }
        )
        try:
            plan = self.plan(state, parse, builder.declines, pressed=pressed, after=after)
            for action in plan:
                await self.step(builder, action)
        except ActionServerError:
            builder.say(self._render({"response": "utter_error"}))
        self._close(builder)
        builder.add(action_event("action_listen"))
        return builder.turn

    def plan(
        self,
        state: DialogueState,
        parse: ParseResult,
        declines: tuple[str, ...],
        *,
        pressed: bool = False,
        after: str | None = None,
    ) -> tuple[str, ...]:
        """The actions for this message: rules, with the form's own answers and exits.
        ``pressed``: the message only presses for what ``declines`` declined before;
        ``after``: what the message did before it asked what ``parse`` reads ("stop",
        "report_symptom")."""
        intent = parse["intent"]["name"]
        if intent == "emergency":
            return ("action_emergency",)
        loop = state.active_loop
        live = self._live_emergency(state) is not None
        if live and not self._moves_on(parse):
            if (
                loop is None
                and self._live_flag(state) != "suicide"
                and self._says_continue(parse, state)
            ):
                # "im back, where were we" right after the advice left the questions: they go
                # on, after the reminder to call for help first
                return ("action_extract_slots", "utter_emergency_first", FORM)
            # "what do i do", "help", "should i wait and see?", "i feel dizzy" after the
            # emergency advice: the same advice, until the patient moves on
            return ("action_emergency",)
        later = puts_off(parse["text"])
        if (
            (
                intent in TELLS_NOTHING_MORE
                or later
                # "ok im back, the bleeding stopped" read as a question it does not ask
                or (intent.startswith("ask_") and not asks(parse["text"]))
            )
            and stands_down(parse["text"])
            and self._advised_emergency(state)
            and not self._says_continue(parse, state)
        ):  # "ok hes ok now, false alarm" after the advice: nothing else asked or told; "i'm
            # safe now" after thoughts of suicide: the crisis line once more, kindly;
            # "paramedics are here, can we do the questions later?": of course
            if self._crisis_advised(state):
                glad: tuple[str, ...] = ("utter_glad_safe",)
            else:  # "my son is taking me to the ER now": glad of it, not silent
                glad = ("utter_glad_help",) if help_called(parse["text"]) else ()
                if (
                    not later
                    and self._resuming(state)
                    and (not glad or loop == FORM or ENDS_GOING_ON.search(parse["text"].lower()))
                ):
                    # "ok im back, the bleeding stopped" when the emergency came in the middle
                    # of the questions: the question left open, asked again (while help is
                    # only just there, the patient says when to go on)
                    return (*glad, FORM)
            return (*glad, "utter_come_back" if later else "utter_how_can_i_help")
        if asks_to_repeat(parse["text"]) and last_reply(state.events):
            return (REPEAT,)  # "sorry, can you repeat that": the same words, nothing changed
        if (
            loop is None
            and asks_plainer(parse["text"])
            and state.slots.get("facts_shown")
            and not live
        ):  # "simpler pls", "huh??" after an answer: the same facts in plainer words
            return ("action_plainer",)
        prefix: tuple[str, ...] = ("action_extract_slots",)
        if live and intent.startswith("ask_"):  # "could the calcinosis be causing it?" while
            # the emergency lasts: answered, after the reminder to call for help first
            prefix = (*prefix, "utter_emergency_first")
        elif parse.get("red_flag_mentioned"):  # "can it cause a stroke?": the advice first
            prefix = (*prefix, "utter_emergency_mentioned")
        if not_english(parse["text"]):  # "hola, tengo un bulto duro en el dedo": the bot reads
            # English only, and whatever the classifier made of it is a guess
            return (*prefix, "utter_english_only", *((FORM,) if loop == FORM else ()))
        if declines:  # a dose, a diagnosis: whatever the intent
            prefix = (*prefix, "utter_declines")
            # a test to skip: the lump is in a team's hands already, so no questions about it
            own_lump = (
                loop is None
                and "keep_appointment" not in declines
                and self._names_own_symptom(parse)
                and self._questions_fit(parse)
            )
            if (
                pressed
                or intent in {"out_of_scope", FALLBACK_INTENT, "ask_more"}
                or self._only_doubts(parse["text"], declines)
                or self._only_medicine_advice(intent, parse["text"], declines)
                # "why did you say tumours": the note says what the text meant, not the
                # sentence again
                or "not_about_you" in declines
            ):
                # declined, nothing else understood ("what else could it be" reads as "tell me
                # more"): the same question; or "is it calcinosis
                # or gout? my toe has a chalky lump": what the questions can relate to it;
                # else neither "did you mean ...?" nor "i can only help with calcinosis",
                # which the question was about, but what else to ask
                return (*prefix, FORM if loop == FORM or own_lump else "utter_how_can_i_help")
            if "see_soon" in declines and loop is None and self._after_summary(state):
                # "one lump is open now and it bleeds" after the summary: the questions are
                # answered; who to see, not the questions again
                return (*prefix, "action_doctor")
            answer = self.policy.actions_for(intent, None)
            if own_lump and answer and FORM not in answer and intent not in NEVER_RESUMES:
                # a request about their own lump declined, what was asked answered: then the
                # questions, whatever the classifier made of the rest
                return (*prefix, *answer, FORM)
        if after == "stop":  # "no more questions, just tell me what causes it": stopped, answered
            stop = ("action_deactivate_loop", "utter_triage_stopped") if loop == FORM else ()
            return (*prefix, *stop, *(self.policy.actions_for(intent, None) or ()))
        if after in {"thank", "out_of_scope", FALLBACK_INTENT}:  # thanks, or the emergency
            # said to be over, then a question: answered ("glad" when help came); in the middle
            # of the questions, they pause for it
            glad = ("utter_glad_help",) if after != "thank" and help_called(parse["text"]) else ()
            pause = ("action_deactivate_loop", "utter_triage_paused") if loop == FORM else ()
            return (*prefix, *pause, *glad, *(self.policy.actions_for(intent, None) or ()))
        if after == "report_symptom":  # "I have a hard lump on my finger. When should I see a
            # doctor?": answered, then the questions (not of a mammogram's finding)
            questions = (FORM,) if self._questions_fit(parse) else ()
            return (*prefix, *(self.policy.actions_for(intent, None) or ()), *questions)
        if loop is None and announces_question(parse["text"]):
            # "I have a question about calcinosis": what would they like to know (not the
            # questions, which the words "question" and "calcinosis" may read as)
            return (*prefix, "utter_how_can_i_help")
        if self._restarts(parse, state):  # "can we start over, i answered wrong"
            return (RESTART, *prefix, "utter_triage_restarted", FORM)
        if loop == FORM and asks_to_explain_question(parse["text"]):  # "what?": said plainer
            return (*prefix, FORM)
        if loop == FORM and asks_why_asked(parse["text"]):  # why, then the same question
            return (*prefix, "utter_why_asked", FORM)
        if loop == FORM and asks_to_go_on(parse["text"], last_sentence=True):
            return (*prefix, FORM)  # "he is fine, really. can we continue": the same question
        if loop == FORM and self._asks_unmentioned(parse):
            # "btw is that the same as a cyst?": leave the questions politely, say so
            return (*prefix, "action_deactivate_loop", "utter_triage_paused", "action_fallback")
        if loop == FORM and self._answers_form(parse):
            return (*prefix, FORM)
        if loop is None and (
            self._continues_paused_form(parse, state)
            or self._says_continue(parse, state)
            or self._asks_for_questions_again(parse, state)
        ):
            return (*prefix, FORM)
        if (
            loop is None
            and self._after_summary(state)
            and self._tells(parse, {"condition", "cause"})
            and not self._names(parse, {"symptom"}, negated=True)
        ):  # "im on prednisone for years" right after the summary: a late answer, the summary
            # again with it (not the questions from the start); "yes the scleroderma", told
            # already, would give the same summary word for word: what else to ask
            told_new = self._changes_answers(parse, state)
            return (*prefix, SUMMARY if told_new else "utter_how_can_i_help")
        if loop is None and asks_next_step(parse["text"]) and self._after_summary(state):
            # "what does that mean for me?" after the summary: only a doctor can tell
            return (*prefix, "action_doctor")
        if (
            loop is None
            and intent in {"ask_more", "out_of_scope", FALLBACK_INTENT}
            and not self._names(parse, {"symptom"}, negated=False)
            and (
                (self._names(parse, {"body_site"}, negated=False) and asks_where(parse["text"]))
                or (
                    self._names(parse, {"species"}, negated=False) and asks_by_naming(parse["text"])
                )
            )
        ):  # "what about the kidneys?", "hands?": whether it forms there; "and dogs?":
            # whether they get it
            return (*prefix, "action_answer")
        if loop is None and elliptical_question(parse["text"]):
            # "why?", "which ones?": after the summary, only a doctor can tell; after an
            # answer, the source says no more, and what else it says of that topic
            return (*prefix, "action_doctor" if self._after_summary(state) else "action_more")
        if loop is None and intent == "express_worry" and self._tells_symptom(parse):
            # "i'm scared about this lump on my elbow": reassurance, then the questions
            return (*prefix, "utter_reassure", FORM)
        if (
            loop is None
            and intent in {"out_of_scope", FALLBACK_INTENT}
            and self._tells_own_symptom(parse)
        ):  # "my 6 yr old has a hard lump on her shin, what should i do"
            return (*prefix, FORM)
        if (
            loop is None
            and intent in {"out_of_scope", FALLBACK_INTENT, "report_symptom"}
            and of_a_pet(parse)  # not "my kid ... she has a hard lump on her knee"
            and (
                self._names(parse, {"symptom"}, negated=False)
                or NAMES_CALCINOSIS.search(parse["text"].lower()) is not None
            )
        ):  # "my dog has a hard lump on his paw", "my dog has calcinosis": what the source says
            # of animals, no questions
            return (*prefix, "action_answer")
        if (
            loop is None
            and intent == "report_symptom"
            and (asks(parse["text"]) or MUST_I.match(parse["text"].lower()) is not None)
            and self._questions_fit(parse)
            and knowledge().unmentioned_in(parse["text"].lower())
        ):  # "thinking of getting inked where my calcinosis is, good idea?", "must I give up
            # cheese now I've got calcium spots": what the source does not mention, then the
            # questions
            return (*prefix, "action_answer", FORM)
        if (
            loop is None
            and not self._questions_fit(parse)
            and (
                intent == "report_symptom"
                or (
                    intent in {"out_of_scope", FALLBACK_INTENT, "ask_more"}
                    and NAMES_CALCINOSIS.search(parse["text"].lower()) is not None
                )
            )
        ):  # "my mammogram showed calcifications", "they called me back after my mammogram bc
            # of calcifications": no lump to ask about; what the source says
            return (*prefix, "action_answer")
        actions = self.policy.actions_for(intent, loop)
        # "what is vasculitis?", out of scope to the classifier: what the source says with it
        explains = intent in {"out_of_scope", FALLBACK_INTENT} and bool(
            self.renderer.facts.explaining(asked_term(parse["text"]))
        )
        if explains and not loop:
            return (*prefix, "action_answer")
        if (
            not loop
            and intent in {"out_of_scope", FALLBACK_INTENT}
            and state.slots.get("last_topic")
            and asks_severity_of_it(parse["text"])
        ):  # "k but like how dangerous" after an answer: how serious it is
            return (*prefix, "action_answer")
        if loop and (
            actions is None or (FORM not in actions and actions[0] != "action_deactivate_loop")
        ):
            # an unrelated question: leave the questions politely, then answer it
            answer = ("action_answer",) if explains else self.policy.actions_for(intent, None)
            answer = answer or ("action_fallback",)
            return (*prefix, "action_deactivate_loop", "utter_triage_paused", *answer)
        return (*prefix, *(actions or ("action_fallback",)))

    def _asked_as_well(
        self, parse: ParseResult, state: DialogueState
    ) -> tuple[ParseResult, str] | None:
        """The question a message asks after it does something else, read alone: after a
        stop ("no thanks, no questions, just tell me what causes it"), or after a symptom
        told outside the questions ("I have a hard lump on my finger. When should I see a
        doctor?"). The parse takes that question's intent, and its entities keep their places
        in the message; with it, what the message did first ("stop", "report_symptom").
        None when there is no such question, or it has no answer."""
        text, told = parse["text"], parse["intent"]["name"]
        in_clause: int | None = None
        end = len(text)
        if told == "stop" or (told == FALLBACK_INTENT and self._stops_first(text)):
            start = question_start(text)  # "i dont want any questions, just tell me ..."
            told = "stop"
        elif (
            state.active_loop is None
            and not self._names(parse, {"species"}, negated=False)  # a pet's lump, not theirs
            and (
                told == "report_symptom"
                or (told in {"out_of_scope", FALLBACK_INTENT} and self._tells_own_symptom(parse))
                or (
                    told.startswith("ask_")
                    and (
                        self._tells_own_symptom_first(parse)
                        or self._own_symptom_clause(parse)
                        or self._tells_own_symptom_after(parse)
                    )
                )
            )
        ):  # "... when my calcium lump showed at the gym lol. is it contagious?"
            start = last_question_start(text)
            if not start and (
                told in {"report_symptom", FALLBACK_INTENT} or told.startswith("ask_")
            ):
                # "i have a lump on my knee, how do i get rid of it", also when the whole
                # falls between telling and asking
                start = in_clause = self._clause_after_symptom(parse)
            if not start and (earlier := earlier_question(text)) is not None:
                # "is calcinosis the same as arthritis? my knee xray showed calcium deposits":
                # the question asked first, then the finding told
                start, end = earlier
            told = "report_symptom"
        elif told == "thank" or (
            state.active_loop is None
            and told in {"out_of_scope", FALLBACK_INTENT}
            and stands_down(text)
            and self._advised_emergency(state)
        ):  # "thanks! and is surgery always needed?", "no i'm fine, it was a joke. is there
            # something other than surgery?" after the emergency advice
            start = last_question_start(text)
        elif (
            state.active_loop is None
            and told in {"out_of_scope", FALLBACK_INTENT}
            and (start := last_question_start(text)) is not None
            and OF_CALCINOSIS.search(text[start:].lower()) is not None
        ):  # "i nearly choked on my tea when i read what the surgery costs. is surgery the only
            # treatment?": the story told, the question after it about calcinosis
            told = "out_of_scope"
        else:
            return None
        if start is None or (not start and end == len(text)):
            return None
        asked = self.understand(text[start:end])
        if (
            told == "report_symptom"
            and ASKS_MEANING.match(text[start:end].lower())
            and FINDING_NAMED.search(text[:start].lower())
        ):  # "... calcifications all over my shoulder. what are those": what the word means
            asked = {**asked, "intent": {"name": "ask_definition", "confidence": 1.0}}
        intent = asked["intent"]["name"]
        # "thanks. and what about drinks, is milk ok?": a question the source may not answer
        answerable = intent.startswith("ask_") or (
            told == "thank" and intent in {"out_of_scope", FALLBACK_INTENT}
        )
        if not answerable or self.policy.actions_for(intent, None) is None:
            return None
        if in_clause and intent in NOT_ASKED_IN_A_CLAUSE:
            return None  # "..., what do we do now": what the questions themselves answer
        if (
            told == "report_symptom"
            and intent == "ask_definition"
            and NAMES_CALCINOSIS.search(text[start:end].lower()) is None
            and FINDING_NAMED.search(text[:start].lower()) is None
        ):  # "the bump on my finger has been sore for weeks, what is it": what their lump is,
            # which only a doctor can tell, not what calcinosis is; the questions say so. Not
            # "THE DOCTOR SAID I HAVE CALCIUM IN MY SHOULDER. WHAT DOES THAT MEAN": the word
            # is asked about
            return None
        result = parse.copy()
        result["intent"] = asked["intent"]
        result["intent_ranking"] = asked["intent_ranking"]
        if "questions" in asked:  # "... What causes it and how is it treated?": each answered
            result["questions"] = asked["questions"]
        if told == "stop":
            result["entities"] = []
            for entity in asked["entities"]:
                placed = entity.copy()
                placed["start"] += start
                placed["end"] += start
                result["entities"].append(placed)
        else:  # what the patient told, not what they asked, fills the questions' slots
            result["entities"] = [
                e for e in parse["entities"] if e["end"] <= start or e["start"] >= end
            ]
            if "questions" not in asked:  # the answer reads all the message names: "is it the
                # same as scleroderma? my fingers have hard lumps" is told the source lists it
                result["questions"] = [
                    Question(text=text, intent=asked["intent"], entities=parse["entities"])
                ]
        return result, told

    @staticmethod
    def _declined_last(state: DialogueState) -> tuple[str, ...]:
        """What the bot declined in the previous turn: what the patient's message asked, or
        what an earlier one did that it pressed for ("just give me a rough number")."""
        for message in messages_answered_with(state.events, "utter_declines"):
            notes = declined(str(message.get("text") or "").lower())
            if notes:
                return notes
        return ()

    @staticmethod
    def _asks_unmentioned(parse: ParseResult) -> bool:
        """Whether a message the classifier is not sure of asks of what the source does not
        mention ("btw is that the same as a cyst?"), rather than answering the question."""
        text = parse["text"]
        return (
            parse["intent"]["name"] == FALLBACK_INTENT
            and is_question(text)
            and bool(knowledge().unmentioned_in(text.lower()))
        )

    @classmethod
    def _answers_form(cls, parse: ParseResult) -> bool:
        """An answer to the open question: a yes/no/not sure, or a statement that fills the
        requested slot or another question still open, whatever the intent (Rasa's
        from_entity mapping: "it's not painful", "i have RA")."""
        intent = parse["intent"]["name"]
        if intent in {"affirm", "deny", "unsure", "inform", "report_symptom", FALLBACK_INTENT}:
            return True
        text = parse["text"]
        if tells_only_when(text) or pain_score(text) is not None:
            return True  # "about 3 weeks ago", "7/10": whatever the classifier made of them
        if TENDER_WHEN.search(text.lower()) and not asks(text):
            return True  # "it does twinge when i lean on the desk": tender, told
        if intent not in NEVER_RESUMES and (
            leading_answer(text) is not None or leading_unsure(text)
        ):
            return True  # "yes its hard like a stone", "no conditions", "dunno, never tested"
        if intent.startswith("ask_") and intent not in NEVER_RESUMES | {"ask_more"} and tells(text):
            return True  # "he came off his bike a few weeks back": told, though read as asked
        if intent not in NEVER_RESUMES and cls._suspects_condition(parse):
            return True  # "maybe lupus? not diagnosed": not sure, though it asks
        if intent.startswith("ask_") and ASKS_FIRST.search(text.lower()):
            return False  # "hang fire, first tell me what triggers bumps like this": asked
        # what any question asks, answered or not: "actually it does hurt" corrects an answer
        return cls._tells_triage_answer(parse, TRIAGE_ENTITIES)

    @staticmethod
    def _suspects_condition(parse: ParseResult) -> bool:
        """A connective tissue disease named as only suspected ("i think i might have RA")."""
        return any(
            e["entity"] == "condition" and not e.get("negated") and hedged_entity(parse["text"], e)
            for e in parse["entities"]
        )

    def _continues_paused_form(self, parse: ParseResult, state: DialogueState) -> bool:
        """After a pause for a question, a statement that answers a question still open ("i
        banged it on a door") continues the questions rather than being answered alone; so
        does one the patient was not sure of ("i have RA" after "not sure")."""
        open_types = {kind for slot, kind in SLOT_ENTITIES.items() if state.slots.get(slot) is None}
        return self._tells_triage_answer(parse, open_types) and self._resuming(state)

    @staticmethod
    def _tells(parse: ParseResult, kinds: Collection[str], *, negated: bool = True) -> bool:
        """A statement, not a question ("does calcinosis usually hurt?"), naming an entity of
        ``kinds``; with ``negated`` also one it denies ("its not painful" tells of pain)."""
        return not asks(parse["text"]) and Agent._names(parse, kinds, negated=negated)

    @staticmethod
    def _names(parse: ParseResult, kinds: Collection[str], *, negated: bool) -> bool:
        """An entity of ``kinds`` (with ``negated``, also one the message denies); never "no
        symptoms", which names none."""
        return any(
            e["entity"] in kinds and (negated or not e.get("negated")) and e["value"] != NO_SYMPTOM
            for e in parse["entities"]
        )

    @classmethod
    def _tells_triage_answer(cls, parse: ParseResult, kinds: Collection[str]) -> bool:
        """A statement naming an entity of ``kinds``; not a stop, goodbye or worry, which have
        their own replies whatever they name."""
        return parse["intent"]["name"] not in NEVER_RESUMES and cls._tells(parse, kinds)

    @staticmethod
    def _names_own_symptom(parse: ParseResult) -> bool:
        """A symptom, not denied, in a message that speaks of the patient ("my", "i"), even
        one that also asks something; not of their pet ("my dog has a lump on his paw")."""
        text = parse["text"]
        return (
            of_oneself(text)
            and any(
                e["entity"] == "symptom"
                and not e.get("negated")
                and e["value"] != NO_SYMPTOM
                and not SUPPOSED.search(text[: int(e.get("start") or 0)].lower())
                for e in parse["entities"]
            )
            and not Agent._names(parse, {"species"}, negated=False)
        )

    @staticmethod
    def _questions_fit(parse: ParseResult) -> bool:
        """Whether the questions about a lump fit what a message tells of (not calcifications
        on a mammogram, nor the lumps of someone who has died)."""
        lower = parse["text"].lower()
        return OUTSIDE_THE_QUESTIONS.search(lower) is None and DIED_TOLD.search(lower) is None

    @staticmethod
    def _tells_own_symptom(parse: ParseResult) -> bool:
        """A symptom of the patient's own told in a clause that tells, not only asked of
        ("the prices nearly gave me a heart attack. anyway can the deposits be removed")."""
        return Agent._names_own_symptom(parse) and told_in_a_statement(dict(parse), "symptom")

    @staticmethod
    def _stood_down(parse: ParseResult, state: DialogueState) -> ParseResult | None:
        """After the emergency advice (in this turn or an earlier one still kept), a message
        that says the emergency is past or help has come ("the ambulance came, he's fine now",
        "the paramedics are here"), which only the classifier reads as an emergency (by the
        words that tell of it; no red-flag rule found one, as one does in "i called 911 but
        he's still not waking up"): no new emergency. It takes its ranking's likeliest other
        intent, which then leads the ranking."""
        if (
            parse.get("red_flag") != NAMED_BY_NO_FLAG
            or not stands_down(parse["text"])
            or not Agent._advised_emergency(state)
        ):
            return None
        ranking = [r for r in parse["intent_ranking"] if r["name"] != "emergency"]
        result = parse.copy()
        del result["red_flag"]
        result["intent_ranking"] = ranking
        if ranking and ranking[0]["confidence"] >= STOOD_DOWN_MIN_CONFIDENCE:
            result["intent"] = {"name": ranking[0]["name"], "confidence": ranking[0]["confidence"]}
        else:  # "the ambulance came, its fine now": nothing else read with any confidence
            result["intent"] = {"name": FALLBACK_INTENT, "confidence": 0.0}
        return result

    @staticmethod
    def _changes_answers(parse: ParseResult, state: DialogueState) -> bool:
        """Whether a message tells an answer to the questions other than the one recorded."""
        told = from_statement(dict(parse), relatives=bool(state.slots.get("for_someone_else")))
        return any(
            state.slots.get(slot) != value for slot, value in told.items() if slot in TRIAGE_SLOTS
        )

    @staticmethod
    def _tells_a_cause(parse: ParseResult, state: DialogueState) -> ParseResult | None:
        """Outside the questions, a message that only tells of a cause the source names ("hes
        on prednisone for his allergies for like 2 yrs"), which the classifier reads as out of
        scope: what the source says of causes, with what it does not mention; else None."""
        if (
            state.active_loop is not None
            or parse["intent"]["name"] not in {"out_of_scope", FALLBACK_INTENT}
            or asks(parse["text"])
            or not told_in_a_statement(dict(parse), "cause")
        ):
            return None
        result = parse.copy()
        result["intent"] = {"name": "ask_causes", "confidence": parse["intent"]["confidence"]}
        return result

    @staticmethod
    def _advised_emergency(state: DialogueState) -> bool:
        """Whether the emergency advice was given in the events the state keeps."""
        return any(
            e.get("name") == "action_emergency" and e.get("event") == "action" for e in state.events
        )

    @staticmethod
    def _only_doubts(text: str, declines: tuple[str, ...]) -> bool:
        """Whether a message only doubts the last answer or sets the patient's own doctor
        against it ("are you sure? my doctor said it's nothing to worry about"), asking nothing
        new: the same answer again would only argue with the doctor."""
        if DOUBTS.isdisjoint(declines):  # the note the decline patterns gave it
            return False
        text = text.lower()  # as the decline patterns are written
        for note, pattern in DECLINED:
            if note in DOUBTS:
                text = pattern.sub(" ", text)
        return not asks(text.strip(" ?!.,"))

    @staticmethod
    def _only_medicine_advice(intent: str, text: str, declines: tuple[str, ...]) -> bool:
        """Whether a request for medicine advice, declined, was read as a question of causes
        for the medicine it names ("the label on my tablets got wet and i cant read it"): that
        medicines may cause calcinosis is no answer to it."""
        return (
            "no_medicine_advice" in declines
            and intent == "ask_causes"
            and ASKS_A_CAUSE.search(text.lower()) is None
        )

    @staticmethod
    def _crisis_advised(state: DialogueState) -> bool:
        """Whether the emergency advice this message follows was for thoughts of suicide or
        self-harm."""
        answered = messages_answered_with(state.events, "action_emergency", latest_open=True)
        return any((m.get("parse_data") or {}).get("red_flag") == "suicide" for m in answered)

    @staticmethod
    def _asks_rather_than_answers(parse: ParseResult, state: DialogueState) -> ParseResult | None:
        """Outside the questions, a message read as a yes or no that starts with a question word
        asks ("can it be completely painless", "could there be no pain"), as does one whose
        last clause asks ("she has no pain at all, is that normal?"): it takes the likeliest
        question intent of its ranking, which then leads the ranking. None if it has none."""
        text = parse["text"]
        if (
            state.active_loop is not None
            or parse["intent"]["name"] not in PLAIN_ANSWERS
            or not (is_question(text) or ends_asking(text))
            or len(text.split()) < MIN_QUESTION_WORDS
        ):
            return None
        asked = next((r for r in parse["intent_ranking"] if r["name"].startswith("ask_")), None)
        return None if asked is None else led_by(parse, asked["name"], asked["confidence"])

    @staticmethod
    def _asks_medicine_advice(parse: ParseResult) -> ParseResult | None:
        """A question for a dose or medicine advice read as a yes, no or not sure ("how many
        units of D3 would be sensible then"), declined: no answer to any of the questions, and
        read as out of scope, which fills no slot. None for any other message."""
        text = parse["text"]
        if (
            parse["intent"]["name"] not in PLAIN_ANSWERS | {"unsure"}
            or not (is_question(text) or ends_asking(text))
            or "no_medicine_advice" not in declined(text.lower())
        ):
            return None
        return led_by(parse, "out_of_scope", parse["intent"]["confidence"])

    @staticmethod
    def _takes_leave(parse: ParseResult) -> ParseResult | None:
        """Thanks that take leave ("thank you dear, you have been very kind. bye", "that's all i
        needed, thanks") are a goodbye, not thanks that ask what else; so is a message the
        classifier finds torn between the two ("thank you, bye")."""
        ranking = parse["intent_ranking"]
        closing = {r["name"] for r in ranking[:2]} == {"thank", "goodbye"}
        thanks = parse["intent"]["name"] == "thank" or (
            parse["intent"]["name"] == FALLBACK_INTENT and closing
        )
        if not thanks or not TAKES_LEAVE.search(parse["text"].lower()):
            return None
        return led_by(parse, "goodbye", max(r["confidence"] for r in ranking[:2]))

    def _clause_after_symptom(self, parse: ParseResult) -> int | None:
        """Where the last clause of a message starts when it asks, after a symptom told before
        it ("i have a lump on my knee, how do i get rid of it") or words that read alone as
        telling one ("the scan showed calcium in my wrist, is that common"); else None."""
        start = last_clause_question_start(parse["text"])
        if not start:
            return None
        told = self._before(parse, start)
        if self._names(told, {"symptom"}, negated=False) or self._reads_as_told(told):
            return start
        return None

    def _stops_first(self, text: str) -> bool:
        """Whether what a message says before its question reads as a stop ("i dont want any
        questions, just tell me how to prevent it"), when the whole reads as neither."""
        start = question_start(text)
        return bool(start) and self.understand(text[:start])["intent"]["name"] == "stop"

    def _own_symptom_clause(self, parse: ParseResult) -> bool:
        """Whether a message read as a question tells a symptom of the patient's own before
        the clause that asks ("i have a lump on my knee, how do i get rid of it"), as it
        would in a sentence of its own."""
        start = last_clause_question_start(parse["text"])
        return start is not None and self._names_own_symptom(self._before(parse, start))

    def _tells_own_symptom_first(self, parse: ParseResult) -> bool:
        """Whether a message read as a question tells a symptom of the patient's own in the
        sentences before its last, which asks ("I have a small hard lump on my finger. When
        should I see a doctor?"): they name one, or read alone as telling one ("I have had
        calcinosis on my hands since my thirties."), and ask nothing."""
        start = last_question_start(parse["text"])
        if not start or asks(parse["text"][:start]):
            return False
        told = self._before(parse, start)
        return self._names_own_symptom(told) or self._reads_as_told(told)

    def _tells_own_symptom_after(self, parse: ParseResult) -> bool:
        """Whether a message asks first and then tells a symptom of the patient's own, asking
        nothing more ("is that the same as calcinosis? its very painful in my legs")."""
        earlier = earlier_question(parse["text"])
        if earlier is None or asks(parse["text"][earlier[1] :]):
            return False
        return self._names_own_symptom(self._after(parse, earlier[1]))

    @staticmethod
    def _before(parse: ParseResult, start: int) -> ParseResult:
        """What a message says before ``start``, with the entities found there."""
        told = parse.copy()
        told["text"] = parse["text"][:start]
        told["entities"] = [e for e in parse["entities"] if e["end"] <= start]
        return told

    @staticmethod
    def _after(parse: ParseResult, end: int) -> ParseResult:
        """What a message says from ``end`` on, with the entities found there."""
        told = parse.copy()
        told["text"] = parse["text"][end:]
        told["entities"] = [e for e in parse["entities"] if e["start"] >= end]
        return told

    def _reads_as_told(self, told: ParseResult) -> bool:
        """Whether words read alone as a patient telling a symptom or finding."""
        return self.understand(told["text"])["intent"]["name"] == "report_symptom"

    @classmethod
    def _tells_symptom(cls, parse: ParseResult) -> bool:
        """A symptom of the patient's own, told rather than asked ("is a lump scary?")."""
        return cls._tells(parse, {"symptom"}, negated=False)

    @staticmethod
    def _asks_for_questions_again(parse: ParseResult, state: DialogueState) -> bool:
        """ "ok lets do the questions" after "stop", or "can we carry on where we left off"
        after a goodbye: the questions start again, asking what is still open."""
        text = parse["text"]
        # "actually ok lets continue", "hi im back. where were we" after "stop" or a goodbye
        go_on = asks_to_go_on(text, last_sentence=True) and Agent._last_turn_ran(
            state, "utter_triage_stopped", "utter_goodbye", "utter_thank"
        )
        return (
            parse["intent"]["name"] in ASKED_AGAIN_AS
            and (WANTS_QUESTIONS.search(text.lower()) is not None or go_on)
            and any(e.get("event") == "active_loop" and e.get("name") == FORM for e in state.events)
        )

    @staticmethod
    def _restarts(parse: ParseResult, state: DialogueState) -> bool:
        """Whether a message asks to start the questions again from the first, once they
        have been asked in this conversation."""
        return (
            parse["intent"]["name"] not in {"emergency", "goodbye"}
            and RESTARTS.search(parse["text"].lower()) is not None
            and any(e.get("event") == "active_loop" and e.get("name") == FORM for e in state.events)
        )

    @staticmethod
    def _after_summary(state: DialogueState) -> bool:
        """Whether the bot's last turn gave the questions' summary."""
        return Agent._last_turn_ran(state, SUMMARY)

    @staticmethod
    def _last_turn_ran(state: DialogueState, *actions: str) -> bool:
        """Whether the bot's turn before this message ran one of ``actions``."""
        users = 0
        for event in reversed(state.events):
            if event.get("event") == "user":
                users += 1
                if users == 2:
                    return False
            elif event.get("event") == "action" and event.get("name") in actions:
                return users == 1
        return False

    @staticmethod
    def _live_emergency(state: DialogueState) -> Mapping[str, Any] | None:
        """The message the emergency advice answered, when that was one of the last few
        before this one, and neither it ("i attempted suicide last year, i'm doing better now.
        unrelated, i have a lump") nor any since, this one included, said the emergency is
        past or help has come, or took leave; else None."""
        if not Agent._advised_emergency(state):  # most conversations: no message to read
            return None
        for n, (message, ran) in enumerate(replies(state.events)):
            intent = ((message.get("parse_data") or {}).get("intent") or {}).get("name")
            if stands_down(str(message.get("text") or "")) or intent in LEAVES_EMERGENCY:
                return None
            if n > 0 and RESUMED_AFTER_EMERGENCY.issubset(ran):  # "im back, where were we"
                return None
            if n > 0 and "action_emergency" in ran:
                return message
            if n == LIVE_EMERGENCY_MESSAGES:
                return None
        return None

    @staticmethod
    def _live_flag(state: DialogueState) -> str | None:
        """The red flag of the emergency whose advice still holds, if any."""
        message = Agent._live_emergency(state)
        return None if message is None else (message.get("parse_data") or {}).get("red_flag")

    @staticmethod
    def _moves_on(parse: ParseResult) -> bool:
        """After the emergency advice, a message that leaves it: thanks or goodbye, a
        button chosen, the emergency said to be past or none ("it was years ago") or help said
        to have come or been called ("the ambulance is here"), or a question
        about calcinosis by name, not of the patient's own ("what are the symptoms of
        calcinosis?", not "is it because of my calcinosis?")."""
        text, intent = parse["text"], parse["intent"]["name"]
        return (
            intent in LEAVES_EMERGENCY
            or text.startswith("/")
            or stands_down(text)
            or (
                intent.startswith("ask_")
                and intent not in {"ask_doctor", "ask_more"}
                and NAMES_CALCINOSIS.search(text.lower()) is not None
                and (not of_oneself(text) or SAYS_SAFE.search(text.lower()) is not None)
            )
        )

    @staticmethod
    def _says_continue(parse: ParseResult, state: DialogueState) -> bool:
        """A short "go on", or a yes or no that asks nothing ("ok", "ok im back. no i dont have
        any conditions"), in the turn right after the pause (its button offers to continue):
        "go on", or an answer to the question asked before it, which is then asked again
        rather than guessed at."""
        text = parse["text"]
        # "ok im back, poison control said hes fine. where were we": the last sentence says it
        # after the emergency is said to be over
        says = asks_to_go_on(text, last_sentence=stands_down(text)) or (
            parse["intent"]["name"] in PLAIN_ANSWERS and not asks(text)
        )
        if not says:
            return False
        since = Agent._messages_since_pause(state)
        # nothing between; or only "can we do this later?" or "the paramedics are here", to
        # which the bot said come back, or was glad help had come
        return since == 1 or (since is not None and Agent._last_turn_ran(state, *RESUMES_AFTER))

    async def step(self, builder: _TurnBuilder, action: str) -> None:
        if action == "action_extract_slots":
            builder.add(action_event(action))
            await self.run_action(builder, SLOT_MAPPINGS, record=False)
        elif action == FORM:
            await self.run_form(builder)
        elif action == RESTART:
            builder.add(action_event(action))
            if builder.state.active_loop == FORM:
                builder.add(loop_event(None))
            for slot in (*TRIAGE_SLOTS, "unsure_of", "requested_slot"):
                builder.add(slot_event(slot, None))
        elif action == REPEAT:
            builder.add(action_event(action))
            for said in last_reply(builder.state.events):
                builder.say(said_again(said))
        elif action == "action_deactivate_loop":
            builder.add(action_event(action), loop_event(None), slot_event("requested_slot", None))
        elif action.startswith("utter_"):
            builder.add(action_event(action))
            # the same for every note of the message; a pet told of just before counts
            who = (
                who_can_tell(builder.turn.parse, told_before(builder.state.events))
                if builder.declines
                else "a doctor"
            )
            builder.say(
                self._render(
                    {
                        "response": action,
                        "buttons": self.response_buttons.get(action, []),
                        "category": builder.turn.parse.get("red_flag_mentioned"),
                        "crisis": action == "utter_emergency_first"
                        and self._live_flag(builder.state) == "suicide",
                        "paused": action == "utter_come_back" and self._resuming(builder.state),
                        # "is this chat private?": how the chat is kept
                        "privacy": action == "utter_capabilities"
                        and ASKS_PRIVACY.search(builder.turn.parse["text"].lower()) is not None,
                        # "i'm terrified, i can't cope": the crisis line after the reassurance
                        "strong": action == "utter_reassure"
                        and STRONG_WORRY.search(builder.turn.parse["text"].lower()) is not None,
                        "notes": [{"kind": kind, "who": who} for kind in builder.declines],
                    }
                )
            )
        else:
            await self.run_action(builder, action)

    async def run_form(self, builder: _TurnBuilder) -> None:
        """Rasa's form loop: validate, then ask the next question or finish with a summary."""
        state = builder.state
        starting = state.active_loop != FORM
        restarted = any(
            e.get("event") == "action" and e.get("name") == RESTART for e in builder.turn.events
        )  # "let's start again" said already
        intro = starting and not self._resuming(state) and not restarted
        builder.add(action_event(FORM))
        if starting:
            builder.add(loop_event(FORM))
            if intro:  # "not sure" answers hold until the questions end, also over a pause
                builder.add(slot_event("unsure_of", None))
                # "my son has a lump on his knee": the questions ask about him, not the patient
                someone = of_someone_else(builder.turn.parse["text"])
                builder.add(slot_event("for_someone_else", someone))
            builder.add(slot_event("requested_slot", None))
        if not starting and corrects_person(builder.turn.parse["text"]):
            # "sorry actually its my son's calf not mine": the questions ask about him now
            builder.add(slot_event("for_someone_else", True))
        await self.run_action(builder, FORM_VALIDATION, record=False)
        requested = state.slots.get("requested_slot")
        if requested:
            response = f"utter_ask_{requested}"
            builder.say(
                self._render(
                    {
                        "response": response,
                        "intro": intro,
                        "them": bool(state.slots.get("for_someone_else")),
                        "plain": not starting
                        and asks_to_explain_question(builder.turn.parse["text"]),
                        "buttons": self.response_buttons.get(response, []),
                    }
                )
            )
            return
        builder.add(loop_event(None))
        await self.run_action(builder, SUMMARY)

    @staticmethod
    def _resuming(state: DialogueState) -> bool:
        """Whether the questions were paused for a question and neither finished nor stopped
        since: then they continue without the introduction."""
        return Agent._messages_since_pause(state) is not None

    @staticmethod
    def _messages_since_pause(state: DialogueState) -> int | None:
        """How many patient messages came after the questions were paused (for a question,
        or left for the emergency advice), the one being answered included; None when they
        were not paused, or finished or stopped since."""
        users = 0
        left = False  # the questions left after the action seen last (going back)
        for event in reversed(state.events):
            if event.get("event") == "user":
                users += 1
            elif event.get("event") == "active_loop":
                left = event.get("name") is None
            elif event.get("event") == "action":
                if event.get("name") == "utter_triage_paused":
                    return users
                if event.get("name") == "action_emergency" and left:
                    return users  # the emergency advice left the questions: a pause too
                if event.get("name") in {SUMMARY, "utter_triage_stopped"}:
                    return None
                left = False
        return None

    async def run_action(self, builder: _TurnBuilder, name: str, record: bool = True) -> None:
        """Run a custom action through the runner and apply what it returns."""
        if record:
            builder.add(action_event(name))
        call = ActionCall(
            next_action=name,
            sender_id=builder.state.sender_id,
            tracker=builder.state.as_dict(),
            domain=self.domain,
            version=rasa_sdk.__version__,
        )
        result = await self.runner.run(call)
        for raw in result["responses"]:
            message = self.renderer.message(raw)
            if message is not None:
                builder.say(message)
        builder.add(*(dict(e, timestamp=e.get("timestamp") or now()) for e in result["events"]))

    def _render(self, raw: dict[str, Any]) -> BotMessage:
        message = self.renderer.message(raw)
        return message if message is not None else BotMessage(text="")

    def _close(self, builder: _TurnBuilder) -> None:
        """The closing advice, in one place, on the last message of every turn."""
        if not builder.turn.messages:
            builder.say(BotMessage(text=""))
        self.renderer.close_turn(builder.turn.messages)
        for event, message in builder.pending:
            event["text"] = message["text"]
