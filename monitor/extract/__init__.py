"""Turn an article page into an :class:`~monitor.models.Article`.

The page is parsed once with Lexbor (through selectolax).

* **Text.** One pass over the tree splits the body into text blocks (paragraphs, list
  items, headings, runs of text in a ``div``), skipping markup that never holds text
  (scripts, forms, media) and marking elements whose tag, role, class or id names
  boilerplate (menus, share bars, related links, comments, cookie banners, ads, footers).
  Each block is weighed by its length and link density; the element whose subtree holds the
  most weight, preferring one next to the headline and the one a content system names as
  the article body, is the article. Its blocks are the text, less link lists, the headline,
  short blocks that prose does not surround, and a short tail after the paragraphs (author
  notes, calls to subscribe). Paragraphs are separated by a blank line.
* **Headline.** The heading most like the titles the page declares (JSON-LD, ``og:title``,
  ``<title>``), without site names and kickers.
* **Date.** A dateline by the headline, the declared date (meta tags, JSON-LD, ``<time>``),
  the URL's, then weaker clues; ISO 8601.
* **Author and language.** From JSON-LD and meta tags; from the text's script (Urdu by its
  own letters) or ``<html lang>``.

All traversals are iterative, so deeply nested markup cannot exhaust the recursion limit.

Modules: ``_layout`` (decoding, text blocks), ``_body`` (which blocks are the article),
``_metadata`` (meta tags, JSON-LD), ``_title``, ``_dates``, ``_author``, ``_language``.
Only :func:`extract` and :func:`extract_to_dict` are public.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ..errors import ExtractionError
from ..models import Article
from ..text import readable
from ._author import _choose_author
from ._body import _article_blocks
from ._dates import MAX_DATE_BLOCKS, _choose_date, _dateline_blocks
from ._language import _choose_language
from ._layout import _as_text, _layout
from ._metadata import _prefer_declared_body, _read_metadata
from ._title import _choose_title


__all__ = ["extract", "extract_to_dict"]


def extract(content: bytes | str, url: str | None = None, content_type: str | None = None) -> Article:
    """Extract the headline, date, author, language and body text of an article page.

    The headline, text and author come without the invisible characters that would split a word
    for the rules (a soft hyphen, a zero-width space), and Urdu typed with Arabic letters or
    in presentation forms in Urdu's own (:func:`monitor.text.readable`).

    ``content`` is the page as fetched (bytes, decoded with :func:`decode_html`) or as text;
    ``content_type`` is the HTTP ``Content-Type`` header value, used only for decoding.
    Raises :class:`ExtractionError` with reason ``empty``, ``not_html`` or ``no_text``.
    """
    html = _as_text(content, content_type)
    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        raise ExtractionError("not_html", "the document has no body")
    meta = _read_metadata(tree)
    title = _choose_title(tree, meta, url)
    layout = _layout(body)
    kept = _article_blocks(layout, title)
    found = "\n\n".join(block.text for block, keep in zip(layout.blocks, kept, strict=True) if keep)
    text = readable(_prefer_declared_body(found, meta))
    if not text:
        raise ExtractionError("no_text", "no article text found")
    return Article(
        url=url,
        title=_readable_or_none(title),
        text=text,
        published=_choose_date(
            tree,
            meta,
            url,
            _dateline_blocks(layout.blocks, kept, title),
            [block.text for block in layout.blocks[:MAX_DATE_BLOCKS]],
            html,
        ),
        author=_readable_or_none(_choose_author(tree, meta)),
        lang=_choose_language(tree, text),
    )


def _readable_or_none(value: str | None) -> str | None:
    return readable(value) if value else value


def extract_to_dict(article: Article) -> dict:
    """The article as a JSON-ready dict (field name to value)."""
    return {
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "author": article.author,
        "lang": article.lang,
        "text": article.text,
    }
