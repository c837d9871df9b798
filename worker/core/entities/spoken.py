"""Speakers read at a quotation's cue as entities of their article.

The model misses some names that an attribution plainly gives ("said senior
guard Kayla Cooper"); `find_quotes` reads them at the cue. They join the
article's entities with the rules of the other names (`canonical.py`): a
variant of an article's full name is that name ("Smith" → "John Smith", via
`people.PersonNames`), and the article's one-word PERSON mentions that such a
name completes ("Cooper" elsewhere) take it as their canonical name too; the
summary is rebuilt over all mentions, so these people are ranked and counted
like the others. A speaker's words that overlap a mention of the extractor add
nothing: its spans come first.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from worker.core.entities.canonical import entity_key
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.people import PersonNames
from worker.core.entities.summary import summarize
from worker.core.quotes import find_quotes
from worker.core.quotes.names import SPEAKER_LABELS
from worker.core.types import Entities, Mention, Quote, Speaker


def quoted(
    body: str, title: str, entities: Entities, gaz: Gazetteer
) -> tuple[Entities, list[Quote], list[Quote]]:
    """The quotations of the body and the title, and the entities with their speakers."""
    quotes = find_quotes(body, entities.mentions)
    title_quotes = find_quotes(title, entities.title_mentions)
    return with_speakers(body, entities, quotes, title_quotes, gaz)


def with_speakers(
    body: str,
    entities: Entities,
    quotes: Sequence[Quote],
    title_quotes: Sequence[Quote],
    gaz: Gazetteer,
) -> tuple[Entities, list[Quote], list[Quote]]:
    """The entities with the named speakers that no mention covers, and the quotations
    with their speakers under the names those entities now have."""
    known = {m.entity_key for m in (*entities.mentions, *entities.title_mentions)}
    read = {
        q.speaker.canonical
        for q in (*quotes, *title_quotes)
        if q.speaker is not None
        and q.speaker.label == "PERSON"
        and q.speaker.entity_key not in known
    }
    if not read:
        return entities, list(quotes), list(title_quotes)
    people = PersonNames(
        {m.canonical for m in entities.mentions if m.label == "PERSON" and " " in m.canonical}
        | {name for name in read if " " in name},
        gaz,
    )
    mentioned = {m.entity_key: m.canonical for m in (*entities.mentions, *entities.title_mentions)}
    variants = [  # the article's one-word people, and one-word names read ("Smith" of "Mr.")
        *(name for key, name in mentioned.items() if key.startswith("PERSON:") and " " not in name),
        *(name for name in read if " " not in name),  # a full name read stays itself
    ]
    renamed = {  # those a read name completes, and read names a mention's name completes
        entity_key("PERSON", name): _person(people.canonical(name))
        for name in variants
        if people.canonical(name) != name and (name in read or people.canonical(name) in read)
    }
    body_quotes, in_title = _renamed(quotes, renamed), _renamed(title_quotes, renamed)
    mentions = _added(_rekeyed(entities.mentions, renamed), quotes, known, renamed)
    title_mentions = _added(
        _rekeyed(entities.title_mentions, renamed), title_quotes, known, renamed
    )
    places = {s.canonical: s.place for s in entities.summary if s.place is not None}
    summary = summarize(body, mentions, title_mentions, places.get)
    return Entities(tuple(mentions), tuple(title_mentions), summary), body_quotes, in_title


def _person(name: str) -> Speaker:
    return Speaker(name, entity_key("PERSON", name), "PERSON")


def _renamed(quotes: Iterable[Quote], renamed: dict[str, Speaker]) -> list[Quote]:
    return [
        replace(q, speaker=renamed[q.speaker.entity_key])
        if q.speaker is not None and q.speaker.entity_key in renamed
        else q
        for q in quotes
    ]


def _rekeyed(mentions: Iterable[Mention], renamed: dict[str, Speaker]) -> list[Mention]:
    return [
        replace(
            m,
            canonical=renamed[m.entity_key].canonical,
            entity_key=renamed[m.entity_key].entity_key,
        )
        if m.entity_key in renamed
        else m
        for m in mentions
    ]


def _added(
    mentions: list[Mention], quotes: Iterable[Quote], known: set[str], renamed: dict[str, Speaker]
) -> list[Mention]:
    """`mentions` and, in order, the names read at a cue for a speaker that is no entity
    of the extractor's (the name's words, not a pronoun: "Cooper" of "Kayla Cooper"),
    as mentions of the speaker's entity, when they overlap no mention (each span once)."""
    # A name the model gave a label no speaker has ("Kayla Cooper", WORK_OF_ART) is the speaker's.
    mislabelled = {(m.start, m.end) for m in mentions if m.label not in SPEAKER_LABELS}
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _ in spans]
    added: dict[tuple[int, int], Mention] = {}
    for q in quotes:
        said, words = q.speaker, q.speaker_mention
        if said is None or words is None or said.label != "PERSON" or said.entity_key in known:
            continue
        if not words.text[:1].isupper() or words.text not in said.canonical:
            continue  # "she", after the name it stands for
        at = bisect_right(starts, words.end - 1) - 1
        overlaps = at >= 0 and spans[at][1] > words.start
        if overlaps and (words.start, words.end) not in mislabelled:
            continue  # a mention of the extractor's: its span stands
        entity = renamed.get(said.entity_key, said)
        added.setdefault(
            (words.start, words.end),
            Mention(
                words.text, "PERSON", words.start, words.end, entity.canonical, entity.entity_key
            ),
        )
    kept = [m for m in mentions if (m.start, m.end) not in added]
    return sorted([*kept, *added.values()], key=lambda m: (m.start, m.end))
