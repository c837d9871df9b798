"""Products the model calls an organisation: names measured or counted as things.

"The new 16-inch MacBook Pro", "a 65-inch Bravia", "all MacBook Air models":
a company is never measured in inches; a name written so is a product, and
so is a name of two or more words that has models (a one-word name before
"models" is the maker's: "older Samsung models"). Such a span is relabelled
PRODUCT (not an entity the scored labels count), and the article's vote over
labels carries it to the name's other mentions.

Drugs are products too: the small model calls "Zopiclone" a place and
"Tapentadol" a person. A one-word name that ends with a stem of the WHO's
International Nonproprietary Names ("-azepam", "-codone", "-statin",
"-prazole", "-ciclovir", ...) is a drug's generic name: given names and
surnames end with none of them ("-vir" only as antivirals end: not the given
name "Aryavir"; "-clone", not the surname "Malone"). Not "-mab": biotech firms
take it too ("Genmab", "Adimab").
"""

from __future__ import annotations

import re

from worker.core.entities.spans import Span

_MEASURE_BEFORE = re.compile(r"\b\d+(?:\.\d+)?[- ](?:inch|in\.|mm|cm|GB|TB|megapixel)\s$")
_MODELS_AFTER = re.compile(r" (?:models?|versions?|editions?|variants?)\b")
_RELABELLED = ("ORG", "PERSON", "GPE", "LOC")
# Stems of the WHO's INN, as generic drug names end with them ("Diazepam", "Oxycodone").
_INN_STEM = re.compile(
    r"[A-Z][a-z]+(?:azepam|azolam|clone|codone|morphone|tadol|fentanil|prazole|statin|"
    r"oxacin|cycline|mycin|cillin|triptan|profen|barbital|tidine|setron|dronate|gliptin|"
    r"glitazone|gliflozin|glutide|dipine|apine|oxetine|sartan|olol|pril|tinib|clovir|"
    r"amivir|navir|previr|buvir|asvir|desivir|piravir|tegravir|mectin|oquine|ridone|zodone|"
    r"afil|lukast|semide|thiazide|platin|taxel|rubicin|parin|xaban|gatran)"
)


def products(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with names measured or counted as things, and drugs, relabelled
    PRODUCT."""
    return [
        s._replace(label="PRODUCT")
        if s.label in _RELABELLED
        and (
            _MEASURE_BEFORE.search(text, max(0, s.start - 16), s.start)
            or (" " in text[s.start : s.end] and _MODELS_AFTER.match(text, s.end))
            or _INN_STEM.fullmatch(text, s.start, s.end)
        )
        else s
        for s in spans
    ]
