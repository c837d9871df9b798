"""Messages as the shells hand them to the core and get them back.

Kept apart from the stages so that the CLI can build inputs without importing
the NLP models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an input came from: a Kafka record or a file (and line, for `.jsonl`)."""

    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    path: str | None = None
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        if self.topic is not None:
            return {
                "topic": self.topic,
                "partition": self.partition,
                "offset": self.offset,
            }
        return {"file": self.path, "line": self.line}


OutputKind = Literal["cleaned", "enriched", "entities", "deadletter"]


@dataclass(frozen=True, slots=True)
class Output:
    """One message to produce: the kind names the topic; key and value are ready bytes.

    `event_id` is deterministic (same input, same id) and becomes the CloudEvents id.
    """

    kind: OutputKind
    key: bytes
    value: bytes
    event_id: str
    stage: str | None = None  # dead letters only: the failed stage and the reason code
    reason: str | None = None
    # Stage 1 only, for per-site boilerplate learning by the shell: the article's
    # site and the fingerprints of its raw lines (see `pipeline.boilerplate`).
    site: str | None = None
    fingerprints: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Input:
    """One message to process, with its origin and the id to use if it names none."""

    payload: bytes
    origin: Origin
    default_id: str | None = None
    attempt: int = 1  # 2 and more when a dead letter is replayed
    boilerplate: frozenset[str] = frozenset()  # fingerprints learned as the site's own
