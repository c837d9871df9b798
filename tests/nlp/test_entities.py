"""Entity extraction on the reference article and on real-looking news sentences."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.quality.entities import load_gold
from tests.conftest import SAMPLE
from worker.core import Core, Limits
from worker.core.entities import EntityExtractor, entity_key
from worker.core.entities.chunking import chunk_spans
from worker.core.entities.described import described_places
from worker.core.entities.possessives import split_possessives
from worker.core.entities.spans import (
    LABELS,
    Span,
    apply_gazetteer,
    dateline_places,
    propagate,
    trim,
)
from worker.core.text import credit_spans
from worker.core.types import Entities, EntitySummary, Place

GOLD = Path(__file__).parents[1] / "fixtures/entities-gold/gold.jsonl"
TITLE = "Putin calls for ex-Soviet states to expand their influence"
CAPTION_TAG = "Kyrgyzstan Summit CIS"
ASCII_QUOTES = str.maketrans({"\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _sample_paragraphs() -> tuple[list[str], list[str]]:
    """(article paragraphs, caption paragraphs) of the reference dump, ASCII quotes.

    The article runs from its first sentence to the end; each caption is the
    line after a "Kyrgyzstan Summit CIS" tag.
    """
    raw = SAMPLE.read_text(encoding="utf-8").translate(ASCII_QUOTES)
    lines = [
        line.strip()
        for line in raw[raw.index("Russian President Vladimir Putin attended") :].split("\n")
    ]
    lines = [line for line in lines if line]
    captions = [lines[i + 1] for i, line in enumerate(lines) if line == CAPTION_TAG]
    article = [line for line in lines if line != CAPTION_TAG and line not in captions]
    return article, captions


@pytest.fixture(scope="module")
def extractor(make_core: Callable[[Limits], Core]) -> EntityExtractor:
    return make_core(Limits()).entities  # the session's model


@pytest.fixture(scope="module")
def sample_body() -> str:
    return "\n\n".join(_sample_paragraphs()[0])


@pytest.fixture(scope="module")
def sample(extractor: EntityExtractor, sample_body: str) -> Entities:
    return extractor.extract(TITLE, sample_body)


def _assert_well_formed(entities: Entities, title: str | None, body: str) -> None:
    for mention in entities.mentions:
        assert body[mention.start : mention.end] == mention.text
    for mention in entities.title_mentions:
        assert (title or "")[mention.start : mention.end] == mention.text
    all_mentions = (*entities.mentions, *entities.title_mentions)
    assert {m.label for m in all_mentions} <= LABELS
    keys = [s.entity_key for s in entities.summary]
    assert len(keys) == len(set(keys))
    assert set(keys) == {m.entity_key for m in all_mentions}
    saliences = [s.salience for s in entities.summary]
    assert saliences == sorted(saliences, reverse=True)
    assert all(0 <= s <= 1 for s in saliences)
    for summary in entities.summary:
        assert summary.mentions == sum(m.entity_key == summary.entity_key for m in all_mentions)


def _summary(entities: Entities, key: str) -> EntitySummary:
    return next(s for s in entities.summary if s.entity_key == key)


def _canonicals(entities: Entities, surface: str) -> set[str]:
    return {m.canonical for m in entities.mentions if m.text == surface}


def test_sample_is_well_formed(sample: Entities, sample_body: str) -> None:
    _assert_well_formed(sample, TITLE, sample_body)


def test_sample_putin_is_one_person_and_the_main_subject(
    sample: Entities, sample_body: str
) -> None:
    putin = _summary(sample, "PERSON:vladimir-putin")
    assert (putin.canonical, putin.label) == ("Vladimir Putin", "PERSON")
    assert sample.summary[0] == putin
    assert putin.in_title and putin.in_lede
    # every "Putin" of the body ("Russian President Vladimir Putin", "Mr Putin") and the title
    assert putin.mentions == sample_body.count("Putin") + 1
    assert _canonicals(sample, "Putin") == {"Vladimir Putin"}
    assert [m.canonical for m in sample.title_mentions if m.text == "Putin"] == ["Vladimir Putin"]


def test_sample_pashinyan_without_possessive_or_title(sample: Entities, sample_body: str) -> None:
    pashinyan = _summary(sample, "PERSON:nikol-pashinyan")
    assert (pashinyan.canonical, pashinyan.label) == ("Nikol Pashinyan", "PERSON")
    assert pashinyan.mentions == sample_body.count("Pashinyan")
    assert _canonicals(sample, "Pashinyan") == {"Nikol Pashinyan"}  # "Mr Pashinyan"
    assert not any(m.text.endswith("'s") or m.text.startswith("Mr") for m in sample.mentions)


def test_sample_entity_list_is_exactly_right(sample: Entities) -> None:
    # Read off the article by hand: every entity once, under its full name.
    assert sorted((s.label, s.canonical) for s in sample.summary) == sorted(
        [
            ("PERSON", "Vladimir Putin"),
            ("PERSON", "Nikol Pashinyan"),
            ("ORG", "Commonwealth of Independent States"),
            ("ORG", "Hamas"),
            ("ORG", "International Criminal Court"),
            ("GPE", "Moscow"),
            ("GPE", "Russia"),
            ("GPE", "Kyrgyzstan"),
            ("GPE", "Bishkek"),
            ("GPE", "Armenia"),
            ("GPE", "Azerbaijan"),
            ("GPE", "Ukraine"),
            ("GPE", "Israel"),
            ("GPE", "Gaza"),
            ("LOC", "Nagorno-Karabakh"),
            ("LOC", "Global South"),
            ("NORP", "Soviet"),
            ("NORP", "Russian"),
            ("NORP", "Western"),
            ("NORP", "Armenian"),
            ("NORP", "Ukrainian"),
            ("NORP", "Israeli"),
            ("NORP", "Palestinian"),
        ]
    )
    assert [(m.text, m.canonical) for m in sample.title_mentions] == [
        ("Putin", "Vladimir Putin"),
        ("Soviet", "Soviet"),
    ]


def test_sample_every_occurrence_is_a_mention(sample: Entities, sample_body: str) -> None:
    # "Western sanctions", "Western threats", "some Western weapons": all three.
    for name in ("Western", "Russian", "Russia", "Moscow", "Israel", "Ukraine", "Hamas"):
        found = [m for m in sample.mentions if m.canonical == name]
        assert len(found) == len(re.findall(rf"\b{name}\b", sample_body)), name


def _described(text: str, name: str) -> str:
    start = text.index(name)
    other = text.index("Ithaca") if "Ithaca" in text else len(text)
    spans = [Span(start, start + len(name), "ORG")]
    if other < len(text):
        spans.append(Span(other, other + len("Ithaca"), "GPE"))
    (first, *_) = described_places(text, spans)
    return first.label


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # the sample: a locative object described again in the same sentence
        (
            "Azerbaijan reclaimed control last month of Nagorno-Karabakh, sparking a mass "
            "exodus of the breakaway region’s ethnic Armenian population.",
            "Nagorno-Karabakh",
            "LOC",
        ),
        (
            "Carlineo, 55, of Addison, a village southwest of Ithaca, pleaded guilty.",
            "Addison",
            "GPE",
        ),
        ("Shelling hit the Donbas region overnight.", "Donbas", "LOC"),
        # a subject, not a place: "the territory's" is someone else's
        ("Hamas said the territory’s health ministry counted 20 dead.", "Hamas", "ORG"),
        # an apposition about the company, not a place
        ("Microsoft, the country’s biggest company, said so.", "Microsoft", "ORG"),
        ("They moved to Acme, the group that runs the region’s ports.", "Acme", "ORG"),
        # the description belongs to the next sentence
        ("He works in Acme. The region’s mayor agreed.", "Acme", "ORG"),
    ],
)
def test_places_the_article_describes(text: str, name: str, label: str) -> None:
    assert _described(text, name) == label


def test_sample_places_nationalities_and_organisations(sample: Entities) -> None:
    labels = {s.canonical: s.label for s in sample.summary}
    assert labels["Kyrgyzstan"] == labels["Bishkek"] == labels["Armenia"] == "GPE"
    assert labels["Commonwealth of Independent States"] == "ORG"
    assert labels["Ukrainian"] == labels["Armenian"] == labels["Russian"] == "NORP"
    # the model tags one "Armenia" ORG and one "Ukrainian" GPE; the gazetteer fixes both
    assert {m.label for m in sample.mentions if m.text in ("Armenia", "Ukraine")} == {"GPE"}
    assert {m.label for m in sample.mentions if m.text == "Ukrainian"} == {"NORP"}


def test_captions_left_inline_give_no_credit_entities(
    extractor: EntityExtractor, sample_body: str
) -> None:
    captions = _sample_paragraphs()[1]
    body = "\n\n".join([sample_body, *captions])
    entities = extractor.extract(TITLE, body)
    _assert_well_formed(entities, TITLE, body)
    texts = {m.text for m in entities.mentions}
    credits = {"Pavel Bednyakov", "Bednyakov", "Sputnik", "Kremlin Pool Photo", "Voronin"}
    assert not texts & (credits | {"Vladimir Voronin", "AP", "PA", "AP/PA"})
    cis = [m for m in entities.mentions if m.text == "CIS"]
    assert len(cis) == body.count("(CIS)")
    assert {m.entity_key for m in cis} == {"ORG:commonwealth-of-independent-states"}
    assert {m.canonical for m in entities.mentions if m.label == "PERSON"} >= {
        "Vladimir Putin",
        "Kassym-Jomart Tokayev",
        "Ilham Aliyev",
        "Emomali Rahmon",
    }


def test_chunked_long_body_keeps_exact_offsets(
    extractor: EntityExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraphs = _sample_paragraphs()[0]
    body = "\n\n".join(paragraphs * 8)
    whole = extractor.extract(TITLE, body)
    monkeypatch.setattr(extractor, "max_chunk_chars", 200)
    assert len(list(chunk_spans(body, 200))) > len(paragraphs) * 8  # paragraphs were split
    chunked = extractor.extract(TITLE, body)
    _assert_well_formed(chunked, TITLE, body)
    assert _summary(chunked, "PERSON:vladimir-putin").mentions == body.count("Putin") + 1
    # cuts fall at sentence ends (or between words), so the entities are the same
    assert chunked == whole


def test_chunk_spans_are_bounded_and_cover_the_text() -> None:
    text = "First one. Second sentence here!  Third.\n\n\n  Next paragraph.\n \nx" + "y" * 30
    chunks = list(chunk_spans(text, 20))
    assert all(0 < end - start <= 20 for start, end in chunks)
    assert [text[s:e] for s, e in chunks][:4] == [
        "First one.",
        "Second sentence",
        "here!  Third.",
        "Next paragraph.",
    ]
    covered = "".join(text[s:e] for s, e in chunks)
    assert covered.replace(" ", "") == "".join(text.split())
    with pytest.raises(ValueError):
        list(chunk_spans(text, 0))


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Nikol Pashinyan's", "PERSON", ("Nikol Pashinyan", "PERSON")),
        ("Russian President Vladimir Putin", "PERSON", ("Vladimir Putin", "PERSON")),
        (
            "Kazakhstan's President Kassym-Jomart Tokayev",
            "PERSON",
            ("Kassym-Jomart Tokayev", "PERSON"),
        ),
        ("Armenian Prime Minister Nikol Pashinyan", "PERSON", ("Nikol Pashinyan", "PERSON")),
        ("Home Secretary Suella Braverman", "PERSON", ("Suella Braverman", "PERSON")),
        ("Mr Putin", "ORG", ("Putin", "PERSON")),
        ("Jordan Henderson", "PERSON", ("Jordan Henderson", "PERSON")),
        ("Stephen King", "PERSON", ("Stephen King", "PERSON")),
        (
            "the Commonwealth of Independent States",
            "ORG",
            ("Commonwealth of Independent States", "ORG"),
        ),
        ("The Hague", "GPE", ("The Hague", "GPE")),
        ("Belarus'", "GPE", ("Belarus", "GPE")),
        ("President", "PERSON", None),
        ("https://t.co/HO1ZRs9T1P", "PERSON", None),
        ("@_orabora", "PERSON", None),
        # typographic apostrophes, as in most published text
        ("Zach Parise\u2019s", "PERSON", ("Zach Parise", "PERSON")),
        ("Tays\u2019", "PERSON", ("Tays", "PERSON")),
        # what the model runs into after a name
        ("Kim Kardashian -", "PERSON", ("Kim Kardashian", "PERSON")),
        ("Associated Press that", "ORG", ("Associated Press", "ORG")),
        ("Shanghai Composite (SHCOMP", "ORG", ("Shanghai Composite", "ORG")),
        ("Nikkei 225 (N225)", "ORG", ("Nikkei 225 (N225)", "ORG")),
        # no capital letter, no name
        ("n\u2019t", "GPE", None),
        ("marijuana", "PERSON", None),
        # a position code inside a mixed-case name; all-capital names are left alone
        ("Browns DL Sheldon Richardson", "PERSON", ("Sheldon Richardson", "PERSON")),
        ("JJ Watt", "PERSON", ("JJ Watt", "PERSON")),
        ("JOHN SMITH", "PERSON", ("JOHN SMITH", "PERSON")),
        # English prefixes are not part of the name; Arabic articles are
        ("ex-Soviet", "NORP", ("Soviet", "NORP")),
        ("pro-Russian", "NORP", ("Russian", "NORP")),
        ("al-Qaeda", "ORG", ("al-Qaeda", "ORG")),
    ],
)
def test_trim(
    extractor: EntityExtractor, text: str, label: str, expected: tuple[str, str] | None
) -> None:
    trimmed = trim(text, Span(0, len(text), label), extractor.gazetteer)
    assert (trimmed and (text[trimmed.start : trimmed.end], trimmed.label)) == expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("The Steelers spent Monday on it.", "PERSON", "ORG"),
        ("a win over the Sabres in front of 15,522", "PERSON", "ORG"),
        ("the Trump administration", "PERSON", "PERSON"),
        ("the Ross family", "PERSON", "PERSON"),
    ],
)
def test_plural_name_after_the_is_a_team(
    extractor: EntityExtractor, text: str, label: str, expected: str
) -> None:
    name = next(w for w in text.split() if w[0].isupper() and w != "The")
    start = text.index(name)
    trimmed = trim(text, Span(start, start + len(name), label), extractor.gazetteer)
    assert trimmed is not None and trimmed.label == expected


def test_split_possessives(extractor: EntityExtractor) -> None:
    text = (
        "Amazon founder Jeff Bezos\u2019s Blue Origin and NASA's Office of the Inspector General "
        "met Kazakhstan's President Kassym-Jomart Tokayev."
    )
    spans = [
        Span(text.index(name), text.index(name) + len(name), label)
        for name, label in (
            ("Jeff Bezos\u2019s Blue Origin", "PERSON"),
            ("NASA's Office of the Inspector General", "ORG"),
            ("Kazakhstan's President Kassym-Jomart Tokayev", "ORG"),
        )
    ]
    result = split_possessives(text, spans, extractor.gazetteer)
    assert [(text[s.start : s.end], s.label) for s in result] == [
        ("Jeff Bezos", "PERSON"),
        ("Blue Origin", "ORG"),
        ("NASA", "ORG"),
        ("Office of the Inspector General", "ORG"),
        ("Kazakhstan", "GPE"),
        ("President Kassym-Jomart Tokayev", "PERSON"),
    ]


def test_propagate_adds_missed_occurrences() -> None:
    text = "WeWork is based in New York. WeWork\u2019s founder left, WeWorks and wework said."
    result = propagate(text, [Span(0, 6, "ORG"), Span(19, 27, "GPE")], {"WeWork": "ORG"})
    assert [(text[s.start : s.end], s.label) for s in result] == [
        ("WeWork", "ORG"),
        ("New York", "GPE"),
        ("WeWork", "ORG"),
    ]


def test_propagate_widens_a_part_of_a_full_name_to_the_name() -> None:
    # bostonherald.com (set 15): the model read "Han" apart (a nationality) and "Lee" alone
    text = "the ringleader Han Lee, 41, of Cambridge. Han Lee and Junmyung Lee were arraigned."
    second = text.index("Han Lee and")
    junmyung = text.index("Junmyung")
    spans = [
        Span(15, 22, "PERSON"),
        Span(second, second + 3, "NORP"),
        Span(second + 4, second + 7, "PERSON"),
        Span(junmyung, junmyung + 12, "PERSON"),
    ]
    names = {"Han Lee": "PERSON", "Junmyung Lee": "PERSON", "Han": "NORP", "Lee": "PERSON"}
    result = propagate(text, spans, names)
    assert [(text[s.start : s.end], s.label) for s in result] == [
        ("Han Lee", "PERSON"),
        ("Han Lee", "PERSON"),
        ("Junmyung Lee", "PERSON"),
    ]
    text = "Vice President Mike Pence met Pence aides."  # no span to widen: nothing changes
    assert propagate(text, [Span(15, 25, "PERSON")], {"Mike Pence": "PERSON"}) == [
        Span(15, 25, "PERSON")
    ]


def _gold_text(article_id: str) -> str:
    """An article of the entity gold set (real news text)."""
    records = (json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines())
    return next(r["text"] for r in records if r["id"] == article_id)


def test_names_found_once_are_found_everywhere(extractor: EntityExtractor) -> None:
    body = _gold_text("1ace8c85")  # TechCrunch on WeWork; the model finds 2 of 8 "WeWork"s
    entities = extractor.extract(None, body)
    assert [m.start for m in entities.mentions if m.text == "WeWork"] == [
        m.start() for m in re.finditer("WeWork", body)
    ]


def test_full_name_is_a_person_when_its_surname_is(extractor: EntityExtractor) -> None:
    body = (
        "Cleveland DL Larry Ogunjobi also received a one-game suspension for shoving "
        "Pittsburgh quarterback Mason Rudolph to the ground. Rudolph and Garrett engaged in "
        "a heated altercation before Garrett hit Rudolph in the head."
    )
    entities = extractor.extract(None, body)
    people = {m.text: m.canonical for m in entities.mentions if m.label == "PERSON"}
    assert people["Mason Rudolph"] == people["Rudolph"] == "Mason Rudolph"


def test_suffix_is_not_a_surname(extractor: EntityExtractor) -> None:
    assert extractor.gazetteer.surname("Patrick W. Carlineo Jr.") == "Carlineo"
    assert extractor.gazetteer.surname("Martin Luther King III") == "King"
    assert extractor.gazetteer.surname("Jr.") == "Jr."


def test_gazetteer_relabels_only_clear_model_errors(extractor: EntityExtractor) -> None:
    text = "Armenia hosted Michael Jordan in Bishkek. Jordan and Phoenix signed."
    spans = [
        Span(0, 7, "ORG"),  # Armenia: a country, not an organisation
        Span(15, 29, "PERSON"),  # Michael Jordan
        Span(42, 48, "PERSON"),  # Jordan: the person above, not the country
        Span(53, 60, "ORG"),  # Phoenix: a city, but as an ORG likely a team or company
    ]
    matches = [Span(s, e, "GPE") for s, e in ((0, 7), (23, 29), (33, 40), (42, 48), (53, 60))]
    keep_person = {"Jordan"}
    result = apply_gazetteer(text, spans, matches, keep_person, extractor.gazetteer)
    assert [(text[s.start : s.end], s.label) for s in result] == [
        ("Armenia", "GPE"),
        ("Michael Jordan", "PERSON"),
        ("Bishkek", "GPE"),  # missed by the model, added
        ("Jordan", "PERSON"),
        ("Phoenix", "ORG"),
    ]


def test_titles_and_possessives_in_sentences(extractor: EntityExtractor) -> None:
    body = (
        "Home Secretary Suella Braverman said the plan was legal. "
        "Mrs Braverman's speech was praised by Kazakhstan's President Kassym-Jomart Tokayev."
    )
    entities = extractor.extract(None, body)
    people = {m.text: m.canonical for m in entities.mentions if m.label == "PERSON"}
    assert people == {
        "Suella Braverman": "Suella Braverman",
        "Braverman": "Suella Braverman",
        "Kassym-Jomart Tokayev": "Kassym-Jomart Tokayev",
    }


def test_shared_surname_is_left_unresolved(extractor: EntityExtractor) -> None:
    body = (
        "Boris Johnson met Dwayne Johnson in London on Tuesday. Johnson said the meeting went well."
    )
    entities = extractor.extract(None, body)
    assert _canonicals(entities, "Johnson") == {"Johnson"}
    assert _canonicals(entities, "Boris Johnson") == {"Boris Johnson"}


def test_acronyms_defined_in_the_article(extractor: EntityExtractor) -> None:
    body = (
        "Leaders of the North Atlantic Treaty Organization (NATO) met in Brussels.\n\n"
        "NATO said its members would raise spending. "
        "The World Health Organization (CIS) issued a statement."
    )
    entities = extractor.extract("NATO leaders meet", body)
    nato = _summary(entities, "ORG:north-atlantic-treaty-organization")
    assert nato.mentions == 4 and nato.in_title
    assert {m.canonical for m in entities.title_mentions if m.text == "NATO"} == {
        "North Atlantic Treaty Organization"
    }
    assert "North Atlantic Treaty Organization" not in _canonicals(entities, "CIS")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        (
            "Leaders pose in Bishkek, Kyrgyzstan, on Friday "
            "(Pavel Bednyakov, Sputnik, Kremlin Pool Photo via AP/PA)",
            "(Pavel Bednyakov, Sputnik, Kremlin Pool Photo via AP/PA)",
        ),
        (
            "Leaders walk to the session in Kyrgyzstan (Vladimir Voronin/AP/PA)",
            "(Vladimir Voronin/AP/PA)",
        ),
        (
            "Sergei Lavrov speaks in Moscow. Photo: Alexander Zemlianichenko/Reuters",
            "Photo: Alexander Zemlianichenko/Reuters",
        ),
        ("MOSCOW (AP) — Russia said on Friday it would respond.", "(AP)"),
        ("Protesters gather in Kyiv, Ukraine. Jane Doe/Reuters", "Jane Doe/Reuters"),
        ("Hong Kong (CNN Business) A muddled view of trade talks.", "(CNN Business)"),
        ("Washington, DC (CNN) The president said.", "(CNN)"),
        ("A view of the port (Jane Doe/Getty Images)", "(Jane Doe/Getty Images)"),
        ("By Press Association", "By Press Association"),
    ],
)
def test_credit_spans(text: str, credit: str) -> None:
    assert [text[s:e] for s, e in credit_spans(text)] == [credit]


@pytest.mark.parametrize(
    "text",
    [
        "Russia sent drones to Iran via Turkey, officials of the "
        "Commonwealth of Independent States (CIS) said.",
        "The exhibition shows a photograph by Annie Leibovitz of the Queen.",
        "Kyiv and Moscow traded blame (Russia denies it).",
        "Both sides (Israel and/or Hamas) must stop.",
        "Fighting near the West Bank/Gaza border continued.",
        "Talks on the Israel/Palestine question resumed.",
        "Lewis Hamilton (Mercedes) 1:23.456",
        "John Smith (Labour) said he would vote.",
    ],
)
def test_no_credit_spans_in_story_text(text: str) -> None:
    assert credit_spans(text) == []


def test_credits_are_not_entities(extractor: EntityExtractor) -> None:
    body = (
        "MOSCOW (AP) — Russian Foreign Minister Sergei Lavrov met Chinese officials in Beijing. "
        "Photo: Alexander Zemlianichenko/Reuters\n\n"
        "Leaders walk to the session in Kyrgyzstan (Vladimir Voronin/AP/PA)"
    )
    entities = extractor.extract(None, body)
    found = {(m.canonical, m.label) for m in entities.mentions}
    assert found == {
        ("Moscow", "GPE"),
        ("Russian", "NORP"),
        ("Sergei Lavrov", "PERSON"),
        ("Chinese", "NORP"),
        ("Beijing", "GPE"),
        ("Kyrgyzstan", "GPE"),
    }


def test_entity_keys_are_stable(extractor: EntityExtractor, sample: Entities) -> None:
    assert entity_key("PERSON", "Émomali  Rahmon!") == "PERSON:emomali-rahmon"
    assert entity_key("GPE", "Côte d'Ivoire") == "GPE:cote-d-ivoire"
    other = extractor.extract(None, "Mr Putin spoke. Vladimir Putin later left Bishkek.")
    assert {m.entity_key for m in other.mentions} <= {s.entity_key for s in sample.summary}
    assert {m.entity_key for m in other.mentions} == {"PERSON:vladimir-putin", "GPE:bishkek"}


def test_title_raises_salience(extractor: EntityExtractor, sample_body: str) -> None:
    without = _summary(extractor.extract(None, sample_body), "GPE:kyrgyzstan")
    with_title = extractor.extract("Putin visits Kyrgyzstan", sample_body)
    kyrgyzstan = _summary(with_title, "GPE:kyrgyzstan")
    assert kyrgyzstan.in_title and not without.in_title
    assert kyrgyzstan.salience > without.salience
    assert kyrgyzstan.first_offset == without.first_offset > 0


def test_batch_is_the_same_as_single_articles(
    extractor: EntityExtractor, sample: Entities, sample_body: str
) -> None:
    other = (None, "Mr Pashinyan met Emmanuel Macron in Paris.")
    batch = extractor.extract_batch([(TITLE, sample_body), other, ("", ""), (None, "   ")])
    assert batch[0] == sample
    assert batch[1] == extractor.extract(*other)
    assert batch[2] == batch[3] == Entities((), (), ())


def test_places_resolve_offline(extractor: EntityExtractor, sample: Entities) -> None:
    places = extractor.gazetteer.places
    gpe = {s.canonical for s in sample.summary if s.label == "GPE"}
    assert {"Kyrgyzstan", "Bishkek", "Russia", "Moscow"} <= gpe
    bishkek = places["Bishkek"]
    assert (bishkek.country_code, bishkek.kind) == ("KG", "capital")
    assert bishkek.latitude == pytest.approx(42.87, abs=0.1)
    assert places["Russian Federation"] == places["Russia"] == places["RUSSIA"]
    assert places["Kyrgyzstan"].kind == "country"


@pytest.mark.parametrize(
    ("surface", "name", "kind"),
    [
        ("US", "United States", "country"),  # an ISO code: names a place the model found
        ("U.S.", "United States", "country"),
        ("UK", "United Kingdom", "country"),
        ("U.K.", "United Kingdom", "country"),
        ("UAE", "United Arab Emirates", "country"),
        ("Minn.", "Minnesota", "state"),
        ("W.Va.", "West Virginia", "state"),
        ("Europe", "Europe", "continent"),
        ("Burbank", "Burbank", "city"),  # below the matching threshold, known as an alias
    ],
)
def test_place_aliases(extractor: EntityExtractor, surface: str, name: str, kind: str) -> None:
    place = extractor.gazetteer.place(surface)
    assert place is not None and (place.name, place.kind) == (name, kind)


def test_codes_and_small_towns_are_not_matched_as_words(extractor: EntityExtractor) -> None:
    places = extractor.gazetteer.places
    assert {"US", "IN", "IT", "AN", "Hope", "Franklin", "Miss."}.isdisjoint(places)


def test_places_in_news_sentences(extractor: EntityExtractor) -> None:
    body = (
        "BUFFALO, N.Y. \u2014 Rep. Ilhan Omar, D-Minn., said the US and the UK agreed.\n\n"
        "Prices fell after large overnight gains in Asia and Europe."
    )
    entities = extractor.extract(None, body)
    found = {(m.text, m.label, m.canonical) for m in entities.mentions}
    assert {
        ("BUFFALO", "GPE", "Buffalo"),
        ("N.Y.", "GPE", "New York"),
        ("Minn.", "GPE", "Minnesota"),
        ("US", "GPE", "United States"),
        ("UK", "GPE", "United Kingdom"),
        ("Asia", "LOC", "Asia"),
        ("Europe", "LOC", "Europe"),
    } <= found
    buffalo = _summary(entities, "GPE:buffalo").place
    assert buffalo is not None and (buffalo.country_code, buffalo.kind) == ("US", "city")
    assert buffalo.latitude == pytest.approx(42.9, abs=0.1)
    asia = _summary(entities, "LOC:asia").place
    assert asia is not None and (asia.name, asia.kind, asia.country_code) == (
        "Asia",
        "continent",
        None,
    )
    assert all(s.place is None for s in entities.summary if s.label not in ("GPE", "LOC"))


def test_dateline_places(extractor: EntityExtractor) -> None:
    text = "HALLE 1996-08-30\n\nSOCCER - GERMAN CUP RESULT\n\nBUFFALO, N.Y. \u2014 It rained."
    assert [text[s.start : s.end] for s in dateline_places(text, extractor.gazetteer)] == [
        "HALLE",
        "BUFFALO",
    ]
    assert isinstance(extractor.gazetteer.dateline_place("HALLE"), Place)


def test_gold_set_is_well_formed() -> None:
    docs = load_gold(GOLD)  # raises on a span that is not its text, overlaps, bad labels
    assert len(docs) >= 20 and len({doc.id for doc in docs}) == len(docs)
    assert all(len(doc.text) <= 2500 for doc in docs)
    labels = {m.label for doc in docs for m in doc.mentions}
    assert labels == {"PERSON", "ORG", "GPE", "LOC", "MISC"}
