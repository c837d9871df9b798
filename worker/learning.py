"""Per-site boilerplate learning, as both shells keep it around the core.

Before a batch: find each message's site (`peek_site`: JSON envelopes name it;
other payloads are not peeked at) and hand the core the learned fingerprints
of the batch's sites. After the batch: count the observations the core returns
into each site's state and store it back. The store is a plain dict in
`worker process` and a Faust GlobalTable (changelogged: it survives restarts
and every worker of the group sees every site) in the stream.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, MutableMapping
from typing import Any

from worker.core import Input, SiteObservation, peek_site
from worker.core.cleaning.boilerplate import SiteBoilerplate


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

    def known(self, items: Iterable[Input]) -> dict[str, frozenset[str]]:
        """The fingerprints learned as boilerplate for each site of `items`."""
        sites = {site for item in items if (site := peek_site(item.payload))}
        return {site: self._state(site).known() for site in sites}

    def learn(self, observations: Iterable[SiteObservation]) -> None:
        """Count each article's raw fingerprints into its site's state and store it back."""
        touched: dict[str, SiteBoilerplate] = {}
        for seen in observations:
            state = touched.get(seen.site) or self._state(seen.site)
            state.observe(seen.fingerprints)
            touched[seen.site] = state
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
