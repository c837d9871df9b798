"""The address of a page, as far as it names one article.

Two messages with the same page address are one article (a re-crawl, an
update, another rendering), whatever their bodies say: scheme, `www.`, case
of the host, a trailing slash, the fragment and tracking parameters do not
make another page.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


def url_key(url: str | None) -> str | None:
    """`host/path?query` without what does not change the page; None when there is no host."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return None
    if not host:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING)]
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{urlencode(sorted(query))}" if query else "")
