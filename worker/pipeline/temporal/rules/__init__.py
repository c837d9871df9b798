"""The extraction rules, registered in priority order by importing their modules."""

from worker.pipeline.temporal.rules import absolute, narrative, relative, spans
from worker.pipeline.temporal.rules.base import RULES, Rule

__all__ = ["RULES", "Rule", "absolute", "narrative", "relative", "spans"]
