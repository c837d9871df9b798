"""Direct quotations and their speakers ("who said what"), from the text and its entities.

`find_quotes(text, mentions)` is the entry point: `marks` finds the quoted
segments, `kinds` keeps the ones that are someone's words, `cues` finds the
attribution, `speakers` resolves it to an entity of the article.
"""

from worker.core.quotes.attribution import find_quotes

__all__ = ["find_quotes"]
