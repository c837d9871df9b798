"""Stories: copies and near-copies of one article found across the stream.

`sketch` turns a cleaned body into a MinHash signature and its LSH band keys
(in the enrich pool, where the CPU is); `assign` looks a sketch up in the
story index the shell hands it and returns its decision as a value;
`stage` is the stories step over messages (enriched event + sketch in;
enriched event with `story`, and the story's state, out).
"""

from worker.core.stories.assign import Assignment, Member, StoryView, assign, window_start
from worker.core.stories.sketch import SKETCH, Sketch, sketch_of
from worker.core.stories.stage import (
    StoryLimits,
    StoryStates,
    StoryUpdate,
    stories_one,
    wrap_for_stories,
)

__all__ = [
    "SKETCH",
    "Assignment",
    "Member",
    "Sketch",
    "StoryLimits",
    "StoryStates",
    "StoryUpdate",
    "StoryView",
    "assign",
    "sketch_of",
    "stories_one",
    "window_start",
    "wrap_for_stories",
]
