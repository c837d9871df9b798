"""Score `EntityExtractor` against gold entity spans, and measure its throughput.

Run: ``python -m bench.quality.entities [--gold FILE.jsonl] [--batch N]``.

Skeleton: the gold set is a later task. Its format is one JSON object per line,
``{"id", "title", "body", "entities": [{"start", "end", "label"}, ...]}``, with
offsets into ``body``. Scores are micro precision/recall/F1 per label and
overall, strict (same span and label) and relaxed (overlapping spans, same
label, one-to-one). Without ``--gold`` only throughput is measured, on the
article bodies of the shared dumps-dev ground truth.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from worker.pipeline.entities import EntityExtractor

DEFAULT_BODIES = Path("/work/shared/data/dumps-dev/ground-truth.json")

GoldSpan = tuple[int, int, str]


def match_counts(
    gold: Sequence[GoldSpan], predicted: Sequence[GoldSpan], strict: bool
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(true positives, gold, predicted) per label for one document."""
    tp: Counter[str] = Counter()
    unused = list(predicted)
    for start, end, label in gold:
        for i, (p_start, p_end, p_label) in enumerate(unused):
            same = (p_start, p_end) == (start, end) if strict else p_start < end and start < p_end
            if same and p_label == label:
                tp[label] += 1
                del unused[i]
                break
    return tp, Counter(s[2] for s in gold), Counter(s[2] for s in predicted)


def report(counts: Iterable[tuple[Counter[str], Counter[str], Counter[str]]]) -> str:
    """A table of precision, recall and F1 per label and for all labels."""
    tp: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    pred: Counter[str] = Counter()
    for doc_tp, doc_gold, doc_pred in counts:
        tp, gold, pred = tp + doc_tp, gold + doc_gold, pred + doc_pred
    rows = []
    for label in [*sorted(gold | pred), "ALL"]:
        t, g, p = (sum(c.values()) if label == "ALL" else c[label] for c in (tp, gold, pred))
        precision, recall = (t / p if p else 0.0), (t / g if g else 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(f"{label:<12} P={precision:.3f} R={recall:.3f} F1={f1:.3f} (gold {g})")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print scores (with --gold) and articles per second."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality.entities", description=__doc__)
    parser.add_argument("--gold", type=Path, help="gold JSONL file (see above)")
    parser.add_argument("--bodies", type=Path, default=DEFAULT_BODIES)
    parser.add_argument("--batch", type=int, default=20, help="articles per extract_batch call")
    args = parser.parse_args(argv)

    if args.gold:
        records = [json.loads(line) for line in args.gold.read_text().splitlines() if line]
        docs = [(r.get("title"), r["body"]) for r in records]
    else:
        records = []
        docs = [(None, r["articleBody"]) for r in json.loads(args.bodies.read_text()).values()]
    extractor = EntityExtractor()
    started = time.perf_counter()
    results = [
        entities
        for i in range(0, len(docs), args.batch)
        for entities in extractor.extract_batch(docs[i : i + args.batch])
    ]
    elapsed = time.perf_counter() - started
    chars = sum(len(body) for _, body in docs)
    print(f"{len(docs)} articles, {chars} chars: {len(docs) / elapsed:.1f} articles/s")
    for strict in (True, False) if records else ():
        counts = (
            match_counts(
                [(g["start"], g["end"], g["label"]) for g in record["entities"]],
                [(m.start, m.end, m.label) for m in entities.mentions],
                strict,
            )
            for record, entities in zip(records, results, strict=True)
        )
        print("strict" if strict else "relaxed")
        print(report(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
