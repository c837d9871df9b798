"""Plain data of the core: messages in and out, and what the stages pass on.

Every stage takes and returns these frozen dataclasses so that stages can be
tested, pickled to worker processes and replayed offline without Kafka.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from worker.core.limits import Limits

if TYPE_CHECKING:
    from worker.core.names import NameSighting
    from worker.core.stories.sketch import Sketch

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# Where a canonical name comes from: the article itself, or what the stream learned
# of the name in other articles (`core/names.py`).
CanonicalSource = Literal["article", "stream"]
PlaceKind = Literal["continent", "country", "state", "capital", "city"]
PlaceEvidence = Literal["name", "words", "dateline", "article", "site", "default"]


@dataclass(frozen=True, slots=True)
class RawArticle:
    """A decoded input message: an envelope, an HTML page or a text dump."""

    id: str | None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published_at: str | None = None
    title: str | None = None
    source: str | None = None  # the site (`source_domain`, `hostname`, a publisher's name, ...)
    fetched_at: str | None = None
    language: str | None = None
    content_kind: str | None = None  # "page" or "article" when the envelope says so
    byline: str | None = None  # the envelope's, else its authors joined with ", "
    authors: tuple[str, ...] = ()
    modified_at: str | None = None
    description: str | None = None
    encoding: str = "utf-8"  # how the bytes were read
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CleanedDoc:
    """What a cleaner (HTML or text dump) finds in one page."""

    body: str  # clean paragraphs separated by one blank line ("\n\n")
    title: str | None = None
    byline: str | None = None
    published_at: str | None = None  # ISO 8601 date or datetime found in the page
    published_at_source: str | None = None  # e.g. "dump_header", "html_meta", "dateline"
    captions: tuple[str, ...] = ()
    content_kind: str = "page"  # "article": the text was already the article, kept whole
    content_kind_source: str = "inferred"  # or "envelope": the producer said which
    language: str | None = None
    authors: tuple[str, ...] = ()  # from the envelope
    modified_at: str | None = None  # from the envelope, ISO 8601 when readable
    description: str | None = None  # from the envelope
    site: str | None = None  # a page's publisher (JSON-LD), when the envelope names no site


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention; offsets index into the text it was found in."""

    text: str
    label: str
    start: int
    end: int
    canonical: str
    entity_key: str
    canonical_source: CanonicalSource = "article"


@dataclass(frozen=True, slots=True)
class Place:
    """Where a GPE/LOC entity is: GeoNames name, ISO 3166 alpha-2 country, kind, coordinates."""

    name: str
    country_code: str | None  # None for continents
    kind: PlaceKind  # "state": any first-level subdivision (US state, province, home nation)
    latitude: float | None
    longitude: float | None
    subdivision_code: str | None = None  # ISO 3166-2 of a subdivision, or of a US city's state
    resolved_by: PlaceEvidence | None = None  # what chose this place among those of its name
    confidence: float | None = None  # how sure, by evidence (docs/entities.md), in [0, 1]


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One canonical entity of an article, with its salience in [0, 1]."""

    entity_key: str
    canonical: str
    label: str
    mentions: int
    first_offset: int  # offset of the first body mention, -1 if only in the title
    in_title: bool
    in_lede: bool
    salience: float
    place: Place | None = None  # GPE/LOC entities the gazetteer knows
    canonical_source: CanonicalSource = "article"


@dataclass(frozen=True, slots=True)
class Entities:
    """Entities of one article: body mentions, title mentions and the summary."""

    mentions: tuple[Mention, ...]
    title_mentions: tuple[Mention, ...]
    summary: tuple[EntitySummary, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    """The canonical entity a quotation is attributed to (as in `entity_summary`)."""

    canonical: str
    entity_key: str
    label: str


@dataclass(frozen=True, slots=True)
class SpeakerMention:
    """The words that name a speaker ("he", "Mr Putin", "a spokesperson"); offsets into the text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted segment (marks excluded) and who said it; offsets index into its text.

    `speaker` is None for an unnamed or unknown speaker; `speaker_mention` keeps
    the words that name an unnamed one ("officials"). `cue` is the attribution
    word ("said", "according to", ":"), None when nothing attributes the quote.
    """

    text: str
    start: int
    end: int
    speaker: Speaker | None
    speaker_mention: SpeakerMention | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3-style temporal expression; offsets index into the text it was found in."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str  # TIMEX3 value: "2023-10-13", "2023-09", "2023-W41", "P3M", "PRESENT_REF", ...
    anchor: str | None  # the ISO date the value was resolved against, if any


@dataclass(frozen=True, slots=True)
class CoreConfig:
    """What a `Core` is built from: light and picklable, so that the event-loop process
    can hand it to pool processes without importing the models itself."""

    limits: Limits
    model: str  # spaCy model package, loaded by name
    max_chunk_chars: int  # NER runs on sentence-aligned chunks of at most this size


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an input came from: a Kafka record or a file (and line, for `.jsonl`)."""

    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    path: str | None = None
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        if self.topic is not None:
            return {
                "topic": self.topic,
                "partition": self.partition,
                "offset": self.offset,
            }
        return {"file": self.path, "line": self.line}


OutputKind = Literal[
    "cleaned", "enriched", "entities", "quotes", "stories", "sketched", "deadletter"
]


@dataclass(frozen=True, slots=True)
class Output:
    """One message to produce: the kind names the topic; key and value are ready bytes.

    `event_id` is deterministic (same input, same id) and becomes the CloudEvents id.
    """

    kind: OutputKind
    key: bytes
    value: bytes
    event_id: str


@dataclass(frozen=True, slots=True)
class DeadLetter(Output):
    """The one output of an input that failed: the stage and the reason code say why."""

    stage: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Input:
    """One message to process, with its origin and the id to use if it names none."""

    payload: bytes
    origin: Origin
    default_id: str | None = None
    attempt: int = 1  # 2 and more when a dead letter is replayed


@dataclass(frozen=True, slots=True)
class SiteObservation:
    """What one article shows of its site's boilerplate: the fingerprints of its raw lines.

    Returned by the clean stage so that the shell can learn per-site boilerplate
    (`SiteBoilerplate.observe`); dead-lettered articles are observed too.
    """

    site: str
    fingerprints: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Batch:
    """A stage's result: outputs per input (in input order) and what it learned of the stream.

    The clean stage learns boilerplate per site; the enrich stage names, and sketches
    each body for the stories step. Stages that keep stream state return what they
    learned here, never by side effect.
    """

    outputs: list[list[Output]]
    observations: list[SiteObservation] = field(default_factory=list)
    # The enrich stage: per input, the names its article was sure of (`core/names.py`).
    names: list[tuple[NameSighting, ...]] = field(default_factory=list)
    # The enrich stage's story sketch of each enriched event, in output order.
    sketches: list[Sketch] = field(default_factory=list)
