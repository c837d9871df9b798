"""`python -m bench.quality entities --gold --places` scores a set other than the repository's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.quality import entities

TEXT = "Chelsea signed Kepa Arrizabalaga on Wednesday. He flew to London."
MENTIONS = [
    {"start": 0, "end": 7, "label": "ORG", "text": "Chelsea", "canonical": "Chelsea"},
    {
        "start": 15,
        "end": 32,
        "label": "PERSON",
        "text": "Kepa Arrizabalaga",
        "canonical": "Kepa Arrizabalaga",
    },
    {"start": 58, "end": 64, "label": "GPE", "text": "London", "canonical": "London"},
]


def _write(path: Path, record: dict[str, object]) -> Path:
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_scores_a_given_gold_file_and_its_places(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _write(tmp_path / "blind.jsonl", {"id": "x1", "text": TEXT, "mentions": MENTIONS})
    places = _write(
        tmp_path / "blind-places.jsonl",
        {"id": "x1", "places": [{"canonical": "London", "country_code": "GB", "kind": "capital"}]},
    )
    assert entities.main(["--gold", str(gold), "--places", str(places), "--repeat", "0"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 articles, 65 characters")
    assert "places: country+kind 1.000 (1/1)" in out


def test_a_gold_file_without_places_is_scored_without_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _write(tmp_path / "gold.jsonl", {"id": "x1", "text": TEXT, "mentions": MENTIONS})
    assert entities.main(["--gold", str(gold), "--repeat", "0"]) == 0
    out = capsys.readouterr().out
    assert "micro" in out and "places:" not in out


def test_errors_list_a_wrong_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = _write(tmp_path / "blind.jsonl", {"id": "x1", "text": TEXT, "mentions": MENTIONS})
    places = _write(
        tmp_path / "blind-places.jsonl",
        {"id": "x1", "places": [{"canonical": "London", "country_code": "CA", "kind": "city"}]},
    )  # as if the annotator meant London, Ontario
    argv = ["--gold", str(gold), "--places", str(places), "--repeat", "0", "--errors", "10"]
    assert entities.main(argv) == 0
    assert "x1 @ 'London': ('GB', 'capital') != ('CA', 'city')" in capsys.readouterr().out
