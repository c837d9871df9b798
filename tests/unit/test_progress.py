"""Liveness: lag on a partition without commits for too long is what makes a worker
unhealthy."""

from __future__ import annotations

from worker.stream.health import Progress


def test_idle_worker_without_lag_stays_healthy() -> None:
    progress = Progress(stall_after_s=60)
    progress.update({"raw/0": 10}, {"raw/0": 10}, now=5)
    assert progress.healthy(now=10_000)[0]


def test_lag_without_commits_past_the_limit_is_unhealthy() -> None:
    progress = Progress(stall_after_s=60)
    progress.update({"raw/0": 50, "raw/1": 3}, {"raw/0": 20, "raw/1": None}, now=1)
    ok, detail = progress.healthy(now=30)
    assert ok and detail["lag"] == 33
    progress.update({"raw/0": 50, "raw/1": 3}, {"raw/0": 20, "raw/1": None}, now=62)
    ok, detail = progress.healthy(now=62)
    assert not ok and detail["stalled"] and detail["seconds_since_commit"] == 61.0


def test_a_commit_that_moves_resets_the_clock() -> None:
    progress = Progress(stall_after_s=60)
    progress.update({"raw/0": 50}, {"raw/0": 20}, now=1)
    progress.update({"raw/0": 50}, {"raw/0": 21}, now=100)
    assert progress.healthy(now=150)[0]
    assert not progress.healthy(now=161)[0]


def test_one_wedged_partition_is_a_stall_while_the_others_commit() -> None:
    progress = Progress(stall_after_s=60)
    for now in range(0, 100, 10):  # raw/0 commits every 10 s; raw/1 is stuck at 7
        progress.update({"raw/0": 500, "raw/1": 90}, {"raw/0": 100 + now, "raw/1": 7}, now=now)
    ok, detail = progress.healthy(now=90)
    assert not ok and detail["stalled_partitions"] == ["raw/1"]
    assert detail["seconds_since_commit"] == 90.0
    assert progress.stalled_for(now=90) == 90.0


def test_a_partition_gained_late_is_timed_from_when_it_was_first_seen() -> None:
    progress = Progress(stall_after_s=60)
    progress.update({"raw/0": 5}, {"raw/0": 5}, now=10)
    progress.update({"raw/0": 5, "raw/1": 40}, {"raw/0": 5, "raw/1": 2}, now=1_000)  # rebalance
    assert progress.healthy(now=1_030)[0]
    assert progress.stalled_for(now=1_030) == 30.0
    assert not progress.healthy(now=1_061)[0]
