"""Temporal expression extraction and TIMEX3 normalisation (regex rules, no model).

Use `worker.pipeline.dates.find_timexes`; the modules here are its parts:
`lexicon` (words), `values` (calendar arithmetic, value formats), `context` (anchor
date, tense), `resolve` (which Friday), `rules` (patterns) and `extract`.
"""
