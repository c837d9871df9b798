"""Names and their acronyms, and names cut at a connector.

The model cuts names at their "and" ("Customs" + "Border Protection"), while
"Wistron and Global Lighting Technologies" really is two companies; the words
alone cannot tell. An acronym in brackets right after can: "London International
Financial Futures and Options Exchange (LIFFE)" is one name because the acronym's
letters run from the first word's capital to the last word's through both halves
(capitals may be skipped, as "Options" is); "Global Lighting Technologies (GLT)"
starts no acronym at "Wistron". The other mentions of a name so joined are joined
too, and the acronym names the same organisation wherever the article uses it (the
model read "LIFFE" as a title). Any name the model found whose acronym follows it in
brackets ("the Kurdistan Democratic Party ( KDP )") gives the acronym its label at
every mention ("KDP fighters"), which the model often misses.

A model span that ends with a connector ("The National Institute of Alcohol Abuse
and") was cut inside a name: a one-word ORG right after it is the rest of that name
("Alcoholism"); a longer one is a name of its own ("the Office of the Inspector General
and" + "Federal Bureau of Investigation").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from worker.core.entities.acronyms import abbreviates, defined
from worker.core.entities.spans import Span, override

_ACRONYM = re.compile(r" \( ?([A-Z]{3,8}) ?\)")  # CoNLL's tokens: " ( LIFFE )"
_SHOUTED = re.compile(r"[A-Z]{3,8}")
# words a name may have between capitalised ones ("National Institute of Allergy and ...")
_CONNECTORS = frozenset({"of", "and", "for", "on", "in", "the", "&"})
_DEFINED = frozenset({"ORG", "GPE", "LOC"})
# No name runs longer ("National Institute of Allergy and Infectious Diseases" has 7): a
# longer run of capitalised words before an acronym is title-cased text, no name (and
# trying each of its words as a start would be quadratic).
MAX_NAME_WORDS = 24


def joined_by_acronym(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with each name that has an "and" inside and whose acronym follows in
    brackets made one ORG, at that mention and at the name's other mentions, and the
    acronym's mentions ORGs too."""
    named = {
        name: m.group(1) for m in _ACRONYM.finditer(text) if (name := _named(text, m)) is not None
    }
    found = [
        Span(m.start(), m.end(), "ORG")
        for name in {*named, *named.values()}
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    return override(spans, sorted(found)) if found else spans


_DANGLING = re.compile(r" (?:and|of|for|&)$")


def joined_at_connector(text: str, spans: list[Span]) -> list[Span]:
    """The model's spans, with an ORG that ends with a connector joined to the one-word ORG
    right after it ("... Alcohol Abuse and" + "Alcoholism")."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and last.label == span.label == "ORG"
            and _DANGLING.search(text, last.start, last.end)
            and text[last.end : span.start] == " "
            and text[span.start].isupper()
            and " " not in text[span.start : span.end]
        ):
            out[-1] = last._replace(end=span.end)
        else:
            out.append(span)
    return out


def acronyms(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with every mention of an acronym of three capitals or more that a
    name defines ("the Kurdistan Democratic Party ( KDP )") given that name's label,
    unless a longer name holds it."""
    labels = {
        acronym: span.label
        for acronym, span in defined(text, spans).items()
        if span.label in _DEFINED and _SHOUTED.fullmatch(acronym)
    }
    found = [
        Span(m.start(), m.end(), label)
        for acronym, label in labels.items()
        for m in re.finditer(rf"(?<!\w){acronym}(?!\w)", text)
    ]
    starts = [span.start for span in spans]
    inside = [  # a longer name holding the acronym stays: "the KDP Youth Wing"
        f for f in found if not _held(spans, bisect_right(starts, f.start) - 1, f)
    ]
    return override(spans, sorted(inside)) if inside else spans


def _held(spans: list[Span], at: int, found: Span) -> bool:
    """Whether `spans[at]` (the last span starting at or before `found`) holds `found` and
    is longer."""
    if at < 0:
        return False
    span = spans[at]
    longer = span.end - span.start > found.end - found.start
    return longer and span.start <= found.start and found.end <= span.end


def _named(text: str, acronym: re.Match[str]) -> str | None:
    """The name with an "and" inside that the bracketed acronym abbreviates, if any."""
    words: list[str] = []
    for word in _words_before(text, acronym.start()):
        if not ((word[:1].isupper() and word.isalpha()) or word in _CONNECTORS):
            break
        if len(words) == MAX_NAME_WORDS:
            return None
        words.insert(0, word)
    if not words or not words[-1][0].isupper():
        return None
    letters = acronym.group(1)
    for start, first in enumerate(words):
        name = words[start:]
        if first[0] == letters[0] and "and" in name and abbreviates(letters, name):
            return " ".join(name)
    return None


def _words_before(text: str, end: int) -> Iterator[str]:
    """The words of `text[:end]` split at spaces, nearest first, read no further than
    the caller asks: slicing all the text before every acronym is slow on long ones."""
    while end > 0:
        start = text.rfind(" ", 0, end) + 1
        yield text[start:end]
        end = start - 1
