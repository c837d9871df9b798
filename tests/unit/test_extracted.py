"""Text that is already an article stays whole; a page dump is still cleaned (issue 12)."""

from __future__ import annotations

import orjson

from tests.conftest import SAMPLE
from worker.core import Core, CoreConfig, Input, Limits, Origin

CORE = Core(CoreConfig(Limits(), "no-model-needed-to-clean", 10_000))

# A Reuters wire story (CoNLL-2003 dev, 1996) as a wire feed sends it: headline,
# dateline, two lines of text, a results table. Every line of it is the article.
RESULTS = """BASEBALL - RESULTS OF S. KOREAN PROFESSIONAL GAMES .
SEOUL 1996-08-30
Results of South Korean
professional baseball games played on Thursday .
LG 2 OB 0
Lotte 6 Hyundai 2
Hyundai 6 Lotte 5
Note - Lotte and Hyundai , Haitai and Samsung played two games .
W D L PCT GB
Haitai 64 2 43 .596 -
Ssangbangwool 59 2 49 .545 5 1/2"""


def _cleaned(**envelope: str) -> dict:
    ((output,),) = CORE.clean(
        [Input(orjson.dumps(envelope), Origin(path="t"))], {}, now="n"
    ).outputs
    record = orjson.loads(output.value)
    assert output.kind == "cleaned", record
    return record


def test_a_wire_story_with_a_results_table_is_kept_line_for_line() -> None:
    event = _cleaned(id="wire", text=RESULTS)
    assert event["body"].split("\n\n") == RESULTS.split("\n")
    assert event["title"] is None  # no line of the text is promoted to title
    assert (event["content_kind"], event["content_kind_source"]) == ("article", "inferred")
    assert (event["published_at"], event["published_at_source"]) == ("1996-08-30", "dateline")


def test_the_sample_page_dump_is_still_cleaned_as_a_page() -> None:
    event = _cleaned(id="s", text=SAMPLE.read_text(encoding="utf-8"))
    assert (event["content_kind"], event["content_kind_source"]) == ("page", "inferred")
    assert event["title"] == "Putin calls for ex-Soviet states to expand their influence"
    assert "An icon of" not in event["body"]


def test_the_producer_decides_when_it_says_which_the_text_is() -> None:
    dump = SAMPLE.read_text(encoding="utf-8")
    event = _cleaned(id="s", text=dump, content_kind="article")
    assert "An icon of" in event["body"]  # what the producer calls the article is kept
    assert event["content_kind_source"] == "envelope"
    assert _cleaned(id="r", text=RESULTS, content_kind="page")["content_kind"] == "page"


def test_an_envelope_with_a_title_carries_extracted_text() -> None:
    event = _cleaned(id="t", title="Korean baseball results", text=RESULTS)
    assert event["title"] == "Korean baseball results"
    assert event["content_kind"] == "article" and event["body"].count("\n\n") == 10


def test_a_page_without_paragraphs_keeps_its_table() -> None:
    table = RESULTS.split("\n", 4)[4]
    event = _cleaned(id="p", text="Home\nNews\nSport\nWeather\nSubscribe\n" + table)
    assert event["content_kind"] == "page" and "Lotte 6 Hyundai 2" in event["body"]
    assert "Subscribe" not in event["body"]


def test_a_page_of_menus_and_legal_lines_alone_has_no_body() -> None:
    text = "Home\nNews\nSport\nWeather\nSubscribe\nFacebook\n© 2019 Example Media."
    item = Input(orjson.dumps({"id": "m", "text": text}), Origin(path="t"))
    ((output,),) = CORE.clean([item], {}, now="n").outputs
    assert output.kind == "deadletter" and orjson.loads(output.value)["reason"] == "no_body"


def test_a_bad_field_in_a_named_envelope_is_dead_lettered_under_the_envelopes_id() -> None:
    line = orjson.dumps({"id": "wire-7", "url": "https://example.com/a", "text": ["not", "text"]})
    item = Input(line, Origin(path="feed.jsonl", line=3), "feed.jsonl:3")
    ((output,),) = CORE.clean([item], {}, now="n").outputs
    record = orjson.loads(output.value)
    assert (record["id"], record["reason"]) == ("wire-7", "invalid_envelope")
    assert output.key == b"wire-7" and record["source"] == {"file": "feed.jsonl", "line": 3}


def test_a_cp1252_dump_becomes_an_event_that_names_its_encoding() -> None:
    item = Input(SAMPLE.read_text(encoding="utf-8").encode("cp1252"), Origin(path="s.txt"), "s")
    ((output,),) = CORE.clean([item], {}, now="n").outputs
    event = orjson.loads(output.value)
    assert output.kind == "cleaned" and event["encoding"] == "cp1252"
    assert event["title"] == "Putin calls for ex-Soviet states to expand their influence"
