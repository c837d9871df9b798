"""Organisations the model calls a person or a place, told by the words around a name.

The small model labels brands, websites and startups PERSON ("Full Fact", "Oxy
Pure") or LOC ("Netflix", "Gossipgist"). News copy says what they are with
words that people and places do not take:

* a common noun of organisations right before the name: "the fact-checking
  website Full Fact", "Taiwanese publication DigiTimes", "record label Big
  Machine";
* an apposition headed by such a noun: "Kosmos, a group co-founded by ...";
  the noun must end the apposition's noun phrase ("John Smith, a company
  spokesman" is a person);
* a passive verb that a person never takes: "Oxy Pure was launched",
  "... was founded in 2009";
* "published on", "posted on", "streaming on" a name;
* a member that only organisations have right after the name: "Wikileaks
  co-founder Julian Assange", "LVMH CFO", "LVMH employees" (`ORG_MEMBERS`).

Weaker cues hold for a one-word name only: "posted on Twitter", "via USA
Today", "at Netflix", and a name between a determiner and a lowercase noun
("the Twitter account", "her Netflix special"; not "the Donbas region": a
noun of place makes it a place, `described.py`).

A name right after such a noun or "published on", or inside a sentence
before such a member, that the model did not tag, or tagged as a product or a
work, is an ORG ("Taiwanese publication DigiTimes", "articles published on
Walikali", "against Wikileaks co-founder"), its other mentions found by
propagation.

A site's name written as its host name and capitalised ("told AutoIndustriya.com",
"according to GreatFire.org") is an ORG where the model tagged nothing; not a host
inside an address, an e-mail address or a path ("pic.twitter.com/x", "@Salon.com").

`ORG_NOUNS` and `ORG_MEMBERS` are small tables of such nouns in English news.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from worker.core.entities.described import PLACE_NOUNS
from worker.core.entities.spans import CALENDAR, Span, merge

ORG_NOUNS = (
    "company", "firm", "startup", "start-up", "website", "site", "publication", "newspaper",
    "magazine", "weekly", "daily", "outlet", "tabloid", "group", "bank", "lender", "insurer",
    "brand", "label", "app", "platform", "network", "broadcaster", "retailer", "airline",
    "carrier", "maker", "manufacturer", "agency", "charity", "organisation", "organization",
    "nonprofit", "non-profit", "chain", "studio", "streamer", "giant", "conglomerate",
    "subsidiary",
)  # fmt: skip
# Roles and members that only an organisation has: "Wikileaks co-founder Julian
# Assange", "LVMH CFO Jean-Jacques Guiony", "LVMH employees".
ORG_MEMBERS = (
    "co-founder", "founder", "employees", "shareholders", "subscribers", "CEO", "CFO", "COO",
    "CTO",
)  # fmt: skip
_NOUN = "(?:" + "|".join(map(re.escape, ORG_NOUNS)) + ")"
_MEMBER = "(?:" + "|".join(map(re.escape, ORG_MEMBERS)) + r")\b"
_MEMBER_AFTER = re.compile(rf"^ {_MEMBER}")
# a name inside a sentence (not its capitalised first word) before such a member
_NAMED_BEFORE = re.compile(
    rf"(?<=[a-z,] )(?P<name>[A-Z][\w&.-]*[A-Za-z](?: [A-Z][\w&.-]*[A-Za-z]){{0,2}}) {_MEMBER}"
)
_NOUN_BEFORE = re.compile(rf"\b{_NOUN} [‘'\"“]?$")
# ", a group co-founded by", ", the Wheeling newspaper.": the noun ends its phrase.
_APPOSITION = re.compile(
    rf"^,? (?:a|an|the) (?:[\w’'-]+ ){{0,3}}?{_NOUN}(?=[,.;:)]| (?:that|which|based|founded|"
    r"co-founded|owned|run|backed|known|with|in|of|by|for|from|and)\b)"
)
_PASSIVE = re.compile(
    r"^[’'\"”]? (?:was|is|has been|had been|will be) (?:launched|founded|co-founded|"
    r"incorporated|acquired)\b"
)
_ON = r"(?:published|posted|shared|streaming|available|appeared) on"
_NAMED = re.compile(
    rf"\b(?:{_NOUN}|{_ON}) (?P<name>[A-Z][\w&'’-]*[a-z][\w&'’-]*(?: [A-Z][\w&'’-]+){{0,3}})"
)
_THINGS = frozenset({"PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW"})
_PUBLISHED_ON = re.compile(rf"\b{_ON} $")
_ORG_BEFORE = re.compile(r"\b(?:on|via|at) $")
# "the Twitter account", "her Netflix special": a name between a determiner and a
# noun modifies it as a brand does; a person's name is not used so without a first name.
_DETERMINER = re.compile(r"\b(?:the|a|an|her|his|its|their|our|your|my) $", re.IGNORECASE)
_NOUN_AFTER = re.compile(r" ([a-z]{3,})\b")
# the government a leader heads: "the Obama administration" is a person's name
_LED = frozenset({"administration", "presidency", "campaign"})


def org_cue(before: str, after: str) -> bool:
    """True if the words `before` and `after` one mention say it names an organisation."""
    return bool(
        _NOUN_BEFORE.search(before)
        or _APPOSITION.match(after)
        or _PASSIVE.match(after)
        or _PUBLISHED_ON.search(before)
        or _MEMBER_AFTER.match(after)
    )


def one_word_cue(before: str, after: str, place: bool = False) -> bool:
    """`org_cue`, or a weak cue that a one-word name is a brand ("posted on Twitter", "the
    Twitter account"); for a name the model called a place, only a determiner and a noun
    that is not a noun of place ("her Netflix special")."""
    noun = _NOUN_AFTER.match(after)
    return (
        org_cue(before, after)
        or (not place and bool(_ORG_BEFORE.search(before)))
        or (
            bool(_DETERMINER.search(before))
            and noun is not None
            and not (place and noun.group(1) in PLACE_NOUNS)
            and noun.group(1) not in _LED
        )
    )


def reads_as_place_organisation(surface: str, contexts: Iterable[tuple[str, str]]) -> bool:
    """True if a GPE/LOC name that no gazetteer knows reads as an organisation in one
    of `contexts` (the text before and after each of its mentions)."""
    one_word = " " not in surface
    return any(
        one_word_cue(before, after, place=True) if one_word else org_cue(before, after)
        for before, after in contexts
    )


def named_after_noun(text: str, spans: list[Span]) -> list[Span]:
    """The spans and, as ORGs, the names right after a noun of organisations that the
    model did not tag or tagged as a thing (a PRODUCT, a WORK_OF_ART: "publication
    DigiTimes"); people and places are judged later with all their mentions."""
    named = [*_NAMED.finditer(text), *_NAMED_BEFORE.finditer(text)]
    found = {
        m.span("name"): Span(*m.span("name"), "ORG")
        for m in named
        if not CALENDAR.intersection(m.group("name").split())
    }
    relabelled = [
        found[(s.start, s.end)] if (s.start, s.end) in found and s.label in _THINGS else s
        for s in spans
    ]
    return merge(relabelled, list(found.values()))


# "AutoIndustriya.com", "GreatFire.org": a capitalised host name, not part of an address
_SITE = re.compile(
    r"(?<![\w@/.:-])[A-Z][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.(?:com|org|net|info|news|co\.uk|[a-z]{2})(?![\w/@-]|\.\w)"
)


def sites(text: str, spans: list[Span]) -> list[Span]:
    """The spans and, as ORGs, the capitalised host names the model did not tag."""
    return merge(spans, [Span(*m.span(), "ORG") for m in _SITE.finditer(text)])
