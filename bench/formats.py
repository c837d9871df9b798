"""WARC archives: records/s read and produced, and peak memory, for a small and a large crawl.

    python -m bench.formats [--sizes 50,500] [--runs 3] [--data-dir ../shared/data]

For each size (MB of `.warc.gz`): a crawl of the scrapinghub-dev pages written by
warcio (`bench.archives`: each page's request and response, plus a redirect, an
image, robots.txt, warcinfo and metadata), repeated whole until the file reaches
the size, in a temporary directory deleted afterwards. Then, `--runs` times each:

- read: a child process turns the archive into raw envelopes (`read_inputs`, as
  `worker produce` and `worker process` do) and reports records/s and its peak RSS;
- produce: `worker produce` of the archive to a fresh embedded broker; records/s
  from its summary, peak RSS of the process from the kernel (wait4).

Medians are printed. The peak RSS must not grow with the archive: both readers
stream one record at a time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from io import BytesIO
from pathlib import Path
from typing import Any

from bench.archives import Page, write_archive
from worker.tools.broker import EmbeddedBroker

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"
MB = 1 << 20
MAX_BYTES = 5_000_000  # WORKER_MAX_MESSAGE_BYTES' default


def dev_pages(data_dir: Path) -> list[Page]:
    """The scrapinghub-dev pages with their URLs."""
    root = data_dir / "scrapinghub-dev"
    truth = json.loads((root / "ground-truth.json").read_text())
    return [
        Page(truth[path.name.removesuffix(".html.gz")]["url"], gzip.decompress(path.read_bytes()))
        for path in sorted((root / "html").glob("*.html.gz"))
    ]


def build(path: Path, pages: list[Page], size_mb: int) -> int:
    """Write a `.warc.gz` of at least `size_mb` MB; returns its number of page records."""
    crawl = BytesIO()
    per_crawl = write_archive(crawl, pages, gzip=True)
    chunk = crawl.getvalue()  # whole gzip members: copies concatenate into one valid archive
    copies = -(-size_mb * MB // len(chunk))
    with path.open("wb") as out:
        for _ in range(copies):
            out.write(chunk)
    return per_crawl * copies


def read_child(path: str) -> None:
    """(In the child process) read the archive into envelopes; print what it took."""
    from worker.tools.inputs import read_inputs

    started = time.perf_counter()
    skipped: Counter[str] = Counter()
    records = sum(1 for _ in read_inputs([path], MAX_BYTES, skipped))
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "records": records,
                "skipped": skipped.total(),
                "seconds": seconds,
                "peak_rss_mb": usage.ru_maxrss / 1024,
                "cpu_ms_per_record": (usage.ru_utime + usage.ru_stime) * 1000 / records,
            }
        )
    )


def read_run(path: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.formats", "--read-child", str(path)],
        capture_output=True,
        check=True,
        timeout=3600,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    result["records_per_s"] = result["records"] / result["seconds"]
    return result


def produce_run(path: Path) -> dict[str, Any]:
    """`worker produce` of the archive to a fresh embedded broker."""
    with EmbeddedBroker() as broker:
        env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap}
        child = subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "produce", str(path), "--topic", "bench.warc"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert child.stderr is not None
        summary = child.stderr.read().decode()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    found = re.search(r"produced (\d+) messages \((\d+) bytes\) to \S+ in ([\d.]+) s", summary)
    if child.returncode != 0 or not found:
        raise RuntimeError(f"worker produce failed:\n{summary[-2000:]}")
    records, sent_bytes, seconds = int(found[1]), int(found[2]), float(found[3])
    return {
        "records": records,
        "seconds": seconds,
        "records_per_s": records / seconds,
        "mb_per_s": sent_bytes / MB / seconds,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "cpu_ms_per_record": (usage.ru_utime + usage.ru_stime) * 1000 / records,
    }


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def measure(pages: list[Page], sizes: list[int], runs: int) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-formats-") as tmp:
        for size in sizes:
            path = Path(tmp) / f"crawl-{size}MB.warc.gz"
            build(path, pages, size)
            reads = [read_run(path) for _ in range(runs)]
            produced = [produce_run(path) for _ in range(runs)]
            rows.append(
                {
                    "size_mb": round(path.stat().st_size / MB),
                    "records": reads[0]["records"],
                    "read_records_per_s": _median(reads, "records_per_s"),
                    "read_peak_rss_mb": _median(reads, "peak_rss_mb"),
                    "read_cpu_ms_per_record": _median(reads, "cpu_ms_per_record"),
                    "produce_records_per_s": _median(produced, "records_per_s"),
                    "produce_mb_per_s": _median(produced, "mb_per_s"),
                    "produce_peak_rss_mb": _median(produced, "peak_rss_mb"),
                    "produce_cpu_ms_per_record": _median(produced, "cpu_ms_per_record"),
                }
            )
            path.unlink()
    return rows


def report(rows: list[dict[str, Any]], runs: int) -> None:
    print(f"WARC .warc.gz of scrapinghub-dev pages, medians of {runs} runs")
    print(
        f"{'archive':>8} {'pages':>7} | read: {'rec/s':>6} {'CPU ms/rec':>10} {'peak RSS':>9} "
        f"| produce: {'rec/s':>6} {'MB/s':>5} {'CPU ms/rec':>10} {'peak RSS':>9}"
    )
    for row in rows:
        print(
            f"{row['size_mb']:>6}MB {row['records']:>7} | "
            f"      {row['read_records_per_s']:>6.0f} {row['read_cpu_ms_per_record']:>10.2f} "
            f"{row['read_peak_rss_mb']:>7.0f}MB | "
            f"         {row['produce_records_per_s']:>6.0f} {row['produce_mb_per_s']:>5.1f} "
            f"{row['produce_cpu_ms_per_record']:>10.2f} {row['produce_peak_rss_mb']:>7.0f}MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="50,500", help="Archive sizes in MB, comma-separated.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--json", type=Path, help="Also write the rows here.")
    parser.add_argument("--read-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read_child:
        read_child(args.read_child)
        return
    rows = measure(dev_pages(args.data_dir), [int(s) for s in args.sizes.split(",")], args.runs)
    report(rows, args.runs)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
