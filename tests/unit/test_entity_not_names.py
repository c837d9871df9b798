"""Words the model takes for names and that are none: units after a number and time
zones after a clock time (excerpts of an AP tennis report of the gold set, a Reuters
markets story of the CoNLL dev set, tokenized as it is there, and the ScrapingHub dev
set's Audi and MacBook Pro reviews), one-word ORGs that the article also writes in
lowercase (the gold set's AutoIndustriya story on the Lexus LC, a Reuters story), and a
link without a scheme (the gold set's Stadia review), which a capitalised host name is not."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.conftest import entity_gold
from worker.core.entities.brands import sites
from worker.core.entities.common import common_words
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.quantities import quantities
from worker.core.entities.spans import Span, trim

GOLD = {id_: r["text"] for id_, r in entity_gold().items()}
DEFENCE = (
    "Before Levy 's arrival in Bonn , German Defence Minister Volker Ruehe will visit "
    "Israel from September 2 to 4 , the defence ministry said ."
)
_Rule = Callable[[str, list[Span]], list[Span]]


def _spans(text: str, *names: str) -> list[Span]:
    return sorted(
        Span(m.start(), m.end(), "ORG")
        for name in names
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    )


def _kept(text: str, spans: list[Span], rule: _Rule = quantities) -> set[str]:
    return {text[s.start : s.end] for s in rule(text, spans)}


def test_a_time_zone_after_a_clock_time_is_no_name() -> None:
    text = GOLD["0d461229"]  # "ended close to 2 a.m. local time (0100 GMT) on Wednesday"
    assert _kept(text, _spans(text, "GMT", "Spain")) == {"Spain"}
    text = "the Canadian bond market end early at 1400 EDT / 1800 GMT on Friday ."
    assert _kept(text, _spans(text, "EDT", "GMT")) == set()
    text = "by 1350 GMT in a week when a 2016 MIT study and the 1999 ACT report were cited"
    assert _kept(text, _spans(text, "GMT", "MIT", "ACT")) == {"MIT", "ACT"}  # years, not times


def test_a_unit_after_a_number_is_no_name() -> None:
    text = "along with 230 kW and 265 kW of power. The US, though, will only be"
    assert _kept(text, _spans(text, "kW", "US")) == {"US"}
    text = "one with a 2.6GHz Intel Core i7 processor, ... on both a 512GB and 1TB model."
    assert _kept(text, _spans(text, "2.6GHz", "Intel Core", "1TB")) == {"Intel Core"}


def test_a_name_with_a_number_after_it_stays() -> None:
    text = GOLD["57d46c9d"]  # "the S&P 500 .SPX lost 1.85 points", "STOXX 600 index"
    assert _kept(text, _spans(text, "S&P 500", "STOXX 600")) == {"S&P 500", "STOXX 600"}


def test_a_one_word_org_the_article_writes_in_lowercase_is_no_name() -> None:
    text = GOLD["aadb38e5"]  # "the more stylish wheels on the Concept", "a concept"
    assert _kept(text, _spans(text, "Concept", "Lexus"), common_words) == {"Lexus"}
    assert _kept(DEFENCE, _spans(DEFENCE, "Defence", "Bonn"), common_words) == {"Bonn"}
    text = GOLD["8b194530"]  # a heading "SCORES QUARANTINED", "were initially quarantined"
    assert _kept(text, _spans(text, "QUARANTINED"), common_words) == set()


def test_names_never_written_in_lowercase_stay() -> None:
    text = GOLD["232a43fb"]  # MacRumors: "Apple", never "apple"
    assert _kept(text, _spans(text, "Apple", "DigiTimes"), common_words) == {"Apple", "DigiTimes"}


def test_a_long_article_of_one_word_orgs_keeps_the_names_never_in_lowercase() -> None:
    text = GOLD["aadb38e5"]
    text = "\n".join([text] * (200_000 // len(text)))  # 200 KB
    spans = [Span(*m.span(), "ORG") for m in re.finditer(r"\b[A-Z][a-z]+\b", text)]
    kept = _kept(text, spans, common_words)  # its time: bench.pathological
    assert "Lexus" in kept and "Concept" not in kept


def test_an_address_without_a_scheme_is_no_name_and_a_sites_name_is_one() -> None:
    text = GOLD["aade2ec8"]  # an embedded tweet: "... aiming for 60. pic.twitter.com/4p7SXk7JPW"
    gaz = Gazetteer.load()
    at = text.index("pic.twitter.com")
    link = Span(at, at + len("pic.twitter.com/4p7SXk7JPW"), "PERSON")
    assert text[link.start : link.end] == "pic.twitter.com/4p7SXk7JPW"
    assert trim(text, link, gaz) is None
    site = GOLD["aadb38e5"]  # "... Fumihiko Hazama shared with AutoIndustriya.com that ..."
    at = site.index("AutoIndustriya.com")
    name = Span(at, at + len("AutoIndustriya.com"), "ORG")
    assert trim(site, name, gaz) == name


def test_a_capitalised_host_name_the_model_missed_is_an_org_and_an_address_is_not() -> None:
    site = GOLD["aadb38e5"]  # "... Fumihiko Hazama shared with AutoIndustriya.com that ..."
    assert "AutoIndustriya.com" in {site[s.start : s.end] for s in sites(site, [])}
    tweet = GOLD["aade2ec8"]  # "... aiming for 60. pic.twitter.com/4p7SXk7JPW"
    assert "pic.twitter.com" not in {tweet[s.start : s.end] for s in sites(tweet, [])}
    text = "A.de Silva not out 83. Mail Tips@Salon.com or see Example.com/page."
    assert sites(text, []) == []  # an initial before "de"; an e-mail address; a path
