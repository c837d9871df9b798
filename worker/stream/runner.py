"""`worker run`: create topics (waiting for the broker), then run the Faust worker."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading

import faust

from worker.kafka import backoff, ensure_topics
from worker.observability import configure_logging, get_logger, logging_config
from worker.settings import Settings
from worker.stream import metrics
from worker.stream.app import create_app
from worker.stream.waiting import WaitingPages

log = get_logger("worker.stream.runner")


async def wait_for_topics(
    settings: Settings, timeout_s: float = 120.0, pages: WaitingPages | None = None
) -> None:
    """Kafka may still be starting (docker-compose): retry with backoff, then give up."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    delays = backoff(cap_s=5.0)
    while True:
        metrics.BROKER_CONNECT_ATTEMPTS.inc()
        try:
            created = await ensure_topics(settings)
            log.info("topics_checked", created=created)
            return
        except Exception as exc:
            if loop.time() > deadline:
                raise
            if pages is not None:
                pages.failed(exc)
            delay = next(delays)
            log.warning("broker_unavailable", error=repr(exc), retry_in_s=delay)
            await asyncio.sleep(delay)


# Exit code of a worker that stopped itself because it was stalled (EX_TEMPFAIL).
EX_STALLED = 75


class _Worker(faust.Worker):
    """Faust's worker with a deadline on graceful shutdown.

    On SIGTERM/SIGINT Faust stops fetching, cancels the agents (their unfinished
    batches are not acked, so not committed), commits what was acknowledged,
    flushes the producer and leaves the group. Should that hang, the watchdog
    ends the process after `shutdown_timeout_s`: still safe, since nothing
    unfinished was committed, and docker-compose's grace period is not exceeded.
    """

    shutdown_timeout_s: float = 30.0
    exit_code: int = 0  # EX_STALLED once `stop_stalled` was called

    # mode's Worker has no public hook on the signal itself: it handles SIGTERM and
    # SIGINT in these two methods, which we extend to arm the watchdog first.
    def _on_sigterm(self) -> None:
        self._arm_watchdog()
        super()._on_sigterm()

    def _on_sigint(self) -> None:
        self._arm_watchdog()
        super()._on_sigint()

    def _arm_watchdog(self) -> None:
        log.info("shutdown_started", timeout_s=self.shutdown_timeout_s)
        timer = threading.Timer(self.shutdown_timeout_s, _force_exit, (self.exit_code,))
        timer.daemon = True
        timer.start()

    @classmethod
    def stop_stalled(cls) -> None:
        """Shut down as on SIGTERM (nothing unfinished is committed), then exit with
        `EX_STALLED` so that the restart policy starts a fresh worker."""
        cls.exit_code = EX_STALLED
        os.kill(os.getpid(), signal.SIGTERM)


def _force_exit(code: int) -> None:
    """Exit now; the pool processes notice their parent is gone and exit too."""
    log.warning("shutdown_forced", exit_code=code)
    os._exit(code)


async def _wait_serving_pages(settings: Settings) -> None:
    """Wait for the brokers with the web pages up (`waiting.py`), closed once they answer."""
    pages = WaitingPages(settings.web_port, settings.kafka.bootstrap_servers)
    await pages.start()
    try:
        await wait_for_topics(settings, settings.broker_wait_s, pages)
    finally:
        await pages.stop()


def run_worker(settings: Settings) -> None:
    configure_logging(settings.log_level)
    asyncio.run(_wait_serving_pages(settings))
    _Worker.shutdown_timeout_s = settings.shutdown_timeout_s
    worker = _Worker(
        create_app(settings, on_stall=_Worker.stop_stalled),
        loglevel=settings.log_level,
        logging_config=logging_config(settings.log_level),
        redirect_stdouts=False,
    )
    try:
        worker.execute_from_commandline()
    finally:
        if _Worker.exit_code:  # execute_from_commandline exits 0 after any stop
            sys.exit(_Worker.exit_code)
