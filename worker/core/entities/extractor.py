"""Batch entity extraction: spaCy NER plus the article-level repairs.

One `EntityExtractor` per worker process: it loads the model and the
gazetteer once, then `extract_batch` runs `nlp.pipe` over all titles and body
chunks of a batch at once (batching is what makes spaCy fast) and repairs the
spans article by article, in time linear in the number of mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Tok2Vec
from spacy.tokens import Doc

from worker.core.entities.brands import named_after_noun, sites
from worker.core.entities.canonical import resolve
from worker.core.entities.chunking import chunk_spans
from worker.core.entities.common import common_words
from worker.core.entities.coordination import (
    acronyms,
    joined_at_connector,
    joined_by_acronym,
)
from worker.core.entities.courts import courts
from worker.core.entities.described import described_places
from worker.core.entities.events import events
from worker.core.entities.gazetteer import Gazetteer, place_label
from worker.core.entities.glued import split_glued, teams
from worker.core.entities.indexes import indexes
from worker.core.entities.listed import listed_people
from worker.core.entities.orgs import names_ending_in_s, with_legal_form
from worker.core.entities.players import players
from worker.core.entities.possessives import relatives, split_possessives
from worker.core.entities.postal import postal_states
from worker.core.entities.products import products
from worker.core.entities.quantities import quantities
from worker.core.entities.spans import (
    LABELS,
    Span,
    add_honorific_persons,
    apply_gazetteer,
    dateline_places,
    drop_inside,
    hyphenated_persons,
    propagate,
    trim,
)
from worker.core.entities.sport import is_sport, sport_teams
from worker.core.entities.summary import summarize
from worker.core.entities.towns import dateline_towns, towns
from worker.core.entities.works import works
from worker.core.text import credit_spans
from worker.core.types import Entities

# Components that NER never reads; excluding them skips loading them at all.
_NOT_FOR_NER = ("tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")

_PROPAGATED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
_Found = tuple[list[Span], list[Span]]  # (model spans, gazetteer matches)


class EntityExtractor:
    """Named entities of cleaned articles, with canonical names and salience."""

    def __init__(
        self,
        model: str,
        max_chunk_chars: int,
        batch_size: int = 64,
    ) -> None:
        self.nlp = spacy.load(model, exclude=list(_NOT_FOR_NER))
        for name, pipe in list(self.nlp.pipeline):
            if isinstance(pipe, Tok2Vec) and not pipe.listening_components:
                self.nlp.remove_pipe(name)  # en_core_web_sm's NER embeds its own tok2vec
        self.max_chunk_chars = max_chunk_chars
        self.batch_size = batch_size
        self.gazetteer = Gazetteer.load()
        self._matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        names: dict[str, list[str]] = {"NORP": list(self.gazetteer.demonyms)}
        for name, place in self.gazetteer.places.items():
            names.setdefault(place_label(place), []).append(name)
        for label, group in names.items():
            self._matcher.add(label, [self.nlp.make_doc(name) for name in group])

    def extract(self, title: str | None, body: str, site: str | None = None) -> Entities:
        """Entities of one article; prefer `extract_batch` for throughput."""
        return self.extract_batch([(title, body)], [site])[0]

    def extract_batch(
        self, docs: Sequence[tuple[str | None, str]], sites: Sequence[str | None] | None = None
    ) -> list[Entities]:
        """Entities of each (title, body) pair, in order; `sites` (the article's URL or
        host, for its country-code domain) help resolve ambiguous places."""
        texts: list[str] = []
        owners: list[tuple[int, int]] = []  # (found index, offset into its text)
        found: list[_Found] = []
        for title, body in docs:
            for text in (title or "", body):
                found.append(([], []))
                for start, end in chunk_spans(text, self.max_chunk_chars):
                    texts.append(text[start:end])
                    owners.append((len(found) - 1, start))
        for doc, (index, offset) in zip(
            self.nlp.pipe(texts, batch_size=self.batch_size), owners, strict=True
        ):
            spans, matches = found[index]
            spans.extend(
                Span(e.start_char + offset, e.end_char + offset, e.label_)
                for e in doc.ents
                if e.label_ in LABELS
            )
            matches.extend(self._gazetteer_matches(doc, offset))
        return [
            self._entities(title or "", body, found[2 * i : 2 * i + 2], sites[i] if sites else None)
            for i, (title, body) in enumerate(docs)
        ]

    def _gazetteer_matches(self, doc: Doc, offset: int) -> list[Span]:
        """Longest, leftmost non-overlapping place and demonym matches."""
        matches = sorted(self._matcher(doc), key=lambda m: (m[1], -m[2]))
        out: list[Span] = []
        end_token = 0
        for match_id, start, end in matches:
            if start >= end_token:
                span = doc[start:end]
                label = self.nlp.vocab.strings[match_id]
                out.append(Span(span.start_char + offset, span.end_char + offset, label))
                end_token = end
        return out

    def _entities(
        self, title: str, body: str, found_in: list[_Found], site: str | None
    ) -> Entities:
        texts = (title, body)
        in_title, in_body = found_in
        credits = [credit_spans(text) for text in texts]
        sport = is_sport(body, site)
        cleaned = names_ending_in_s(
            texts,
            [
                self._clean(text, spans[0], holes)
                for text, spans, holes in zip(texts, (in_title, in_body), credits, strict=True)
            ],
        )
        keep_person = {
            word
            for text, spans in zip(texts, cleaned, strict=True)
            for s in spans
            if s.label == "PERSON"
            for word in text[s.start : s.end].split()[1:]  # "Jordan" of "Michael Jordan"
        }
        fixed = [
            apply_gazetteer(
                text, spans, self._places_named(text, found[1]), keep_person, self.gazetteer
            )
            for text, spans, found in zip(texts, cleaned, (in_title, in_body), strict=True)
        ]
        fixed = [
            courts(text, spans, self.gazetteer) for text, spans in zip(texts, fixed, strict=True)
        ]
        if sport:  # after the gazetteer, which would make "Michigan" a place again
            fixed = [
                players(text, sport_teams(text, spans, self.gazetteer), self.gazetteer)
                for text, spans in zip(texts, fixed, strict=True)
            ]
        else:
            fixed = [
                towns(text, spans, self.gazetteer) for text, spans in zip(texts, fixed, strict=True)
            ]
        fixed = [  # after the teams of result lines: people beat people too
            listed_people(text, spans, self.gazetteer)
            for text, spans in zip(texts, fixed, strict=True)
        ]
        names = _names(texts, fixed, self.gazetteer)
        parts = [
            (text, drop_inside(propagate(text, spans, names), holes))
            for text, spans, holes in zip(texts, fixed, credits, strict=True)
        ]
        (title_mentions, mentions), places = resolve(parts, self.gazetteer, site, sport)
        return Entities(
            mentions=tuple(mentions),
            title_mentions=tuple(title_mentions),
            summary=summarize(body, mentions, title_mentions, places.get),
        )

    def _places_named(self, text: str, matched: list[Span]) -> list[Span]:
        """The gazetteer's matches, the datelines, the story's mentions of its opening
        dateline's city and the states named by postal code."""
        datelines = dateline_places(text, self.gazetteer)
        return [
            *matched,
            *datelines,
            *dateline_towns(text, datelines, self.gazetteer),
            *postal_states(text, self.gazetteer),
        ]

    def _clean(self, text: str, spans: list[Span], credits: list[tuple[int, int]]) -> list[Span]:
        """Drop credits, cut glued names, trim, add "Mr X", type described places and
        things, teams (in sports copy, later, also teams named by city, school or club:
        `sport.py`)."""
        kept = split_possessives(
            text, joined_at_connector(text, drop_inside(spans, credits)), self.gazetteer
        )
        cut = split_glued(text, kept, self.gazetteer)
        trimmed = (trim(text, s, self.gazetteer) for s in cut)
        whole = hyphenated_persons(text, [s for s in trimmed if s is not None])
        named = add_honorific_persons(text, relatives(text, whole, self.gazetteer))
        named = acronyms(text, joined_by_acronym(text, named))
        named = common_words(text, quantities(text, named))
        described = described_places(text, sites(text, named_after_noun(text, named)))
        things = indexes(text, events(text, products(text, works(text, described))))
        return teams(text, with_legal_form(text, things), self.gazetteer)


def _names(texts: Sequence[str], parts: Sequence[list[Span]], gaz: Gazetteer) -> dict[str, str]:
    """Each capitalised PERSON/ORG/GPE/LOC/NORP name of an article → its most frequent
    label, and the surnames of its people (see `_surnames`)."""
    votes: dict[str, Counter[str]] = {}
    for text, spans in zip(texts, parts, strict=True):
        for span in spans:
            name = text[span.start : span.end]
            if span.label in _PROPAGATED and len(name) > 1 and name[0].isupper():
                votes.setdefault(name, Counter())[span.label] += 1
    names = {name: count.most_common(1)[0][0] for name, count in votes.items()}
    return _surnames(names, gaz) | names


def _surnames(names: dict[str, str], gaz: Gazetteer) -> dict[str, str]:
    """Surnames of the article's full PERSON names, to find "Swift" after "Taylor Swift"
    (a surname that is also a place, a demonym or a common word is left out)."""
    surnames = {
        gaz.surname(name)
        for name, label in names.items()
        if label == "PERSON" and gaz.looks_like_full_name(name)
    }
    return {
        s: "PERSON"
        for s in surnames
        if s[:1].isupper()
        and s.lower() not in STOP_WORDS
        and gaz.place(s) is None
        and s not in gaz.demonyms
    }
