"""decode: format sniffing, envelopes and aliases, limits, and every input error."""

from __future__ import annotations

import gzip

import orjson
import pytest

from tests.conftest import SAMPLE
from worker.core.decode import decode
from worker.core.errors import PipelineError

LIMIT = 100_000


def _reason(payload: bytes, limit: int = LIMIT) -> str:
    with pytest.raises(PipelineError) as info:
        decode(payload, default_id="x", max_bytes=limit)
    assert info.value.stage == "decode"
    return info.value.reason


def test_text_dump_is_text_with_default_id(sample_bytes: bytes) -> None:
    raw = decode(sample_bytes, default_id="000_d59a720f40c57080", max_bytes=LIMIT)
    assert raw.id == "000_d59a720f40c57080"
    assert raw.html is None
    assert raw.text is not None and "Putin calls for ex-Soviet states" in raw.text


def test_html_page_is_html() -> None:
    page = b"<!DOCTYPE html><html><body><p>Hello there.</p></body></html>"
    raw = decode(page, default_id="p", max_bytes=LIMIT)
    assert raw.html is not None and raw.text is None


def test_envelope_aliases_and_extra(sample_bytes: bytes) -> None:
    envelope = {
        "id": 42,
        "date": "2023-10-13",
        "content": sample_bytes.decode(),
        "source": "example.org",
        "section": "world",
    }
    raw = decode(orjson.dumps(envelope), default_id="x", max_bytes=LIMIT)
    assert raw.id == "42"
    assert raw.published_at == "2023-10-13"
    assert raw.text is not None and raw.html is None  # the content is a text dump, not HTML
    assert raw.source == "example.org"
    assert raw.extra == {"section": "world"}


def test_envelope_alias_with_html_content_is_html() -> None:
    envelope = {"body": "<html><body><p>Some article text.</p></body></html>"}
    raw = decode(orjson.dumps(envelope), default_id="fallback", max_bytes=LIMIT)
    assert raw.html is not None
    assert raw.id == "fallback"


def test_gzip_payload_is_inflated(sample_bytes: bytes) -> None:
    raw = decode(gzip.compress(sample_bytes), default_id="g", max_bytes=LIMIT)
    assert raw.text is not None and "Bishkek" in raw.text


def test_utf8_bom_is_accepted() -> None:
    raw = decode("\ufeffPlain text article body.".encode(), default_id="b", max_bytes=LIMIT)
    assert raw.text == "Plain text article body."


def test_declared_charset_of_html_is_honoured() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café</p></body></html>'
    raw = decode(page.encode("latin-1"), default_id="l", max_bytes=LIMIT)
    assert raw.html is not None and "Café" in raw.html


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (bytes(range(1, 256)) * 3, "invalid_utf8"),  # no encoding makes these bytes text
        (b"ELF\x00\x01\x02binary", "binary"),
        (b'{"id": "a", "text": "cut off', "invalid_json"),
        (b'{"id": "a"}', "invalid_envelope"),
        (b'{"id": "a", "text": 12}', "invalid_envelope"),
        (b'{"id": ["a"], "text": "body"}', "invalid_envelope"),
        (b"\x1f\x8b\x08\x00garbage", "invalid_gzip"),
    ],
)
def test_bad_inputs_have_a_reason(payload: bytes, reason: str) -> None:
    assert _reason(payload) == reason


def test_json_array_is_not_an_envelope() -> None:
    # "[...]" does not start with "{": it is neither envelope nor HTML, so it is a text dump.
    raw = decode(b"[1, 2, 3]", default_id="arr", max_bytes=LIMIT)
    assert raw.text == "[1, 2, 3]"


def test_size_limit_applies_before_and_after_gunzip() -> None:
    assert _reason(b"a" * (LIMIT + 1)) == "too_large"
    bomb = gzip.compress(b"a" * (LIMIT * 50))
    assert len(bomb) < LIMIT
    assert _reason(bomb) == "too_large"


def test_deeply_nested_json_is_rejected_not_crashing() -> None:
    assert _reason(b"{" + b'"a":[' * 5000 + b"1" + b"]" * 5000 + b"}") == "invalid_json"


def test_legacy_encoded_dumps_are_read_by_detection_and_the_encoding_is_recorded() -> None:
    sample = SAMPLE.read_text(encoding="utf-8")  # curly quotes and dashes: cp1252 has them
    raw = decode(sample.encode("cp1252"), default_id="cp", max_bytes=LIMIT)
    assert (raw.text, raw.encoding) == (sample, "cp1252")
    german = "Die Bürger in Köln äußerten sich über die Straßenbahn und die Größe der Plätze."
    raw = decode(german.encode("latin-1"), default_id="de", max_bytes=LIMIT)
    assert raw.text == german and raw.encoding in ("cp1252", "latin_1", "iso8859_15")
    russian = "Президент России заявил журналистам, что переговоры в Бишкеке продолжатся."
    raw = decode(russian.encode("cp1251"), default_id="ru", max_bytes=LIMIT)
    assert (raw.text, raw.encoding) == (russian, "cp1251")
    assert decode(sample.encode(), default_id="u", max_bytes=LIMIT).encoding == "utf-8"


def test_an_envelope_that_names_its_id_keeps_it_in_its_dead_letter() -> None:
    with pytest.raises(PipelineError) as info:
        decode(b'{"id": "wire-42", "text": 12}', default_id="file.jsonl:3", max_bytes=LIMIT)
    assert info.value.article_id == "wire-42"
    with pytest.raises(PipelineError) as info:
        decode(
            b'{"id": "wire-43", "content_kind": "tweet", "text": "x"}',
            default_id="f",
            max_bytes=LIMIT,
        )
    assert (info.value.reason, info.value.article_id) == ("invalid_envelope", "wire-43")


def test_content_kind_is_read_from_the_envelope() -> None:
    raw = decode(
        b'{"id": "a", "text": "Body.", "content_kind": "article"}', default_id="f", max_bytes=LIMIT
    )
    assert raw.content_kind == "article" and "content_kind" not in raw.extra
