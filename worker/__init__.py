"""article-worker: clean, enrich and publish raw article dumps from Kafka."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("article-worker")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"
