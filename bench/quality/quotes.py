"""Score quotation extraction against the hand-annotated gold set, next to a naive reference.

Run: ``python -m bench.quality quotes [--gold FILE] [--model NAME] [--errors N] [--fold A]``.

The gold set (``tests/fixtures/quotes-gold/``, see its GUIDELINES.md) has the
direct quotations and speakers of 88 news articles. Each article's text is
the body of an untitled article; ours is `EntityExtractor` + `spoken.quoted`,
exactly what the enrich stage runs.

* span precision / recall / F1: a predicted quotation matches a gold one when
  they overlap by at least half of the longer span (one-to-one, in order).
  Unmatched predictions shorter than three words are not counted: the gold
  set leaves out quoted terms and short fragments, and does not penalise them;
  nor are predictions matching a gold quotation marked `optional` (slogans);
* speaker accuracy: the share of matched quotations whose speaker is right
  (the gold name or one of its aliases, compared without case, "the",
  possessives and punctuation; or null for null); with ``--canonical-only``
  the gold name alone, as a judge keying on the article's canonical name
  counts (an alias is mostly the surname: "Putin" for Vladimir Putin);
* attributed F1: span and speaker both right.

The naive reference: every span between quote marks, speaker = the nearest
PERSON/ORG mention of the paragraph outside quotes. Everything is reported
for the whole set and its two folds (split by site, `folds.py`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.quality.folds import page_key, parts
from worker.core.entities import EntityExtractor
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.spoken import quoted
from worker.core.quotes.marks import find_segments, paragraphs
from worker.core.types import Entities, Mention
from worker.settings import Settings

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests/fixtures/quotes-gold/gold.jsonl"
MIN_COUNTED_WORDS = 3
_PART = {"all": "all", "A": "fold A", "B": "fold B"}  # --fold → the part's name prefix
_ROW = "{:<10} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>8} | {:>11}"


@dataclass(frozen=True, slots=True)
class Said:
    """A quotation span and its speaker's name (None: unnamed)."""

    start: int
    end: int
    speaker: str | None
    aliases: tuple[str, ...] = ()
    optional: bool = False  # neither required nor counted against (slogans, one-word replies)


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    url: str | None
    text: str
    quotes: tuple[Said, ...]


def load_gold(path: Path) -> list[GoldDoc]:
    """Read the gold JSONL; each quotation runs from its `from` words to its `to` words."""
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        text, position, quotes = record["text"], 0, []
        for q in record["quotes"]:
            start = text.find(q["from"], position)
            end = text.find(q["to"], start) + len(q["to"]) if start >= 0 else -1
            if start < 0 or end < len(q["to"]):
                raise ValueError(f"{path}:{number}: quotation not in the text: {q}")
            aliases = tuple(q.get("aliases", ()))
            quotes.append(Said(start, end, q["speaker"], aliases, q.get("optional", False)))
            position = end
        docs.append(GoldDoc(record["id"], record.get("url"), text, tuple(quotes)))
    return docs


def _name(name: str) -> str:
    name = re.sub(r"[’']s\b", "", name.lower())
    return " ".join(w for w in re.findall(r"\w+", name) if w != "the")


def same_speaker(gold: Said, predicted: str | None, aliases: bool = True) -> bool:
    """The gold speaker (or, with `aliases`, one of its other names) or both unnamed."""
    if gold.speaker is None or predicted is None:
        return gold.speaker is None and predicted is None
    names = (gold.speaker, *gold.aliases) if aliases else (gold.speaker,)
    return _name(predicted) in {_name(n) for n in names}


def _overlap(a: Said, b: Said) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared * 2 >= max(a.end - a.start, b.end - b.start)


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_ok: int = 0
    aliases: bool = True  # accept the gold speaker's other names ("Putin")

    def add(self, text: str, gold: Sequence[Said], predicted: Sequence[Said]) -> list[str]:
        """Count one article; return its errors, for --errors."""
        errors, free = [], list(gold)
        for p in predicted:
            match = next((g for g in free if _overlap(g, p)), None)
            if match is None:
                if len(text[p.start : p.end].split()) >= MIN_COUNTED_WORDS:
                    self.predicted += 1
                    errors.append(f"  extra  {text[p.start : p.end][:60]!r} ({p.speaker})")
                continue
            free.remove(match)
            if match.optional:
                continue
            self.predicted += 1
            self.matched += 1
            if same_speaker(match, p.speaker, self.aliases):
                self.speaker_ok += 1
            else:
                errors.append(
                    f"  who    {text[p.start : p.end][:50]!r}: {p.speaker} ≠ {match.speaker}"
                )
        self.gold += sum(not g.optional for g in gold)
        errors += [
            f"  missed {text[g.start : g.end][:60]!r} ({g.speaker})" for g in free if not g.optional
        ]
        return errors

    def row(self, name: str) -> str:
        def f1(tp: int) -> str:
            p, r = tp / (self.predicted or 1), tp / (self.gold or 1)
            return f"{2 * p * r / (p + r) if p + r else 0.0:.3f}"

        precision, recall = self.matched / (self.predicted or 1), self.matched / (self.gold or 1)
        accuracy = self.speaker_ok / (self.matched or 1)
        return _ROW.format(
            name, self.gold, self.predicted, f"{precision:.3f}", f"{recall:.3f}",
            f1(self.matched), f"{accuracy:.3f}", f1(self.speaker_ok),
        )  # fmt: skip


def ours(text: str, entities: Entities, gaz: Gazetteer) -> list[Said]:
    """What the enrich stage finds: quotations, their speakers as entities of the article."""
    return [
        Said(q.start, q.end, q.speaker.canonical if q.speaker else None)
        for q in quoted(text, "", entities, gaz)[1]
    ]


def naive(text: str, mentions: Sequence[Mention]) -> list[Said]:
    """Every quoted span; speaker: the nearest PERSON/ORG of its paragraph outside quotes."""
    segments = find_segments(text)
    spans = paragraphs(text)
    named = [
        m
        for m in mentions
        if m.label in ("PERSON", "ORG")
        and not any(s.open_at <= m.start < s.close_at for s in segments)
    ]
    out = []
    for s in segments:
        start, end = spans[s.paragraph]
        near = [m for m in named if start <= m.start < end]
        best = min(
            near, key=lambda m: min(abs(m.start - s.end), abs(s.start - m.end)), default=None
        )
        out.append(Said(s.start, s.end, best.canonical if best else None))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print span P/R/F1, speaker accuracy and attributed F1 per fold, ours and naive."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality quotes", description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSONL file")
    parser.add_argument("--model", default=Settings().nlp_model, help="spaCy model")
    parser.add_argument("--errors", type=int, default=0, help="print up to N of our errors")
    parser.add_argument(
        "--fold", choices=("all", "A", "B"), default="all", help="whose errors --errors prints"
    )
    parser.add_argument(
        "--canonical-only",
        action="store_true",
        help="a speaker is right only under its gold name, not its aliases (the surname)",
    )
    args = parser.parse_args(argv)

    docs = load_gold(args.gold)
    extractor = EntityExtractor(args.model, max_chunk_chars=10_000)
    found = extractor.extract_batch([(None, doc.text) for doc in docs])
    systems = {
        "ours": [ours(d.text, e, extractor.gazetteer) for d, e in zip(docs, found, strict=True)],
        "naive": [naive(d.text, e.mentions) for d, e in zip(docs, found, strict=True)],
    }
    required = sum(not q.optional for d in docs for q in d.quotes)
    print(f"{len(docs)} articles, {required} quotations (and optional ones)")
    print(_ROW.format("", "gold", "found", "P", "R", "span F1", "speaker", "attrib. F1"))
    errors: list[str] = []
    for part in parts([page_key(doc.url, doc.id) for doc in docs]):
        print(part.heading("articles", "sites"))
        for name, predicted in systems.items():
            tally = Tally(aliases=not args.canonical_only)
            for i in part.indices:
                lines = tally.add(docs[i].text, docs[i].quotes, predicted[i])
                if name == "ours" and part.name.startswith(_PART[args.fold]) and lines:
                    errors += [f"{docs[i].id}:", *lines]
            print(tally.row(name))
    for line in errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
