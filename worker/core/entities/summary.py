"""One `EntitySummary` per entity of an article, ranked by salience.

    salience = 0.45 * share + 0.20 * in_title + 0.20 * in_lede + 0.15 * early

* share: the entity's mentions (title + body) divided by the mentions of the
  most-mentioned entity of the article, so the main subject scores 1 whatever
  the article's length;
* in_title, in_lede: 1 if mentioned in the title / the first paragraph;
* early: 1 - first body offset / body length (0 if only in the title), since
  news puts what matters first.

The weights sum to 1, so salience is in [0, 1]; it is rounded to 4 decimals.
Ties are broken by first mention, then by key, so the order is deterministic.
GPE and LOC entities that the gazetteer knows also carry their `Place`. An
entity's name is the stream's (`canonical_source`) only when none of its
mentions has it from the article itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from worker.core.types import CanonicalSource, EntitySummary, Mention, Place

W_SHARE, W_TITLE, W_LEDE, W_EARLY = 0.45, 0.20, 0.20, 0.15


@dataclass(slots=True)
class _Tally:
    canonical: str
    label: str
    mentions: int = 0
    first_offset: int = -1
    in_title: bool = False
    source: CanonicalSource = "stream"  # "article" once one mention's name is the article's


def summarize(
    body: str,
    mentions: Sequence[Mention],
    title_mentions: Sequence[Mention],
    place_of: Callable[[str], Place | None],
) -> tuple[EntitySummary, ...]:
    """Summaries of all entities, most salient first; `place_of` locates GPE/LOC names."""
    tallies: dict[str, _Tally] = {}
    for mention in (*title_mentions, *mentions):
        tally = tallies.setdefault(mention.entity_key, _Tally(mention.canonical, mention.label))
        tally.mentions += 1
        if mention.canonical_source == "article":
            tally.source = "article"
    for mention in title_mentions:
        tallies[mention.entity_key].in_title = True
    for mention in mentions:
        tally = tallies[mention.entity_key]
        if tally.first_offset < 0:
            tally.first_offset = mention.start
    if not tallies:
        return ()

    lede_end = body.find("\n\n")
    lede_end = len(body) if lede_end < 0 else lede_end
    most = max(t.mentions for t in tallies.values())
    summaries = []
    for key, t in tallies.items():
        in_lede = 0 <= t.first_offset < lede_end
        early = 1 - t.first_offset / len(body) if t.first_offset >= 0 else 0.0
        salience = (
            W_SHARE * t.mentions / most + W_TITLE * t.in_title + W_LEDE * in_lede + W_EARLY * early
        )
        summaries.append(
            EntitySummary(
                entity_key=key,
                canonical=t.canonical,
                label=t.label,
                mentions=t.mentions,
                first_offset=t.first_offset,
                in_title=t.in_title,
                in_lede=in_lede,
                salience=round(salience, 4),
                place=place_of(t.canonical) if t.label in ("GPE", "LOC") else None,
                canonical_source=t.source,
            )
        )
    summaries.sort(key=lambda s: (-s.salience, s.first_offset, s.entity_key))
    return tuple(summaries)
