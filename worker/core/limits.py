"""Explicit, configurable limits on what one message may cost.

Hostile or pathological input must cost a bounded amount of memory and time:
a size limit on the raw bytes (`too_large`), a per-message processing deadline
(`deadline_exceeded`), and caps on how much of a body is enriched and how many
entities are reported (truncation, flagged in the event rather than refused).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

from worker.core.errors import PipelineError, Stage


@dataclass(frozen=True, slots=True)
class Limits:
    max_message_bytes: int = 5_000_000
    deadline_s: float = 30.0  # per message and stage; 0 disables
    max_enrich_chars: int = 200_000  # longer bodies: NER and dates on the first part only
    max_entities: int = 1_000  # mentions (and summary items) kept per article


def enrich_cut(body: str, max_chars: int) -> int:
    """Where enrichment stops: the whole body, or the last paragraph break within the limit."""
    if len(body) <= max_chars:
        return len(body)
    cut = body.rfind("\n\n", 0, max_chars)
    return cut if cut > 0 else max_chars


# How soon the deadline's signal comes again when one was lost: long enough that the
# repeat does not land in the reporting of the lost one (sys.unraisablehook).
REPEAT_S = 1.0
_Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


class _Expired(BaseException):
    """The timer's signal. Not an `Exception`, so that no `except Exception` in the
    block (ours or a library's) takes it for an error of its own and goes on."""


@contextmanager
def deadline(seconds: float, stage: Stage) -> Iterator[None]:
    """Raise `PipelineError(reason="deadline_exceeded")` if the block runs longer than `seconds`.

    Uses a real-time interval timer, so it only works in the main thread of a
    process (pool processes and `worker process` are); elsewhere it does nothing.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    # The signal repeats: Python drops what a gc callback raises ("Exception ignored in
    # __del__"), so a lost first signal must not let a runaway block run to its end.
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
    try:
        try:
            yield
        finally:  # a signal already pending fires in here: still caught below
            _disarm(previous)
        # A block that ran over without being interrupted fails all the same.
        if time.monotonic() - started > seconds:
            raise _Expired
    except _Expired:
        raise PipelineError(
            stage, "deadline_exceeded", f"{stage} took longer than {seconds} s"
        ) from None


def _disarm(previous: _Handler) -> None:
    """Stop the timer and put the previous handler back, even if a repeated signal
    interrupts the first attempt (its `_Expired` is then the caller's to catch)."""
    expired = False
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            break
        except _Expired:
            expired = True
    if expired:
        raise _Expired
