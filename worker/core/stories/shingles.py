"""Word shingles of a cleaned body: what two renderings of one article share.

Words are `\\w+` runs, case-folded after NFKC, so that typography (curly
quotes, dashes, line breaks, markup) and case never tell two copies apart;
a shingle is `SIZE` consecutive words. A body shorter than `SIZE` words is a
single shingle.
"""

from __future__ import annotations

import re
import unicodedata

SIZE = 5
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The normalized words of `text`."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SIZE) -> list[str]:
    """The distinct `size`-word shingles of `text`, in first-seen order."""
    found = words(text)
    if len(found) <= size:
        return [" ".join(found)] if found else []
    return list(dict.fromkeys(" ".join(found[i : i + size]) for i in range(len(found) - size + 1)))
