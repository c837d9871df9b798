"""A schema change that breaks consumers fails here; a compatible one passes.

`tests/fixtures/schemas-v1/` is the released v1 contract, frozen. The current
`schemas/*.v1.json` may only evolve compatibly: add optional properties, add
enum values, loosen a constraint consumers do not see. Removing or renaming a
field, making one required, changing a field's type (consumers parse what they
were promised: even a new `null` breaks them) or dropping an enum value needs a
new version (a new `*.v2.json` file and `schema_version` 2), not an edit of v1.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT

RELEASED = FIXTURES / "schemas-v1"


def _types(node: dict[str, Any]) -> set[str] | None:
    kind = node.get("type")
    if kind is None:
        return None
    return {kind} if isinstance(kind, str) else set(kind)


def breaking_changes(old: Any, new: Any, path: str = "$") -> list[str]:
    """Differences of `new` from `old` that would break a consumer written against `old`."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [] if old == new else [f"{path}: changed from {old!r} to {new!r}"]
    problems: list[str] = []
    old_types, new_types = _types(old), _types(new)
    if old_types != new_types:
        problems.append(f"{path}: type changed from {old_types} to {new_types}")
    for key in ("const", "$ref", "pattern"):
        if key in old and old.get(key) != new.get(key):
            problems.append(f"{path}: {key} changed from {old.get(key)!r} to {new.get(key)!r}")
    if "enum" in old and not set(map(str, old["enum"])) <= set(map(str, new.get("enum", []))):
        problems.append(f"{path}: enum values removed")
    added_required = set(new.get("required", [])) - set(old.get("required", []))
    if added_required:
        problems.append(f"{path}: newly required {sorted(added_required)}")
    for name, sub in old.get("properties", {}).items():
        if name not in new.get("properties", {}):
            problems.append(f"{path}.{name}: property removed")
        else:
            problems += breaking_changes(sub, new["properties"][name], f"{path}.{name}")
    for key in ("items", "$defs", "allOf", "oneOf", "anyOf"):
        if key in old:
            problems += _compare_container(old[key], new.get(key), f"{path}/{key}")
    return problems


def _compare_container(old: Any, new: Any, path: str) -> list[str]:
    if new is None:
        return [f"{path}: removed"]
    if isinstance(old, list):
        if len(old) != len(new):
            return [f"{path}: number of alternatives changed"]
        pairs = enumerate(zip(old, new, strict=True))
        return [p for i, (a, b) in pairs for p in breaking_changes(a, b, f"{path}[{i}]")]
    if (
        isinstance(old, dict)
        and "type" not in old
        and all(isinstance(v, dict) for v in old.values())
    ):
        problems: list[str] = []  # a mapping of named definitions ($defs)
        for name, sub in old.items():
            if name not in new:
                problems.append(f"{path}.{name}: removed")
            else:
                problems += breaking_changes(sub, new[name], f"{path}.{name}")
        return problems
    return breaking_changes(old, new, path)


RELEASED_FILES = sorted(p.name for p in RELEASED.glob("*.json"))


@pytest.mark.parametrize("name", RELEASED_FILES)
def test_released_v1_schemas_only_evolve_compatibly(name: str) -> None:
    old = json.loads((RELEASED / name).read_text())
    current = ROOT / "schemas" / name
    assert current.exists(), f"{name} was released; keep it (add a new version beside it)"
    assert breaking_changes(old, json.loads(current.read_text())) == []


def test_the_checker_catches_breaking_changes() -> None:
    old = json.loads((RELEASED / "articles.enriched.v1.json").read_text())
    base = json.loads((RELEASED / "articles.cleaned.v1.json").read_text())

    removed = copy.deepcopy(base)
    del removed["properties"]["byline"]
    removed["required"].remove("byline")
    assert any("byline: property removed" in p for p in breaking_changes(base, removed))

    narrowed = copy.deepcopy(base)
    narrowed["properties"]["title"]["type"] = "string"
    assert any("title: type changed" in p for p in breaking_changes(base, narrowed))
    nullable = copy.deepcopy(base)
    nullable["properties"]["body"]["type"] = ["string", "null"]
    assert any("body: type changed" in p for p in breaking_changes(base, nullable))

    required = copy.deepcopy(old)
    required["required"].append("sentiment")
    required["properties"]["sentiment"] = {"type": "number"}
    assert any("newly required" in p for p in breaking_changes(old, required))

    common = json.loads((RELEASED / "common.v1.json").read_text())
    fewer = copy.deepcopy(common)
    fewer["$defs"]["timex"]["properties"]["type"]["enum"].remove("SET")
    assert any("enum values removed" in p for p in breaking_changes(common, fewer))


def test_compatible_changes_pass() -> None:
    base = json.loads((RELEASED / "articles.cleaned.v1.json").read_text())
    widened = copy.deepcopy(base)
    widened["properties"]["sentiment"] = {"type": ["number", "null"]}  # new optional field
    widened["properties"]["published_at_source"]["enum"].append("json_ld")  # new enum value
    widened["properties"]["title"]["description"] = "Reworded documentation."
    assert breaking_changes(base, widened) == []
