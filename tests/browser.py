"""A real browser for the page tests: Debian's headless Chromium (`.ci/run` installs it).

`rendered` loads a page, lets its scripts run (virtual time: timers and fetches
complete without real waiting) and returns the DOM they left, parsed, so a
test asserts what a person would see rather than what the server sent.
"""

from __future__ import annotations

import shutil
import subprocess

from lxml import html
from lxml.html import HtmlElement


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("no Chromium on PATH: install Debian's `chromium` package (see .ci/run)")


def _run(url: str, *flags: str) -> subprocess.CompletedProcess[bytes]:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--virtual-time-budget=8000",
        *flags,
        url,
    ]
    return subprocess.run(command, capture_output=True, timeout=120, check=True)


def rendered(url: str) -> HtmlElement:
    """The DOM of `url` after its scripts ran."""
    return html.fromstring(_run(url, "--dump-dom").stdout)


def screenshot(url: str, path: str, size: str = "1280,1500") -> None:
    _run(url, f"--window-size={size}", f"--screenshot={path}", "--hide-scrollbars")
