"""`worker tail`: print the events of topics on a terminal, filtered and formatted."""

from __future__ import annotations

import asyncio
import signal
import sys
from dataclasses import dataclass
from typing import Any

import orjson

from worker.kafka import read_topics
from worker.settings import Settings


def compact_line(event: dict[str, Any]) -> str:
    """id | title | top entities | dates: what a person watching the stream wants to see."""
    if "stage" in event and "reason" in event:
        return f"DEADLETTER {event.get('id')} stage={event['stage']} reason={event['reason']}"
    if "speaker_mention" in event:  # an articles.quotes record
        said = event.get("speaker") or {}
        who = said.get("canonical") or (event.get("speaker_mention") or {}).get("text") or "?"
        return f"{event.get('article_id')} | {who}: \u201c{str(event.get('text'))[:100]}\u201d"
    summary = event.get("entity_summary") or []
    top = ", ".join(f"{s['canonical']} ({s['label']})" for s in summary[:4])
    dates = ", ".join(f"{d['text']}={d['value']}" for d in (event.get("dates") or [])[:4])
    title = (event.get("title") or "")[:70]
    return f"{event.get('id')} | {title} | {top or '-'} | {dates or '-'}"


@dataclass(frozen=True)
class TailOptions:
    """How `worker tail` reads and prints, and which events it keeps."""

    style: str = "pretty"  # pretty | raw | compact
    from_beginning: bool = False
    limit: int = 0  # stop after this many printed events; 0: never
    idle_timeout: float = 0.0  # stop after this many seconds without events; 0: never
    entity: str | None = None  # canonical name or entity_key, case-insensitive
    date: str | None = None  # prefix of published_at or of any TIMEX value, e.g. "2023-10"

    def keeps(self, event: Any) -> bool:
        if self.entity is None and self.date is None:
            return True
        if not isinstance(event, dict):
            return False
        return self._entity_ok(event) and self._date_ok(event)

    def _entity_ok(self, event: dict[str, Any]) -> bool:
        if self.entity is None:
            return True
        wanted = self.entity.casefold()
        items = event.get("entity_summary") or [event.get("speaker") or event]
        return any(
            wanted
            in (str(i.get("canonical", "")).casefold(), str(i.get("entity_key", "")).casefold())
            for i in items
        )

    def _date_ok(self, event: dict[str, Any]) -> bool:
        if self.date is None:
            return True
        values = [event.get("published_at") or ""]
        values += [d.get("value", "") for d in event.get("dates") or []]
        return any(str(v).startswith(self.date) for v in values)


async def tail_topic(settings: Settings, topics: list[str], options: TailOptions) -> int:
    """Print events of every partition of `topics`; no consumer group, nothing committed.

    Stops on Ctrl-C or SIGTERM (checked between polls), after `limit` events, or
    after `idle_timeout` seconds without a new event.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    seen = 0
    records = read_topics(
        settings.kafka,
        topics,
        start="beginning" if options.from_beginning else "end",
        poll_timeout_s=options.idle_timeout or 1.0,
    )
    try:
        async for record in records:
            if record is None and options.idle_timeout:
                break
            line = _render(record.value or b"", options) if record is not None else None
            if line is not None:
                sys.stdout.write(line + "\n")
                sys.stdout.flush()
                seen += 1
            if (options.limit and seen >= options.limit) or stop.is_set():
                break
    finally:
        await records.aclose()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    return seen


def _render(value: bytes, options: TailOptions) -> str | None:
    """The line to print for one record, or None when the filters drop it."""
    try:
        event = orjson.loads(value)
    except orjson.JSONDecodeError:
        event = None
    if not options.keeps(event):
        return None
    if options.style == "raw" or event is None:
        return value.decode("utf-8", errors="replace")
    if options.style == "compact" and isinstance(event, dict):
        return compact_line(event)
    return orjson.dumps(event, option=orjson.OPT_INDENT_2).decode()
