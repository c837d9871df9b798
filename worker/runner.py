"""`worker run`: create topics (waiting for the broker), then run the Faust worker."""

from __future__ import annotations

import asyncio

import faust

from worker.app import create_app
from worker.kafka import ensure_topics
from worker.observability import configure_logging, get_logger, logging_config
from worker.settings import Settings

log = get_logger("worker.runner")


async def _wait_for_topics(settings: Settings, timeout_s: float = 120.0) -> None:
    """Kafka may still be starting (docker-compose): retry with backoff, then give up."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    delay = 0.5
    while True:
        try:
            created = await ensure_topics(settings)
            log.info("topics_checked", created=created)
            return
        except Exception as exc:
            if loop.time() > deadline:
                raise
            log.warning("broker_unavailable", error=repr(exc), retry_in_s=delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)


def run_worker(settings: Settings) -> None:
    configure_logging(settings.log_level)
    asyncio.run(_wait_for_topics(settings))
    app = create_app(settings)
    worker = faust.Worker(
        app,
        loglevel=settings.log_level,
        logging_config=logging_config(settings.log_level),
        redirect_stdouts=False,
    )
    worker.execute_from_commandline()
