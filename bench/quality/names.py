"""Names across the stream, measured: each dev set read as one stream in a fixed order
(by id), per article only vs with the name book.

    python -m bench.quality names [--data-dir DIR] [--gold FILE]

The core's entity extractor runs on every article (untitled, as the `entities`
benchmark and the CoNLL "extractor on text" line do). With the book, each
article's entities go through `core.names.recall` with what the articles
before it were sure of, and then its own sightings are counted in
(`worker.names.NameMemory` over a dict, as `worker process` keeps it).
Reported for the hand gold set: micro F1 and the canonical-name accuracy of
correctly found mentions; for `conll-dev`: PER/ORG/LOC F1 per label; for
both: how many mentions the stream renamed.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import orjson

from bench.quality.conll import DEFAULT_DATA_DIR, SpanCounts, conll_label, load_stories
from bench.quality.entities import DEFAULT_GOLD, SCORED, Predicted, Tally, gold_spans, load_gold
from worker.core import Core, Input, Origin
from worker.core.names import recall, sightings
from worker.core.types import Entities
from worker.names import NameLimits, NameMemory
from worker.settings import Settings

NOW = "2026-01-01T00:00:00Z"  # one instant: the window never closes within a set


def as_stream(
    ids: Sequence[str], texts: Sequence[str], found: Sequence[Entities]
) -> list[Entities]:
    """Each article's entities after the book of the articles before it (in this order)."""
    memory = NameMemory({}, NameLimits())
    recalled = []
    for article_id, text, entities in zip(ids, texts, found, strict=True):
        item = Input(orjson.dumps({"title": None, "body": text}), Origin(path=article_id))
        recalled.append(recall(entities, memory.known([item], NOW)))
        memory.learn([(0, article_id, s) for s in sightings(entities)], NOW)
    return recalled


def renamed(found: Sequence[Entities]) -> int:
    return sum(m.canonical_source == "stream" for e in found for m in e.mentions)


def gold_lines(core: Core, gold_path: Path) -> list[str]:
    docs = sorted(load_gold(gold_path), key=lambda d: d.id)
    texts = [d.text for d in docs]
    found = core.entities.extract_batch([(None, t) for t in texts], [d.url for d in docs])
    gold = [gold_spans(d) for d in docs]
    lines = [f"gold set ({len(docs)} articles)   micro F1   canonical accuracy   renamed"]
    for name, entities in (
        ("per article", found),
        ("with names", as_stream([d.id for d in docs], texts, found)),
    ):
        predicted: list[Predicted] = [
            {
                (m.start, m.end, SCORED[m.label]): m.canonical
                for m in e.mentions
                if m.label in SCORED
            }
            for e in entities
        ]
        tally = Tally.of(gold, predicted)
        matched, right = sum(tally.tp.values()), sum(tally.canonical_ok.values())
        lines.append(
            f"  {name:<14} {tally.prf()[2]:>10.3f} {right / max(matched, 1):>20.3f}"
            f" {renamed(entities):>9}"
        )
    return lines


def conll_lines(core: Core, data_dir: Path) -> list[str]:
    stories = load_stories(data_dir)
    texts = [s.text for s in stories]
    found = core.entities.extract_batch([(None, t) for t in texts])
    lines = [f"conll-dev ({len(stories)} stories)      PER     ORG     LOC   renamed"]
    for name, entities in (
        ("per article", found),
        ("with names", as_stream([s.id for s in stories], texts, found)),
    ):
        counts = SpanCounts()
        for story, e in zip(stories, entities, strict=True):
            counts.add(
                story.gold,
                ((m.start, m.end, label) for m in e.mentions if (label := conll_label(m.label))),
            )
        f1s = [counts.prf((label,))[2] for label in ("PER", "ORG", "LOC")]
        lines.append(
            f"  {name:<14}" + "".join(f"{f:>8.3f}" for f in f1s) + f"{renamed(entities):>10}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quality names")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args(argv)
    core = Core(Settings().core)
    print("\n".join([*gold_lines(core, args.gold), *conll_lines(core, args.data_dir)]))
    return 0
