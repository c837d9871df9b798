"""Entity extraction for cleaned articles: spaCy NER, repaired for news.

`EntityExtractor` is the entry point; `entity_key` is the stable key scheme
shared with consumers of the entities topic.
"""

from worker.core.entities.canonical import entity_key
from worker.core.entities.extractor import EntityExtractor

__all__ = ["EntityExtractor", "entity_key"]
