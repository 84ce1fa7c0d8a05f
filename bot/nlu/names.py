"""How a message names calcinosis: one spelling for every rule that asks whether a message is
about it (whether it is declined, answered or said to be out of scope)."""

from __future__ import annotations

import re

# "calcinosis", "calcification(s)", "calcium deposit(s)": a fragment for larger patterns
CALCINOSIS = r"calc(?:inosis|ifications?|ium\s+deposits?)\b"
# the same, with "calcified", as a pattern of its own: "my calcified lump" names it too
NAMES_CALCINOSIS = re.compile(rf"\b(?:{CALCINOSIS}|calcified\b)")
