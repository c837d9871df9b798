"""Cleaning: a raw article → its body, title, byline, date, captions and language.

`read_page` parses an input once; `clean` extracts the article from it, given
the boilerplate learned for its site. The modules: `article` (the entry),
`html` (trafilatura), `dump` (plain-text page dumps), `published` (dates),
`boilerplate` (per-site learning), `normalize` (Unicode and whitespace),
`language`. The entry is imported lazily: the shell uses `boilerplate` alone
and must not import trafilatura for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from worker.core.cleaning.article import Page, clean, normalize_published_at, read_page

__all__ = ["Page", "clean", "normalize_published_at", "read_page"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from worker.core.cleaning import article

        return getattr(article, name)
    raise AttributeError(f"module 'worker.core.cleaning' has no attribute {name!r}")
