"""Documentation and schemas stay in step with the code they describe."""

from __future__ import annotations

import re

from tests.conftest import ROOT, SCHEMAS
from worker.core.errors import REASONS
from worker.settings import TopicSettings, env_names

README = (ROOT / "README.md").read_text()


def test_readme_documents_every_setting() -> None:
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", README, flags=re.M))
    settings = set(env_names())
    assert settings - documented == set(), "settings missing from the README"
    assert documented & {a for a in documented if a.startswith(("KAFKA_", "WORKER_"))} <= settings


def test_deadletter_reasons_match_schema_and_readme() -> None:
    schema_reasons = set(SCHEMAS["articles.deadletter"]["properties"]["reason"]["enum"])
    assert schema_reasons == set(REASONS)
    for reason in REASONS:
        assert f"| `{reason}` |" in README


def test_every_topic_has_a_schema() -> None:
    topics = TopicSettings().names()
    assert len(topics) == 7
    for topic in topics:
        assert topic in SCHEMAS
