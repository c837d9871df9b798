"""Bytes → `RawArticle`: format sniffing, gzip, envelope aliases and size limits.

Producers put three kinds of payload on the raw topic: JSON envelopes, HTML
pages and plain-text dumps, any of them optionally gzip-compressed. This stage
tells them apart by their content (not by a header a producer may forget) and
rejects what cannot be an article with a dead-letter reason.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import orjson
from charset_normalizer import from_bytes

from worker.core.envelope import CONTENT_KEYS, TEXT_KEYS, fields, ld_article
from worker.core.errors import PipelineError
from worker.core.types import RawArticle

_GZIP_MAGIC = b"\x1f\x8b"
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<!--|<meta|<div|<p[\s>])", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_HTML_INSIDE = re.compile(r"<(html|body|p|div|article|br)[\s/>]", re.I)

CONTENT_KINDS = ("page", "article")
# Bytes read to detect a legacy encoding: enough for any real page's statistics.
_DETECT_BYTES = 65536
_COHERENCE_TIE = 0.05  # charset-normalizer's language coherence, 0..1


def decode(payload: bytes, *, default_id: str, max_bytes: int) -> RawArticle:
    """Decode one raw message; `default_id` is used when the payload names no id."""
    if len(payload) > max_bytes:
        raise PipelineError("decode", "too_large", f"{len(payload)} bytes > limit {max_bytes}")
    if payload[:2] == _GZIP_MAGIC:
        payload = _gunzip(payload, max_bytes)
    if not payload.strip():
        raise PipelineError("decode", "empty", "message has no content")
    if b"\x00" in payload[:65536]:
        raise PipelineError("decode", "binary", "payload contains NUL bytes")
    text, encoding = _to_text(payload)
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return replace(_from_envelope(stripped, default_id), encoding=encoding)
    if _HTML_START.match(payload[:1024]):
        return RawArticle(id=default_id, html=text, encoding=encoding)
    return RawArticle(id=default_id, text=text, encoding=encoding)


def _gunzip(payload: bytes, max_bytes: int) -> bytes:
    """Inflate at most `max_bytes`, so that a gzip bomb costs nothing."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(payload, max_bytes + 1)
    except zlib.error as exc:
        raise PipelineError("decode", "invalid_gzip", f"cannot inflate: {exc}") from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise PipelineError("decode", "too_large", f"inflates past limit {max_bytes} bytes")
    if not inflater.eof:
        raise PipelineError("decode", "invalid_gzip", "truncated gzip stream")
    return out


def page_text(payload: bytes, declared: str | None = None) -> tuple[str, str]:
    """A fetched page's text and encoding: the charset its HTTP `Content-Type` declared
    wins (as in a browser, bytes it cannot map become U+FFFD); without a usable one,
    the page is read as `decode` reads a raw message. Raises `PipelineError` when no
    encoding fits."""
    if declared and not payload.startswith(codecs.BOM_UTF8):  # a BOM wins over the header
        try:
            return payload.decode(declared, errors="replace"), declared.lower()
        except LookupError:
            pass
    return _to_text(payload)


def _to_text(payload: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with.

    UTF-8 (with or without BOM) first; then the charset an HTML page declares in
    a meta tag; then detection (charset-normalizer) for legacy text sent with no
    declared charset, such as Latin-1 or cp1252 dumps. Bytes no encoding fits
    are dead-lettered.
    """
    try:
        return payload.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        failure = f"not UTF-8 at byte {exc.start} ({exc.reason})"
    declared = _META_CHARSET.search(payload[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return payload.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = _detect(payload[:_DETECT_BYTES])
    if encoding is not None:
        try:
            return payload.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    raise PipelineError(
        "decode", "invalid_utf8", f"{failure}, and no other text encoding fits"
    ) from None


def _detect(sample: bytes) -> str | None:
    """The legacy encoding of `sample`, or None when no encoding makes it text.

    charset-normalizer ranks the encodings that decode the bytes into plausible
    text; on short Western European text several single-byte code pages tie or
    nearly tie, and it may rank Baltic or Central European ones first. Where
    windows-1252 reads the text as well as the best (same language coherence),
    it wins, as the WHATWG encoding standard makes it the default for
    unlabelled Western text.
    """
    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        same = match.could_be_from_charset  # encodings that give the very same text
        if "cp1252" in same and match.coherence >= best.coherence - _COHERENCE_TIE:
            return "cp1252"
    return str(best.encoding)


def _from_envelope(text: str, default_id: str) -> RawArticle:
    try:
        doc = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise PipelineError("decode", "invalid_json", f"JSON does not parse: {exc}") from None
    if not isinstance(doc, dict):
        raise PipelineError("decode", "invalid_envelope", "JSON envelope must be an object")
    doc = ld_article(doc)
    named = doc.get("id")
    try:
        return _article(doc, default_id)
    except PipelineError as error:
        if isinstance(named, str | int) and not isinstance(named, bool) and str(named).strip():
            error.article_id = str(named).strip()  # the dead letter keeps the article's id
        raise


def _article(doc: dict[str, Any], default_id: str) -> RawArticle:
    used: set[str] = set()
    found = fields(doc, used)
    html, text_body = _content(doc, used)
    raw_id = found.pop("id", None)
    return RawArticle(
        id=raw_id if raw_id else default_id,
        html=html,
        text=text_body,
        content_kind=_content_kind(doc, used),
        extra={k: v for k, v in doc.items() if k not in used},
        **found,
    )


def _content_kind(doc: dict[str, Any], used: set[str]) -> str | None:
    """What the producer says its text is: a whole page's text, or the article alone."""
    kind = doc.get("content_kind")
    if kind is None:
        return None
    if kind not in CONTENT_KINDS:
        raise PipelineError(
            "decode", "invalid_envelope", f"content_kind must be one of {CONTENT_KINDS}: {kind!r}"
        )
    used.add("content_kind")
    return str(kind)


def site_key(source: str | None, url: str | None) -> str | None:
    """The site an article belongs to, for per-site learning: envelope `source`, else URL host."""
    if source and source.strip():
        return source.strip().casefold()
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def site_of(raw: RawArticle) -> str | None:
    """The site an article belongs to, for per-site learning."""
    return site_key(raw.source, raw.url)


def peek_envelope(payload: bytes) -> dict[str, str]:
    """The metadata of a plain JSON envelope (id, url, source, ...), read as `decode` reads it.

    Empty for anything else (a page, a dump, a compressed or broken envelope).
    The shells use it before the core runs: to key a message by its id, and to
    hand the core the learned state of the batch's sites.
    """
    if payload[:1] != b"{":
        return {}
    try:
        doc = orjson.loads(payload)
        found = fields(ld_article(doc), set()) if isinstance(doc, dict) else {}
    except (orjson.JSONDecodeError, PipelineError):
        return {}
    return {name: value for name, value in found.items() if isinstance(value, str)}


def peek_site(payload: bytes) -> str | None:
    """The site of a plain JSON envelope (`source`, else the URL's host); else None."""
    found = peek_envelope(payload)
    return site_key(found.get("source"), found.get("url"))


def _content(doc: dict[str, Any], used: set[str]) -> tuple[str | None, str | None]:
    """Pick the article content: `html` or text by name (`text`, `maintext`,
    `articleBody`, `raw_text`), else sniff an alias's value."""
    for key in CONTENT_KEYS:
        value = doc.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise PipelineError(
                "decode", "invalid_envelope", f"envelope key {key!r} must be a string"
            )
        if not value.strip():
            continue
        used.update(_same_text(doc, value))
        sniff = key not in TEXT_KEYS and bool(_HTML_INSIDE.search(value[:2048]))
        is_html = key == "html" or sniff
        return (value, None) if is_html else (None, value)
    raise PipelineError(
        "decode",
        "invalid_envelope",
        f"envelope has no non-empty {'/'.join(CONTENT_KEYS)}",
    )


def _same_text(doc: dict[str, Any], value: str) -> list[str]:
    """The content keys holding `value` but for whitespace (trafilatura's `raw_text` is
    its `text` on one line): the same text twice is not kept under `extra`."""
    words = value.split()
    return [k for k in CONTENT_KEYS if isinstance(doc.get(k), str) and doc[k].split() == words]
