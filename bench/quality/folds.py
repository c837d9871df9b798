"""Two folds for every quality set: fold A to tune on, fold B held out.

A figure tuned and reported on the same pages predicts nothing about pages
nobody looked at, so every ``python -m bench.quality`` command reports the
whole set and each fold. The split is deterministic and needs no list kept
anywhere: an item's fold is the parity of the first byte of the SHA-256 of
its group key (even: A, odd: B).

The group key is what must not straddle the folds:

* web pages (ScrapingHub pages and their text dumps, htmldate pages, the
  entity gold articles): the site, i.e. the URL's registered domain (public
  suffix + 1 label, so ``edition.cnn.com`` and ``www.cnn.com`` are one site,
  ``bbc.co.uk`` stays whole); a page without a URL is its own group;
* documents (TimeML, CoNLL stories): the document id.

The ScrapingHub pages and the dumps are the same pages with the same URLs, so
they split identically.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar
from urllib.parse import urlsplit

from tld import get_fld

T = TypeVar("T")
Fold = Literal["A", "B"]
FOLDS: tuple[Fold, ...] = ("A", "B")
FOLD_NAMES: dict[Fold, str] = {"A": "fold A (tune)", "B": "fold B (held out)"}


def fold_of(key: str) -> Fold:
    """The fold of a group key: A when the first byte of its SHA-256 is even."""
    return "A" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def site_of(url: str | None) -> str | None:
    """The registered domain of a URL (``www.nytimes.com`` → ``nytimes.com``), or None."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    domain = get_fld(host, fix_protocol=True, fail_silently=True)
    return str(domain) if domain else host.removeprefix("www.")


def page_key(url: str | None, doc_id: str) -> str:
    """The group key of a web page: its site, else (no usable URL) the page itself."""
    return site_of(url) or f"doc:{doc_id}"


@dataclass(frozen=True, slots=True)
class Part:
    """The whole set or one fold: a name and the indices of its items."""

    name: str
    indices: tuple[int, ...]
    groups: int  # distinct group keys (sites or documents)

    def __len__(self) -> int:
        return len(self.indices)

    def pick(self, items: Sequence[T]) -> list[T]:
        """The items of this part, in set order."""
        return [items[i] for i in self.indices]

    def heading(self, unit: str, group_unit: str) -> str:
        """``fold A (tune): 39 pages, 36 sites``."""
        groups = f", {self.groups} {group_unit}" if group_unit else ""
        return f"{self.name}: {len(self)} {unit}{groups}"


def parts(keys: Sequence[str]) -> list[Part]:
    """The whole set ("all") and its folds A and B, given each item's group key."""
    whole = Part("all", tuple(range(len(keys))), len(set(keys)))
    folds = []
    for fold in FOLDS:
        indices = tuple(i for i, key in enumerate(keys) if fold_of(key) == fold)
        folds.append(Part(FOLD_NAMES[fold], indices, len({keys[i] for i in indices})))
    return [whole, *folds]
