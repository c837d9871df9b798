"""Where the time goes: wall seconds per pipeline stage, summed over a batch.

The pool processes measure, the event-loop process exports the figures as
metrics (`worker_stage_seconds`), and the throughput benchmark prints the split.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class StageTimer:
    """Accumulates seconds per stage name (decode, clean, ner, dates, serialize)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            self.seconds[stage] = self.seconds.get(stage, 0.0) + elapsed
