"""The entity ruler's component: spaCy's `EntityRuler`, matching a doc without the per-doc
bookkeeping its phrase patterns do not need.

For every doc, `EntityRuler.match` counts all its patterns (to warn when there are none) and
resets the warning filters around its token matcher (to hush the warning that matcher gives
when it has no patterns); together they cost more than matching our phrases. Here a ruler
with phrase patterns alone runs its phrase matcher only, and orders the matches as spaCy does.
Anything else (token patterns, an empty ruler) goes through spaCy's own `match`; a test checks
that both give the same matches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import DEFAULT_ENT_ID_SEP
from spacy.tokens import Doc

Match = tuple[int, int, int]


def longest_first(match: Match) -> tuple[int, int]:
    """spaCy's order of matches (reversed): longer first, then the earlier one."""
    return match[2] - match[1], -match[1]


class PhraseRuler(EntityRuler):
    """Phrase patterns to entities, as `EntityRuler` sets them."""

    def match(self, doc: Doc) -> list[Match]:
        if self.token_patterns or not self.phrase_patterns:
            return super().match(doc)  # type: ignore[no-any-return]
        found = {(key, start, end) for key, start, end in self.phrase_matcher(doc) if start != end}
        return sorted(found, key=longest_first, reverse=True)


@Language.factory(
    "calcibot_entity_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite_ents": False,
        "ent_id_sep": DEFAULT_ENT_ID_SEP,
        "scorer": {"@scorers": "spacy.entity_ruler_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_phrase_ruler(
    nlp: Language,
    name: str,
    *,
    phrase_matcher_attr: int | str | None,
    matcher_fuzzy_compare: Callable[..., Any],
    validate: bool,
    overwrite_ents: bool,
    ent_id_sep: str,
    scorer: Callable[..., dict[str, Any]] | None,
) -> PhraseRuler:
    return PhraseRuler(
        nlp,
        name,
        phrase_matcher_attr=phrase_matcher_attr,
        matcher_fuzzy_compare=matcher_fuzzy_compare,
        validate=validate,
        overwrite_ents=overwrite_ents,
        ent_id_sep=ent_id_sep,
        scorer=scorer,
    )
