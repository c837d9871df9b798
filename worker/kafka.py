"""Kafka plumbing shared by the CLI and the agents: client options and topic creation."""

from __future__ import annotations

import contextlib
import ssl
from typing import Any

import faust
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faust.transport.drivers import aiokafka as faust_aiokafka

from worker.settings import Settings


def _ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if "SSL" not in settings.kafka_security_protocol:
        return None
    return ssl.create_default_context(cafile=settings.kafka_ssl_cafile)


def _password(settings: Settings) -> str | None:
    secret = settings.kafka_sasl_password
    return secret.get_secret_value() if secret else None


def client_options(settings: Settings) -> dict[str, Any]:
    """aiokafka connection options, SASL/SSL included, for managed clusters."""
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers,
        "security_protocol": settings.kafka_security_protocol,
    }
    context = _ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.kafka_security_protocol.startswith("SASL"):
        options["sasl_mechanism"] = settings.kafka_sasl_mechanism or "PLAIN"
        options["sasl_plain_username"] = settings.kafka_sasl_username
        options["sasl_plain_password"] = _password(settings)
    return options


def faust_credentials(settings: Settings) -> faust.types.auth.CredentialsT | None:
    """The same security settings in the form the Faust app takes them."""
    context = _ssl_context(settings)
    if settings.kafka_security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.kafka_sasl_username,
            password=_password(settings),
            mechanism=settings.kafka_sasl_mechanism or "PLAIN",
            ssl_context=context,
        )
    return faust.SSLCredentials(context) if context is not None else None


class _ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: faust_aiokafka.Transport) -> Any:
        consumer = super()._create_worker_consumer(transport)
        consumer._fetch_max_wait_ms = getattr(transport, "fetch_max_wait_ms", 500)
        return consumer


class _Consumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class Transport(faust_aiokafka.Transport):
    """Faust's aiokafka transport with a configurable fetch wait.

    Faust hard-codes `fetch_max_wait_ms=1500`. A broker that answers a fetch only
    when that wait ends instead of when records arrive (Tansu does) turns it into
    the latency of every hop; Kafka answers at once, so a short wait costs it
    only a few more empty fetches on idle partitions.
    """

    Consumer = _Consumer
    fetch_max_wait_ms = 500


def use_fetch_wait(app: faust.App, fetch_max_wait_ms: int) -> None:
    """Give `app` a consumer transport that waits at most `fetch_max_wait_ms` per fetch."""
    transport = Transport(app.conf.broker_consumer, app)
    transport.fetch_max_wait_ms = fetch_max_wait_ms
    app.transport = transport


def topic_names(settings: Settings) -> list[str]:
    return [
        settings.topic_raw,
        settings.topic_cleaned,
        settings.topic_enriched,
        settings.topic_entities,
        settings.topic_deadletter,
    ]


async def ensure_topics(settings: Settings) -> list[str]:
    """Create the worker's topics that do not exist yet; returns the ones created."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in topic_names(settings) if t not in existing]
        if missing:
            new = [
                NewTopic(t, settings.topic_partitions, settings.topic_replication) for t in missing
            ]
            with contextlib.suppress(TopicAlreadyExistsError):  # another worker was first
                await admin.create_topics(new)
        return missing
    finally:
        await admin.close()
