"""inputs: files, directories, gzip, JSONL lines and stdin become messages with stable ids."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import orjson
import pytest

from worker.tools.inputs import article_stem, read_inputs
from worker.tools.produce import message_key


def test_stem_drops_all_known_extensions() -> None:
    assert article_stem(Path("/x/000_d59a.txt")) == "000_d59a"
    assert article_stem(Path("a.b.html.gz")) == "a.b"
    assert article_stem(Path("feed.jsonl.gz")) == "feed"


def test_directory_walk_reads_every_kind(tmp_path: Path, sample_bytes: bytes) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_bytes(sample_bytes)
    (tmp_path / "sub" / "two.html.gz").write_bytes(gzip.compress(b"<html><p>x</p></html>"))
    (tmp_path / "three.json").write_bytes(orjson.dumps({"id": "env-3", "text": "body"}))
    lines = [orjson.dumps({"id": "l1", "text": "a"}), b"", orjson.dumps({"text": "no id"})]
    (tmp_path / "four.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (tmp_path / "notes.md").write_text("ignored: not an article format")

    items = list(read_inputs([str(tmp_path)], max_bytes=1_000_000))
    by_id = {i.default_id: i for i in items}
    assert set(by_id) == {"one", "two", "three", "four:1", "four:3"}
    assert by_id["two"].payload[:2] == b"\x1f\x8b"  # decode inflates, with its size limit
    assert by_id["four:3"].origin.as_dict() == {"file": str(tmp_path / "four.jsonl"), "line": 3}
    # The envelope id wins over the file name when producing.
    assert message_key(by_id["three"]) == b"env-3"
    assert message_key(by_id["four:3"]) == b"four:3"


def test_gzipped_jsonl_is_split_into_lines(tmp_path: Path) -> None:
    body = b"\n".join(orjson.dumps({"id": f"g{i}", "text": "t"}) for i in range(3))
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(body))
    items = list(read_inputs([str(tmp_path / "feed.jsonl.gz")], max_bytes=1000))
    assert [message_key(i) for i in items] == [b"g0", b"g1", b"g2"]


def test_huge_file_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 10_000)
    (item,) = read_inputs([str(tmp_path / "big.txt")], max_bytes=1000)
    assert len(item.payload) == 1001  # one byte past the limit: decode rejects it


def test_overlong_jsonl_line_does_not_split_into_bogus_messages(tmp_path: Path) -> None:
    lines = [orjson.dumps({"id": "a", "text": "x" * 5000}), orjson.dumps({"id": "b", "text": "ok"})]
    (tmp_path / "f.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_inputs([str(tmp_path / "f.jsonl")], max_bytes=1000))
    assert [i.origin.line for i in items] == [1, 2]
    assert len(items[0].payload) > 1000 and message_key(items[1]) == b"b"


def test_stdin_jsonl_and_single_document(monkeypatch: pytest.MonkeyPatch) -> None:
    jsonl = b'{"id": "s1", "text": "a"}\n{"id": "s2", "text": "b"}\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(jsonl)))
    assert [message_key(i) for i in read_inputs(["-"], 1000)] == [b"s1", b"s2"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"a plain dump\nline two\n")))
    (item,) = read_inputs(["-"], 1000)
    assert item.default_id == "stdin" and item.payload.startswith(b"a plain dump")


def test_key_from_url_or_file(tmp_path: Path) -> None:
    lines = [
        orjson.dumps({"id": "a", "url": "https://example.org/a", "text": "x"}),
        orjson.dumps({"id": "b", "text": "no url"}),
    ]
    (tmp_path / "feed.jsonl").write_bytes(b"\n".join(lines))
    with_url, without = read_inputs([str(tmp_path / "feed.jsonl")], max_bytes=1000)
    assert message_key(with_url, "url") == b"https://example.org/a"
    assert message_key(without, "url") == b"b"  # no URL: the id
    assert message_key(with_url, "file") == message_key(without, "file")
    assert message_key(without, "file") == str(tmp_path / "feed.jsonl").encode()


def test_stdin_single_long_json_line_is_one_envelope(monkeypatch: pytest.MonkeyPatch) -> None:
    envelope = orjson.dumps({"id": "long", "text": "word " * 30_000})  # past the 64 KiB peek
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(envelope)))
    (item,) = read_inputs(["-"], 1_000_000)
    assert item.payload == envelope and message_key(item) == b"long"
