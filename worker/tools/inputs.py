"""Reading input files for `worker produce` and `worker process`.

Turns paths (files, directories, `-` for stdin) into raw messages with a stable
default id and an origin. Files are read lazily and never beyond the size limit
plus one byte, so a huge file costs a bounded read and is rejected by `decode`.
JSONL files and stdin are read line by line and WARC/ARC archives record by
record (`warc`), so neither is ever held whole in memory; archive records that
are not pages are counted in `skipped`, by reason.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from worker.core.types import Input, Origin
from worker.tools.warc import ARCHIVE_SUFFIXES, archive_inputs, is_archive

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
_ARCHIVE_STARTS = (b"WARC/", b"filedesc://")  # a WARC record's first line, an ARC file's
_PEEK = 65536  # bytes of stdin looked at to tell an archive from JSONL or a document


def article_stem(path: Path) -> str:
    """File name without its extensions: `a.b.html.gz` → `a.b`."""
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in (*SUFFIXES, *ARCHIVE_SUFFIXES):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _kind(path: Path) -> str | None:
    if is_archive(path.name):
        return ".warc"
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


def read_inputs(
    paths: Iterable[str], max_bytes: int, skipped: Counter[str] | None = None
) -> Iterator[Input]:
    """Every raw message found in `paths`, in order; archive records that are not
    pages are counted in `skipped`."""
    skipped = Counter() if skipped is None else skipped
    for path in expand(paths):
        if path is None:
            yield from _stdin(max_bytes, skipped)
        elif _kind(path) == ".warc":
            with path.open("rb") as fh:
                yield from archive_inputs(fh, str(path), max_bytes, skipped)
        elif _kind(path) == ".jsonl":
            opener = gzip.open if path.name.endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from _lines(fh, str(path), article_stem(path), max_bytes)
        else:
            with path.open("rb") as fh:
                payload = fh.read(max_bytes + 1)
            yield Input(payload, Origin(path=str(path)), article_stem(path))


def _lines(
    fh: io.BufferedIOBase, path: str, stem: str, max_bytes: int, first: int = 1
) -> Iterator[Input]:
    """One message per non-blank line; a line is never read past the size limit."""
    number = first - 1
    while line := fh.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass  # skip the rest of an over-long line; decode rejects its head
        if line.strip():
            yield Input(line.rstrip(b"\r\n"), Origin(path=path, line=number), f"{stem}:{number}")


def _stdin(max_bytes: int, skipped: Counter[str]) -> Iterator[Input]:
    """Stdin is a WARC archive, JSONL when its first line is a JSON object, else one
    document; archives and JSONL are read as a stream."""
    stream = io.BufferedReader(sys.stdin.buffer, buffer_size=_PEEK)  # type: ignore[type-var]
    head = stream.peek(_PEEK)
    if head.startswith(_ARCHIVE_STARTS) or _gzipped_warc(head):
        yield from archive_inputs(stream, "-", max_bytes, skipped)
        return
    first = stream.readline(max_bytes + 1)
    if first.strip().startswith(b"{") and first.strip().endswith(b"}"):
        yield Input(first.rstrip(b"\r\n"), Origin(path="-", line=1), "stdin:1")
        yield from _lines(stream, "-", "stdin", max_bytes, first=2)
    else:
        yield Input(first + stream.read(max_bytes + 1 - len(first)), Origin(path="-"), "stdin")


def _gzipped_warc(head: bytes) -> bool:
    """A gzip stream whose first member starts with a WARC or ARC record header."""
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        start = zlib.decompressobj(wbits=31).decompress(head, 16)
    except zlib.error:
        return False
    return start.startswith(_ARCHIVE_STARTS)
