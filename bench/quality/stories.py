"""Measure story finding on the dev pages: pairs found, false merges, the threshold curve.

    python -m bench.quality stories [--data-dir DIR]

True pairs: the 85 ScrapingHub pages in both renderings (HTML, text dump: the
same page address), and revisions made from each HTML body, published at
another address so that only the body can join them: a paragraph dropped, a
paragraph added (an update note), a paragraph reworded (every fifth
word changed), the headline changed (same body). Distractors: the 532
htmldate pages. Every page is cleaned by the real core (`story_data`) and
streamed, in a fixed shuffled order, through the real index (`StoryIndex`,
`assign`); a fold streams only its own pages. A page is wrongly joined when
its story holds a page of another article; "related" are the distinct
articles whose words overlap most (same topic, not the same story).
"""

from __future__ import annotations

import argparse
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.quality.folds import page_key, parts
from bench.quality.story_data import Page, load_pages
from worker.core.records import content_hash
from worker.core.stories import Member, Sketch, StoryLimits, StoryUpdate, assign, sketch_of
from worker.core.stories.assign import THRESHOLD
from worker.core.stories.shingles import words
from worker.core.stories.stage import story_state
from worker.stories import StoryIndex

NOW = "2026-11-30T12:00:00.000Z"
CURVE = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7)
KINDS = ("rendering", "dropped", "added", "reworded", "headline")
RELATED = 40
UPDATE = (
    "This article has been updated to include a statement released on Tuesday evening, "
    "in which officials said they would respond to the questions raised here in the "
    "coming days and would publish the full figures once the review has been completed."
)


@dataclass(frozen=True, slots=True)
class Item:
    """One message of the benchmark stream: its article (group) and how it was made."""

    id: str
    group: str
    kind: str  # "original", "distractor" or one of KINDS
    url: str | None
    title: str | None
    sketch: Sketch
    vocabulary: frozenset[str]


def _item(item_id: str, group: str, kind: str, page: Page, body: str, title: str | None) -> Item:
    sketch = sketch_of(body, content_hash(body))
    return Item(item_id, group, kind, page.url, title, sketch, frozenset(words(body)))


def _revisions(page: Page, filler: str) -> list[tuple[str, str, str | None]]:
    """(kind, body, title) of each revision of an HTML page's body."""
    paragraphs = page.body.split("\n\n")
    middle = len(paragraphs) // 2
    reworded = " ".join(
        "reportedly" if i % 5 == 4 else w for i, w in enumerate(paragraphs[middle].split())
    )
    return [
        ("dropped", "\n\n".join(paragraphs[:middle] + paragraphs[middle + 1 :]), page.title),
        ("added", "\n\n".join([*paragraphs, filler]), page.title),
        (
            "reworded",
            "\n\n".join([*paragraphs[:middle], reworded, *paragraphs[middle + 1 :]]),
            page.title,
        ),
        ("headline", page.body, f"Updated: {page.title}"),
    ]


def build_items(pages: list[Page]) -> list[Item]:
    """Every page and revision that reaches the stories step (dead-lettered pages do not)."""
    kept = [p for p in pages if p.body.strip()]
    items = []
    for page in kept:
        if page.set == "distractor":
            items.append(
                _item(f"d:{page.id}", f"d:{page.id}", "distractor", page, page.body, page.title)
            )
            continue
        kind = "original" if page.set == "html" else "rendering"
        items.append(_item(f"{page.set}:{page.id}", page.id, kind, page, page.body, page.title))
        if page.set == "html":
            for rev, body, title in _revisions(page, UPDATE):
                moved = Page(page.set, page.id, None, title, body)  # another address
                items.append(_item(f"{rev}:{page.id}", page.id, rev, moved, body, title))
    return sorted(items, key=lambda i: hashlib.sha256(i.id.encode()).hexdigest())


def stream(items: list[Item], threshold: float, addresses: bool) -> dict[str, str]:
    """Each item's story id after streaming `items` in order through the real index."""
    index = StoryIndex({}, StoryLimits())
    for item in items:
        article = Member(
            item.id,
            item.id,
            None,
            None,
            NOW,
            NOW,
            item.sketch,
            url=item.url if addresses else None,
            title=item.title,
        )
        done = assign(article, index, index.limits.window_days, threshold)
        index.record(StoryUpdate(done, story_state(done, index, index.limits, NOW)))
    return {item.id: index.member(item.id).story for item in items}  # type: ignore[union-attr]


def related_pairs(items: list[Item]) -> list[tuple[str, str]]:
    """The `RELATED` pairs of distinct articles (originals, distractors) sharing most words."""
    alone = [i for i in items if i.kind in ("original", "distractor") and len(i.vocabulary) > 50]
    scored = []
    for n, a in enumerate(alone):
        for b in alone[n + 1 :]:
            overlap = len(a.vocabulary & b.vocabulary) / len(a.vocabulary | b.vocabulary)
            scored.append((overlap, a.id, b.id))
    return [(a, b) for _, a, b in sorted(scored, reverse=True)[:RELATED]]


@dataclass(frozen=True, slots=True)
class Score:
    """Pairs found per kind, pages wrongly joined, related pairs joined."""

    found: dict[str, tuple[int, int]]  # kind → (joined with their original, all)
    wrong: int
    pages: int
    related: tuple[int, int]

    @property
    def true_pairs(self) -> float:
        hits = sum(h for h, _ in self.found.values())
        total = sum(t for _, t in self.found.values())
        return hits / total if total else 0.0

    @property
    def false_merges(self) -> float:
        return self.wrong / self.pages if self.pages else 0.0


def score(items: list[Item], stories: dict[str, str], related: list[tuple[str, str]]) -> Score:
    """How the story ids of `items` compare with the articles they come from."""
    groups: dict[str, set[str]] = defaultdict(set)
    for item in items:
        groups[stories[item.id]].add(item.group)
    found: dict[str, tuple[int, int]] = {}
    for kind in KINDS:
        copies = [i for i in items if i.kind == kind and f"html:{i.group}" in stories]
        hits = sum(stories[i.id] == stories[f"html:{i.group}"] for i in copies)
        found[kind] = (hits, len(copies))
    wrong = sum(len(groups[stories[i.id]]) > 1 for i in items)
    present = [(a, b) for a, b in related if a in stories and b in stories]
    joined = sum(stories[a] == stories[b] for a, b in present)
    return Score(found, wrong, len(items), (joined, len(present)))


def _line(label: str, result: Score) -> str:
    kinds = " ".join(f"{k}={h}/{t}" for k, (h, t) in result.found.items())
    return (
        f"  {label:<18} pairs found {result.true_pairs:.3f} ({kinds}); "
        f"wrongly joined {result.wrong}/{result.pages} = {result.false_merges:.2%}; "
        f"related joined {result.related[0]}/{result.related[1]}"
    )


def report(items: list[Item]) -> None:
    """The chosen threshold with and without page addresses, and the curve, per fold."""
    related = related_pairs(items)
    # A revision (no address) goes to the fold of the page it was made from.
    site = {i.group: page_key(i.url, i.group) for i in items if i.url}
    keys = [site.get(i.group, i.group) for i in items]
    for part in parts(keys):
        chosen = part.pick(items)
        print(f"{part.name}: {len(chosen)} pages and revisions, {part.groups} sites")
        print(
            _line(
                f"t={THRESHOLD} + address", score(chosen, stream(chosen, THRESHOLD, True), related)
            )
        )
        for threshold in CURVE:
            result = score(chosen, stream(chosen, threshold, False), related)
            print(_line(f"t={threshold} body only", result))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark on the dev pages; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality stories")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "data"
    )
    args = parser.parse_args(argv)
    report(build_items(load_pages(args.data_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
