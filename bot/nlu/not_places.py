"""Entity words that name no entity: "a few weeks back", "it came back" name no body part;
"found by accident" tells of no injury. An entity ruler matches the word wherever it stands;
the word before it says whether it names the entity."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


class NotPlaces:
    """Drops a one-word ``label`` entity, by its text or its value, that follows one of its
    ``not_after`` words."""

    def __init__(self, name: str, *, label: str, not_after: dict[str, list[str]]) -> None:
        self.name = name
        self.label = label
        self.not_after = {value: frozenset(words) for value, words in not_after.items()}

    def names_no_place(self, doc: Doc, ent: Span) -> bool:
        before = self.not_after.get(ent.text.lower()) or self.not_after.get(ent.ent_id_)
        return (
            before is not None
            and ent.label_ == self.label
            and ent.start > 0
            and doc[ent.start - 1].lower_ in before
        )

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents  # each read of doc.ents builds its spans again
        kept = [ent for ent in ents if not self.names_no_place(doc, ent)]
        if len(kept) != len(ents):
            doc.ents = kept
        return doc


@Language.factory("calcibot_not_places", default_config={"label": "body_site", "not_after": {}})
def make_not_places(
    nlp: Language, name: str, *, label: str, not_after: dict[str, list[str]]
) -> NotPlaces:
    return NotPlaces(name, label=label, not_after=not_after)
