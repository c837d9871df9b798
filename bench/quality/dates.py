"""Score `find_timexes` on TimeML documents, TempEval-3 style.

Run: ``python -m bench.quality.dates [--data-dir DIR] [--errors N [--fold A]]``.

Each ``.tml`` file gives the document creation time (the TIMEX3 inside
``<DCT>``) and the text inside ``<TEXT>`` with inline gold TIMEX3 tags; tags
are stripped and gold offsets are computed on the stripped text, which is what
the extractor sees. Matching follows TempEval-3: a relaxed match is any
character overlap (one-to-one), strict is the same span; type accuracy is over
relaxed matches and value F1 counts relaxed matches with the same value.

Every figure is given for the whole set and for its two folds, split by
document (`folds.py`: a hash of the file name): fold A to tune on, fold B held out.
``--fold A`` samples the printed mistakes from fold A only, so that tuning never
shows the held-out documents' errors.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.quality.folds import FOLDS, fold_of, parts
from worker.core.timex import find_timexes
from worker.core.types import Timex

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "timeml-dev"


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3 annotation with offsets into the stripped text."""

    text: str
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """A TimeML document: name, creation time, stripped text and gold spans."""

    name: str
    dct: str | None
    text: str
    gold: tuple[GoldTimex, ...]


def _flatten(element: ET.Element, parts: list[str], gold: list[GoldTimex], offset: int) -> int:
    """Append the element's text to `parts`, record TIMEX3 spans; return the new offset."""
    start = offset
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _flatten(child, parts, gold, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        gold.append(GoldTimex("", start, offset, element.get("type", ""), element.get("value", "")))
    return offset


def load_doc(path: Path) -> GoldDoc:
    """Parse one TimeML file into its DCT, stripped text and gold timexes."""
    root = ET.parse(path).getroot()
    dct_timex = root.find("DCT/TIMEX3")
    dct = dct_timex.get("value") if dct_timex is not None else None
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT>")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    _flatten(text_el, parts, gold, 0)
    text = "".join(parts)
    spans = sorted(
        (
            GoldTimex(text[g.start : g.end], g.start, g.end, g.type, g.value)
            for g in gold
            if g.start < g.end
        ),
        key=lambda g: g.start,
    )
    return GoldDoc(path.stem, dct, text, tuple(spans))


def load_docs(data_dir: Path) -> list[GoldDoc]:
    """All ``*.tml`` documents under `data_dir`, in a stable order."""
    return [load_doc(p) for p in sorted(data_dir.rglob("*.tml"))]


def _overlaps(a: Timex, b: GoldTimex) -> bool:
    return a.start < b.end and b.start < a.end


def match(predicted: Sequence[Timex], gold: Sequence[GoldTimex]) -> list[tuple[Timex, GoldTimex]]:
    """One-to-one relaxed matches: each gold span takes the first free overlapping prediction."""
    used: set[int] = set()
    pairs: list[tuple[Timex, GoldTimex]] = []
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and _overlaps(p, g):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


@dataclass
class Counts:
    """Counters from which every reported figure is derived."""

    predicted: int = 0
    gold: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0
    by_type: Counter[str] = field(default_factory=Counter)

    def add(
        self, predicted: Sequence[Timex], gold: Sequence[GoldTimex]
    ) -> list[tuple[Timex, GoldTimex]]:
        """Count one document; return its relaxed matches."""
        pairs = match(predicted, gold)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.relaxed += len(pairs)
        for p, g in pairs:
            self.strict += (p.start, p.end) == (g.start, g.end)
            self.type_ok += p.type == g.type
            self.value_ok += p.value == g.value
            self.by_type[f"{g.type}:matched"] += 1
            self.by_type[f"{g.type}:value_ok"] += p.value == g.value
            self.by_type[f"{p.type}:predicted_value_ok"] += p.value == g.value
        self.by_type.update(f"{g.type}:gold" for g in gold)
        self.by_type.update(f"{p.type}:predicted" for p in predicted)
        return pairs


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (zeros when undefined)."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _fmt(label: str, scores: tuple[float, float, float]) -> str:
    p, r, f = scores
    return f"{label:<16} P={p:.3f} R={r:.3f} F1={f:.3f}"


def report(counts: Counts) -> list[str]:
    """The TempEval-3 style summary lines."""
    c = counts
    lines = [
        f"predicted={c.predicted} gold={c.gold} relaxed_matches={c.relaxed}",
        _fmt("extent strict", prf(c.strict, c.predicted, c.gold)),
        _fmt("extent relaxed", prf(c.relaxed, c.predicted, c.gold)),
        f"{'type accuracy':<16} {c.type_ok / c.relaxed if c.relaxed else 0.0:.3f}",
        _fmt("value", prf(c.value_ok, c.predicted, c.gold)),
        "per type (value P over predictions of the type, R over gold of the type):",
    ]
    b = c.by_type
    for t in ("DATE", "TIME", "DURATION", "SET"):
        p = b[f"{t}:predicted_value_ok"] / b[f"{t}:predicted"] if b[f"{t}:predicted"] else 0.0
        r = b[f"{t}:value_ok"] / b[f"{t}:gold"] if b[f"{t}:gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(
            f"  {t:<9} gold={b[f'{t}:gold']:<5} predicted={b[f'{t}:predicted']:<5} "
            f"matched={b[f'{t}:matched']:<5} P={p:.3f} R={r:.3f} F1={f:.3f}"
        )
    return lines


def _errors(
    doc: GoldDoc, predicted: Sequence[Timex], pairs: Iterable[tuple[Timex, GoldTimex]]
) -> list[str]:
    """Human-readable mistakes of one document: misses, spurious spans, wrong values."""
    matched_p = {id(p) for p, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    out = [
        f"{doc.name} WRONG {p.text!r} {p.type} {p.value} | gold {g.text!r} {g.type} {g.value}"
        for p, g in pairs
        if p.value != g.value or p.type != g.type or (p.start, p.end) != (g.start, g.end)
    ]
    out += [
        f"{doc.name} MISS {g.text!r} {g.type} {g.value}" for g in doc.gold if id(g) not in matched_g
    ]
    out += [
        f"{doc.name} SPURIOUS {p.text!r} {p.type} {p.value}"
        for p in predicted
        if id(p) not in matched_p
    ]
    return out


def main(argv: list[str] | None = None) -> int:
    """Evaluate on the TimeML directory and print the scores; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality.dates", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print N mistakes sampled across docs"
    )
    parser.add_argument(
        "--fold", choices=FOLDS, help="sample the mistakes from this fold's documents only"
    )
    args = parser.parse_args(argv)
    docs = load_docs(args.data_dir)
    if not docs:
        print(f"no .tml files under {args.data_dir}", file=sys.stderr)
        return 2
    errors: list[str] = []
    found: list[list[Timex]] = []
    elapsed = 0.0
    for doc in docs:
        started = time.perf_counter()
        predicted = find_timexes(doc.text, doc.dct)
        elapsed += time.perf_counter() - started
        found.append(predicted)
        if args.fold is None or fold_of(doc.name) == args.fold:
            errors += _errors(doc, predicted, match(predicted, doc.gold))
    words = sum(len(doc.text.split()) for doc in docs)
    print(
        f"{len(docs)} documents, {words} words in {elapsed:.2f}s: "
        f"{len(docs) / elapsed:.0f} docs/s, ~{words / elapsed / 700:.0f} 700-word articles/s"
    )
    for part in parts([doc.name for doc in docs]):
        counts = Counts()
        for doc, predicted in zip(part.pick(docs), part.pick(found), strict=True):
            counts.add(predicted, doc.gold)
        if part.name != "all":
            print(part.heading("documents", ""))
        indent = "" if part.name == "all" else "  "
        print("\n".join(indent + line for line in report(counts)))
    if args.errors > 0:
        print("\n".join(errors[:: max(1, len(errors) // args.errors)][: args.errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
