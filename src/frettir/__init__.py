"""frettir: who said what in Icelandic news.

Read an article with :meth:`Article.from_text` and look at its :attr:`Article.quotes`;
each :class:`Quote` has its text, :class:`Speaker`, cue and :class:`Span` offsets.
Importing this package is cheap: the Greynir parser is only built when first needed.
"""

from importlib.metadata import version

from frettir.article import Article
from frettir.batch import BatchResult, extract_many
from frettir.corpus import Corpus
from frettir.errors import CorpusError, FrettirError, InputError, InvariantError
from frettir.model import Quote, Span, Speaker
from frettir.views import render_html, to_dataframe

__version__: str = version("frettir")

__all__ = [
    "Article",
    "BatchResult",
    "Corpus",
    "CorpusError",
    "FrettirError",
    "InputError",
    "InvariantError",
    "Quote",
    "Span",
    "Speaker",
    "extract_many",
    "render_html",
    "to_dataframe",
]
