"""JSON envelope keys → our fields: one table for the formats producers' tools write.

Besides our own keys, an envelope may be the JSON that news-please writes
(`maintext`, `date_publish`, `authors`, `source_domain`, ...), trafilatura's
JSON output (`author`, `hostname`, `source` as the page URL, ...), a
newspaper4k article dict (`publish_date`, `meta_lang`, ...) or a schema.org
`NewsArticle`/`Article` JSON-LD object (`headline`, `articleBody`,
`datePublished`, `author`, `publisher`, ...). Each of our fields lists the
spellings it accepts, first match wins; a key no field takes stays in `extra`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from worker.core.errors import PipelineError

# A converter reads one key's value; None means "not a value for this field,
# try the next spelling" (the key then stays in `extra`).
Converter = Callable[[Any, str], Any]

_URL = re.compile(r"^https?://\S+$", re.I)
_SPLIT_AUTHORS = re.compile(r"\s*;\s*")  # trafilatura joins several authors with "; "

# Keys of our own envelope, as before: a wrong type there is an invalid envelope.
_STRICT = frozenset(
    {"id", "url", "published_at", "date", "published", "title", "source", "fetched_at", "language"}
)


def looks_like_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def scalar(value: Any, key: str) -> str | None:
    """A string, int or float as a stripped string; other types are wrong for our own
    keys (invalid envelope) and skipped for the producers' spellings."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        if key in _STRICT:
            raise PipelineError(
                "decode", "invalid_envelope", f"envelope key {key!r} must be a string"
            )
        return None
    return str(value).strip()


def _named(value: Any) -> Any:
    """The `name` of a schema.org object (Person, Organization), else the value itself."""
    return value.get("name") if isinstance(value, dict) else value


def site(value: Any, key: str) -> str | None:
    """The site: a name or domain, or a publisher object's `name`; a URL is not a site."""
    text = scalar(_named(value), key) if _named(value) is not None else None
    return None if not text or looks_like_url(text) else text


def url(value: Any, key: str) -> str | None:
    """The article URL; under another key than `url` (trafilatura's `source`,
    schema.org's `mainEntityOfPage`) only a value that looks like a URL."""
    if isinstance(value, dict):
        value = value.get("@id")
    if value is None:
        return None
    text = scalar(value, key)
    return text if text and (key == "url" or looks_like_url(text)) else None


def authors(value: Any, key: str) -> tuple[str, ...] | None:
    """Author names from a string ("A; B" splits), a list of strings or of {"name"} objects,
    or one {"name"} object."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _named(item)
        if isinstance(name, str):
            names += [part for part in _SPLIT_AUTHORS.split(name.strip()) if part]
    unique = tuple(dict.fromkeys(names))
    return unique or None


# Our field → (accepted spellings, first match wins; converter).
FIELDS: dict[str, tuple[tuple[str, ...], Converter]] = {
    "id": (("id",), scalar),
    "url": (("url", "source", "mainEntityOfPage"), url),
    "published_at": (
        ("published_at", "date", "published", "date_publish", "publish_date", "datePublished"),
        scalar,
    ),
    "modified_at": (("modified_at", "date_modify", "dateModified"), scalar),
    "title": (("title", "headline"), scalar),
    "description": (("description", "excerpt", "meta_description"), scalar),
    "byline": (("byline",), scalar),
    "authors": (("authors", "author"), authors),
    "source": (
        ("source", "source_domain", "hostname", "source-hostname", "meta_site_name", "publisher"),
        site,
    ),
    "fetched_at": (("fetched_at", "date_download"), scalar),
    "language": (("language", "inLanguage", "meta_lang"), scalar),
}

# schema.org types of an article, for picking it out of a JSON-LD `@graph`.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    }
)

# Content keys, in order: ours, then news-please, schema.org and trafilatura's.
CONTENT_KEYS = ("text", "html", "content", "body", "raw", "maintext", "articleBody", "raw_text")
# Content keys that hold text, never HTML (others are sniffed).
TEXT_KEYS = frozenset({"text", "maintext", "articleBody", "raw_text"})


def fields(doc: dict[str, Any], used: set[str]) -> dict[str, Any]:
    """Envelope metadata by our names; adds the keys it takes to `used`.

    `byline` is the envelope's own, else the authors joined with ", ".
    """
    found: dict[str, Any] = {}
    for name, (spellings, convert) in FIELDS.items():
        for key in spellings:
            if key in used or doc.get(key) is None:
                continue
            value = convert(doc[key], key)
            if value is not None and value != "":
                found[name] = value
                used.add(key)
                break
    if "authors" in found and "byline" not in found:
        found["byline"] = ", ".join(found["authors"])
    return found


def ld_article(doc: dict[str, Any]) -> dict[str, Any]:
    """A JSON-LD document whose article sits in its `@graph`: the article node, with the
    document's other keys and the graph's other nodes (kept under `extra`). Any
    other envelope as it is."""
    graph = doc.get("@graph")
    if not isinstance(graph, list) or any(key in doc for key in CONTENT_KEYS):
        return doc
    for node in graph:
        if isinstance(node, dict) and ld_types(node) & ARTICLE_TYPES:
            others = [other for other in graph if other is not node]
            rest = {k: v for k, v in doc.items() if k != "@graph"}
            return {**rest, **node, **({"@graph": others} if others else {})}
    return doc


def ld_types(node: dict[str, Any]) -> set[str]:
    """A JSON-LD node's `@type`: one name or a list of names."""
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k for k in kinds if isinstance(k, str)}
