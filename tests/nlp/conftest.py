"""Tests that need the NER model: it is loaded once for the whole session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from worker.core import Core, CoreConfig, Input, Limits, Origin, Output
from worker.settings import Settings

MODEL = Settings().nlp_model
NOW = "2026-11-27T12:00:00.000Z"


@pytest.fixture(scope="session")
def make_core() -> Callable[[Limits], Core]:
    """A `Core` with the given limits; every one shares the session's loaded model."""
    Core(CoreConfig(Limits(), MODEL, 10_000)).load()
    return lambda limits: Core(CoreConfig(limits, MODEL, 10_000))


def clean_one(core: Core, item: Input, now: str = NOW) -> Output:
    """The single output of the clean stage for one input (no learned state)."""
    ((output,),) = core.clean([item], {}, now=now).outputs
    return output


def enrich_one(core: Core, payload: bytes, origin: Origin, key: str | None = None) -> list[Output]:
    """The outputs of the enrich stage for one cleaned event."""
    (outputs,) = core.enrich([Input(payload, origin, key)], now=NOW).outputs
    return outputs
