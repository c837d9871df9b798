"""Organisation names with an "and" inside: joined where an acronym in brackets says they
are one name (Reuters copy of the CoNLL dev set, tokenized as it is there), left two
names where nothing does (the gold set's MacRumors and Seattle Times articles); an
acronym a name defines takes its label wherever it stands."""

from __future__ import annotations

import re

from tests.conftest import entity_gold
from worker.core.entities.coordination import (
    acronyms,
    joined_at_connector,
    joined_by_acronym,
)
from worker.core.entities.spans import Span

GOLD = {id_: r["text"] for id_, r in entity_gold().items()}
LIFFE = (
    "The September Bund future on the London International Financial Futures and Options "
    "Exchange ( LIFFE ) was trading at 97.18 , down 0.20 from Thursday 's settlement .\n"
    "The September long gilt future on LIFFE was trading at 107-2/32 , down 8/32"
)
SLORC = (
    "The NLD party won a landslide victory in a 1990 election but the State Law and Order "
    "Restoration Council ( SLORC ) , which assumed power in 1988"
)
KDP = (
    "Faik Nerweyi of the Kurdistan Democratic Party ( KDP ) told Reuters by telephone "
    "from Ankara .\nNerweyi said he did not know the size or nature of the Iranian force "
    "in northern Iraq , but said KDP fighters had been easily outgunned"
)


def _spans(text: str, label: str, *names: str) -> list[Span]:
    return sorted(
        Span(m.start(), m.end(), label) for name in names for m in re.finditer(name, text)
    )


def _named(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in spans]


def test_a_name_cut_at_and_is_joined_when_its_acronym_follows() -> None:
    cut = _spans(LIFFE, "ORG", "London International Financial Futures", "Options Exchange")
    title = _spans(LIFFE, "WORK_OF_ART", "LIFFE")  # the model's label of the acronym
    assert _named(LIFFE, joined_by_acronym(LIFFE, sorted(cut + title))) == [
        ("London International Financial Futures and Options Exchange", "ORG"),
        ("LIFFE", "ORG"),  # its acronym, which skips the capital of "Options"
        ("LIFFE", "ORG"),  # and the acronym's other mentions
    ]
    missed = _spans(SLORC, "ORG", "NLD")  # the model found no part of the council's name
    assert _named(SLORC, joined_by_acronym(SLORC, missed)) == [
        ("NLD", "ORG"),
        ("State Law and Order Restoration Council", "ORG"),
        ("SLORC", "ORG"),
    ]


def test_two_organisations_joined_by_and_stay_two_without_an_acronym() -> None:
    text = GOLD["232a43fb"]  # "Wistron and Global Lighting Technologies are said to be ..."
    two = _spans(text, "ORG", "Wistron", "Global Lighting Technologies")
    assert joined_by_acronym(text, two) == two
    text = GOLD["1587149671"]  # "are FreedomWorks and Tea Party Patriots, which played ..."
    two = _spans(text, "ORG", "FreedomWorks", "Tea Party Patriots")
    assert joined_by_acronym(text, two) == two


def test_an_acronym_a_name_defines_takes_its_label_everywhere() -> None:
    text = KDP
    spans = _spans(text, "ORG", "Kurdistan Democratic Party")
    found = _named(text, acronyms(text, spans))
    assert found == [("Kurdistan Democratic Party", "ORG"), ("KDP", "ORG"), ("KDP", "ORG")]
    text = KDP + " The KDP Youth Wing met ."  # a longer name holding the acronym stays
    spans = _spans(text, "ORG", "Kurdistan Democratic Party", "KDP Youth Wing")
    assert ("KDP Youth Wing", "ORG") in _named(text, acronyms(text, spans))
    text = "released its consolidated first half figures ( IAS ) this morning ."
    assert acronyms(text, []) == []  # brackets after no name: no acronym of one


def test_a_long_article_of_acronyms_gets_every_mention() -> None:
    text = " .\n".join([LIFFE, SLORC, KDP] * 600)  # 200 KB, 3,600 bracketed acronyms
    spans = _spans(
        text, "ORG", "London International Financial Futures", "Kurdistan Democratic Party"
    )
    found = _named(
        text, acronyms(text, joined_by_acronym(text, spans))
    )  # its time: bench.pathological
    assert len(found) == 600 * 8  # each time 3 names, 5 mentions of their acronyms


def test_a_title_cased_run_before_an_acronym_is_no_name() -> None:
    run = " ".join(["London Futures"] * 8000)  # 120 KB of capitalised words
    text = f"{run} and Options Exchange ( LIFFE ) was trading at 97.18"
    assert joined_by_acronym(text, []) == []  # was 4 s (bench.pathological): each word a start


# htmldate-dev page 1608572427, as the model cut it: "... Abuse and" + "Alcoholism"
NIAAA = (
    "The National Institute of Alcohol Abuse and Alcoholism says 2018 figures show that "
    "more than 36.9% of college students ages 18-22 in the U.S. reported binge drinking"
)


def test_a_name_the_model_cut_after_a_connector_is_joined() -> None:
    cut = _spans(NIAAA, "ORG", "The National Institute of Alcohol Abuse and", "Alcoholism")
    assert _named(NIAAA, joined_at_connector(NIAAA, cut)) == [
        ("The National Institute of Alcohol Abuse and Alcoholism", "ORG")
    ]
    text = GOLD["ecb46e3e"]  # "scored for the Sabres and Linus Ullmark stopped 22 shots"
    sabres = _spans(text, "ORG", "the Sabres and(?= Linus)")
    goalie = _spans(text, "FAC", "Linus Ullmark")  # not an ORG: no rest of a name
    assert joined_at_connector(text, sorted(sabres + goalie)) == sorted(sabres + goalie)
    text = "the Office of the Inspector General and Federal Bureau of Investigation agents"
    two = _spans(text, "ORG", "the Office of the Inspector General and", "Federal Bureau.*ion")
    assert joined_at_connector(text, two) == two  # a name of its own after the "and"
    text = GOLD["232a43fb"]  # "Wistron and Global Lighting Technologies": no span ends in "and"
    two = _spans(text, "ORG", "Wistron", "Global Lighting Technologies")
    assert joined_at_connector(text, two) == two
