"""What `worker tail` keeps and prints."""

from __future__ import annotations

from worker.tools.tail import TailOptions, compact_line

EVENT = {
    "id": "a1",
    "title": "Putin calls for ex-Soviet states to expand their influence",
    "published_at": "2023-10-13",
    "entity_summary": [
        {"canonical": "Vladimir Putin", "entity_key": "PERSON:vladimir-putin", "label": "PERSON"},
        {"canonical": "Bishkek", "entity_key": "GPE:bishkek", "label": "GPE"},
    ],
    "dates": [{"text": "last month", "value": "2023-09"}],
}


def test_filters_by_entity_name_or_key_and_by_date_prefix() -> None:
    assert TailOptions(entity="vladimir putin").keeps(EVENT)
    assert TailOptions(entity="GPE:bishkek").keeps(EVENT)
    assert not TailOptions(entity="Putin").keeps(EVENT)  # canonical names, not substrings
    assert TailOptions(date="2023-09").keeps(EVENT)  # a date in the text
    assert TailOptions(date="2023-10-13").keeps(EVENT)  # the publication date
    assert not TailOptions(date="2024").keeps(EVENT)
    assert not TailOptions(entity="Bishkek", date="2024").keeps(EVENT)
    assert not TailOptions(entity="x").keeps(None)  # not JSON: dropped when filtering
    assert TailOptions().keeps(None)


def test_entity_records_match_their_own_entity() -> None:
    record = {"canonical": "Bishkek", "entity_key": "GPE:bishkek", "article_id": "a1"}
    assert TailOptions(entity="bishkek").keeps(record)


def test_compact_line_shows_id_title_entities_and_dates() -> None:
    line = compact_line(EVENT)
    assert line.startswith("a1 | Putin calls for")
    assert "Vladimir Putin (PERSON)" in line and "last month=2023-09" in line
    dead = compact_line({"id": "b", "stage": "decode", "reason": "empty"})
    assert dead == "DEADLETTER b stage=decode reason=empty"


QUOTE = {
    "article_id": "a1",
    "text": "Israel certainly has the right to ensure its security,",
    "speaker": {"canonical": "Vladimir Putin", "entity_key": "PERSON:vladimir-putin"},
    "speaker_mention": {"text": "he", "start": 2403, "end": 2405},
    "cue": "said",
}


def test_quote_records_match_and_show_their_speaker() -> None:
    assert TailOptions(entity="PERSON:vladimir-putin").keeps(QUOTE)
    assert not TailOptions(entity="Bishkek").keeps(QUOTE)
    assert compact_line(QUOTE) == (
        "a1 | Vladimir Putin: \u201cIsrael certainly has the right to ensure its security,\u201d"
    )
    unnamed = {**QUOTE, "speaker": None, "speaker_mention": {"text": "officials"}}
    assert compact_line(unnamed).startswith("a1 | officials: ")
    assert not TailOptions(entity="vladimir putin").keeps(unnamed)
