"""Clean HTML pages with trafilatura (main text, metadata) and htmldate (date).

The page is parsed once into an lxml tree and only that tree is handed on:
given a tree, neither trafilatura nor htmldate can mistake the input for a URL
and fetch it, and the page is not parsed twice: `parse_html` parses it once,
for cleaning and for the boilerplate fingerprints. The publication date is
weighed from the URL, the declared dates, the dateline under the headline and
htmldate's estimates, all read from the same tree (see `published`). The URL is
metadata only: it helps the date and site heuristics.
"""

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from worker.core.cleaning.boilerplate import line_fingerprint
from worker.core.cleaning.dump_lines import is_page_furniture
from worker.core.cleaning.jsonld import page_publisher
from worker.core.cleaning.language import detect_language
from worker.core.cleaning.normalize import count_words, normalize_text
from worker.core.cleaning.published import HTMLDATE_PARAMS, publication_date
from worker.core.errors import PipelineError
from worker.core.types import CleanedDoc

# Elements that hold picture captions. Figures are dropped by trafilatura, but
# caption blocks outside <figure> can reach the text, so they are matched too.
_CAPTION_XPATH = "//figcaption|//*[contains(@class, 'caption')][not(ancestor::figcaption)]"
# trafilatura falls back to any text it finds, even a lone menu ("Home News"):
# fewer words than this is not an article.
_MIN_BODY_WORDS = 5
_MIN_PRECISION_SHARE = 0.5  # of the default mode's words, see `_extractions`
_MIN_LINES_HELD = 0.8  # of precision mode's lines that default mode must have too
_SURE_WORDS = 50  # a precision-mode text this long needs no default-mode text to fall back on
# Elements whose text trafilatura outputs as one paragraph each.
_BLOCK_XPATH = "//p|//li|//h1|//h2|//h3|//h4|//h5|//h6|//blockquote|//td|//dt|//dd"
_MIN_CAPTION_CHARS = 15
_MAX_CAPTION_CHARS = 600


def parse_html(html: str) -> HtmlElement | None:
    """The page's lxml tree (None when it does not parse): the one parse of a page."""
    return load_html(html)


def clean_html(
    tree: HtmlElement | None, url: str | None = None, boilerplate: frozenset[str] = frozenset()
) -> CleanedDoc:
    """Extract the article of a parsed page (`parse_html`): body, title, byline, date,
    captions, language. The tree is left as it is: trafilatura's `bare_extraction`
    works on a copy of a tree it is given (so both extraction passes see the page).

    `boilerplate` holds fingerprints (`boilerplate.line_fingerprint`) of text
    blocks learned as the site's own (see `html_fingerprints`): paragraphs the
    extractor keeps that match them are dropped.
    Raises PipelineError("clean", "no_body") when the page has no extractable text.
    """
    if tree is None:
        raise PipelineError("clean", "no_body", "the page does not parse as HTML")
    captions = _captions(tree)
    for document, text in _extractions(tree, url):
        body = _body(text, document, captions, boilerplate)
        if count_words(body) >= _MIN_BODY_WORDS:
            published_at = publication_date(tree, url, document.date)
            return CleanedDoc(
                body=body,
                title=_clean_field(document.title),
                byline=_clean_field(document.author),
                published_at=published_at,
                published_at_source="html_meta" if published_at else None,
                captions=captions,
                language=detect_language(body) or _declared_language(tree),
                site=page_publisher(tree),
            )
    raise PipelineError("clean", "no_body", "no article text found in the page")


def _extractions(tree: HtmlElement, url: str | None) -> list[tuple[Document, str]]:
    """The texts to try, in order, each with the page's metadata: trafilatura's
    precision mode first (it drops more link lists and teasers at the page's edges),
    then its default mode (precision mode finds no article on some pages).

    The default mode's text alone when precision mode kept less than
    `_MIN_PRECISION_SHARE` of its words and default mode's text holds precision mode's
    (`_holds`): a cut that large has lost part of the article, not the page's edges (on
    the dev sets' pages precision mode kept 0.75 of the words or more; on one fresh page
    of 29 it kept less, and fell far below trafilatura's default). The metadata (title,
    author, dates) comes from the precision-mode run; the default mode runs without it,
    which halves its cost.
    """
    precise = _extract(tree, url, favor_precision=True, with_metadata=True)
    kept = count_words(precise.text or "") if precise else 0
    if precise and _kept_half(tree, kept):
        return [(precise, precise.text or "")]
    default = _extract(tree, url, favor_precision=False, with_metadata=precise is None)
    metadata = precise or default
    if metadata is None:
        return []
    texts = [d.text or "" for d in (precise, default) if d]
    whole = count_words(default.text or "") if default else 0
    cut = kept < _MIN_PRECISION_SHARE * whole and _holds(texts[-1], texts[0])
    return [(metadata, text) for text in (texts[-1:] if cut else texts)]


def _kept_half(tree: HtmlElement, kept: int) -> bool:
    """Precision mode kept half the words of all the page's text blocks, and enough of
    them: default mode cannot have kept twice as many, and its pass is saved (on 646
    pages of the dev sets it was needed on 331, and no text it would have given was
    lost)."""
    blocks = sum(len(element.text_content().split()) for element in tree.xpath(_BLOCK_XPATH))
    return kept >= _SURE_WORDS and kept >= _MIN_PRECISION_SHARE * blocks


def _holds(whole: str, part: str) -> bool:
    """Most of `part`'s lines are in `whole`: default mode kept what precision mode kept
    and more, rather than another block of the page (a list of teasers beside a short
    article)."""
    lines = [line.strip() for line in part.split("\n") if line.strip()]
    return sum(line in whole for line in lines) >= _MIN_LINES_HELD * len(lines)


def _extract(
    tree: HtmlElement, url: str | None, favor_precision: bool, with_metadata: bool
) -> Document | None:
    """Run trafilatura on the tree: text without comments, with metadata and htmldate's
    date if asked."""
    document = bare_extraction(
        tree,
        url=url,
        with_metadata=with_metadata,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=True,
        include_images=False,
        date_extraction_params=dict(HTMLDATE_PARAMS),
    )
    return document if isinstance(document, Document) else None


def html_fingerprints(tree: HtmlElement | None) -> tuple[str, ...]:
    """Fingerprints of a page's text blocks, for `SiteBoilerplate.observe`.

    The blocks are those the extractor turns into paragraphs. They are taken
    from the whole page, not from the extracted body: a block dropped as
    known boilerplate must still be counted, or it would soon be forgotten.
    """
    if tree is None:
        return ()
    blocks = (" ".join(element.text_content().split()) for element in tree.xpath(_BLOCK_XPATH))
    lines = normalize_text("\n".join(blocks)).split("\n")  # one pass: ftfy is slow to start
    return tuple(line_fingerprint(line) for line in lines if line)


def _body(
    text: str, document: Document, captions: tuple[str, ...], boilerplate: frozenset[str]
) -> str:
    """Extracted paragraphs minus captions, a repeated title or byline, learned boilerplate."""
    repeated = {*captions, _clean_field(document.title), _clean_field(document.author)}
    paragraphs = (
        line
        for line in normalize_text(text).split("\n")
        if line
        and line not in repeated
        and not (boilerplate and line_fingerprint(line) in boilerplate)
        and not is_page_furniture(line)
    )
    return "\n\n".join(paragraphs)


def _captions(tree: HtmlElement) -> tuple[str, ...]:
    """Text of each picture caption in the page, once each, in page order."""
    texts = (normalize_text(element.text_content()) for element in tree.xpath(_CAPTION_XPATH))
    wanted = (t for t in texts if _MIN_CAPTION_CHARS <= len(t) <= _MAX_CAPTION_CHARS)
    return tuple(dict.fromkeys(" ".join(t.split()) for t in wanted))


def _clean_field(value: str | None) -> str | None:
    return normalize_text(value) or None if value else None


def _declared_language(tree: HtmlElement) -> str | None:
    """The page's own <html lang>, as a fallback for text too short to identify."""
    lang = tree.get("lang") or ""
    code = lang.split("-")[0].strip().lower()
    return code if len(code) == 2 and code.isalpha() else None
