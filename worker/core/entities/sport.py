"""Teams in sports copy: city, school and club names that stand for a team.

In a sports story "Ohio State", "Salina South" or "Arsenal" is a team (an
ORG) although the model reads a place or a person. Whether a story is about
sport is read from its page address (a section such as `/sport/`, `/nfl/`,
`/soccer/`, a host such as `sports.example.com`) or from its words (at least
`MIN_SPORT_WORDS` different words of `SPORT_WORDS`, a result with a score:
"beat Chelsea 3-1", a standings table: `MIN_TABLE_ROWS` lines of a name and
five or more small whole numbers, "Stoke 4 3 1 0 7 4 10", or as many result lines,
"Luton 1 Rotherham 0"). In such a story only:

* a name of one to three capitalised words before a player, with a possessive
  or a role between them, is a team and the player a PERSON: "Wichita North's
  Miguel Bernal", "Wichita Heights' Aidan Gantenbein", "Salina South diver
  Keetan Munsell", "Wichita West senior David Garcia";
* a place's name on either side of a result verb, or after a verb of carrying
  ("to lift Florida"), is a team ("Ohio State beat Michigan", "Boston fell to
  Denver"), and so is a name there that the model
  did not tag ("The Lakers beat the Celtics 110-99"), unless it starts with a
  given name: people beat people too ("Rublev beat Roberto Bautista-Agut");
  a score the model ran into a name is cut ("Chelsea 2-0");
* the names of a round-up's result line ("Luton 1 Rotherham 0") and the name
  opening a standings row ("Dundee 3 1 2 0 3 2 5") are teams, unless a country;
* a US state followed by "State" is a university's teams: "Ohio State";
* a town followed by a word that English clubs put after it is a club, even
  where the model read a person: "Manchester United", "Leicester City" (not a
  place of that name: "Kansas City").

The extractor applies this after the gazetteer, which would make "Michigan" a
place again.

Countries stay GPE: a country standing for its national team is one, as in
CoNLL ("Spain beat Russia"). The word tables are common nouns and verbs of
English sports copy, not names.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.glued import POSITIONS
from worker.core.entities.people import is_given_name
from worker.core.entities.spans import Span, merge, override

SECTIONS = frozenset(
    {"sport", "sports", "nfl", "nba", "mlb", "nhl", "mls", "wnba", "ncaa", "ncaaf", "ncaab",
     "football", "soccer", "basketball", "baseball", "hockey", "tennis", "golf", "cricket",
     "rugby", "cycling", "boxing", "mma", "ufc", "nascar", "f1", "motorsport", "athletics",
     "swim", "swimming", "olympics", "wrestling"}
)  # fmt: skip
SPORT_WORDS = frozenset(
    {"touchdown", "touchdowns", "innings", "playoff", "playoffs", "quarterback", "striker",
     "goalkeeper", "midfielder", "defenseman", "goaltender", "freestyle", "backstroke",
     "breaststroke", "medley", "semifinal", "semifinals", "quarterfinal",
     "quarterfinals", "halftime", "overtime", "league", "tournament", "championship",
     "rebounds", "assists", "homer", "inning", "diving", "diver", "swimmer", "sprinter",
     "fixture", "fixtures", "goalscorer", "match", "matches", "season", "coach"}
)  # fmt: skip
MIN_SPORT_WORDS = 3
MIN_TABLE_ROWS = 3
# School years and roles of athletes that stand between a team and a player.
ROLES = frozenset(
    {"senior", "junior", "sophomore", "freshman", "rookie", "veteran", "star", "captain",
     "manager", "boss",
     "diver", "swimmer", "runner", "sprinter", "wrestler", "golfer", "player", "ace"}
)  # fmt: skip
# Words that English clubs put after their town's name.
CLUB_WORDS = frozenset(
    {"United", "City", "Town", "Rovers", "Wanderers", "Albion", "Athletic", "Rangers",
     "Hotspur", "County", "Argyle", "Wednesday", "Orient", "Villa", "Forest"}
)  # fmt: skip
# Words that clubs of other languages put before their town's name: "Real Madrid",
# "Atletico Madrid", "Sporting Lisbon", "Olympique Lyon"; alone they name the club too.
CLUB_PREFIXES = frozenset(
    {"Real", "Atletico", "Atlético", "Athletic", "Sporting", "Inter", "Dynamo", "Dinamo",
     "Olympique", "Racing", "Deportivo"}
)  # fmt: skip
_RESULT = (
    r"(?:beat|beats|defeated|defeats|edged|routed|thrashed|downed|stunned|upset|blanked|"
    r"swept|outlasted|overcame|lost to|loses to|fell to|falls to|drew with|tied)"
)
# what a player does for a team: "scored twice to lift Florida", "to lead Boston"
_CARRIED = r"(?:lead|leads|led|lift|lifts|lifted|carry|carries|carried|propel|propels|propelled)"
_SCORE = re.compile(rf"\b{_RESULT} (?:the )?(?:[A-Z][\w.'’-]* ){{1,3}}\d{{1,3}}[-–]\d{{1,3}}\b")
_WORD = re.compile(r"[a-z]+")
_NAME = r"(?:St\.|[A-Z][\w&'’-]*)"  # a word of a team's name: "St. Louis", "Texas A&M"
_PERSON_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]+)"  # "J. Smith", never a sentence's full stop
# a surname: "O'Neal", never its possessive ("Rudolph’s helmet")
_SURNAME = r"[A-Z][\w-]*(?:['’][A-Z][\w-]*)?(?=['’]s\b|[^\w'’]|$)"
_ROLE = "|".join(sorted(ROLES | POSITIONS))
_TEAM_NAME = rf"(?:{_NAME}(?: {_NAME}){{0,2}})"
_TEAM_PLAYER = re.compile(
    rf"(?<![\w.'’-])(?P<team>{_TEAM_NAME})"
    rf"(?:(?P<possessive>'s|’s|'|’)(?P<role> (?:[a-z]+ )?(?:{_ROLE}))?| (?:[a-z]+ )?(?:{_ROLE}))"
    rf" (?P<player>{_PERSON_WORD}(?: {_PERSON_WORD}){{0,1}} {_SURNAME})"
)
# played, won, drawn, lost, goals for and against, points: a team's row of a standings table
_TABLE_ROW = re.compile(r"^[A-Z][^\d\n]*(?: \d{1,3}){5,}$", re.MULTILINE)
_TRAILING_SCORE = re.compile(r" \d{1,3}[-–]\d{1,3}$")
# a name that opens a sentence or a clause, or follows "the", before a result verb
_BESIDE_RESULT = re.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=[.!?(,;:] )|(?<=\bthe )|(?<=\bThe ))(?P<winner>{_TEAM_NAME})"
    rf" {_RESULT} (?:the )?(?P<loser>{_TEAM_NAME})(?= \d{{1,3}}[-–]\d{{1,3}}\b|[,.;])"
)
# a result line of a round-up: "Wild 4, Sabres 1: Zach Parise scored twice"
_RECAP = re.compile(
    rf"(?m)^(?P<winner>{_TEAM_NAME}) \d{{1,3}}, (?P<loser>{_TEAM_NAME}) \d{{1,3}}(?=[:.\s])"
)
# a result line of a round-up ("Luton 1 Rotherham 0") and a standings row
# ("Livingston 3 3 0 0 6 2 9"): the names are teams
_RESULT_LINE = re.compile(
    rf"(?m)^(?P<winner>{_TEAM_NAME}) \d{{1,3}} (?P<loser>{_TEAM_NAME}) \d{{1,3}}$"
)
_TABLE_TEAM = re.compile(rf"(?m)^(?P<team>{_TEAM_NAME})(?= \d{{1,3}}(?: \d{{1,3}}){{4,}}$)")
_PLACE_PLURAL = re.compile(
    r"(?<![\w'’.-])(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r" (?P<plural>[A-Z][a-z]{2,}s)\b(?![.'’-]\w)"
)  # "the Pittsburgh Penguins"
_PLURAL_END = re.compile(r"(?<= )[A-Z][a-z]{2,}s$")
_PREFIX = "|".join(sorted(CLUB_PREFIXES))
_PREFIXED_CLUB = re.compile(
    rf"(?<![\w'’-])(?:{_PREFIX}) (?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
)
_PREFIX_START = re.compile(rf"(?:{_PREFIX})(?= )")
_RESULT_AFTER = re.compile(rf" {_RESULT} ")
_RESULT_BEFORE = re.compile(rf" (?:{_RESULT}|{_CARRIED}) $")
_STATE_SCHOOL = re.compile(r" State\b(?! (?:[A-Z]|of\b|[Dd]epartment))")


def is_sport(text: str, site: str | None) -> bool:
    """True if the page address or the words of the text say it is sports copy."""
    if site:
        parts = urlsplit(site if "//" in site else f"//{site}")
        host = (parts.hostname or "").split(".")
        words = re.split(r"[/_.-]+", parts.path.casefold())
        if SECTIONS.intersection(words) or SECTIONS.intersection(host[:-2]):
            return True
    found = SPORT_WORDS.intersection(_WORD.findall(text.casefold()))
    return (
        len(found) >= MIN_SPORT_WORDS
        or _SCORE.search(text) is not None
        or len(_TABLE_ROW.findall(text)) >= MIN_TABLE_ROWS
        or len(_RESULT_LINE.findall(text)) >= MIN_TABLE_ROWS
    )


def sport_teams(text: str, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """The spans of a sports story with its teams as ORG and their players as PERSON."""
    people = {(s.start, s.end) for s in spans if s.label == "PERSON"}
    found: list[Span] = []
    for match in _TEAM_PLAYER.finditer(text):
        team = _team_span(text, *match.span("team"), gaz)
        player = match.span("player")
        # "Chelsea's Stamford Bridge": after a bare possessive, a person only if the
        # model said so or the name starts with a given name
        bare = match.group("possessive") and not match.group("role")
        sure = not bare or player in people or is_given_name(match.group("player").split()[0])
        if team is not None and sure:
            found += [team, Span(*player, "PERSON")]
    teams = [*_recap_teams(text, gaz), *_nicknamed_teams(text, gaz), *_prefixed_clubs(text, gaz)]
    spans = override(spans, [*found, *teams])
    spans = [_relabel(text, _without_score(text, span), gaz) for span in spans]
    spans = merge(spans, _untagged_teams(text, gaz))
    return _nicknames_alone(text, spans, teams)


def _recap_teams(text: str, gaz: Gazetteer) -> list[Span]:
    """The two teams of a result line opening a paragraph ("Wild 4, Sabres 1: ..."),
    unless a country or a name that starts with a given name."""
    return [
        Span(*match.span(group), "ORG")
        for pattern in (_RECAP, _RESULT_LINE, _TABLE_TEAM)
        for match in pattern.finditer(text)
        for group, name in match.groupdict().items()
        if _may_be_team(name, gaz)
    ]


def _nicknamed_teams(text: str, gaz: Gazetteer) -> list[Span]:
    """A town or state followed by a capitalised plural that names no place or people is
    a team: "the New York Islanders", "the Pittsburgh Penguins"."""
    return [
        Span(*match.span(), "ORG")
        for match in _PLACE_PLURAL.finditer(text)
        if gaz.place(match.group("place")) is not None
        and _may_be_team(match.group("place"), gaz)
        and _may_be_team(match.group("plural"), gaz)
        and gaz.place(match.group("plural")) is None
    ]


def _prefixed_clubs(text: str, gaz: Gazetteer) -> list[Span]:
    """ "Real Madrid", "Athletic Bilbao": a club word of another language and a town."""
    found = []
    for match in _PREFIXED_CLUB.finditer(text):
        words = match.group("town").split(" ")
        # "Real Madrid Thibaut": the town is one word or two
        for size in range(len(words), 0, -1):
            if gaz.place(" ".join(words[:size])) is not None:
                end = match.start("town") + len(" ".join(words[:size]))
                found.append(Span(match.start(), end, "ORG"))
                break
    return found


def _nicknames_alone(text: str, spans: list[Span], teams: list[Span]) -> list[Span]:
    """The short name of a team of `teams` found alone, wherever no other name covers
    it: the plural of a team named by its town ("the Islanders" after "the New York
    Islanders"), the club word of "Real Madrid" ("Real want to sign him")."""
    words = set()
    for span in teams:
        plural = _PLURAL_END.search(text, span.start, span.end)
        prefix = _PREFIX_START.match(text, span.start, span.end)
        words |= {m.group() for m in (plural, prefix) if m is not None}
    found = [
        Span(*match.span(), "ORG")
        for word in words
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-]| [A-Z])", text)
    ]  # the model reads some as nationalities ("the Islanders" as NORP)
    return override(spans, [f for f in found if not any(_covers(s, f) for s in spans)])


def _covers(span: Span, found: Span) -> bool:
    """True if a span other than a NORP tag overlaps `found`."""
    return span.label != "NORP" and span.start < found.end and found.start < span.end


def _may_be_team(name: str, gaz: Gazetteer) -> bool:
    """Not a country, a continent, a nationality nor a name that starts with a given name."""
    place = gaz.places.get(name)
    return (
        name not in gaz.demonyms
        and (place is None or place.kind not in ("country", "continent"))
        and not is_given_name(name.split()[0])
    )


def _without_score(text: str, span: Span) -> Span:
    """A span without the score the model ran into it: "Chelsea 2-0" → "Chelsea"."""
    score = _TRAILING_SCORE.search(text, span.start, span.end)
    return span._replace(end=score.start()) if score and score.start() > span.start else span


def _untagged_teams(text: str, gaz: Gazetteer) -> list[Span]:
    """Names beside a result verb that the model did not tag ("The Lakers beat the
    Celtics 110-99"): teams, unless a country (a GPE, added by the gazetteer) or a
    name that starts with a given name (a player: "Novak Djokovic")."""
    found = []
    for match in _BESIDE_RESULT.finditer(text):
        for group in ("winner", "loser"):
            start, end = match.span(group)
            if text.startswith("The ", start):
                start += len("The ")
            name = text[start:end]
            if name and name not in gaz.places and not is_given_name(name.split()[0]):
                found.append(Span(start, end, "ORG"))
    return found


def _team_span(text: str, start: int, end: int, gaz: Gazetteer) -> Span | None:
    """The team of a "Team's Player" match: leading titles and small words dropped; not a
    country, a nationality or a person's title."""
    words = text[start:end].split(" ")
    while words and (gaz.is_title(words[0]) or words[0].casefold() in _SMALL):
        start += len(words.pop(0)) + 1
    name = " ".join(words)
    place = gaz.places.get(name)
    if (
        not words
        or name in gaz.demonyms
        or (place is not None and place.kind in ("country", "continent"))
        or any(gaz.is_title(w) for w in words)
    ):
        return None
    return Span(start, end, "ORG")


_SMALL = frozenset(
    {"the", "a", "an", "in", "at", "for", "and", "but", "by", "of", "to", "former", "ex"}
)


def _relabel(text: str, span: Span, gaz: Gazetteer) -> Span:
    """ORG for a club named by its town and a club word, a name beside a result verb or a
    state's university, unless a country."""
    name = text[span.start : span.end]
    if span.label in ("PERSON", "GPE", "LOC") and _is_club_of_town(gaz, name):
        return span._replace(label="ORG")
    if span.label not in ("GPE", "LOC"):
        return span
    place = gaz.places.get(name)
    if place is not None and place.kind in ("country", "continent"):
        return span
    beside_result = _RESULT_AFTER.match(text, span.end) or _RESULT_BEFORE.search(
        text, max(0, span.start - 16), span.start
    )
    if gaz.is_us_state(name.removesuffix(" State")) and name.endswith(" State"):
        return span._replace(label="ORG")  # "Ohio State" as one span
    if gaz.is_us_state(name) and _STATE_SCHOOL.match(text, span.end):
        return Span(span.start, span.end + len(" State"), "ORG")
    # People beat people too ("Nadal beat Djokovic"): only a place's name is a team here.
    return span._replace(label="ORG") if beside_result and span.label in ("GPE", "LOC") else span


def _is_club_of_town(gaz: Gazetteer, name: str) -> bool:
    """ "Manchester United", "Leicester City", "Bolton Wanderers": a town and a word that
    English clubs put after it; not a place of that name ("Kansas City", "Mexico City")."""
    words = name.split()
    return (
        len(words) >= 2
        and words[-1] in CLUB_WORDS
        and gaz.place(" ".join(words[:-1])) is not None
        and name not in gaz.candidates
    )
