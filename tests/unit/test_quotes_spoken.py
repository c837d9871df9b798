"""Speakers read at a cue become entities of their article (`entities/spoken.py`).

Texts are short excerpts of `../shared/data/htmldate-dev` pages (news10.com,
miamitodaynews.com) and of a CoNLL dev story; mentions are written by hand as the model gave
them.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.test_quotes import _person
from worker.core.entities import entity_key
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.spoken import quoted
from worker.core.entities.summary import summarize
from worker.core.quotes.names import Names, person_named
from worker.core.types import Entities, Mention

ALBANY = (  # news10.com, UAlbany's arena: the model called "Kayla Cooper" a WORK_OF_ART
    "The Danes are blown away by the additions. “We’ve been allowed to come in here as the "
    "process has been going on but I specifically said I don’t want to see it until it’s fully "
    "done,” said senior guard Kayla Cooper. “When I came in here this morning I was so happy.”\n"
    "“It’s like Christmas morning for the kids,” said head coach of the men’s team, Dwayne "
    "Killings. “They walk in and see their name plates.”\n"
    "Cooper said the new locker room was her favourite part."
)
TRUST = (  # miamitodaynews.com: "Mr. Cueto said", as if the model had found only the full name
    "Josenrique Cueto, the trust’s executive director, presented the plan. “We believe the "
    "presentation is comprehensive and answers all the questions raised by members of the "
    "trust,” Mr. Cueto said."
)


_load = cache(Gazetteer.load)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return _load()


def _entities(text: str, mentions: list[Mention]) -> Entities:
    return Entities(tuple(mentions), (), summarize(text, mentions, (), lambda _: None))


def _mention(text: str, surface: str, label: str, after: int = 0) -> Mention:
    start = text.index(surface, after)
    return Mention(surface, label, start, start + len(surface), surface, entity_key(label, surface))


def test_a_name_after_its_description_is_a_person_of_the_article(gaz: Gazetteer) -> None:
    entities = _entities(ALBANY, [_mention(ALBANY, "Kayla Cooper", "WORK_OF_ART")])
    merged, quotes, _ = quoted(ALBANY, "", entities, gaz)
    said = [q.speaker.canonical if q.speaker else None for q in quotes]
    assert said[:2] == ["Kayla Cooper", "Kayla Cooper"]
    cooper = [m for m in merged.mentions if m.canonical == "Kayla Cooper"]
    assert [(m.text, m.label) for m in cooper] == [("Kayla Cooper", "PERSON")]
    summary = {s.canonical: s for s in merged.summary}
    assert summary["Kayla Cooper"].label == "PERSON"


def test_a_name_apposed_after_a_description_and_its_phrase_speaks(gaz: Gazetteer) -> None:
    entities = _entities(ALBANY, [_person(ALBANY, "Dwayne Killings", "Dwayne Killings")])
    _, quotes, _ = quoted(ALBANY, "", entities, gaz)
    said = [q.speaker.canonical if q.speaker else None for q in quotes]
    assert said[2:] == ["Dwayne Killings", "Dwayne Killings"]


def test_a_surname_elsewhere_joins_the_name_read_at_the_cue(gaz: Gazetteer) -> None:
    at = ALBANY.index("Cooper said")
    entities = _entities(ALBANY, [_person(ALBANY, "Cooper", "Cooper", at)])
    merged, _, _ = quoted(ALBANY, "", entities, gaz)
    keys = {m.text: m.entity_key for m in merged.mentions}
    assert keys == {"Kayla Cooper": "PERSON:kayla-cooper", "Cooper": "PERSON:kayla-cooper"}
    assert [s.mentions for s in merged.summary] == [2]


def test_a_surname_after_an_honorific_is_the_full_name_of_the_article(gaz: Gazetteer) -> None:
    entities = _entities(TRUST, [_person(TRUST, "Josenrique Cueto", "Josenrique Cueto")])
    merged, quotes, _ = quoted(TRUST, "", entities, gaz)
    assert [q.speaker.canonical if q.speaker else None for q in quotes] == ["Josenrique Cueto"]
    cueto = [(m.text, m.entity_key) for m in merged.mentions]
    assert cueto == [
        ("Josenrique Cueto", "PERSON:josenrique-cueto"),
        ("Cueto", "PERSON:josenrique-cueto"),
    ]
    assert [(s.canonical, s.mentions) for s in merged.summary] == [("Josenrique Cueto", 2)]


def test_a_description_without_a_name_stays_unnamed(gaz: Gazetteer) -> None:
    text = "“It’s like Christmas morning for the kids,” said the head coach. “They walk in.”"
    merged, quotes, _ = quoted(text, "", _entities(text, []), gaz)
    assert [q.speaker for q in quotes] == [None, None]
    assert [q.speaker_mention.text for q in quotes if q.speaker_mention] == ["the head coach"] * 2
    assert merged.mentions == ()


_GIVEN = st.sampled_from(["Kayla", "Dwayne", "Dan", "Milica", "Robert"])
_SURNAME = st.sampled_from(["Cooper", "Killings", "James", "Vasiljevic", "Wolfarth"])
_DESCRIPTION = st.sampled_from(
    ["senior guard", "the charity’s development director", "a skeptical"]
)


@settings(max_examples=30, deadline=None)
@given(given_name=_GIVEN, surname=_SURNAME, description=_DESCRIPTION, modelled=st.booleans())
def test_a_canonical_name_is_a_mentions_text_or_the_full_name_read_at_the_cue(
    given_name: str, surname: str, description: str, modelled: bool
) -> None:
    name = f"{given_name} {surname}"
    text = f"{ALBANY.split('“')[0]}“It is so crazy,” said {description} {name}. {surname} said so."
    later = [_person(text, surname, surname, text.index(f"{surname} said"))] if modelled else []
    merged, _, _ = quoted(text, "", _entities(text, later), _load())
    texts = {m.text for m in merged.mentions}
    for m in merged.mentions:
        assert m.canonical in texts | {name}, (m.text, m.canonical)  # a surname's full name
        assert m.entity_key == entity_key(m.label, m.canonical)


def test_a_name_with_a_particle_is_read_whole() -> None:
    # conll-dev-086 (Reuters); its quotation opens a line above, so the reader is asked directly.
    text = (
        "We found it wise to take some time between the commitment to start and the actual "
        'start , " EOE spokesman Lex van Drooge told Reuters .'
    )
    eoe = _mention(text, "EOE", "ORG")
    read = Names(text, [eoe]).before(eoe.start, text.index(" told"))
    assert read is not None and read[0] == person_named("Lex van Drooge")
    assert text[read[1] : read[2]] == "Lex van Drooge"


def test_a_heading_in_capitals_is_no_name(gaz: Gazetteer) -> None:
    # birminghammail.co.uk (htmldate-dev): links to other stories between paragraphs.
    text = (
        "Harden Road and parts of Bloxwich Road.\n"
        "READ MORE: 'Crime out of control in Midlands' as huge policing shake-up proposed\n"
        "READ MORE: Get a free National Trust"
    )
    merged, quotes, _ = quoted(text, "", _entities(text, []), gaz)
    assert [q.speaker for q in quotes] == [None]
    assert merged.mentions == ()
