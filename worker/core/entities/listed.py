"""Names listed with people are people's: the items of a list are of one kind.

The model calls some foreign names organisations: "Mordechai Korf, Chaim
Schochet, & Uriel Laber", "Aryavir Kumar and Margarita Kuritsyna", "Iga Swiatek
beat Marketa Vondrousova 7-6 (7-3), 6-0". The words around such a name say
nothing, but the names it is listed with do: the items of a list joined by
commas and a conjunction and the two sides of a result ("beat", "defeated",
"vs") name things of one kind. In such a list whose other items are all full
names of people, an ORG that could be a person's name (`shaped_as_person`: two
or three capitalised words, no noun of organisations, legal form or plural
last) and that no words around any of its mentions (the model's spans of that
name) call an organisation ("the Glenn Miller Orchestra", "the website X") is a
PERSON. Not a list, or not one
of names of a kind (a review's misfires, on real and written text):

* two names joined by a comma alone ("Kenneth Roth, Human Rights Watch": an
  apposition) or by a comma and a conjunction ("advised by Wachtell Lipton, and
  Elon Musk said": two clauses);
* a list with any item other than people's and such names ("Christian Dior, Louis
  Vuitton and Gucci"), or whose items own something ("Jamie Dimon and Morgan
  Stanley's Ted Pick"), or that "its" follows in the sentence ("Hewlett Packard and
  Meg Whitman, its chief executive");
* a name owned or attached by a preposition ("our Privacy Policy", "Jeff Bezos's
  Blue Origin", "Mark A. Adley of First Boston, James F. Lyons and ...").

The review found 20 right changes and 8 wrong on the dev data before these
guards, none wrong after; names of firms, bands and clubs that read as people's
in a list of people ("Elton John, Stevie Nicks and Fleetwood Mac") stay wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from worker.core.entities.brands import org_cue
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.people import shaped_as_person
from worker.core.entities.spans import APOSTROPHE_S, Span

_COMMA = re.compile(r"\s*,\s+")
_CONJUNCTION = re.compile(r"(?P<comma>\s*,)?\s+(?:and|or|&)\s+")  # " and ", ", and ", " & "
# the two sides of a result: "X beat Y 6-4", "with X defeating Y", "X vs. Y"
_CONTEST = re.compile(
    r"\s+(?:beat|beats|beating|defeated|defeats|defeating|edged|edges|edging|downed|downs|"
    r"downing|upset|upsets|upsetting|stunned|stuns|stunning|ousted|ousts|ousting|lost\s+to|"
    r"loses\s+to|losing\s+to|vs\.?|v\.?|versus)\s+"
)
_OWNER = re.compile(r"\s?" + APOSTROPHE_S)  # "Morgan Stanley's Ted Pick"
_OWNED_OR_ATTACHED = re.compile(
    r"(?:" + APOSTROPHE_S + r"|\b(?i:the|our|its|their|your|his|her|of|at|from|for|by|with))\s+$"
)
_ITS_AFTER = re.compile(r"[^.;!?\n]*\bits\b")


def listed_people(text: str, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """The spans, with each ORG that could be a person's name relabelled PERSON when it
    is listed with people's full names only (see the module docstring)."""
    mentions: dict[str, list[Span]] = {}  # each name's spans: read once, not per list
    for span in spans:
        mentions.setdefault(_name(text, span), []).append(span)
    people: set[int] = set()
    for items in _lists(text, spans):
        named = [
            i for i in items if spans[i].label == "PERSON" and _name(text, spans[i]).count(" ")
        ]
        candidates = [
            i
            for i in items
            if spans[i].label == "ORG"
            and shaped_as_person(name := _name(text, spans[i]), gaz)
            and not any(_called_org(text, m) for m in mentions[name])
        ]
        if (
            named
            and len(named) + len(candidates) == len(items)
            and not any(_OWNER.match(text, spans[i].end) for i in items)
            and not _ITS_AFTER.match(text, spans[items[-1]].end)
        ):
            people.update(candidates)
    return [s._replace(label="PERSON") if i in people else s for i, s in enumerate(spans)]


def _lists(text: str, spans: list[Span]) -> Iterator[list[int]]:
    """The indexes of the spans of each list: a run joined by commas that a conjunction
    ends (after a comma only with three items or more), and the two sides of a result."""
    run: list[int] = []
    for i, (first, second) in enumerate(pairwise(spans), start=1):
        between = text[first.end : second.start]
        if _CONTEST.fullmatch(between):
            yield [i - 1, i]
        conjunction = _CONJUNCTION.fullmatch(between)
        if conjunction is None and not _COMMA.fullmatch(between):
            run = []
            continue
        run = run or [i - 1]
        run.append(i)
        if conjunction is not None:
            if conjunction.group("comma") is None or len(run) > 2:
                yield run
            run = []


def _name(text: str, span: Span) -> str:
    return text[span.start : span.end]


def _called_org(text: str, mention: Span) -> bool:
    """Whether the words around a mention call it an organisation, or own or attach it
    ("the", "the website", "our Privacy Policy", "of First Boston")."""
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 40]
    return bool(_OWNED_OR_ATTACHED.search(before)) or org_cue(before, after)
