"""Run one quality benchmark: python -m bench.quality NAME [args].

NAME is one of cleaning (pages and dumps: body F1, publication dates), dates
(TIMEX3 on TimeML), entities (hand gold set), conll (CoNLL-2003 stories through
the whole pipeline), extracted (already-extracted article text through the
clean stage), quotes (hand gold set: quotations and speakers), stories (copies and
revisions joined, false merges), names (the dev sets as one stream, with and without
the name book). Each reports the whole set and its two folds (`folds.py`).

Each benchmark is the module of that name with a `main(argv)`; it is imported
only when asked for, so that measuring the cleaner does not load the NER model.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = (
    "cleaning",
    "dates",
    "entities",
    "conll",
    "extracted",
    "quotes",
    "stories",
    "names",
)


def main(argv: list[str] | None = None) -> int:
    """Dispatch to `bench.quality.<name>.main(args)`; return its exit code."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in BENCHMARKS:
        print(f"usage: python -m bench.quality {{{'|'.join(BENCHMARKS)}}} [args]", file=sys.stderr)
        return 2
    module = importlib.import_module(f"bench.quality.{args[0]}")
    return int(module.main(args[1:]))


if __name__ == "__main__":
    raise SystemExit(main())
