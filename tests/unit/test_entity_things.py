"""Things the model calls organisations or people: products measured or counted, events
and venues by their head noun; and market indexes named by a number or code. On the gold
set's real texts (MacRumors on the MacBook Pro, Reuters on markets, AP on the Davis Cup); the
words of a quoted title are no entities."""

from __future__ import annotations

import re

from tests.conftest import entity_gold
from worker.core.entities.events import events
from worker.core.entities.indexes import indexes
from worker.core.entities.products import products
from worker.core.entities.spans import Span
from worker.core.entities.works import works

GOLD = {id_: r["text"] for id_, r in entity_gold().items()}


def _org_spans(text: str, name: str) -> list[Span]:
    return [Span(m.start(), m.end(), "ORG") for m in re.finditer(re.escape(name), text)]


def test_a_measured_name_is_a_product_and_a_company_is_not() -> None:
    text = GOLD["232a43fb"]
    spans = sorted(_org_spans(text, "MacBook Pro") + _org_spans(text, "Apple"))
    labels = {(text[s.start : s.end], s.label) for s in products(text, spans)}
    assert ("MacBook Pro", "PRODUCT") in labels  # "the 16-inch MacBook Pro"
    assert ("Apple", "ORG") in labels and ("Apple", "PRODUCT") not in labels


def test_a_drugs_generic_name_is_a_product_and_a_persons_name_is_not() -> None:
    text = (  # an inquest report (Express, htmldate-dev), with the small model's labels
        "Chloe had taken Zopiclone, Diazepam and Tapentadol, the inquest heard. Aryavir "
        "Kumar, Jenny Malone and Ranvir Singh testified."
    )
    labels = {
        "Zopiclone": "GPE", "Diazepam": "ORG", "Tapentadol": "PERSON", "Chloe": "PERSON",
        "Aryavir": "PERSON", "Malone": "PERSON", "Ranvir": "PERSON",
    }  # fmt: skip
    spans = sorted(
        Span(text.index(n), text.index(n) + len(n), label) for n, label in labels.items()
    )
    found = {text[s.start : s.end]: s.label for s in products(text, spans)}
    assert found == labels | dict.fromkeys(("Zopiclone", "Diazepam", "Tapentadol"), "PRODUCT")


def test_names_before_index_or_a_quote_code_are_indexes() -> None:
    text = GOLD["57d46c9d"]
    nasdaq = _org_spans(text, "Nasdaq")  # the model's cut-short "Nasdaq"
    spans = indexes(text, nasdaq)
    found = {text[s.start : s.end] for s in spans if s.label == "ORG"}
    assert {"S&P 500", "STOXX 600", "Nasdaq Composite"} <= found
    composite = text.index("Nasdaq Composite")
    assert [text[s.start : s.end] for s in spans if s.start == composite] == ["Nasdaq Composite"]


def test_a_month_or_a_leading_the_is_no_part_of_an_index() -> None:
    text = (
        "The American Stock Exchange index rose, and the Chicago Purchasing Managers "
        "August index fell."
    )
    found = {text[s.start : s.end] for s in indexes(text, [])}
    assert found == {"American Stock Exchange"}


def test_events_and_venues_by_their_head_noun() -> None:
    text = GOLD["0d461229"]  # the Davis Cup Finals, run with the International Tennis Federation
    spans = sorted(
        _org_spans(text, "Davis Cup Finals") + _org_spans(text, "International Tennis Federation")
    )
    labels = {(text[s.start : s.end], s.label) for s in events(text, spans)}
    assert ("Davis Cup Finals", "EVENT") in labels
    assert ("International Tennis Federation", "ORG") in labels
    text = GOLD["851498a2"]  # "Ford had won the Philip K. Dick Award and multiple World ..."
    assert {s.label for s in events(text, _org_spans(text, "Philip K. Dick Award"))} == {"EVENT"}
    text = GOLD["35b15891"]  # "honored at Cleveland’s Public Auditorium on May 2"
    assert {s.label for s in events(text, _org_spans(text, "Public Auditorium"))} == {"FAC"}


def test_a_name_headed_by_a_noun_of_laws_is_a_law() -> None:
    text = (  # HuffPost on JPMorgan (newspaper4k's tests), a Herald Sun bill, a NYT deal
        "to comply with certain aspects of that law's Volcker Rule. The Data Retention Bill "
        "will be debated. It is regulated under the Investment Company Act of 1940. The "
        "Southern Baptist Convention and Stuart Law, Acme Act and Bill met."
    )
    names = ["Volcker Rule", "Data Retention Bill", "Investment Company Act", "Acme Act"]
    spans = sorted(
        [s for n in names for s in _org_spans(text, n)]
        + _org_spans(text, "Southern Baptist Convention")
    )
    labels = {text[s.start : s.end]: s.label for s in events(text, spans)}
    assert labels == {
        "Volcker Rule": "LAW",
        "Data Retention Bill": "LAW",
        "Investment Company Act": "LAW",
        "Acme Act": "ORG",  # no "the" before it: a firm's or a person's name
        "Southern Baptist Convention": "ORG",  # a church: "Convention" heads no law here
    }
    text = "Rapper Ja Rule was sued. Ocean Protocol said it would split."
    names = [*_org_spans(text, "Ja Rule"), *_org_spans(text, "Ocean Protocol")]
    assert events(text, names) == names  # no "the": a person's and a firm's names
    text = (
        "to comply with certain aspects of that law's Volcker Rule. The Data Retention Bill "
        "will be debated. It is regulated under the Investment Company Act of 1940. The "
        "Southern Baptist Convention and Stuart Law, Acme Act and Bill met."
    )
    law, bill = text.index("Stuart Law"), text.rindex("Bill")
    people = [Span(law, law + 10, "PERSON"), Span(bill, bill + 4, "PERSON")]
    assert events(text, people) == people  # "Law" is no head and one word is no law's name


def test_words_of_a_quoted_title_are_no_entities_and_quoted_speech_keeps_its_names() -> None:
    text = GOLD["35b15891"]  # '... bringing out McDonald during an encore to perform
    # “Takin’ It to the Streets.”'
    spans = sorted(
        _org_spans(text, "Streets")
        + [Span(m.start(), m.end(), "PERSON") for m in re.finditer("McDonald", text)]
    )
    labels = {(text[s.start : s.end], s.label) for s in works(text, spans)}
    assert labels == {("Streets", "WORK_OF_ART"), ("McDonald", "PERSON")}
    text = GOLD["70cb2d5b"]  # '“At no point did we say Taylor could not perform on the AMAs
    # or block her Netflix special,” they said'
    start = text.index("Netflix special,")
    speech = [Span(start, start + len("Netflix"), "ORG")]
    assert works(text, speech) == speech


def test_a_name_headed_by_center_is_a_facility_where_the_text_puts_someone_at_it() -> None:
    text = GOLD["c58aa507"]  # "federal inmates in their care at the Metropolitan Correctional
    # Center"
    spans = _org_spans(text, "Metropolitan Correctional Center")
    assert {s.label for s in events(text, spans)} == {"FAC"}
    text = GOLD["686bb170"]  # "a planetary scientist at NASA's Goddard Space Flight Center":
    # a unit of an organisation
    assert {s.label for s in events(text, _org_spans(text, "Goddard Space Flight Center"))} == {
        "ORG"
    }


def test_a_facility_that_acts_as_an_institution_keeps_its_label() -> None:
    # Constructed: no dev text has a facility as the subject of "said" or "announced".
    text = "A toll rise, the New Jersey Turnpike announced. The New Jersey Turnpike was closed."
    labels = [s.label for s in events(text, _org_spans(text, "New Jersey Turnpike"))]
    assert labels == ["ORG", "FAC"]


def test_a_head_the_model_left_out_and_a_named_storm_make_events() -> None:
    text = (  # telegraph.co.uk and metro.co.uk pages of htmldate-dev
        "Jessica Pegula returns to action at the WTA Finals today (Thursday 2 November).\n"
        "Storm Ciarán has also had a devastating impact on Europe, claiming the lives of five "
        "people in France. Falling trees caused fatalities as the storm battered the continent."
    )
    spans = sorted(_org_spans(text, "WTA") + _org_spans(text, "Storm Ciarán"))
    labels = {(text[s.start : s.end], s.label) for s in events(text, spans)}
    assert labels == {("WTA Finals", "EVENT"), ("Storm Ciarán", "EVENT")}


def test_a_head_another_name_holds_is_not_taken_in() -> None:
    text = "The Islanders' Stanley Cup Final win of 1983 came at Nassau Coliseum."
    stanley = _org_spans(text, "Stanley")[0]._replace(label="PERSON")
    final = _org_spans(text, "Cup Final")[0]._replace(label="EVENT")
    assert events(text, [stanley, final]) == [stanley, final]  # no two spans over "Cup"
    assert events("", []) == []
    person = "The actress Storm Reid starred in the film."  # no weather spoken of
    spans = [Span(person.index("Storm"), person.index(" starred"), "PERSON")]
    assert [s.label for s in events(person, spans)] == ["PERSON"]
