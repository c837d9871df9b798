"""Hostile raw messages, as hypothesis strategies: what a broken or malicious producer sends.

Used by the pure-pipeline property test (10,000 examples) and, for a smaller
share, by the integration test that sends them through a real broker.
"""

from __future__ import annotations

import gzip
from functools import cache

import orjson
from hypothesis import strategies as st

from tests.conftest import SAMPLE

ENVELOPE_KEYS = [
    "id",
    "url",
    "published_at",
    "date",
    "title",
    "text",
    "html",
    "content",
    "body",
    "raw",
    "source",
    "fetched_at",
    "language",
    "extra",
]
TRICKY = [
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\x00",
    "\u0301",
    "\U0001f600",
    "\r",
    "\u2028",
    "ﬁ",
    "Ã©",
    "\x1b[31m",
    "%s",
    "{}",
    "<script>",
    "&amp;" * 3,
    "\ud7ff",
]


@cache
def _sample() -> bytes:
    """The reference dump's header, headline, byline, captions and first paragraphs.

    A shorter real text keeps 10,000 examples quick; every structure is in it.
    """
    text = SAMPLE.read_text(encoding="utf-8")
    return text[: text.index("Mr Pashinyan has accused")].encode()


@cache
def _gzip_bomb() -> bytes:
    return gzip.compress(b"A" * 60_000_000, compresslevel=9)  # ~60 KB that inflates to 60 MB


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=50),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=20,
)


@st.composite
def wrong_types(draw: st.DrawFn) -> bytes:
    keys = draw(st.lists(st.sampled_from(ENVELOPE_KEYS), min_size=1, max_size=6, unique=True))
    return orjson.dumps({k: draw(json_values) for k in keys})


@st.composite
def truncated_json(draw: st.DrawFn) -> bytes:
    envelope = orjson.dumps({"id": "t", "published_at": "2023-10-13", "text": _sample().decode()})
    return envelope[: draw(st.integers(1, len(envelope) - 1))]


@st.composite
def nested_json(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(100, 50_000))
    return b'{"text": ' + b"[" * depth + b"1" + b"]" * depth + b"}"


@st.composite
def html_bomb(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(100, 20_000))
    tag = draw(st.sampled_from(["div", "p", "span", "table", "b", "ul"]))
    inner = draw(st.text(max_size=200))
    opening, closing = f"<{tag}>" * depth, f"</{tag}>" * (depth // 2)  # left unbalanced
    return f"<html><body>{opening}{inner}{closing}".encode()


@st.composite
def sample_with_junk(draw: st.DrawFn) -> bytes:
    """The real sample with tricky characters spliced in at random places."""
    text = _sample().decode()
    for _ in range(draw(st.integers(1, 30))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(TRICKY)) * draw(st.integers(1, 50)) + text[at:]
    return text.encode()


@st.composite
def mangled_bytes(draw: st.DrawFn) -> bytes:
    """The sample's bytes with random bytes overwritten: broken UTF-8 inside real text."""
    data = bytearray(_sample())
    for _ in range(draw(st.integers(1, 20))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


hostile_payloads = st.one_of(
    st.binary(max_size=2000),
    st.just(b""),
    st.lists(st.sampled_from([*TRICKY, " ", "\n", "word"]), max_size=300).map(
        lambda parts: "".join(parts).encode()
    ),
    st.text(max_size=2000).map(str.encode),
    wrong_types(),
    truncated_json(),
    nested_json(),
    html_bomb(),
    sample_with_junk(),
    mangled_bytes(),
    st.integers(1, 8).map(lambda n: b"x" * (n * 1_000_000)),  # huge
    st.builds(_gzip_bomb),  # gzip bomb
    st.binary(min_size=2, max_size=200).map(lambda b: b"\x1f\x8b" + b),  # bogus gzip
)
