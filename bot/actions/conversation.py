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
from bot.nlu.questions import (
    PERSON_NAMED,
    asked_term,
    asks,
    follows_up,
    last_sentence_start,
    names_someone_else,
    of_a_pet,
)
from bot.safety import LIVE_EMERGENCY_MESSAGES, NAMED_BY_NO_FLAG
from bot.safety.redflags import PET, pet_poisoned

FALLBACK = "nlu_fallback"
# someone else, named: "the 4 month old", "baby rolled off the bed", "the gentleman i look
# after", "our mare"
SOMEONE = re.compile(
    r"\b(?:baby|toddler|newborn|kid|child|gentleman|lady|client|neighbou?r|grandad|granddad"
    r"|grandma|gran|nan|mare|horse|pony|foal|colleague|flatmate|roommate|housemate|bestie|bff"
    # the relation without "my": "wife put her ring by the kettle", "a pupil handed in", "my
    # year 8 daughter", "my pals belly" (not "pal" or "mate" alone, which may be the reader)
    r"|wifes?|husbands?|hubby|pupil|daughter|son|stepson|stepdaughter|girlfriend|boyfriend|fiance"
    r"|fiancee|partner|pals|bloke|stranger|mums?|moms?|mam|dads?|grandpa|granny|nana|grandmother|grandfather)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*-?\s*"
    r"(?:month|week|year|yr|day)s?[\s-]*old\b",
    re.IGNORECASE,
)
# the patient speaking of themselves, and of someone else as he or she
# (also a message that starts with what was done, its "I" left out: "gave my guitar to my
# nephew ...", "wrote my last post ...")
SPEAKS_AS_SELF = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|myself)\b"
    r"|^\W*(?:just\s+|already\s+)?(?:gave|given|wrote|written|put|sorted|left|took|swallowed"
    r"|sent|emailed|deleted|made|cut|done|said|(?:not\s+)?(?:gonna|going\s+to))\b",
    re.IGNORECASE,
)
# (not "them", "their": "my cat to the neighbour, wont be needing them" tells of things)
THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|him|her|his|hers|hes|shes|he's|she's|himself|herself)\b",
    re.IGNORECASE,
)
# what an emergency no red flag names tells of a body's illness or injury
PHYSICAL = re.compile(
    r"\b(?:chest|breath\w*|vomit\w*|sick|sugar|diabetic|burn\w*|scald\w*|blister\w*"
    r"|temperature|fever\w*|shiver\w*|pupils?|head|fell|fall|sleepy|drowsy|wake|unconscious"
    r"|seizure|fit|chok\w*|allerg\w*|swell\w*|swollen|rash|sweat\w*|grey|gray|arm|pain"
    r"|elephant|pressure|vision|double|words|speech|talk\w*|face|numb\w*|weak\w*|dizzy"
    r"|blood|bleed\w*|squirt\w*|spurt\w*|slipped|heartbeat|drool\w*|scream\w*|shak\w*"
    r"|overheat\w*|jaw|twitch\w*|throat|lips?|tongue|wheez\w*|headaches?|fumes|generator"
    r"|nose\w*|pale|temp|cough\w*|asthma|inhaler|confus\w*|sense|hands?|fingers?|thumbs?|eyes?"
    r"|legs?|feet|foot|faint\w*|attached|bump|fluid|waters|contractions?|pregnan\w*|labou?r)\b",
    re.IGNORECASE,
)
# what may be self-harm in such an emergency
SELF_HARM_HINTS = re.compile(
    r"\b(?:(?<!power\s)cut|cutting|blade|razor|pills?|tablets?|overdose\w*|swallowed|jump\w*"
    r"|rope|hang\w*(?!\s+on\b)|die|dying|kill\w*|hurt\s+myself|harm\w*|point|alive|living|goodbye)\b",
    re.IGNORECASE,
)
# a drug taken to get high, not to harm oneself: "took two caps of molly and now im burning up"
RECREATIONAL = re.compile(
    r"\b(?:molly|mdma|ecstasy|pingers|cocaine|coke|ketamine|ket|lsd|acid|shrooms|speed|meth"
    r"|spice|edibles?|weed|festival|rave|party|high)\b",
    re.IGNORECASE,
)
# an overdose told as meant: "took like 40 paracetmol cuz i wanted to dissapear"
MEANT_IT = re.compile(
    r"\b(?:wanted|want|wanna|trying|tried)\s+to\s+(?:die|disappear|dissapear|dissappear|end\s+it"
    r"|not\s+be\s+here|sleep\s+forever|never\s+wake\s+up)\b|\bon\s+purpose\b|\bdeliberately\b"
    r"|\bto\s+(?:make\s+it|everything)\s+(?:all\s+)?stop\b|\bso\s+i\s+(?:don'?t|dont|won'?t|wont)\s+"
    r"wake\s+up\b"
    # "honestly dont care anymore ... so none of it matters"
    r"|\b(?:don'?t|dont)\s+care\s+any\s*more\b|\bnone\s+of\s+it\s+matters\b|\bnothing\s+matters\b"
    # "i dnt wanna wake up tmrw so i took evrything in the medcine cabnet"
    r"|\b(?:don'?t|dont|dnt|do\s+not|didn'?t|didnt|did\s+not)\s+(?:wanna|want\s+to)\s+wake\s+up\b"
    # "did it cos im done with all of it", "so it doesnt matter"
    r"|\bdid\s+it\s+(?:cos|coz|cuz|cause|because)\b"
    # "honestly hoping i dont come round", "cant face being around tomorrow"
    r"|\bhoping\s+i\s+(?:don'?t|dont|won'?t|wont|never)\s+(?:come\s+round|wake\s+up|wake)\b"
    r"|\bhop(?:e|ing)\s+i\s+(?:just\s+)?(?:drift\s+off|go\s+to\s+sleep)\s+and\s+(?:never|don'?t|dont"
    r"|thats\s+it)"
    # "when everyone's gone to bed im taking the rest of the tablets. note is written", "gonna
    # swallow everything as soon as she leaves"
    r"|\bnote\s+is\s+(?:already\s+)?(?:written|done)\b|\bi\s+(?:left|wrote)\s+(?:a\s+)?(?:letter|note)\b"
    r"|\bfinish\s+off\s+(?:whatever|the|all\s+the|any)\s+(?:\w+\s+)?(?:pills|tablets|meds)\b"
    r"|\b(?:gonna|going\s+to|about\s+to)\s+(?:swallow|take|neck|down)\s+(?:everything|the\s+lot"
    r"|all\s+of\s+(?:it|them))\b"
    r"|\b(?:can'?t|cant|cannot)\s+face\s+(?:being\s+(?:around|here|alive)|tomorrow|another\s+day)\b"
    r"|\b(?:i'?m|im|i\s+am)\s+done\s+with\s+(?:it\s+all|all\s+of\s+(?:it|this)|everything|life|living"
    r"|this\s+life)\b|\bso\s+it\s+(?:doesn'?t|doesnt|does\s+not|don'?t|dont)\s+matter\b"
    # "dnt want 2 b here anymre", "im done pretending"
    r"|\b(?:don'?t|dont|dnt|do\s+not)\s+(?:wanna|want\s+(?:to|2))\s+(?:be|b)\s+here\b"
    r"|\bdone\s+pretending\b"
    # "tonight im swallowing the whole tub ..., already said my ta-ras to mum"
    r"|\b(?:said|saying)\s+(?:all\s+)?my\s+(?:ta-?ras|goodbyes|byes)\b"
    r"|\btonight\s+(?:i'?m|im|i\s+am)\s+(?:swallowing|taking|necking|downing)\b"
    # "do NOT send anyone round", "nobody needs to come", "just want to sleep properly for once
    # and not come back"
    r"|\b(?:don'?t|dont|do\s+not)\s+(?:send|call|ring)\s+(?:anyone|anybody|an\s+ambulance)\b"
    r"|\b(?:nobody|no\s*one)\s+needs\s+to\s+come\b|\bnot\s+come\s+back\b",
    re.IGNORECASE,
)
# one's own taking: "i just swallowed the whole strip", "took like 40 paracetmol"
TOOK_IT_MYSELF = re.compile(
    r"\b(?:i|ive|i've|i\s+have|im|i'm)\s+(?:\w+\s+)?(?:took|taken|taking|swallowed|drank|had|necked"
    r"|downed|ate|overdosed|od'?d)\b|(?:^|[,.;!]\s*)\W*(?:just\s+)?(?:took|swallowed|necked|downed"
    r"|drank)\b",
    re.IGNORECASE,
)
# told not to be self-harm: "not trying to hurt myself just stupid"
NOT_SELF_HARM = re.compile(
    r"\bnot\s+(?:trying|meaning|wanting|tryna)\s+to\s+(?:hurt|harm|kill)\s+myself\b"
    r"|\b(?:not|wasn'?t|wasnt)\s+on\s+purpose\b"
    r"|\b(?:not|wasn'?t|wasnt|isn'?t|isnt)\s+(?:a\s+|any\s+)?self[\s-]?harm",
    re.IGNORECASE,
)
# one's own injury told as meant: "smashed my head off the wall till it bled cos i wanted to
# feel something"
HURT_ON_PURPOSE = re.compile(
    r"\b(?:wanted|want|needed|need)\s+to\s+feel\s+(?:something|anything|pain)\b"
    r"|\bto\s+punish\s+myself\b|\b(?:did\s+it|hurt\s+myself|cut\s+myself)\s+on\s+purpose\b",
    re.IGNORECASE,
)
# an overdose by mistake: "doubled up on my tablets by mistake"
BY_MISTAKE = re.compile(
    r"\b(?:by\s+mistake|accident\w*|mixed\s+up|doubled\s+up|forgot|forgetting|wrong\s+(?:pills?"
    r"|tablets?|dose|meds))\b",
    re.IGNORECASE,
)
# someone else's harm that may be on purpose: "took a packet of paracetamol because hes being
# bullied", "after a fight with her boyfriend", "my mate cut his arms again"
DISTRESS = re.compile(
    r"\b(?:on\s+purpose|deliberately|bullied|bullying|after\s+an?\s+(?:fight|row|argument)"
    r"|after\s+(?:our|the|their|a\s+big)\s+(?:fight|row|argument)"
    r"|broke\s+up|break\s*-?\s*up|dumped|cut\s+(?:his|her|their)\s+(?:arms?|wrists?|legs?|thighs?)"
    r"|(?:has|have|been)\s+(?:been\s+)?cutting|cutting\s+(?:herself|himself|themselves)"
    r"|took\s+all\s+(?:of\s+)?(?:her|his|their)|razor\s+blades?|razor"
    # "swallowed a bunch of her antidepressants to make it stop", "hurting himself"
    r"|(?:took|swallowed|swallowing|taken|necking|downing)\s+(?:a\s+bunch|a\s+load|loads|a\s+handful|all)\s+of\s+(?:her|his|their)"
    r"|to\s+make\s+(?:it|everything)\s+(?:all\s+)?stop|to\s+end\s+it"
    # "says hes taken something so the hurting finally stops"
    r"|so\s+the\s+(?:hurting|pain|hurt)\s+(?:finally\s+|will\s+)?stops?"
    # "so he wont feel anything anymore", "says hed like to sleep and never wake"
    r"|so\s+(?:he|she|they)\s+(?:won'?t|wont)\s+feel\s+anything|(?:sleep\s+and\s+)?never\s+wake\b"
    # "texted saying hes swallowed every pill he had and that he loves us"
    r"|every\s+pill|(?:he|she)\s+loves\s+(?:us|me)\b"
    # "swallowing every antidepressant he has", "wanted everything to stop", "messaged goodbye",
    # "her heart pills stockpiled", "shut himself in our shed, took a rope ... he said hes done"
    r"|every\s+(?:single\s+)?(?:\w+\s+)?(?:pill|tablet|antidepressant|capsule|painkiller)s?\b"
    r"|(?:wants?|wanted|wanting)\s+(?:it|everything|it\s+all)\s+(?:all\s+)?to\s+stop"
    # "cos he wanted it all to be over", "shes been saving up her heart tablets", "empty blister
    # packs of her codeine all over the floor and a note on the table"
    r"|(?:wants?|wanted|wanting)\s+(?:it|everything)\s+(?:all\s+)?to\s+be\s+over"
    r"|saving\s+up\s+(?:her|his|their)|saying\s+(?:bye|goodbye)"
    r"|empty\s+(?:\w+\s+)?(?:packs?|packets?|bottles?|boxes|strips)\b"
    r"|\ba\s+(?:note|letter)\s+(?:on|by|next\s+to|beside|left)\b"
    r"|(?:messaged|texted|sent|said|wrote)\s+(?:me\s+|us\s+)?(?:a\s+)?['\"“‘]?(?:goodbye|farewell)"
    r"|stockpil\w+|hoard(?:ing|ed)|sorry\s+(?:everyone|every1|all|guys|to\s+all)\b"
    # "cos she cant cope anymore", "says he was done with being alive", "says she won't stop
    # until she's dead", "yelling that he'll leap", "says he's cutting into his skin", "hose taped
    # to her tailpipe"
    r"|(?:can'?t|cant|cannot)\s+cope|done\s+with\s+(?:being\s+alive|life|living|it\s+all|everything)"
    r"|(?:stop|going)\s+(?:until|till|til)\s+(?:she'?s|shes|he'?s|hes|they'?re|theyre|i'?m|im)\s+dead"
    r"|(?:he'?ll|hell|she'?ll|shell|they'?ll)\s+(?:leap|jump)|cutting\s+into\s+(?:his|her|their)"
    r"|tailpipe|exhaust|every\s+one\s+of\s+(?:his|her|their)|(?:over|off)\s+the\s+(?:cliff|edge)"
    # "says he didnt want to live anymore", "said he didnt want to be here", "because things are
    # too much for her", "an apology to everyone", "emptied her mums pill bottle down her
    # throat", "farewell notes", "a noose", "tonight she'll finish it properly with pills she's
    # stashed"
    r"|(?:didn'?t|didnt|doesn'?t|doesnt|don'?t|dont)\s+want\s+to\s+(?:live|be\s+(?:here|alive|around))"
    r"|too\s+much\s+for\s+(?:her|him|them)|apolog\w*\s+to\s+(?:everyone|all)|down\s+(?:her|his|their)\s+throat|farewell|noose"
    r"|finish\s+it|stash\w*"
    # "says he's downing his whole pack of antidepressants"
    r"|(?:downing|swallowing|taking|necking)\s+(?:his|her|their)\s+whole"
    r"|(?:barricaded|shut|locked)\s+(?:himself|herself|themselves)\s+in\b[^.?!]{0,40}\b(?:rope|noose"
    r"|belt|cord|pills|tablets|knife|blade|razor|gun)\b"
    r"|said\s+(?:he'?s|hes|she'?s|shes|they'?re|theyre)\s+done\b"
    # "shes sliced far worse than before", "swallowed a full bottle ... saying its what i deserve"
    r"|sliced|slicing|(?:it'?s|its)\s+what\s+i\s+deserve"
    r"|(?:hurting|harming|hurt|harmed|cutting)\s+(?:himself|herself|themselves)|self[\s-]?harm\w*"
    # "goodbye everyone, ive injected all my insulin", "shes taking all her pills, shes been so
    # low", "wants to end it all"
    r"|goodbye\s+everyone|injected\s+all|taking\s+all\s+(?:of\s+)?(?:her|his|their)"
    r"|(?:been|so|really)\s+low|end\s+it\s+all|ending\s+it|can'?t\s+do\s+this\s+any\s*more"
    # "left a note saying forgive me ... took dads old revolver", "pills lined up with the
    # caption see ya"
    r"|left\s+(?:a\s+)?(?:note|letter)|forgive\s+me|(?:revolver|shotgun|rifle|pistol|gun)\b"
    r"|lined\s+up|see\s+ya\b"
    # "taken all of mums heart tablets and shes sorry", "saying bye to everyone", "hates her
    # life", "wants to join mum", "use it on himself", "the wrong side of the railings", a rope
    # round a beam
    r"|(?:took|taken|taking|swallowed)\s+all\s+(?:of\s+)?\w+'?s?\s+(?:\w+\s+)?(?:pills|tablets|meds)"
    r"|(?:saying|said)\s+(?:bye|goodbye)\s+to\s+everyone|(?:he|she)'?s\s+sorry|hates\s+(?:his|her"
    r"|their)\s+life|wants\s+to\s+(?:join|be\s+with)\s+(?:mum|mom|dad|him|her)|on\s+(?:himself"
    r"|herself|themselves)|wrong\s+side\s+of\s+the\s+(?:\w+\s+)?(?:railings?|barrier|fence|rail)"
    r"|rope\s+(?:round|around)\s+(?:a|the)\s+(?:beam|banister|bannister|tree|neck)"
    # "wrists wrapped in a towel saying she wanted it over", "talking about jumping"
    r"|wanted\s+it\s+(?:all\s+)?over|hates\s+(?:himself|herself|themselves)"
    # "shes said her goodbyes and swallowed her whole prescription"
    r"|said\s+(?:her|his|their)\s+goodbyes|swallowed\s+(?:her|his|their)\s+whole"
    # "wants to sleep for good", "because he wants to vanish"
    r"|(?:wants?|wanted)\s+to\s+(?:sleep\s+(?:for\s+good|forever)|vanish|disappear|die|not\s+wake\s+up)"
    # "fresh deep gashes up both thighs from a pencil sharpener blade ... shell do more tonight",
    # "gulped down all her mothers heart pills because she cant face her exams"
    r"|sharpener\s+blade|(?:gashes|cuts)\s+(?:up|on|across|all\s+over)\s+(?:both|her|his|their)\s+"
    r"(?:thighs|arms|wrists|legs)|(?:shell|she'?ll|hell|he'?ll)\s+do\s+more|can'?t\s+face"
    r"|(?:gulped|necked|downed)\s+(?:down\s+)?all\s+(?:of\s+)?\w+'?s?\s+(?:\w+\s+)?(?:pills|tablets|meds)"
    r"|(?:talking|talks|talked|going\s+on|banging\s+on)\s+(?:non\s*-?\s*stop\s+)?about"
    r"\s+(?:jumping|ending\s+it|killing\s+(?:himself|herself|themselves)|dying|hanging))\b",
    re.IGNORECASE,
)


RIDDEN = re.compile(r"\b(?:off|from|riding|rode)\s+(?:a|the|her|his|my|their)?\s*$")
FOR_WHOM = re.compile(r"\bfor\s+(?:a|the|her|his|my|our|their)\s*$")
# an animal eaten, not in danger: "the work do had peanut sauce on the chicken"
EATEN = frozenset({"chicken", "fish", "lamb", "turkey", "duck", "cow", "pig", "sheep", "goat"})
MEAL = re.compile(
    r"\b(?:sauce|dinner|lunch|breakfast|meal|curry|sandwich|ate|eating|eaten|cooked|menu|takeaway"
    r"|restaurant|buffet|work\s+do|roast)\b"
)


def pet_in_danger(tracker: Tracker) -> bool:
    """Whether the emergency is an animal's: a pet named where the latest message tells it
    (its last sentence: not "my cat thinks shes a doctor. seriously tho my throat is closing
    up"), or in the messages before it."""
    latest = tracker.latest_message
    text = str(latest.get("text") or "")
    start = last_sentence_start(text) or 0
    told = {
        **latest,
        "entities": [
            e
            for e in latest.get("entities") or []
            # "my daughter fell off her pony": a rider's fall, the rider's emergency
            if e["start"] >= start
            and not RIDDEN.search(text[: e["start"]].lower())
            and not FOR_WHOM.search(text[: e["start"]].lower())
            and not (str(e.get("value")) in EATEN and MEAL.search(text.lower()))
        ],
    }
    return of_a_pet(told) or any(
        of_a_pet(message.get("parse_data") or {})
        for n, (message, _) in enumerate(replies(tracker.events))
        if 0 < n < LIVE_EMERGENCY_MESSAGES
    )


def only_a_pet_named(text: str) -> bool:
    """Whether the last sentence of a message names an animal by any word for it ("the boxers
    stomach is bloated"), not only those the entity ruler knows, and no person."""
    lowered = text[last_sentence_start(text) or 0 :].lower()
    return (
        PET.search(lowered) is not None
        and PERSON_NAMED.search(lowered) is None
        and SOMEONE.search(lowered) is None
    )


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
        # not a pet given away in one's own plan ("gave my cat to the neighbour, wont be
        # needing them after tonight")
        pet = category != "suicide" and (
            pet_in_danger(tracker) or pet_poisoned(text) or only_a_pet_named(text)
        )
        # one's own overdose told as meant ("cuz i wanted to dissapear"), or an emergency no
        # red flag names told so ("i dnt wanna wake up tmrw so i took evrything"): the crisis line
        meant = category in {"poisoning", NAMED_BY_NO_FLAG} and MEANT_IT.search(text) is not None
        if meant and not others_at_risk(text):
            category = "suicide"
        someone = (category == "suicide" or DISTRESS.search(text) is not None) and others_at_risk(
            text
        )
        # one's own overdose of a relative's pills is still one's own ("i took my dads whole box
        # of sertraline")
        others = pet or (others_at_risk(text) if category == "poisoning" else names_another(text))
        dispatcher.utter_message(
            response="utter_emergency",
            category=category,
            # "my wife says she doesn't want to live anymore", "my 14 year old took a packet of
            # paracetamol because hes being bullied": the crisis line for them too
            someone=someone,
            # not of someone else ("my 4 month old is breathing really fast")
            harm_line=not (someone or others) and offers_self_harm_line(category, text),
            # "my cat just collapsed": an emergency vet too (the advice for people stays)
            pet=pet,
            # "what do i do" after the advice: the same advice, not to wait
            again=intent != "emergency" and not latest.get("red_flag"),
            custom={"emergency": True},
        )
        if tracker.active_loop_name:
            return [ActiveLoop(None), SlotSet("requested_slot", None)]
        return []


def names_another(text: str) -> bool:
    """Whether a message names someone other than the writer: a relation ("my wife says") or
    someone in the words an emergency uses ("grandad gave ...", "the 4 month old")."""
    return names_someone_else(text) or SOMEONE.search(text) is not None


def others_at_risk(text: str) -> bool:
    """Whether the emergency a message tells is someone else's: it names someone, and tells of
    him or her, not only of the writer's own plan or taking with a relative in it ("ive given
    my dog to my sister", "i just downed a whole bottle of my dads heart pills")."""
    return names_another(text) and (
        THIRD_PERSON.search(text) is not None or SPEAKS_AS_SELF.search(text) is None
    )


def offers_self_harm_line(category: str, text: str) -> bool:
    """Whether the advice adds the line on thoughts of self-harm: to an emergency no red flag
    names that may be self-harm, unless it tells of a body's illness or injury; to one's own
    overdose; not to one taken by mistake or to get high, or told not to be self-harm ("took 6
    of my adhd pills to cram, not trying to hurt myself")."""
    if NOT_SELF_HARM.search(text):
        return False
    if HURT_ON_PURPOSE.search(text):  # "smashed my head off the wall ... to feel something"
        return True
    accidental = BY_MISTAKE.search(text) is not None or RECREATIONAL.search(text) is not None
    if category == NAMED_BY_NO_FLAG:
        hinted = SELF_HARM_HINTS.search(text) is not None and not accidental
        return hinted or PHYSICAL.search(text) is None
    return category == "poisoning" and TOOK_IT_MYSELF.search(text) is not None and not accidental


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
    """What a message asks of calcinosis (named, its lumps or treatment, or a follow-up: "what
    about fever?") that the source does not mention, when it asks nothing the source answers
    ("79 years of age ... what are the treatment options?" is a question it answers,
    misread)."""
    message = tracker.latest_message
    text = message_text(tracker)
    follow_up = follows_up(text)
    answered = ANSWERED.search(text)
    named = answered or any(e.get("entity") not in PLACES for e in message.get("entities") or [])
    # "how much does the surgery cost?" after an answer or a lump told: of calcinosis too
    in_talk = asks(text) and any(tracker.get_slot(s) is not None for s in TALK_SLOTS)
    # "how much does the surgery cost", "does vitamin d make calcinosis worse? ... the lumps":
    # of its treatment or its lumps, asked of nothing the source answers
    of_it = NAMES_CALCINOSIS.search(text) is not None or any(
        e.get("entity") in {"treatment", "symptom", "mineral"}
        for e in message.get("entities") or []
    )
    unmentioned = (
        k.unmentioned_in(text, red_flag_asked=bool(message.get("red_flag_mentioned")))
        if follow_up or ((in_talk or of_it) and not answered)
        else []
    )
    term = asked_term(text) if follow_up and not named else None
    if not unmentioned and term and term not in VAGUE and not k.facts.mentions(term):
        unmentioned = [term]  # "and kidney stones?": of calcinosis, which the source is
    if follow_up or in_talk or NAMES_CALCINOSIS.search(text):  # "are kidney stones the same ...
        unmentioned += unmentioned_conditions(k, tracker)  # ... as calcinosis"
    return list(dict.fromkeys(unmentioned))
