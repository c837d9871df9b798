"""Temporal expression extraction and TIMEX3 normalisation (regex rules, no model).

Use `worker.core.timex.find_timexes`; the modules here are its parts:
`lexicon` (words), `values` (calendar arithmetic, value formats), `context` (anchor
date, tense), `resolve` (which Friday), `rules` (patterns) and `extract`.
"""

from worker.core.timex.extract import find_timexes

__all__ = ["find_timexes"]
