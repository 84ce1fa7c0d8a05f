"""Detects alarming words in any message, typo- and negation-tolerant.

Phrases come from `responses/safety.yml` (reviewed by the clinic). They are matched on the
normalised form the NLU pipeline sets (NORM: lower case, spell-corrected, plural-stripped), so
"chest pian" and "seizures" match; a mention preceded by a negation cue in the same clause
("no chest pain") does not count. Nor, as an emergency now, does one that is only spoken of:
asked about as what calcinosis may cause ("can it cause a heart attack?"), placed years back
("my dad had a stroke years ago") or only in case ("if i ever get chest pain"); that still
gets the emergency advice, then the answer. A count of pills taken at once ("took about 30
paracetamol") is an overdose whatever the words around it; a plan to take all of one's
pills ("i'm going to take all my pills tonight") is thoughts of suicide.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from bot.config import SAFETY_FILE
from bot.nlu.normalizer import stem
from bot.nlu.questions import asks
from bot.safety import NAMED_BY_NO_FLAG
from bot.yamlfile import read_yaml

NEGATION_CUES = frozenset({"no", "not", "n't", "never", "without", "deny", "denie", "nor"})
CLAUSE_BREAKS = frozenset({"but", "however", "although", "though", "except", ".", ";", "!", "?"})
CLAUSE_ENDS = CLAUSE_BREAKS | {","}
CUE_WINDOW = 4
# what a question may ask calcinosis to cause: "can it lead to a stroke?", "risk of seizures"
CAUSE_CUES = frozenset(
    {
        "cause",
        "caused",
        "causing",
        "lead",
        "led",
        "give",
        "risk",
        "chance",
        "trigger",
        "prevent",
        "make",
        "makes",
        "because",  # "is it because of the stroke?"
        "due",
        # "could calcinosis be tied to strokes?"
        "linked",
        "tied",
        "connected",
        "associated",
    }
)
# asked of anyone: "can you overdose on vitamin d?", "what do i do if someone has a seizure?"
ANYONE_CUES = (("can", "you"), ("can", "people"), ("can", "someone"), ("if", "someone"))
# asked as a sign: "is shortness of breath a symptom of calcinosis?"
SIGN_WORDS = frozenset({"symptom", "sign", "complication"})
POSSESSIVES = frozenset({"my", "his", "her", "their", "our"})
FIRST_PERSON = frozenset({"i", "me", "i'm", "im", "i've", "ive"})
# a "no" before these answers by itself: "no i have chest pain", "no my chest hurts"
NEW_SPEAKER = POSSESSIVES | FIRST_PERSON | frozenset({"he", "she", "they", "we", "it", "its"})
# a negation reaches past a comma into a list that goes on with these: "no fever, chest pain or
# cough"
LIST_GOES_ON = frozenset({"or", "nor"})
# "i'm dying of boredom", "dying of embarrassment": a feeling, not an illness
FIGURATIVE_CAUSES = ("boredom", "laughter", "embarrassment", "curiosity", "shame", "cringe")
OVERDOSED_ON = tuple(
    f"on {what}"
    for what in (
        "google", "dr", "the internet", "internet", "coffee", "caffeine", "chocolate", "sugar",
        "netflix", "tv", "youtube", "tiktok", "the news", "news", "research", "reading",
        "information", "info", "websites", "forums", "webmd", "articles", "health",
    )
)  # fmt: skip
# "i'm dying to know", "i nearly passed out laughing": the words, not the alarm
IDIOMS = {
    "dying": (
        "to",
        "for",
        "laughing",
        "in this",  # "its so hot im dying in this office lol"
        "in here",
        *(f"{how} {cause}" for cause in FIGURATIVE_CAUSES for how in ("of", "from", "with")),
    ),
    "out": ("laughing",),
    "choking": ("back",),  # "choking back tears"
    "myself": ("shaving", "accidentally"),  # "i cut myself shaving"
    "breathe": ("a word",),  # "can't breathe a word of this to my wife"
    # "paintball this weekend, got shot loads, bruised but fine lol"
    "shot": (
        "loads",
        "lots",
        "a lot",
        "a few times",
        "so many times",
        "with paint",
        "with a paint",
        "by a paint",
        "with a nerf",
        "by a nerf",
        "with a water",
    ),
    # "overdosed on google searches lol", "i od'd on dr google": too much reading, no pills
    **dict.fromkeys(("overdosed", "overdose", "overdosing", "od'd", "'d"), OVERDOSED_ON),
}
# figures of speech: "this is giving me a heart attack lol", "that nearly gave me a heart
# attack, so many big words", "my bill almost gave me a stroke"
FIGURATIVE_BEFORE = re.compile(
    r"\b(?:giving|give|gives|gave|given)\s+(?:me|us|you|him|her|them)\s+an?\s*$"
    # "my dad calls his bad jokes heart attacks in a bag": a name given
    r"|\bcall(?:s|ed)?\s+(?:his|her|their|my|the|our)(?:\s+\w+){0,3}\s*$"
    # "our band is called suicide squirrels": a name
    r"|\b(?:is|was|are|were|be)\s+(?:called|named)\s*$"
)
# boiling water poured into a pot, onto no one: "poured boiling water into the teapot"
INTO_A_POT = re.compile(
    r"^\s*(?:into|in)\s+(?:the|a|my|our)\s+(?:teapot|pot|pan|saucepan|kettle|mug|cup|flask|jug|bowl"
    r"|sink|cafetiere|thermos)\b"
)
# "i nearly fainted when i saw the bill", "almost passed out at the price": a surprise
SURPRISED_AT = (
    r"(?:bill|price|cost|invoice|quote|news|letter|results?|report|total|fee|fees|estimate"
    r"|x-?rays?|xrays?|scans?|mri|pictures?|photos?)"
)
SURPRISED_BY = re.compile(
    r"^\W*(?:when|at|after|seeing|reading|hearing|over)\s+(?:(?:i|he|she|we|they)\s+"
    r"(?:saw|read|heard|got|opened|looked\s+at)\s+)?(?:the|that|this|my|his|her|their|our"
    rf"|what)?\s*(?:{SURPRISED_AT}|it)\b"
)
# "when i saw the quote i nearly had a heart attack haha": the surprise told first
SURPRISED_BEFORE = re.compile(
    r"\b(?:when|after)\s+(?:i|we|he|she|they)\s+(?:saw|read|heard|got|opened|looked\s+at)\s+"
    rf"(?:the|that|this|my|our|his|her|their)?\s*{SURPRISED_AT}\b"
)
# "i googled and now i think i'm dying": the fear that reading brings, in the same sentence
SEARCHED_BEFORE = re.compile(r"\b(?:googled|googling|dr\s+google|webmd)\b[^.?!]*$")
# "i laughed so hard i couldnt breathe", "laughing so much i nearly died"
# (right before it: not "i laughed so hard and now i cant breathe")
LAUGHED_SO = re.compile(
    r"\blaugh(?:ed|ing)?\s+(?:so|that)\s+(?:hard|much)"
    r"(?:\s+(?!and\b|now\b|but\b|then\b)[\w']+){0,5}\s*$"
)
# "i nearly had a heart attack haha": laughter after a near miss
# (in the same sentence: "almost had a heart attack when the doctor said calcinosis haha")
LAUGHTER = re.compile(r"^[^.?!]*?(?:\b(?:lol|lmao|haha\w*|hehe\w*|rofl)\b|😂|🤣)")
# a red flag named as one known: "is calcinosis related to the stroke", "linked to his heart
# attack", "the stroke i had", "the heart attack she had in may"
RELATED_TO_THE = re.compile(
    r"\b(?:related|linked|connected|due|owing)\s+(?:to|with)\s+(?:the|that|my|his|her|their)"
    r"(?:\s+(?:old|last|previous|earlier|first|past))?\s*$"
    r"|\bbecause\s+of\s+(?:the|that|my|his|her|their)\s*$"
    # "he cannot speak very well since his stroke": one that came before
    r"|\b(?:since|after)\s+(?:the|that|my|his|her|their)\s*$"
)
HAD_BEFORE = re.compile(r"^\s*(?:that\s+)?(?:i|he|she|they|we)\s+(?:had|suffered)\b")
NEARLY = frozenset({"nearly", "almost", "practically", "basically"})
NEARLY_REACH = 3  # "nearly had a heart attack", "almost passed out"
# "if i stroke the lump gently": the verb, not the illness
VERB_BEFORE = {
    "stroke": frozenset({"i", "you", "we", "they", "to", "gently", "softly", "lightly"}),
    # "it would be career suicide to skip this meeting"
    "suicide": frozenset({"career", "political", "social", "professional", "commercial"}),
}
# "if i ever get chest pain", "in case he has a seizure": what might happen one day
HYPOTHETICAL = re.compile(r"\bif\b(?:\s+\S+){0,3}\s+ever\b|\bin case\b")
# placed in the past, long enough ago not to be happening now; "again" and the like undo it
# ("since last week" tells of something still going on: not long ago)
LONG_AGO = re.compile(
    r"\b(?:decades?|years?|yrs?|months?|weeks?) (?:ago|back)\b|\blast year\b"
    r"|\b(?:a\s+long\s+time|ages)\s+ago\b"
    r"|(?<!since )\blast (?:month|week)\b|\bhistory of\b"
    r"|\blast (?:spring|summer|autumn|fall|winter|christmas|easter)\b"
    r"|\bin the past\b|\b(?:in|since) (?:19|20)\d\d\b|\bnothing since\b"
    r"|\b(?:back\s+)?in the '?(?:(?:19|20)?\d0)'?s\b|\bback in (?:the day|(?:19|20)\d\d)\b"
    r"|\bas an? (?:baby|toddler|infant|child|kid|teenager|teen)\b"
    r"|\b(?:\w+ )?(?:summers?|winters?|springs?|autumns?) ago\b|(?<!since )\blast season\b"
    r"|\bwhen (?:i|he|she|they) (?:was|were) (?:a baby|a child|a kid|little|young|small|a kitten"
    r"|a teenager|a teen|in school|at school|at uni"
    r"|a puppy|a pup|a foal)\b"
    # "the scars are from when i hurt myself at uni"
    r"|\bfrom\s+when\s+(?:i|he|she|they|we)\b"
    # "my aunt had a stroke when she was 60", "when he was in his fifties"
    r"|\bwhen (?:i|he|she|they|we) (?:was|were) (?:\d+|in (?:my|his|her|their|our) \w+)\b"
)
# "had suicidal thoughts in my twenties": long past, for thoughts told with the person well now
IN_ONES_DECADE = re.compile(
    r"\bin (?:my|his|her|their) (?:teens|twenties|thirties|forties|fifties|[2-5]0s)\b"
)
# the flag told before, then placed long ago: "that was back in 2015", "it was years ago"
THAT_WAS_LONG_AGO = re.compile(
    rf"\b(?:that|this|it|all\s+that)\s+(?:was|happened)\s+(?:\w+\s+){{0,2}}?(?:{LONG_AGO.pattern})"
)
# well now, after what is long past: "tried to kill himself years ago, hes doing really well
# now", "used to self harm but ive been ok for 8 years"
RECOVERED = re.compile(
    r"\b(?:doing|getting\s+on)\s+(?:really\s+|very\s+|so\s+|much\s+)?(?:well|great|good|fine"
    r"|ok|okay|better)\b"
    r"|\b(?:been|i'?ve\s+been|ive\s+been)\s+(?:ok|okay|fine|good|well|clean|better)\s+(?:for|since)\b"
    r"|\b(?:fine|well|ok|okay|good|better|healthy|happy)\s+now\b|\brecovered\b"
    # "happy and healthy these days", "in a really good place"
    r"|\b(?:fine|well|ok|okay|good|great|better|healthy|happy)\s+(?:and\s+\w+\s+)?these\s+days\b"
    r"|\bin\s+a\s+(?:really\s+|much\s+|very\s+)?(?:good|better|great|happy)\s+place\b"
    # "im 45 now, happily married", "thats all behind me now and im good"
    r"|\bhappily\s+(?:married|settled|retired)\b|\b(?:all\s+)?behind\s+me(?:\s+now)?\b"
    r"|\b(?:i'?m|im|i\s+am)\s+(?:good|great|fine|ok|okay)\b"
    # "the marks are from when i was 15 and hurting myself, long healed"
    r"|\b(?:long|all|fully|well)\s+healed\b|\b(?:very\s+|really\s+)?content\b"
)
# a joke told of, the person fine: "my sister always jokes shes gonna kill herself if she has
# to sit another exam lol shes fine"
JOKED = re.compile(r"\b(?:jokes?|joking|joked|kidding)\b")
JOKE_ENDS = re.compile(
    r"\b(?:lol|lmao|haha\w*|(?:she'?s|he'?s|they'?re|shes|hes|theyre)\s+fine)\b"
    # "my mate jokes hell jump off a bridge if his team loses the final"
    r"|\bif\s+(?:his|her|their|my|our|the)\s+(?:team|side|club)\b"
)
# the word in a service's or campaign's name: "a suicide prevention helpline"
SERVICE_AFTER = re.compile(
    r"^\s*(?:prevention|helpline|hotline|awareness|charity|charities|training|crisis\s+line)\b"
)
USED_TO = re.compile(r"\bused\s+to\s*$")
# who died, told in the sentence before what they died of: "grandad passed in 2019, heart attack"
DIED_BEFORE = re.compile(
    r"\b(?:passed|passed\s+away|died|lost\s+(?:him|her|them|my\s+\w+))\s+(?:in|last|years?|on)\b"
)
# "used to have seizures as a teen": had once, not now
HAD_ONCE = re.compile(r"\bused\s+to\s+(?:have|get|suffer\s+(?:from|with))\s*$")
# "my old self harm scars": marks of what healed
SCARS_AFTER = re.compile(r"^\s*(?:scars?|scarring|marks)\b")
# the flag named as what is watched or read ("watching the virgin suicides"): a title
TITLE_BEFORE = re.compile(
    r"\b(?:watching|watched|binge\s*-?\s*watching|reading|read|listening\s+to)\s+the(?:\s+\w+){0,2}\s*$"
)
# what someone died of: "my gran passed away from a stroke last year and now i worry"
DIED_OF = re.compile(
    r"\b(?:died|passed away|passed|lost (?:him|her|them|my \w+))\s+(?:of|from|after|to|with)"
    r"(?:\s+(?:an?|his|her|their|a massive|a big|a bad))?\s*$"
)
# one survived, or seen at work: "my grandad survived a heart attack", "im an ER nurse, we see
# loads of overdoses"
SURVIVED_OR_SEEN = re.compile(
    r"\bsurvived\s+(?:an?\s+|his\s+|her\s+|two\s+|three\s+)?(?:\w+\s+)?$"
    r"|\b(?:we|i|they)\s+(?:see|saw|treat|treated|deal\s+with|get|handle)\s+(?:loads|lots"
    r"|a\s+lot|plenty|hundreds|dozens|tons)\s+of\s*$"
)
# seen at work: "im a paramedic and see strokes every shift", "we see poisoned dogs every
# week", "im a pharmacist and get asked about overdoses every day"
SEEN_BEFORE = re.compile(
    r"\b(?:see|saw|seen|treat|treated|get\s+asked\s+about|deal\s+with|handle|nurse|(?:we|they)\s+had"
    r"|calls?\s+about|hear\s+about|learn\s+about|learnt\s+about|learned\s+about|tell\s+me\s+about"
    # "already had a gunshot wound", "and had a kid who swallowed bleach on the last job"
    r"|(?:already|we've|weve|we\s+have)\s+had|had\s+(?:a|an)\s+\w+\s+who"
    # "a bereavement group for families after a suicide", "people bereaved by suicide"
    r"|(?:bereaved|affected|touched)\s+by|(?:families|people|those)\s+(?:\w+\s+){0,2}after)"
    r"(?:\s+\w+){0,3}\s*$"
)
AT_WORK = re.compile(
    r"\b(?:i'?m|im|i\s+am|as)\s+an?\s+(?:\w+\s+)?(?:paramedic|nurse|doctor|gp|pharmacist|vet"
    r"|medic|student|firefighter|carer|lifeguard|midwife|surgeon|physio|dentist|police\s+officer"
    r"|officer|cop|detective|coroner|pathologist|toxicologist|social\s+worker|counsellor"
    r"|counselor|therapist|volunteer|registrar|consultant|call\s+handler)\b"
    # "training as a crisis line volunteer", "A&E registrar on nights", "i answer calls on a
    # poisons helpline"
    r"|\b(?:volunteer|registrar|call\s+handler|helpline|hotline|crisis\s+line)\b"
    # "my wife runs a bereavement group for families after a suicide"
    r"|\bbereave\w*|\b(?:runs?|running|leads?|organi[sz]es?)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}"
    r"(?:group|charity|service|course|class|workshop)\b"
    r"|\b(?:answer|take)\s+calls\b|\bon\s+(?:nights|my\s+break|the\s+wards?)\b|\blast\s+job\b"
    # "working at a vets", "i work as an ambulance tech"
    r"|\bworking\s+(?:at|in|for|on)\s+(?:a|an|the)\b|\bi\s+work\s+as\b"
    # "toxicologist here", "nurse here"
    r"|\b(?:\w+ist|nurse|doctor|doc|medic|paramedic|vet|cop|officer|midwife)\s+here\b"
    r"|\bi\s+work\s+(?:nights\s+|days\s+|shifts\s+)?(?:on|at|in|for)\s+(?:a|an|the)\b"
    r"|\bevery\s+(?:shift|day|week|night)\b|\bat\s+work\b|\bon\s+(?:shift|the\s+job)\b"
    r"|\b(?:911|999|emergency)\s+(?:dispatcher|operator|call\s+handler)\b|\bdispatcher\b"
    r"|\ball\s+day\s+long\b|\ball\s+day\b"
    # "part of my chemist job is answering phone calls about accidental overdoses"
    r"|\bmy\s+(?:\w+\s+)?job\s+is\b"
)
# a story, not a life: "in a tv drama a character had a stroke", "i read a novel where someone
# had a heart attack"
FICTION = re.compile(
    r"\b(?:in|on)\s+(?:a|an|the|this|that)\s+(?:\w+\s+){0,2}(?:show|drama|series"
    r"|film|movie|novel|book|story|episode|soap|documentary|programme|program)\b"
    # an essay or lecture on it, a well-known story
    r"|\b(?:essay|assignment|dissertation|thesis|presentation|lecture|revision|revising)\b"
    # "revising for my first aid exam tomorrow, the choking and cpr chapters are dull"
    r"|\bfirst\s+aid\s+(?:exam|course|class|test|training|book|manual|module|certificate)\b"
    r"|\bbreaking\s+bad\b|\bvideo\s+games?\b|\bin\s+(?:a|the|my)\s+game\b"
    r"|\bread\s+(?:a|an|the|this|that)\s+(?:novel|book|story|article)\b"
    # "just finished a book about a victorian poisoner"
    r"|\b(?:finished|finishing|started|starting)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:book|novel|biography"
    r"|podcast|series)\s+(?:about|on)\b"
    # "watched a film where someone had a seizure", "read a news story about a guy who had"
    r"|\b(?:watched|watching|saw|seen|read|reading)\s+(?:a|an|the|this|that)\s+(?:\w+\s+)?"
    r"(?:film|movie|show|programme|program|documentary|episode|video|story|article|book|novel"
    r"|drama|series|soap|ep)"
    r"\b"
    # "my favourite tv show had a character collapse", "writing a murder mystery where"
    r"|\b(?:tv|television)\s+(?:show|series|drama|programme|program)\b|\bcharacters?\b"
    r"|\bwriting\s+(?:a|an|my|the)\s+(?:\w+\s+){0,2}(?:story|novel|book|mystery|script"
    r"|screenplay|play|poem)\b"
    # "game of thrones, the king got poisoned at his wedding", "in my crime novel the butler"
    r"|\bgame\s+of\s+thrones\b|\bgrey'?s\s+anatomy\b|\b(?:my|a|the)\s+(?:crime\s+)?novel\b"
    # "i write crime novels, this one has a poisoning"
    r"|\b(?:write|writing|wrote|drafting|draft|plotting)\s+(?:\w+\s+){0,2}?(?:novels?|books?|stories"
    r"|fiction|scripts?|plays?"
    r"|thrillers?|mysteries)\b|\bin\s+chapter\s+\w+\b"
    r"|\bthe\s+(?:king|queen|prince|princess|villain|wizard|butler|duke)\b"
    r"|\bpodcast\b|\btrue\s+crime\b|\bfortnite\b|\bminecraft\b|\bcall\s+of\s+duty\b"
    r"|\blistening\s+to\b|\bsongs?\b|\blyrics\b|\balbum\b"
    # "in history class we learned about soldiers who hanged themselves"
    r"|\b(?:history|english|biology|psychology|sociology|science)\s+(?:class|lesson|lecture)s?\b"
    # "todays first aid course covered choking and heart attacks"
    r"|\b(?:first\s+aid|cpr|life\s*saving|resus\w*)\s+(?:course|class|training|lesson|session)s?\b"
    # "once played an ambulance medic in a telly advert ... on a mannequin"
    r"|\bplayed\s+(?:an?|the)\s+(?:\w+\s+){0,2}in\s+(?:a|an|the|my|our)\b|\badverts?\b"
    r"|\b(?:tv|telly)\s+(?:ad|commercial)s?\b|\bmannequins?\b"
)
# "my son pretends to have heart attacks": a pretence, not an illness
PRETENDED = re.compile(
    # "a mock overdose scenario in nursing school"
    r"\b(?:mock|simulated|practice)\s*$|"
    r"\b(?:pretend\w*|fak(?:e|es|ed|ing)|acting\s+out)(?:\s+to)?(?:\s+(?:have|be\s+having"
    r"|having|be))?(?:\s+an?)?\s*$"
)
# an everyday accident, not self-harm: "i cut myself on a kitchen knife", "i burn myself a lot
# at the stove", "burnt myself while cooking", "cut myself shaving"
SELF_INJURIES = frozenset({"cut", "cutting", "burn", "burned", "burnt", "burning", "scratch"})
ACCIDENT = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:on\s+(?:(?:a|an|the|my|some)\s+)?(?:[\w-]+\s+)?(?:knife|stove|oven|hob"
    r"|cooker|iron|pan|saucepan|kettle|grill|glass|tin|can|tray|fence|nail|bbq|barbecue|bike"
    r"|heater|radiator)s?"
    r"|(?:at|on|near|by)\s+the\s+(?:stove|oven|hob|cooker|grill|bbq|barbecue)"
    r"|(?:while|when|whilst)\s+(?:i\s+was\s+)?(?:cooking|shaving|chopping|cutting|gardening"
    r"|baking|ironing|working|cleaning|fixing|making)"
    r"|(?:cooking|shaving|chopping|gardening|baking|ironing)"
    r"|by\s+accident|accidentally)\b"
    r"|\b(?:by\s+accident|accidentally|an\s+accident)\b"
)
ON_PURPOSE = re.compile(r"\b(?:on\s+purpose|deliberately|intentionally|to\s+feel)\b")
# someone who has died: "my late wife had a stroke"
LATE = re.compile(r"\b(?:my|his|her|our|their|your)\s+late\s+\w+")
# "what about heart attacks?" after a question: asked about, as the question before was
ASKED_ABOUT = re.compile(r"^\W*(?:(?:and|so|ok|okay|but)\W+)*(?:what|how)\s+about\b")
# happening now, again or still, anywhere in the message: "... and it's happening again",
# "... two weeks ago and it's still there"
HAPPENING_NOW = re.compile(
    r"\b(?:again|another|today|tonight|currently|right now|this (?:morning|afternoon|evening))\b"
    r"|\ball (?:morning|day|night|afternoon|evening)\b|\bbeen doing it\b"
    # (not "survived a heart attack in 2010 and is still out golfing": well)
    r"|\b(?:it'?s|it is|is) still\b(?!\s+(?:out|going\s+strong|playing|working|golfing|active|fit"
    r"|alive|around|kicking|doing\s+(?:well|great|fine)))"
    r"|\bstill (?:there|here|hurts|hurting|happening|going on)\b"
    r"|\b(?:i'?m|am|is|are|he's|she's) (?:having|happening)\b"
    r"|\b(?:it'?s|is|came|come|coming) back\b"
    # "does calcinosis cause chest pain? mine started an hour ago": the patient's own, begun
    # minutes or hours ago
    r"|\bmine (?:started|began|came on|hurts|feels|got|is getting|has been)\b"
    r"|\b(?:started|began|came on|kicked in) (?:about |around |like )?(?:an?|\d+|a few|few"
    r"|half an|one|two|three|four|five|ten|twenty|thirty) (?:minutes?|mins?|hours?|hrs?) ago\b"
    r"|\bjust (?:started|began|came on)\b"
)
# a course, class or drill today or tonight: "first aid course today was all cpr and choking"
# tells when the course was, not that anything is happening
COURSE_TODAY = re.compile(
    r"\b(?:course|class|lesson|training|session|drill|lecture|workshop)\s+(?:today|tonight"
    r"|this\s+(?:morning|afternoon|evening))\b"
    r"|\b(?:today|tonight)'?s\s+(?:\w+\s+)?(?:course|class|lesson|training|session|drill|lecture)\b"
)
# a sentence that starts placed long ago: "back in 1998 my ticker packed in, heart attack"
PLACED_LONG_AGO = re.compile(
    r"^\W*(?:back\s+in\s+(?:the\s+day|(?:19|20)\d\d|the\s+'?\d0s)|in\s+(?:19|20)\d\d"
    r"|(?:\w+\s+)?(?:years|decades)\s+(?:ago|back))\b"
)
# a bare "now" is about the flag only in its own clause: "a heart attack years ago, now i have
# lumps on my elbow" is about the lumps, "a seizure as a baby, he's 10 now" about his age
NOW = re.compile(r"\bnow\b")
# "now" of the mention itself, in its clause: "chest pain last week and now it's crushing"
NOW_OF_IT = re.compile(r"\bnow (?:it'?s|it is|its|it has|it got|the pain)\b")
# "if someone has calcium in their arteries can it cause a heart attack": a question, though
# it starts with "if" and has no question mark
ASKS_CAUSE = re.compile(
    r"\b(?:can|could|does|do|will|would|might|may)\s+(?:it|this|that|they|calcinosis"
    r"|calcification|calcium|(?:the|these|those)\s+(?:\w+\s+)?(?:deposits?|lumps?))\s+"
    r"(?:cause|lead|give|trigger|make|result|bring)"
)
AFTER_WINDOW = 5  # "can an overdose of vitamin d cause ...": the cue may follow the flag


# "took about 30 paracetamol": a count of pills taken at once, which no phrase can list
OVERDOSE_COUNT = 10
PILLS_REACH = 7  # how far after the count or "whole pack" the pills may be named
NUMBER_WORDS = {
    "ten": 10, "dozen": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100,
}  # fmt: skip
# "took the whole packet of paracetamol" ("hole" is how many type it), "all my pills at once"
WHOLE_WORDS = frozenset({"whole", "hole", "entire", "full"})
CONTAINERS = frozenset({"packet", "pack", "box", "bottle", "strip", "tub", "jar", "blister"})
AT_ONCE = re.compile(r"^(?:\S+\s+){0,2}(?:at once|in one go|all together|together)\b")
# "i tok like 30 of my sleping pils": the taking word as typed in a hurry (too short, or too
# far, for the normaliser to correct)
TOOK_TYPED = frozenset(
    {"tok", "tuk", "toook", "tooked", "tookd", "tooken", "swalowed", "swallowd", "swalloed",
     "swolled", "swollowed", "swolloed"}
)  # fmt: skip
# "necked a whole strip", "downed a bottle of pills": taken, in slang
TOOK_SLANG = frozenset({"necked", "downed", "chugged", "popped", "scoffed"})
TAKE_WORDS = frozenset(
    {"took", "taken", "take", "taking", "swallowed", "swallow", "swallowing", "ate", "had"}
    | TOOK_TYPED
    | TOOK_SLANG
)
# "swallowed a load of my tablets", "took a handful of pills": many, though not counted; not
# "i take loads of tablets", which is what a patient on many medicines says
MANY_WORDS = frozenset({"load", "loads", "handful", "fistful", "bunch"})
TOOK_WORDS = frozenset({"took", "swallowed", "ate", "had"} | TOOK_TYPED | TOOK_SLANG)
TAKEN_WORDS = TOOK_WORDS | {"taken"}  # taken already: "i've taken too many, maybe 20"
# a count told after the pills: "took extra tablets, maybe 20", not "my tablets at 10"
COUNT_AFTER_REACH = 4
NOT_A_COUNT_AFTER = frozenset({"at", "for", "since", "by", "before", "after", "until", "about"})
NOT_A_COUNT_BEFORE = re.compile(
    r"\s*(?:(?:mg|g|mcg|ug|ml|iu|units?|milligrams?|grams?|am|pm|o'?clock)\b|%|:|"
    r"(?:mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)\b|"
    r"(?:a|per|each|every)\s+(?:day|week|night|morning)\b|daily\b)"
)
# a young child who swallowed any medicine at all: "my 3 year old ate one of my tablets", "my
# 2yo got into my medicine" (not "got some pills from the doctor")
SWALLOW_WORDS = frozenset({"swallowed", "ate", "eaten", "chewed", "licked"})
YOUNG_CHILD = re.compile(
    r"\b(?:toddler|baby|infant|little one|kid|child|\d{1,2}\s*(?:yr|year|yo|month)s?"
    r"|little (?:lad|boy|girl|man|un))\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten) (?:yr|year)s? old\b"
)
# a pet that got into medicine, any amount: "the cat got into my vitamin d pills", "labrador
# chewed open the ibuprofen bottle"
PET = re.compile(
    r"\b(?:dog|dogs|puppy|pup|cat|cats|tomcat|tom\s+cat|moggy|moggie|kitten|kitty|pet|labrador|lab|terrier|spaniel|collie"
    r"|beagle|poodle|retriever|husky|dachshund|chihuahua|boxer|rottweiler|greyhound|whippet"
    r"|cockatiel|bearded\s+dragon|dragon|hedgehog|lizard|snake|gerbil|chinchilla"
    r"|lurcher|staffie|staffy|doberman|schnauzer|corgi|pug|bulldog|shepherd|rabbit|parrot"
    r"|hamster|ferret|horse|pony|mare|foal|stallion|gelding|donkey|great\s+danes?|danes?"
    r"|labradoodle|goldendoodle|doodle|cockapoo|cavapoo|cavalier|westie|yorkie|pomeranian"
    r"|jack\s+russell|alsatian|mastiff|setter|pointer|hound|springer|sheepdog|bunny|guinea\s+pig"
    r"|budgie|bird|tortoise|goat|sheep|cow|calf|lamb)s?\b"
)
OWN_WORDS = frozenset({"his", "her", "their", "own"})
# "i'm going to take all my pills tonight", "gonna swallow every pill in the house": a plan to
# take all of them, told (not "am i going to have to take all my pills?"), is a plan of suicide
ALL_WORDS = frozenset({"all", "every", "everything"})
PLANS = re.compile(
    r"\b(?:going to|gonna|gunna|about to|plan(?:ning)? to|want to|wanna|will|i'll|ill|i'm"
    r"|think(?:ing)? (?:about|of)|thought (?:about|of))"  # "i think about taking all my pills"
    r"(?:\s+\S+)?\s*$"
)
ALL_THERE_IS = re.compile(
    r"^(?:\S+\s+){0,2}(?:in the house|i (?:could|can) (?:find|get)|i(?:'ve| have)(?: got)? left)"
)
# "necked every paracetamol we had in the cupboard": taken, all there was (not "every tablet i
# had been prescribed")
ALL_THERE_WAS = re.compile(
    r"^(?:\S+\s+){0,1}(?:i|we|he|she|they)\s+(?:had|owned|kept|could\s+find|found)\b"
    r"(?!\s+(?:been|to|for|on))"
)
# "... all my pills tonight", not "all my tablets as prescribed" or "tomorrow morning"
SOON = re.compile(r"^(?:\S+\s+){0,2}(?:tonight|right now|and (?:end|die|be done|never))\b")
PILL_WORDS = frozenset(
    {"pill", "tablet", "capsule", "paracetamol", "ibuprofen", "aspirin", "painkiller",
     "co-codamol", "codamol", "codeine", "sleeping", "antidepressant", "tramadol", "dose",
     "oxycodone",
     "morphine", "diazepam", "valium", "xanax", "amitriptyline", "sertraline", "citalopram",
     "lithium", "zopiclone", "gabapentin", "pregabalin", "naproxen", "vitamin", "iron", "med",
     "medicine", "medication", "insulin"}
)  # fmt: skip


@dataclass(frozen=True)
class RedFlag:
    category: str
    text: str
    negated: bool
    start: int
    end: int
    spoken_of: bool = False  # asked about, or long ago: not happening now
    figurative: bool = False  # "dying to know", "giving me a heart attack lol"
    accidental: bool = False  # "i cut myself on a kitchen knife": an injury, not self-harm

    @property
    def live(self) -> bool:
        return not (self.negated or self.spoken_of or self.figurative or self.accidental)


def load_red_flags(path: Path = SAFETY_FILE) -> dict[str, list[str]]:
    data: Any = read_yaml(path)
    flags = data.get("red_flags") if isinstance(data, dict) else None
    if not isinstance(flags, dict) or not flags:
        raise ValueError(f"{path}: expected a `red_flags` mapping of category -> phrases")
    for category, phrases in flags.items():
        # an empty item ("- # a comment") would be read as None, and then as the word "none"
        if not isinstance(phrases, list) or not all(
            isinstance(p, str) and p.strip() for p in phrases
        ):
            raise ValueError(f"{path}: every phrase of `{category}` must be non-empty text")
    return {str(category): list(phrases) for category, phrases in flags.items()}


def load_red_flag_phrases(path: Path = SAFETY_FILE) -> list[str]:
    return [phrase for phrases in load_red_flags(path).values() for phrase in phrases]


# a carer tells of someone else: "can't move my arm" is also "mum can't move her arm". Not
# for suicide and self-harm: "he cut himself" is most often an accident, and the list names
# the others' forms it means ("kill herself")
SAID_OF_OTHERS = {"my": ("his", "her", "their"), "myself": ("himself", "herself", "themselves")}


def said_of_others(phrase: str) -> list[str]:
    """The phrase, and the phrase told of someone else."""
    words = phrase.split()
    variants = [phrase]
    for own, others in SAID_OF_OTHERS.items():
        if own in words:
            variants += [" ".join(o if w == own else w for w in words) for o in others]
    return variants


class RedFlagDetector:
    """Finds red-flag phrases in a processed Doc (NORM must be set by the normaliser)."""

    def __init__(self, nlp: Language, flags: dict[str, list[str]]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        normalise = nlp.get_pipe("normalizer")
        for category, phrases in flags.items():
            if category != "suicide":
                phrases = [variant for p in phrases for variant in said_of_others(p)]
            unique = dict.fromkeys(phrases)
            self.matcher.add(category, [normalise(nlp.make_doc(p)) for p in unique])

    def find(self, doc: Doc) -> list[RedFlag]:
        try:
            return self._find(doc)
        finally:  # what the rules read is dropped with the doc's parse, not kept until then
            doc.user_data.pop(TEXTS, None)
            doc.user_data.pop(WORDS, None)

    def _find(self, doc: Doc) -> list[RedFlag]:
        found = []
        matches = [
            (doc.vocab.strings[i], start, end)
            for i, start, end in self.matcher(doc)
            if all(self._typed_as(token) for token in doc[start:end])
        ]  # the rules read the words as typed, and a few through NORM, which they check
        chest_pain, chest_denied = _chest_pain(doc)
        rules = [
            *_overdoses(doc),
            *_keeps_pills_back(doc),
            *_meningitis_signs(doc),
            *_turning_blue(doc),
            *_pets_in_danger(doc),
            *_child_poisoned(doc),
            *_newborn_fever(doc),
            *_cold_white_limb(doc),
            *_injuries(doc),
            *_sudden_illness(doc),
            *_pregnancy_warning(doc),
            *_after_a_knock_or_on_chemo(doc),
            *_plans_or_a_strip_taken(doc),
            *_fever_and_confusion(doc),
            *_mottled_or_jaundiced(doc),
            *chest_pain,
        ]
        # "my chest doesn't hurt": denied after it is named
        denied = set(chest_denied)
        for category, start, end in [*matches, *rules, *denied]:
            span = doc[start:end]
            found.append(
                RedFlag(
                    category,
                    span.text,
                    (category, start, end) in denied or self._negated(doc, start),
                    span.start_char,
                    span.end_char,
                    spoken_of=self._spoken_of(doc, start, end, category),
                    figurative=self._idiom(doc, start, end),
                    accidental=self._accident(doc, start, end, category),
                )
            )
        return _referring_back(doc, found)

    @staticmethod
    def _typed_as(token: Token) -> bool:
        """A corrected word counts only when it is one slip from the red-flag word
        ("chocking", "faintin"), not another word ("checking" -> choking, "painted" ->
        fainted): the normaliser corrects towards any word it knows."""
        typed, norm = stem(token.lower_), token.norm_
        return typed == norm or (typed[:1] == norm[:1] and OSA.distance(typed, norm) <= 1)

    @staticmethod
    def _spoken_of(doc: Doc, start: int, end: int, category: str) -> bool:
        """Asked about as an effect ("can it cause a heart attack?", not "is it causing my
        chest pain?"), as a cause ("can an overdose of vitamin d cause it?"), as a sign ("is
        chest pain a symptom?") or of anyone ("can you overdose on vitamin d?"); or told of as
        long ago or as what might happen one day ("if i ever get chest pain") in the mention's
        own clause. Never when the message says it is happening again or today, or "now" in
        that clause, of it ("and now it's crushing") or of what follows the mention. Thoughts
        of suicide or self-harm only in a story, seen at work, or long past and well now."""
        if category == "suicide":
            return RedFlagDetector._suicide_told_of(doc, start, end)
        first, last = RedFlagDetector._clause(doc, start, end)
        clause = _text(doc, first, last, lower=True)
        told_before = _text(doc, first, start, lower=True)
        text, told_after = _text(doc, lower=True), _text(doc, end, lower=True)
        if _seen_at_work(told_before, text, told_after):
            return True
        if TITLE_BEFORE.search(told_before):  # "watching the virgin suicides tonight"
            return True
        if HAPPENING_NOW.search(COURSE_TODAY.sub(" ", text)):
            return False
        # "after taking too many pills, that was back in 2015 and shes doing great"
        if THAT_WAS_LONG_AGO.search(told_after) and RECOVERED.search(told_after):
            return True
        if any(
            pattern.search(told_before) for pattern in (DIED_OF, LATE, SURVIVED_OR_SEEN, HAD_ONCE)
        ):
            return True
        if DIED_BEFORE.search(_sentence_before(doc, start)):  # "grandad passed in 2019, heart
            return True  # attack"
        if FICTION.search(_sentence_before(doc, start)):  # "watching breaking bad, walt just
            return True  # poisoned someone lol"
        if PLACED_LONG_AGO.match(_sentence_before(doc, start)) and not NOW.search(text):
            return True
        # "is it related to the stroke?", "the stroke i had": one known, not one happening
        if RELATED_TO_THE.search(told_before) or HAD_BEFORE.match(_text(doc, end, lower=True)):
            return True
        if NOW_OF_IT.search(clause):
            return False
        now, long_ago = NOW.search(clause), LONG_AGO.search(clause)
        at = doc[start].idx - doc[first].idx
        # "a stroke last year and now they found calcification": the "now" is of what came
        # after; "a stroke last year and now my face is drooping" tells of now
        if now and (at > now.start() or not (long_ago and long_ago.start() < now.start())):
            return False
        if long_ago or HYPOTHETICAL.search(clause):
            return True
        before = doc[max(first, start - CUE_WINDOW) : start]
        asked = asks(_text(doc)) or ASKS_CAUSE.search(_text(doc, lower=True))
        if not asked or any(t.lower_ in POSSESSIVES | FIRST_PERSON for t in before):
            return False
        words = [t.norm_ for t in before]
        pairs = set(itertools.pairwise(words))
        after = [t.norm_ for t in doc[end : min(last, end + AFTER_WINDOW)]]
        return (
            any(word in CAUSE_CUES for word in [*words, *after])
            or any(cue in pairs for cue in ANYONE_CUES)
            or any(word in SIGN_WORDS for word in after)
            or ASKED_ABOUT.search(_text(doc, lower=True)) is not None
        )

    @staticmethod
    def _suicide_told_of(doc: Doc, start: int, end: int) -> bool:
        """Whether thoughts of suicide or self-harm, whose crisis line is otherwise given in
        full, are a story's ("reading a novel about a girl who wants to kill herself"), seen
        at work ("police officer, deal with stabbings and suicides on the job") or long past
        with the person well now ("tried to kill himself years ago, hes doing really well
        now"); never with anything of it happening now or again."""
        text = _text(doc, lower=True)
        told_before = _text(doc, RedFlagDetector._clause(doc, start, end)[0], start, lower=True)
        told_after = _text(doc, end, lower=True)
        if _seen_at_work(told_before, text, told_after) or SERVICE_AFTER.match(told_after):
            return True
        if TITLE_BEFORE.search(told_before):  # "watching the virgin suicides tonight"
            return True
        if JOKED.search(told_before) and JOKE_ENDS.search(text[doc[start].idx :]):
            return True  # (its "another exam" is no "again")
        if HAPPENING_NOW.search(text):
            return False
        if FICTION.search(_sentence_before(doc, start)):
            return True
        if SCARS_AFTER.match(told_after):  # "my old self harm scars look fine": healed
            return True
        past = LONG_AGO.search(text) or USED_TO.search(told_before) or IN_ONES_DECADE.search(text)
        return bool(past and RECOVERED.search(text[doc[start].idx :]))

    @staticmethod
    def _clause(doc: Doc, start: int, end: int) -> tuple[int, int]:
        """The token bounds of the clause around ``doc[start:end]``."""
        first, last = start, end
        while first > 0 and doc[first - 1].norm_ not in CLAUSE_ENDS:
            first -= 1
        while last < len(doc) and doc[last].norm_ not in CLAUSE_ENDS:
            last += 1
        return first, last

    @staticmethod
    def _idiom(doc: Doc, start: int, end: int) -> bool:
        """A figure of speech: "dying to know", "giving me a heart attack lol", "nearly
        fainted when i saw the bill", "when i saw the quote i nearly had a heart attack haha",
        "i laughed so hard i couldnt breathe"."""
        after = [t.lower_ for t in doc[end : end + 2]]
        follows = [f.split() for f in IDIOMS.get(doc[end - 1].lower_, ())]
        clause_before = _text(doc, RedFlagDetector._clause(doc, start, end)[0], start, lower=True)
        precedes = VERB_BEFORE.get(doc[start].lower_, frozenset()) if end - start == 1 else ()
        return (
            any(after[: len(words)] == words for words in follows)
            or (start > 0 and doc[start - 1].lower_ in precedes)
            or bool(FIGURATIVE_BEFORE.search(_text(doc, 0, start, lower=True)))
            or (
                any(t.lower_ in NEARLY for t in doc[max(0, start - NEARLY_REACH) : start])
                and (
                    SURPRISED_BY.search(_text(doc, end, lower=True)) is not None
                    or LAUGHTER.search(_text(doc, end, lower=True)) is not None
                    or SURPRISED_BEFORE.search(clause_before) is not None
                )
            )
            or LAUGHED_SO.search(_text(doc, 0, start, lower=True)) is not None
            or PRETENDED.search(_text(doc, 0, start, lower=True)) is not None
            or INTO_A_POT.match(_text(doc, end, lower=True)) is not None
            or (
                _text(doc, start, end, lower=True).endswith("dying")
                and SEARCHED_BEFORE.search(_text(doc, 0, start, lower=True)) is not None
            )
        )

    @staticmethod
    def _accident(doc: Doc, start: int, end: int, category: str) -> bool:
        """A cut or burn to oneself told with how it happened by accident, in its own
        clause ("i cut myself on a kitchen knife last year", "burnt myself at the stove"):
        an everyday injury. "i cut myself" alone, or "with a knife", stays self-harm."""
        if category != "suicide" or doc[start].lower_ not in SELF_INJURIES:
            return False
        first, last = RedFlagDetector._clause(doc, start, end)
        if ON_PURPOSE.search(_text(doc, first, last, lower=True)):
            return False
        return ACCIDENT.search(_text(doc, end, last, lower=True)) is not None

    @staticmethod
    def _list_goes_on(doc: Doc, start: int) -> bool:
        """Whether ``doc[start]`` is in a list that goes on with "or" or "nor" in its clause:
        "no fever, chest pain or cough"."""
        for token in doc[start + 1 :]:
            if token.norm_ in CLAUSE_BREAKS:
                return False
            if token.lower_ in LIST_GOES_ON:
                return True
        return False

    @staticmethod
    def _negated(doc: Doc, start: int) -> bool:
        """Whether a negation cue shortly before ``doc[start]`` denies it: "no chest pain",
        "no fever, chest pain or cough". Not a cue that answers alone ("no, my chest hurts",
        "no i have chest pain") or that a new subject parts from it ("no injury my chest hurts");
        across a comma, only in a list that goes on with "or" ("no lump, chest pain" and "not
        sure, my chest hurts" tell of chest pain)."""
        window = doc[max(0, start - CUE_WINDOW) : start]
        for token in reversed(window):
            if token.norm_ in CLAUSE_BREAKS:
                return False
            if token.norm_ == "," and not RedFlagDetector._list_goes_on(doc, start):
                return False
            if token.norm_ in NEGATION_CUES:
                follows = doc[token.i + 1] if token.i + 1 < len(doc) else None
                if follows is None:
                    return True
                answers = follows.norm_ in CLAUSE_ENDS or (
                    token.lower_ == "no" and follows.lower_ in NEW_SPEAKER
                )
                # "no injury my chest hurts": a new subject between starts a clause of its own
                new_clause = any(t.lower_ in NEW_SPEAKER for t in doc[token.i + 1 : start])
                return not (answers or new_clause)
        return False


FlagSpan = tuple[str, int, int]  # a red flag's category and its token bounds

TEXTS = ("calcibot", "texts")  # where a doc keeps its text and lower case, joined once


def _text(
    doc: Doc, start: int | None = None, end: int | None = None, *, lower: bool = False
) -> str:
    """The text of ``doc``, or of ``doc[start:end]``, cut from the message's whole text: spaCy
    joins a doc's tokens anew at each ``.text``, and the rules read one message dozens of times."""
    cached: tuple[str, str | None] | None = doc.user_data.get(TEXTS)
    if cached is None:
        whole = doc.text
        lowered = whole.lower()  # a few letters ("İ") lower to two, and then offsets move
        cached = doc.user_data[TEXTS] = (whole, lowered if len(lowered) == len(whole) else None)
    whole, lowered = cached
    if start is None and end is None:
        return (lowered or whole.lower()) if lower else whole
    span = doc[start:end]
    if lower and lowered is not None:
        return lowered[span.start_char : span.end_char]
    cut = whole[span.start_char : span.end_char]
    return cut.lower() if lower else cut


def _sentence_before(doc: Doc, start: int) -> str:
    """What the sentence of ``doc[start]`` says before it, in lower case."""
    first: int = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    return _text(doc, first, start, lower=True)


def _seen_at_work(told_before: str, text: str, told_after: str = "") -> bool:
    """Whether a red flag is what someone sees at work ("toxicologist here, i handle poisonings
    all day", "overdoses are my bread and butter"): its clause tells it is seen or treated, and
    the message tells of the work and of nothing happening now."""
    seen = SEEN_BEFORE.search(told_before) is not None or WORK_AFTER.match(told_after) is not None
    return seen and tells_of_work(text)


def tells_of_work(text: str) -> bool:
    """Whether a lower-cased text tells of someone's work, and nothing but the work's "all
    day" or "every shift" tells of now."""
    return AT_WORK.search(text) is not None and HAPPENING_NOW.search(AT_WORK.sub(" ", text)) is None


WORK_AFTER = re.compile(
    r"^\s*(?:are|is)\s+(?:my|our)\s+(?:bread\s+and\s+butter|job|day\s+job|work|daily\s+bread)\b"
    # "poisonings are daily life for us", "an overdose on shift yesterday"
    r"|^\s*(?:are|is)\s+(?:daily\s+life|everyday|part\s+of\s+the\s+job|routine)\b"
    r"|^\s*(?:on|at|during)\s+(?:my\s+|the\s+|a\s+)?(?:shift|job|work|rounds|call-?outs?)\b"
    # "spent the whole shift on the overdose ward"
    r"|^\s*(?:wards?|unit|team|clinic|department|service)\b"
    # "i field overdose queries all day at work"
    r"|^\s*(?:queries|enquiries|questions|calls|cases)\b"
)


def _count(token: Token) -> int:
    if token.text.isdecimal():  # not "²", which isdigit() takes and int() refuses
        return int(token.text[:9])  # a long run of digits is large, and int() has a limit
    return NUMBER_WORDS.get(token.lower_, 0)


# "i had a stroke 2 years ago ... is it related to the stroke?": "the stroke" is that one
REFERS_BACK = frozenset({"the", "that", "this", "old", "previous", "earlier"})


def _referring_back(doc: Doc, flags: list[RedFlag]) -> list[RedFlag]:
    """The flags, each named again with "the" or "that" after a mention of its kind only
    spoken of ("... a stroke 2 years ago. is it related to the stroke?") spoken of too: it is
    the same one. Not when the message says it is happening now (then neither is spoken of)."""
    kept: list[RedFlag] = []
    for flag in flags:
        span = doc.char_span(flag.start, flag.end, alignment_mode="expand")
        before = doc[span.start - 1].lower_ if span is not None and span.start > 0 else ""
        earlier = [
            f for f in kept if f.category == flag.category and f.end <= flag.start and f.spoken_of
        ]
        if flag.live and before in REFERS_BACK and earlier:
            flag = replace(flag, spoken_of=True)
        kept.append(flag)
    return kept


# someone turning blue, or blue around the mouth: "my 2 yr old is turning blue"; not fingers or
# toes that go blue in the cold (Raynaud's, common with scleroderma)
TURNING_BLUE = re.compile(
    r"\b(?:turning|going|gone|gone\s+all|went|turned|turns|goes|looks)\s+(?:a\s+bit\s+)?blue\b"
    r"|\b(?:lips|face)\s+(?:are\s+|is\s+)?(?:going|gone|turning|turned)\s+(?:a\s+bit\s+)?(?:grey|gray"
    r"|blue|bluey|blueish|bluish)\b"
    r"|\bblue\s+(?:a?round|about|on)\s+(?:the|his|her|their|my)\s+(?:mouth|lips|face)\b"
    # "my grandad has gone really cold and blue"
    r"|\b(?:gone|going|turned|turning)\s+(?:really\s+|very\s+|all\s+)?cold\s+and\s+(?:blue|grey|gray)\b"
)
EXTREMITIES = re.compile(
    r"\b(?:fingers?|toes?|hands?|feet|foot|nails?|fingernails?|knuckles?|thumbs?|fingertips?"
    r"|tips?|skin|lumps?|bumps?|deposits?|legs?|arms?|veins?)\b"
)


def _matched(
    doc: Doc, pattern: re.Pattern[str], category: str, *, when: re.Pattern[str] | None = None
) -> list[tuple[str, int, int]]:
    """The token spans where ``pattern`` matches the lower-cased text, as ``category``; none
    unless the text also tells what ``when`` names (a pregnancy, a knock to the head)."""
    text = _text(doc, lower=True)
    if when is not None and when.search(text) is None:
        return []
    spans = []
    for found in pattern.finditer(text):
        span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if span is not None:
            spans.append((category, span.start, span.end))
    return spans


def _turning_blue(doc: Doc) -> list[tuple[str, int, int]]:
    """Spans of someone turning blue, a sign they get too little air ("baby going blue
    around the mouth"); not a hand's or foot's colour in the cold."""
    return [
        (category, start, end)
        for category, start, end in _matched(doc, TURNING_BLUE, "breathing")
        if not EXTREMITIES.search(
            _text(doc, RedFlagDetector._clause(doc, start, end)[0], start, lower=True)
        )
    ]


# what a pet that ate it, or shows it, needs an emergency vet for: grapes, xylitol, lilies,
# chocolate, bait; bloat, a blocked bladder, colic
PET_POISONS = re.compile(
    r"\b(?:ate|eaten|eating|swallowed|chewed|licked|got\s+into|drank|gobbled|wolfed|scoffed"
    r"|devoured|munched|gulped)\b[^.?!]{0,40}?"
    r"\b(?:grapes?|raisins?|sultanas?|xylitol|sugar\s+free\s+gum|lil(?:y|ies)|chocolate|choc|cocoa|onions?"
    r"|bait|poison|pellets|antifreeze|paracetamol|ibuprofen|tylenol|advil|pills?|tablets?|meds"
    r"|medicine|painkillers?|yew)\b"
)
PET_SIGNS = re.compile(
    r"\b(?:bloat|bloated|retching|colic|straining\s+(?:in|to)\s+(?:the\s+)?(?:litter|pee|wee)"
    r"|(?:can'?t|cannot)\s+(?:pee|wee)|nothing(?:'?s|\s+is)?\s+(?:comes|coming)\s+out"
    r"|no\s+(?:wee|pee|urine)\s+(?:comes|coming|is\s+coming)"
    # "keeps going to the litter tray straining but nothing passes"
    r"|straining\b[^.?!]{0,30}\bnothing\s+(?:passes|passing|comes|coming|came)"
    # bloat: "stomach has swollen up like a drum and he keeps trying to be sick"
    r"|(?:stomach|belly|tummy)\s+(?:has\s+|is\s+)?(?:swollen|swelled|blown)\s+up"
    r"|swollen\s+up\s+like\s+a\s+drum|trying\s+to\s+(?:be\s+sick|vomit|throw\s+up)"
    # colic: "keeps lying down and kicking at his belly"
    r"|kicking\s+at\s+(?:his|her|its|their)\s+(?:belly|stomach|tummy|side|sides)"
    r"|lying\s+down\s+and\s+(?:rolling|kicking|getting\s+up)|pawing\s+(?:at\s+)?the\s+ground"
    r"|looking\s+(?:round\s+|around\s+)?at\s+(?:his|her|its|their)\s+(?:belly|flanks?|sides?)"
    r"|no\s+droppings|ripped\s+open|torn\s+open|gasping|mauled|savaged|twitching|fitting"
    r"|(?:lying\s+there|gone|went|is)\s+limp|flap\s+of\s+skin"
    r"|lying\s+on\s+(?:his|her|its|their)\s+(?:back|side)|fell\s+off\s+(?:his|her|its|the)\s+perch"
    r"|flew\s+into\s+(?:a|the)\s+(?:window|glass|door|wall)|(?:hit|knocked\s+down|run\s+over)\s+by\s+a\s+(?:car|truck|truk|van|lorry"
    r"|bike|motorbike|bus)|can'?t\s+(?:walk|stand)"
    # "a van clipped him, hes screaming and dragging his back end"
    r"|(?:car|van|truck|lorry|bus|bike|motorbike|tractor)\s+(?:clipped|hit|struck|ran\s+over"
    r"|knocked\s+(?:down|over))\s+(?:him|her|it|them)"
    r"|dragging\s+(?:his|her|its|their)\s+(?:back\s+end|back\s+legs?|hind\s+legs?|legs?)"
    r"|bone\s+(?:is\s+)?(?:poking|sticking|showing))\b"
)
# a rabbit or guinea pig that stops eating or pooping is in gut stasis, fatal within a day
SMALL_PET = re.compile(r"\b(?:rabbits?|bunn(?:y|ies)|guinea\s+pigs?)\b")
GUT_STASIS = re.compile(
    r"\b(?:hasn'?t|hasnt|has\s+not|not|stopped|won'?t|wont|isn'?t|isnt)\s+(?:been\s+)?"
    r"(?:eaten|eating|eat|pooped|pooping|poop|pooed)\b|\bhunched\b"
)


# a young child who swallowed or drank a household poison: "my 18 month old drank from a bottle
# of windscreen washer fluid"
CHILD_POISONS = re.compile(
    r"\b(?:drank|drunk|drinking|swallowed|ate|eaten|chewed|sucked|licked|sipped|got\s+into|gulped"
    r"|gobbled|swigged)\b[^.?!]{0,60}?\b(?:bleach|washer\s+fluid|screen\s*wash|antifreeze|white\s+spirit|turps"
    r"|turpentine|lamp\s+oil|paraffin|petrol|gasoline|detergent|laundry\s+(?:pods?|capsules?|tabs?)"
    r"|dishwasher\s+(?:tabs?|tablets?|pods?)|button\s+batter(?:y|ies)|batter(?:y|ies)|magnets?"
    r"|drain\s+cleaner|oven\s+cleaner|cleaning\s+(?:fluid|liquid|spray|product)|weed\s*killer"
    r"|rat\s+poison|slug\s+pellets|e-?liquid|vape\s+(?:juice|liquid)|nicotine|methadone"
    r"|vodka|gin|whisky|whiskey|wine|rum|iron\s+(?:tablets|pills)|ferrous\s+\w+|nightshade|belladonna"
    r"|foxglove|yew|laburnum|hemlock|lily\s+of\s+the\s+valley|lords\s+and\s+ladies"
    r"|(?:coin|button|watch)\s+(?:cells?|batter(?:y|ies)))\b"
    # "popped the round coin cells out of the tv remote and i think he gulped them down"
    r"|\b(?:coin\s+cells?|button\s+(?:cells?|batter(?:y|ies))|batter(?:y|ies)|magnets?)\b[^.?!]{0,60}?"
    r"\b(?:swallowed|gulped|ate|eaten|chewed)\b"
    # "found my ferrous sulphate in the drawer, i counted the foil and 8 are missing"
    r"|\b(?:iron\s+(?:tablets|pills)|ferrous\s+\w+)\b[^.?!]{0,60}?\b(?:missing|gone|eaten|swallowed)\b"
)


def _child_poisoned(doc: Doc) -> list[tuple[str, int, int]]:
    """A young child who swallowed or drank a household poison; a mouth burnt by a chemical;
    someone else's pills taken by mistake."""
    return [
        *_matched(doc, CHILD_POISONS, "poisoning", when=YOUNG_CHILD),
        *_matched(doc, BURNT_MOUTH, "poisoning", when=CHEMICALS),
        *_matched(doc, OTHERS_PILLS, "poisoning", when=BY_MISTAKE),
        *_matched(doc, MUSHROOMS, "poisoning")[:1],
    ]


# "think mum picked the wrong mushrooms, we ate them at lunch and now were both throwing up"
MUSHROOMS = re.compile(
    r"\b(?:wild|wrong|foraged|poisonous|weird|strange)\s+mushrooms?\b[^.?!]{0,80}?\b(?:ate|eaten|sick"
    r"|vomit\w*|throwing\s+up|puking|cramps)\b"
    r"|\b(?:ate|eaten)\b[^.?!]{0,30}?\b(?:wild|foraged|poisonous)\s+mushrooms?\b"
)
# "got the lid off the drain unblocker, theres white burns round his lips"
BURNT_MOUTH = re.compile(
    r"\b(?:burns?|burnt|burned|blisters?|blistered|white\s+marks?)\s+(?:a?round|on|in|inside)\s+"
    r"(?:his|her|their|the|my)\s+(?:lips|mouth|tongue|throat)\b"
)
CHEMICALS = re.compile(
    r"\b(?:unblocker|drain|bleach|cleaner|caustic|chemicals?|lye|acid|detergent|dishwasher"
    r"|laundry|oven|descaler|limescale)\b"
)
# "accidentally took my moms pills and mine": someone else's medicine, by mistake
OTHERS_PILLS = re.compile(
    r"\b(?:took|taken|swallowed|had)\s+(?:\w+\s+){0,2}?(?:(?:my|his|her)\s+)?(?:mum'?s|moms?|mom'?s"
    r"|mums|dad'?s|dads|husband'?s|wife'?s|partner'?s|nan'?s|gran'?s|brother'?s|sister'?s|son'?s"
    r"|daughter'?s|flatmate'?s|roommate'?s)\s+(?:\w+\s+)?(?:pills|tablets|meds|medication|medicine)\b"
)
BY_MISTAKE = re.compile(r"\b(?:accidentally|accidently|by\s+mistake|by\s+accident|mixed\s+up)\b")


# a pet named, then what it ate: "my lab ate a whole bar of dark chocolate"
PET_POISONED = re.compile(rf"{PET.pattern}[^.?!]{{0,40}}?{PET_POISONS.pattern}")


def pet_poisoned(text: str) -> bool:
    """Whether a message tells of a pet that ate what poisons it, named by any word for it
    ("lab", "staffie"), not only those the entity ruler knows."""
    return PET_POISONED.search(text.lower()) is not None


def _pets_in_danger(doc: Doc) -> list[tuple[str, int, int]]:
    """A pet that ate something poisonous for it, or shows a sign that cannot wait ("my dog
    ate a whole bunch of grapes", "horse is rolling and sweating, think its colic")."""
    text = _text(doc, lower=True)
    if PET.search(text) is None:
        return []
    return [
        *_matched(doc, PET_POISONS, "poisoning"),
        *_matched(doc, PET_SIGNS, "general"),
        *_matched(doc, GUT_STASIS, "general", when=SMALL_PET),
    ]


# a fever in a baby of a few weeks: "newborn is 3 weeks old, temp 39 and wont feed"
NEWBORN = re.compile(
    r"\b(?:newborn|new\s+born)\b|\b(?:baby|infant|son|daughter|she|he|twins?)\b[^.?!]{0,20}?"
    r"\b\d{1,2}\s*(?:weeks?|wks?|days?)\s+old\b"
    # "our baby born 2 days ago"
    r"|\bborn\s+(?:\d{1,2}|a|one|two|three|four|five|six|few)\s+(?:days?|weeks?)\s+ago\b"
)
FEVER = re.compile(
    r"\b(?:fever|temp|temperature|feverish|3[89](?:[.,]\d)?\s*(?:c|°c|degrees)?|burning\s+(?:hot|up)"
    r"|boiling\s+hot)\b"
)


def _newborn_fever(doc: Doc) -> list[tuple[str, int, int]]:
    return _matched(doc, FEVER, "general", when=NEWBORN)[:1]


# a limb gone suddenly cold and white or painful: a blocked artery ("my leg suddenly went cold,
# white and really painful"); not hands in cold water (Raynaud's)
SUDDENLY = r"(?:suddenly|out\s+of\s+nowhere|all\s+of\s+a\s+sudden|out\s+of\s+the\s+blue)"
COLD_LIMB = re.compile(
    rf"(?:\b(?:leg|arm|foot)\b[^.?!]{{0,25}}\b{SUDDENLY}|\b{SUDDENLY}\b[^.?!]{{0,25}}"
    r"\b(?:leg|arm|foot)\b)[^.?!]{0,20}\b(?:ice\s+)?cold\b[^.?!]{0,30}"
    r"\b(?:white|pale|blue|painful|numb|agony|agonising|agonizing)\b"
    # "my left leg went numb cold and white about an hour ago": a leg gone cold and white
    r"|\b(?:leg|arm|foot)\s+(?:has\s+)?(?:went|gone|turned)\s+(?:\w+\s+){0,2}?(?:ice\s+)?cold"
    r"\b[^.?!]{0,15}\b(?:white|pale|blue)\b"
)
# a head knocked, then confusion or drowsiness: "grandad tripped, hit his head, now hes not
# making sense"
HEAD_KNOCKED = re.compile(
    r"\b(?:hit|banged|bumped|knocked|smacked|bashed|cracked|smashed|slammed|whacked)\s+"
    r"(?:the\s+(?:back|side|front)\s+of\s+)?(?:his|her|my|their|your)\s+(?:head|skull)"
    r"|\bhead\s+injury\b|\bfell\s+on\s+(?:his|her|my|their)\s+head\b|\bhead\s*-?\s*first\b"
    r"|\blanded\s+on\s+(?:his|her|my|their)\s+head\b"
)
HEAD_SIGNS = re.compile(
    r"\b(?:not\s+mak\w*\s+(?:any\s+)?sense|confused|confusion|drowsy|sleepy|vomit\w*|throw\w*\s+up"
    r"|threw\s+up|slurr\w*|pupils?|can'?t\s+remember|keeps?\s+asking|won'?t\s+wake|wont\s+wake"
    # "smacked his head on the radiator, hes not answering me"
    r"|(?:not|isn'?t|isnt|won'?t|wont)\s+(?:answering|responding|answer|respond)"
    r"|unresponsive|puk\w*|being\s+sick|seeing\s+double|double\s+vision|muddled|been\s+sick"
    r"|(?:can'?t|cant)\s+keep\s+(?:his|her|my|their)\s+eyes\s+open)\b"
)
# a fever on chemotherapy: sepsis until shown otherwise
ON_CHEMO = re.compile(r"\b(?:chemo|chemotherapy)\b")
CHEMO_SIGNS = re.compile(rf"{FEVER.pattern}|\b(?:shiver\w*|shaking|rigors?)\b")
# a limb's tip cut off: "i cut my thumb off", "sliced the end of my thumb clean off"
CUT_OFF = re.compile(
    r"\b(?:cut|sliced|chopped|lopped|severed|sawed|sawn|took|ripped|tore)\b[^.?!]{0,25}?"
    r"\b(?:fingers?|thumbs?|toes?|fingertips?|(?:tip|end)\s+of\s+(?:my|his|her|their|the)\s+"
    r"(?:finger|thumb|toe)s?)\b[^.?!]{0,12}?\boff\b"
)
# blood from an artery: "bright red squirting out in spurts", "blood pumping out"
SPURTING = re.compile(
    r"\b(?:blood|bright\s+red)\b[^.?!]{0,25}\b(?:squirt\w*|spurt\w*|pumping|spraying|jetting)\b"
    r"|\b(?:squirt\w*|spurt\w*|pumping|spraying|jetting)\s+(?:out\s+)?(?:blood|bright\s+red)\b"
)
# a chemical in the eye: "got drain cleaner splashed in my eye"
CHEMICAL_IN_EYE = re.compile(
    r"\b(?:bleach|drain\s+cleaner|oven\s+cleaner|acid|chemicals?|caustic|lye|ammonia"
    r"|cleaning\s+(?:product|spray|fluid|liquid))\b[^.?!]{0,30}?\b(?:in|into)\s+"
    r"(?:my|his|her|their|the|both|your)\s+eyes?\b"
)
# a pregnancy's warning signs: pre-eclampsia, bleeding, severe pain
PREGNANT = re.compile(
    r"\b(?:pregnant|pregnancy|pregant|pregnat|preggers|preggo)\b|\b\d{1,2}\s*(?:weeks?|wks?)\s+"
    r"(?:pregnant|pregant|along|gone)\b"
    r"|\b(?:i'?m|im|i\s+am|she'?s|shes|she\s+is)\s+(?:2\d|3\d|4[0-2])\s*(?:weeks?|wks?)\b"
    # "39 weeks, contractions are 2 min apart"
    r"|^\W*(?:1\d|2\d|3\d|4[0-2])\s*(?:weeks?|wks?)\b"
    # "due in eight weeks"
    r"|\bdue\s+in\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+few)\s+(?:weeks?|wks?)\b"
)
PREGNANCY_SIGNS = re.compile(
    r"\b(?:flashing\s+lights|blurred\s+vision|blurry\s+vision|vision\s+(?:is\s+|has\s+gone\s+)?"
    r"blurry|(?:bad|severe|terrible|awful|pounding|splitting|worst)\s+headache"
    # "vision gone sparkly, head feels like its splitting, ankles have ballooned"
    r"|vision\s+(?:has\s+|is\s+)?(?:gone|going)\s+(?:all\s+)?(?:sparkly|blurry|blurred|fuzzy|funny|weird"
    r"|spotty)|seeing\s+(?:sparkles|stars|spots|zigzags)|zig\s*-?\s*zags?"
    r"|head\s+(?:feels\s+like\s+(?:it'?s|its|it\s+is)\s+|is\s+)(?:splitting|pounding|exploding)"
    r"|(?:ankles?|feet|legs|hands|fingers|face)\b[^.?!]{0,30}\b(?:ballooned|puffed\s+up|swelled\s+up)"
    r"|(?:face|hands|feet)\s+(?:has\s+|have\s+)?(?:gone\s+|is\s+|are\s+|got\s+)?"
    r"(?:really\s+|very\s+|all\s+)?(?:puffy|swollen)"
    r"|(?:bad|severe|constant|terrible|sharp|awful)\s+(?:tummy|stomach|belly|abdominal)\s+pain"
    r"|bleeding|spotting|blood"
    # a fit in pregnancy is eclampsia until shown otherwise: "my partner says i just had a fit"
    r"|(?:had|having|having\s+had)\s+(?:a\s+)?(?:fit|seizure|convulsion)s?(?!\s+of)"
    # "a loop of something slippery between my legs" (the cord); "agony down low on the right,
    # a weird ache at the top of my shoulder" (an ectopic pregnancy)
    r"|loop\s+of\s+something|(?:hanging|coming|sticking)\s+out\s+of\s+me|between\s+my\s+legs"
    r"|agony|shoulder\s+tip|top\s+of\s+my\s+shoulder"
    # a birth coming at home, labour far too early: "i can feel the babys head", "my waters
    # just gushed out, now im getting cramps every few minutes" (waters breaking alone, at term,
    # is for the maternity unit)
    r"|(?:feel|see)\s+(?:the\s+)?(?:baby'?s|babys)\s+head|contractions\s+(?:are\s+)?(?:like\s+)?"
    r"(?:\d+|two|three)\s*(?:min|mins|minutes)\s+apart|cramps?\s+every\s+few\s+minutes"
    # "my bump has gone really hard with constant pain"
    r"|(?:bump|belly|tummy|stomach)\s+(?:has\s+|is\s+)?(?:gone\s+|went\s+|feels\s+|is\s+)?(?:really\s+|very\s+"
    r"|all\s+)?(?:rock\s+)?(?:hard|tight)"
    # the baby's movements slowed or stopped: "baby hasnt kicked at all since yesterday lunch"
    r"|(?:baby|bump|little\s+one|bubba|he|she)\s+(?:has\s+|is\s+)?(?:hasn'?t|hasnt|has\s+not|haven'?t"
    r"|havent|isn'?t|isnt|not|stopped|hardly|barely)\s+(?:been\s+)?(?:kick\w*|mov(?:ed|ing|e))"
    r"|(?:no|not\s+(?:felt|had)\s+(?:any|a\s+single))\s+(?:kicks?|movements?)"
    # "i havent felt the little one move since around noon yesterday"
    r"|(?:haven'?t|havent|have\s+not|hasn'?t|hasnt|not|didn'?t|didnt|can'?t|cant|hardly|barely)\s+"
    r"(?:felt|feel|feeling)\s+(?:\w+\s+){0,3}?(?:move|moving|kick|kicking|movements?)"
    r"|(?:kicks?|movements?)\s+(?:have|has)\s+(?:slowed|stopped|gone\s+quiet)"
    # a fall or a blow onto the bump
    r"|(?:fell|fall|fallen|landed|hit|kicked|punched)\b[^.?!]{0,30}\b(?:belly|bump|stomach"
    r"|tummy))\b"
)


# an asthma attack told by its signs: "cant get a full sentence out without stopping for air",
# "inhaler not touching it this time"
SHORT_OF_BREATH = re.compile(
    r"\b(?:can'?t|cant|cannot|unable\s+to|struggling\s+to)\s+(?:get|finish|say|speak|complete|talk\s+in)"
    r"\s+(?:a\s+|in\s+)?(?:full|whole|complete)\s+sentences?\b"
    r"|\b(?:inhaler|puffer|blue\s+pump|ventolin|salbutamol|nebuli[sz]er)\s+(?:is\s+|'s\s+|s\s+)?"
    r"(?:not|isn'?t|isnt|ain'?t|aint|doesn'?t|doesnt|won'?t|wont|didn'?t|didnt|hasn'?t|hasnt)\s+"
    r"(?:even\s+)?(?:working|helping|touching|doing\s+(?:anything|owt|a\s+thing)|help|work|touch"
    r"|making\s+(?:a|any)\s+difference)\b"
)
# cold to the touch with a mind gone muddled: "found my elderly neighbour on her lino, cold to
# touch, shivering and mumbling"
COLD_TO_TOUCH = re.compile(
    r"\b(?:cold|freezing|icy|ice\s+cold|frozen|stone\s+cold)\s+to\s+(?:the\s+)?touch\b"
)
MUDDLED = re.compile(
    r"\b(?:mumbl\w*|muddled|slurr\w*|drowsy|incoherent|rambling|not\s+making\s+(?:any\s+)?sense"
    r"|making\s+no\s+sense|talking\s+(?:nonsense|gibberish)|(?:can'?t|cant|won'?t|wont)\s+wake"
    r"|confused(?!\s+(?:about|by|why|what|as\s+to|with)))\b"
)


# chest pain told in other words: "like a fridge sat on my breastbone", "heavy ache creeping
# along my left arm plus jawline"
CHEST_WEIGHT = re.compile(
    r"\b(?:like|as\s+if|as\s+though)\s+(?:a|an|some|someone|something)\s+(?:\w+\s+){0,2}?(?:sat|sitting"
    r"|standing|parked|pressing|pushing|lying|kneeling)\s+on\s+(?:my|his|her)\s+(?:chest|breastbone"
    r"|sternum|ribs)\b"
    r"|\b(?:pressure|crushing|squeezing|heaviness|tightness|weight)\s+(?:on|in|across|behind)\s+"
    r"(?:my|his|her)\s+(?:breastbone|sternum)\b"
)
ACHE_SPREADING = re.compile(
    r"\b(?:ache|aching|pain|tingl\w*|heav\w*)\b[^.?!]{0,30}\b(?:creeping|spreading|going|moving"
    r"|running|shooting|radiating)\s+(?:\w+\s+){0,2}?(?:along|down|up|into|to|through)\s+(?:my|his"
    r"|her|the)\s+(?:left\s+arm|jaw|jawline)\b"
)


def _cold_white_limb(doc: Doc) -> list[tuple[str, int, int]]:
    return _matched(doc, COLD_LIMB, "general")


def _injuries(doc: Doc) -> list[tuple[str, int, int]]:
    """A fingertip cut off, blood in spurts or soaking clothes, a child run over, someone
    pulled from water, a chemical in the eye, a limb mangled, legs gone dead after a fall."""
    return [
        *_matched(doc, CUT_OFF, "bleeding"),
        *_matched(doc, SPURTING, "bleeding"),
        *_matched(doc, BLOOD_SOAKING, "bleeding"),
        *_matched(doc, RUN_OVER, "general"),
        *_matched(doc, OUT_OF_WATER, "general", when=NEARLY_DROWNED),
        *_matched(doc, CHEMICAL_IN_EYE, "general"),
        *_matched(doc, MANGLED, "general"),
        *_matched(doc, SHOCKED, "general"),
        *_matched(doc, LEGS_GONE, "general", when=FELL),
    ]


# blood soaking clothes fast: "bright red is soaking my jeans really fast"
BLOOD_SOAKING = re.compile(
    r"\b(?:blood|bright\s+red|dark\s+red)\s+(?:is\s+|keeps\s+|has\s+)?(?:soaking|soaked|soaks)\b"
    r"|\bsoak(?:ing|ed)\s+(?:through\s+)?(?:my|his|her|their|the)\s+(?:jeans|trousers|clothes|shirt|top"
    r"|towels?|bandage|dressing|socks?|sleeve|pants|t-?shirt)\b[^.?!]{0,20}\b(?:fast|quickly|already"
    r"|in\s+seconds)\b"
)
# a baby dried out: "the soft spot on her head is sunken and shes limp"
SUNKEN_SOFT_SPOT = re.compile(
    r"\b(?:soft\s+spot|fontanel+e?)\b[^.?!]{0,30}\b(?:sunken|sunk|dipped)\b"
)
# sight gone in one eye at once: "all at once i went completely blind in my left eye"
BLIND_ALL_AT_ONCE = re.compile(
    r"\b(?:suddenly|all\s+at\s+once|out\s+of\s+nowhere|all\s+of\s+a\s+sudden)\b[^.?!]{0,30}\b(?:went"
    r"|gone|going)\s+(?:completely\s+|totally\s+)?blind\b"
    r"|\b(?:went|gone)\s+(?:completely\s+|totally\s+)?blind\s+in\s+(?:my|one|his|her|their)\s+"
    r"(?:left\s+|right\s+)?eye\b"
    # "the sight in my right eye vanished, like a curtain dropped"
    r"|\b(?:sight|vision)\s+in\s+(?:my|his|her|one)\s+(?:left\s+|right\s+)?eye\s+(?:has\s+|just\s+)?"
    r"(?:vanished|disappeared|(?:gone|went)\s+(?:black|dark|completely))\b"
    r"|\blike\s+a\s+curtain\s+(?:dropped|came\s+down|fell)\b"
)
# "our three year old just got dragged out from under the neighbours car as he reversed"
RUN_OVER = re.compile(
    # "a neighbour reversed his van over my two year old"
    r"\b(?:reversed|backed|drove|ran)\s+(?:his|her|their|a|the)\s+(?:\w+\s+)?(?:car|van|lorry|truck|bus"
    r"|tractor)\s+over\s+(?:my|our|his|her|a|the)\b"
    r"|\bfrom\s+under\s+(?:the|a|his|her|their|our)\s+(?:\w+\s+)?(?:car|van|lorry|truck|bus|tractor)\b"
    r"|\b(?:he|she|i|they|son|daughter|child|kid|toddler|boy|girl|baby|mum|dad|(?:my|our)\s+\w+)\s+"
    r"(?:just\s+)?(?:got|was|been|has\s+been)\s+run\s+over\b"
)
# an opioid patch chewed: "been chewing my nans morphine patches, three so far"
PATCH_CHEWED = re.compile(
    r"\b(?:chewing|chewed|chew|eating|ate|sucking|sucked|swallowed|swallowing)\s+(?:\w+\s+){0,3}?"
    r"(?:fentanyl|morphine|opioid|pain|buprenorphine|butrans)\s+patch(?:es)?\b"
)
# a throat closing after a sting or a food: "a wasp got me on the neck, feels like a fist wedged
# in my windpipe, swallowing is nearly impossible"
AIRWAY_CLOSING = re.compile(
    r"\b(?:windpipe|throat|airway|tongue)\b[^.?!]{0,30}\b(?:closing|closed|swelling|swollen|blocked"
    r"|wedged)\b"
    r"|\b(?:fist|golf\s+ball)\s+(?:\w+\s+){0,2}in\s+my\s+(?:windpipe|throat)\b"
    r"|\bswallowing\s+is\s+(?:nearly\s+|almost\s+)?impossible\b|\b(?:can'?t|cant|cannot|barely)\s+"
    r"swallow\b"
)
STUNG_OR_ATE = re.compile(
    r"\b(?:stung|sting|stings|wasp|bee|hornet|peanuts?|nuts|shellfish|prawns?|allerg\w*)\b"
)
# a low blood sugar in someone with diabetes: "type 1 daughter is clammy, shaky and babbling
# nonsense, her meter says 1.9"
DIABETIC = re.compile(r"\b(?:type\s*(?:1|one)|t1d?|diabetic|diabetes|insulin)\b")
HYPO_SIGNS = re.compile(
    r"\b(?:babbling|talking\s+(?:nonsense|gibberish|rubbish)|not\s+making\s+(?:any\s+)?sense"
    r"|won'?t\s+wake|wont\s+wake|unresponsive|fitting|confused|(?:can'?t|cant)\s+answer\s+(?:me\s+)?"
    r"properly|sweaty\s+and\s+(?:shaky|confused))\b"
    r"|\b(?:meter|reading|sugars?|bm|glucose)\s+(?:says|reads|is|of|at|showing|shows)\s+"
    r"(?:[0-2](?:\.\d)?|[2-5]\d)\b(?!\s*(?:years?|weeks?|days?|%|mmol/mol))"
)
# a neck that will not bend, with a rash or the light hurting: "cant bend his neck and theres
# tiny dark red pinpricks on his legs"
NECK_WONT_BEND = re.compile(
    r"\b(?:can'?t|cant|cannot|won'?t|wont)\s+(?:bend|move|turn|lower)\s+(?:his|her|my|their)\s+"
    r"(?:neck|head\s+down|chin)\b"
)
MENINGITIS_WITH = re.compile(
    r"\b(?:rash|pin\s*-?\s*pricks?|purple|dark\s+red\s+spots|blotch\w*|hates?\s+the\s+light"
    r"|light\s+hurts|(?:can'?t|cant)\s+(?:stand|bear|look\s+at)\s+(?:the\s+)?light|fever"
    r"|temperature|burning\s+up)\b"
)
# all of one's medicine taken, with drink or its effects: "swallowed all my lithium plus the
# paracetamol with vodka about an hour back, feel sick and dozy, dont ring anyone"
ALL_TAKEN = re.compile(
    r"\b(?:swallowed|took|taken|necked|downed)\s+(?:all\s+(?:of\s+)?|every\s+(?:one\s+of\s+|last\s+one\s+of\s+)?)"
    r"(?:my|the|his|her)\s+(?:\w+\s+){0,2}?"
    r"(?:lithium|pills|tablets|meds|medication|medicine|painkillers|paracetamol|antidepressants"
    r"|insulin|valium|xanax|codeine|tramadol|morphine|\w+(?:pam|pine|zine|line|done|ol))\b"
)
# every one of the pills someone has, being swallowed: "my boyfriend ... says hes swallowing
# every antidepressant he has" (not "every tablet she has been prescribed")
EVERY_ONE_THEY_HAVE = re.compile(
    r"\b(?:swallow(?:ed|ing)|neck(?:ed|ing)|down(?:ed|ing)|took|taking|taken)\s+(?:all|every)\s+"
    r"(?:single\s+)?(?:\w+\s+)?(?:pills?|tablets?|antidepressants?|painkillers?|capsules?|meds)\s+"
    r"(?:he|she|they|i)\s+(?:has|have|had|owns?|owned|could\s+find|can\s+find)\b"
    r"(?!\s+(?:been|to|for|prescribed|on\s+prescription))"
)
# a whole supply or a count of pills washed down with drink: "my whole months lithium and
# about sixteen paracetamol went down with neat vodka" (not "my tablets go down with water")
DOWN_WITH_DRINK = re.compile(
    r"\b(?:went|gone|going|go|goes|washed)\s+down\s+with\s+(?:\w+\s+){0,3}?(?:vodka|whisky|whiskey|wine|gin"
    r"|rum|booze|beer|cider|alcohol|brandy|tequila|spirits)\b"
)
A_SUPPLY = re.compile(
    r"\b(?:whole|all|every|entire|full)\b[^.?!]{0,30}\b(?:lithium|pills|tablets|meds|medication"
    r"|painkillers|paracetamol|antidepressants|supply|prescription)\b"
    r"|\b(?:\d{2,}|ten|twelve|fifteen|sixteen|twenty|thirty|forty|fifty|dozen)\s+(?:\w+\s+)?(?:pills"
    r"|tablets|paracetamol|painkillers|capsules)\b"
)
TAKEN_BADLY = re.compile(
    r"\b(?:vodka|whisky|whiskey|wine|booze|alcohol|gin|rum|(?:don'?t|dont)\s+(?:ring|call|tell)"
    r"|dozy|drowsy|(?:an?|one|\d+)\s+(?:hour|hr|min|mins|minutes)\s+(?:ago|back))\b"
)
# pulled out of water: "pulled my little boy out of the paddling pool, he was face down, hes
# spluttering and his lips have a blue tinge"
OUT_OF_WATER = re.compile(
    r"\b(?:pulled|dragged|fished|got)\s+(?:\w+\s+){0,3}?out\s+of\s+the\s+(?:\w+\s+)?(?:pool|water|bath"
    r"|pond|river|sea|lake|canal)\b|\bface\s+down\s+in\s+the\s+(?:\w+\s+)?(?:water|pool|bath|pond)\b"
)
NEARLY_DROWNED = re.compile(
    r"\b(?:face\s+down|blue|splutter\w*|limp|floppy|not\s+breathing|coughing\s+up\s+water"
    r"|unconscious|lifeless)\b"
)


def _sudden_illness(doc: Doc) -> list[tuple[str, int, int]]:
    """Signs told in words no phrase list holds: a baby's sunken soft spot, one eye blind all
    at once, a throat closing after a sting or a food, a low sugar in diabetes, a neck that
    will not bend with a rash or the light hurting, a breath too short for a sentence or a
    reliever that does nothing, a body cold to the touch with a muddled mind, a weight on the
    chest or an ache spreading along the left arm or the jaw."""
    return [
        *_matched(doc, SUNKEN_SOFT_SPOT, "general"),
        *_matched(doc, BLIND_ALL_AT_ONCE, "stroke"),
        *_matched(doc, AIRWAY_CLOSING, "allergy", when=STUNG_OR_ATE),
        *_matched(doc, HYPO_SIGNS, "general", when=DIABETIC),
        *_matched(doc, NECK_WONT_BEND, "meningitis", when=MENINGITIS_WITH),
        *_matched(doc, SHORT_OF_BREATH, "breathing"),
        *_matched(doc, CHEST_WEIGHT, "chest_pain"),
        *_matched(doc, ACHE_SPREADING, "chest_pain"),
        *_matched(doc, COLD_TO_TOUCH, "general", when=MUDDLED),
    ]


# "got a shock rewiring the kitchen socket, my hands burnt black"
SHOCKED = re.compile(
    r"\b(?:got|had|took)\s+(?:a\s+)?(?:bad\s+|big\s+|massive\s+)?shock\s+(?:off|from|rewiring|wiring"
    r"|fixing|while|when)\b|\b(?:burnt|burned|scorched)\s+black\b"
)
# "got his hand trapped in the printing press and its mangled"
LIMBS = r"(?:hand|hands|arm|arms|leg|legs|foot|feet|fingers?|thumb)"
MANGLED = re.compile(
    rf"\b{LIMBS}\b[^.?!]{{0,50}}\b(?:mangled|degloved|hanging\s+off(?!\s+(?:the|a|his|her|my)\b))"
    rf"|\b(?:mangled|degloved)\s+(?:his|her|my|their)\s+{LIMBS}\b"
)
# a fall, then legs gone dead or numb: "came off the scaffold, landed on his back, says his legs
# feel dead"
FELL = re.compile(r"\b(?:fell|fallen|falls|fall|came\s+off|come\s+off|slid\s+off|landed)\b")
LEGS_GONE = re.compile(
    r"\b(?:legs?|feet)\s+(?:feel|feels|felt|are|is|have\s+gone|has\s+gone|gone|went)\s+"
    r"(?:\w+\s+)?(?:dead|numb)\b|\b(?:can'?t|cannot|cant)\s+(?:feel|move)\s+(?:his|her|my|their)"
    r"\s+(?:legs|feet)\b|\bparalys\w*"
)


# putting one's affairs in order: "ive given my dog to my sister and written my will"
AFFAIRS = re.compile(
    r"\b(?:written|wrote|made|done|sorted)\s+(?:out\s+)?my\s+will\b"
    r"|\bgiven\s+(?:away\s+)?my\s+(?:dog|cat|pets?|things|stuff|belongings)\b"
    r"|\bsaid\s+(?:all\s+)?my\s+goodbyes\b|\bsorted\s+(?:out\s+)?my\s+affairs\b"
    r"|\btonight\s+is\s+the\s+night\b|\bsorted\s+(?:out\s+)?who\s+gets\s+my\b"
    r"|\bleft\s+(?:letters|notes)\s+for\b"
    # "wrote letters for mum and my sister", "made my peace", "paid my brother every penny i
    # owed", "driving to beachy head and not coming back"
    r"|\b(?:wrote|written|writing)\s+(?:\w+\s+)?(?:letters|notes)\s+(?:for|to)\b|\bmade\s+my\s+peace\b"
    r"|\bpaid\s+(?:\w+\s+){0,3}?(?:every\s+penny|everything|all)\s+(?:that\s+)?i\s+owed?\b"
    r"|\band\s+(?:i'?m\s+|im\s+|i\s+am\s+)?(?:not|never)\s+coming\s+back\b"
    # "ended my mobile plan, settled every debt with my bro, will's all done ... i wont be
    # returning", "note is already written"
    r"|\bwill(?:'s|\s+is)\s+(?:all\s+)?(?:done|sorted|signed|witnessed)\b"
    r"|\bsettled\s+(?:every|all)\s+(?:\w+\s+)?debts?\b"
    r"|\b(?:won'?t|wont|will\s+not)\s+be\s+(?:returning|coming\s+back)\b"
    r"|\bnote\s+(?:is\s+)?(?:already\s+)?(?:written|done)\b"
    # "gave my guitar to my nephew", "emailed my boss all my passwords", "put my cat in the
    # cattery for good", "wont be needing them after tonight", "deleted everything"
    r"|\b(?:gave|given)\s+(?:away\s+)?my\s+(?:\w+\s+){1,2}to\s+(?:my|the|a)\b"
    r"|\b(?:gave|given|sent|emailed|texted)\s+(?:\w+\s+){0,3}(?:all\s+)?my\s+passwords\b"
    r"|\b(?:cattery|kennels?|rehomed|rehoming|off\s+at)\b[^.?!]{0,30}\bfor\s+(?:good|keeps)\b"
    # "sorted my will, rehomed the cat"
    r"|\brehomed\s+(?:the|my|our)\s+(?:dog|cat|pets?|rabbit|bunny|budgie|hamster|horse)\b"
    # "left the keys and a note for my sister", "sold my car for next to nothing", "paid off
    # all my debts", "walking up to the bridge now"
    r"|\bleft\s+(?:\w+\s+){0,5}?a\s+note\s+for\b|\bsold\s+(?:my\s+\w+|everything)\s+for\s+next\s+to"
    r"\s+nothing\b|\bpaid\s+off\s+(?:all\s+)?my\s+debts?\b"
    r"|\b(?:walking|heading|going|driving)\s+(?:up\s+)?to\s+the\s+(?:bridge|cliffs?|tracks|railway"
    r"|roof)\b"
    r"|\b(?:won'?t|wont|will\s+not)\s+be\s+needing\s+(?:them|it|those|these|any\s+of\s+it)\b"
    r"|\b(?:my\s+)?(?:last|final)\s+(?:post|message|tweet|video)\b|\bdeleted\s+everything\b"
    r"|\bafter\s+tonight\b|\b(?:nobody|no\s+one|noone)\s+(?:has|will\s+have|needs?)\s+to\s+worry"
    r"\s+about\s+me\b"
    # "theres a rope in the garage and ive made up my mind", "the rope is already hanging"
    r"|\brope\b(?!\s+swing)[^.?!]{0,40}\b(?:made\s+up\s+my\s+mind|tonight|ready|sorted|going\s+to|gonna"
    r"|already\s+(?:hanging|hung|tied|up)|(?:is|was)\s+(?:hanging|tied|set\s+up)\s+(?:up\s+)?(?:in|from)"
    r"\s+the\s+(?:loft|attic|garage|shed|barn|stairs|beam|tree))\b"
    # "pills are all lined up on the bed", "just finishing this last beer first", "wont need to
    # worry about it much longer"
    r"|\b(?:pills|tablets|meds)\s+(?:are\s+)?(?:all\s+)?(?:lined\s+up|laid\s+out|counted\s+out|ready)\b"
    # "paid back what i owed my mates, wiped my laptop ... doing it after midnight"
    r"|\bpaid\s+back\s+(?:what|everything|everyone|all)\b|\bwiped\s+my\s+(?:laptop|phone|computer|pc)\b"
    r"|\bdoing\s+it\s+(?:tonight|after\s+midnight|at\s+midnight)\b"
    r"|\blast\s+(?:beer|drink|cigarette|smoke|meal)\b"
    r"|\b(?:won'?t|wont)\s+(?:need\s+to\s+|have\s+to\s+)?worry\s+about\s+(?:it|anything)\s+(?:much\s+)?longer\b"
    r"|\bstockpil\w*|\bhoard(?:ing|ed)\s+(?:my|his|her)\b"
    # "a card for each of my kids to open tomorrow", "the bathroom cabinet has what i need",
    # "the last envelope for my husband explaining why i wont be here after this weekend", "60
    # of mums tramadol put by", "an essay that reads like a farewell", "no more anything"
    r"|\b(?:cards?|letters?|notes?|envelopes?)\s+(?:\w+\s+){0,3}?to\s+(?:open|read)\s+(?:tomorrow"
    r"|after|when\s+i'?m\s+gone|once\s+i'?m\s+gone)\b"
    r"|\b(?:cabinet|drawer|cupboard|shed|garage|bag)\s+(?:has|holds|got)\s+(?:everything|what|all)"
    r"\s+i\s+need\b"
    r"|\b(?:last|final)\s+(?:envelope|letter|card)\s+for\b|\bexplaining\s+why\s+i\b"
    r"|\b(?:won'?t|wont|will\s+not)\s+be\s+(?:here|around)\s+(?:after|anymore|any\s+more"
    r"|much\s+longer)\b"
    r"|\b(?:\d+|loads|lots|dozens)\s+(?:of\s+)?(?:\w+\s+){0,3}?(?:put\s+by|put\s+aside"
    r"|stashed\s+away|squirrell?ed\s+away|saved\s+up)\b"
    r"|\b(?:reads?|sounds?)\s+like\s+a\s+(?:farewell|goodbye|suicide\s+note)\b"
    r"|\bno\s+more\s+anything\b|\bso\s+it'?s\s+happening\b"
    # "signed my will at the solicitors today and asked next door to keep the cat. pills are
    # sitting in little piles by my bed for when its dark"
    r"|\bsigned\s+my\s+will\b|\b(?:asked|told)\s+(?:\w+\s+){1,3}to\s+(?:keep|have|take)\s+(?:the|my)\s+"
    r"(?:cat|dog|pets?|rabbit|budgie)\b|\b(?:pills|tablets|meds)\s+(?:are\s+)?(?:sitting\s+)?in\s+"
    r"(?:little\s+|neat\s+)?(?:piles|rows|heaps)\b|\bfor\s+when\s+it'?s\s+dark\b"
    # "the lady upstairs has agreed to take my tabby. counted every tablet i own into heaps for
    # later once it goes dark", "left a note for each of the children", "the prescription stuff
    # ive been squirrelling away", "wrote down who gets his tools, said the insurance will clear
    # the mortgage after tonight"
    r"|\b(?:agreed|going)\s+to\s+(?:take|have|keep)\s+my\s+(?:\w+\s+)?(?:cat|dog|pets?|tabby|rabbit|budgie"
    r"|kitten|puppy)\b|\bcounted\s+(?:out\s+)?(?:every|all|each)\s+(?:\w+\s+){0,3}?(?:tablets?|pills?)\b"
    r"|\bonce\s+it\s+goes\s+dark\b|\bleft\s+(?:a\s+)?(?:notes?|letters?|cards?)\s+for\s+each\s+of\b"
    r"|\bsquirrell?ing\s+(?:\w+\s+)?away\b"
    r"|\b(?:wrote|written|writing)\s+down\s+who\s+gets\s+(?:his|her|my|their)\b"
    r"|\binsurance\s+will\s+(?:clear|pay\s+off|cover)\b"
    # "the will is witnessed and the woman across the landing is adopting my moggy. emptied the
    # medicine cabinet into rows beside my pillow, waiting on nightfall"; "posted letters to my
    # sisters so they arrive after"; "given my guitar and records away"
    r"|\bwill\s+is\s+(?:witnessed|signed|done|sorted)\b"
    r"|\b(?:adopting|adopt|rehoming|taking)\s+my\s+(?:\w+\s+)?(?:cat|dog|moggy|pets?|tabby|kitten|puppy)\b"
    r"|\bemptied\s+(?:the|my)\s+(?:medicine\s+)?(?:cabinet|cupboard|drawer)\b"
    r"|\bwaiting\s+(?:on|for)\s+(?:nightfall|it\s+to\s+get\s+dark)\b|\bso\s+they\s+arrive\s+after\b"
    r"|\bgiven\s+my\s+(?:\w+\s+){1,3}away\b"
)
# a strip, packet or bottle of pills taken: "swallowed a strip of co-codamol"
PILL_NAMES = (
    r"(?:pills?|tablets?|capsules?|paracetamol|ibuprofen|aspirin|painkillers?|co-?codamol|codeine"
    r"|tramadol|sleeping\s+(?:pills|tablets)|antidepressants?|meds|medicine|diazepam|valium|lorazepam"
    r"|zopiclone|sertraline|citalopram|fluoxetine|amitriptyline|propranolol|morphine|lithium)"
)
A_STRIP_OF = re.compile(
    r"\b(?:swallowed|took|taken|necked|downed|ate|had|popped)\s+(?:a|an|one|two|three|\d+|a\s+whole"
    # "my mums whole tray of diazepam" (not "my box of tablets", taken to work)
    r"|(?:the|my|his|her|their)(?:\s+\w+'?s)?\s+(?:whole|entire|full)|half\s+a|all)\s+(?:strips?"
    r"|packets?|packs?|box(?:es)?|bottles?|blisters?|tubs?|trays?)\s+of\s+(?:my\s+|his\s+|her\s+"
    rf"|their\s+|the\s+)?(?:\w+\s+)?{PILL_NAMES}"
)

# someone taking all of theirs now, shut in or shouting it: "he's shouting that hes taking all
# his sertraline and wont let me in"
TAKING_ALL_NOW = re.compile(
    r"\b(?:is|'s|s|are|hes|shes|he\s+is|she\s+is|they\s+are|theyre)\s+(?:\w+\s+)?(?:taking|swallowing"
    r"|necking|downing|eating)\s+(?:all|every)\s+(?:of\s+)?(?:his|her|their|the)\s+(?:\w+\s+){0,2}?"
    rf"{PILL_NAMES}"
)
SHUT_IN_OR_SHOUTING = re.compile(
    r"\b(?:locked|barricaded|shut\s+(?:himself|herself|themselves)|(?:won'?t|wont)\s+let\s+(?:me|us)"
    r"|shouting|screaming|yelling|threatening|goodbye)\b"
)

# a farewell, then no answer: "my mum texted me im sorry, look after your brother and shes not
# picking up", "he said see you on the other side. hes not answering his phone"
FAREWELL = re.compile(
    r"\blook\s+after\s+(?:(?:your|my|the|our|his|her)\s+)?\w+|\bsee\s+you\s+on\s+the\s+other\s+side"
    r"|\bkeep\s+an\s+eye\s+on\s+(?:\w+\s+){1,2}for\s+me\b|\bfeed\s+\w+\s+for\s+me\b"
    r"|\byou\s+(?:were|are)\s+the\s+best\s+thing\b|\bthis\s+is\s+the\s+end\b"
    r"|\bthanks?\s+for\s+everything\b"
    r"|\btell\s+(?:\w+\s+){1,2}i\s+love\s+(?:her|him|them|you)\b"
    r"|\blove\s+you\s+(?:all|bro|guys|mum|mom|dad|sis)\b|\bthis\s+is\s+it\b|\b(?:giving|given|gave)\s+(?:away\s+)?(?:all\s+)?(?:his|her|their|my)"
    r"\s+(?:\w+\s+)?(?:stuff|things|belongings)\b|\b(?:saying|said)\s+goodbye"
    r"|\b(?:texted|messaged|text|message|note|letter|said|posted|scribbled)\b[^.?!]{0,15}\bsorry\b"
    r"|\bsorry\s+for\s+everything\b|\bsorry\s+and\s+goodbye\b|\bsent\s+my\s+sorr(?:y|ys|ies)\b"
    # "saying the kids will be fine without their dad"
    r"|\b(?:be\s+)?(?:fine|better\s+off)\s+without\s+(?:their|his|her|your)\s+(?:dad|mum|mom|father"
    r"|mother)\b"
    # "a text from my daughter saying she loves me and is sorry"
    r"|\bsaying\s+(?:she|he|they)\s+loves?\s+(?:me|us|you)\s+and\s+(?:is|are|was)\s+sorry\b"
    # "posted a goodbye video on tiktok", "saying goodbye to everyone in the corridor"
    r"|\b(?:goodbye|farewell)\s+(?:video|post|message|note|letter|text|to\s+everyone)"
    # "my mother just sent me a text saying bye, love you forever"
    r"|\b(?:text|message)\s+saying\s+(?:bye|goodbye)\b|\blove\s+you\s+(?:forever|always)\b"
)
UNREACHABLE = re.compile(
    r"\b(?:not|isn'?t|isnt|won'?t|wont|stopped|doesn'?t|doesnt)\s+(?:picking\s+up|pick\s+up|answering"
    r"|answer|replying|reply|responding)"
    r"|\bphone\s+(?:is\s+)?(?:off|dead|switched\s+off)|\b(?:can'?t|cannot)\s+(?:reach|get\s+hold\s+of)"
    r"|\bno\s+(?:answer|reply)\b|\b(?:straight|right)\s+to\s+voicemail\b"
    r"|\b(?:phone|mobile|number|it)\s+(?:just\s+)?(?:rings\s+out|rang\s+out|keeps\s+ringing\s+out)\b"
    # "shes not in her bedroom, the window is wide open", "smell gas from under his door"
    r"|\bnot\s+in\s+(?:her|his|their)\s+(?:bed)?room\b|\bwindow\s+is\s+(?:wide\s+)?open\b"
    r"|\b(?:bed|room)\s+is\s+empty\b"
    r"|\bsmell\s+gas\b|\b(?:gone|went)\s+(?:totally\s+|completely\s+|really\s+)?quiet\b"
    r"|\b(?:won'?t|wont)\s+say\s+where\s+(?:he|she|they)"
    r"|\bcalls?\s+(?:aren'?t|arent|isn'?t|isnt|won'?t|wont)\s+(?:connecting|going\s+through)\b"
)
# the gas of an exit bag: "scheduled goodbye posts ... and the helium canister i ordered came
# today" (not a helium tank for a party's balloons, with no farewell)
HELIUM = re.compile(
    r"\b(?:helium|nitrogen|gas)\b[^.?!]{0,15}\b(?:canisters?|tanks?|cylinders?|bottles?|kits?)\b"
    r"|\bexit\s+bag\b"
)
# the lot of a stash to be taken: "nicked my nans tramadol stash ..., gonna neck the lot
# tonight"
THE_LOT_TONIGHT = re.compile(
    r"\b(?:gonna|going\s+to|about\s+to|will|i'?ll|ill)\s+(?:neck|take|swallow|down|have|scoff)\s+"
    r"(?:the\s+lot|all\s+of\s+(?:it|them)|the\s+whole\s+(?:lot|stash|thing))\b"
)
A_STASH = re.compile(rf"\bstash\b|\b{PILL_NAMES}\b")
# a garage shut: "garage door is down", "the garage shutter's down"
GARAGE_SHUT = r"\bgarage\s+(?:door|shutter)(?:'s|\s+is|\s+s)?\s+(?:shut|closed|down)\b"
# in the car with the engine running in a shut garage; "how many tylenol to die"
FUMES = re.compile(
    r"\b(?:in|inside)\s+(?:the|his|her|my|their)\s+car\b[^.?!]{0,50}\b(?:engine\s+running|exhaust"
    r"|tailpipe|hose(?:pipe)?)\b"
    # "garage door shut, motor idling for ages"
    rf"|{GARAGE_SHUT}"
    r"[^.?!]{0,40}\b(?:motor|engine)\s+(?:is\s+)?"
    r"(?:idling|running|on)\b"
    r"|\bgarage\b[^.?!]{0,50}\bengine\s+(?:is\s+)?running\b"
    # "the car is in the lockup with the motor on and ive pulled the door down behind me"
    r"|\b(?:garage|lock-?up)\b[^.?!]{0,50}\b(?:motor|engine)\s+(?:is\s+|left\s+)?(?:on|running)\b"
    r"(?!\s+(?:a|an|the|my|his|her|its)\b)"
    r"[^.?!]{0,60}\b(?:door|shutter)\s+(?:\w+\s+){0,2}?(?:down|shut|closed)\b"
    r"|\bengine\s+(?:is\s+)?running\b[^.?!]{0,50}\bgarage\b"
    # "locked herself in the car in the garage with the engine on"
    r"|\b(?:locked|shut|sealed|sat|sitting)\s+(?:\w+\s+){0,2}?in\s+(?:the|his|her|my|their|our)\s+car\s+"
    r"in\s+the\s+(?:garage|lock-?up)\b[^.?!]{0,30}\b(?:engine|motor)\s+(?:is\s+|left\s+)?(?:on|running"
    r"|idling)\b"
    # "car engines on, garage door shut, im sat in the drivers seat"
    r"|\b(?:engine|motor)s?\s+(?:is\s+|'s\s+|s\s+)?(?:on|running|idling|ticking\s+over)\b"
    r"(?!\s+(?:a|an|the|my|his|her|its)\b)[^.?!]{0,40}"
    rf"{GARAGE_SHUT}"
    # "locked in his room with a charcoal bbq lit": carbon monoxide in a shut room
    r"|\b(?:locked|shut|sealed)\s+(?:\w+\s+){0,4}in\b[^.?!]{0,40}\b(?:charcoal|bbq|barbecue|barbeque)"
    # "taped a hoover pipe from the exhaust into the car window"
    r"|\b(?:taped|attached|ran|running|fed|connected|stuck)\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:pipe|hose"
    r"|tube)\b[^.?!]{0,40}\bexhaust\b|\bexhaust\b[^.?!]{0,30}\binto\s+the\s+(?:car|window)\b"
    r"|\bcharcoal\b[^.?!]{0,20}\b(?:lit|burning)\b[^.?!]{0,30}\b(?:room|bedroom|tent|car|bathroom)\b"
    # "lit a disposable barbecue in my bedroom and stuffed towels along the bottom of the door"
    r"|\b(?:lit|lighting|burning)\s+(?:a|the)\s+(?:disposable\s+)?(?:barbecue|bbq|barbeque|charcoal)\b"
    r"[^.?!]{0,30}\b(?:in|inside)\s+(?:my|the|his|her)\s+(?:bedroom|room|bathroom|car|tent|flat)\b"
    # "garage door is down, the car is ticking over in there and a pipe goes from the back of it"
    rf"|{GARAGE_SHUT}"
    r"[^.?!]{0,40}\b(?:car|motor|engine)\s+(?:is\s+)?"
    r"(?:idling|running|ticking\s+over)\b"
    r"|\b(?:pipe|hose|tube)\s+(?:goes|going|runs|running)\s+from\s+the\s+(?:back|exhaust|tailpipe)\b"
    # "gas fire is turned on but i blew the flame out and taped up the windows"
    r"|\bgas\b[^.?!]{0,40}\b(?:blew|blown|put|turned)\s+(?:the\s+)?(?:flame|pilot\s+light|pilot)\s+out\b"
    r"|\b(?:blew|blown)\s+(?:the\s+)?(?:flame|pilot\s+light)\s+out\b[^.?!]{0,40}\btaped\b"
    # "a tube running from the tailpipe in through the window"
    r"|\b(?:tube|pipe|hose(?:pipe)?)\b[^.?!]{0,30}\b(?:tailpipe|exhaust)\b[^.?!]{0,30}\bwindow\b"
)
TO_DIE = re.compile(
    r"\bhow\s+many\s+(?:\w+\s+){0,2}(?:to|would)\s+(?:die|kill\s+(?:me|you|someone)|end\s+it)\b"
    r"|\benough\s+(?:of\s+)?(?:\w+\s+){0,3}to\s+(?:die|not\s+wake\s+up|never\s+wake\s+up)\b"
)
# a mains appliance that may be taken into a bath
APPLIANCE = (
    r"(?:hair\s*dryer|hairdryer|blow\s*dryer|toaster|heater|radio|straighteners|curling\s+tongs)"
)
# a high place one may be at the edge of: "the top deck of the car park", "the roof"
HIGH_PLACE = (
    r"(?:(?:top|highest|upper)\s+(?:deck|floor|level|storey)|level\s+\d+\s+of\s+the\s+(?:multi-?storey"
    r"|car\s+park)|roof|bridge|balcony|cliff|ledge|viaduct"
    r"|overpass|flyover"
    r"|(?:river|rail|railway)\s+crossing)"
)
# "jumping at midnight", "the belt looped round the door handle", "pockets full of stones",
# "locked herself in the bathroom with her dads razor"
ENDS_IT = re.compile(
    r"\bjump(?:ing)?\s+(?:off\s+\w+\s+)?(?:at\s+midnight|tonight|at\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?\b)"
    # "going off the top of the multistorey at 12"
    r"|\b(?:going|jumping|jump|throwing\s+myself)\s+off\s+the\s+top\s+of\s+(?:the\s+|a\s+)?\w+"
    r"|\b(?:going|jumping|jump|throwing\s+myself)\s+off\s+(?:the\s+|a\s+)?(?:multi-?storey|car\s+park"
    r"|bridge|roof|building|cliff|balcony|tower\s+block)\b[^.?!]{0,20}\b(?:at\s+\d|at\s+midnight"
    r"|tonight|today|now)"
    r"|\b(?:belt|rope|cord|scarf|cable|dressing\s+gown\s+cord|noose|lead|leash|strap|sheet|flex"
    r"|wire)\b[^.?!]{0,30}\b(?:looped|tied|knotted|fastened|attached|secured)\b[^.?!]{0,30}\b"
    r"(?:door\s*handle|neck|beam|banister|bannister|hook|rail|joist|rafter|loft\s+hatch)"
    r"|\bpockets\s+(?:full\s+of|filled\s+with)\s+(?:stones|rocks)\b"
    # "tied the washing line to the banister and im stood on a chair"
    r"|\b(?:tied|looped|knotted|hung|fastened|attached|secured)\s+(?:a|the|my|his|her)\s+(?:\w+\s+){0,2}?"
    r"(?:line|rope|cord|belt|scarf|cable|flex|sheet|lead|leash|tie|strap)\s+(?:to|round|around|over"
    r"|from|on)\s+(?:the|a|my)\s+(?:(?:top|back|inside)\s+of\s+(?:the|my|a)\s+)?(?:\w+\s+)?"
    r"(?:banister|bannister|beam|hook|rail|railing|door|hinge|lof+t\s+hatch|stairs|tree|wardrobe"
    r"|closet)\b"
    # "my cousin is sat on the edge of the railway bridge"
    r"|\b(?:sat|sitting|standing|stood|perched)\s+on\s+(?:the\s+)?(?:edge|ledge|rail|railings?"
    r"|parapet)\s+of\s+(?:the|a)\s+"
    r"(?:\w+\s+)?(?:bridge|roof|cliff|building|car\s+park|multi-?storey|balcony|flyover)\b"
    # "going to use his hunting rifle on himself", "turn it on herself"
    r"|\b(?:gun|rifle|shotgun|pistol|firearm|revolver)\b[^.?!]{0,40}\bon\s+(?:himself|herself|myself"
    r"|themselves)\b|\b(?:use|turn|point)\w*\s+(?:it|them)\s+on\s+(?:himself|herself|myself"
    r"|themselves)\b"
    r"|\b(?:ocean|sea|river|water)\s+is\s+calling\b"
    # "hes broken into the gun cabinet" (not "keeps his rifle in the gun cabinet")
    r"|\b(?:opened|opening|broke\s+into|broken\s+into|breaking\s+into|unlocked|unlocking|got\s+into"
    r"|forced|prised)\s+(?:open\s+)?(?:the|his|her|my|our|dads?)\s+gun\s+(?:cabinet|safe|cupboard)\b"
    # "a plastic bag and some parcel tape ready for when i go to bed"
    r"|\b(?:(?:plastic|freezer|bin|carrier|sandwich)\s+bag|ziplock|zip-?lock|ziploc)\b[^.?!]{0,30}"
    r"\b(?:parcel\s+|duct\s+|gaffer\s+)?"
    r"tape\b[^.?!]{0,40}\b(?:ready|tonight|for\s+when\s+i|for\s+later|on\s+my\s+(?:pillow|bed)"
    r"|on\s+the\s+bed)\b"
    r"|\b(?:bag\s+over\s+my\s+head|(?:pull|put|tie|tape)\w*\s+it\s+over\s+my\s+head)\b"
    # "found the bullets in his desk and loaded one. no reason to wait really"
    r"|\b(?:gun|revolver|pistol|rifle|shotgun)\b[^.?!]{0,60}\b(?:loaded\s+(?:one|it|a\s+(?:round|bullet))"
    r"|bullets?)\b[^.?!]{0,40}\bloaded\b"
    r"|\bloaded\s+(?:one|it|a\s+(?:round|bullet))\b[^.?!]{0,40}\bno\s+reason\s+to\s+wait\b"
    # "dads old climbing rope is in my rucksack. already picked the tree" is read with its rope
    # "perched on the windowsill of my 11th floor flat with my feet dangling outside"
    r"|\b(?:sat|sitting|perched|standing|stood)\s+on\s+(?:the|my|our|his|her)\s+window\s*-?\s*"
    r"(?:sill|ledge)\b[^.?!]{0,60}"
    r"\b(?:\d+(?:st|nd|rd|th)\s+floor|top\s+floor|(?:feet|legs)\s+(?:dangling|hanging))\b"
    # "i dont plan on being found", "dont try talking me out of it"
    r"|\b(?:don'?t|dont|do\s+not)\s+(?:plan|want|intend)\s+(?:on|to)\s+(?:be|being)\s+found\b"
    r"|\b(?:don'?t|dont|do\s+not)\s+(?:try\s+(?:and\s+|to\s+)?)?talk(?:ing)?\s+me\s+out\s+of\s+it\b"
    # "a knotted tow strap hanging off it"
    r"|\b(?:knotted|tied|looped)\s+(?:tow\s+)?(?:strap|rope|cord|belt|cable|flex|sheet)\s+hanging\s+"
    r"(?:off|from|down\s+from)\b"
    # "doused himself in petrol ... hell strike a match"
    r"|\b(?:doused|soaked|drenched|covered)\s+(?:himself|herself|myself|themselves)\s+(?:in|with)\s+"
    r"(?:petrol|gasoline|lighter\s+fluid|paraffin|fuel|diesel)\b"
    # "the fast one is due in four minutes and im walking out to meet it"
    r"|\b(?:walking|walk|stepping|step)\s+out\s+to\s+meet\s+it\b"
    # "he wants one of them to hit him" (on a bypass)
    r"|\bwants?\s+(?:one\s+of\s+them|a\s+car|a\s+lorry|a\s+truck|a\s+train|a\s+bus)\s+to\s+hit\s+"
    r"(?:him|her|me|them)\b"
    r"|\b(?:would|'d|d)\s+be\s+better\s+off\s+gone\b"
    # "theyll all be happier once im gone" (not "... once im gone on holiday")
    r"|\b(?:happier|better\s+off|better|easier|fine)\s+(?:once|when|after)\s+(?:i'?m|im|i\s+am)\s+"
    r"gone\b(?!\s+(?:on|for|to|away|abroad|back))"
    # "a pill bottle next to a bottle of gin captioned 'last night on earth'"
    r"|\blast\s+(?:night|day)\s+on\s+earth\b"
    # "stood right at the platform edge, the express doesnt stop here and i'll step off"
    r"|\b(?:step|jump|walk)\s+(?:off|out)\s+when\s+(?:it|the\s+(?:train|express|freight))\s+"
    r"(?:comes|passes|goes)\b"
    # "a lady standing outside the mesh on the footbridge"
    r"|\b(?:standing|stood|sitting|sat|perched|climbed|clambered|leaning)\s+(?:on\s+the\s+)?outside\s+"
    r"(?:of\s+)?the\s+(?:mesh|railings?|barrier|fence|rail|parapet)\b[^.?!]{0,40}\b(?:foot)?(?:bridge"
    r"|flyover|overpass|viaduct|roof|cliff)"
    # "the shotgun cabinet is open and empty"
    r"|\b(?:gun|shotgun|rifle)\s+(?:cabinet|safe|cupboard)\s+(?:is\s+)?(?:open\s+and\s+)?empty\b"
    # "tested the knot on the garage beam and it holds my weight"
    r"|\b(?:knot|noose|rope|belt|cord|cable|flex)\b(?!\s+swing)[^.?!]{0,50}\b(?:beam|banister|bannister"
    r"|hook|rafters?|loft|bunk|door\s*frame)\b[^.?!]{0,40}\b(?:holds?|held|takes?|took)\s+my"
    r"\s+weight\b"
    # "an extension lead knotted to his bunk"
    r"|\b(?:extension\s+lead|flex|cable|cord|belt|rope)\s+(?:\w+\s+)?(?:knotted|tied|looped)\s+"
    r"(?:to|round|around|over)\s+(?:his|her|my|their|the)\s+(?:bunk|bed\s*frame|wardrobe|rafters?"
    r"|door\s*frame|curtain\s+rail|loft\s+hatch)\b"
    # "reading up on ways to hang"
    r"|\b(?:reading|read|looking|looked|searching|searched|googling|googled|researching"
    r"|researched)\s+(?:up\s+)?(?:on\s+|about\s+|into\s+|for\s+)?(?:ways|how|methods)\s+to\s+"
    r"(?:hang|kill\s+(?:himself|herself|myself|themselves)|end\s+(?:it|(?:his|her|my|their)\s+life)"
    r"|overdose|die)\b"
    # "the kitchen knife has been resting on my wrist ... tonight i press all the way in"
    r"|\b(?:knife|blade|razor)\b[^.?!]{0,30}\b(?:resting|rested|rests|held|holding|pressed"
    r"|pressing|sat|sitting|lying|lies)\s+(?:on|against|to|across)\s+my\s+(?:wrists?|throat|neck)\b"
    r"|\bpress\s+(?:it\s+)?all\s+the\s+way\s+in\b"
    # "wanted one last chat with anyone before i go over"
    r"|\b(?:one\s+)?last\s+(?:chat|talk|conversation|call|words?)\b[^.?!]{0,40}\bbefore\s+i\s+"
    r"(?:go\s+(?:over|off|under)|jump|do\s+it|end\s+it)\b"
    # "emptied the blister packs into a mug"
    r"|\b(?:emptied|tipped|popped\s+out|pushed\s+out)\s+(?:all\s+)?(?:the|my|his|her|every)\s+"
    r"(?:\w+\s+)?(?:blister\s+packs?|packets|packs|boxes|strips)\b[^.?!]{0,20}?\binto\s+(?:a|the|my)\s+"
    r"(?:\w+\s+)?(?:mug|glass|cup|bowl|pile|heap|jar|hand|palm)\b"
    # "the tub is full and the hair dryer is plugged in right beside it ... pulling it in with me"
    rf"|\b{APPLIANCE}\b[^.?!]{{0,80}}\b(?:in\s+with\s+me|into\s+the\s+(?:bath|tub|water))\b"
    rf"|\b(?:bath|tub)\b[^.?!]{{0,60}}\b{APPLIANCE}\b[^.?!]{{0,40}}\bplugged\s+in\b"
    # "sitting outside his 8th floor window"
    r"|\b(?:sitting|sat|standing|stood|perched|climbed|climbing|hanging)\s+(?:\w+\s+){0,2}?outside"
    r"\s+(?:his|her|my|their)\s+\d+(?:st|nd|rd|th)\s+(?:floor|storey)\s+(?:\w+\s+)?window\b"
    # "grabbed his hunting rifle and drove off after telling me the kids deserve a better dad"
    r"|\b(?:gun|rifle|shotgun|pistol|revolver|firearm)\b[^.?!]{0,80}\b(?:deserve\w*\s+(?:a\s+)?"
    r"better\s+(?:dad|mum|mom|father|mother|husband|wife|partner|son|daughter|brother|sister|friend"
    r"|person|man|woman|than\s+(?:me|him|her))|better\s+off\s+without\s+(?:me|him|her|them)"
    r"|(?:can'?t|cant)\s+go\s+on|had\s+enough|goodbye)\b"
    # "my son is on the balcony rail 12 floors up screaming that hell jump", "the wrong side of
    # the railing on the overpass"
    r"|\b(?:is|sat|sitting|standing|stood|perched|climbed|climbing|up)\s+on\s+(?:the|a)\s+(?:balcony"
    r"|bridge|roof)\s+(?:rail|railing|ledge|edge|parapet)\b"
    r"|\b(?:screaming|screamed|shouting|shouted|yelling|yelled|threatening|threatened|saying|says"
    r"|said|texted)\s+(?:that\s+)?(?:he'?ll|hell|she'?ll|shell|they'?ll|he\s+will|she\s+will"
    r"|he'?s\s+going\s+to|she'?s\s+going\s+to)\s+(?:jump|leap)\b"
    # not off the sofa at a film
    r"(?!\s+(?:off|out\s+of|on|onto)\s+(?:the\s+|a\s+|my\s+)?(?:sofa|couch|bed|chair|seat|bandwagon))"
    r"|\bwrong\s+side\s+of\s+the\s+(?:\w+\s+)?(?:railings?|barrier|fence|rail|parapet)\b"
    # "ive got the gun out of the safe and its loaded on my lap"
    r"|\b(?:gun|rifle|shotgun|pistol|revolver)\b[^.?!]{0,60}\b(?:on\s+my\s+(?:lap|knees?)"
    r"|resting\s+on\s+my|in\s+my\s+mouth|to\s+my\s+(?:head|temple)|against\s+my\s+(?:head|temple|chest)"
    r"|under\s+my\s+chin|(?:one|a)\s+round\s+in|a\s+bullet\s+in)\b"
    # "gonna yeet myself off the quarry edge", "tablets ... doing it after midnight"
    r"|\b(?:yeet|throw|chuck|fling|launch)\w*\s+myself\s+off\b"
    # "brought every sleeping tablet i own, nobody will find me till checkout", "working up the
    # nerve", "nobody would notice i was gone", "sitting on the lip"
    r"|\b(?:nobody|no\s*one)\s+will\s+find\s+me\b|\bwork(?:ing)?\s+up\s+the\s+(?:nerve|courage)\b"
    r"|\b(?:nobody|no\s*one)\s+would\s+(?:notice|miss\s+me|care)\b"
    # "nobody is going to miss me anyway" (not "... at the meeting")
    r"|\b(?:nobody|no\s*one)\s+(?:will|is\s+going\s+to|gonna)\s+(?:even\s+)?(?:notice|miss\s+me|care)"
    r"\s*(?:anyway|at\s+all|when\s+i'?m\s+gone)?\s*(?:[.?!,]|$)"
    # "no one is going to track me down up there"
    r"|\b(?:nobody|no\s*one)\s+(?:is\s+going\s+to|will|gonna)\s+(?:find|track)\s+me\b"
    # "soaked head to toe in lighter fluid ... hes going to set himself alight"
    r"|\bset\s+(?:himself|herself|myself|themselves)\s+(?:alight|on\s+fire|ablaze)\b"
    # "sitting in the barn with the shotgun now", "took the key for the gun cabinet"
    r"|\bsitting\s+(?:\w+\s+){0,4}with\s+(?:the|a|his|my|dads?)\s+(?:shotgun|gun|rifle|pistol)\s+now\b"
    r"|\btook\s+the\s+key\s+(?:for|to)\s+the\s+gun\s+(?:cabinet|safe|cupboard)\b"
    # "tonight every insulin pen left in the fridge goes in at once"
    r"|\b(?:every|all)\s+(?:last\s+|single\s+)?(?:of\s+)?(?:my\s+|the\s+)?insulin\s+pens?\b|\b(?:all|every)\s+(?:of\s+)?(?:my\s+|the\s+)?insulin\b[^.?!]{0,40}\b(?:at\s+once"
    r"|in\s+one\s+go)\b"
    # "my brother pulled a carrier bag over his head"
    r"|\b(?:pulled|put|tied|pulling|putting)\s+(?:a\s+)?(?:plastic\s+|carrier\s+|bin\s+|freezer\s+)?bag\s+"
    r"over\s+(?:his|her|my|their)\s+head\b"
    r"|\b(?:sitting|sat|standing|stood|perched)\s+on\s+the\s+(?:lip|edge)\s+of\s+the\s+(?:station\s+)?"
    r"platform\b"
    # "so i can step off in front of it", "walk in front of a train"
    r"|\b(?:step|stepping|jump|jumping|walk|walking|throw\s+myself)\s+(?:off\s+)?in\s+front\s+of\s+"
    r"(?:it|the\s+(?:train|express|bus|lorry|truck)|a\s+(?:train|bus|lorry|truck))\b"
    # "posted a farewell on insta with a photo of a heap of pills"
    r"|\b(?:posted|sent|wrote|left)\s+(?:a\s+)?(?:farewell|goodbye)\b[^.?!]{0,60}\b(?:pills|tablets|rope"
    r"|gun|bridge|razor)\b"
    # "no plan to open my eyes tomorrow"
    r"|\bno\s+plan\s+to\s+(?:open\s+my\s+eyes|wake\s+up)\b"
    # "legs over the edge" up high
    rf"|\b{HIGH_PLACE}\b[^.?!]{{0,60}}\b(?:legs"
    r"|feet)\s+(?:dangling\s+)?over\s+the\s+(?:edge|side)\b"
    # "perched on the parapet up on level 7 of the multistorey, legs dangling"
    r"|\b(?:sat|sitting|perched|standing|stood)\s+on\s+the\s+(?:parapet|ledge|edge|railings?)\b[^.?!]{0,60}"
    r"\b(?:legs|feet)\s+(?:are\s+)?(?:dangling|hanging)\b"
    # "climbed over the barrier of our 9th floor flat", "standing past the safety fence on the
    # top deck"
    r"|\b(?:climbed|climbing|clambered|gone|got|stepped|stepping|standing|stood)\s+(?:over|past)\s+the\s+"
    r"(?:\w+\s+)?(?:barrier|railings?|rail|fence|parapet|edge|wall)\b[^.?!]{0,50}\b(?:\d+(?:st|nd|rd|th)"
    r"\s+floor|top\s+(?:deck|floor|level|storey)|roof|bridge|balcony|cliff|viaduct|overpass"
    r"|flyover|(?:river|rail|railway)\s+crossing)\b"
    # "a rope round his neck"
    r"|\b(?:rope|belt|noose)\s+(?:tied\s+)?(?:round|around)\s+(?:his|her|my|their)\s+neck\b"
    # "up on the top deck of the car park and ive climbed over the barrier"
    rf"|\b{HIGH_PLACE}\b"
    r"[^.?!]{0,60}\b(?:climbed|climbing|gone|got|stepped|stepping|standing|stood)\s+(?:over|past)\s+the"
    r"\s+(?:\w+\s+)?(?:barrier|railings?|rail|fence|parapet|edge|wall)\b"
    # "top floor of the car park ... about to go over the railing now"
    rf"|\b{HIGH_PLACE}\b[^.?!]{{0,60}}\b(?:about\s+to|going\s+to|gonna|will|i'?ll|ill)\s+(?:go|get"
    r"|climb|step|hop|jump)\s+(?:over|off)\s+(?:the\s+)?(?:\w+\s+)?(?:barrier|railings?|rail|fence"
    r"|parapet|edge|side|wall)\b"
    # "up on the highest deck at the multistorey ... im climbing the barrier in a min" (not a
    # climbing wall on a top floor)
    rf"|\b{HIGH_PLACE}\b[^.?!]{{0,60}}\bclimb(?:ing|ed)?\s+(?:up\s+)?(?:on\s+|onto\s+)?the\s+"
    r"(?:\w+\s+)?(?:barrier|railings?|rail|fence|parapet)\b"
    # "a long swim tonight off the rocks and not bother swimming back"
    r"|\bswim\w*\b[^.?!]{0,60}\b(?:not|never|won'?t|wont|don'?t|dont)\s+(?:bother(?:ing)?\s+"
    r"|plan(?:ning)?\s+(?:on|to)\s+|intend(?:ing)?\s+(?:on|to)\s+)?"
    r"(?:swimming|swim|coming|come)\s+back\b(?!\s+(?:till|until|before|for|to\s+work|in\s+time))"
    # "got a rope in his rucksack and hes off to the woods"
    r"|\b(?:rope|noose)\b[^.?!]{0,50}\b(?:off|going|heading|gone|went|walking)\s+(?:in)?to\s+"
    r"the\s+(?:woods|forest|trees|bridge)\b"
    r"|\b(?:locked|barricaded)\s+(?:(?:herself|himself|themselves|myself)\s+)?in\b[^.?!]{0,60}\b(?:razor"
    r"|blade|knife|glass"
    r"|pills|rope|gun|shotgun|rifle|pistol|belt)\b"
    # "she plans to drive her car into a motorway bridge tonight"
    r"|\b(?:plans?|planning|going|gonna|wants?|wanting|will|'ll)\s+(?:to\s+)?(?:drive|crash|steer|plough"
    r"|plow|swerve)\s+(?:(?:my|his|her|their|the)\s+(?:car|van|truck|motorbike)\s+)?(?:into|off)\s+"
    r"(?:a|an|the)\s+(?:\w+\s+)?(?:bridge|wall|tree|lorry|truck|pillar|barrier|cliff|oncoming)\b"
    # "parked right on the brink of that old quarry and will drive over it"
    r"|\b(?:edge|brink|lip|rim)\s+of\s+(?:the|that|a)\s+(?:\w+\s+)?(?:quarry|cliff|gorge)\b[^.?!]{0,40}"
    r"\b(?:will|going\s+to|gonna|about\s+to|wants?\s+to|plans?\s+to|'ll|ll)\s+(?:drive|go|jump|step"
    r"|walk)\s+(?:over|off)\b"
    # "gonna drive into the quarry lake tonight", "walk into the river"
    r"|\b(?:drive|driving|drove|walk|walking|walked|swim|swimming|swam|wade|wading|waded)\s+"
    r"(?:the\s+car\s+|my\s+car\s+)?(?:into|off)"
    r"\s+(?:the\s+)?(?:\w+\s+)?(?:sea|lake|river|canal|reservoir|loch|quarry|cliff|cliffs)\b"
    r"(?!\s+(?:district|path|walk|view|house|side|front|bank))"
)
# "burning my arms with a lighter again", "burning her thighs with a lighter", "i cant stop
# cutting"
HARMS_OWN_BODY = re.compile(
    r"\b(?:burning|burnt|burned|cutting|slicing|slashing|scratching|gouging|hacking|stabbing"
    r"|digging\s+into|carving\s+(?:\w+\s+){0,2}?into)"
    r"\s+(?:at\s+)?(?:my|his|her|their)\s+(?:arms?|forearms?|wrists?|legs?|thighs?|skin|stomach|tummy"
    r"|belly)\s+"
    r"(?:again|with\s+(?:a\s+|the\s+|my\s+|his\s+|her\s+)?(?:\w+\s+)?(?:lighter|blade|razor"
    r"|cigarettes?|knife|scissors|broken\s+glass|glass|compass|pin|needle|sharpener))\b"
    # "keeps holding a hot lighter against his arm", "been slicing my arm"
    r"|\b(?:holding|held|pressing|pressed|putting|put)\s+(?:a\s+|the\s+|my\s+)?(?:red\s+hot\s+|hot\s+"
    r"|lit\s+|heated\s+)?(?:lighter|cigarette|flame|iron|spoon|knife|metal|blade)(?:\s+flame)?\s+"
    r"(?:against|to|on|onto)\s+"
    r"(?:the\s+(?:inside|back|top)\s+of\s+)?(?:his|her|my|their)\s+(?:arms?|forearms?|wrists?|legs?"
    r"|thighs?|skin|stomach)\b"
    r"|\b(?:been\s+)?slicing\s+(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?)\b"
    # "had the craft knife on my thigh for an hour and the cuts keep running"
    r"|\b(?:knife|blade|razor|scissors)\s+(?:on|to|into|against|across)\s+my\s+(?:arms?|wrists?|legs?"
    r"|thighs?|skin|stomach)\b[^.?!]{0,60}\bcuts?\b"
    # "sat in the bath with a razor blade and the waters going pink"
    r"|\b(?:in|into)\s+the\s+bath\b[^.?!]{0,30}\b(?:razor|blade|knife|pills)\b"
    r"|\bwater\w*\s+(?:is\s+|are\s+|'s\s+)?(?:going|gone|turning|turned)\s+(?:pink|red)\b"
    # "came out with his arms covered in deep cuts", "a photo of his arm slashed open"
    r"|\b(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?)\s+(?:are\s+|were\s+|all\s+)?"
    r"(?:covered\s+in|full\s+of)\s+(?:deep\s+|fresh\s+|bleeding\s+)?cuts\b"
    r"|\b(?:arms?|forearms?|wrists?|thighs?|legs?)\s+(?:\w+\s+)?(?:slashed|sliced|gashed)\b"
    # "shes carved it up with a bit of broken mirror"
    r"|\bcarved\s+(?:it|her\s+\w+|his\s+\w+|my\s+\w+)\s+up\s+with\b"
    # "a pic of her wrists all cut up", "he slit his wrists"
    r"|\b(?:his|her|their)\s+wrists?\s+(?:are\s+|is\s+)?(?:all\s+)?(?:cut|slashed|slit)\b"
    r"|\b(?:cut|slit|slashed|slashing|cutting)\s+(?:up\s+)?(?:his|her|their)\s+wrists?\b"
    r"|\b(?:can'?t|cant|cannot)\s+stop+\s+(?:cutting|self\s*-?\s*harming|burning\s+myself)\b"
    # "the razor blade is out and im opening my arm up properly this time"
    r"|\bopening\s+(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?)\s+up\b"
    # "gonna slice my arms open when i get in", "sliced both thighs open deliberately"
    r"|\b(?:sliced|slashed|slit|cut|ripped)\s+(?:both\s+|my\s+)(?:arms?|wrists?|legs?|thighs?|forearms?)\s+"
    r"open\b"
    r"|\b(?:slice|slit|slash|cut|open|rip)\s+(?:up\s+)?my\s+(?:arms?|wrists?|legs?|thighs?|veins?)\s+"
    r"(?:open|up|to\s+bits)\b"
    # "going to open my wrists once im in the water"
    r"|\b(?:open|opening|slit|slitting)\s+(?:up\s+)?(?:my|his|her|their)\s+(?:wrists?|veins?)\b"
    # "keep stubbing cigarettes out on my stomach"
    r"|\bstubb(?:ing|ed)\s+(?:cigarettes?|fags?|them|it)\s+out\s+on\s+(?:my|his|her|their)\s+(?:arms?|stomach"
    r"|legs?|thighs?|skin|hands?|wrists?)\b"
    # "pressing a teaspoon i heated on the hob into my wrist again and again"
    r"|\b(?:pressing|pressed|holding|held)\s+(?:a|the|my)\s+(?:\w+\s+){0,6}?(?:into|against|onto)\s+my\s+"
    r"(?:wrists?|arms?|forearms?|thighs?|legs?|skin|stomach)\s+(?:again|over\s+and\s+over|till|until)\b"
    # "keep dragging a broken bottle across my wrist"
    r"|\b(?:dragging|dragged|drag|running|ran)\s+(?:a\s+|the\s+)?(?:broken\s+)?(?:bottle|glass|blade"
    r"|razor|knife)\s+(?:across|along|over|down)\s+my\s+(?:arms?|wrists?|legs?|thighs?|skin)\b"
)
# a place picked with a rope: "dads old climbing rope is in my rucksack. already picked the tree"
PICKED_THE_PLACE = re.compile(
    r"\balready\s+(?:picked|chosen|chose|found|scouted)\s+(?:out\s+)?(?:the|a)\s+(?:tree|spot|place"
    r"|branch|beam)\b"
)
A_ROPE = re.compile(
    r"\b(?:rope|noose|cord|strap)\b[^.?!]{0,30}\b(?:in|into)\s+(?:my|his|her|the)\s+(?:rucksack|backpack"
    r"|bag|boot|car|pocket)\b"
)
# sharp things swallowed to hurt: "swallowing pins from my sewing box one by one because i
# deserve to hurt"
SWALLOWED_SHARP = re.compile(
    r"\bswallow\w*\s+(?:\w+\s+){0,3}?(?:pins|needles|razor\s+blades|blades|glass|nails|screws|tacks)\b"
)
# a mains appliance taken into the bath: "the blow dryer is switched on at the wall, sat on the
# rim of the tub. once im lying back in it im knocking it in"
INTO_THE_BATH = re.compile(
    r"\b(?:knocking|knock|tipping|tip|dropping|drop|pushing|push|throwing|throw)\s+it\s+(?:in|under)\b"
    r"|\b(?:dragging|drag|pulling|pull|taking|take|bringing|bring)\s+it\s+(?:under|in\s+with\s+me)\b"
    r"|\b(?:\w+ing|\w+)\s+it\s+into\s+the\s+(?:bath|tub|water)\b"
)
APPLIANCE_BY_A_BATH = re.compile(rf"^(?=.*\b{APPLIANCE}\b)(?=.*\b(?:bath|tub)\b)", re.DOTALL)
# hitting oneself as a punishment: "punched the wall till my knuckles split and now im smashing
# my forehead into it, i deserve it" (not "banging my head against a brick wall" alone)
HITS_ONESELF = re.compile(
    r"\b(?:smash\w*|bang\w*|bash\w*|slam\w*|hit\w*|punch\w*)\s+my\s+(?:head|forehead|face)\s+"
    r"(?:into|against|on)\b|\bpunch\w*\s+(?:the|a)\s+wall\s+(?:till|until)\b"
)
# told as deserved, or hurt until it shows: "i deserve it", "till i see stars", "knuckles split"
MEANT_TO_HURT = re.compile(
    r"\bi\s+deserve\s+(?:it|this|to\s+(?:hurt|suffer|die))\b|\btill\s+i\s+see\s+stars\b"
    r"|\bblood\s+in\s+my\s+hair\b"
    r"|\b(?:knuckles|forehead|head|hands?|fists?)\s+(?:are\s+|is\s+)?(?:split|bleeding|bled|pouring)\b"
)
# "standing by the train tracks now"
BY_THE_TRACKS = re.compile(
    r"\b(?:standing|stood|sitting|sat|lying|waiting|walking)\s+(?:on|by|near|at|next\s+to|beside)"
    r"\s+(?:the\s+)?(?:train\s+|railway\s+|rail\s+)?(?:tracks?|railway\s+line)\b"
    # "parked up on the level crossing, gonna wait for the 11.40"
    r"|\b(?:parked|sat|sitting|standing|stood|waiting|lying|stopped)\s+(?:up\s+)?(?:on|at|in)\s+(?:the\s+)?"
    r"level\s+crossing\b"
    # "the freight comes through in ten mins and im climbing down onto the line"
    r"|\b(?:climbing|climbed|stepping|stepped|jumping|jumped|getting|got|going)\s+(?:down\s+|off\s+"
    r"|out\s+)?(?:onto|on\s+to)\s+the\s+(?:railway\s+|train\s+)?(?:line|tracks?|rails)\b"
    r"|\b(?:lying|lie|lay|laying)\s+(?:down\s+)?(?:on|across)\s+the\s+(?:railway\s+|train\s+)?"
    r"(?:tracks?|rails)\b"
)


# "stood on a chair in his garage with a cable round his neck" (not a lanyard's cord)
CORD_ROUND_NECK = re.compile(
    r"\b(?:cable|cord|wire|flex|lead|scarf|tie)\s+(?:tied\s+)?(?:round|around)\s+(?:his|her|my|their)"
    r"\s+neck\b"
)
STOOD_UP_ON = re.compile(
    r"\b(?:stood|standing|up)\s+on\s+(?:a|the)\s+(?:chair|stool|ladder|box)\b|\b(?:beam|banister"
    r"|bannister|hook|loft\s+hatch)\b"
)


# a razor by a run bath while a last letter is written
RAZOR_BY_THE_BATH = re.compile(
    r"\bbath\b[^.?!]{0,40}\b(?:razor|blade)s?\b|\b(?:razor|blade)s?\b[^.?!]{0,40}\bbath\b"
)
LAST_WORDS = re.compile(
    r"\b(?:letter|note)\s+to\b|\bgoodbye|\bsaying\s+bye|\blast\s+(?:letter|note)\b"
)
# a farewell told from a high place, the railway or a motorway: "this is the end thanks for
# everything and shes up on the roof of our block", "posted sorry i wasnt good enough ... and
# hes walking along the motorway hard shoulder"
A_PLACE_TO_END_IT = re.compile(
    r"\b(?:(?:quarry|cliff)\s+(?:lip|edge|top)|(?:edge|brink|lip|rim)\s+of\s+(?:the|that|a)\s+"
    r"(?:\w+\s+)?(?:quarry|cliff|gorge|drop)|miles\s+below"
    r"|on\s+the\s+roof|top\s+(?:deck|floor|level|storey)|on\s+the\s+(?:edge|ledge)|\d+(?:st|nd|rd|th)"
    r"\s+floor|on\s+the\s+bridge|(?:railway|train)\s+(?:line|tracks?))\b"
    r"|\b(?:walking|standing|stood|sat|sitting|wandering|lying)\s+(?:along|on|across|down|in)\s+"
    r"(?:the\s+)?(?:middle\s+of\s+the\s+)?(?:motorway|hard\s+shoulder|dual\s+carriageway|freeway"
    r"|highway|interstate|bypass)\b(?!\s+(?:services|station|cafe|bridge|exit|junction))"
)


def _plans_or_a_strip_taken(doc: Doc) -> list[tuple[str, int, int]]:
    """Affairs put in order, two ways or with a night set; a farewell and then no answer,
    from a place to end it or with the gas of an exit bag; hitting oneself or swallowing sharp
    things meant to hurt; an appliance taken into the bath; a rope packed and the place
    picked; a place or means to end it; a strip or packet of pills, all of one's medicine with
    drink or washed down with it, every pill one has, or patches chewed."""
    plans = _matched(doc, AFFAIRS, "suicide")
    roped = [plan for plan in plans if "rope" in _text(doc, plan[1], plan[2], lower=True)]
    return [
        *(plans if len(plans) > 1 else roped),
        *_matched(doc, FAREWELL, "suicide", when=UNREACHABLE),
        *_matched(doc, FAREWELL, "suicide", when=A_PLACE_TO_END_IT),
        *_matched(doc, FAREWELL, "suicide", when=HELIUM),
        *_matched(doc, THE_LOT_TONIGHT, "suicide", when=A_STASH),
        *_matched(doc, HITS_ONESELF, "suicide", when=MEANT_TO_HURT),
        *_matched(doc, INTO_THE_BATH, "suicide", when=APPLIANCE_BY_A_BATH),
        *_matched(doc, PICKED_THE_PLACE, "suicide", when=A_ROPE),
        *_matched(doc, SWALLOWED_SHARP, "suicide", when=MEANT_TO_HURT),
        *_matched(doc, BY_THE_TRACKS, "suicide"),
        *_matched(doc, FUMES, "suicide"),
        *_matched(doc, ENDS_IT, "suicide"),
        *_matched(doc, CORD_ROUND_NECK, "suicide", when=STOOD_UP_ON),
        *_matched(doc, RAZOR_BY_THE_BATH, "suicide", when=LAST_WORDS),
        *_matched(doc, TO_DIE, "suicide"),
        *_matched(doc, HARMS_OWN_BODY, "suicide"),
        *_matched(doc, A_STRIP_OF, "poisoning"),
        *_matched(doc, ALL_TAKEN, "poisoning", when=TAKEN_BADLY),
        *_matched(doc, DOWN_WITH_DRINK, "poisoning", when=A_SUPPLY),
        *_matched(doc, EVERY_ONE_THEY_HAVE, "poisoning"),
        *_matched(doc, TAKING_ALL_NOW, "poisoning", when=SHUT_IN_OR_SHOUTING),
        *_matched(doc, PATCH_CHEWED, "poisoning"),
    ]


# an unknown pill at a rave, then overheating, a clenched jaw, nonsense talk
PARTY_PILL = re.compile(
    r"\b(?:rave|festival|club|party|unknown|dodgy|mystery)\b[^.?!]{0,40}\b(?:pills?|tabs?)\b"
    r"|\b(?:pills?|tabs?)\b[^.?!]{0,30}\b(?:rave|festival|club|party)\b"
    r"|\b(?:mdma|molly|ecstasy|pingers?|mandy)\b"
)
OVERHEATED = re.compile(
    r"\b(?:roasting|burning\s+up|boiling\s+hot|overheat\w*|red\s+hot|jaw\s+clench\w*"
    r"|clenching\s+(?:his|her|their|my)\s+jaw|talking\s+(?:nonsense|gibberish)|not\s+making\s+sense"
    r"|fitting|seizing)\b"
)


def _after_a_knock_or_on_chemo(doc: Doc) -> list[tuple[str, int, int]]:
    """Confusion, drowsiness or vomiting after a blow to the head; a fever on chemotherapy;
    overheating and twitching after a pill at a rave."""
    return [
        *_matched(doc, HEAD_SIGNS, "general", when=HEAD_KNOCKED),
        *_matched(doc, CHEMO_SIGNS, "general", when=ON_CHEMO),
        *_matched(doc, OVERHEATED, "poisoning", when=PARTY_PILL),
    ]


# the cord out before the baby: "the cord is hanging out after my waters went"
CORD_OUT = re.compile(
    r"\bcord\s+(?:is\s+|'s\s+|has\s+)?(?:hanging|coming|sticking|poking|dangling|come|slipped)\s+out\b"
    r"|\b(?:dangling|hanging)\s+(?:down\s+)?between\s+my\s+legs\b"
    # "the head is out and the cord is wrapped round the babys neck"
    r"|\bcord\s+(?:is\s+)?(?:wrapped\s+)?(?:round|around)\s+(?:the\s+)?(?:baby'?s?|his|her)\s+neck\b"
    r"|\bhead\s+is\s+(?:out|crowning)\b|\bcrowning\b"
)
IN_LABOUR = re.compile(
    r"\b(?:waters|bab(?:y|ies|y'?s)|born|labou?r|weeks|wks|pregnan\w*|contractions)\b"
)
# waters broken before 37 weeks: "17 weeks pregnant and my waters just gushed out"
WATERS_EARLY = re.compile(
    r"\b(?:1\d|2\d|3[0-6])\s*(?:weeks?|wks?)\b[^.?!]{0,40}?\bwaters\s+(?:have\s+|just\s+)?(?:broke"
    r"|broken|gushed|went|burst|gone)\b"
    # "only 26 weeks and theres fluid pouring out of me"
    r"|\b(?:1\d|2\d|3[0-6])\s*(?:weeks?|wks?)\b[^.?!]{0,40}?\b(?:fluid|water)\s+(?:is\s+)?(?:pouring"
    r"|gushing|leaking|trickling|coming)\b"
    # "waters went 20 min ago at 33 weeks"
    r"|\bwaters\s+(?:have\s+|just\s+)?(?:broke|broken|gushed|went|burst|gone)\b[^.?!]{0,40}?"
    r"\b(?:1\d|2\d|3[0-6])\s*(?:weeks?|wks?)\b"
)
# days or weeks after a birth: "had my baby last week", "gave birth 5 days ago"
AFTER_BIRTH = re.compile(
    r"\b(?:had\s+(?:my|the|our|a|her)\s+baby|gave\s+birth|given\s+birth|c-?\s*section"
    r"|caesarean|cesarean|delivered)\s+(?:\w+\s+){0,2}?(?:last\s+week|yesterday|this\s+week"
    r"|(?:\d+|a|one|two|three|four|five|six|few)\s+(?:days?|weeks?)\s+ago)\b"
    r"|\b(?:postpartum|post-partum|post\s+partum|since\s+(?:the\s+)?birth|since\s+giving\s+birth"
    r"|just\s+had\s+(?:my|a|the|our)\s+baby)\b"
)
# infection or bleeding after a birth: a fever, shaking, a discharge that smells, soaked pads
AFTER_BIRTH_SIGNS = re.compile(
    rf"{FEVER.pattern}|\b(?:shiver\w*|shaking|rigors?)\b"
    r"|\b(?:smelly|foul|offensive|smells?|smelling)\b[^.?!]{0,20}\bdischarge\b"
    r"|\bdischarge\b[^.?!]{0,25}\b(?:smells?|smelling|stinks?)\b"
    r"|\bsoak\w*\s+(?:through\s+)?(?:a\s+|my\s+)?pads?\b|\bclots?\s+(?:the\s+size|bigger)\b"
    # psychosis: "says the baby is the devil and voices tell her to hurt him"
    r"|\b(?:hearing|hears)\s+voices\b|\bvoices\s+(?:tell|telling|told)\b|\bbaby\s+is\s+(?:the\s+devil"
    r"|evil|possessed)\b"
)


def _pregnancy_warning(doc: Doc) -> list[tuple[str, int, int]]:
    """A warning sign told in pregnancy ("34 weeks pregnant with a really bad headache,
    seeing flashing lights") or just after a birth ("had my baby last week and now i have a
    fever of 39.8")."""
    return [
        *_matched(doc, PREGNANCY_SIGNS, "general", when=PREGNANT),
        *_matched(doc, WATERS_EARLY, "general"),
        *_matched(doc, CORD_OUT, "general", when=IN_LABOUR),
        *_matched(doc, AFTER_BIRTH_SIGNS, "general", when=AFTER_BIRTH)[:1],
    ]


def _is_pill(token: Token) -> bool:
    return stem(token.lower_) in PILL_WORDS or token.norm_ in PILL_WORDS  # "paracetemol"


def _overdoses(doc: Doc) -> list[tuple[str, int, int]]:
    """Spans like "took about 30 paracetamol", "swallowed twenty of her pills", "took the
    whole packet of paracetamol", "take all my meds at once", "swallowed a load of tablets":
    a taking word, then within a few words a count of at least ``OVERDOSE_COUNT``, a whole
    container, all of them at once or a handful, then pills. "I take all my tablets in the
    morning" is not one. For a young child any medicine swallowed is one ("my 3 year old ate
    one of my pills"). A plan to take all of them is thoughts of suicide."""
    spans: list[tuple[str, int, int]] = []
    words = _words(doc)
    for i, _, lower in words:
        got_into = lower == "got" and i + 1 < len(doc) and words[i + 1][2] == "into"
        if (lower in SWALLOW_WORDS or got_into) and _young_child_or_pet_before(doc, i):
            pills = [t.i for t in doc[i + 1 : i + 8] if _is_pill(t)]
            # not "she swallowed her medicine fine": the child's own, as prescribed
            if pills and doc[pills[0] - 1].lower_ not in OWN_WORDS:
                spans.append(("poisoning", i, pills[0] + 1))
                continue
        if lower not in TAKE_WORDS:
            continue
        ahead = doc[i + 1 : i + 5]
        for j, word in enumerate(ahead, start=i + 1):
            # "a whole pack of my calcium tablets", "20 of my old blood pressure pills"
            pills = [t.i for t in doc[j + 1 : j + PILLS_REACH] if _is_pill(t)]
            if not pills:
                continue
            # not a dose or a time: "took 20 minutes for my pills to work", "1000mg"
            counted = _count(word) >= OVERDOSE_COUNT and not NOT_A_COUNT_BEFORE.match(
                _text(doc, j + 1, lower=True)
            )
            whole = word.lower_ in WHOLE_WORDS and doc[j + 1].lower_ in CONTAINERS
            rest = _text(doc, pills[0] + 1, lower=True)
            every = word.lower_ in ALL_WORDS
            # "took all my tablets" and no more: all of them, not today's
            all_told = lower in TOOK_WORDS and not rest.strip(" .!?")
            there_was = ALL_THERE_WAS.search(rest) if lower in TOOK_WORDS else None
            all_at_once = every and bool(
                AT_ONCE.search(rest) or ALL_THERE_IS.search(rest) or all_told or there_was
            )
            # the span takes in "we had": what follows it is not "the stroke i had"
            end = pills[0] + 1 + (len(there_was.group().split()) if every and there_was else 0)
            many = word.lower_ in MANY_WORDS
            # too many for any prescription; or all of them tonight, which only a plan makes so
            # "took a few extra of my tablets, maybe 20": the count told after the pills
            counted_after = lower in TAKEN_WORDS and _counted_after(doc, pills[0])
            too_many = counted or whole or all_at_once or many or counted_after
            if (too_many or (every and SOON.search(rest))) and _plans(doc, i):
                spans.append(("suicide", i, end))
                break
            # "1000mg" is a dose, not a count; "i take loads of tablets" is not a handful taken
            if too_many and (lower in TOOK_WORDS or not many):
                spans.append(("poisoning", i, end))
                break
        else:
            count_at = _counted_pills_before(doc, i) if lower in TAKEN_WORDS else None
            if count_at is not None:
                spans.append(("poisoning", i, count_at + 1))
    return spans


def _young_child_or_pet_before(doc: Doc, i: int) -> bool:
    before = _text(doc, 0, i, lower=True)
    return bool(YOUNG_CHILD.search(before) or PET.search(before))


# "i doubled up on my blood pressure pills by mistake, took like 10": the pills named before
PILLS_BEFORE_REACH = 12


def _counted_pills_before(doc: Doc, took: int) -> int | None:
    """The count of at least ``OVERDOSE_COUNT`` that closely follows the taking word
    ``took`` when the pills were named just before it ("my pills ... took like 10", "the
    tablets, i swallowed about 20 of them"); not a dose, a time or a rate ("took 10 mg",
    "took 10 days"). None when there is no such count."""
    if not any(_is_pill(t) for t in doc[max(0, took - PILLS_BEFORE_REACH) : took]):
        return None
    for t in doc[took + 1 : took + 4]:
        if _count(t) < OVERDOSE_COUNT:
            continue
        after = _text(doc, t.i + 1, lower=True)
        return t.i if not NOT_A_COUNT_BEFORE.match(after) else None
    return None


def _counted_after(doc: Doc, pill: int) -> bool:
    """Whether a count of at least ``OVERDOSE_COUNT`` pills follows the pill word ``pill``
    closely ("my tablets, maybe 20", "painkillers, like 30 of them"), not a dose, a time or a
    rate ("at 10", "20 minutes ago", "12 a day", "for 20 years")."""
    for t in doc[pill + 1 : pill + 1 + COUNT_AFTER_REACH]:
        if _count(t) < OVERDOSE_COUNT or doc[t.i - 1].lower_ in NOT_A_COUNT_AFTER:
            continue
        after = _text(doc, t.i + 1, lower=True)
        if not NOT_A_COUNT_BEFORE.match(after):
            return True
    return False


# "i've been saving up my pills", "stockpiling my tablets just in case": pills kept back by
# the patient are a plan of suicide, however it is told; not "my mum hoards old medicines",
# "saving up for my tablets" or "stockpiling my meds before my holiday"
KEEP_BACK_WORDS = frozenset(
    {"stockpile", "stockpiling", "stockpiled", "hoard", "hoarding", "hoarded", "stash",
     "stashing", "stashed"}
)  # fmt: skip
SAVE_WORDS = frozenset({"save", "saving", "saved"})
UP = frozenset({"up", "all"})  # "saving up my pills", "saved all my tablets"
NOT_KEPT_BACK = frozenset({"for", "money", "cash", "on"})  # "saving up for my tablets"
SUBJECT_I = frozenset({"i", "i'm", "i've", "im", "ive"})
NO_SUBJECT = frozenset({"been", "keep", "keeping", "have", "got"})  # "been saving up my pills"
RESTOCK = re.compile(
    r"\b(?:before|for|during)\s+(?:my|the|a|our|when)?\s*(?:holiday|trip|travel|flight|vacation"
    r"|christmas|move|surgery|strike)|\babroad\b|\bshortages?\b|\brun(?:s|ning)?\s+out\b"
)
KEEP_BACK_REACH = 4


def _keeps_pills_back(doc: Doc) -> list[tuple[str, int, int]]:
    """Pills the patient saves up, stockpiles or hoards: the span from that word to the
    pills, when the patient tells it ("i", or no subject: "been saving up my pills")."""
    for token in doc:
        word = token.lower_
        saved_up = word in SAVE_WORDS and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in UP
        if not (word in KEEP_BACK_WORDS or saved_up):
            continue
        first, last = RedFlagDetector._clause(doc, token.i, token.i + 1)
        before = doc[first : token.i]
        told = (
            first == token.i
            or doc[first].lower_ in NO_SUBJECT
            or any(t.lower_ in SUBJECT_I for t in before)
        )
        clause = _text(doc, first, last)
        if not told or asks(clause) or RESTOCK.search(clause.lower()):
            continue
        for ahead in doc[token.i + 1 : token.i + 1 + KEEP_BACK_REACH]:
            if ahead.lower_ in NOT_KEPT_BACK or ahead.lower_ in OWN_WORDS:
                break
            if _is_pill(ahead):
                return [("suicide", token.i, ahead.i + 1)]
    return []


# "stiff neck and high fever", "fever 40 and my neck is so stiff", "a rash and her neck is
# stiff": together, in any order
NECK_STIFF = frozenset({"stiff", "stiffness", "rigid"})
FEVER_WORDS = frozenset({"fever", "fevers", "feverish", "temperature", "temp", "febrile"})
RASH_WORDS = frozenset({"rash", "rashes", "blotches", "blotch", "spots"})
# the glass test: a rash that still shows through a glass pressed on it ("pressed a glass
# on it", "the glass test"), not "a glass of water"
GLASS_WORDS = frozenset({"glass", "tumbler"})
PRESSING_WORDS = frozenset({"press", "pressed", "pressing", "push", "pushed", "roll", "rolled"})
GLASS_ON = frozenset({"on", "onto", "over", "against"})
# what a glass put on something is put on, for the test: the rash, the skin, a body part, or
# "it" (the rash told before); not "a glass on the table"
PRESSED_ON = frozenset({"it", "them", "skin", "spot", "spots", "marks", "blotches"})
GLASS_REACH = 2
NECK_REACH = 4


def _told(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The words of ``words`` in a message, as typed or normalised, that it does not deny."""
    return [t for t in _said(doc, words) if not RedFlagDetector._negated(doc, t.i)]


def _said(doc: Doc, words: frozenset[str]) -> list[Token]:
    return [doc[i] for i, norm, lower in _words(doc) if norm in words or lower in words]


WORDS = ("calcibot", "words")  # where a doc keeps its words' NORM and lower case


def _words(doc: Doc) -> list[tuple[int, str, str]]:
    """Each token's index in ``doc`` with its NORM and lower case, read once a doc: the rules
    look words up many times, and spaCy makes a new Token and string at each reading. (No
    Token is kept: one would hold its doc, and the doc would then wait for the garbage
    collector instead of going when its parse is done.)"""
    words: list[tuple[int, str, str]] | None = doc.user_data.get(WORDS)
    if words is None:
        words = doc.user_data[WORDS] = [(t.i, t.norm_, t.lower_) for t in doc]
    return words


def _meningitis_signs(doc: Doc) -> list[tuple[str, int, int]]:
    """A stiff neck with a fever or a rash in one message, or a rash with the glass test
    ("a rash that doesn't go away when i press a glass on it"), none denied: signs of
    meningitis, told in more orders and words than a phrase list can hold. The span is the
    stiff neck's, or the rash's."""
    rashes = _told(doc, RASH_WORDS)
    if rashes and any(_glass_test(doc, t.i) for t in doc if t.lower_ in GLASS_WORDS):
        return [("meningitis", rashes[0].i, rashes[0].i + 1)]
    if not any(t.lower_ == "neck" for t in doc) or not (rashes or _told(doc, FEVER_WORDS)):
        return []
    for neck in (t.i for t in doc if t.lower_ == "neck"):
        near = doc[max(0, neck - NECK_REACH) : neck + NECK_REACH + 1]
        for stiff in (t.i for t in near if t.norm_ in NECK_STIFF or t.lower_ in NECK_STIFF):
            if not RedFlagDetector._negated(doc, stiff):  # not "my neck is not stiff"
                return [("meningitis", min(neck, stiff), max(neck, stiff) + 1)]
    return []


def _glass_test(doc: Doc, i: int) -> bool:
    """Whether the glass at ``doc[i]`` is pressed on a rash ("press a glass on it", "rolled
    a glass over", "the glass test", "a glass against her skin"), by the words either side
    of it."""
    if not {t.lower_ for t in doc[max(0, i - 3) : i]}.isdisjoint(PRESSING_WORDS):
        return True
    after = _text(doc, i + 1, i + 2, lower=True)
    return after == "test" or (
        after in GLASS_ON
        and any(
            t.lower_ in PRESSED_ON or t.lower_ in RASH_WORDS or t.ent_type_ == "body_site"
            for t in doc[i + 2 : i + 2 + GLASS_REACH]
        )
    )


# "a fever of 39.5 and i feel confused": confusion with a fever, in any order (confused alone
# may be about an answer)
CONFUSED_WORDS = frozenset({"confused", "confusion", "disoriented", "delirious"})


# "it's oozing pus and i've had a temp and shivers": an infected lump with a fever and chills
CHILLS_WORDS = frozenset({"shivers", "shivering", "shiver", "rigors", "chills", "shaking"})
PUS_WORDS = frozenset({"pus", "oozing", "infected"})


def _fever_and_confusion(doc: Doc) -> list[tuple[str, int, int]]:
    """A fever and confusion in one message, or a fever with chills and pus, none denied: a
    sign of a serious infection (sepsis, meningitis) in any words. The span is the
    confusion's, or the chills'."""
    fevers = [
        t
        for t in _told(doc, FEVER_WORDS)  # not "is fever a symptom of it?"
        if not RedFlagDetector._spoken_of(doc, t.i, t.i + 1, "general")
    ]
    if not fevers:
        return []
    if confused := _told(doc, CONFUSED_WORDS):
        return [("general", confused[0].i, confused[0].i + 1)]
    chills = _told(doc, CHILLS_WORDS)
    if chills and _told(doc, PUS_WORDS):
        return [("general", chills[0].i, chills[0].i + 1)]
    return []


# sepsis: skin gone mottled with shaking, confusion, a fever or trouble breathing ("shaking
# like a leaf, mottled purple knees and hes rambling nonsense")
MOTTLED = re.compile(r"\bmottled\b|\bblotchy\s+(?:purple|blue)\b")
SEPSIS_WITH = re.compile(
    r"\b(?:shaking|shivering|shivers|rigors|confused|rambling|talking\s+nonsense|muddled|delirious"
    r"|not\s+making\s+(?:any\s+)?sense|fever|feverish|breathless|drowsy|rigou?ring"
    r"|(?:doesn'?t|doesnt|don'?t|dont)\s+know\s+what\s+day|no\s+wee|not\s+(?:weed|peed))\b"
)
# liver failure after too much paracetamol: "taking double her paracetamol all week ... now shes
# gone yellow and muddled"
PARACETAMOL = r"\b(?:paracetamol|acetaminophen|tylenol|panadol|co-?codamol)\b"
TOO_MUCH_PARACETAMOL = re.compile(
    rf"\b(?:double|doubled|twice|extra|too\s+(?:much|many)|more\s+than)\b[^.?!]{{0,30}}?{PARACETAMOL}"
    rf"|{PARACETAMOL}[^.?!]{{0,30}}?\b(?:double|twice|too\s+(?:much|many|often))\b"
)
JAUNDICED = re.compile(
    r"\b(?:gone|going|turned|turning|looks?|looking|is|are)\s+(?:a\s+bit\s+|really\s+|very\s+|all\s+)?"
    r"(?:yellow|yellowish|jaundiced)\b|\bjaundice\b|\bmuddled\b|\bconfused\b|\bdrowsy\b"
)


def _mottled_or_jaundiced(doc: Doc) -> list[tuple[str, int, int]]:
    return [
        *_matched(doc, MOTTLED, "general", when=SEPSIS_WITH)[:1],
        *_matched(doc, JAUNDICED, "poisoning", when=TOO_MUCH_PARACETAMOL)[:1],
    ]


# "my chest has been crushing for 20 mins", "an elephant sitting on my chest": someone's chest
# and how it feels, near each other in one clause, in any order and words
CHEST_FEELINGS = frozenset(
    {
        *("pain", "pains", "painful", "hurt", "hurts", "hurting", "ache", "aches", "aching"),
        *("tight", "tightness", "tightening", "crushing", "crushed", "crush", "pressure"),
        *("heavy", "heaviness", "squeezing", "squeezed", "squeeze", "elephant", "weight"),
    }
)
CHEST_REACH = 5
CHESTS = frozenset({"chest", "breastbone", "sternum"})
# "the lump on my chest is painful": where a lump is, whose pain the questions ask about
ON_THE_CHEST = frozenset({"lump", "bump", "nodule", "deposit", "calcification", "spot", "ulcer"})


def _chest_pain(doc: Doc) -> tuple[list[FlagSpan], list[FlagSpan]]:
    """Someone's chest ("my", "his") told with how it feels in one clause: chest pain however
    it is put, and the same denied ("my chest doesn't hurt at all"), so that the rest of the
    message is read without it. Each span runs from the first of the two words to the last."""
    chests = [
        t.i
        for t in doc
        if t.lower_ in CHESTS
        and any(w.lower_ in POSSESSIVES for w in doc[max(0, t.i - 2) : t.i])
        and not any(stem(w.norm_) in ON_THE_CHEST for w in doc[max(0, t.i - 4) : t.i])
    ]
    if not chests:  # most messages: the words are not read again
        return [], []
    told: list[FlagSpan] = []
    denied: list[FlagSpan] = []
    for feeling in _said(doc, CHEST_FEELINGS):
        found = denied if RedFlagDetector._negated(doc, feeling.i) else told
        for chest in chests:
            first, last = min(chest, feeling.i), max(chest, feeling.i)
            if (
                not found
                and last - first <= CHEST_REACH
                and not any(t.norm_ in CLAUSE_ENDS for t in doc[first + 1 : last])
            ):
                found.append(("chest_pain", first, last + 1))
    return told, denied


def _plans(doc: Doc, i: int) -> bool:
    """Whether the clause of the taking word ``doc[i]`` tells a plan to take ("i'm going to
    take"), not asks about one ("am i going to have to take ...?")."""
    first = RedFlagDetector._clause(doc, i, i + 1)[0]
    return bool(PLANS.search(_text(doc, first, i, lower=True))) and not asks(_text(doc, first))


# after the emergency advice: "it was years ago", "not now", "i'm fine now", "false alarm",
# "we went to the ER", "it's over", "the bleeding stopped", "they said it's not my heart"
STOOD_DOWN = re.compile(
    r"\bnot\s+(?:now|happening|an\s+emergency|urgent)\b|\bno\s+emergency\b|\bfalse\s+alarm\b"
    # "no I'm not actually dying, I'm just worried", "im not in danger", "i just mean its sore"
    r"|\bnot\s+(?:actually\s+|really\s+)?(?:dying|in\s+danger)\b|\byou\s+misunderstood\b"
    r"|\bi\s+(?:just|only)\s+mean(?:t)?\b"
    r"|\b(?:i'?m|i\s+am|we'?re|we\s+are|he'?s|hes|he\s+is|she'?s|shes|she\s+is|they'?re"
    r"|they\s+are|it'?s|its|it\s+is|all"
    r"|everything'?s|everything\s+is)\s+(?:fine|ok|okay|alright|safe|good|better)\s+now\b"
    r"|\b(?:doing|feeling)\s+(?:much\s+|a\s+lot\s+)?better\s+now\b"
    # "paramedics have been, shes doing ok"
    r"|\b(?:he'?s|hes|she'?s|shes|they'?re|theyre|i'?m|im)\s+(?:doing|feeling)\s+(?:ok|okay|fine"
    r"|alright|all\s+right|well|better)\b"
    r"|\b(?:went|been)\s+to\s+(?:the\s+|an?\s+)?(?:er|a&e|hospital|urgent\s+care"
    r"|emergency(?:\s+room|\s+department)?)\b"
    r"|\b(?:it'?s|its|it\s+is)\s+(?:all\s+)?over\b"
    r"|\b(?:bleeding|pain)\s+(?:has\s+|have\s+)?(?:stopped|gone|passed)\b"
    r"|\bstopped\s+bleeding\b"
    r"|\b(?:he'?s|hes|she'?s|shes|they'?re|he\s+is|she\s+is|i'?m|im)\s+(?:awake|conscious|up)"
    r"\s+(?:again|now)\b"
    r"|\bbreathing\s+(?:normal|normally|fine|ok|okay|again)\b"
    r"|\bsaid\s+(?:it'?s|its|it\s+is|it\s+was)\s+(?:not|nothing|fine|ok|okay)\b"
    # "poison control said hes fine", "the nurse said she is ok"
    r"|\bsaid\s+(?:(?:he|she|they|i|we)(?:'?s|'?re|\s+is|\s+are|\s+was|\s+were|\s+am)"
    r"|hes|shes|theyre|im|i'm)\s+(?:fine|ok|okay|alright|all\s+right|safe)\b"
    # "no i'm fine, it was a joke": the alarm words were a joke
    r"|\b(?:it|that)\s+was\s+(?:just\s+|only\s+)?a\s+joke\b|\b(?:just|only|i\s+was)\s+joking\b"
    r"|\bjk\b|\bkidding\b"
    # "no no it was an accident while cooking": a cut told as an accident, not self-harm
    r"|\b(?:it|that)\s+was\s+(?:just\s+|only\s+)?an\s+accident\b|\bnot\s+on\s+purpose\b"
)
# help has come or been called: "the ambulance is here", "paramedics r here", "i called 911",
# "im at the hospital now", "my wife is driving me to hospital", "i called the crisis line"
HELP_CALLED = re.compile(
    r"\b(?:ambulance|paramedics?|medics|ems|help)(?:\s+(?:guys|crew|people|team|men))?\s+"
    r"(?:(?:is|are|r|has|have|just|finally)\s+)*(?:here|arrived|came|come|coming|been"
    r"|on\s+(?:its|their|the)\s+way)\b"
    # "the paramedics are with him now", "the ambulance took her"
    r"|\b(?:ambulance|paramedics?|medics|ems|doctors?|nurses?)(?:\s+(?:guys|crew|people|team|men))?"
    r"\s+(?:(?:is|are|r)\s+(?:now\s+)?)?"
    r"(?:with|seeing|treating|looking\s+after|helping|took|has\s+taken|have\s+taken|taking)\s+"
    r"(?:him|her|them|me|us)\b"
    r"|\b(?:called|rang|phoned|dialled|dialed|calling|ringing|texted|spoke\s+to|talked\s+to)\s+"
    r"(?:911|999|112|000|988|111|an?\s+ambulance|the\s+ambulance|emergency\s+services"
    r"|for\s+an\s+ambulance|(?:the|a)\s+crisis\s+(?:line|team)|samaritans|shout)\b"
    r"|\b(?:already\s+)?(?:called|rang|phoned)\s+them\b"
    r"|\b(?:they'?re|theyre|they\s+are)\s+(?:already\s+)?(?:on\s+(?:their|the)\s+way|coming)\b"
    r"|\b(?:911|999|112|000|ambulance|paramedics?)\s+(?:is|are)\s+on\s+the\s+(?:phone|line)\b"
    r"|\b(?:driving|taking|bringing|rushing)\s+(?:me|him|her|them|us)\s+(?:to|into)\s+"
    r"(?:the\s+)?(?:hospital|er|a&e|emergency|urgent\s+care)\b"
    r"|\bon\s+(?:my|our|his|her|their|the)\s+way\s+to\s+(?:the\s+)?(?:hospital|er|a&e"
    r"|emergency|urgent\s+care)\b"
    r"|\b(?:at|in)\s+(?:the\s+)?(?:hospital|er|a&e|emergency\s+room|emergency\s+department"
    r"|urgent\s+care)\b"
)


def help_called(text: str) -> bool:
    """Whether a message says help has come or been called ("the paramedics are here")."""
    return HELP_CALLED.search(text.lower()) is not None


def stands_down(text: str) -> bool:
    """Whether a message after the emergency advice leaves it: the emergency is past or
    none, or help has come or been called."""
    lower = text.lower()
    return any(p.search(lower) is not None for p in (STOOD_DOWN, LONG_AGO, HELP_CALLED))


def is_emergency(flags: list[RedFlag], intent: str) -> str | None:
    """The category of emergency, or None.

    Any red flag that is neither negated nor only spoken of is an emergency. So is the
    classifier's `emergency` intent ("other": no phrase names it); when the message has red
    flags and none is live, that is the intent of the rest of the message (see
    `SafeUnderstanding`).
    """
    live = [flag for flag in flags if flag.live]
    if live:  # thoughts of suicide first (their advice gives the crisis line), then the
        # first told: the rules' spans come after the phrases' in `flags`
        return min(live, key=lambda flag: (flag.category != "suicide", flag.start)).category
    return NAMED_BY_NO_FLAG if intent == "emergency" else None


# a lump's small bleed: "the bump broke and is oozing, little blood", "a few drops of blood";
# the classifier reads "oozing" and "blood" as an emergency whatever the amount
SMALL_BLEED = re.compile(
    r"\b(?:(?:a\s+)?(?:little|tiny|wee)(?:\s+bit)?(?:\s+of)?|(?:a\s+)?bit\s+of|some|(?:a\s+)?few"
    r"\s+drops\s+of|(?:a\s+)?(?:drop|drops|spot|spots|smear|speck|trace|dot)\s+of)\s+blood\b"
    r"|\b(?:bled|bleeds|bleeding|oozing|oozed|oozes)\s+(?:just\s+|only\s+)?(?:a\s+)?"
    r"(?:little|tiny\s+bit|bit|touch|slightly|a\s+few\s+drops)\b"
)
# whose bleed it is: a lump's or the skin over it ("the bump broke"), not blood coughed up,
# vomited or passed, nor from the mouth, nose or head
OF_A_LUMP = re.compile(
    r"\b(?:lumps?|bumps?|deposits?|nodules?|calcium|calcinosis|calcifications?|sores?"
    r"|ulcers?|scabs?)\b"
)
NOT_OF_A_LUMP = re.compile(
    r"\b(?:cough\w*|vomit\w*|throw\w*\s+up|threw\s+up|puk\w*|spit\w*|mouth|gums?|nose"
    r"|ears?|eyes?|head|urine|pee\w*|wee|stools?|poo\w*|bowel\w*|bum|rectum|period|pregnan\w*"
    r"|baby|chest|lungs?)\b"
)
# with a small bleed, anything that makes it more than one: "a little blood, now lots",
# "feel faint", "wont stop"
NOT_SMALL = re.compile(
    r"\b(?:lots?|loads|heav\w*|pour\w*|gush\w*|spurt\w*|everywhere|soak\w*|faint\w*|dizzy"
    r"|pale|more\s+and\s+more|getting\s+worse|keeps?\s+(?:on\s+)?bleeding|won'?t\s+stop|wont"
    r"\s+stop|can'?t\s+stop|cant\s+stop|not\s+stopping|(?:will\s+)?not\s+stop)\b"
)


def tells_small_bleed(text: str) -> bool:
    """Whether a message tells of a little blood from a lump and of nothing that makes it
    more: what the classifier alone reads as an emergency is then no emergency (a red-flag
    phrase, such as "bleeding heavily", still is one). Not a little blood coughed up or
    passed, which no lump explains."""
    lower = text.lower()
    return (
        SMALL_BLEED.search(lower) is not None
        and OF_A_LUMP.search(lower) is not None
        and NOT_SMALL.search(lower) is None
        and NOT_OF_A_LUMP.search(lower) is None
    )
