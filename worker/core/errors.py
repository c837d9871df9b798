"""The closed set of input errors a pipeline stage may raise.

A `PipelineError` always means "this input cannot be processed": the shell
sends it to the dead-letter output with its `stage` and `reason` and does not
retry it. Anything else that escapes a stage is a bug and is dead-lettered with
reason `internal_error`.
"""

from __future__ import annotations

from typing import Literal

Stage = Literal["decode", "clean", "enrich", "stories", "serialize", "produce"]

# Dead-letter reason codes, documented in the README ("Failure behaviour").
REASONS: dict[str, str] = {
    "too_large": "raw message larger than WORKER_MAX_MESSAGE_BYTES (also after gzip inflation)",
    "empty": "message has no bytes, or only whitespace",
    "invalid_utf8": "not UTF-8, no declared charset fits, and no text encoding is detected",
    "invalid_json": "looks like JSON (starts with '{') but does not parse",
    "invalid_envelope": "JSON envelope has wrong types or lacks text/html",
    "invalid_gzip": "gzip-compressed payload that cannot be inflated",
    "binary": "payload is binary data, not text, HTML or JSON",
    "no_body": "cleaning left no article body",
    "deadline_exceeded": "a stage took longer than WORKER_DEADLINE_S for this message",
    "output_too_large": "the broker rejected an output record as too large (message.max.bytes)",
    "internal_error": "unexpected exception in a stage (a bug); see error_type and traceback",
}


class PipelineError(Exception):
    """An input that a stage rejects; never retried."""

    def __init__(self, stage: Stage, reason: str, message: str) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown dead-letter reason {reason!r}")
        super().__init__(message)
        self.stage: Stage = stage
        self.reason = reason
        self.message = message
        # The article's id, when the input got far enough to name one (an envelope's `id`).
        self.article_id: str | None = None
