"""Towns and states the model calls an organisation, outside sports copy: a place where the
text puts one (after "in", "at", ..., or in a list with a place), unless the words around it
make it an organisation. Spans are placed by hand on CoNLL-2003 dev text."""

from __future__ import annotations

import re

import pytest

from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.spans import Span, dateline_places
from worker.core.entities.towns import dateline_towns, towns


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _labels(gaz: Gazetteer, text: str, spans: dict[str, str]) -> dict[str, str]:
    placed = sorted(
        Span(m.start(), m.end(), label)
        for name, label in spans.items()
        for m in re.finditer(re.escape(name), text)
    )
    return {text[s.start : s.end]: s.label for s in towns(text, placed, gaz)}


def test_a_town_after_a_preposition_of_place_is_a_place(gaz: Gazetteer) -> None:
    text = "the attack took place in Sergiyev Posad 70 km ( 45 miles ) from the capital ."
    assert _labels(gaz, text, {"Sergiyev Posad": "ORG"}) == {"Sergiyev Posad": "GPE"}


def test_a_town_listed_after_a_place_is_a_place(gaz: Gazetteer) -> None:
    text = "ceded Strasbourg to France and got back Breisach , Kehl and Freiburg ."
    labels = _labels(gaz, text, {"Strasbourg": "GPE", "Kehl": "GPE", "Freiburg": "ORG"})
    assert labels["Freiburg"] == "GPE"


def test_a_town_without_a_place_word_or_with_an_organisation_noun_stays(gaz: Gazetteer) -> None:
    text = "the Xinhua news agency said ."  # not after a preposition of place
    assert _labels(gaz, text, {"Xinhua": "ORG"}) == {"Xinhua": "ORG"}
    # Constructed: no dev text has a known town after "at" followed by such a noun.
    text = "a reporter at the Xinhua news agency said ."
    assert _labels(gaz, text, {"Xinhua": "ORG"}) == {"Xinhua": "ORG"}


def test_a_town_the_model_calls_a_person_is_a_place_where_the_text_puts_one(
    gaz: Gazetteer,
) -> None:
    # dumps-dev (latimes.com): a town after "in"
    text = "famed Le Mans racetrack came to life in Agua Dulce"
    assert _labels(gaz, text, {"Agua Dulce": "PERSON"}) == {"Agua Dulce": "GPE"}
    # CoNLL dev: listed after a place
    text = "July 3-7 Third test ( at Old Trafford , Manchester )"
    labels = _labels(gaz, text, {"Old Trafford": "GPE", "Manchester": "PERSON"})
    assert labels["Manchester"] == "GPE"


def test_a_person_named_like_a_town_stays_a_person(gaz: Gazetteer) -> None:
    # Constructed: no dev text has a known town the model calls a person after "in" that is
    # one, with a possessive or a longer name of the person in the text.
    text = "in Jackson's view, the deal was fair"
    assert _labels(gaz, text, {"Jackson": "PERSON"}) == {"Jackson": "PERSON"}
    text = "Andrew Jackson won. The mood in Jackson was sour."
    spans = [Span(0, 14, "PERSON"), Span(32, 39, "PERSON")]
    assert [s.label for s in towns(text, spans, gaz)] == ["PERSON", "PERSON"]


def test_a_town_after_a_street_address_or_before_its_residents_is_a_place(
    gaz: Gazetteer,
) -> None:
    text = (  # KentNews and breakingnews.ie, court reports (blind set 5, read)
        "Kadir, 44, of St Mildred’s Road, Margate, was jailed for 11 years.\n"
        "They have been sentenced for the manslaughter of Limerick man, Jason Corbett."
    )
    labels = _labels(gaz, text, {"Margate": "ORG", "Limerick": "ORG", "Road": "ORG"})
    assert labels["Margate"] == labels["Limerick"] == "GPE"
    text = "The crash happened near Gladstone Avenue, Lincoln said."  # a person says it
    assert _labels(gaz, text, {"Lincoln": "ORG"}) == {"Lincoln": "ORG"}


def test_a_family_after_the_or_an_owner_is_a_surnames_not_a_towns(gaz: Gazetteer) -> None:
    text = (  # WSJ (TimeBank wsj_0798); a headline of the scrapinghub set
        "Woodbridge is a holding company owned by Toronto's Thomson family.\n"
        "How one Oakland couple turned their garage into the"
    )
    for label in ("PERSON", "ORG"):
        labels = _labels(gaz, text, {"Thomson": label, "Oakland": label})
        assert labels == {"Thomson": label, "Oakland": "GPE"}


@pytest.mark.parametrize(
    ("written", "name", "country"),
    [("Montreal", "Montréal", "CA"), ("Sao Paulo", "São Paulo", "BR"), ("Cancun", "Cancún", "MX"),
     ("Dusseldorf", "Düsseldorf", "DE"), ("Munich", "Munich", "DE")],
)  # fmt: skip
def test_a_city_written_without_its_accents_is_known(
    gaz: Gazetteer, written: str, name: str, country: str
) -> None:
    place = gaz.place(written)
    assert place is not None and (place.name, place.country_code) == (name, country)


def test_a_states_postal_code_after_one_of_its_cities_is_that_state(gaz: Gazetteer) -> None:
    from worker.core.entities.canonical import resolve
    from worker.core.entities.postal import postal_states

    text = (  # a local TV station's dateline (news10.com), and addresses in the body
        "ALBANY, NY (NEWS10) — The teams spent last season as nomads. He moved to "
        "Springfield, IL, in 2019; she lives in Toronto, CA and in Paris, TX. In Albany, "
        'NY, said Sarah Jackson, MS, RD, a dietitian. "Look, Norman, OK? We did," he said.'
    )
    found = [text[s.start : s.end] for s in postal_states(text, gaz)]
    # no US state has a city called Toronto; a degree after a name (Jackson, Mississippi)
    # and "OK" (Norman, Oklahoma) are no states
    assert found == ["NY", "IL", "TX", "NY"]
    il = text.index("IL,")
    (mentions,), places = resolve([(text, [Span(il, il + 2, "GPE")])], gaz)
    assert mentions[0].canonical == "Illinois"  # not Israel, whose ISO code "IL" is
    assert (places["Illinois"].kind, places["Illinois"].country_code) == ("state", "US")


def test_a_datelines_city_is_that_place_where_the_story_names_it_again(gaz: Gazetteer) -> None:
    text = (  # htmldate-dev 1571147129, a colon after the city as Indian papers write it
        "BHUBANESWAR: A 72-year-old man from Bhubaneswar who had tested positive for\n\n"
        "Covid-19\n\ndied on Monday.\nHe had been admitted to\n\nAIIMS Bhubaneswar"
    )
    assert [text[s.start : s.end] for s in dateline_places(text, gaz)] == ["BHUBANESWAR"]
    # the one inside a longer name is found too: a longer span keeps it (apply_gazetteer)
    assert [
        text[s.start : s.end] for s in dateline_towns(text, dateline_places(text, gaz), gaz)
    ] == ["Bhubaneswar"] * 2
    text = "READING, Pa. — Police said.\nOfficers in Reading said Reading Eagle reported it."
    assert [text[s.start : s.end] for s in dateline_places(text, gaz)] == ["READING"]
    assert [
        text[s.start : s.end] for s in dateline_towns(text, dateline_places(text, gaz), gaz)
    ] == ["Reading"] * 2
    text = "Reading fans cheered as Reading beat Derby."
    assert dateline_towns(text, dateline_places(text, gaz), gaz) == []


@pytest.mark.parametrize(
    "text",
    [
        "AUSTIN, Texas (AP) — Austin Reaves scored 28 points. Austin hit four 3-pointers.",
        "HOLT: Good evening.\nCLINTON: Thank you, Lester. Clinton spoke first.",
        "CLINTON: Thank you.\nHOLT: Good evening. Clinton spoke first.",
        "POLICE: Man, 34, arrested. Police said the man was held. The police arrived.",
        "MOBILE: 07700 900123\nMobile banking is growing.",
        "BURNLEY: Trafford; Roberts, Beyer.\nBURNLEY: Pope. Burnley lost again.",
    ],
)
def test_a_label_that_is_no_dateline_names_no_town(gaz: Gazetteer, text: str) -> None:
    # a given name, a transcript's speakers, a word of the text, figures, a line-up twice
    assert dateline_towns(text, dateline_places(text, gaz), gaz) == []
    labels = [text[s.start : s.end] for s in dateline_places(text, gaz)]
    assert not any(label in ("HOLT", "CLINTON", "POLICE", "MOBILE") for label in labels)
