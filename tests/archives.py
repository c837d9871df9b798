"""Two real dev pages (Al Jazeera, AutoIndustriya) and the WARC crawls made of them."""

from __future__ import annotations

import gzip
from pathlib import Path

from bench.archives import Page, write_archive
from tests.conftest import FIXTURES

AL_JAZEERA = Page(
    "https://www.aljazeera.com/ajimpact/"
    "nasas-commercial-moon-shot-musk-bezos-firms-bid-191119041538885.html",
    gzip.decompress((FIXTURES / "html_en_aljazeera.html.gz").read_bytes()),
)
AUTOINDUSTRIYA = Page(
    "https://www.autoindustriya.com/auto-industry-news/"
    "lexus-wants-you-to-go-topless-with-2020-lc500-convertible.html",
    gzip.decompress((FIXTURES / "html_en_autoindustriya.html.gz").read_bytes()),
)
PAGES = [AL_JAZEERA, AUTOINDUSTRIYA]


def crawl(tmp_path: Path, pages: list[Page], name: str = "crawl.warc.gz") -> Path:
    """A WARC of `pages` and the other records of a crawl (`bench.archives`), at `tmp_path`."""
    path = tmp_path / name
    with path.open("wb") as fh:
        write_archive(fh, pages, gzip=name.endswith(".gz"))
    return path
