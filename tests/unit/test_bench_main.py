"""`python -m bench.quality NAME args` runs that benchmark's main with the remaining args."""

from __future__ import annotations

import types

import pytest

from bench.quality import __main__ as dispatch


def test_dispatches_the_remaining_args_to_the_named_benchmark(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, list[str]]] = []

    def fake_import(name: str) -> types.SimpleNamespace:
        def main(argv: list[str]) -> int:
            calls.append((name, argv))
            return 3

        return types.SimpleNamespace(main=main)

    monkeypatch.setattr(dispatch.importlib, "import_module", fake_import)
    assert dispatch.main(["cleaning", "--set", "dates"]) == 3
    assert calls == [("bench.quality.cleaning", ["--set", "dates"])]


@pytest.mark.parametrize("argv", [[], ["nonsense"]])
def test_unknown_or_missing_benchmark_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert dispatch.main(argv) == 2
    assert "usage: python -m bench.quality" in capsys.readouterr().err
