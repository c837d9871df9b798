"""Liveness: lag without commits for too long is what makes a worker unhealthy."""

from __future__ import annotations

from worker.stream.health import Progress


def test_idle_worker_without_lag_stays_healthy() -> None:
    progress = Progress(stall_after_s=60, started_at=0)
    progress.update({"raw/0": 10}, {"raw/0": 10}, now=5)
    assert progress.healthy(now=10_000)[0]


def test_lag_without_commits_past_the_limit_is_unhealthy() -> None:
    progress = Progress(stall_after_s=60, started_at=0)
    progress.update({"raw/0": 50, "raw/1": 3}, {"raw/0": 20, "raw/1": None}, now=1)
    ok, detail = progress.healthy(now=30)
    assert ok and detail["lag"] == 33
    progress.update({"raw/0": 50, "raw/1": 3}, {"raw/0": 20, "raw/1": None}, now=62)
    ok, detail = progress.healthy(now=62)
    assert not ok and detail["stalled"] and detail["seconds_since_commit"] == 61.0


def test_a_commit_that_moves_resets_the_clock() -> None:
    progress = Progress(stall_after_s=60, started_at=0)
    progress.update({"raw/0": 50}, {"raw/0": 20}, now=1)
    progress.update({"raw/0": 50}, {"raw/0": 21}, now=100)
    assert progress.healthy(now=150)[0]
    assert not progress.healthy(now=161)[0]
