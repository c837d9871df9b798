"""Stories on real article text: renderings and revisions joined, others kept apart,
redelivery, the window and the size cap. The core runs as both shells run it
(`stories_one` against a `StoryIndex` over a dict), on bodies the real cleaner made."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson
import pytest

from tests.conftest import FIXTURES, SAMPLE, validate
from worker.core import Core, CoreConfig, Input, Limits, Origin, Output
from worker.core.stories import StoryLimits, sketch_of, stories_one, wrap_for_stories
from worker.core.stories.urls import url_key
from worker.stories import StoryIndex

CORE = Core(CoreConfig(Limits(), "no-model-needed-to-clean", 10_000))
PUTIN_HTML = Path(__file__).resolve().parents[2] / "worker" / "examples" / "putin-summit.html"
MOON_HTML = FIXTURES / "html_en_aljazeera.html.gz"
DAY1 = "2026-11-02T09:00:00.000Z"
DAY2 = "2026-11-03T09:00:00.000Z"
DAY10 = "2026-11-11T09:00:00.000Z"


def cleaned(payload: bytes, article_id: str, url: str | None = None) -> dict:
    """The cleaned event the real core makes of `payload`."""
    envelope = {"id": article_id, "url": url, "source": article_id.split("-")[0]}
    if payload.lstrip().startswith(b"<"):
        envelope["html"] = payload.decode("utf-8")
    else:
        envelope["text"] = payload.decode("utf-8")
    item = Input(orjson.dumps(envelope), Origin(path=article_id))
    ((output,),) = CORE.clean([item], {}, now=DAY1).outputs
    assert output.kind == "cleaned", output.value
    return orjson.loads(output.value)


def sketched(event: dict) -> Input:
    """The message the enrich stage hands the stories step for `event`."""
    enriched = Output("enriched", event["id"].encode(), orjson.dumps(event), "e")
    wrapped = wrap_for_stories(enriched, sketch_of(event["body"], event["content_hash"]))
    return Input(wrapped.value, Origin(path=event["id"]))


def revised(event: dict, article_id: str, site: str) -> dict:
    """A syndicated copy: other site and address, other headline, the third paragraph dropped."""
    paragraphs = event["body"].split("\n\n")
    body = "\n\n".join(paragraphs[:2] + paragraphs[3:])
    return {
        **event,
        "id": article_id,
        "site": site,
        "url": f"https://{site}/world/{article_id}",
        "title": "Putin urges former Soviet republics to widen their reach",
        "body": body,
        "content_hash": f"sha256:{article_id}",
    }


def run(index: StoryIndex, event: dict, now: str) -> tuple[dict, dict]:
    """The stories step on one event: (the enriched event's `story`, the story's state)."""
    outputs, update = stories_one(sketched(event), index, index.limits, now)
    assert update is not None
    index.record(update)
    enriched, story = (orjson.loads(o.value) for o in outputs)
    assert [o.kind for o in outputs] == ["enriched", "stories"]
    validate("articles.stories", story)
    return enriched["story"], story


@pytest.fixture(scope="module")
def dump() -> dict:
    return cleaned(SAMPLE.read_bytes(), "dump-putin", "https://www.independent.co.uk/putin-cis")


@pytest.fixture(scope="module")
def html() -> dict:
    return cleaned(PUTIN_HTML.read_bytes(), "html-putin")


@pytest.fixture(scope="module")
def moon() -> dict:
    return cleaned(gzip.decompress(MOON_HTML.read_bytes()), "moon-aljazeera")


def test_the_html_page_and_the_text_dump_of_one_article_are_one_story(dump, html) -> None:
    index = StoryIndex({}, StoryLimits())
    first, _ = run(index, dump, DAY1)
    second, state = run(index, html, DAY2)
    assert first == {
        "id": "dump-putin",
        "duplicate_of": None,
        "similarity": None,
        "first_seen_at": DAY1,
    }
    assert second["id"] == "dump-putin" and second["duplicate_of"] == "dump-putin"
    assert second["first_seen_at"] == DAY1
    assert [m["id"] for m in state["members"]] == ["dump-putin", "html-putin"]
    assert state["representative"]["id"] == "dump-putin" and state["last_seen_at"] == DAY2


def test_a_syndicated_copy_with_another_headline_and_a_paragraph_dropped_joins(dump) -> None:
    index = StoryIndex({}, StoryLimits())
    run(index, dump, DAY1)
    story, state = run(index, revised(dump, "wire-1", "wire.example"), DAY1)
    assert story["id"] == "dump-putin" and story["duplicate_of"] == "dump-putin"
    assert 0.5 < story["similarity"] < 1.0  # an estimate: not the same body, most of it
    assert state["sites"] == ["dump", "wire.example"] and state["member_count"] == 2


def test_two_different_articles_are_two_stories(dump, moon) -> None:
    index = StoryIndex({}, StoryLimits())
    run(index, dump, DAY1)
    story, state = run(index, moon, DAY1)
    assert story["id"] == "moon-aljazeera" and story["duplicate_of"] is None
    assert state["member_count"] == 1


def test_a_redelivered_article_keeps_its_assignment_and_is_not_counted_twice(dump) -> None:
    index = StoryIndex({}, StoryLimits())
    run(index, dump, DAY1)
    copy = revised(dump, "wire-1", "wire.example")
    first = run(index, copy, DAY1)
    again = run(index, copy, DAY2)  # at-least-once: the same message once more, later
    assert again[0] == first[0]
    assert again[1]["member_count"] == 2 and len(index) == 2


def test_the_same_order_gives_the_same_story_ids(dump, html, moon) -> None:
    events = [moon, revised(dump, "wire-1", "wire.example"), html, dump]
    answers = []
    for _ in range(2):
        index = StoryIndex({}, StoryLimits())
        answers.append([run(index, e, DAY1)[0] for e in events])
    assert answers[0] == answers[1]
    assert [s["id"] for s in answers[0]] == ["moon-aljazeera", "wire-1", "wire-1", "wire-1"]


def test_an_article_older_than_the_window_is_evicted_and_joins_nothing(dump, html) -> None:
    index = StoryIndex({}, StoryLimits(window_days=7))
    run(index, dump, DAY1)
    story, _ = run(index, html, DAY10)  # nine days later
    assert story == {
        "id": "html-putin",
        "duplicate_of": None,
        "similarity": None,
        "first_seen_at": DAY10,
    }
    assert len(index) == 1 and index.member("dump-putin") is None
    assert not [k for k in index.store if "dump-putin" in str(index.store[k])]


def test_beyond_the_size_cap_the_oldest_article_goes_first(dump, html, moon) -> None:
    index = StoryIndex({}, StoryLimits(max_articles=1))
    run(index, dump, DAY1)
    run(index, moon, DAY1)
    assert len(index) == 1 and index.member("dump-putin") is None
    story, _ = run(index, html, DAY1)  # its twin is gone: a story of its own
    assert story["id"] == "html-putin"


def test_the_index_rebuilds_its_eviction_order_from_the_store_after_a_restart(dump, moon) -> None:
    store: dict = {}
    run(StoryIndex(store, StoryLimits(max_articles=1)), dump, DAY1)
    restarted = StoryIndex(store, StoryLimits(max_articles=1))  # the table, recovered
    run(restarted, moon, DAY1)
    assert restarted.member("dump-putin") is None and restarted.member("moon-aljazeera")


def test_a_story_lists_at_most_max_members_and_counts_them_all(dump) -> None:
    index = StoryIndex({}, StoryLimits(max_members=2))
    for n in range(4):
        _, state = run(index, revised(dump, f"copy-{n}", f"site{n}.example"), DAY1)
    assert state["member_count"] == 4 and len(state["members"]) == 2
    assert state["members_truncated"] and state["sites"] == ["site0.example", "site1.example"]


def test_a_message_that_is_not_a_sketched_event_is_one_dead_letter() -> None:
    index = StoryIndex({}, StoryLimits())
    for payload, reason in ((b"{not json", "invalid_json"), (b'{"event": {}}', "invalid_envelope")):
        outputs, update = stories_one(
            Input(payload, Origin(path="x"), "bad"), index, index.limits, DAY1
        )
        ((dead,),) = [outputs]
        record = orjson.loads(dead.value)
        validate("articles.deadletter", record)
        assert (record["stage"], record["reason"], update) == ("stories", reason, None)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.Example.com/a/b/?utm_source=x&id=3#top", "example.com/a/b?id=3"),
        ("http://example.com/a/b", "example.com/a/b"),
        ("not a url", None),
        (None, None),
    ],
)
def test_a_page_address_ignores_what_does_not_change_the_page(url, key) -> None:
    assert url_key(url) == key


def test_a_restarted_index_finds_near_copies_through_the_buckets_it_rebuilt(dump) -> None:
    store: dict = {}
    run(StoryIndex(store, StoryLimits()), dump, DAY1)
    restarted = StoryIndex(store, StoryLimits())  # the table, recovered; buckets not stored
    story, _ = run(restarted, revised(dump, "wire-1", "wire.example"), DAY2)
    assert story["id"] == "dump-putin" and story["similarity"] < 1.0
