"""Limits without the model: the deadline and where enrichment is cut."""

from __future__ import annotations

import signal
import time

import orjson
import pytest

from tests.conftest import SAMPLE, validate
from worker.core import Core, CoreConfig, Input, Limits, Origin, PipelineError
from worker.core.limits import deadline, enrich_cut

NOW = "2026-11-27T12:00:00.000Z"
ORIGIN = Origin(path="limits-test")


def test_deadline_interrupts_a_slow_block_and_leaves_fast_ones_alone() -> None:
    with deadline(1.0, "clean"):
        sum(range(1000))
    with pytest.raises(PipelineError) as info, deadline(0.05, "clean"):
        end = time.monotonic() + 5
        while time.monotonic() < end:
            pass
    assert (info.value.stage, info.value.reason) == ("clean", "deadline_exceeded")
    end = time.monotonic() + 0.2  # the timer is disarmed: a busy block after it runs through
    while time.monotonic() < end:
        pass


def test_deadline_is_not_swallowed_by_a_block_that_catches_every_error() -> None:
    def careless_library_call() -> None:
        try:
            end = time.monotonic() + 5
            while time.monotonic() < end:
                pass
        except Exception:  # noqa: BLE001 - what some libraries do around their work
            pass

    with pytest.raises(PipelineError) as info, deadline(0.05, "decode"):
        careless_library_call()
        end = time.monotonic() + 5  # had the library swallowed it, no second signal comes
        while time.monotonic() < end:
            pass
    assert (info.value.stage, info.value.reason) == ("decode", "deadline_exceeded")


def test_a_block_that_ran_over_fails_even_when_the_signal_was_lost() -> None:
    with pytest.raises(PipelineError) as info, deadline(0.05, "clean"):
        signal.signal(signal.SIGALRM, signal.SIG_IGN)  # as a gc callback drops what it raises
        end = time.monotonic() + 0.2
        while time.monotonic() < end:
            pass
    assert info.value.reason == "deadline_exceeded"


def test_enrich_cut_stops_at_a_paragraph_break() -> None:
    body = "First paragraph here.\n\nSecond paragraph is longer than the first.\n\nThird."
    assert enrich_cut(body, 10_000) == len(body)
    cut = enrich_cut(body, 40)
    assert body[:cut] == "First paragraph here."


# The deadline's first signal may land in a gc callback (hypothesis installs one), where
# Python reports and drops it; the repeated signal stops the block all the same.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_slow_message_becomes_a_deadline_dead_letter() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    article = text[text.index("Russian President Vladimir Putin attended") :]
    long_dump = " date 2023-10-13\nTitle\n\n" + "\n\n".join(f"{i}: {article}" for i in range(300))
    limits = Limits(deadline_s=0.01)
    core = Core(CoreConfig(limits, model="not-loaded-by-clean", max_chunk_chars=10_000))
    ((output,),) = core.clean([Input(long_dump.encode(), ORIGIN, "slow")], {}, now=NOW).outputs
    record = orjson.loads(output.value)
    validate("articles.deadletter", record)
    # The deadline covers the message's whole way through the stage: on a busy
    # machine it may already expire while the dump is decoded.
    assert record["reason"] == "deadline_exceeded" and record["stage"] in ("decode", "clean")


def test_the_deadline_signal_comes_again_when_the_first_was_lost() -> None:
    """Python drops what a gc callback raises; the runaway block is still stopped."""
    started = time.monotonic()
    with pytest.raises(PipelineError) as info, deadline(0.05, "enrich"):
        try:
            end = time.monotonic() + 5
            while time.monotonic() < end:
                pass
        except BaseException:  # noqa: BLE001 - the first signal, lost as in a __del__
            pass
        end = time.monotonic() + 5
        while time.monotonic() < end:
            pass
    assert info.value.reason == "deadline_exceeded"
    assert time.monotonic() - started < 2  # not the 5 s the block would have run
    end = time.monotonic() + 0.3  # the timer is disarmed: nothing fires after the block
    while time.monotonic() < end:
        pass
