"""Names that hold across articles: what the stream has learned about one-word names.

Within one article a surname is resolved to the full name printed earlier
(`entities.canonical`). An article that only ever says "Smith", or that names a
company "AcmeX" once with nothing around it, cannot do that alone, so the same
person gets another `entity_key` in every such article. The stream can: other
articles were sure of "John Smith" (a full name) or of "AcmeX" as an
organisation (named several times, always so). This module is the pure part:

* `sightings(entities)`: what one article is sure of, to be learned;
* `recall(entities, book)`: the article's one-word PERSON and ORG names completed
  from the book when it holds exactly one candidate for the word, the mentions
  and summary marked `canonical_source = "stream"`; never when it holds two.

The book itself (counts, time window, caps) is kept by the shells
(`worker/names.py`); the core gets the entries of the words it may need.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from worker.core.types import Entities, EntitySummary, Mention

# Labels the model confuses with each other on a bare word ("AcmeX said").
_CONFUSABLE = frozenset({"PERSON", "ORG"})
_MIN_SURE_MENTIONS = 2  # a one-word organisation named this often, always as one, is sure
MIN_ARTICLES = 2  # articles that must have been sure of a name before the stream lends it


@dataclass(frozen=True, slots=True)
class NameSighting:
    """One article was sure of one name: `word` (casefolded) stands for `canonical`."""

    word: str
    canonical: str
    entity_key: str
    label: str


@dataclass(frozen=True, slots=True)
class KnownName:
    """What the stream knows `word` may stand for, and in how many articles it did."""

    canonical: str
    entity_key: str
    label: str
    articles: int
    last_seen: str  # ISO time of the latest article that was sure of it


NameBook = Mapping[str, Sequence[KnownName]]  # casefolded word → the names it stood for


def sightings(entities: Entities) -> list[NameSighting]:
    """Full names of people (their surname stands for them), and one-word organisations
    named at least twice, always as organisations (the word stands for itself), that the
    article named itself: a name the stream lent it (`recall`) is not learned again."""
    found = []
    labels: dict[str, set[str]] = {}
    for mention in (*entities.mentions, *entities.title_mentions):
        labels.setdefault(mention.text.casefold(), set()).add(mention.label)
    for entity in entities.summary:
        if entity.canonical_source == "stream":
            continue
        words = entity.canonical.split()
        if entity.label == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            found.append(_sighting(words[-1], entity))
        elif (
            entity.label == "ORG"
            and len(words) == 1
            and entity.mentions >= _MIN_SURE_MENTIONS
            and labels.get(entity.canonical.casefold(), set()) == {"ORG"}
        ):
            found.append(_sighting(words[0], entity))
    return found


def _sighting(word: str, entity: EntitySummary) -> NameSighting:
    return NameSighting(word.casefold(), entity.canonical, entity.entity_key, entity.label)


def candidate(
    entity: EntitySummary, book: NameBook, min_articles: int = MIN_ARTICLES
) -> KnownName | None:
    """The one name of the book `entity`'s word stands for, if the book is sure of one.

    The book must know exactly one name for the word, seen in `min_articles`
    articles at least; a label the article did not give is taken only for a
    name it mentions once (no context of its own to go by).
    """
    if entity.label not in _CONFUSABLE or len(entity.canonical.split()) != 1:
        return None
    known = book.get(entity.canonical.casefold(), ())
    if len({name.entity_key for name in known}) != 1:
        return None
    (name,) = {name.entity_key: name for name in known}.values()
    if name.articles < min_articles or name.label not in _CONFUSABLE:
        return None
    if name.label != entity.label and entity.mentions > 1:
        return None
    return name if name.entity_key != entity.entity_key else None


def recall(entities: Entities, book: NameBook, min_articles: int = MIN_ARTICLES) -> Entities:
    """`entities` with one-word names the book is sure of replaced by the book's name."""
    chosen = {
        entity.entity_key: name
        for entity in entities.summary
        if (name := candidate(entity, book, min_articles)) is not None
    }
    if not chosen:
        return entities
    return Entities(
        tuple(_recalled_mention(m, chosen) for m in entities.mentions),
        tuple(_recalled_mention(m, chosen) for m in entities.title_mentions),
        _merged_summary(entities.summary, chosen),
    )


def _recalled_mention(mention: Mention, chosen: Mapping[str, KnownName]) -> Mention:
    name = chosen.get(mention.entity_key)
    if name is None:
        return mention
    return replace(
        mention,
        label=name.label,
        canonical=name.canonical,
        entity_key=name.entity_key,
        canonical_source="stream",
    )


def _merged_summary(
    summary: Iterable[EntitySummary], chosen: Mapping[str, KnownName]
) -> tuple[EntitySummary, ...]:
    """Summary entries renamed; an entry whose new key the article already had joins it."""
    merged: dict[str, EntitySummary] = {}
    for entry in summary:
        name = chosen.get(entry.entity_key)
        if name is not None:
            entry = replace(
                entry,
                entity_key=name.entity_key,
                canonical=name.canonical,
                label=name.label,
                canonical_source="stream",
            )
        earlier = merged.get(entry.entity_key)
        merged[entry.entity_key] = entry if earlier is None else _joined(earlier, entry)
    return tuple(sorted(merged.values(), key=lambda s: (-s.salience, s.first_offset)))


def _joined(first: EntitySummary, second: EntitySummary) -> EntitySummary:
    """One entry for both; its name is the article's if either had it from the article
    (as `summarize` decides)."""
    sources = (first.canonical_source, second.canonical_source)
    offsets = [o for o in (first.first_offset, second.first_offset) if o >= 0]
    return replace(
        first,
        mentions=first.mentions + second.mentions,
        first_offset=min(offsets) if offsets else -1,
        in_title=first.in_title or second.in_title,
        in_lede=first.in_lede or second.in_lede,
        salience=max(first.salience, second.salience),
        canonical_source="article" if "article" in sources else "stream",
    )
