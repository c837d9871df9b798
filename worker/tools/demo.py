"""`worker demo` (what `make run` starts): the whole path on one machine.

Starts the embedded broker unless KAFKA_BOOTSTRAP_SERVERS is set, creates the
topics, starts `worker run` as a child process, produces the bundled examples
and prints one compact line per enriched event or dead letter until Ctrl-C,
then stops the worker (SIGTERM) and the broker. Event lines are the only
output on stdout; the worker's logs go to stderr, at WARNING unless
WORKER_LOG_LEVEL says otherwise.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from worker.kafka import ensure_topics
from worker.settings import Settings
from worker.tools.broker import EmbeddedBroker, free_port
from worker.tools.produce import ProduceOptions, produce_paths
from worker.tools.tail import TailOptions, tail_topic

EXAMPLES = Path(__file__).parent.parent / "examples"


def run_demo(examples: Path | None) -> None:
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    broker = None if bootstrap else EmbeddedBroker().start()
    bootstrap = bootstrap or broker.bootstrap  # type: ignore[union-attr]
    os.environ["KAFKA_BOOTSTRAP_SERVERS"] = bootstrap  # for Settings() and the worker child
    env = {**os.environ}
    env.setdefault("WORKER_WEB_PORT", str(free_port()))
    env.setdefault("WORKER_LOG_LEVEL", "WARNING")
    settings = Settings()
    worker = None
    try:
        sys.stderr.write(f"broker at {bootstrap}\n")
        sys.stderr.write(f"live page at http://127.0.0.1:{env['WORKER_WEB_PORT']}/\n")
        asyncio.run(ensure_topics(settings))
        worker = subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "run"], env=env, stdout=sys.stderr
        )
        report = asyncio.run(
            produce_paths(
                settings, [str(examples or EXAMPLES)], ProduceOptions(settings.topics.raw)
            )
        )
        sys.stderr.write(report.summary(settings.topics.raw) + "\n")
        sys.stderr.write("waiting for events (Ctrl-C to stop)...\n")
        topics = [settings.topics.enriched, settings.topics.deadletter]
        asyncio.run(tail_topic(settings, topics, TailOptions(style="compact", from_beginning=True)))
    finally:
        if worker is not None and worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                worker.kill()
        if broker is not None:
            broker.stop()
