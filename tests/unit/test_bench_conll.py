"""CoNLL scoring: the label map, span counting and mentions mapped back to the envelope text."""

from __future__ import annotations

from typing import Any

import pytest

from bench.quality.conll import LABEL_MAP, SpanCounts, conll_label, mapped_mentions

TEXT = (
    "SOCCER - LEEDS BEAT ARSENAL .\n"
    "LONDON 1996-08-30\n"
    "Leeds United beat Arsenal in the English Premier League .\n"
    "Standings : Leeds 3 , Arsenal 1"
)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("PERSON", "PER"),
        ("ORG", "ORG"),
        ("GPE", "LOC"),
        ("LOC", "LOC"),
        ("FAC", "LOC"),
        ("NORP", "MISC"),
        ("EVENT", "MISC"),
        ("WORK_OF_ART", "MISC"),
        ("LAW", "MISC"),
        ("LANGUAGE", "MISC"),
        ("PRODUCT", "MISC"),
        ("DATE", None),
        ("CARDINAL", None),
        ("MONEY", None),
    ],
)
def test_label_map(label: str, expected: str | None) -> None:
    assert conll_label(label) == expected


def test_label_map_targets_only_conll_labels() -> None:
    assert set(LABEL_MAP.values()) == {"PER", "ORG", "LOC", "MISC"}


def _mention(text: str, where: str, label: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = where.index(text, start + 1)
    return {"text": text, "label": label, "start": start, "end": start + len(text)}


def test_event_mentions_map_to_envelope_offsets() -> None:
    title = "SOCCER - LEEDS BEAT ARSENAL ."
    body = "LONDON 1996-08-30\n\nLeeds United beat Arsenal in the English Premier League ."
    event = {
        "title": title,
        "body": body,
        "title_entities": [_mention("LEEDS", title, "ORG")],
        "entities": [
            _mention("LONDON", body, "GPE"),
            _mention("Leeds United", body, "ORG"),
            _mention("English", body, "NORP"),
            _mention("1996-08-30", body, "DATE"),  # not scored
            {"text": "Chelsea", "label": "ORG", "start": 0, "end": 6},  # reads "LONDON" there
        ],
    }
    spans, unmappable, covered = mapped_mentions(event, TEXT)
    assert {(TEXT[s:e], label) for s, e, label in spans} == {
        ("LEEDS", "ORG"),
        ("LONDON", "LOC"),
        ("Leeds United", "ORG"),
        ("English", "MISC"),
    }
    assert all(TEXT.index(TEXT[s:e]) == s for s, e, _ in spans)
    assert unmappable == 1
    assert TEXT.index("Standings") not in covered
    assert TEXT.index("Premier") in covered


def test_a_dead_or_empty_event_maps_nothing() -> None:
    spans, unmappable, covered = mapped_mentions({"title": None, "body": ""}, TEXT)
    assert (spans, unmappable, covered) == (set(), 0, set())


def test_span_counts_micro_over_chosen_labels() -> None:
    counts = SpanCounts()
    counts.add(
        gold=[(0, 5, "ORG"), (10, 15, "PER"), (20, 25, "MISC")],
        predicted=[(0, 5, "ORG"), (10, 15, "ORG"), (20, 25, "MISC"), (30, 35, "LOC")],
    )
    assert counts.prf(["ORG"]) == pytest.approx((0.5, 1.0, 2 / 3))
    assert counts.prf(["PER"]) == (0.0, 0.0, 0.0)
    p, r, _ = counts.prf(["PER", "ORG", "LOC"])
    assert (p, r) == pytest.approx((1 / 3, 1 / 2))
    p, r, _ = counts.prf(["PER", "ORG", "LOC", "MISC"])
    assert (p, r) == pytest.approx((2 / 4, 2 / 3))
