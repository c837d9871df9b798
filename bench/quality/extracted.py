"""Already-extracted article text: does the clean stage keep it whole?

Run: ``python -m bench.quality extracted [--data-dir DIR] [--lost N] [--titles N]``.

The gold article bodies of ``scrapinghub-dev`` (``ground-truth.json``'s
``articleBody``, text that is exactly the article) are sent as
``{"id", "url", "text"}`` envelopes through the core's clean stage, as
``bench.quality cleaning`` runs it (`cleaning.clean_output`:
``Core.clean``, no learned boilerplate). The cleaned body is scored against
the text that was sent:

* body (shingles): the ScrapingHub scoring of ``cleaning`` (4-token shingles,
  per-document precision and recall averaged, F1 of the means);
* body (tokens): precision and recall of the multiset of ``\\w+`` tokens,
  pooled over the set (micro) and averaged per document (mean); the issue's
  bar is recall and precision >= 0.99;
* title+body tokens: recall of the same tokens in title and body together
  (text promoted to the title is not lost, only misplaced).

A dead-lettered article scores an empty body. Also reported: the dead letters
and their reasons; the articles that got a title (the envelope gives none, so
any title is a paragraph of the text promoted); the lines of the sent text
that lost tokens in the body (`align.py`); the ``content_kind`` the cleaned
events declare, when they have that field. ``--lost N`` and ``--titles N``
print examples. Every figure is given for the whole set and its two folds,
split by site (`folds.py`: the URL's registered domain), as ``cleaning`` splits
the same pages.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from bench.quality.align import LineLoss, TextMap, fold, lost_lines
from bench.quality.cleaning import body_scores, clean_output
from bench.quality.folds import Part, page_key, parts
from worker.core import DeadLetter

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "scrapinghub-dev"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Article:
    """A gold article body and where it was published."""

    id: str
    url: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What the clean stage made of one envelope."""

    body: str = ""
    title: str | None = None
    deadletter: str | None = None  # "stage/reason"
    content_kind: str | None = None
    lost: tuple[LineLoss, ...] = ()


def load_articles(data_dir: Path) -> list[Article]:
    """The gold bodies, in id order."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    return [Article(key, truth[key].get("url"), truth[key]["articleBody"]) for key in sorted(truth)]


def clean_article(article: Article) -> Cleaned:
    """The article sent as a text envelope through the clean stage."""
    output = clean_output({"id": article.id, "url": article.url, "text": article.text})
    if isinstance(output, DeadLetter):
        return Cleaned(deadletter=f"{output.stage}/{output.reason}")
    event = orjson.loads(output.value)
    body, title = event.get("body") or "", event.get("title") or None
    covered = TextMap(article.text).align(body).covered()
    kind = event.get("content_kind")
    return Cleaned(body, title, None, kind, tuple(lost_lines(article.text, covered)))


def token_prf(gold: str, predicted: str) -> tuple[int, int, int]:
    """(common tokens, predicted tokens, gold tokens) over multisets of ``\\w+`` tokens."""
    truth, guess = Counter(_WORD.findall(gold)), Counter(_WORD.findall(predicted))
    return sum((truth & guess).values()), sum(guess.values()), sum(truth.values())


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def token_lines(gold: Sequence[str], predicted: Sequence[str]) -> list[str]:
    """Micro and mean token precision/recall of the predicted texts."""
    counts = [token_prf(g, p) for g, p in zip(gold, predicted, strict=True)]
    tp, guessed, truth = (sum(c[i] for c in counts) for i in range(3))
    mean_p = statistics.fmean(_ratio(c[0], c[1]) for c in counts) if counts else 0.0
    mean_r = statistics.fmean(_ratio(c[0], c[2]) for c in counts if c[2]) if counts else 0.0
    return [
        f"{'body (tokens, micro)':<22} P={_ratio(tp, guessed):.3f} R={_ratio(tp, truth):.3f}"
        f" ({tp} of {truth} tokens kept, {guessed - tp} added)",
        f"{'body (tokens, mean)':<22} P={mean_p:.3f} R={mean_r:.3f}",
    ]


def part_lines(articles: Sequence[Article], results: Sequence[Cleaned]) -> list[str]:
    """Every figure of one part of the set."""
    gold = [a.text for a in articles]
    bodies = [r.body for r in results]
    shingles = body_scores(zip(gold, bodies, strict=True))
    with_titles = [f"{r.title or ''}\n{r.body}" for r in results]
    title_counts = [token_prf(g, p) for g, p in zip(gold, with_titles, strict=True)]
    tp, truth = sum(c[0] for c in title_counts), sum(c[2] for c in title_counts)
    dead = Counter(r.deadletter for r in results if r.deadletter)
    reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(dead.items())) or "none"
    lost = [x for r in results for x in r.lost]
    lines = [
        f"{'body (shingles)':<22} P={shingles.precision:.3f} R={shingles.recall:.3f}"
        f" F1={shingles.f1:.3f}",
        *token_lines(gold, bodies),
        f"{'title+body tokens':<22} R={_ratio(tp, truth):.3f}",
        f"dead letters: {sum(dead.values())} ({reasons})",
        f"titles taken from the text: {sum(bool(r.title) for r in results)}/{len(results)}",
        f"lines losing tokens in the body: {len(lost)}"
        f" ({sum(x.kept == 0 for x in lost)} dropped entirely)",
    ]
    kinds = Counter(r.content_kind for r in results if r.content_kind)
    if kinds:
        lines.append(f"content_kind: {dict(sorted(kinds.items()))}")
    return lines


def report(part: Part, articles: Sequence[Article], results: Sequence[Cleaned]) -> None:
    """Print the figures of the whole set or of one fold."""
    print(part.heading("articles", "sites"))
    lines = part_lines(part.pick(articles), part.pick(results))
    if part.name == "all":
        lines += [
            f"dead-lettered: {a.id[:12]} {a.url} ({r.deadletter})"
            for a, r in zip(articles, results, strict=True)
            if r.deadletter
        ]
    for line in lines:
        print(f"  {line}")


def examples(
    articles: Sequence[Article], results: Sequence[Cleaned], lost: int, titles: int
) -> list[str]:
    """Up to `lost` lines that lost tokens and `titles` promoted titles, spread over the set."""
    pairs = list(zip(articles, results, strict=True))
    lines = [
        f"{a.id[:12]} kept {x.kept}/{x.tokens}"
        f"{' [= title]' if r.title and fold(r.title) == fold(x.line) else ''}: {x.line[:160]!r}"
        for a, r in pairs
        for x in r.lost
    ]
    promoted = [f"{a.id[:12]} TITLE {r.title[:160]!r}" for a, r in pairs if r.title]
    return _spread(lines, lost) + _spread(promoted, titles)


def _spread(lines: Sequence[str], n: int) -> list[str]:
    return list(lines[:: max(1, len(lines) // n)][:n]) if n > 0 else []


def main(argv: list[str] | None = None) -> int:
    """Clean every gold body as a text envelope and print the figures per part."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality extracted", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--lost", type=int, default=0, metavar="N", help="print N lost lines")
    parser.add_argument("--titles", type=int, default=0, metavar="N", help="print N titles")
    args = parser.parse_args(argv)
    articles = load_articles(args.data_dir)
    if not articles:
        print(f"no articles in {args.data_dir}", file=sys.stderr)
        return 2
    results = [clean_article(article) for article in articles]
    print(
        f"extracted: {len(articles)} scrapinghub-dev gold bodies as"
        " {id, url, text} envelopes, clean stage"
    )
    for part in parts([page_key(a.url, a.id) for a in articles]):
        report(part, articles, results)
    for line in examples(articles, results, args.lost, args.titles):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
