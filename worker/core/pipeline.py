"""The pipeline as the shells call it: batches of bytes in, serialized outputs out.

Both the Faust agents (in pool processes) and `worker process` call `Core.clean`
and then `Core.enrich`, so the stream and the offline command cannot drift
apart. Every input yields either its events or exactly one dead letter; nothing
here raises for bad input. Stream state comes in as an argument (the learned
boilerplate of the batch's sites) and what was learned goes out as a value
(`Batch.observations`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import orjson

from worker.core.cleaning import Page, clean, read_page
from worker.core.decode import decode, site_of
from worker.core.entities import EntityExtractor
from worker.core.entities.spoken import quoted
from worker.core.errors import PipelineError, Stage
from worker.core.limits import deadline, enrich_cut
from worker.core.names import NameBook, NameSighting, recall, sightings
from worker.core.records import (
    cleaned_record,
    deadletter_output,
    enriched_record,
    entity_records,
    event_id,
    payload_id,
    quote_fields,
    quote_records,
)
from worker.core.stories import Sketch, sketch_of
from worker.core.timex import find_timexes
from worker.core.timing import StageTimer
from worker.core.types import Batch, CoreConfig, Entities, Input, Output, SiteObservation

NO_BOILERPLATE: frozenset[str] = frozenset()


def _dump(record: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(record)
    except TypeError as exc:  # a value orjson cannot encode: a bug, reported as such
        raise PipelineError("serialize", "internal_error", str(exc)) from None


@cache
def _extractor(model: str, max_chunk_chars: int) -> EntityExtractor:
    """One extractor (one loaded model) per process and configuration, shared by every Core."""
    return EntityExtractor(model=model, max_chunk_chars=max_chunk_chars)


class Core:
    """The two stages, with the limits they enforce and the NER model loaded once per process.

    The model loads on the first `enrich` call (or `load()`), so code that only
    cleans never pays for it.
    """

    def __init__(self, config: CoreConfig) -> None:
        self.config = config
        self.limits = config.limits

    @property
    def entities(self) -> EntityExtractor:
        return _extractor(self.config.model, self.config.max_chunk_chars)

    def load(self) -> None:
        """Load the NER model now (pool start-up) rather than on the first article."""
        _ = self.entities

    def clean(
        self,
        items: Sequence[Input],
        boilerplate: Mapping[str, frozenset[str]],
        *,
        now: str,
        timer: StageTimer | None = None,
    ) -> Batch:
        """Stage 1: raw bytes → one `cleaned` output or one dead letter per input.

        `boilerplate` maps a site to the line fingerprints learned as its own;
        the result's observations are what this batch shows of each site.
        """
        timer = timer or StageTimer()
        outputs: list[list[Output]] = []
        observations: list[SiteObservation] = []
        for item in items:
            output, seen = self._clean_one(item, boilerplate, now, timer)
            outputs.append([output])
            if seen is not None:
                observations.append(seen)
        return Batch(outputs, observations)

    def _clean_one(
        self,
        item: Input,
        boilerplate: Mapping[str, frozenset[str]],
        now: str,
        timer: StageTimer,
    ) -> tuple[Output, SiteObservation | None]:
        limits = self.limits
        article_id = item.default_id or payload_id(item.payload)
        stage: Stage = "decode"
        seen = None
        try:
            with timer("decode"), deadline(limits.deadline_s, "decode"):
                raw = decode(
                    item.payload, default_id=article_id, max_bytes=limits.max_message_bytes
                )
            article_id = raw.id or article_id
            stage = "clean"
            with timer("clean"), deadline(limits.deadline_s, "clean"):
                page = read_page(raw)
                seen = _observation(site_of(raw), page)
                doc = clean(
                    page, boilerplate.get(seen.site, NO_BOILERPLATE) if seen else NO_BOILERPLATE
                )
                record = cleaned_record(raw, doc, item.origin, now)
            stage = "serialize"
            with timer("serialize"):
                eid = event_id("cleaned", article_id, record["content_hash"])
                return Output("cleaned", article_id.encode(), _dump(record), eid), seen
        except Exception as exc:  # noqa: BLE001 - every failure becomes a dead letter
            article_id = getattr(exc, "article_id", None) or article_id
            return deadletter_output(item, article_id, exc, stage, now), seen

    def enrich(
        self,
        items: Sequence[Input],
        names: NameBook | None = None,
        *,
        now: str,
        timer: StageTimer | None = None,
    ) -> Batch:
        """Stage 2: cleaned events → enriched event and entity records (or a dead letter).

        One list of outputs per input, in input order, and the story sketch of
        each enriched event, in the same order. Batching lets spaCy's
        `nlp.pipe` amortize its per-call cost over many articles. `names` is what
        the stream knows of the one-word names the batch uses (`core/names.py`);
        the batch's `names` are what each article was sure of, to be learned.
        """
        timer = timer or StageTimer()
        results: list[list[Output] | None] = [None] * len(items)
        parsed: list[tuple[int, dict[str, Any]]] = []
        for i, item in enumerate(items):
            try:
                parsed.append((i, _parse_cleaned(item.payload)))
            except Exception as exc:  # noqa: BLE001
                article_id = item.default_id or payload_id(item.payload)
                results[i] = [deadletter_output(item, article_id, exc, "enrich", now)]
        try:
            # The whole batch gets the deadline of all its messages; on any failure
            # each message is retried alone, with its own deadline, to isolate the culprit.
            with timer("ner"), deadline(self.limits.deadline_s * len(parsed), "enrich"):
                found = self.entities.extract_batch(
                    [self._ner_input(c) for _, c in parsed], [c.get("url") for _, c in parsed]
                )
        except Exception:  # noqa: BLE001
            found = None
        learned: list[tuple[NameSighting, ...]] = [()] * len(items)
        sketches: list[Sketch] = []
        for n, (i, cleaned) in enumerate(parsed):
            entities = found[n] if found else None
            outputs, learned[i] = self._finish(items[i], cleaned, entities, names or {}, now, timer)
            results[i] = outputs
            if outputs[0].kind == "enriched":
                with timer("sketch"):
                    sketches.append(sketch_of(cleaned["body"], cleaned["content_hash"]))
        return Batch(
            [r if r is not None else [] for r in results], names=learned, sketches=sketches
        )

    def _ner_input(self, cleaned: dict[str, Any]) -> tuple[str | None, str]:
        """(title, body prefix) for NER; empty for a language the English model would garble.

        Offsets stay exact either way: a skipped or cut article simply has fewer mentions.
        """
        if cleaned["language"] not in (None, "en"):
            return None, ""
        body = cleaned["body"]
        return cleaned["title"], body[: enrich_cut(body, self.limits.max_enrich_chars)]

    def _finish(
        self,
        item: Input,
        cleaned: dict[str, Any],
        entities: Entities | None,
        names: NameBook,
        now: str,
        timer: StageTimer,
    ) -> tuple[list[Output], tuple[NameSighting, ...]]:
        """The article's outputs (or its dead letter) and the names it was sure of."""
        stage: Stage = "enrich"
        limits = self.limits
        try:
            if entities is None:
                with timer("ner"), deadline(limits.deadline_s, "enrich"):
                    entities = self.entities.extract(*self._ner_input(cleaned), cleaned.get("url"))
            entities = recall(entities, names)
            anchor, body = cleaned["published_at"], cleaned["body"]
            cut = enrich_cut(body, limits.max_enrich_chars)
            with timer("dates"), deadline(limits.deadline_s, "enrich"):
                dates = find_timexes(body[:cut], anchor)
                title_dates = find_timexes(cleaned["title"], anchor) if cleaned["title"] else []
            with timer("quotes"), deadline(limits.deadline_s, "enrich"):
                english = cleaned["language"] in (None, "en")  # cue words are English, as NER
                entities, quotes, title_quotes = (
                    quoted(body[:cut], cleaned["title"] or "", entities, self.entities.gazetteer)
                    if english
                    else (entities, [], [])
                )
            sure = tuple(sightings(entities))  # with the speakers named at a cue
            kept = _capped(entities, limits.max_entities)
            record = enriched_record(cleaned, kept, dates, title_dates, now)
            record.update(quote_fields(record["entity_summary"], quotes, title_quotes))
            record["enrichment_truncated"] = cut < len(body)
            record["entities_truncated"] = kept is not entities
            stage = "serialize"
            with timer("serialize"):
                return _enriched_outputs(record), sure
        except Exception as exc:  # noqa: BLE001
            return [deadletter_output(item, cleaned["id"], exc, stage, now)], ()


def _enriched_outputs(record: dict[str, Any]) -> list[Output]:
    """The enriched event and its entity records, serialized, with deterministic ids."""
    article_id, digest = record["id"], record["content_hash"]
    enriched = Output(
        "enriched", article_id.encode(), _dump(record), event_id("enriched", article_id, digest)
    )
    return (
        [enriched]
        + [
            Output(
                "entities",
                r["entity_key"].encode(),
                _dump(r),
                event_id("entities", f"{article_id}\x1f{r['entity_key']}", digest),
            )
            for r in entity_records(record)
        ]
        + [
            Output(
                "quotes",
                key.encode(),
                _dump(quote),
                event_id("quotes", f"{article_id}\x1f{position}", digest),
            )
            for key, position, quote in quote_records(record)
        ]
    )


def _capped(entities: Entities, limit: int) -> Entities:
    """At most `limit` body mentions and summary items (the same object when under it)."""
    if len(entities.mentions) <= limit and len(entities.summary) <= limit:
        return entities
    return Entities(entities.mentions[:limit], entities.title_mentions, entities.summary[:limit])


# Keys of a cleaned event that the enrich stage reads, with their accepted types.
_CLEANED_KEYS: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "body": (str,),
    "title": (str, type(None)),
    "url": (str, type(None)),
    "published_at": (str, type(None)),
    "language": (str, type(None)),
    "content_hash": (str,),
}


def _parse_cleaned(payload: bytes) -> dict[str, Any]:
    """A cleaned event from our own topic; anything else is an input error."""
    try:
        doc = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise PipelineError(
            "enrich", "invalid_json", f"cleaned event does not parse: {exc}"
        ) from None
    if not isinstance(doc, dict):
        raise PipelineError("enrich", "invalid_envelope", "a cleaned event must be an object")
    wrong = [k for k, types in _CLEANED_KEYS.items() if not isinstance(doc.get(k, ...), types)]
    if wrong:
        raise PipelineError(
            "enrich", "invalid_envelope", f"not a cleaned event: bad or missing {', '.join(wrong)}"
        )
    return doc


def _observation(site: str | None, page: Page) -> SiteObservation | None:
    return SiteObservation(site, page.fingerprints) if site and page.fingerprints else None
