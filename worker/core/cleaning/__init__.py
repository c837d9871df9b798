"""Cleaning: a raw article → its body, title, byline, date, captions and language.

`read_page` parses an input once (its fingerprints feed per-site boilerplate
learning); `clean` extracts the article from it, given the boilerplate learned
for its site. The modules: `article` (this interface), `html` (trafilatura),
`dump` with `dump_lines`, `dump_layout` and `dump_fields` (plain-text page
dumps), `published` (dates of HTML pages), `boilerplate` (per-site learning),
`normalize` (Unicode and whitespace), `language`.
"""

from worker.core.cleaning.article import Page, clean, normalize_published_at, read_page
from worker.core.cleaning.boilerplate import SiteBoilerplate, line_fingerprint

__all__ = [
    "Page",
    "SiteBoilerplate",
    "clean",
    "line_fingerprint",
    "normalize_published_at",
    "read_page",
]
