"""Shared fixtures: the sample dump, schema validation, and paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "000_d59a720f40c57080.txt"


def _registry() -> tuple[Registry, dict[str, dict[str, Any]]]:
    schemas = {p.name.split(".v")[0]: json.loads(p.read_text()) for p in (ROOT / "schemas").glob("*.json")}
    registry: Registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values()
    )
    return registry, schemas


REGISTRY, SCHEMAS = _registry()


def validate(topic: str, record: dict[str, Any]) -> None:
    """Raise if `record` does not match the JSON Schema of `topic` (e.g. "articles.enriched")."""
    Draft202012Validator(SCHEMAS[topic], registry=REGISTRY).validate(record)


@pytest.fixture(scope="session")
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()
