"""Views of an article's quotes: an HTML page, the terminal, and tables.

* :func:`~frettir.render_html` gives a standalone HTML page (inline CSS, nothing fetched): the
  article's text with every quote highlighted, direct and indirect styled apart, one colour
  per speaker, the speaker and cue shown over each quote, speaker mentions and cue words
  marked, and a legend of the speakers. ``Article._repr_html_`` shows the same in Jupyter.
* :func:`to_rows` gives one flat row per quote (the columns in :data:`COLUMNS`), the rows
  that ``frettir extract --format csv`` writes; :func:`~frettir.to_dataframe` puts the rows of
  many articles in a pandas DataFrame (``pip install 'frettir[pandas]'``).
* :func:`render_text` gives the terminal view of ``frettir show``: colours by speaker through
  rich, or plain text with the quotes in brackets.

The rendering itself is done below the :class:`~frettir.Article` (in a private module that
knows only the model), so that the article's own methods can use it; this module is the
public face, with the article's type.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from frettir import _render
from frettir._render import COLUMNS, PALETTE, Row
from frettir.article import Article
from frettir.batch import BatchResult

if TYPE_CHECKING:
    import pandas
    from rich.text import Text

__all__ = ["COLUMNS", "PALETTE", "Row", "render_html", "render_text", "to_dataframe", "to_rows"]


def render_html(article: Article, *, standalone: bool = True) -> str:
    """Return an HTML view of ``article`` with its quotes highlighted.

    Direct quotes are filled with their speaker's colour, indirect ones underlined with a
    dashed line; each carries a label with its speaker and cue (drawn by CSS, so that the
    text of the article stays as it was), and its details in the ``data-`` attributes
    ``kind``, ``speaker``, ``cue``, ``start`` and ``end`` (the quote's
    :attr:`~frettir.Quote.span`). Speaker mentions are bold in their colour, cue words
    underlined with dots; a legend lists the speakers with their titles and quote counts.
    All text is escaped.

    Args:
        article: The article to show.
        standalone: ``True`` (the default) for a whole page; ``False`` for a ``<div>`` with
            its own ``<style>``, to put inside another page (what Jupyter shows).

    Returns:
        The HTML, with inline CSS, no script and no link to fetch.

    >>> from frettir import Article
    >>> page = render_html(Article.from_text("„Já,“ sagði Anna <Jónsdóttir>."))
    >>> page.startswith("<!DOCTYPE html>"), "&lt;Jónsdóttir&gt;" in page
    (True, True)
    >>> body = render_html(Article.from_text("„Já,“ sagði Anna."), standalone=False)
    >>> print(body.splitlines()[-2])
    <div class="text" lang="is"><mark class="quote direct s0" ...>„Já,“</mark> ...
    """
    return _render.html(article, standalone=standalone)


def render_text(article: Article, *, color: bool = True) -> Text | str:
    """Return the terminal view of ``article`` (``frettir show``).

    Args:
        article: The article to show.
        color: ``True`` for a :class:`rich.text.Text` with the quotes coloured by speaker
            (each after a label with its speaker and cue); ``False`` for plain text in which
            each quote is put in brackets and followed by its kind, speaker and cue.

    Returns:
        A legend of the speakers, then the text of the article.

    >>> from frettir import Article
    >>> print(render_text(Article.from_text("„Já,“ sagði Anna."), color=False))
    Anna: 1 direct, 0 indirect
    <BLANKLINE>
    [„Já,“](direct: Anna · segja) sagði Anna.
    """
    return _render.text(article, color=color)


def to_rows(article: Article, *, id: str | None = None) -> list[Row]:
    """Return one flat row per quote of ``article``: the columns of :data:`COLUMNS`.

    ``article_id`` is ``id``; ``speaker``, ``speaker_kind`` and ``speaker_title`` are the
    speaker's name, :attr:`~frettir.Speaker.kind` and first title (``None`` when unknown);
    the rest are the quote's attributes, ``start`` and ``end`` from its span.

    Args:
        article: The article.
        id: What to put in the ``article_id`` column.

    Returns:
        The rows, in the order of :attr:`Article.quotes <frettir.Article.quotes>`.

    >>> from frettir import Article
    >>> row = to_rows(Article.from_text("„Já,“ sagði Anna."), id="a1")[0]
    >>> row["article_id"], row["kind"], row["start"], row["end"]
    ('a1', 'direct', 1, 4)
    >>> row["speaker"], row["cue"], row["text"]
    ('Anna', 'segja', 'Já,')
    """
    return _render.rows(article, id=id)


def to_dataframe(articles: Iterable[Article | BatchResult]) -> pandas.DataFrame:
    """Return the quote rows of many articles as a pandas DataFrame (``frettir[pandas]``).

    ``articles`` holds :class:`~frettir.Article` objects or the
    :class:`~frettir.BatchResult` objects of :func:`frettir.extract_many`. A result's ``id``
    goes in the ``article_id`` column; an article without one is named by its position in
    ``articles`` (``"0"``, ``"1"``, …). A failed result has no quote and gives no row.

    Returns:
        One row per quote, the columns of :data:`~frettir.views.COLUMNS` (also when there
        is no quote).

    Raises:
        ImportError: If pandas is not installed.

    >>> from frettir import Article, extract_many
    >>> frame = to_dataframe(extract_many([{"id": "a", "text": "„Já,“ sagði Anna."}]))
    >>> frame[["article_id", "kind", "speaker", "text"]].to_dict("records")
    [{'article_id': 'a', 'kind': 'direct', 'speaker': 'Anna', 'text': 'Já,'}]
    """
    try:
        import pandas
    except ImportError as error:  # the optional extra is missing
        raise ImportError("to_dataframe needs pandas: pip install 'frettir[pandas]'") from error
    rows: list[Row] = []
    for index, item in enumerate(articles):
        if isinstance(item, BatchResult):
            if item.article is not None:
                rows.extend(to_rows(item.article, id=item.id if item.id is not None else str(index)))
        elif isinstance(item, Article):
            rows.extend(to_rows(item, id=str(index)))
        else:
            raise TypeError(f"expected an Article or a BatchResult, got {type(item).__name__}")
    return pandas.DataFrame(rows, columns=list(COLUMNS))
