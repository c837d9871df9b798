"""Shared fixtures: the sample dump, schema validation, and paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "000_d59a720f40c57080.txt"


def entity_gold() -> dict[str, dict[str, Any]]:
    """The hand-annotated entity gold articles by id (real news texts with their URLs)."""
    path = FIXTURES / "entities-gold/gold.jsonl"
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {r["id"]: r for r in records}


def _registry() -> tuple[Registry, dict[str, dict[str, Any]]]:
    schemas = {
        p.name.split(".v")[0]: json.loads(p.read_text()) for p in (ROOT / "schemas").glob("*.json")
    }
    registry: Registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values()
    )
    return registry, schemas


REGISTRY, SCHEMAS = _registry()


def validate(topic: str, record: dict[str, Any]) -> None:
    """Raise if `record` does not match the JSON Schema of `topic` (e.g. "articles.enriched")."""
    Draft202012Validator(SCHEMAS[topic], registry=REGISTRY).validate(record)


ASYNCAPI: dict[str, Any] = yaml.safe_load((ROOT / "schemas" / "asyncapi.yaml").read_text())


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `#/...` reference of the AsyncAPI document."""
    ref = node.get("$ref")
    if not ref:
        return node
    target: Any = ASYNCAPI
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return _resolve(target)


def validate_asyncapi(topic_kind: str, headers: dict[str, bytes], record: dict[str, Any]) -> None:
    """Validate a consumed message against the AsyncAPI channel of `topic_kind` ("articles.x").

    Checks the CloudEvents headers against the message's header schema and the
    value against the payload schema file the message references.
    """
    (channel,) = [c for c in ASYNCAPI["channels"].values() if c["address"] == topic_kind]
    (message,) = [_resolve(m) for m in channel["messages"].values()]
    header_schema = _resolve(message["headers"])
    decoded = {k: v.decode() for k, v in headers.items()}
    Draft202012Validator(
        header_schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    ).validate(decoded)
    payload_file = message["payload"]["schema"]["$ref"].removeprefix("./")
    Draft202012Validator(SCHEMAS[payload_file.split(".v")[0]], registry=REGISTRY).validate(record)


@pytest.fixture(scope="session")
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()
