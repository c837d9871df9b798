"""Language identification of cleaned article text (ISO 639-1 codes).

py3langid ships its model inside the wheel, so detection works offline and
needs no download at run time. The model takes about half a second to load, so
it is loaded once, on first use, and shared.
"""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Enough text for a stable guess; longer input only costs time.
_MAX_CHARS = 4000
# Below this many letters a guess is mostly noise.
_MIN_LETTERS = 20
# Normalized probability under which we would rather say nothing.
_MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of `text`'s language, or None when unsure."""
    sample = text[:_MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    return str(code) if confidence >= _MIN_CONFIDENCE else None
