"""The quality sets split into two folds by site (pages) or by document, the same way every run."""

from __future__ import annotations

from bench.quality.folds import FOLD_NAMES, fold_of, page_key, parts, site_of

URLS = [
    "https://www.nytimes.com/2019/11/19/opinion/a.html",
    "https://edition.cnn.com/2019/11/18/b/index.html",
    "https://www.cnn.com/2019/11/18/c/index.html",
    "https://www.bbc.co.uk/news/d",
    "https://news.bbc.co.uk/e",
    "http://www.therepublic.com/2019/11/20/f/",
    "https://techcrunch.com/2019/11/18/g/",
    None,
]


def test_site_is_the_registered_domain() -> None:
    assert [site_of(u) for u in URLS] == [
        "nytimes.com",
        "cnn.com",
        "cnn.com",
        "bbc.co.uk",
        "bbc.co.uk",
        "therepublic.com",
        "techcrunch.com",
        None,
    ]


def test_a_page_without_a_url_is_its_own_group() -> None:
    assert page_key(None, "x1") != page_key(None, "x2")
    assert page_key("https://www.cnn.com/a", "x1") == page_key("http://money.cnn.com/b", "x2")


def test_fold_is_a_stable_function_of_the_key() -> None:
    keys = [f"conll-dev-{i:03d}" for i in range(216)]
    assert [fold_of(k) for k in keys] == [fold_of(k) for k in keys]
    # pinned: a change of the rule would silently move tuned documents into the held-out fold
    pinned = ("nytimes.com", "cnn.com", "conll-dev-000", "conll-dev-001")
    assert [fold_of(k) for k in pinned] == ["B", "B", "A", "B"]
    assert {fold_of(k) for k in keys} == {"A", "B"}


def test_folds_are_disjoint_cover_the_set_and_keep_each_site_whole() -> None:
    keys = [page_key(u, str(i)) for i, u in enumerate(URLS * 3)]
    whole, fold_a, fold_b = parts(keys)
    assert whole.name == "all" and whole.indices == tuple(range(len(keys)))
    assert (fold_a.name, fold_b.name) == (FOLD_NAMES["A"], FOLD_NAMES["B"])
    assert not set(fold_a.indices) & set(fold_b.indices)
    assert sorted(fold_a.indices + fold_b.indices) == list(range(len(keys)))
    sites_a = {keys[i] for i in fold_a.indices}
    sites_b = {keys[i] for i in fold_b.indices}
    assert not sites_a & sites_b
    assert whole.groups == len(sites_a) + len(sites_b) == len(set(keys))


def test_part_picks_its_items_and_names_its_size() -> None:
    _, fold_a, _ = parts(["k1", "k2", "k3", "k4", "k5", "k6"])
    items = ["i1", "i2", "i3", "i4", "i5", "i6"]
    assert fold_a.pick(items) == [items[i] for i in fold_a.indices]
    heading = fold_a.heading("pages", "sites")
    assert heading == f"fold A (tune): {len(fold_a)} pages, {fold_a.groups} sites"
    assert fold_a.heading("documents", "") == f"fold A (tune): {len(fold_a)} documents"
