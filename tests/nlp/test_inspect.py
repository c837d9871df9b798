"""`worker inspect` as a user runs it, and its page as a browser shows it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from tests.browser import rendered
from tests.conftest import SAMPLE

HOSTILE_TITLE = "<img src=x onerror=\"document.title='pwned'\">Breaking</b>"


def _inspect(path: Path, out: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", "inspect", str(path), "-o", str(out)],
        capture_output=True,
        timeout=300,
        env=dict(os.environ),
    )


def test_inspect_shows_the_article_with_entities_highlighted(tmp_path: Path) -> None:
    out = tmp_path / "sample.html"
    result = _inspect(SAMPLE, out)
    assert result.returncode == 0, result.stderr.decode()
    dom = rendered(out.as_uri())
    (title,) = dom.xpath("//article//h3")
    assert title.text_content() == "Putin calls for ex-Soviet states to expand their influence"
    people = [m.text for m in dom.xpath("//article//mark[contains(@class, 'ent-PERSON')]")]
    assert "Vladimir Putin" in people and "Nikol Pashinyan" in [p.strip() for p in people]
    assert dom.xpath("//article//svg[@class='timeline']//circle"), "the article's dates are drawn"
    summary = dom.xpath("//article//table[@class='summary']//tr[2]/td[1]")
    assert summary[0].text_content() == "Vladimir Putin"  # the most salient entity first


def test_inspect_shows_hostile_markup_as_text_and_dead_letters_with_their_reason(
    tmp_path: Path,
) -> None:
    envelope = {
        "id": "hostile-1",
        "title": HOSTILE_TITLE,
        "text": SAMPLE.read_text() + "\n\n<script>document.title='pwned'</script>",
    }
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(orjson.dumps(envelope) + b"\n" + b'{"id": "cut' + b"\n")
    out = tmp_path / "feed.html"
    result = _inspect(feed, out)
    assert result.returncode == 1  # one input was dead-lettered
    dom = rendered(out.as_uri())
    assert dom.findtext(".//title") == "article-worker"  # no script of the message ran
    (title,) = dom.xpath("//article//h3")
    assert title.text_content() == HOSTILE_TITLE  # shown as the text it is
    assert not dom.xpath("//article//img") and not dom.xpath("//article//script")
    reasons = [
        r.text_content() for r in dom.xpath("//p[@class='deadletter']/span[@class='reason']")
    ]
    assert reasons == ["decode/invalid_json"]
