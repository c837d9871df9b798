"""Per-site boilerplate learning, as both shells do it around the core.

Before a batch: find each message's site (JSON envelopes name it; other
payloads are not peeked at) and hand the site's learned fingerprints to the
core with the message. After the batch: count the raw fingerprints the core
returns into the site's state and store it back. The store is a plain dict in
`worker process` and a Faust GlobalTable (changelogged: it survives restarts
and every worker of the group sees every site) in the stream.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import MutableMapping
from dataclasses import replace
from typing import Any

import orjson

from worker.pipeline.boilerplate import SiteBoilerplate, site_key
from worker.pipeline.messages import Input, Output


def envelope_site(payload: bytes) -> str | None:
    """The site named by a JSON envelope (`source`, else the URL's host), without decoding more."""
    if payload[:1] != b"{":
        return None
    try:
        doc = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(doc, dict):
        return None
    source, url = doc.get("source"), doc.get("url")
    return site_key(
        source if isinstance(source, str) else None, url if isinstance(url, str) else None
    )


class SiteLearning:
    """Learned boilerplate per site, over a mapping of site → `SiteBoilerplate.to_dict()`.

    At most `max_sites` sites are kept: the one this process updated least
    recently goes first. Each site's state is bounded by `capacity`.
    """

    def __init__(self, store: MutableMapping[str, Any], capacity: int, max_sites: int) -> None:
        self.store = store
        self.capacity = capacity
        self.max_sites = max_sites
        self._order: OrderedDict[str, None] = OrderedDict()

    def prepare(self, items: list[Input]) -> list[Input]:
        """The same inputs, each with its site's known boilerplate attached."""
        known: dict[str, frozenset[str]] = {}
        prepared = []
        for item in items:
            site = envelope_site(item.payload)
            if site is None:
                prepared.append(item)
                continue
            if site not in known:
                known[site] = self._state(site).known()
            prepared.append(replace(item, boilerplate=known[site]))
        return prepared

    def learn(self, results: list[list[Output]]) -> None:
        """Count each article's raw fingerprints into its site's state and store it back."""
        touched: dict[str, SiteBoilerplate] = {}
        for outputs in results:
            for output in outputs:
                if output.site is None or not output.fingerprints:
                    continue
                state = touched.get(output.site) or self._state(output.site)
                state.observe(output.fingerprints)
                touched[output.site] = state
        for site, state in touched.items():
            self.store[site] = state.to_dict()
            self._order.pop(site, None)
            self._order[site] = None
        while len(self._order) > self.max_sites:
            oldest, _ = self._order.popitem(last=False)
            self.store.pop(oldest, None)

    def _state(self, site: str) -> SiteBoilerplate:
        data = self.store.get(site)
        if data is None:
            return SiteBoilerplate(capacity=self.capacity)
        return SiteBoilerplate.from_dict(data)
