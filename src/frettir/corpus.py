"""Who said what across the news: a corpus of read articles in one SQLite file.

A :class:`Corpus` stores articles, their quotes and their speakers in one file, with the
standard library's :mod:`sqlite3` (no server) and SQLite's FTS5 for searching quote text.
:meth:`Corpus.add` writes one article in one transaction, in WAL mode: a run that is killed
leaves a file that opens and holds only whole articles, and several processes may index into
one file at once (a writer waits for the others, up to :data:`BUSY_SECONDS`).

**People.** Every named speaker is linked to a *person*, and each link records how it was
made (:attr:`CorpusQuote.link`):

* ``"full name"``: a name of two or more parts is its own person; names are compared after
  Unicode normalisation (NFC), case folding and collapsing white space, so ``Bjarni
  Benediktsson`` and ``BJARNI  Benediktsson`` are one person. Two different full names are
  never merged.
* ``"organization"``: a named body (``lögreglan á höfuðborgarsvæðinu``) is a person of kind
  ``organization``, by its normalised name.
* ``"name part"``: a speaker an article names by one name only (``Bjarni``, or a surname
  such as ``Trump``) is linked to the one person with a full name whose first or last part
  it is, among those quoted within :data:`LINK_YEARS` years of the article (when both dates
  are known).
* ``"name part and title"``: when several fit by name, the one who shares a title with the
  speaker, if exactly one does.
* ``"name only"``: no person fits, or several do: the speaker stays apart, as a person of
  that one name. Links are computed again whenever an article with the same name part is
  added or replaced, so the result does not depend on the order of indexing.
* ``"description"``: a speaker such as ``talsmaður félagsins`` is linked to no person.

**Merged quotes.** A direct quote of at least :data:`MERGE_WORDS` words is compared with the
quotes already stored after normalising it (quotation marks, punctuation and white space
dropped, case folded). The same words, or words whose similarity (:class:`difflib.SequenceMatcher`
ratio over the words) is at least :data:`MERGE_SIMILARITY`, are one quote with many sources:
queries show it once, with every article that carries it in :attr:`CorpusQuote.sources`.
Groups are joined as quotes come in and are not split again when an article is replaced.

**Search.** Each quote is indexed by its words and, beside them, by the BÍN lemmas of its
words, so that :meth:`Corpus.search` for ``ríkisstjórn`` finds ``ríkisstjórnarinnar``.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from frettir.article import Article
from frettir.errors import CorpusError, InputError

if TYPE_CHECKING:
    import pandas

__all__ = [
    "BUSY_SECONDS",
    "LINK_YEARS",
    "MERGE_SIMILARITY",
    "MERGE_WORDS",
    "Corpus",
    "CorpusQuote",
    "DatedTitle",
    "Person",
    "Source",
    "name_key",
]

MERGE_WORDS: Final = 6
"""A direct quote needs at least this many words to be merged with others (shorter ones,
such as ``Já, það er rétt``, are said by many people)."""

MERGE_SIMILARITY: Final = 0.9
"""Two quotes whose normalised words are this similar (0 to 1) are one quote."""

LINK_YEARS: Final = 10
"""A one-name speaker is linked only to a person quoted within this many years of it."""

BUSY_SECONDS: Final = 60.0
"""How long a writer waits for another process that is writing to the same file."""

_APPLICATION_ID: Final = 0x46524554  # "FRET", in the SQLite header: this file is a frettir corpus
_SCHEMA_VERSION: Final = 1
_AFFIX: Final = 3
"""Words at the start and at the end of a quote that find candidates for merging."""

_SCHEMA: Final = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    url TEXT, outlet TEXT, title TEXT, author TEXT, published TEXT, text TEXT,
    quotes INTEGER NOT NULL,
    digest TEXT NOT NULL
);
CREATE TABLE persons (key TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL);
CREATE TABLE speakers (
    article TEXT NOT NULL,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    gender TEXT,
    titles TEXT NOT NULL,
    first TEXT,
    last TEXT,
    part TEXT,
    person TEXT,
    link TEXT NOT NULL,
    PRIMARY KEY (article, idx)
);
CREATE INDEX speakers_person ON speakers (person);
CREATE INDEX speakers_first ON speakers (first);
CREATE INDEX speakers_last ON speakers (last);
CREATE INDEX speakers_part ON speakers (part);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker INTEGER,
    cue TEXT,
    confidence REAL NOT NULL,
    rule TEXT NOT NULL,
    medium TEXT,
    norm TEXT,
    head TEXT,
    tail TEXT,
    grp INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes (article);
CREATE INDEX quotes_norm ON quotes (norm);
CREATE INDEX quotes_head ON quotes (head);
CREATE INDEX quotes_tail ON quotes (tail);
CREATE INDEX quotes_grp ON quotes (grp);
CREATE VIRTUAL TABLE quote_text USING fts5 (words, lemmas, tokenize = "unicode61 remove_diacritics 0");
"""

_WORD: Final = re.compile(r"\w+")
_SPACE: Final = re.compile(r"\s+")

_Link = Literal["full name", "organization", "name part", "name part and title", "name only", "description"]


@attrs.frozen(kw_only=True)
class Source:
    """One article that carries a quote.

    Attributes:
        article: The article's id.
        start: Where the quote starts in that article's text.
        end: Where it ends.
        outlet: The article's outlet, if known.
        url: The article's address, if known.
        published: Its publication date or time (ISO 8601), if known.
    """

    article: str
    start: int
    end: int
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


@attrs.frozen(kw_only=True)
class CorpusQuote:
    """A quote as the corpus gives it: one entry for words reported in several articles.

    The first source (oldest first) gives ``article``, ``start``, ``end`` and the rest;
    :attr:`sources` lists every article that carries the same words, this one included.

    Attributes:
        article: The id of the article the entry comes from.
        kind: ``"direct"`` or ``"indirect"``.
        start: Offset of the quote in that article's text.
        end: End offset.
        text: The quoted words.
        speaker: The person's name (for a speaker linked by one name, the full name), the
            speaker's name if linked to no person, or ``None``.
        name: The speaker's name as that article gives it, or ``None``.
        link: How the speaker was linked to the person (see :mod:`frettir.corpus`), or
            ``None`` without a speaker.
        cue: The cue's lemma, or ``None``.
        confidence: As :attr:`frettir.Quote.confidence`.
        rule: As :attr:`frettir.Quote.rule`.
        medium: As :attr:`frettir.Quote.medium`.
        outlet: The article's outlet, if known.
        url: The article's address, if known.
        published: The article's date, if known.
        sources: Every article with these words, oldest first.
    """

    article: str
    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    name: str | None
    link: str | None
    cue: str | None
    confidence: float
    rule: str
    medium: str | None
    outlet: str | None
    url: str | None
    published: str | None
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the entry as JSON-ready data (what ``frettir who --json`` prints a line of)."""
        data: dict[str, Any] = attrs.asdict(self, recurse=False)
        data["sources"] = [attrs.asdict(source) for source in self.sources]
        return data

    def to_row(self) -> dict[str, Any]:
        """Return the entry as one flat table row: ``sources`` becomes the articles' ids, space-separated."""
        row = self.to_dict()
        row["sources"] = " ".join(source.article for source in self.sources)
        return row


@attrs.frozen(kw_only=True)
class DatedTitle:
    """A title given with a person, and the dates of the first and last article that give it.

    Attributes:
        title: The title (``forsætisráðherra``).
        first: The earliest date of an article giving it, or ``None`` if no such article is dated.
        last: The latest date.
    """

    title: str
    first: str | None
    last: str | None


@attrs.frozen(kw_only=True)
class Person:
    """A person (or body) across the corpus.

    Attributes:
        name: The name, as first indexed.
        kind: ``"person"`` or ``"organization"``.
        quotes: How many quotes are theirs (merged quotes count once).
        articles: In how many articles they are quoted.
        titles: Their titles with dates, oldest first.
        outlets: The outlets that quote them, most quotes first.
    """

    name: str
    kind: str
    quotes: int
    articles: int
    titles: tuple[DatedTitle, ...]
    outlets: tuple[str, ...]


def name_key(name: str) -> str:
    """Return the form in which names are compared: NFC, case folded, single spaces."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", name)).strip().casefold()


def _quote_words(text: str) -> list[str]:
    """The words of a quote, normalised for merging: marks and punctuation dropped, case folded."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


@functools.lru_cache(maxsize=65536)
def _word_lemmas(word: str) -> str:
    """The BÍN lemmas of one word form, space-separated; the word itself where BÍN has none."""
    from frettir._greynir import lemmas

    return " ".join(sorted(lemmas(word))) or word.lower()


def _lemma_text(text: str) -> str:
    """The lemmas of every word of ``text`` (the word itself where BÍN has none), space-separated."""
    return " ".join(_word_lemmas(word) for word in _WORD.findall(text))


def _year(published: str | None) -> int | None:
    if published is None:
        return None
    match = re.match(r"\d{4}", published)
    return int(match.group()) if match else None


@attrs.frozen
class _SpeakerRow:
    name: str
    kind: str
    gender: str | None
    titles: tuple[str, ...]


@attrs.frozen
class _QuoteRow:
    kind: str
    start: int
    end: int
    text: str
    speaker: int | None
    cue: str | None
    confidence: float
    rule: str
    medium: str | None


@attrs.frozen
class _ArticleRows:
    """An article as plain rows: what :meth:`Corpus.add` and :meth:`Corpus.add_parquet` write."""

    id: str
    url: str | None
    outlet: str | None
    title: str | None
    author: str | None
    published: str | None
    text: str | None
    speakers: tuple[_SpeakerRow, ...]
    quotes: tuple[_QuoteRow, ...]

    @classmethod
    def of(cls, article: Article, ident: str) -> _ArticleRows:
        index = {speaker: n for n, speaker in enumerate(article.speakers)}
        return cls(
            id=ident,
            url=article.url,
            outlet=article.outlet,
            title=article.title,
            author=article.author,
            published=article.published,
            text=article.text,
            speakers=tuple(_SpeakerRow(s.name, s.kind, s.gender, s.titles) for s in article.speakers),
            quotes=tuple(
                _QuoteRow(
                    q.kind,
                    q.span.start,
                    q.span.end,
                    q.text,
                    None if q.speaker is None else index[q.speaker],
                    q.cue,
                    q.confidence,
                    q.rule,
                    q.medium,
                )
                for q in article.quotes
            ),
        )

    def digest(self) -> str:
        # the repr of these frozen classes names every field, in a fixed order
        return hashlib.sha256(repr(self).encode("utf-8")).hexdigest()


def _path(path: object) -> str:
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"a corpus path must be a str or a path, not {type(path).__name__}")
    name = os.fsdecode(path)
    if not name or name == ":memory:":
        raise InputError("a corpus is a file: give its path (':memory:' and '' are not files)")
    return name


class Corpus:
    """A corpus of articles, their quotes and speakers, in one SQLite file.

    Open one with ``Corpus(path)``, add articles with :meth:`add` and ask it :meth:`who`,
    :meth:`speakers`, :meth:`search` and :meth:`quotes`. Use it as a context manager, or
    call :meth:`close`. One object belongs to one thread; other processes may use the same
    file at the same time.

    Args:
        path: The file. It is made if missing and ``create`` is true.
        create: Make the file if it does not exist; if false, a missing file is an error.

    Raises:
        CorpusError: If the file cannot be opened, is not SQLite, is damaged, or is another
            program's database.
        TypeError: If ``path`` is not a ``str`` or path.

    Attributes:
        path: The file's path, as a string.
    """

    path: str

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = _path(path)
        if not create and not os.path.isfile(self.path):
            raise CorpusError(f"{self.path}: no such corpus file")
        try:
            self._db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        except sqlite3.Error as error:
            raise CorpusError(f"{self.path}: cannot open the corpus: {error}") from error
        try:
            with self._guard():
                self._setup()
        except BaseException:
            self._db.close()
            raise

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn SQLite's errors into a :class:`CorpusError` that names the file."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            message = str(error)
            if "not a database" in message or "malformed" in message:
                message = f"the file is damaged or not a frettir corpus ({message})"
            raise CorpusError(f"{self.path}: {message}") from error

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _setup(self) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        application = db.execute("PRAGMA application_id").fetchone()[0]
        if application == 0:
            with self._transaction():
                # another process may have set the file up meanwhile: look again inside the lock
                application = db.execute("PRAGMA application_id").fetchone()[0]
                if application == 0:
                    tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
                    if tables:
                        raise CorpusError(f"{self.path}: an SQLite database of another program, not a corpus")
                    for statement in _SCHEMA.split(";"):
                        db.execute(statement)
                    db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                    db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
                    application = _APPLICATION_ID
        if application != _APPLICATION_ID:
            raise CorpusError(f"{self.path}: an SQLite database of another program, not a corpus")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version != _SCHEMA_VERSION:
            raise CorpusError(
                f"{self.path}: a corpus of format {version}; this frettir reads format {_SCHEMA_VERSION}"
            )
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        """Close the file; the object cannot be used afterwards."""
        self._db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        with self._guard():
            count: int = self._db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return count

    def __contains__(self, ident: object) -> bool:
        with self._guard():
            row = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (ident,)).fetchone()
        return row is not None

    # -- writing -------------------------------------------------------------------------

    def add(self, article: Article, *, id: str) -> bool:
        """Store one article with its quotes and speakers, in one transaction.

        An article already stored under ``id`` is replaced; adding the very same article
        again changes nothing.

        Args:
            article: The article, as :meth:`frettir.Article.from_text` gives it.
            id: Its id in the corpus (the ``id`` of a JSON Lines input line).

        Returns:
            Whether the corpus changed (false if the same article was there already).

        Raises:
            TypeError: If ``article`` is not an :class:`~frettir.Article` or ``id`` not a ``str``.
            CorpusError: If the file cannot be written.
        """
        if not isinstance(article, Article):
            raise TypeError(f"article must be an Article, not {type(article).__name__}")
        if not isinstance(id, str):
            raise TypeError(f"id must be a str, not {type(id).__name__}")
        return self._write(_ArticleRows.of(article, id))

    def add_many(self, items: Iterable[tuple[str, Article]]) -> int:
        """Store each ``(id, article)`` pair with :meth:`add`; return how many changed the corpus."""
        return sum(self.add(article, id=ident) for ident, article in items)

    def remove(self, id: str) -> bool:
        """Remove the article ``id`` with its quotes; return whether it was there."""
        with self._guard(), self._transaction() as db:
            parts = self._delete(db, id)
            if parts is not None:
                self._relink(db, parts)
        return parts is not None

    def _write(self, rows: _ArticleRows) -> bool:
        digest = rows.digest()
        with self._guard(), self._transaction() as db:
            row = db.execute("SELECT digest FROM articles WHERE id = ?", (rows.id,)).fetchone()
            if row is not None and row[0] == digest:
                return False
            parts = self._delete(db, rows.id) or set()
            db.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    rows.id,
                    rows.url,
                    rows.outlet,
                    rows.title,
                    rows.author,
                    rows.published,
                    rows.text,
                    len(rows.quotes),
                    digest,
                ),
            )
            for index, speaker in enumerate(rows.speakers):
                parts |= self._insert_speaker(db, rows.id, index, speaker)
            for quote in rows.quotes:
                self._insert_quote(db, rows.id, quote)
            self._relink(db, parts)
        return True

    def _delete(self, db: sqlite3.Connection, ident: str) -> set[str] | None:
        """Delete an article; return the name parts whose links may change (``None``: it was not there)."""
        if db.execute("DELETE FROM articles WHERE id = ?", (ident,)).rowcount == 0:
            return None
        parts: set[str] = set()
        for first, last, part in db.execute(
            "SELECT first, last, part FROM speakers WHERE article = ?", (ident,)
        ):
            parts.update(p for p in (first, last, part) if p is not None)
        db.execute("DELETE FROM speakers WHERE article = ?", (ident,))
        db.execute(
            "DELETE FROM quote_text WHERE rowid IN (SELECT id FROM quotes WHERE article = ?)", (ident,)
        )
        db.execute("DELETE FROM quotes WHERE article = ?", (ident,))
        return parts

    def _insert_speaker(
        self, db: sqlite3.Connection, article: str, index: int, speaker: _SpeakerRow
    ) -> set[str]:
        key = name_key(speaker.name)
        names = key.split(" ")
        first = last = part = person = None
        if speaker.kind == "description":
            link: _Link = "description"
        elif speaker.kind == "organization":
            link, person = "organization", key
        elif len(names) > 1:
            link, person, first, last = "full name", key, names[0], names[-1]
        else:
            link, person, part = "name only", key, key  # _relink decides
        if person is not None:
            db.execute("INSERT OR IGNORE INTO persons VALUES (?, ?, ?)", (person, speaker.name, speaker.kind))
        db.execute(
            "INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article,
                index,
                speaker.name,
                speaker.kind,
                speaker.gender,
                json.dumps(list(speaker.titles), ensure_ascii=False),
                first,
                last,
                part,
                person,
                link,
            ),
        )
        return {p for p in (first, last, part) if p is not None}

    def _insert_quote(self, db: sqlite3.Connection, article: str, quote: _QuoteRow) -> None:
        words = _quote_words(quote.text)
        mergeable = quote.kind == "direct" and len(words) >= MERGE_WORDS
        norm = " ".join(words) if mergeable else None
        head = " ".join(words[:_AFFIX]) if mergeable else None
        tail = " ".join(words[-_AFFIX:]) if mergeable else None
        cursor = db.execute(
            "INSERT INTO quotes VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (
                article,
                quote.kind,
                quote.start,
                quote.end,
                quote.text,
                quote.speaker,
                quote.cue,
                quote.confidence,
                quote.rule,
                quote.medium,
                norm,
                head,
                tail,
            ),
        )
        ident = cursor.lastrowid
        assert ident is not None  # an INSERT into a rowid table always has one
        groups = {ident}
        if mergeable:
            candidates = db.execute(
                "SELECT norm, grp FROM quotes WHERE id != ? AND (norm = ? OR head = ? OR tail = ?)",
                (ident, norm, head, tail),
            )
            for other, group in candidates:
                if group not in groups and _similar(words, other.split(" ")):
                    groups.add(group)
        group = min(groups)
        db.execute("UPDATE quotes SET grp = ? WHERE id = ?", (group, ident))
        others = sorted(groups - {group, ident})
        if others:
            marks = ", ".join("?" * len(others))
            db.execute(f"UPDATE quotes SET grp = ? WHERE grp IN ({marks})", (group, *others))
        db.execute(
            "INSERT INTO quote_text (rowid, words, lemmas) VALUES (?, ?, ?)",
            (ident, quote.text, _lemma_text(quote.text)),
        )

    def _relink(self, db: sqlite3.Connection, parts: set[str]) -> None:
        """Link again every one-name speaker whose name is one of ``parts``."""
        for part in sorted(parts):
            if db.execute("SELECT 1 FROM speakers WHERE part = ? LIMIT 1", (part,)).fetchone() is None:
                continue  # no speaker is named by this name alone: nothing to link
            candidates: dict[str, tuple[set[str], list[int]]] = {}
            for person, titles, published in db.execute(
                "SELECT s.person, s.titles, a.published FROM speakers s JOIN articles a ON a.id = s.article "
                "WHERE s.link = 'full name' AND (s.first = ? OR s.last = ?)",
                (part, part),
            ):
                known, years = candidates.setdefault(person, (set(), []))
                known.update(name_key(title) for title in json.loads(titles))
                year = _year(published)
                if year is not None:
                    years.append(year)
            rows = db.execute(
                "SELECT s.article, s.idx, s.titles, a.published, s.person, s.link FROM speakers s "
                "JOIN articles a ON a.id = s.article WHERE s.part = ?",
                (part,),
            ).fetchall()
            for article, index, titles, published, old_person, old_link in rows:
                person, link = _link_one(part, json.loads(titles), _year(published), candidates)
                if (person, link) != (old_person, old_link):
                    db.execute(
                        "UPDATE speakers SET person = ?, link = ? WHERE article = ? AND idx = ?",
                        (person, link, article, index),
                    )
                if link == "name only":
                    name = db.execute(
                        "SELECT name, kind FROM speakers WHERE article = ? AND idx = ?", (article, index)
                    ).fetchone()
                    db.execute("INSERT OR IGNORE INTO persons VALUES (?, ?, ?)", (person, *name))

    def add_parquet(self, path: str | os.PathLike[str]) -> int:
        """Fill the corpus from a Parquet dataset written by :func:`frettir.dask.to_parquet`.

        Needs pyarrow (``pip install 'frettir[parquet]'``). The dataset holds quotes, not
        article texts, so the articles stored have no text; an article without quotes is not
        in the dataset.

        Args:
            path: The dataset's directory (or one Parquet file).

        Returns:
            How many articles changed the corpus.
        """
        try:
            import pyarrow.dataset
        except ImportError as error:
            raise ImportError("reading Parquet needs pyarrow: pip install 'frettir[parquet]'") from error
        table = pyarrow.dataset.dataset(os.fspath(path), format="parquet").to_table()
        by_article: dict[str, list[dict[str, Any]]] = {}
        for row in table.to_pylist():
            by_article.setdefault(str(row["article"]), []).append(row)
        changed = 0
        for ident, quote_rows in by_article.items():
            changed += self._write(_rows_of_parquet(ident, quote_rows))
        return changed

    # -- reading -------------------------------------------------------------------------

    def who(self, name: str) -> tuple[CorpusQuote, ...]:
        """Every quote of one person across the corpus, oldest first.

        Args:
            name: The person's name; compared after normalising case, accents (NFC) and
                white space. A full name finds the quotes of speakers the articles name by one
                name only, where they were linked to it.

        Returns:
            The quotes, each once with every article that carries it.
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        return self._select("s.person = ?", (name_key(name),))

    def quotes(
        self,
        *,
        speaker: str | None = None,
        outlet: str | None = None,
        kind: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
    ) -> tuple[CorpusQuote, ...]:
        """The quotes that pass every filter given, oldest first, merged quotes once.

        Args:
            speaker: A person's name, as for :meth:`who`.
            outlet: The outlet (``mbl.is``).
            kind: ``"direct"`` or ``"indirect"``.
            since: Only articles published on or after this date (ISO 8601 text or a date).
            until: Only articles published on or before this date (the whole day counts).

        Returns:
            The quotes; with a date filter, only those of dated articles.
        """
        where = ["1"]
        params: list[object] = []
        if speaker is not None:
            where.append("s.person = ?")
            params.append(name_key(speaker))
        if outlet is not None:
            where.append("a.outlet = ?")
            params.append(outlet)
        if kind is not None:
            if kind not in ("direct", "indirect"):
                raise InputError(f"kind must be 'direct' or 'indirect', got {kind!r}")
            where.append("q.kind = ?")
            params.append(kind)
        if since is not None:
            where.append("a.published >= ?")
            params.append(str(since))
        if until is not None:
            where.append("a.published < ?")
            params.append(str(until) + "\U0010ffff")
        return self._select(" AND ".join(where), params)

    def search(self, words: str, *, limit: int | None = None) -> tuple[CorpusQuote, ...]:
        """Quotes that hold every word of ``words``, in any inflected form, oldest first.

        Each word matches the same word, or any word with one of its BÍN lemmas:
        ``ríkisstjórn`` finds ``ríkisstjórnarinnar``.

        Args:
            words: The words to look for (other characters are ignored).
            limit: At most this many quotes.

        Returns:
            The quotes, merged quotes once.
        """
        if not isinstance(words, str):
            raise TypeError(f"words must be a str, not {type(words).__name__}")
        from frettir._greynir import lemmas

        terms = []
        for word in _WORD.findall(words):
            options = [f'words:"{word.lower()}"'] + [f'lemmas:"{lemma}"' for lemma in sorted(lemmas(word))]
            terms.append("(" + " OR ".join(options) + ")")
        if not terms:
            return ()
        found = self._select(
            "q.id IN (SELECT rowid FROM quote_text WHERE quote_text MATCH ?)", (" AND ".join(terms),)
        )
        return found if limit is None else found[:limit]

    def speakers(self, *, top: int | None = None) -> tuple[Person, ...]:
        """People and bodies by the number of their quotes, most first.

        Args:
            top: Only the first ``top``.

        Returns:
            Each :class:`~frettir.corpus.Person` with titles (with dates) and outlets.
        """
        if top is not None and (not isinstance(top, int) or isinstance(top, bool) or top < 1):
            raise InputError(f"top must be a positive int or None, got {top!r}")
        with self._guard():
            counts = self._db.execute(
                "SELECT s.person, p.name, p.kind, count(DISTINCT q.grp), count(DISTINCT q.article) "
                "FROM quotes q JOIN speakers s ON s.article = q.article AND s.idx = q.speaker "
                "JOIN persons p ON p.key = s.person "
                "GROUP BY s.person ORDER BY count(DISTINCT q.grp) DESC, p.name "
                + ("" if top is None else f"LIMIT {int(top)}")
            ).fetchall()
            people = []
            for key, name, kind, quotes, articles in counts:
                people.append(
                    Person(
                        name=name,
                        kind=kind,
                        quotes=quotes,
                        articles=articles,
                        titles=self._titles(key),
                        outlets=tuple(
                            outlet
                            for (outlet,) in self._db.execute(
                                "SELECT a.outlet FROM quotes q JOIN speakers s ON s.article = q.article "
                                "AND s.idx = q.speaker JOIN articles a ON a.id = q.article "
                                "WHERE s.person = ? AND a.outlet IS NOT NULL "
                                "GROUP BY a.outlet ORDER BY count(*) DESC, a.outlet",
                                (key,),
                            )
                        ),
                    )
                )
        return tuple(people)

    def _titles(self, person: str) -> tuple[DatedTitle, ...]:
        seen: dict[str, tuple[str, list[str]]] = {}
        for titles, published in self._db.execute(
            "SELECT s.titles, a.published FROM speakers s JOIN articles a ON a.id = s.article "
            "WHERE s.person = ? ORDER BY a.published IS NULL, a.published, a.id",
            (person,),
        ):
            for title in json.loads(titles):
                _, dates = seen.setdefault(name_key(title), (title, []))
                if published is not None:
                    dates.append(published)
        dated = [
            DatedTitle(title=t, first=min(d, default=None), last=max(d, default=None))
            for t, d in seen.values()
        ]
        return tuple(sorted(dated, key=lambda t: (t.first is None, t.first or "", t.title)))

    def _select(self, where: str, params: Sequence[object]) -> tuple[CorpusQuote, ...]:
        with self._guard():
            rows = self._db.execute(
                'SELECT q.article, q.kind, q.start, q."end", q.text, p.name, s.name, s.link, q.cue, '
                "q.confidence, q.rule, q.medium, a.outlet, a.url, a.published, q.grp "
                "FROM quotes q JOIN articles a ON a.id = q.article "
                "LEFT JOIN speakers s ON s.article = q.article AND s.idx = q.speaker "
                "LEFT JOIN persons p ON p.key = s.person "
                f"WHERE {where} ORDER BY a.published IS NULL, a.published, q.article, q.start",
                tuple(params),
            ).fetchall()
            shown: dict[int, list[Any]] = {}
            for row in rows:
                shown.setdefault(row[-1], list(row))
            sources = self._sources(list(shown))
        return tuple(
            CorpusQuote(
                article=row[0],
                kind=row[1],
                start=row[2],
                end=row[3],
                text=row[4],
                speaker=row[5] if row[5] is not None else row[6],
                name=row[6],
                link=row[7],
                cue=row[8],
                confidence=row[9],
                rule=row[10],
                medium=row[11],
                outlet=row[12],
                url=row[13],
                published=row[14],
                sources=sources[group],
            )
            for group, row in shown.items()
        )

    def _sources(self, groups: list[int]) -> dict[int, tuple[Source, ...]]:
        found: dict[int, list[Source]] = {group: [] for group in groups}
        for start in range(0, len(groups), 500):
            chunk = groups[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for group, article, begin, end, outlet, url, published in self._db.execute(
                f'SELECT q.grp, q.article, q.start, q."end", a.outlet, a.url, a.published FROM quotes q '
                f"JOIN articles a ON a.id = q.article WHERE q.grp IN ({marks}) "
                "ORDER BY a.published IS NULL, a.published, q.article, q.start",
                chunk,
            ):
                found[group].append(
                    Source(article=article, start=begin, end=end, outlet=outlet, url=url, published=published)
                )
        return {group: tuple(sources) for group, sources in found.items()}

    def to_dataframe(self) -> pandas.DataFrame:
        """Every quote as one row of a pandas DataFrame (``pip install 'frettir[pandas]'``).

        The columns are the fields of :meth:`~frettir.corpus.CorpusQuote.to_row`; merged quotes are one row.
        """
        try:
            import pandas
        except ImportError as error:
            raise ImportError("to_dataframe needs pandas: pip install 'frettir[pandas]'") from error
        columns = [field.name for field in attrs.fields(CorpusQuote)]
        return pandas.DataFrame([quote.to_row() for quote in self.quotes()], columns=columns)


def _similar(words: list[str], other: list[str]) -> bool:
    if words == other:
        return True
    if 2 * min(len(words), len(other)) / (len(words) + len(other)) < MERGE_SIMILARITY:
        return False  # the ratio cannot reach the threshold
    return difflib.SequenceMatcher(None, words, other, autojunk=False).ratio() >= MERGE_SIMILARITY


def _link_one(
    part: str, titles: list[str], year: int | None, candidates: dict[str, tuple[set[str], list[int]]]
) -> tuple[str, _Link]:
    """Link a one-name speaker: to the one person that fits, else to a person of that name."""

    def in_time(years: list[int]) -> bool:
        if year is None or not years:
            return True
        return min(years) - LINK_YEARS <= year <= max(years) + LINK_YEARS

    fitting = sorted(person for person, (_, years) in candidates.items() if in_time(years))
    if len(fitting) == 1:
        return fitting[0], "name part"
    wanted = {name_key(title) for title in titles}
    titled = [person for person in fitting if wanted & candidates[person][0]]
    if len(titled) == 1:
        return titled[0], "name part and title"
    return part, "name only"


def _rows_of_parquet(ident: str, rows: list[dict[str, Any]]) -> _ArticleRows:
    speakers: dict[tuple[str, str], int] = {}
    speaker_rows: list[_SpeakerRow] = []
    quotes = []
    for row in sorted(rows, key=lambda r: (r["start"], r["end"])):
        index = None
        if row["speaker"] is not None:
            key = (row["speaker"], row["speaker_kind"] or "person")
            if key not in speakers:
                speakers[key] = len(speaker_rows)
                titles = tuple(row["speaker_titles"] or ())
                speaker_rows.append(_SpeakerRow(key[0], key[1], row.get("speaker_gender"), titles))
            index = speakers[key]
        quotes.append(
            _QuoteRow(
                row["kind"],
                row["start"],
                row["end"],
                row["text"],
                index,
                row["cue"],
                row["confidence"],
                row["rule"],
                row["medium"],
            )
        )
    first = rows[0]
    return _ArticleRows(
        id=ident,
        url=first.get("url"),
        outlet=first.get("outlet"),
        title=first.get("title"),
        author=first.get("author"),
        published=first.get("published"),
        text=None,
        speakers=tuple(speaker_rows),
        quotes=tuple(quotes),
    )
