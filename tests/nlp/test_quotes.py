"""Quotations and their speakers, through the enrich stage, on real article text.

The cleaner writes apostrophes as ASCII ("don't"), so the expected texts do too.

Expected quotations and speakers were read off the texts by hand: the sample
dump, articles of the quotation gold set (`tests/fixtures/quotes-gold/`) and
excerpts of ScrapingHub gold bodies (`tests/fixtures/quotes-excerpts.jsonl`).
"""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest

from tests.conftest import FIXTURES, validate
from tests.nlp.conftest import clean_one, enrich_one
from worker.core import Core, Input, Limits, Origin

ORIGIN = Origin(path="quotes-test", line=None)


def _texts(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()]


GOLD = {r["id"]: r for r in _texts("quotes-gold/gold.jsonl")}
EXCERPTS = _texts("quotes-excerpts.jsonl")


@pytest.fixture(scope="module")
def core(make_core: Any) -> Core:
    return make_core(Limits())


def _enrich(core: Core, payload: bytes, key: str) -> tuple[dict[str, Any], list[Any]]:
    cleaned = clean_one(core, Input(payload, ORIGIN, key))
    outputs = enrich_one(core, cleaned.value, ORIGIN, key)
    assert outputs[0].kind == "enriched", outputs[0].value
    return orjson.loads(outputs[0].value), outputs


def _article(core: Core, text: str, title: str | None = None) -> dict[str, Any]:
    envelope = {
        "id": "q",
        "title": title,
        "text": text,
        "published_at": "2019-11-19",
        "content_kind": "article",
    }
    return _enrich(core, orjson.dumps(envelope), "q")[0]


def _said(event: dict[str, Any], start: str) -> dict[str, Any]:
    (quote,) = [q for q in event["quotes"] if q["text"].startswith(start)]
    return quote


def _who(quote: dict[str, Any]) -> str | None:
    return quote["speaker"]["canonical"] if quote["speaker"] else None


def test_sample_six_quotations_once_each_all_putin(sample_bytes: bytes, core: Core) -> None:
    event, outputs = _enrich(core, sample_bytes, "sample")
    body, quotes = event["body"], event["quotes"]
    assert [q["text"][:30] for q in quotes] == [
        "it is important to work togeth",
        "unprecedented not only in its ",
        "Israel certainly has the right",
        "make all of its residents suff",
        "I don't have any doubt that th",
        "I certainly have no sympathy f",
    ]
    for quote in quotes:
        assert body[quote["start"] : quote["end"]] == quote["text"]
        assert body[quote["start"] - 1] in '“"' and body[quote["end"]] in '”"'
        assert _who(quote) == "Vladimir Putin"
    assert _said(event, "Israel certainly")["speaker_mention"]["text"] == "he"
    assert _said(event, "Israel certainly")["cue"] == "said"
    validate("articles.enriched", event)
    (putin,) = [s for s in event["entity_summary"] if s["canonical"] == "Vladimir Putin"]
    assert putin["quotes"] == 6
    records = [orjson.loads(o.value) for o in outputs if o.kind == "quotes"]
    assert {o.key for o in outputs if o.kind == "quotes"} == {putin["entity_key"].encode()}
    assert [r["text"] for r in records] == [q["text"] for q in quotes]
    for record in records:
        validate("articles.quotes", record)
        assert record["article_id"] == "sample" and record["published_at"] == "2023-10-13"
    assert len({o.event_id for o in outputs}) == len(outputs)


def test_fragments_inside_a_sentence(core: Core) -> None:
    event = _article(core, EXCERPTS[0]["text"])
    crisis = _said(event, "a crisis of public trust")
    assert _who(crisis) == "Ben Sasse" and crisis["cue"] == "called"


def test_interrupted_quotation_is_two_segments_one_speaker(core: Core) -> None:
    event = _article(core, EXCERPTS[1]["text"])
    first, second = _said(event, "Forty-five years"), _said(event, "has convinced me")
    assert first["text"] == "Forty-five years of practicing law,"
    assert second["text"] == "has convinced me that there are no coincidences."
    assert _who(first) == _who(second) == "Jack Scarola"
    assert first["speaker_mention"]["text"] == second["speaker_mention"]["text"] == "he"


def test_multi_paragraph_quotation_keeps_its_speaker(core: Core) -> None:
    event = _article(core, EXCERPTS[2]["text"])
    parts = [
        _said(event, start)
        for start in ("For a while now", "If we were able", "And the basic idea", "We aim to build")
    ]
    assert {_who(q) for q in parts} == {"Jennifer Ngo-Anh"}
    assert "\n" not in "".join(q["text"] for q in parts)
    sasse = _article(core, EXCERPTS[0]["text"])
    assert _who(_said(sasse, "The Bureau of Prisons")) == "Ben Sasse"
    assert _who(_said(sasse, "These guards")) == "Ben Sasse"


def test_titles_of_works_are_not_quotations(core: Core) -> None:
    event = _article(core, GOLD["098bb3e9"]["text"])
    texts = [q["text"] for q in event["quotes"]]
    assert not [t for t in texts if t.strip(",.") in ("Star Wars", "Mary Poppins", "Bambi")]
    assert {_who(q) for q in event["quotes"] if len(q["text"].split()) > 2} == {"Kevin Mayer"}


def test_unnamed_speaker_keeps_the_words_naming_it(core: Core) -> None:
    event = _article(core, GOLD["1f765c48"]["text"])
    expert = _said(event, "Prince Andrew is not entitled")
    assert expert["speaker"] is None and expert["speaker_mention"]["text"] == "one legal expert"
    again = _said(event, "His friendship")
    assert again["speaker"] is None and again["speaker_mention"]["text"] == "the expert"


def test_pronoun_speaker_is_the_person_the_article_means(core: Core) -> None:
    event = _article(core, GOLD["264dc3ae"]["text"])
    suter = _said(event, "He's used to scoring goals")
    assert _who(suter) == "Ryan Suter" and suter["speaker_mention"]["text"] == "he"
    assert _who(_said(event, "That's perfect")) == "Bruce Boudreau"


def test_title_quotation_offsets_index_the_title(core: Core) -> None:
    title = "Browns player on Mason Rudolph's role in fight with Myles Garrett: 'He asked for it'"
    event = _article(core, GOLD["08f79376"]["text"], title)
    (quote,) = event["title_quotes"]
    assert title[quote["start"] : quote["end"]] == quote["text"] == "He asked for it"
    assert quote["cue"] == ":"
    assert _who(_said(event, "can't antagonize")) == "Sheldon Richardson"


def test_quotations_only_in_english_articles(core: Core) -> None:
    text = EXCERPTS[0]["text"]  # a producer declaring the wrong language gets no English rules
    envelope = {"id": "q", "title": None, "text": text, "language": "de", "content_kind": "article"}
    event, outputs = _enrich(core, orjson.dumps(envelope), "q")
    assert event["quotes"] == [] and event["title_quotes"] == []
    assert "quotes" not in [o.kind for o in outputs]


def test_a_speaker_the_model_missed_is_named_at_the_cue(core: Core) -> None:
    event = _article(core, GOLD["c7e39ac4"]["text"])  # the model misses "Eva-Marie Persson"
    persson = _said(event, "I would like to emphasise")
    assert persson["speaker"] == {
        "canonical": "Eva-Marie Persson",
        "entity_key": "PERSON:eva-marie-persson",
        "label": "PERSON",
    }
    assert persson["speaker_mention"]["text"] == "Persson"
    assert _who(_said(event, "Her statements have been coherent")) == "Eva-Marie Persson"
    validate("articles.enriched", event)  # the speaker is an entity of the article
    key = "PERSON:eva-marie-persson"
    (item,) = [s for s in event["entity_summary"] if s["entity_key"] == key]
    said = [q for q in event["quotes"] if q["speaker"] and q["speaker"]["entity_key"] == key]
    assert item["label"] == "PERSON" and item["quotes"] == len(said) > 0
    assert "Persson" in {m["text"] for m in event["entities"] if m["entity_key"] == key}


def test_a_surname_the_model_took_alone_is_the_full_name_of_the_article(core: Core) -> None:
    event = _article(core, GOLD["264dc3ae"]["text"])  # the model finds "Parise" only
    assert _who(_said(event, "You can go either way")) == "Zach Parise"
    assert _said(event, "You can go either way")["speaker"]["entity_key"] == "PERSON:zach-parise"


def test_he_is_not_the_woman_the_sentence_before_was_about(core: Core) -> None:
    event = _article(core, GOLD["7a457a4f"]["text"])  # "... Omar is one of the first two
    bullet = _said(event, "I'll put a bullet")  # Muslim women ..." then "that he said, "...""
    assert _who(bullet) == "Patrick W. Carlineo Jr." and bullet["speaker_mention"]["text"] == "he"


def test_a_description_right_after_a_speaker_is_that_speaker(core: Core) -> None:
    event = _article(core, GOLD["7dfc3e35"]["text"])  # "..." Van Der Beek said. / "..." the actor
    actor = _said(event, "You never know why")
    assert _who(actor) == "James Van Der Beek" and actor["speaker_mention"]["text"] == "the actor"


def test_people_the_model_calls_organizations_keep_their_full_names(core: Core) -> None:
    event = _article(core, EXCERPTS[7]["text"])  # nypost: "Nikki Haley" and "Vivek Ramaswamy"
    back = _said(event, "Leave my daughter")  # are ORG mentions; "Haley shot back"
    assert _who(back) == "Nikki Haley" and back["cue"] == "shot back"
    assert back["speaker"]["entity_key"] in {s["entity_key"] for s in event["entity_summary"]}
    assert _who(_said(event, "In the last debate")) == "Vivek Ramaswamy"
    assert _who(_said(event, "You're just scum")) == "Nikki Haley"  # "Haley interjected"


def test_a_name_the_model_glued_to_a_title_speaks_as_the_person(core: Core) -> None:
    event = _article(core, GOLD["15495553"]["text"])  # "Rockland County Executive Ed Day said"
    said = [q for q in event["quotes"] if q["cue"] in ("said", "continued")]  # then "Day said"
    assert len(said) == 6 and {_who(q) for q in said} == {"Ed Day"}
    assert said[0]["speaker"]["entity_key"] == "PERSON:ed-day"


def test_the_new_rules_on_one_debate_article(core: Core) -> None:
    event = _article(core, GOLD["Politics"]["text"])  # 'Mahmood said Starmer had "..." to calls
    assert _who(_said(event, "we ask he consider")) == "Asjad Mahmood"  # for ... "..."'
    assert _who(_said(event, "an issue that so many")) == "Keir Starmer"  # 'He said the war
    assert _who(_said(event, "Anyone who has followed")) == "Keir Starmer"  # is "...", adding:'


def test_fold_b_kinds_through_the_model(core: Core) -> None:
    event = _article(core, GOLD["irishtim"]["text"])  # "Taoiseach Leo Varadkar has said ..."
    said = [q for q in event["quotes"] if q["text"].startswith("I ")]  # then "Mr Varadkar said"
    assert said and {_who(q) for q in said} == {"Leo Varadkar"}
    event = _article(core, GOLD["voice-online.co.uk-elites"]["text"])  # "Rollock spells out why
    assert _who(_said(event, "I like the word code")) == "Nicola Rollock"  # she used the title."
    assert not [q for q in event["quotes"] if q["text"].startswith("The Colour of Class")]
    event = _article(core, GOLD["nypost.c"]["text"])  # "Ramaswamy" is an ORG to the model
    assert _who(_said(event, "We have to ban")) == "Vivek Ramaswamy"  # '“...,” he said'
    assert _who(_said(event, "You have her supporters")) == "Vivek Ramaswamy"  # the 38-year-old
