"""Temporal expressions (TimeML TIMEX3) in article text; see `worker.pipeline.temporal`."""

from worker.pipeline.temporal.extract import find_timexes

__all__ = ["find_timexes"]
