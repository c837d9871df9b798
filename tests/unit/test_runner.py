"""`worker run` before the app starts: waiting for the broker, and what the event loop imports."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from itertools import islice

import pytest

from worker.kafka import backoff
from worker.settings import Settings
from worker.stream import runner


def test_backoff_doubles_up_to_its_cap() -> None:
    assert list(islice(backoff(0.5, 5.0), 6)) == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0]


def test_topics_are_retried_while_the_broker_is_unreachable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempts: list[int] = []
    waited: list[float] = []

    async def ensure_topics(settings: Settings) -> list[str]:
        attempts.append(1)
        if len(attempts) < 3:
            raise ConnectionError("broker not up yet")
        return ["articles.raw"]

    async def sleep(delay: float) -> None:
        waited.append(delay)

    monkeypatch.setattr(runner, "ensure_topics", ensure_topics)
    monkeypatch.setattr(runner.asyncio, "sleep", sleep)
    asyncio.run(runner.wait_for_topics(Settings(), timeout_s=60))
    assert len(attempts) == 3 and waited == [0.5, 1.0]


def test_building_the_app_loads_no_model_in_the_event_loop_process() -> None:
    # The pool processes import the core's NLP; the process that runs the event loop must not.
    code = (
        "import sys\n"
        "from worker.settings import Settings\n"
        "from worker.stream.app import create_app\n"
        "create_app(Settings())\n"
        "print(sorted(m for m in ('spacy', 'trafilatura', 'htmldate') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
