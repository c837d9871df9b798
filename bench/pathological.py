"""Worst-case inputs of the entity and quotation repairs: how long each takes.

Each case is a long input (about 30 to 200 KB) of the shape that once made a
repair quadratic or worse: thousands of bracketed acronyms, a title-cased run
before one, one-word organisations by the thousand, a run of adverbs before a
cue, quote marks that reopen, quotations running on over line breaks, towns
after prepositions, a list of thousands of names. The figures are the median of
`--runs` timings, printed with the input's size; the unit tests keep the results of
the same inputs right, this command keeps them fast.

    .venv/bin/python -m bench.pathological [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable

from worker.core.entities.common import common_words
from worker.core.entities.coordination import acronyms, joined_by_acronym
from worker.core.entities.gazetteer import Gazetteer
from worker.core.entities.listed import listed_people
from worker.core.entities.spans import Span, propagate
from worker.core.entities.towns import towns
from worker.core.quotes import find_quotes
from worker.core.quotes.clauses import last_clause

_LIFFE = (
    "The September Bund future on the London International Financial Futures and Options "
    "Exchange ( LIFFE ) was trading at 97.18 , down 0.20 .\nThe long gilt future on LIFFE "
    "was trading at 107-2/32 ."
)


def _spans(text: str, label: str, pattern: str) -> list[Span]:
    return [Span(*m.span(), label) for m in re.finditer(pattern, text)]


def cases(gaz: Gazetteer) -> list[tuple[str, int, Callable[[], object]]]:
    """(name, input size in characters, the call) of each worst case."""
    acronym_text = "\n".join([_LIFFE] * 1200)
    acronym_spans = _spans(acronym_text, "ORG", "London International Financial Futures")
    run = " ".join(["London Futures"] * 8000) + " and Options Exchange ( LIFFE ) traded"
    orgs = " ".join(f"Brand{n % 500} said the Lexus Concept was new." for n in range(5000))
    org_spans = _spans(orgs, "ORG", r"\b[A-Z][a-z]+\d*\b")
    adverbs = "It was 1987, yet he" + " later" * 5000 + " himself predicted"
    pairs = "It was 1987, yet he" + " and his co-authors" * 8000 + " predicted"
    marks = 'He said "It is over. "We are done. "They left. ' * 4000
    lines = '" It is over .\nWe are done , " he said . "\n' * 4000
    places = "Police in Boise said the crash at Missoula was minor. " * 4000
    place_spans = _spans(places, "ORG", "Boise|Missoula")
    people = "Han Lee met Jane Doe. " * 8000  # the model's "Lee" alone: each widened
    people_spans = sorted(_spans(people, "PERSON", r"\bLee\b|Jane Doe"))
    full = {"Han Lee": "PERSON", "Jane Doe": "PERSON", "Lee": "PERSON"}
    listed = ", ".join(f"Ann {_letters(n)}" for n in range(8000)) + " and Ann Zz attended."
    listed_spans = [  # people and the model's ORGs in turn, each name once
        Span(*m.span(), ("PERSON", "ORG")[n % 2])
        for n, m in enumerate(re.finditer(r"Ann [A-Z][a-z]+", listed))
    ]
    return [
        (
            "acronyms, 1,200 bracketed",
            len(acronym_text),
            lambda: acronyms(acronym_text, joined_by_acronym(acronym_text, acronym_spans)),
        ),
        ("title-cased run before an acronym", len(run), lambda: joined_by_acronym(run, [])),
        ("one-word organisations", len(orgs), lambda: common_words(orgs, org_spans)),
        ("adverbs before a cue", len(adverbs), lambda: last_clause(adverbs, 0, len(adverbs) - 10)),
        (
            "'and his' pairs before a cue",
            len(pairs),
            lambda: last_clause(pairs, 0, len(pairs) - 10),
        ),
        ("reopening quote marks", len(marks), lambda: find_quotes(marks, [])),
        ("quotations over line breaks", len(lines), lambda: find_quotes(lines, [])),
        ("towns after prepositions", len(places), lambda: towns(places, place_spans, gaz)),
        (
            "full names around their parts",
            len(people),
            lambda: propagate(people, people_spans, full),
        ),
        (
            "a list of 8,000 names",
            len(listed),
            lambda: listed_people(listed, listed_spans, gaz),
        ),
    ]


def _letters(n: int) -> str:
    """A distinct capitalised word for `n` ("Kaaaa", "Kbaaa", ...)."""
    return "K" + "".join("abcdefghijklmnopqrstuvwxyz"[n // 26**i % 26] for i in range(4))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pathological", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    gaz = Gazetteer.load()
    print(f"{'case':38} {'KB':>6} {'median s':>9}  runs")
    for name, size, call in cases(gaz):
        seconds = []
        for _ in range(args.runs):
            started = time.perf_counter()
            call()
            seconds.append(time.perf_counter() - started)
        runs = ", ".join(f"{s:.3f}" for s in seconds)
        print(f"{name:38} {size / 1000:6.0f} {statistics.median(seconds):9.3f}  {runs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
