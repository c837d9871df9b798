"""The extraction rules, registered in priority order by importing their modules.

The import order below is the priority order between rules that find spans of
the same length: keep it (it is not alphabetical; isort is turned off for it).
"""

# isort: off
from worker.core.timex.rules import absolute, narrative, relative, named, clock, ranges
from worker.core.timex.rules.base import RULES, Rule

# isort: on

__all__ = ["RULES", "Rule", "absolute", "clock", "named", "narrative", "ranges", "relative"]
