"""Produce a batch's outputs and wait until the broker has acknowledged every one.

Transient failures (broker unavailable, timeouts) are retried with capped
exponential backoff for as long as it takes: nothing is committed meanwhile
and `/health` reports the stall. An output the broker rejects for good (too
large) turns its input into a dead letter of stage `produce`, so that one bad
record never blocks the stream.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Mapping, Sequence
from typing import Any

import faust
from aiokafka.errors import InvalidTopicError, MessageSizeTooLargeError, RecordListTooLargeError

from worker.clock import utc_now
from worker.core import DeadLetter, Input, OutputKind, PipelineError, deadletter_output
from worker.core import Output as CoreOutput
from worker.kafka import backoff
from worker.observability import get_logger
from worker.stream import metrics
from worker.stream.live import LiveFeed

log = get_logger("worker.stream.publisher")

# Errors about the record itself: retrying cannot help, the input is dead-lettered.
REJECTED = (MessageSizeTooLargeError, RecordListTooLargeError, InvalidTopicError)


def rejected_record(error: BaseException | None) -> bool:
    """Whether the broker or client refused the record itself (Faust wraps the cause)."""
    while error is not None:
        if isinstance(error, REJECTED):
            return True
        error = error.__cause__
    return False


async def _failed(error: BaseException) -> None:
    """An awaitable that fails like a delivery future, for a send that raised at once."""
    raise error


def cloudevent_headers(output: CoreOutput, source: str, time_: str) -> dict[str, bytes]:
    """CloudEvents 1.0 binary-mode attributes for one output record."""
    return {
        "ce_specversion": b"1.0",
        "ce_id": output.event_id.encode(),
        "ce_source": source.encode(),
        "ce_type": f"org.article-worker.{output.kind}.v1".encode(),
        "ce_time": time_.encode(),
        "content-type": b"application/json",
    }


class Publisher:
    """Sends outputs to the topic of their kind; one per worker, shared by the agents."""

    def __init__(
        self,
        topics: Mapping[OutputKind, faust.TopicT],
        source: str,
        feed: LiveFeed | None = None,
    ) -> None:
        self.topics = topics
        self.source = source
        self.feed = feed  # the live page's buffers, given every acknowledged output

    async def publish(self, results: list[list[CoreOutput]], inputs: Sequence[Input]) -> None:
        """Produce every output of `results` (one list per input) until all are acknowledged.

        A rejected output's input gets a dead letter in `results` instead of its outputs.
        """
        pending = [(i, o) for i, result in enumerate(results) for o in result]
        delays = backoff()
        while pending:
            failures = await self._send(pending)
            pending, transient = [], []
            for i, output, error in failures:
                if rejected_record(error) and not isinstance(output, DeadLetter):
                    results[i] = [self._rejected(inputs[i], output, error)]
                    pending.append((i, results[i][0]))  # the dead letter goes out at once
                else:
                    pending.append((i, output))
                    transient.append(error)
            if transient:
                delay = next(delays)
                metrics.PRODUCE_RETRIES.inc()
                log.warning(
                    "produce_retried",
                    outputs=len(transient),
                    error=repr(transient[0]),
                    delay_s=delay,
                )
                await asyncio.sleep(delay)
        self._account(results, inputs)

    async def _send(
        self, pending: list[tuple[int, CoreOutput]]
    ) -> list[tuple[int, CoreOutput, BaseException]]:
        """Send `pending` outputs; return those that failed, with their errors."""
        now = utc_now()
        futures: list[Awaitable[Any]] = []
        for _, output in pending:
            headers = cloudevent_headers(output, self.source, now)
            try:
                topic = self.topics[output.kind]
                futures.append(
                    await topic.send(key=output.key, value=output.value, headers=headers)
                )
            except Exception as exc:  # noqa: BLE001 - sorted out by the caller
                futures.append(_failed(exc))
        outcomes = await asyncio.gather(*futures, return_exceptions=True)
        return [
            (i, output, outcome)
            for (i, output), outcome in zip(pending, outcomes, strict=True)
            if isinstance(outcome, BaseException)
        ]

    def _rejected(self, item: Input, output: CoreOutput, error: BaseException) -> DeadLetter:
        reason = PipelineError("produce", "output_too_large", f"{output.kind}: {error!r}")
        return deadletter_output(
            item, output.key.decode(errors="replace"), reason, "produce", utc_now()
        )

    def _account(self, results: list[list[CoreOutput]], inputs: Sequence[Input]) -> None:
        """Metrics and log lines for what was published."""
        for item, result in zip(inputs, results, strict=True):
            coordinates = item.origin.as_dict()
            for o in result:
                metrics.MESSAGES_OUT.labels(self.topics[o.kind].get_topic_name()).inc()
                if self.feed is not None:
                    self.feed.record(o)
                article_id = o.key.decode(errors="replace")
                if isinstance(o, DeadLetter):
                    metrics.DEADLETTERS.labels(o.stage, o.reason).inc()
                    log.warning(
                        "deadletter_written",
                        article_id=article_id,
                        stage=o.stage,
                        reason=o.reason,
                        **coordinates,
                    )
                elif o.kind in ("cleaned", "enriched"):
                    log.debug(f"article_{o.kind}", article_id=article_id, **coordinates)
