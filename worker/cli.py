"""`worker`: one entry point for running, feeding, reading and testing the pipeline."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import click
from pydantic import ValidationError

from worker.settings import Settings, explain


def _settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        raise click.ClickException(f"invalid configuration:\n{explain(exc)}") from None


@click.group()
def main() -> None:
    """article-worker: clean and enrich raw article dumps between Kafka topics."""


@main.command()
def run() -> None:
    """Run the stream worker against KAFKA_BOOTSTRAP_SERVERS (Ctrl-C/SIGTERM stops it)."""
    from worker.stream.runner import run_worker

    run_worker(_settings())


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--topic", help="Target topic (default: WORKER_TOPIC_RAW).")
@click.option(
    "--key-from",
    type=click.Choice(["id", "url", "file"]),
    default="id",
    show_default=True,
    help="Message key: the envelope id, its URL, or the input file's path.",
)
@click.option("--rate", type=float, default=0.0, help="At most this many messages/s (0: no limit).")
@click.option(
    "--compression",
    type=click.Choice(["none", "gzip", "lz4", "zstd"]),
    default="none",
    show_default=True,
    help="Producer compression of record batches.",
)
def produce(paths: tuple[str, ...], topic: str | None, **options: Any) -> None:
    """Put raw dumps (files, directories, JSONL, WARC/ARC archives, '-' for stdin) onto
    the raw topic; exits 1 when records were refused."""
    from worker.tools.produce import ProduceOptions, produce_paths

    settings = _settings()
    target = topic or settings.topics.raw
    report = asyncio.run(produce_paths(settings, list(paths), ProduceOptions(target, **options)))
    click.echo(report.summary(target), err=True)
    if report.failed:
        raise click.ClickException(f"{report.failed.total()} messages were not accepted")


@main.command()
@click.argument("topics", nargs=-1, required=True)
@click.option("--raw", "raw_json", is_flag=True, help="One raw JSON line per event.")
@click.option("--compact", is_flag=True, help="One summary line per event.")
@click.option("--from-beginning", is_flag=True, help="Start at the earliest offset.")
@click.option("--limit", type=int, default=0, help="Stop after this many events (0: never).")
@click.option("--idle-timeout", type=float, default=0.0, help="Stop after this many idle seconds.")
@click.option("--entity", help="Only events naming this entity (canonical name or entity_key).")
@click.option("--date", help="Only events whose published_at or a date value starts with this.")
def tail(topics: tuple[str, ...], raw_json: bool, compact: bool, **filters: Any) -> None:
    """Print events from TOPICS (pretty JSON by default)."""
    from worker.tools.tail import TailOptions, tail_topic

    style = "raw" if raw_json else "compact" if compact else "pretty"
    asyncio.run(tail_topic(_settings(), list(topics), TailOptions(style=style, **filters)))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Events JSONL (stdout).")
@click.option("--deadletter", type=click.Path(dir_okay=False), help="Dead letters JSONL (stderr).")
def process(paths: tuple[str, ...], output: str | None, deadletter: str | None) -> None:
    """Run the pipeline offline on files, without Kafka; exits 0 even with bad inputs."""
    from worker.tools.offline import process_paths

    settings = _settings()
    skipped: Counter[str] = Counter()
    with _open(output, sys.stdout.buffer) as out, _open(deadletter, sys.stderr.buffer) as dlq:
        good, bad = process_paths(settings, list(paths), out, dlq, skipped)
    click.echo(f"processed {good + bad} inputs: {good} events, {bad} dead letters", err=True)
    if skipped:
        reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(skipped.items()))
        click.echo(f"skipped {skipped.total()} archive records ({reasons})", err=True)


@main.command()
@click.argument("path")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="HTML file (stdout).")
def inspect(path: str, output: str | None) -> None:
    """Run one input (a dump, a page, an envelope) through the core; write its article view
    as a standalone HTML page. Exits 1 if the input was dead-lettered."""
    from worker.tools.inspect import inspect_page

    html, failed = inspect_page(_settings(), path)
    with _open(output, sys.stdout.buffer) as out:
        out.write(html)
    if failed:
        click.echo(f"{failed} input(s) dead-lettered: see the page", err=True)
        sys.exit(1)


@main.command("replay-deadletter")
@click.option("--reason", "reasons", multiple=True, help="Only this reason code (repeatable).")
@click.option("--error-type", "error_types", multiple=True, help="Only this error type.")
@click.option("--stage", "stages", multiple=True, help="Only this stage.")
@click.option("--id", "ids", multiple=True, help="Only this article id.")
@click.option("--dry-run", is_flag=True, help="List what would be replayed; send nothing.")
def replay_deadletter(dry_run: bool, **criteria: tuple[str, ...]) -> None:
    """Re-submit chosen dead letters to the topic they came from, after a fix."""
    from worker.tools.replay import ReplayFilter, replay_deadletters

    count = asyncio.run(replay_deadletters(_settings(), ReplayFilter(**criteria), dry_run))
    click.echo(f"{'would replay' if dry_run else 'replayed'} {count} dead letters", err=True)


@main.group()
def topics() -> None:
    """Manage the worker's topics."""


@topics.command("create")
def topics_create() -> None:
    """Create the raw, cleaned, enriched, entities, quotes and dead-letter topics if missing."""
    from worker.kafka import ensure_topics

    created = asyncio.run(ensure_topics(_settings()))
    click.echo(f"created topics: {', '.join(created) or 'none (all exist)'}", err=True)


@main.command()
def config() -> None:
    """Print the effective configuration (secrets masked)."""
    for name, value in _settings().masked().items():
        click.echo(f"{name}={'' if value is None else value}")


@main.command()
@click.option("--examples", type=click.Path(exists=True), help="Dumps to produce.")
def demo(examples: str | None) -> None:
    """Broker (embedded unless KAFKA_BOOTSTRAP_SERVERS is set), worker, examples, live events."""
    from worker.tools.demo import run_demo

    run_demo(Path(examples) if examples else None)


@contextmanager
def _open(path: str | None, fallback: BinaryIO) -> Iterator[BinaryIO]:
    """Binary file at `path`, or `fallback` (a standard stream) when no path is given."""
    if path is None:
        yield fallback
        fallback.flush()
        return
    with open(path, "wb") as handle:
        yield handle


if __name__ == "__main__":
    main()
