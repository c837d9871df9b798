"""Names listed with people: the model's ORGs among people's names are people, in lists
of news text (a property story, a startup story, tennis results); appositions, clauses,
lists with an organisation or an owner, and names the words around call, own or attach
to someone stay ORGs (a review's misfires)."""

from __future__ import annotations

from functools import cache

import pytest

from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.listed import listed_people
from worker.core.entities.spans import Span

_gaz = cache(Gazetteer.load)
SHELLS = (
    "He bought property all over the US through shell companies operated by three other "
    "men in Miami: Mordechai Korf, Chaim Schochet, & Uriel Laber."
)
STARTUP = "The brain behind this startup is said to be Aryavir Kumar and Margarita Kuritsyna."
RESULTS = "October 30\n\nIga Swiatek beat Marketa Vondrousova 7-6 (7-3), 6-0\n\nCoco Gauff beat"
BANKERS = "Jamie Dimon, David Solomon and Morgan Stanley's Ted Pick testified."
CLAUSES = "The board then hired Wachtell Lipton, and Elon Musk called the ruling absurd."
BANKS = "Mark A. Adley of First Boston, James F. Lyons and William S. Goldberg"
ITS = "Hewlett Packard and Meg Whitman, its chief executive, were sued."
OWNED = "By using this site you agree to our Privacy Policy and Cookie Policy."
APPOSED = "said Kenneth Roth, Human Rights Watch's executive director."
BRANDS = "shops of Christian Dior, Louis Vuitton and Gucci opened"
BAND = "Bruce Springsteen and the E Street Band played"


def _labels(text: str, names: list[tuple[str, str]]) -> dict[str, str]:
    spans = sorted(
        Span(text.index(name), text.index(name) + len(name), label) for name, label in names
    )
    return {text[s.start : s.end]: s.label for s in listed_people(text, spans, _gaz())}


@pytest.mark.parametrize(
    ("text", "names", "name", "expected"),
    [
        (SHELLS, ["Mordechai Korf", "Uriel Laber"], "Chaim Schochet", "PERSON"),
        (STARTUP, ["Margarita Kuritsyna"], "Aryavir Kumar", "PERSON"),
        (RESULTS, ["Iga Swiatek"], "Marketa Vondrousova", "PERSON"),
        (APPOSED, ["Kenneth Roth"], "Human Rights Watch", "ORG"),  # a comma alone: apposition
        (BRANDS, ["Christian Dior"], "Louis Vuitton", "ORG"),  # listed with a brand ("Gucci")
        (BAND, ["Bruce Springsteen"], "E Street Band", "ORG"),  # "the" before it
        (BANKERS, ["Jamie Dimon", "David Solomon"], "Morgan Stanley", "ORG"),  # an owner
        (CLAUSES, ["Elon Musk"], "Wachtell Lipton", "ORG"),  # ", and": two clauses
        (BANKS, ["James F. Lyons", "William S. Goldberg"], "First Boston", "ORG"),  # "of"
        (ITS, ["Meg Whitman"], "Hewlett Packard", "ORG"),  # "its" after the list
        (OWNED, ["Cookie Policy"], "Privacy Policy", "ORG"),  # owned: "our" (the model's PERSON)
    ],
)
def test_an_org_listed_with_people_only_is_a_person(
    text: str, names: list[str], name: str, expected: str
) -> None:
    others = [(n, "PERSON") for n in names] + ([("Gucci", "ORG")] if text is BRANDS else [])
    assert _labels(text, [*others, (name, "ORG")])[name] == expected


def test_the_sides_of_a_result_in_a_participle_clause_are_of_one_kind() -> None:
    text = (  # an AP Davis Cup report (ScrapingHub dev set)
        "Argentina comfortably got past Chile 3-0 in Group C, with Guido Pella beating Nicolas "
        "Jarry 6-4, 6-3 and Diego Schwartzman defeating Cristian Garin 6-2, 6-2."
    )
    labels = _labels(text, [("Cristian Garin", "PERSON"), ("Diego Schwartzman", "ORG")])
    assert labels["Diego Schwartzman"] == "PERSON"
