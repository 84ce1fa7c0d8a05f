"""How a message names calcinosis: one spelling for every rule that asks whether a message is
about it (whether it is declined, answered or said to be out of scope)."""

from __future__ import annotations

# "calcinosis", "calcification(s)", "calcium deposit(s)": a fragment for larger patterns
CALCINOSIS = r"calc(?:inosis|ifications?|ium\s+deposits?)\b"
