"""The dev pages of the stories benchmark, cleaned by the real core and cached.

Every page goes through `Core.clean` exactly as in `bench/quality/cleaning.py`
(a JSON envelope with the page and its URL), which takes minutes for the 700
pages; the cleaned bodies are cached in a JSON file under /tmp keyed by the
set, so that tuning reruns take seconds. Delete the file after a cleaner change.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

from bench.quality.cleaning import _read_gz_html, clean_output

CACHE = Path(tempfile.gettempdir()) / "article-worker-stories-bench.json"


@dataclass(frozen=True, slots=True)
class Page:
    """One cleaned dev page: where it comes from and what the cleaner kept."""

    set: str  # "html" (scrapinghub-dev), "dump" (dumps-dev) or "distractor" (htmldate-dev)
    id: str
    url: str | None
    title: str | None
    body: str


def _cleaned(set_name: str, page_id: str, url: str | None, **envelope: str | None) -> Page:
    output = clean_output({**envelope, "url": url})
    record = orjson.loads(output.value) if output.kind == "cleaned" else {}
    return Page(set_name, page_id, url, record.get("title"), record.get("body", ""))


def _clean_all(data_dir: Path) -> list[Page]:
    pages: list[Page] = []
    root = data_dir / "scrapinghub-dev"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        html = _read_gz_html(root / "html" / f"{key}.html.gz")
        pages.append(_cleaned("html", key, truth[key].get("url"), html=html))
    dumps = data_dir / "dumps-dev"
    for key in sorted(truth):
        text = (dumps / "dumps" / f"{key}.txt").read_text(encoding="utf-8")
        pages.append(_cleaned("dump", key, truth[key].get("url"), text=text))
    root = data_dir / "htmldate-dev"
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        html = _read_gz_html(root / gold[key]["file"])
        pages.append(_cleaned("distractor", key, gold[key].get("url"), html=html))
    return pages


def load_pages(data_dir: Path, cache: Path = CACHE) -> list[Page]:
    """Every dev page of the benchmark, cleaned (from the cache when there is one)."""
    if cache.exists():
        return [Page(**item) for item in json.loads(cache.read_text(encoding="utf-8"))]
    pages = _clean_all(data_dir)
    cache.write_text(json.dumps([asdict(p) for p in pages]), encoding="utf-8")
    return pages
