"""Reading input files for `worker produce` and `worker process`.

Turns paths (files, directories, `-` for stdin) into raw messages with a stable
default id and an origin. Files are read lazily and never beyond the size limit
plus one byte, so a huge file costs a bounded read and is rejected by `decode`.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from worker.core.types import Input, Origin

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")


def article_stem(path: Path) -> str:
    """File name without its extensions: `a.b.html.gz` → `a.b`."""
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _kind(path: Path) -> str | None:
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    return next((s for s in SUFFIXES if name.endswith(s)), None)


def expand(paths: Iterable[str]) -> Iterator[Path | None]:
    """Files named or found under directories (sorted); `None` stands for stdin."""
    for raw in paths:
        if raw == "-":
            yield None
            continue
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _kind(p))
        else:
            yield path


def read_inputs(paths: Iterable[str], max_bytes: int) -> Iterator[Input]:
    """Every raw message found in `paths`, in order."""
    for path in expand(paths):
        if path is None:
            yield from _stdin(max_bytes)
        elif _kind(path) == ".jsonl":
            yield from _jsonl(path, max_bytes)
        else:
            with path.open("rb") as fh:
                payload = fh.read(max_bytes + 1)
            yield Input(payload, Origin(path=str(path)), article_stem(path))


def _jsonl(path: Path, max_bytes: int) -> Iterator[Input]:
    opener = gzip.open if path.name.endswith(".gz") else open
    stem = article_stem(path)
    with opener(path, "rb") as fh:
        number = 0
        while line := fh.readline(max_bytes + 1):
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := fh.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of an over-long line; decode rejects its head
            if line.strip():
                origin = Origin(path=str(path), line=number)
                yield Input(line.rstrip(b"\r\n"), origin, f"{stem}:{number}")


def _stdin(max_bytes: int) -> Iterator[Input]:
    """Stdin is JSONL when its first line is a JSON object, else one document."""
    data = sys.stdin.buffer.read()
    lines = data.splitlines()
    if len(lines) > 1 and lines[0].lstrip().startswith(b"{") and lines[0].rstrip().endswith(b"}"):
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield Input(line, Origin(path="-", line=number), f"stdin:{number}")
    else:
        yield Input(data[: max_bytes + 1], Origin(path="-"), "stdin")
