"""Requests the bot declines whatever the intent, and says so first (DESIGN.md §4.2): a dose
or advice about a medicine, and whether someone has calcinosis, which only a doctor can tell.
Each maps to a note (`responses/templates/notes.j2`) that the agent sends before any
action answers, so no classifier error and no action server can leave it out."""

from __future__ import annotations

import re

PEOPLE_AND_THINGS = (
    r"(?:my|his|her|our|the|a)\s+(?:dog|cat|pet|dad|father|mum|mom|mother|son|daughter|child"
    r"|kids?|husband|wife|partner|baby|photo|picture|look|sample|break|walk|test)\b"
)
MEDICINE_ADVICE = re.compile(
    # an amount: "5 mg", "how many tablets", "how much should i take"
    r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|ml|g|iu|milligrams?|units?)\b"
    r"|\bhow\s+(?:much|many)\s+(?:mg|milligrams?|tablets?|pills?|capsules?)\b"
    r"|\bhow\s+(?:much|many)\b.*\b(?:should|can|do|to)\s+(?:i\s+|you\s+)?take\b"
    # a dose ("dose" alone is also a common typo of "does")
    r"|\b(?:dosage|dosing|doses)\b"
    r"|\b(?:what|the|a|right|correct|daily|max|maximum|usual|recommended|safe)\s+dose\b"
    r"|\bdose\s+(?:of|for|should)\b"
    # taking, stopping or changing a medicine
    r"|\b(?:can|could|should|may|must)\s+(?:i|he|she|they|we|my\s+\w+)\s+(?:still\s+)?"
    rf"(?:take|keep\s+taking|stop\s+taking|start\s+taking|come\s+off)\b(?!\s+{PEOPLE_AND_THINGS})"
    r"|\b(?:stop|come\s+off|quit)\s+(?:my|the|his|her)\s+"
    r"(?:meds|medicines?|medications?|tablets|pills|steroids|drugs)\b"
    r"|\b(?:safe|ok|okay|fine|alright)\s+to\s+(?:take|keep\s+taking|stop\s+taking|come\s+off)\b",
    re.IGNORECASE,
)
# "do i have it?", "does my husband have calcinosis?", "is this calcification?", "diagnose me"
WHO_HAS_IT = re.compile(
    r"\b(?:do|does|did|could|might|may|would)\s+(?:you\s+think\s+)?"
    r"(?:i|he|she|they|we|my\s+\w+|our\s+\w+)\s+(?:really\s+)?(?:have|has|got)\b"
    r"(?!\s+(?:caused|been|to)\b)"
    r"|\b(?:have|has)\s+(?:i|he|she|they|we)\s+got\b"
    r"|(?<!what )\b(?:is|am)\s+(?:this|that|it|my\s+\w+|i)\s+"
    r"(?:calcinosis|calcification|calcium\s+deposits?|suffering)\b"
    r"|\bdiagnose\s+(?:me|him|her|them|my)\b",
    re.IGNORECASE,
)
DECLINED = (("no_medicine_advice", MEDICINE_ADVICE), ("cannot_tell", WHO_HAS_IT))


def declined(text: str) -> list[str]:
    """The notes a reply to ``text`` starts with, in order."""
    return [note for note, pattern in DECLINED if pattern.search(text)]
