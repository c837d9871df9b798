"""The publisher a page names in its schema.org JSON-LD: the article's site.

trafilatura already reads a page's JSON-LD author (the byline) and dates, but
blends the publisher with other guesses (og:site_name, the title's suffix) into
a noisy `sitename` ("Nj", "Hosted"); here only the article node's own
`publisher` is taken, read as an envelope's schema.org object is read.
"""

from __future__ import annotations

import json
from typing import Any

from lxml.html import HtmlElement

from worker.core.envelope import ARTICLE_TYPES, ld_types, site

_MAX_SCRIPT_CHARS = 200_000  # a JSON-LD block larger than this is not article metadata


def page_publisher(tree: HtmlElement) -> str | None:
    """The `publisher` name of the page's first JSON-LD article node that has one."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text or ""
        if len(text) > _MAX_SCRIPT_CHARS:
            continue
        try:
            doc = json.loads(text, strict=False)  # pages put raw newlines in strings
        except ValueError:
            continue
        nodes = _nodes(doc)
        for node in nodes:
            if ld_types(node) & ARTICLE_TYPES and (name := _name(node.get("publisher"), nodes)):
                return name
    return None


def _nodes(doc: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD block: itself (or its list items) and their `@graph` nodes."""
    nodes: list[dict[str, Any]] = []
    for item in doc if isinstance(doc, list) else [doc]:
        if isinstance(item, dict):
            nodes.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                nodes += [node for node in graph if isinstance(node, dict)]
    return nodes


def _name(publisher: Any, nodes: list[dict[str, Any]]) -> str | None:
    """A publisher's name; a `{"@id"}` reference is looked up among the block's nodes."""
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict) and "name" not in publisher:
        ref = publisher.get("@id")
        publisher = next((n for n in nodes if ref and n.get("@id") == ref), publisher)
    return site(publisher, "publisher")
