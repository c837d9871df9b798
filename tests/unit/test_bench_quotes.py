"""The quotation scorer of `python -m bench.quality quotes --gold FILE`: a gold file
annotated by someone else is read the same way as the repository's, and scored as
the issue defines it (overlap of half the longer span, speaker by name or alias)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.quality.quotes import Said, Tally, load_gold
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")
# Read off the sample by hand: two of its quotations, the second by a pronoun.
QUOTES = [
    {"from": "it is important", "to": "very close to us", "speaker": "Vladimir Putin"},
    {"from": "Israel certainly", "to": "its security,", "speaker": "Vladimir Putin",
     "aliases": ["Putin"]},
]  # fmt: skip


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "blind.jsonl"
    record = {"id": "sample", "url": None, "text": TEXT, "quotes": QUOTES}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_a_gold_file_elsewhere_is_read_as_spans(gold_file: Path) -> None:
    (doc,) = load_gold(gold_file)
    first, second = doc.quotes
    assert TEXT[first.start : first.end].startswith("it is important to work together")
    assert TEXT[first.end - 16 : first.end] == "very close to us"
    assert (
        TEXT[second.start : second.end] == "Israel certainly has the right to ensure its security,"
    )
    assert second.aliases == ("Putin",)


def test_a_quotation_not_in_the_text_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    record = {"id": "x", "text": TEXT, "quotes": [{"from": "never said", "to": "this"}]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:1"):
        load_gold(path)


def test_span_and_speaker_are_scored_separately(gold_file: Path) -> None:
    (doc,) = load_gold(gold_file)
    first, second = doc.quotes
    predicted = [
        Said(first.start + 5, first.end, "Putin"),  # overlaps; "Putin" is no alias of this one
        Said(second.start, second.end, "putin"),  # an alias, compared without case
    ]
    tally = Tally()
    errors = tally.add(TEXT, doc.quotes, predicted)
    assert (tally.gold, tally.predicted, tally.matched, tally.speaker_ok) == (2, 2, 2, 1)
    assert len(errors) == 1 and "Putin ≠ Vladimir Putin" in errors[0]


def test_canonical_only_scoring_takes_no_alias(gold_file: Path) -> None:
    (doc,) = load_gold(gold_file)
    _, second = doc.quotes
    predicted = [Said(second.start, second.end, "Putin")]  # an alias of "Vladimir Putin"
    lenient, strict = Tally(), Tally(aliases=False)
    lenient.add(TEXT, doc.quotes[1:], predicted)
    strict.add(TEXT, doc.quotes[1:], predicted)
    assert (lenient.speaker_ok, strict.speaker_ok) == (1, 0)
