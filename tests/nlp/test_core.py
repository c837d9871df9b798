"""The core as the shells call it, on the reference sample: the issue's first quality bar."""

from __future__ import annotations

import re
from collections.abc import Callable

import orjson
import pytest

from tests.conftest import SAMPLE, validate
from tests.nlp.conftest import NOW, clean_one, enrich_one
from worker.core import Core, Input, Limits, Origin

ORIGIN = Origin(topic="articles.raw", partition=0, offset=7)
LIMITS = Limits(max_message_bytes=10**6)


@pytest.fixture(scope="module")
def core(make_core: Callable[[Limits], Core]) -> Core:
    return make_core(LIMITS)


@pytest.fixture(scope="module")
def cleaned(sample_bytes: bytes, core: Core) -> dict:
    output = clean_one(core, Input(sample_bytes, ORIGIN, "sample"))
    assert output.kind == "cleaned", orjson.loads(output.value)
    return orjson.loads(output.value)


@pytest.fixture(scope="module")
def enriched(cleaned: dict, core: Core) -> tuple[dict, list[dict]]:
    outputs = enrich_one(core, orjson.dumps(cleaned), ORIGIN, "sample")
    kinds = [o.kind for o in outputs]
    assert kinds[0] == "enriched" and set(kinds[1:]) == {"entities", "quotes"}
    entities = [orjson.loads(o.value) for o in outputs if o.kind == "entities"]
    return orjson.loads(outputs[0].value), entities


def _sample_paragraphs() -> list[str]:
    """Article paragraphs of the sample, read off the raw file by hand-checked markers."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    start = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("Russian President Vladimir Putin attended")
    )
    captions = ("Leaders pose", "From left,", "Kyrgyzstan Summit CIS")
    return [line for line in lines[start:] if line.strip() and not line.startswith(captions)]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_cleaned_sample_meets_the_first_quality_bar(cleaned: dict) -> None:
    validate("articles.cleaned", cleaned)
    assert cleaned["title"] == "Putin calls for ex-Soviet states to expand their influence"
    assert "Press Association" in (cleaned["byline"] or "")
    assert cleaned["published_at"] == "2023-10-13"
    assert cleaned["published_at_source"] == "dump_header"
    body = cleaned["body"]
    assert "An icon of" not in body and "Kremlin Pool Photo" not in body and "AP/PA" not in body
    # Every article paragraph is kept, in order, as its own paragraph (quotes may be normalized).
    body_paragraphs = [_words(p) for p in body.split("\n\n")]
    expected = [_words(p) for p in _sample_paragraphs()]
    assert body_paragraphs == expected


def test_each_caption_appears_once_and_not_in_the_body(cleaned: dict) -> None:
    captions = cleaned["captions"]
    assert len(captions) == len(set(captions)) == 3
    for caption in captions:
        assert caption[:40] not in cleaned["body"]
    assert any(c.startswith("Leaders pose for a family photo") for c in captions)


def test_enriched_sample_entities(enriched: tuple[dict, list[dict]]) -> None:
    event, _ = enriched
    validate("articles.enriched", event)
    body = event["body"]
    for mention in event["entities"]:
        assert body[mention["start"] : mention["end"]] == mention["text"]
    by_canonical = {s["canonical"]: s for s in event["entity_summary"]}
    assert by_canonical["Vladimir Putin"]["label"] == "PERSON"
    assert by_canonical["Nikol Pashinyan"]["label"] == "PERSON"
    assert by_canonical["Kyrgyzstan"]["label"] == "GPE"
    assert by_canonical["Bishkek"]["label"] == "GPE"
    assert by_canonical["Commonwealth of Independent States"]["label"] == "ORG"
    putin_texts = {m["text"] for m in event["entities"] if m["canonical"] == "Vladimir Putin"}
    assert {"Putin", "Vladimir Putin"} <= putin_texts
    assert not any(m["text"].endswith(("'s", "’s")) for m in event["entities"])
    people = {s["canonical"] for s in event["entity_summary"] if s["label"] == "PERSON"}
    assert not people & {"Pavel Bednyakov", "Vladimir Voronin"}, (
        "photo credits are not people of the story"
    )
    keys = [s["entity_key"] for s in event["entity_summary"]]
    assert len(keys) == len(set(keys))


def test_enriched_sample_dates(enriched: tuple[dict, list[dict]]) -> None:
    event, _ = enriched
    body = event["body"]
    for timex in event["dates"]:
        assert body[timex["start"] : timex["end"]] == timex["text"]
    values = {}
    for timex in event["dates"]:
        context = body[max(0, timex["start"] - 3) : timex["end"]]
        values[context] = timex["value"]

    def value_near(phrase: str) -> str:
        (value,) = [
            d["value"]
            for d in event["dates"]
            if phrase in body[max(0, d["start"] - 4) : d["end"] + 1]
        ]
        return value

    assert value_near("on Friday") == "2023-10-13"
    assert value_near("last month") == "2023-09"
    assert value_near("in March") == "2023-03"


def test_entity_records_follow_the_summary(enriched: tuple[dict, list[dict]]) -> None:
    event, records = enriched
    assert [r["entity_key"] for r in records] == [s["entity_key"] for s in event["entity_summary"]]
    for record in records:
        validate("articles.entities", record)
        assert record["article_id"] == "sample"


def test_same_input_gives_same_ids_and_content(sample_bytes: bytes, core: Core) -> None:
    item = Input(sample_bytes, ORIGIN, "sample")
    first = clean_one(core, item)
    second = clean_one(core, item, now="2030-01-01T00:00:00.000Z")
    assert first.event_id == second.event_id and first.key == second.key
    a, b = orjson.loads(first.value), orjson.loads(second.value)
    assert a.pop("processed_at") != b.pop("processed_at")
    assert a == b


def test_bad_inputs_become_one_dead_letter_each(core: Core) -> None:
    bad = [b"", b"\xff\xfe\x00", b'{"id": 1', b"<html><body><nav>Home</nav></body></html>"]
    for payload in bad:
        output = clean_one(core, Input(payload, ORIGIN, "bad"))
        assert output.kind == "deadletter"
        validate("articles.deadletter", orjson.loads(output.value))
    # The enrich stage rejects what is not a cleaned event, and still handles the rest of the batch.
    text = "Angela Merkel spoke in Berlin on Monday about the budget."
    envelope = {"id": "g", "published_at": "2023-10-13", "text": text}
    good = clean_one(core, Input(orjson.dumps(envelope), ORIGIN))
    incomplete = orjson.dumps({"id": "i", "body": text})
    batch = [
        Input(b"not json", ORIGIN, "x"),
        Input(good.value, ORIGIN, "g"),
        Input(incomplete, ORIGIN, "i"),
    ]
    results = core.enrich(batch, now=NOW).outputs
    assert [o.kind for o in results[0]] == ["deadletter"]
    assert results[1][0].kind == "enriched"
    assert [orjson.loads(o.value)["reason"] for o in results[2]] == ["invalid_envelope"]


def test_non_english_article_passes_through_without_garbled_entities(core: Core) -> None:
    text = (
        "Die Bundesregierung hat am Montag in Berlin ein neues Gesetz beschlossen. "
        "Bundeskanzler Olaf Scholz sagte, die Reform sei überfällig und komme den Familien zugute."
    )
    envelope = {"id": "de", "language": "de", "published_at": "2023-10-13", "text": text}
    cleaned = clean_one(core, Input(orjson.dumps(envelope), ORIGIN))
    outputs = enrich_one(core, cleaned.value, ORIGIN)
    event = orjson.loads(outputs[0].value)
    assert event["body"] == text and event["language"] == "de"
    assert event["entities"] == [] and [o.kind for o in outputs] == ["enriched"]
