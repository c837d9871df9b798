"""Prometheus metrics of one worker process, served on `/metrics`.

Names follow Prometheus conventions (`_total` counters, `_seconds` histograms);
the README lists them. Pool processes do not export metrics: the event-loop
process measures the batches it hands them.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

MESSAGES_IN = Counter("worker_messages_in_total", "Messages consumed.", ["topic"])
MESSAGES_OUT = Counter(
    "worker_messages_out_total", "Messages produced and acknowledged.", ["topic"]
)
DEADLETTERS = Counter(
    "worker_deadletters_total", "Inputs sent to the dead-letter topic.", ["stage", "reason"]
)
BATCH_SECONDS = Histogram(
    "worker_batch_seconds",
    "Time to process one batch in the pool, by agent.",
    ["agent"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
BATCH_SIZE = Histogram(
    "worker_batch_size",
    "Messages per batch, by agent.",
    ["agent"],
    buckets=(1, 2, 4, 8, 16, 32, 64),
)
PRODUCE_RETRIES = Counter(
    "worker_produce_retries_total", "Produce attempts that failed and were retried."
)
IN_FLIGHT = Gauge(
    "worker_in_flight_messages", "Messages taken but not yet acknowledged.", ["agent"]
)
MODEL_LOAD_SECONDS = Gauge("worker_model_load_seconds", "Time to start the pool and load models.")
CONSUMER_LAG = Gauge(
    "worker_consumer_lag",
    "Messages not yet committed, per input partition.",
    ["topic", "partition"],
)
STAGE_SECONDS = Histogram(
    "worker_stage_seconds",
    "Time spent in one pipeline stage for one batch (decode, clean, ner, dates, serialize).",
    ["stage"],
    buckets=(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
EVENT_LOOP_LAG = Histogram(
    "worker_event_loop_lag_seconds",
    "How late a 50 ms timer fires on the event loop: time the loop was blocked.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
EVENT_LOOP_LAG_MAX = Gauge(
    "worker_event_loop_lag_max_seconds", "Longest event-loop block seen since start."
)
BROKER_CONNECT_ATTEMPTS = Counter(
    "worker_broker_connect_attempts_total",
    "Attempts to reach the brokers and check the topics before the stream starts.",
)
POOL_MEMORY_BYTES = Gauge(
    "worker_pool_resident_memory_bytes",
    "Resident memory of the pool processes (models and batches), summed.",
)
