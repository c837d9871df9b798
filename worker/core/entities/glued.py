"""Cut spans in which the model glued several names together, and type teams.

The small model runs adjacent names into one span:

* a place before a person: "Ukraine Marie Yovanovitch" (from "ambassador to
  Ukraine Marie Yovanovitch"): a country or US state followed by a name of two
  or more capitalised words is cut into the place (GPE/LOC) and the PERSON
  (an ORG only if that name starts with a known given name: not "China
  Construction Bank");
  "Jordan Henderson" (one word after the place) is left alone;
* places joined by a hyphen: "U.S.-Mexico" → "U.S.", "Mexico";
* a list: "Acme, Globex": an ORG or PERSON span is cut at ", " unless what
  follows is a legal form or a suffix ("Acme Systems, Inc.", "John Doe, Jr.");
* a clause: "Garrett hit Rudolph": a lowercase word inside a name that is
  neither a stop word ("of", "and", "for") nor a name particle ("van", "bin"),
  or a dash between spaces ("Lithuania - Danius Gleveckas", "GOLF - LEADING
  SCORES"), shows that the span is not one name; it is dropped, and the names in it are
  found again by propagation from their other mentions;
* names and numbers: "Colin Montgomerie 442,201", "Aamir Sohail 5-0", "Calif
  1996-08-30" (results tables, scores, prize money, datelines): a date, a score or an
  amount is no word of a name; the span is cut around it. Plain numbers are left
  (names have them: "Channel 4", "Route 59"; in CoNLL's tables, cutting "64 Bob
  Estes" too cost more names than it gave).

Teams: a name with a club's legal form ("FC Basel", "AC Milan") is an ORG.
In sports copy a club is also named by its city or nickname right before a
player's position and the player ("Pittsburgh quarterback Mason Rudolph",
"Cleveland DL Larry Ogunjobi"); such a name is an ORG whatever the model said.
Positions are a small table of common nouns (below) or an all-capital
position code of two or three letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter

from cleanco import basename
from spacy.lang.en.stop_words import STOP_WORDS

from worker.core.entities.described import PLACE_NOUNS
from worker.core.entities.gazetteer import Gazetteer, place_label
from worker.core.entities.people import is_given_name
from worker.core.entities.spans import Span, merge

# Player positions and roles that only a team (never a place) has; team sports
# of English-language news. "coach" is a title of nameparser, but a place has
# no coach: "Pittsburgh coach Mike Tomlin" is the club's.
POSITIONS = frozenset(
    {
        "quarterback", "center", "centre", "guard", "tackle", "linebacker", "receiver",
        "cornerback", "safety", "kicker", "punter", "end", "back", "rusher", "lineman",
        "pitcher", "catcher", "shortstop", "outfielder", "infielder", "slugger", "closer",
        "striker", "forward", "midfielder", "defender", "goalkeeper", "keeper", "winger",
        "fullback", "halfback", "goaltender", "goalie", "defenseman", "coach", "rookie",
    }
)  # fmt: skip
# Abbreviated legal forms of sports clubs in club names (football club, sport
# club, athletic club, ... in English, German, Spanish, Italian, Dutch,
# Scandinavian usage): a name with one is a club, not a place or a person.
CLUB_FORMS = frozenset(
    {"FC", "AFC", "CF", "SC", "AC", "SV", "VfB", "VfL", "TSG", "SK", "FK", "BK", "IF", "IK",
     "CD", "UD", "SD", "RCD", "SSC", "KV", "KRC", "PSV", "NK", "HNK", "GNK"}
)  # fmt: skip
_POSITION = re.compile(r" ((?:[a-z]+ ){1,2}|[A-Z]{2,3} )(?=[A-Z])")
_COMMA = re.compile(r", ")
_PLAYER = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}")
_WORD = re.compile(r"\S+")
_SPACED_DASH = re.compile(r" [-–—] ")
_LOWER_WORD = re.compile(r"(?<= )[a-z][a-z'’-]*(?= )")
_PLACE_KINDS = ("country", "state", "continent")
# a date, a score, an amount ("1996-08-30", "5-0", "442,201"); a plain number, a signed
# one or an ordinal may be a word of a name ("Channel 4", "Area 51", "Route 59", "+972
# Magazine", "5th Avenue", "9th Circuit")
_SCORE = re.compile(r"\(?\d+(?:[-–:,]\d+)+\)?")


def split_glued(text: str, spans: Iterable[Span], gaz: Gazetteer) -> list[Span]:
    """`spans` with number+name, team+player, place+person and list spans cut, and clause
    spans dropped."""
    out: list[Span] = []
    for span in spans:
        named = [p for n in _split_numbers(text, span) for p in _split_position(text, n, gaz)]
        for piece in _split_compound(text, named, gaz):
            if not _is_clause(text, piece, gaz):
                for name in _split_list(text, piece, gaz):
                    for part in _split_office_holder(text, name, gaz):
                        out.extend(_split_place_person(text, part, gaz))
    return out


def _split_numbers(text: str, span: Span) -> list[Span]:
    """The parts of `span` between its dates, scores and amounts ("442,201", "5-0")."""
    words = list(_WORD.finditer(text, span.start, span.end))
    scores = [_SCORE.fullmatch(word.group()) is not None for word in words]
    if not any(scores) or all(scores):
        return [span]  # no score, or nothing but ("737-800" is a name of its own)
    runs = (
        [word for word, _ in run]
        for is_score, run in groupby(zip(words, scores, strict=True), key=itemgetter(1))
        if not is_score
    )
    return [Span(run[0].start(), run[-1].end(), span.label) for run in runs]


def _split_office_holder(text: str, span: Span, gaz: Gazetteer) -> list[Span]:
    """ "Rockland County Executive Ed Day" → GPE "Rockland County", PERSON "Ed Day": a
    name, an office (title words) and a person's name that starts with a given name.
    The name before the office is a place if the gazetteer knows it or it ends with a
    noun of places ("County"), else an organisation ("Acme Chief Executive Jane Doe")."""
    words = list(_WORD.finditer(text, span.start, span.end))
    forms = [w.group() for w in words]
    first = next((i for i in range(1, len(forms) - 2) if gaz.is_title(forms[i])), None)
    if span.label not in ("PERSON", "ORG") or first is None:
        return [span]
    rest = first
    while rest < len(forms) and gaz.is_title(forms[rest]):
        rest += 1
    person = forms[rest:]
    if not 2 <= len(person) <= 3 or not all(w[:1].isupper() for w in forms):
        return [span]
    if not is_given_name(person[0]) or " ".join(person) in gaz.places:
        return [span]
    office = " ".join(forms[:first])
    place = gaz.places.get(office)
    label = place_label(place) if place else PLACE_NOUNS.get(forms[first - 1].lower(), "ORG")
    return [
        Span(span.start, words[first - 1].end(), label),
        Span(words[rest].start(), span.end, "PERSON"),
    ]


def _split_position(text: str, span: Span, gaz: Gazetteer) -> list[Span]:
    """ "Browns DL Sheldon Richardson" → ORG "Browns", PERSON "Sheldon Richardson"."""
    if span.label != "PERSON":
        return [span]
    words = list(_WORD.finditer(text, span.start, span.end))
    j = 1
    while j < len(words) and (words[j].group().islower() or _is_code(words[j].group(), gaz)):
        j += 1
    role = words[j - 1].group()
    if j > 1 and len(words) - j >= 2 and (role in POSITIONS or _is_code(role, gaz)):
        return [Span(*words[0].span(), "ORG"), Span(words[j].start(), span.end, "PERSON")]
    return [span]


def _split_compound(text: str, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """ "U.S.-Mexico" (border) → GPE "U.S.", GPE "Mexico": known places joined by a hyphen."""
    out: list[Span] = []
    for span in spans:
        parts = text[span.start : span.end].split("-")
        places = [p for p in map(gaz.places.get, parts) if p is not None]
        if len(parts) < 2 or len(places) < len(parts):
            out.append(span)
            continue
        start = span.start
        for part, place in zip(parts, places, strict=True):
            out.append(Span(start, start + len(part), place_label(place)))
            start += len(part) + 1
    return out


def _is_code(word: str, gaz: Gazetteer) -> bool:
    """An all-capital position code ("DL", "QB"), not a title ("CEO")."""
    return 2 <= len(word) <= 3 and word.isalpha() and word.isupper() and not gaz.is_title(word)


def _is_clause(text: str, span: Span, gaz: Gazetteer) -> bool:
    """True if the span runs over a lowercase word that no name has, or over a dash
    between spaces ("GOLF - LEADING SCORES", "Lithuania - Danius Gleveckas")."""
    return _SPACED_DASH.search(text, span.start, span.end) is not None or any(
        m.group() not in STOP_WORDS and m.group() not in gaz.particles
        for m in _LOWER_WORD.finditer(text, span.start, span.end)
    )


# A university named by its system and its campus town: "University of California, Berkeley"
_CAMPUS = re.compile(r"(?:[Tt]he )?University of [A-Z][\w.]*(?: [A-Z][\w.]*)?$")


def _split_list(text: str, span: Span, gaz: Gazetteer) -> list[Span]:
    name = text[span.start : span.end]
    if span.label not in ("ORG", "PERSON") or ", " not in name:
        return [span]
    core = len(basename(name))  # the name without its legal form
    pieces: list[Span] = []
    start = span.start
    for comma in _COMMA.finditer(text, span.start, span.end):
        rest = text[comma.end() : span.end]
        if (
            not rest[:1].isupper()
            or core <= comma.start() - span.start
            or rest.rstrip(".").lower() in gaz.suffixes
            or (_CAMPUS.match(text, start, comma.start()) and gaz.place(rest) is not None)
        ):
            break  # "Acme Systems, Inc.", "John Doe, Jr.", "University of California, Berkeley"
        pieces.append(Span(start, comma.start(), span.label))
        start = comma.end()
    return [*pieces, Span(start, span.end, span.label)]


def _split_place_person(text: str, span: Span, gaz: Gazetteer) -> list[Span]:
    if span.label not in ("PERSON", "ORG"):
        return [span]
    words = list(_WORD.finditer(text, span.start, span.end))
    if words and words[0].group().lower() == "the":  # "the Ukraine Marie Yovanovitch"
        words = words[1:]
    for n in (3, 2, 1):
        if len(words) - n < 2:
            continue
        place = gaz.places.get(text[words[0].start() : words[n - 1].end()])
        rest = [w.group() for w in words[n:]]
        if (
            place is not None
            and place.kind in _PLACE_KINDS
            and all(w[0].isupper() for w in rest)
            and " ".join(rest) not in gaz.places
            and (span.label == "PERSON" or is_given_name(rest[0]))  # not "China Construction Bank"
        ):
            return [
                Span(words[0].start(), words[n - 1].end(), place_label(place)),
                Span(words[n].start(), span.end, "PERSON"),
            ]
    return [span]


def _is_club(name: str) -> bool:
    """ "FC Basel", "Ajax Amsterdam AFC", "AC Milan": a name with a club's form."""
    return any(word in CLUB_FORMS for word in name.split())


def teams(text: str, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """Relabel ORG a one-word name before a position and a player's name, and make the
    player a PERSON, added if the model missed them ("Pittsburgh center Maurkice Pouncey")."""
    out, players = [], []
    for span in spans:
        match = _POSITION.match(text, span.end)
        player = _PLAYER.match(text, match.end()) if match else None
        role = match.group(1).strip() if match else ""
        if (
            player is not None
            and span.label in ("GPE", "LOC", "PERSON", "NORP")
            and " " not in text[span.start : span.end]
            and ((role.isupper() and not gaz.is_title(role)) or role.split()[-1] in POSITIONS)
        ):
            span = span._replace(label="ORG")
            players.append(Span(*player.span(), "PERSON"))
        elif span.label in ("GPE", "LOC", "PERSON", "NORP") and _is_club(
            text[span.start : span.end]
        ):
            span = span._replace(label="ORG")
        out.append(span)
    named = {(p.start, p.end) for p in players}
    out = [s._replace(label="PERSON") if (s.start, s.end) in named else s for s in out]
    return merge(out, players)
