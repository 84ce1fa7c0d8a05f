"""Requests the bot declines whatever the intent, and says so first (DESIGN.md §4.2): a dose
or advice about a medicine, whether someone has calcinosis or cancer, which only a doctor can
tell, and whether an appointment or a test can be skipped; when doubted or set against the
patient's own doctor, it defers to the doctor; and a lump that has opened or bleeds, which the
source does not cover, is to be seen soon. Each maps to a note
(`responses/templates/notes.j2`) that the agent sends before any action answers, so no
classifier error and no action server can leave it out."""

from __future__ import annotations

import functools
import re

from bot.nlu.names import CALCINOSIS

PEOPLE_AND_THINGS = (
    r"(?:my|his|her|our|the|a)\s+(?:dog|cat|pet|dad|father|mum|mom|mother|son|daughter|child"
    r"|kids?|husband|wife|partner|baby|photo|picture|look|sample|break|walk|test)\b"
)
MEDICINE_NAMES = (
    r"(?:meds|medicines?|medications?|tablets|pills|steroids?|drugs|paracetamol|ibuprofen"
    r"|aspirin|calpol|warfarin|prednisone|prednisolone|diltiazem|methotrexate|painkillers?"
    r"|hydroxychloroquine|plaquenil|cortisone|hydrocortisone|dexamethasone|azathioprine"
    r"|mycophenolate|ciclosporin|cyclosporine|tacrolimus|heparin|colchicine|omeprazole"
    r"|lansoprazole|pantoprazole|metformin|statins?|atorvastatin|simvastatin|amlodipine"
    r"|levothyroxine|furosemide|apixaban|rivaroxaban|insulin|allopurinol|alendronate"
    r"|methotrexat|predisolone|prednisolon|voltaren|diclofenac|naproxen|codeine|tramadol"
    r"|antibiotics?|tylenol|acetaminophen|panadol|advil|motrin|nurofen|aleve"
    r"|supplements?|magnesium|vitamins?(?:\s+[a-z]\d?)?|zinc)"
)
MEDICINES = rf"\b{MEDICINE_NAMES}\b"
# what is taken that is no medicine: "take him to the doctor", "take it off", "take a bath"
TAKEN_NOT_A_MEDICINE = (
    r"(?:him|her|them|it|me|us)\s+(?:to|off|out|in|for|with)\b"
    # "can they take the calcium lumps out?": surgery, not a medicine
    r"|(?:the|my|his|her|these|those|this|that)\s+(?:\w+\s+){0,2}(?:lumps?|bumps?|deposits?"
    r"|nodules?|calcium|calcifications?)\b"
    r"|(?:a|an)\s+(?:bath|shower|nap|rest|day|holiday)\b"
    r"|(?:more\s+|some\s+)?(?:photos?|pictures?|pics|notes|time)\b"
    # "can he take part in swimming lessons", "can she take a break"
    r"|part\b|(?:a\s+)?break\b|care\b"
)
MEDICINE_ADVICE = re.compile(
    # an amount: "5 mg", "how many tablets", "how much should i take"
    r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|ml|g|iu|milligrams?|units?)\b"
    r"|\bhow\s+(?:much|many)\s+(?:mg|milligrams?|micrograms?|mcg|iu|units?|tablets?|pills?"
    r"|capsules?|drops?)\b"
    r"|\bhow\s+(?:much|many)\b.*\b(?:should|can|do|to)\s+(?:(?:i|you|we|she|he|my\s+\w+)\s+)?"
    r"(?:take|be\s+(?:on|taking)|give)\b"
    # "is it safe to carry on with my calcium plus magnesium combo tablets", "give me a safe daily
    # milligram figure", "which over-the-counter tablets take the edge off"
    r"|\b(?:carry\s+on|keep\s+going|continue|keep\s+on)\s+(?:with|taking)\s+(?:my|the|his|her)\s+"
    r"(?:\w+\s+){0,4}?(?:tablets?|pills?|meds|medicines?|medication|supplements?)\b"
    r"|\b(?:daily\s+)?(?:milligram|mg|dose)\s+(?:figure|amount|number)\b"
    r"|\bwhich\s+(?:over[\s-]the[\s-]counter\s+|otc\s+)?(?:tablets|pills|painkillers|meds|medicines?)\s+"
    r"(?:\w+\s+){0,2}?(?:take|help|ease|for|stop|work)\b"
    # "how much ibuprofen is safe", "what painkiller and how much for the lumps"
    rf"|\bhow\s+(?:much|many)\s+(?:of\s+(?:my|the|his|her)\s+)?{MEDICINES}"
    rf"|{MEDICINES}\s+(?:and|&|\+)\s+how\s+(?:much|many)\b"
    # "what medicine she can take for this and how much?"
    rf"|{MEDICINES}\s+(?:i|you|he|she|they|we|my\s+\w+)\s+(?:can|could|should|shud|may|must)\s+"
    r"(?:take|give|have)\b"
    rf"|{MEDICINES}\b.*\band\s+how\s+(?:much|many)(?:\s+(?:of\s+it|to\s+(?:take|give)))?\W*$"
    # "my doctor said take 2 tablets a day ... am i on too few?"
    rf"|{MEDICINES}\b.*\b(?:on|taking|take)\s+too\s+(?:few|many|much|little)\b"
    r"|\b(?:should|can|could)\s+i\s+take\s+(?:more|less|fewer)(?:\s+(?:of\s+(?:it|them|my\s+\w+)"
    r"|tablets?|pills?|meds|medicine))?\W*$"
    # "whats the max paracetamol i can take a day"
    rf"|\b(?:max|maximum|most|limit\s+(?:of|for))\s+(?:\w+\s+){{0,2}}?{MEDICINES}"
    # a dose ("dose" alone is also a common typo of "does")
    r"|\b(?:dosage|dosing|doses)\b"
    r"|\b(?:what|the|a|right|correct|daily|max|maximum|usual|recommended|safe)\s+dose\b"
    r"|\bdose\s+(?:of|for|should)\b"
    # taking, stopping or changing a medicine (not "what steps can we take to lower the risk")
    r"|(?<!steps\s)(?<!measures\s)(?<!precautions\s)(?<!action\s)(?<!actions\s)"
    r"\b(?:can|could|should|shud|shoud|shld|may|must)\s+(?:i|he|she|they|we|my\s+\w+)\s+"
    r"(?:still\s+)?"
    rf"(?:take\b(?!\s+(?:{TAKEN_NOT_A_MEDICINE}))|(?:keep|stop|start)\s+(?:taking|giving)"
    rf"|come\s+off)\b(?!\s+{PEOPLE_AND_THINGS})"
    rf"|\b(?:stop|come\s+off|quit)\s+(?:my|the|his|her)\s+(?:\w+\s+)?{MEDICINE_NAMES}\b"
    # "thinking of stopping my methotrexate", "i'm coming off the steroids"
    r"|\b(?:stopping|quitting|coming\s+off|cutting\s+(?:down|out)|skipping|dropping)\s+"
    rf"(?:(?:my|the|his|her|all\s+(?:my|the|his|her))\s+)?(?:\w+\s+)?{MEDICINE_NAMES}\b"
    # told rather than asked: "i'm going to stop taking the colchicine", "i'll stop taking it"
    r"|\b(?:stop|stopping|quit|quitting|come\s+off|coming\s+off)\s+(?:taking|giving)\s+"
    rf"(?:(?:my|the|his|her|all\s+(?:my|the|his|her))\s+(?:\w+\s+)?{MEDICINE_NAMES}"
    r"|it|them)\b"
    # more or less of it: "shud i take more plaquenil", "should i up it"
    rf"|\b(?:take|taking|give|giving)\s+(?:more|less|extra)\s+(?:of\s+)?(?:\w+\s+)?{MEDICINES}"
    # "can i double up on my colchicine"
    r"|\b(?:double|doubling|triple)\s+up\s+(?:on\s+)?(?:my|the|his|her)?\b"
    r"|\b(?:should|shud|shld|can|could)\s+(?:i|we|he|she)\s+(?:up|increase|lower|reduce|double"
    r"|halve)\s+(?:it|them|the\s+dose|my\s+dose)\b"
    r"|\b(?:safe|ok|okay|fine|alright)\s+to\s+(?:take|keep\s+taking|stop\s+taking|come\s+off)\b"
    # "is it ok if i double it", "is it safe to skip them"
    r"|\b(?:safe|ok|okay|fine|alright)\s+(?:if|to)\s+(?:(?:i|we|he|she)\s+)?(?:double|halve"
    r"|triple|skip|up|increase|reduce|lower)\s+(?:it|them|the\s+dose|my\s+dose)\b"
    # giving one to someone: "can i give my son paracetamol for it"
    r"|\b(?:can|could|should|may)\s+(?:i|we)\s+give\s+(?:my\s+|him\s+|her\s+|them\s+)"
    rf"(?:\w+\s+){{0,4}}{MEDICINES}"
    # the amount: "the right amount of warfarin", "double my diltiazem", "put it back up"
    r"|\b(?:right|correct|safe|max(?:imum)?|usual)\s+amount\s+of\b"
    r"|\b(?:double|halve|triple|increase|decrease|lower|raise|reduce|adjust)\s+"
    rf"(?:up\s+)?(?:my|the|his|her)\s+(?:\w+\s+)?(?:{MEDICINE_NAMES}|dose|dosage)\b"
    r"|\bup\s+(?:my|the|his|her)\s+(?:\w+\s+)?(?:dose|dosage)\b"
    r"|\b(?:cut|split)\s+(?:my|the|his|her)\s+\w+\s+(?:to|in)\s+half\b"
    r"|\bput\s+(?:it|them|the\s+dose|my\s+dose)\s+(?:back\s+)?(?:up|down)\b"
    # what to give or take: "what can i give my mum for the pain", "what should he take for it"
    r"|\bwhat\s+(?:can|could|should|shall|do)\s+(?:i|we)\s+give\b"
    r"|\bwhat\s+(?:can|could|should|shall)\s+(?:i|we|she|he|they|my\s+\w+)\s+take\s+for\b"
    # "is ibuprofen ok for the pain", "which tablet is best", "tell me the tablet name"
    rf"|{MEDICINES}\s+(?:\w+\s+)?(?:ok|okay|safe|fine|good|alright|best)\s+(?:for|with|to)\b"
    r"|\bwhich\s+(?:tablets?|pills?|medicines?|medications?|drugs?|painkillers?|meds)\s+"
    r"(?:is|are|should|would|do|to|for|help|helps|work|works|best)\b"
    r"(?![^.?!]{0,20}\b(?:cause|causes|caused|lead\s+to)\b)"
    r"|\b(?:tablet|pill|medicine|drug)\s+name\b"
    # something put on it: "can i put voltaren gel on the sore bump", "is it ok to use
    # antibiotic cream on an open lump"
    r"|\b(?:(?:can|could|should|shud|shld|shall|may)\s+(?:i|we|he|she|they|you)|(?:safe|ok|okay"
    r"|fine|alright|good)\s+to)\s+(?:put|use|apply|rub|try)\s+(?:some\s+|a\s+bit\s+of\s+|an?\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:gel|cream|ointment|lotion|balm|spray|patch|neosporin|polysporin"
    r"|bacitracin|savlon|germolene|sudocrem|bepanthen|voltaren|deep\s+heat)(?:s|es)?\b"
    r"|\b(?:what|which)\s+(?:\w+\s+)?(?:gel|cream|ointment|lotion|balm)s?\b"
    r"|\b(?:gel|cream|ointment|lotion|balm)s?\s+(?:\w+\s+)?(?:ok|okay|safe|fine|alright|best)"
    r"\s+(?:for|on|with|to)\b"
    # the medicine named first: "i'm on warfarin, should i stop it"
    rf"|{MEDICINES}[^?!]{{0,50}}?\b(?:should|can|could|must|do)\s+(?:i|he|she|we|they)\s+"
    r"(?:stop|quit|come\s+off|skip|double|keep)\s+(?:taking\s+|giving\s+)?(?:it|them)\b"
    # as many as before, of a new brand: "do i take the same number as before?"
    r"|\b(?:take|give|taking|giving)\s+the\s+same\s+(?:number|amount|dose|dosage|quantity)\b"
    # a label that cannot be read: "the label on my tablets got wet and i cant read it"
    rf"|\blabel\b[^.?!]{{0,40}}?\b(?:can'?t|cannot|cant|unable\s+to)\s+(?:read|see|make\s+out)\b"
    rf"|\b(?:can'?t|cannot|cant|unable\s+to)\s+(?:read|see|make\s+out)\s+(?:the|my|his|her)\s+"
    r"(?:\w+\s+)?(?:label|prescription|instructions)\b",
)
# "is my dog at risk of calcinosis", "is the kidney a common place for calcium deposits", "is
# that true or what does cause calcinosis", "is that the same thing as calcification?": about
# calcinosis, not whether someone has it
NOT_AN_OBJECT = "".join(
    f"(?<!{word} )"
    for word in (
        *("for", "of", "with", "from", "to", "about", "in", "on", "by", "as"),
        *("cause", "causes"),
    )
)
# "do i have it?", "does my husband have calcinosis?", "is this calcification?", "diagnose me"
WHO_HAS_IT = re.compile(
    # "just tell me straight if its calcinosis"
    r"\btell\s+me\s+(?:straight\s+|honestly\s+|plainly\s+)?(?:if|whether)\s+(?:it'?s|its|it\s+is"
    r"|this\s+is|i\s+have|(?:he|she)\s+has|they\s+are)\s+(?:got\s+)?calcinosis\b|"
    # not "how long does she have", "how much time do i have", nor "which type do i have"
    # (which asks of the type)
    r"(?<!long\s)(?<!time\s)(?<!type\s)(?<!kind\s)(?<!one\s)"
    r"\b(?:do|does|did|could|might|may|would)\s+(?:you\s+think\s+)?"
    r"(?:i|he|she|they|we|my\s+\w+|our\s+\w+)\s+(?:really\s+)?(?:have|has|got)\b"
    r"(?!\s+(?:caused|been|to)\b)"
    r"|\b(?:have|has)\s+(?:i|he|she|they|we)\s+got\b"
    r"|(?<!what )\b(?:is|am)\s+(?:this|that|it|my\s+\w+|i)\s+(?:an?\s+)?"
    r"(?:calcinosis|calcification|calcium\s+deposits?|suffering)\b"
    r"|\bdiagnose\s+(?:me|him|her|them|my)\b"
    # "could this be calcinosis?", "could my hard lump be a calcium deposit?"
    r"|\b(?:could|can|might|may|would)\s+(?:this|that|it|these|they|the|my)\b(?:\s+\S+){0,6}?"
    r"\s+be\s+(?:an?\s+)?(?:calcinosis|calcification|calcium)\b"
    # "is the white stuff in my finger calcinosis?", "my mum's bumps are calcinosis?"
    r"|(?:^|[,;.!?]\s*)(?:is|are)\s+(?:the|this|that|these|those|my|his|her)\b[^?.!,]{0,40}?\s"
    rf"{NOT_AN_OBJECT}{CALCINOSIS}\s*[?.!]*\s*$"
    r"|\b(?:my|his|her|mum'?s|mom'?s|dad'?s)\s+(?:\w+\s+){0,2}(?:lumps?|bumps?|nodules?|spots?)\s+"
    rf"(?:is|are)\s+{CALCINOSIS}"
    r"|\b(?:so\s+)?(?:it'?s|it\s+is|that'?s)\s+(?:(?:definitely|defo|probably|surely|really)\s+)?"
    rf"{CALCINOSIS}\s*,?\s*(?:right|then|yeah|isn'?t\s+it)\b"
    # "so i have calcinosis, yes? just confirm", "she has calcinosis then?"
    r"|(?<!\bif\s)(?<!when\s)(?<!whether\s)(?<!because\s)(?<!since\s)"
    r"\b(?:i|he|she|they|we|my\s+\w+)\s+(?:definitely\s+|really\s+)?(?:have|has|got|'ve\s+got)"
    rf"\s+(?:got\s+)?{CALCINOSIS}\s*,?\s*(?:then\s*)?(?:\?|right\b|yes\b|yeah\b|correct\b"
    r"|don'?t\s+i\b|doesn'?t\s+(?:she|he)\b)"
    # "... consistent with calcinosis cutis.' so i have it?"
    r"|^(?:.*[.!?'\"]\s*)?(?:so\s+)(?:i|he|she|they|we|my\s+\w+)\s+(?:have|has|got)\s+(?:it|that|this)"
    r"\s*(?:then\s*)?\?"
    r"|\bjust\s+confirm\b|\b(?:can|could|would|will)\s+(?:you|u)\s+confirm\s+(?:that\s+|if\s+"
    r"|whether\s+)?(?:i|he|she|they|my\s+\w+|it'?s|its|it\s+is|this\s+is)\b"
    # "can you tell me if my son has calcinosis", "is that what my husband has"
    r"|\b(?:tell|say)\s+(?:me|us)\s+(?:if|whether)\s+(?:i|he|she|they|we|my\s+\w+)\s+"
    r"(?:really\s+)?(?:have|has|got)\b"
    # "can you tell us if its calcinosis or arthritis", "is that the calcium thing"
    r"|\b(?:tell|say)\s+(?:me|us)\s+(?:if|whether)\s+(?:it'?s|its|it\s+is|this\s+is|that'?s)\s+"
    rf"(?:an?\s+)?{CALCINOSIS}"
    r"|\bis\s+(?:that|this|it)\s+(?:the\s+)?calcium\s+(?:thing|stuff|one)\b"
    # "straight answer: calcinosis or not", "that the calc thing fr?"
    rf"|\b{CALCINOSIS}\s+or\s+not\b|\b(?:that|this|it)\s+(?:the\s+)?calc\s+(?:thing|stuff)\b"
    r"|\bis\s+(?:that|this|it)\s+what\s+(?:i|he|she|they|we|my\s+\w+)\s+(?:have|has|got|'ve\s+got)\b"
    # "pls just tell me what i have", "what is it in my case", "what is this hard lump"
    r"|\btell\s+me\s+what\s+(?:i|he|she|they)\s+(?:have|has|got|'ve\s+got)\b"
    r"|\bin\s+my\s+case\b"
    # "whats ur verdict, am i sick", "is my mum ill?"
    r"|\b(?:am\s+i|is\s+(?:he|she|my\s+\w+)|are\s+(?:they|we))\s+(?:really\s+)?"
    r"(?:sick|ill|unwell|healthy)\b(?!\s+(?:of|and\s+tired))"
    r"|\b(?:ur|your|the\s+bot'?s)\s+(?:verdict|diagnosis)\b"
    r"|\bwhat\s+is\s+(?:this|that)\s+(?:\w+\s+){0,2}(?:lump|bump|nodule|deposit|growth|swelling)\b"
    rf"|\bmean\s+(?:i|he|she|they|we|my\s+\w+)\s+(?:have|has|got)\s+(?:it\b|{CALCINOSIS})"
    rf"|\b(?:sound|sounds|look|looks)\s+like\s+{CALCINOSIS}"
    # "i also have one on my hip now, same thing?": whether a lump of theirs is the same
    r"|\b(?:i|he|she|my\s+\w+)\s+(?:also\s+|now\s+)?(?:have|has|got|'ve\s+got|'s\s+got)\b"
    r"[^?.!]{0,30}?\b(?:one|ones|another|lumps?|bumps?|nodules?|spots?|deposits?)\b"
    r"[^?.!]{0,40}?\bsame\s+(?:thing|stuff|as\s+(?:before|the\s+other|my\s+other))\b"
    # "tell me what this bump on my elbow is"
    r"|\bwhat\s+(?:this|that|my|the)\s+(?:\w+\s+)?"
    r"(?:lump|bump|nodule|deposit|spot|thing|growth|swelling)s?\b(?:\s+\S+){0,5}?\s+(?:is|are)\s*(?:[?.,!]|$)",
)
THINGS = r"(?:lumps?|bumps?|nodules?|deposits?|spots?|growths?|swellings?|things?|ones?)"
CANCER = (
    r"(?:cancer|cancerous|malignant|a\s+tumou?r|tumou?rs?|lymphoma|leuk(?:a)?emia|melanoma|sarcoma"
    r"|carcinoma|myeloma)\b"
)
# "could my mum's lumps be cancer", "is it cancerous?", "do i have cancer": of someone's own
# lump; "is calcinosis cancer?" and "can deposits turn into cancer?" ask of calcinosis
WHETHER_CANCER = re.compile(
    # "my mum died of cancer and now they found calcifications in me, am i next?"
    rf"\b{CANCER}\b[^?!]{{0,80}}?\bam\s+i\s+next\b|"
    # "part of me thinks this hard lump is secretly a tumour"
    r"\b(?:think|thinks|thinking|worried|scared|afraid|convinced|feel\s+like)\b[^.?!,]{0,30}?"
    r"\b(?:(?:this|my|the|his|her)\s+(?:\w+\s+){0,2}?is|its|it'?s|it\s+is)\s+(?:secretly\s+"
    rf"|actually\s+|really\s+)?(?:an?\s+)?{CANCER}\b|"
    # "This is a skin cancer yes?": told and asked
    rf"\b(?:this|it|that)\s+is\s+(?:an?\s+)?(?:\w+\s+)?{CANCER}\s*,?\s*(?:yes|right|yeah|no|isn'?t\s+it)?"
    r"\s*\?|"
    # "so could mine turn into cancer": one's own, not "can deposits turn into cancer?"
    r"\b(?:could|can|will|might|would)\s+(?:mine|my\s+\w+|his|hers|her\s+\w+|his\s+\w+)\s+"
    rf"(?:turn|become|develop|change)\s+(?:in)?to\s+(?:an?\s+)?{CANCER}|"
    r"\b(?:is|am|are)\s+(?:this|that|it|i|these|those|they|(?:the|my|his|her|our)\s+\w+)"
    rf"\s+(?:{THINGS}\s+)?(?:an?\s+)?{CANCER}"
    r"|\b(?:could|can|might|may|would)\s+(?:this|that|it|these|they|the|my|his|her|our)\b"
    rf"(?:\s+\S+){{0,6}}?\s+be\s+(?:an?\s+)?{CANCER}"
    r"|\b(?:do|does|did|could|might|may)\s+(?:you\s+think\s+)?(?:i|he|she|they|we|my\s+\w+)\s+"
    rf"(?:really\s+)?(?:have|has|got)\s+(?:an?\s+)?{CANCER}"
    rf"|\b(?:sound|sounds|look|looks)\s+like\s+(?:an?\s+)?{CANCER}"
    # "so if i have calcification, does that mean i have a tumor?"
    r"|\b(?:does|do|could|would|might)\s+(?:this|that|it|these|those)\s+mean\s+(?:that\s+)?"
    r"(?:i|he|she|they|we|my\s+\w+)\s+(?:\w+\s+)?(?:have|has|got)\s+(?:an?\s+)?"
    rf"{CANCER}"
    # "my mammogram showed calcifications, does that mean cancer?", "is that a sign of cancer"
    r"|\b(?:does|do|could|would|might|can)\s+(?:this|that|it|these|those)\s+mean\s+(?:that\s+)?"
    rf"(?:it'?s\s+|its\s+|it\s+is\s+|they'?re\s+|there'?s\s+)?(?:an?\s+)?{CANCER}"
    r"|\b(?:is|are)\s+(?:this|that|it|these|those|they)\s+(?:an?\s+)?(?:sign|signs|symptom"
    rf"|symptoms|warning\s+sign)\s+of\s+(?:an?\s+)?{CANCER}"
    # "they see calcifications. this is cancer?", "should i be scared its cancer"
    rf"|\b(?:this|that|it)\s+is\s+(?:an?\s+)?{CANCER}\s*\?"
    r"|\b(?:scared|afraid|worried|frightened|terrified)\s+(?:that\s+)?(?:it'?s|its|it\s+is"
    rf"|this\s+is|they'?re|it\s+might\s+be|it\s+could\s+be)\s+(?:an?\s+)?{CANCER}"
    # "does calcification on a scan mean tumour?", "why did you say tumors", "are you saying my
    # baby has a tumor"
    r"|^(?=.*\b(?:scan|x-?ray|xray|mammogram|report|ct|mri|ultrasound|results?)\b)"
    rf".*\bmean\s+(?:that\s+)?(?:it'?s\s+|its\s+|there'?s\s+)?(?:an?\s+)?{CANCER}"
    rf"|\bwhy\s+(?:did|do)\s+you\s+(?:say|mention|bring\s+up)\s+(?:an?\s+)?{CANCER}"
    r"|\b(?:are\s+you\s+saying|you\s+mean)\s+(?:that\s+)?(?:i|he|she|they|we|my\s+\w+)\s+"
    rf"(?:has|have|got)\s+(?:an?\s+)?{CANCER}"
    # "is that the cancer coming back??", "is it the cancer back?", "so is it the cancer or not"
    rf"|\b(?:is|could|might)\s+(?:this|that|it)\s+(?:be\s+)?(?:the|my|his|her)\s+{CANCER}"
    rf"|\b{CANCER}\s+(?:is\s+|has\s+|might\s+be\s+|could\s+be\s+)?(?:coming\s+|come\s+)?back\b"
    # "are my granulomas going to become malignant?", "will mine turn into cancer?"
    r"|\b(?:are|is|will)\s+(?:mine|hers|(?:my|his|her|our)\s+\w+)\s+(?:ever\s+)?"
    r"(?:going\s+to\s+|gonna\s+)?(?:become|turn"
    rf"|turning|becoming)\s+(?:into\s+)?(?:an?\s+)?{CANCER}"
    # "so its not cancer right?": whether it is, put as a no to be confirmed
    rf"|\b(?:it'?s|its|it\s+is|that'?s|thats|they'?re|theyre)\s+not\s+(?:an?\s+)?{CANCER}"
    r"[^.?!]{0,12}?(?:\bright\b|\byeah\b|\bthen\b|\bisn'?t\s+it\b|\?)"
    # "how likely is it to be malignant?", "what are the chances mine are cancer"
    r"|\b(?:how\s+likely|what\s+(?:are|is)\s+the\s+(?:chances?|odds|risk))\b[^.?!]{0,12}?"
    r"\b(?:it|this|that|they|mine|these|those|(?:my|his|her)\s+\w+)\s+(?:is|are|to\s+be|being)"
    rf"\s+(?:an?\s+)?{CANCER}",
)
# "what else could it be", "is that scleroderma", "so its probably fine yeah?": what
# someone's lump or complaint is, or whether it is serious, which only a doctor can tell
WHAT_IT_IS = re.compile(
    r"\bwhat\s+(?:else\s+)?(?:could|might|may|would|can)\s+(?:it|this|that|they|these|those"
    r"|(?:my|his|her)\s+\w+)\s+(?:possibly\s+|really\s+|else\s+)?be\b"
    r"(?!\s+(?:\w+ed|due|from|because|done|made|seen|found|mistaken|taken)\b)"
    # not a worry told: "i'm frightened about what this could be"
    r"|(?<!about\s)(?<!of\s)\bwhat\s+(?:it|this|that|they)\s+(?:could|might|may)\s+"
    r"(?:possibly\s+)?be"
    r"(?:\s+(?:please|pls))?\s*(?:[?.!]|$)"
    r"|\bwhat\s+do\s+you\s+think\s+(?:it|this|that|they)\s+(?:is|are)\b"
    r"|(?<!what\s)\b(?:is|could)\s+(?:that|this|it|these|those)\s+(?:be\s+)?(?:an?\s+)?"
    r"(?:scleroderma|lupus|arthritis|rheumatoid\s+arthritis|dermatomyositis|gout|raynaud'?s"
    r"|psoriasis|infection|infected)\b(?!\s+(?:that|which)\b)"
    r"|\b(?:so\s+)?(?:it'?s|its|it\s+is|that'?s|thats|they'?re)\s+(?:probably|likely|definitely"
    r"|surely|most\s+likely)?\s*(?:fine|ok|okay|nothing(?:\s+serious)?|harmless|benign"
    r"|not\s+serious|not\s+dangerous)\b[^.?!]{0,12}?(?:\bright\b|\byeah\b|\bthen\b"
    r"|\bisn'?t\s+it\b|\?)",
)
PLACE = "".join(f"(?<!{word} )" for word in ("on", "in", "under", "near"))
WHAT_IT_IS = re.compile(
    WHAT_IT_IS.pattern
    # "is dangerous? what to do?", "it is grave?": asked in few words
    + r"|(?:^|[.?!,;]\s*)(?:is|it\s+is|is\s+it|this\s+is|is\s+this)\s+(?:dangerous|danger|grave"
    + r"|serious|bad)\s*\?"
    # "should i be worried?", "is it dangerous?": whether their lump is serious
    + r"|\bshould\s+(?:i|we|she|he|they)\s+(?:be\s+)?(?:worried|worry|concerned|panic)\b"
    + r"|\b(?:is|are)\s+(?:(?:it|this|that|these|those|they|mine)\s+(?:\w+\s+)?"
    + rf"|{PLACE}(?:my|his|her|the)\s+(?:\w+\s+)?{THINGS}\s+(?:[\w']+\s+){{0,4}}?)"
    + r"(?:dangerous|serious|bad|worrying|something\s+to\s+worry\s+about)\b"
    + r"(?:\s+for\s+(?:the|my|her)\s+(?:baby|pregnancy)\b|(?!\s+(?:to|for|luck)\b))"
    # "is mine crystalline or fibrous-scar?", "mine must be fibrous-scar, right?"
    + r"|\b(?:is|are)\s+(?:mine|hers|his|theirs|(?:my|his|her)\s+(?:calcinosis|calcification"
    + rf"|{THINGS}))\s+(?:the\s+)?(?:crystalline|fibrous)"
    + r"|\b(?:mine|hers|theirs|(?:my|his|her)\s+(?:calcinosis|calcification"
    + rf"|{THINGS}))\s+(?:must|has\s+to|should|would)\s+be\b"
    # "so it's fibrous-scar, yes or no?", "that means its the inflammatory type doesnt it"
    + r"|\b(?:it'?s|its|it\s+is|that'?s|thats|they'?re|theyre|mine\s+is|mine'?s|i\s+have"
    + r"|(?:my|his|her|their)\s+(?:\w+\s+)?(?:calcinosis|calcification|deposits?|lumps?|bumps?"
    + r"|ones?)\s+(?:is|are))\s+"
    + r"(?:the\s+)?(?:crystalline|fibrous|inflammatory|inflammation)\b[^.?!]{0,30}?"
    + r"(?:\bright\b|\byeah\b|\bthen\b|\b(?:isn'?t|doesn'?t|doesnt|isnt)\s+it\b"
    + r"|\byes\s+or\s+no\b|\?)"
    + r"|\bwhich\s+(?:type|kind|one)\s+(?:is|are|do|does|have)\s+"
    + r"(?:mine|i|my|his|her|hers|she|he)\b",
)
# what caused someone's own lump: "so it was the fall that caused it?", "is the lupus the
# reason for my lumps?", "was it my steroids that did this?"
WHAT_CAUSED_IT = re.compile(
    # "is it my fault, i took calcium tablets while pregnant", "did i cause this"
    r"\b(?:is|was)\s+(?:it|this|that)\s+(?:all\s+)?my\s+fault\b|\bdid\s+i\s+cause\s+(?:it|this|that|them)\b"
    r"|\bbecause\s+of\s+(?:me|something\s+i\s+did)\s*\?|"
    r"\b(?:so\s+)?(?:it\s+was|it'?s|was\s+it|is\s+it)\s+(?:the|my|his|her)\s+(?:\w+\s+){1,2}?"
    r"(?:that|which)\s+(?:caused|causes|did|made|gave)\b"
    r"|\b(?:is|was)\s+(?:the|my|his|her)\s+(?:\w+\s+){1,2}?(?:the\s+)?(?:reason|cause)\s+"
    r"(?:for|of|why)\s+(?:my|his|her|the|these|those|this|it|them|(?:i|he|she)\s+(?:have|has|got))\b"
    r"|\b(?:could|might|may|would)\s+(?:the|my|his|her)\s+(?:\w+\s+){1,2}?have\s+(?:caused|given"
    r"\s+(?:me|him|her))\s+(?:it|this|them|these|those|(?:my|his|her|these|those)\s+\w+)\s*\??\s*$"
    # "my doctor thinks its from the car accident, is he right?"
    r"|\b(?:its|it'?s|it\s+is|it\s+was)\s+(?:from|because\s+of|due\s+to|caused\s+by)\b[^?]{0,50}?"
    r"\b(?:is\s+(?:he|she|that|it|this)\s+(?:right|true|correct)|is\s+that\s+so|right\s*\?)"
    r"|\b(?:did|could)\s+(?:the|my|his|her)\s+(?:\w+\s+){1,2}?(?:cause|give\s+(?:me|him|her))\s+"
    rf"(?:my|his|her|these|those|this|them|it)\b(?:\s+(?:\w+\s+)?{THINGS})?\s*\??\s*$",
)
# pressing right after a decline: "come on just tell me yes or no", "just give me a rough
# number", "ok what about for my 10 year old": asks again for what was declined
PRESSES = re.compile(
    r"\bjust\s+(?:tell|say|give)\b"
    r"(?!\s+(?:me\s+|us\s+)?(?:what|how|why|where|which|when|about|more))"  # a new question
    r"|\byes\s+or\s+no\b|\brough(?:ly)?\b|\bballpark\b"
    r"|\bestimate\b|\b(?:best|your|a)\s+guess\b|\bapproximately\b|\bat\s+least\s+roughly\b"
    r"|^\W*(?:\w+\W+){0,2}(?:what|how)\s+about\s+(?:for\s+)?(?:my|a|his|her|an?)\s+(?:\d+|\w+)"
    r"|^\W*(?:\w+\W+){0,2}(?:and\s+)?for\s+(?:my|a|his|her|an?)\s+(?:\d+\s*(?:yr|year)s?"
    r"|child|kid|son|daughter|baby|toddler|husband|wife|mum|mom|dad)\b",
)
# whether an appointment, a test or a recall can be skipped: "that means i don't need to go to
# the recall appointment right?", "can i cancel my scan", "do i still need to go to my review"
APPOINTMENTS = (
    r"(?:appointments?|appt|recall|follow[- ]?ups?|check[- ]?ups?|scans?|mammograms?|biops(?:y|ies)"
    r"|referrals?|screenings?|x-?rays?|ultrasounds?|reviews?|clinic|tests?)\b"
)
SKIPS_APPOINTMENT = re.compile(
    r"\b(?:skip|skipping|cancel|cancell?ing|miss|missing|ignore|ignoring|put\s+off|putting\s+off"
    r"|postpone|postponing|not\s+(?:go|going|bother\s+going)\s+to"
    r"|(?:don'?t|dont|do\s+not|doesn'?t|won'?t)\s+(?:really\s+|even\s+)?(?:need|have)\s+to"
    r"\s+(?:go|attend|keep|bother)|no\s+need\s+(?:to\s+(?:go|attend|keep)|for))\b"
    # not work missed for them: "if i miss another day for appointments"
    r"(?!\s+(?:another\s+|a\s+|more\s+|any\s+more\s+)?(?:day|days|work|school|shift|shifts"
    r"|class|classes|lessons?)\b)"
    rf"[^.?!]{{0,40}}?\b{APPOINTMENTS}"
    r"|\b(?:do|does|should|must)\s+(?:i|she|he|we|they|my\s+\w+)\s+(?:still\s+|really\s+"
    rf"|even\s+)?(?:need|have)\s+to\s+(?:go|attend|keep)\b[^.?!]{{0,30}}?\b{APPOINTMENTS}"
    # "they want a biopsy of the lump, im thinking of just skipping it, is that ok?"
    rf"|\b{APPOINTMENTS}[^?!]{{0,90}}?\b(?:skip|skipping|cancel|cancell?ing|miss|missing"
    r"|ignore|ignoring|put\s+off|putting\s+off|not\s+go|not\s+going|not\s+bother(?:ing)?)"
    r"(?:\s+(?:it|them|that|this)\b|\s*\?)"
    # "doc says i need an xray of the bump but i dont see the point, can i just not go"
    rf"|\b{APPOINTMENTS}[^?!]{{0,90}}?\b(?:can|could|should|may)\s+(?:i|we|she|he|they)\s+"
    r"(?:just\s+)?not\s+(?:go|bother|attend)\b"
    # "do i really need the scan"
    r"|\b(?:do|does)\s+(?:i|she|he|we|they|my\s+\w+)\s+(?:really|still|even|actually)\s+need\s+"
    rf"(?:the|this|that|my|her|his|an?)\s+(?:\w+\s+)?{APPOINTMENTS}"
    # "they want me to come back for a biopsy, should i bother or can i just wait?"
    rf"|\b{APPOINTMENTS}[^?!]{{0,60}}?\b(?:should\s+(?:i|we|she|he)\s+(?:even\s+)?bother"
    r"|(?:can|could|should)\s+(?:i|we|she|he)\s+(?:just\s+)?wait)\b",
)
# the bot doubted, or set against what the patient's own doctor said: "are you sure?", "my doctor
# said it's nothing to worry about", "that's not what my gp said"
CLINICIANS = r"(?:doctor|doc|gp|consultant|specialist|surgeon|nurse|rheumatologist|dermatologist)"
DOUBTED = re.compile(
    r"\bare\s+(?:you|u)\s+(?:really\s+)?sure\b"
    rf"|\b(?:that'?s|thats|that\s+is)\s+not\s+what\s+(?:my|the|her|his|our)\s+{CLINICIANS}"
    rf"|\b(?:my|the|her|his|our)\s+{CLINICIANS}\s+(?:said|says|told\s+(?:me|us|her|him)|thinks"
    r"|reckons)\b[^.?!]{0,30}?\b(?:nothing\s+to\s+worry|not\s+(?:to\s+worry|serious|dangerous"
    r"|worried|a\s+problem)|nothing\s+serious|harmless|benign|fine|otherwise|different|last\s+resort)",
)
# the source itself doubted, or the bot found no help: "your source is wrong", "thats rubbish",
# "thanks for nothing"
SOURCE_DOUBTED = re.compile(
    r"\b(?:your|the|this)\s+(?:source|text|info|information|answer|answers|bot)\s+(?:is|are|was"
    r"|seems?)\s+(?:\w+\s+)?(?:wrong|rubbish|useless|crap|outdated|out\s+of\s+date|incorrect"
    r"|nonsense|garbage|rubbish|bs)\b"
    r"|^\W*(?:that'?s|thats|that\s+is|this\s+is)\s+(?:just\s+|total\s+|complete\s+)?(?:not\s+true"
    r"|wrong|rubbish|nonsense|incorrect|garbage|bs|bollocks)\b",
)
# "thats not what i asked", "you didnt answer my question"
NOT_ANSWERED = re.compile(
    r"\b(?:that'?s|thats|that\s+is|this\s+is|that\s+was)\s+not\s+what\s+i\s+(?:asked|meant|said)\b"
    r"|\bnot\s+what\s+i\s+asked\b|\b(?:you|u)\s+(?:didn'?t|didnt|did\s+not|haven'?t|havent)\s+"
    r"answer(?:ed)?\s+(?:my|the)\s+question\b|\bthat\s+(?:doesn'?t|doesnt|does\s+not)\s+answer\b",
)
NOT_HELPED = re.compile(
    r"\bthanks?\s+(?:a\s+lot\s+)?for\s+nothing\b|\b(?:you'?re|youre|ur|u\s+r|you\s+are)\s+"
    r"(?:so\s+|totally\s+|completely\s+)?(?:useless|no\s+help|rubbish)\b"
    # of the bot, not a test: "this is a waste of time", not "says its a waste of time"
    r"|\b(?:this|that|you|u|this\s+bot|this\s+chat)\s+(?:is|was|are|r)\s+(?:a\s+|such\s+a\s+"
    r"|a\s+total\s+|a\s+complete\s+)?waste\s+of\s+(?:my\s+)?time\b"
    r"|^\W*what\s+a\s+waste\s+of\s+(?:my\s+)?time\b"
    r"|\b(?:you'?re|youre|you\s+are|this\s+is|that\s+was)\s+not\s+(?:very\s+)?helpful\b"
    r"|\bno\s+help\s+at\s+all\b",
)
# a lump told to have opened, bled or leaked, which the source does not cover: to be seen
# soon, whatever else the message asks ("one lump is open now and it bleeds a little", "his
# calcium lump has opened up and white chalky stuff is coming out"); heavy bleeding is a red flag
OPENED = re.compile(
    # not an everyday wound, or a story's, with no lump named: "my hands are bleeding from
    # gardening", "scraped my knuckles on the fence", "a patient bled out on the tv show"
    r"^(?!(?=.*\b(?:scraped|scrape|grazed|graze|scratched|nicked|nick|paper\s+cuts?|shaving"
    r"|gardening|thorns?|brambles?|roses?|fence|bled\s+out|tv|show|film|movie|episode)\b)"
    r"(?!.*\b(?:lumps?|bumps?|deposits?|nodules?)\b))"
    r"(?=.*\b(?:lumps?|bumps?|deposits?|nodules?|calcium|calcinosis|calcifications?|ones?"
    r"|it|they|skin)\b)"
    # not denied: "it hasn't opened or bled", "no bleeding"
    r"(?!.*\b(?:no|not|never|without|(?:has|have|is|are|does|do|did)n'?t)\b"
    r"(?!\s+(?:stopped|stopping|stop)\b)[^.?!,;]{0,25}"
    r"(?:open|burst|bleed|bled|ooz|leak|pus|weep))"
    r".*(?:\b(?:has|have|had|is|are|it'?s|its|they'?re|theyre|just|now)\s+(?:\w+\s+)?"
    r"(?:opened|burst|broken\s+open|split\s+open|come\s+open|ulcerated|broke|broken)\b"
    r"|\b(?:has|have|had)\s+(?:\w+\s+)?split\b"
    r"|\b(?:lumps?|bumps?|deposits?|nodules?|it)\s+(?:has\s+|just\s+)?(?:broke|burst|split)\b"
    r"|\b(?:little|bit\s+of|some|bit|spot\s+of|drop\s+of|few\s+drops\s+of)\s+blood\b"
    r"|\b(?:lumps?|bumps?|deposits?|nodules?|ones?|it|skin|sore)\s+(?:\w+\s+){0,2}"
    r"(?:is|are|'s|that'?s|thats|which\s+is)\s+(?:now\s+)?open\b"
    r"|\bopened\s+up\b"
    # not "im bleeding money on doctor visits"
    r"|\b(?:bleeds|bleeding|bled|oozing|oozes|oozed|ooze|leaking|leak|leaks|seeping|seeps|pus)\b"
    r"(?!\s+(?:money|cash|\w+\s+dry))"
    # "sometimes one comes through the skin", "they burst and ooze", "break open"
    r"|\b(?:comes?|came|coming|poking|pokes|broke|broken|breaks)\s+(?:out\s+)?(?:through|thru"
    r"|outta|out\s+of)\s+(?:the\s+)?skin\b"
    r"|\b(?:that|which|they|it|one|ones|lumps?|bumps?|deposits?|nodules?)\s+(?:\w+\s+)?"
    r"(?:burst|bursts|break\s+open|breaks\s+open|broke\s+open)\b"
    r"|\b(?:is|are|it'?s|its|they'?re|theyre|has\s+been)\s+weeping\b"
    r"|\bweeping\s+(?:one|lump|bump|deposit|spot|sore)\b"
    r"|\b(?:white|chalky|creamy|yellow|yellowish|gritty)\s+(?:\w+\s+)?(?:stuff|bits?|paste"
    r"|liquid|material|gunk)\s+(?:is\s+|keeps\s+)?(?:coming|came|comes|leaking|oozing|seeping)"
    r"(?:\s+out)?\b)",
    re.DOTALL,
)
# what may have opened or bled: the clause that says so tells whose it is
OPENING_WORDS = re.compile(
    r"\b(?:bleed\w*|bled|blood(?!\s+(?:vessels?|tests?|pressure|sugars?|work|cells?))|bloody"
    r"|ooz\w*|leak\w*|pus|weep\w*|seep\w*|open\w*|burst\w*|broke\w*|split)\b"
)
LUMP_WORDS = re.compile(
    r"\b(?:lumps?|bumps?|deposits?|nodules?|calcium|calcinosis|calcifications?|them|ones?)\b"
)
# bleeding that is not a lump's: "my nose bled a bit yesterday", "she bled after being spayed",
# "the heroine bleeds to death", "heavy bleeding in labour", and bleeding that has stopped
BLED_ELSEWHERE = re.compile(
    r"\b(?:nose|nosebleeds?|gums?|lips?|period|periods|labou?r|birth|spay\w*|neuter\w*"
    r"|heroine|hero|character|(?:bleeds?|bled|bleeding)\s+(?:out|to\s+death)"
    r"|giving\s+blood|gave\s+blood|blood\s+donation|donating\s+blood|blood\s+tests?)\b"
    r"|^(?!.*\b(?:not|never|n'?t|hasnt|havent|didnt|wont|isnt)\s+(?:\w+\s+)?"
    r"(?:stopped|healed))(?=.*\b(?:stopped|healed)\b)"
)
CLAUSE_MARKS = re.compile(r"[,;.!?]+")


def of_a_lump(text: str) -> bool:
    """Whether what a message says opened, bled or leaked may be a lump: not when each clause
    that says so tells of other bleeding, and names no lump ("cut my finger on a tin can
    earlier, its stopped bleeding now. does calcinosis run in families")."""
    clauses = [c for c in CLAUSE_MARKS.split(text) if OPENING_WORDS.search(c)]
    return not clauses or any(LUMP_WORDS.search(c) or not BLED_ELSEWHERE.search(c) for c in clauses)


# "why did you say tumours", "what do you mean tumours??": a general sentence of the source
# taken as said of the patient
NOT_ABOUT_YOU = re.compile(
    r"\b(?:why\s+(?:did|do|would)\s+(?:you|u)\s+(?:say|mention|bring\s+up|talk\s+about)"
    r"|what\s+do\s+(?:you|u)\s+mean(?:\s+by)?|who\s+said\s+anything\s+about"
    r"|nobody\s+said\s+anything\s+about|no\s+one\s+said\s+anything\s+about"
    r"|are\s+(?:you|u)\s+saying\s+(?:i|it|she|he)\s+(?:have|has|is|might)?)"
    r"[^.?!]{0,20}?\b(?:tumou?rs?|cancer|cancerous|malignant)\b"
)
# a lump that grows fast, which the source does not cover: to be seen soon
GROWS_FAST = re.compile(
    # of a lump, not a child: "mine have doubled", "the lump on my elbow is growing fast"
    r"\b(?:lumps?|bumps?|deposits?|nodules?|ones?|it|its|it's|they|they're|theyre|mine|this|that"
    r"|these|them)\s+(?:\w+\s+){0,4}?"
    r"(?:(?:doubled|tripled)\s+(?:in\s+size|in\s+a\s+\w+)"
    r"|(?:growing|grown|grows|got|getting|gotten)\s+(?:really\s+|very\s+|so\s+)?"
    r"(?:fast|quickly|rapidly|(?:much|way|a\s+lot)\s+bigger\s+(?:in|over))\b"
    r"|(?:twice|three\s+times)\s+(?:as\s+big|the\s+size)"
    # "its going purple", "turned black"
    r"|(?:going|gone|turning|turned|went)\s+(?:\w+\s+)?(?:purple|black|dark\s+blue))\b"
)
# a lump that may be infected, which the source does not cover: red, hot or swollen with a
# fever ("the lump on my elbow is red hot and swollen and i feel feverish")
INFECTED = re.compile(
    r"^(?=.*\b(?:lumps?|bumps?|deposits?|nodules?|it|its|it's|they|one)\b)"
    r"(?=.*\b(?:red|hot|warm|swollen|swelling|inflamed|angry)\b)"
    r"(?=.*\b(?:fever\w*|temperature|temp|shiver\w*|shivery|chills|feel\s+(?:really\s+)?unwell)\b)"
    r"(?!.*\b(?:no|not|without|never)\s+(?:a\s+)?(?:fever|temperature|temp)\b)",
    re.DOTALL,
)
# a story being written, whose people no one can diagnose
STORY = re.compile(
    r"\bwriting\s+(?:a|an|my|the)\s+(?:\w+\s+){0,2}(?:story|novel|book|script|screenplay|play"
    r"|poem)\b|\bfor\s+(?:my|a|the)\s+(?:\w+\s+)?(?:novel|story|book|script|screenplay)\b"
    r"|\b(?:a|the|my|one|main)\s+character\b"
)
DECLINED_CACHE_SIZE = 1024
# the notes in the order a reply gives them; whether it is cancer also says whether it is
# calcinosis, so a message that asks both gets the one note
DECLINED = (
    ("no_medicine_advice", MEDICINE_ADVICE),
    ("not_about_you", NOT_ABOUT_YOU),
    ("cannot_tell_cancer", WHETHER_CANCER),
    ("cannot_tell", WHO_HAS_IT),
    ("cannot_tell_what", WHAT_IT_IS),
    ("cannot_tell_cause", WHAT_CAUSED_IT),
    ("keep_appointment", SKIPS_APPOINTMENT),
    ("doctor_knows_best", DOUBTED),
    ("source_doubted", SOURCE_DOUBTED),
    ("not_helped", NOT_HELPED),
    ("not_answered", NOT_ANSWERED),
    ("see_soon", OPENED),
    ("see_soon_growing", GROWS_FAST),
    ("see_soon_infected", INFECTED),
)
# a note left out when one of these is given: one diagnosis note a reply
SUPERSEDED_BY = {
    "cannot_tell_cancer": frozenset({"not_about_you"}),
    "cannot_tell": frozenset({"cannot_tell_cancer", "not_about_you"}),
    "cannot_tell_what": frozenset({"cannot_tell", "cannot_tell_cancer", "not_about_you"}),
    "cannot_tell_cause": frozenset({"cannot_tell", "cannot_tell_cancer", "cannot_tell_what"}),
    "source_doubted": frozenset({"doctor_knows_best"}),
}
DIAGNOSIS_NOTES = frozenset(
    {"cannot_tell", "cannot_tell_cancer", "cannot_tell_what", "cannot_tell_cause", "not_about_you"}
)


def tells_a_story(text: str) -> bool:
    """Whether a message asks for a story being written ("for my novel, an old man has
    calcinosis"): no real person's case."""
    return STORY.search(text) is not None


@functools.lru_cache(maxsize=DECLINED_CACHE_SIZE)
def declined(text: str) -> tuple[str, ...]:
    """The notes a reply to ``text`` starts with, in order. A turn asks up to three times (the
    agent, the form's validation, the answer) and patients repeat short messages, while the
    patterns cost some 10 to 80 µs a text: so the latest texts' notes are kept. The patterns
    are written in lower case and matched on lower case (case-blind matching costs them
    nearly twice the time)."""
    text = text.lower()
    notes = [note for note, pattern in DECLINED if pattern.search(text)]
    if "see_soon" in notes and not of_a_lump(text):
        notes.remove("see_soon")
    if tells_a_story(text):  # "a character with scleroderma gets calcinosis. what symptoms would
        # she have?": no one to tell anything of, and what the source says answers
        notes = [note for note in notes if note not in DIAGNOSIS_NOTES]
    return tuple(note for note in notes if SUPERSEDED_BY.get(note, frozenset()).isdisjoint(notes))


def presses(text: str) -> bool:
    """Whether a message presses for an answer the bot has just declined."""
    return PRESSES.search(text.lower()) is not None
