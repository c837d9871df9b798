"""The process pool that runs the CPU-heavy core off the event loop.

Each pool process loads the NER model once (in the initializer) and keeps it in
a process-global `Enricher`; the agents hand it whole batches so that pickling
and spaCy's per-call overhead are paid once per batch, not per message. The
core is imported inside the pool processes only, so the event-loop process
never loads spaCy.
"""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from worker.clock import utc_now
from worker.pipeline.limits import Limits
from worker.pipeline.messages import Input, Origin, Output
from worker.pipeline.timing import StageTimer

if TYPE_CHECKING:
    from worker.pipeline.core import Enricher

_enricher: Enricher | None = None
# A real page run through the whole core at start, and one date string that no
# locale reads: otherwise the first HTML page, and the first page whose date
# goes to dateparser (its regexes for 200 locales compile on first use), each
# add 2 s to the latency of the first articles after a start.
_WARM_UP_PAGE = Path(__file__).parent / "examples" / "putin-summit.html"


def _init(model: str, max_chunk_chars: int, limits: Limits) -> None:
    global _enricher
    from htmldate.extractors import get_external_parser

    from worker.pipeline.core import Enricher

    # Ctrl-C reaches the whole process group; shutdown is the parent's job.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    _enricher = Enricher(model, max_chunk_chars, limits)
    get_external_parser().get_date_data("warm-up 13 xyzzy")
    (cleaned,), _ = clean_batch(
        [Input(_WARM_UP_PAGE.read_bytes(), Origin(path="warm-up"))], limits, utc_now()
    )
    enrich_batch(
        [Input(o.value, Origin(path="warm-up")) for o in cleaned if o.kind == "cleaned"], utc_now()
    )


BatchResult = tuple[list[list[Output]], dict[str, float]]  # outputs per input, seconds per stage


def clean_batch(items: list[Input], limits: Limits, now: str) -> BatchResult:
    from worker.pipeline.core import clean_message

    timer = StageTimer()
    results = [clean_message(i, limits=limits, now=now, timer=timer) for i in items]
    return results, timer.seconds


def enrich_batch(items: list[Input], now: str) -> BatchResult:
    assert _enricher is not None, "pool process was not initialised"
    timer = StageTimer()
    return _enricher.enrich_batch(items, now=now, timer=timer), timer.seconds


def warm_up() -> bool:
    """A no-op task: returns once the initializer (model load) has run."""
    return _enricher is not None


def start_pool(
    processes: int, model: str, max_chunk_chars: int, limits: Limits
) -> ProcessPoolExecutor:
    """Spawned (not forked) processes: forking a process that runs an event loop
    and Kafka client threads copies their locks in unknown states."""
    return ProcessPoolExecutor(
        max_workers=processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init,
        initargs=(model, max_chunk_chars, limits),
    )
