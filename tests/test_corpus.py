"""The corpus: storing articles in SQLite, people across articles, merged quotes and queries.

Articles are built by hand (no Greynir) with known speakers, so that the expected answer of
each query is known from how the articles were made.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from frettir import Article, Corpus, CorpusError, FrettirError, Quote, Span, Speaker
from frettir.corpus import MERGE_WORDS, name_key

Said = tuple[str, str, str, tuple[str, ...]]
"""A quote to put in an article: its words, the speaker's name, kind and titles."""


def make_article(said: Sequence[Said], *, published: str | None = None, outlet: str | None = None) -> Article:
    """An article of one paragraph per quote, ``„words,“ sagði NAME.``, with its speakers."""
    text = ""
    spans: list[tuple[Span, str]] = []
    mentions: dict[str, list[Span]] = {}
    kinds: dict[str, tuple[str, tuple[str, ...]]] = {}
    for words, name, kind, titles in said:
        start = len(text) + 1
        text += f"„{words}“ sagði {name}.\n"
        spans.append((Span(start=start, end=start + len(words)), name))
        at = start + len(words) + len("“ sagði ")
        mentions.setdefault(name, []).append(Span(start=at, end=at + len(name)))
        kinds.setdefault(name, (kind, titles))
    speakers = {
        name: Speaker(name=name, kind=kinds[name][0], titles=kinds[name][1], mentions=tuple(found))  # type: ignore[arg-type]
        for name, found in mentions.items()
    }
    quotes = tuple(
        Quote(
            kind="direct", span=span, text=span.slice(text), speaker=speakers[name], cue="segja", rule="test"
        )
        for span, name in spans
    )
    return Article(
        text=text, quotes=quotes, speakers=tuple(speakers.values()), published=published, outlet=outlet
    )


def rows(quotes: Sequence[object]) -> list[tuple[object, ...]]:
    """What a query answered, comparable across corpora: article, offsets, speaker, sources."""
    return [
        (q.article, q.start, q.end, q.text, q.speaker, tuple(s.article for s in q.sources))  # type: ignore[attr-defined]
        for q in quotes
    ]


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return Corpus(tmp_path / "news.db")


# -- people across articles ---------------------------------------------------------------

# Full names, two of them sharing a first name, one sharing a surname with nobody; a body;
# and people the articles may name by first name only.
PEOPLE = {
    "bjarni": ("Bjarni Benediktsson", "person", ("fjármálaráðherra",)),
    "anna_j": ("Anna Jónsdóttir", "person", ("formaður félagsins",)),
    "anna_s": ("Anna Sigurðardóttir", "person", ("læknir",)),
    "police": ("lögreglan á Suðurlandi", "organization", ()),
    "spokes": ("talsmaður félagsins", "description", ()),
}
FIRST = {"bjarni": "Bjarni", "anna_j": "Anna", "anna_s": "Anna"}

mention = st.tuples(st.sampled_from(sorted(PEOPLE)), st.booleans())
"""A quote by one of PEOPLE, named by the first name only (if the flag is set and they have one)."""

corpus_plan = st.lists(st.lists(mention, min_size=1, max_size=4), min_size=1, max_size=8)
"""Articles, each a list of quotes by people."""


def names_of(plan: list[list[tuple[str, bool]]]) -> list[dict[str, str]]:
    """The name each article gives each of its people: the full name if it gives it once.

    An article names a person by one name: the engine takes the fullest form it gives.
    """
    named = []
    for quotes in plan:
        names: dict[str, str] = {}
        for who, short in quotes:
            full = PEOPLE[who][0]
            if short and who in FIRST and names.get(who) != full:
                names[who] = FIRST[who]
            else:
                names[who] = full
        named.append(names)
    return named


def build(plan: list[list[tuple[str, bool]]]) -> list[tuple[str, Article]]:
    """The articles of a plan, each quote with words of its own (nothing merges)."""
    built = []
    for number, (quotes, names) in enumerate(zip(plan, names_of(plan), strict=True)):
        said: list[Said] = []
        for n, (who, _) in enumerate(quotes):
            name, kind, titles = PEOPLE[who]
            said.append(
                (f"Orð númer {n} í grein {number}", names[who], kind, titles if names[who] == name else ())
            )
        built.append((f"a{number}", make_article(said)))
    return built


def sound(plan: list[list[tuple[str, bool]]]) -> bool:
    """Whether no article names two people by the same first name alone (it would be one speaker)."""
    return all(len(set(names.values())) == len(names) for names in names_of(plan))


def expected_articles(plan: list[list[tuple[str, bool]]], person: str) -> set[str]:
    """Articles quoting ``person`` by full name, or by a first name that only they have in full."""
    named = names_of(plan)
    known = {who for names in named for who, name in names.items() if name == PEOPLE[who][0]}
    found = set()
    for number, names in enumerate(named):
        for name in names.values():
            same_first = {who for who in known if FIRST.get(who) == name}
            if name == PEOPLE[person][0] or same_first == {person}:
                found.add(f"a{number}")
    return found


@given(corpus_plan)
def test_who_links_full_names_and_first_names_that_fit_one_person(
    tmp_path_factory: pytest.TempPathFactory, plan: list[list[tuple[str, bool]]]
) -> None:
    """``who`` finds a person's quotes by full name, and by first name where exactly one person fits."""
    assume(sound(plan))
    with Corpus(tmp_path_factory.mktemp("c") / "news.db") as corpus:
        for ident, article in build(plan):
            corpus.add(article, id=ident)
        for person in ("bjarni", "anna_j", "anna_s"):
            name = PEOPLE[person][0]
            found = corpus.who(name)
            assert {q.article for q in found} == expected_articles(plan, person), name
            assert all(q.speaker == name for q in found)


@given(corpus_plan)
def test_two_full_names_are_never_merged(
    tmp_path_factory: pytest.TempPathFactory, plan: list[list[tuple[str, bool]]]
) -> None:
    """No quote of Anna Sigurðardóttir is ever given to Anna Jónsdóttir, nor the other way."""
    with Corpus(tmp_path_factory.mktemp("c") / "news.db") as corpus:
        for ident, article in build(plan):
            corpus.add(article, id=ident)
        for name, other in (
            ("Anna Jónsdóttir", "Anna Sigurðardóttir"),
            ("Anna Sigurðardóttir", "Anna Jónsdóttir"),
        ):
            for quote in corpus.who(name):
                assert quote.name != other
                assert quote.name in (name, "Anna")


@given(corpus_plan, st.randoms(use_true_random=False))
def test_the_order_of_indexing_does_not_change_the_answers(
    tmp_path_factory: pytest.TempPathFactory, plan: list[list[tuple[str, bool]]], shuffle: random.Random
) -> None:
    """Indexing the same articles in another order gives the same who and speakers answers."""
    articles = build(plan)
    mixed = list(articles)
    shuffle.shuffle(mixed)
    folder = tmp_path_factory.mktemp("c")
    with Corpus(folder / "one.db") as one, Corpus(folder / "two.db") as two:
        one.add_many(articles)
        two.add_many(mixed)
        for name in ("Bjarni Benediktsson", "Anna Jónsdóttir", "Anna", "lögreglan á Suðurlandi"):
            assert rows(one.who(name)) == rows(two.who(name))
        assert one.speakers() == two.speakers()


@given(corpus_plan)
def test_indexing_twice_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory, plan: list[list[tuple[str, bool]]]
) -> None:
    """Adding every article a second time changes no answer, and add says so."""
    articles = build(plan)
    with Corpus(tmp_path_factory.mktemp("c") / "news.db") as corpus:
        assert corpus.add_many(articles) == len(articles)
        before = (rows(corpus.quotes()), corpus.speakers())
        assert corpus.add_many(articles) == 0
        assert (rows(corpus.quotes()), corpus.speakers()) == before


@given(corpus_plan)
def test_speakers_count_every_named_quote_once(
    tmp_path_factory: pytest.TempPathFactory, plan: list[list[tuple[str, bool]]]
) -> None:
    """The quote counts of ``speakers`` add up to the quotes of named speakers (none merge here)."""
    built = build(plan)
    with Corpus(tmp_path_factory.mktemp("c") / "news.db") as corpus:
        corpus.add_many(built)
        people = corpus.speakers()
        named = sum(1 for _, article in built for q in article.quotes if q.speaker.kind != "description")  # type: ignore[union-attr]
        assert sum(person.quotes for person in people) == named
        assert "talsmaður félagsins" not in {person.name for person in people}
        assert [p.quotes for p in people] == sorted((p.quotes for p in people), reverse=True)


@given(st.integers(min_value=2, max_value=6), st.sampled_from(["„", " ", ""]), st.booleans())
def test_the_same_words_in_several_articles_are_one_quote(
    tmp_path_factory: pytest.TempPathFactory, copies: int, noise: str, shout: bool
) -> None:
    """A long quote carried by several articles is shown once, with every article as a source."""
    words = "Við munum lækka skatta á næsta ári og styrkja heilbrigðiskerfið"
    with Corpus(tmp_path_factory.mktemp("c") / "news.db") as corpus:
        for n in range(copies):
            said = words.upper() if shout and n % 2 else words
            said = said.replace(" ", noise + " ", 1) if n == 1 else said
            article = make_article(
                [(said, "Bjarni Benediktsson", "person", ()), ("Já, það er rétt", "Bjarni", "person", ())],
                published=f"2020-01-0{n + 1}",
            )
            corpus.add(article, id=f"a{n}")
        found = corpus.who("Bjarni Benediktsson")
        long = [q for q in found if len(q.text.split()) >= MERGE_WORDS]
        assert len(long) == 1
        assert [s.article for s in long[0].sources] == [f"a{n}" for n in range(copies)]
        assert long[0].article == "a0"
        # a short quote is said by many: it is not merged
        assert len([q for q in found if q.text == "Já, það er rétt"]) == copies


def test_near_duplicates_merge_and_different_quotes_do_not(corpus: Corpus) -> None:
    """One changed word in a long quote still merges; a quote with other words does not."""
    base = "Við munum lækka skatta á næsta ári og styrkja heilbrigðiskerfið um allt land"
    near = base.replace("styrkja", "efla")
    other = "Við munum lækka skatta á næsta ári en ekki fyrr en eftir kosningar í vor"
    for n, words in enumerate((base, near, other)):
        corpus.add(make_article([(words, "Bjarni Benediktsson", "person", ())]), id=f"a{n}")
    found = corpus.who("Bjarni Benediktsson")
    assert [[s.article for s in q.sources] for q in found] == [["a0", "a1"], ["a2"]]


def test_a_person_keeps_titles_with_their_dates(corpus: Corpus) -> None:
    """A title is kept with the dates of the first and last article that gives it."""
    for ident, published, title in (
        ("a", "2019-03-01", "forsætisráðherra"),
        ("b", "2019-11-20", "forsætisráðherra"),
        ("c", "2025-02-02", "fyrrverandi forsætisráðherra"),
    ):
        said = [(f"Grein {ident} um málið", "Katrín Jakobsdóttir", "person", (title,))]
        corpus.add(make_article(said, published=published, outlet="ruv.is"), id=ident)
    (person,) = corpus.speakers()
    assert person.name == "Katrín Jakobsdóttir"
    assert [(t.title, t.first, t.last) for t in person.titles] == [
        ("forsætisráðherra", "2019-03-01", "2019-11-20"),
        ("fyrrverandi forsætisráðherra", "2025-02-02", "2025-02-02"),
    ]
    assert person.outlets == ("ruv.is",)
    assert (person.quotes, person.articles) == (3, 3)


def test_a_first_name_is_linked_only_within_the_years(corpus: Corpus) -> None:
    """A first-name speaker decades away from the only full-name person stays apart."""
    corpus.add(
        make_article([("Fyrst", "Jóhanna Sigurðardóttir", "person", ())], published="2010-01-01"), id="a"
    )
    corpus.add(make_article([("Svo", "Jóhanna", "person", ())], published="2012-01-01"), id="b")
    corpus.add(make_article([("Löngu síðar", "Jóhanna", "person", ())], published="2040-01-01"), id="c")
    assert [(q.article, q.link) for q in corpus.who("Jóhanna Sigurðardóttir")] == [
        ("a", "full name"),
        ("b", "name part"),
    ]
    assert [(q.article, q.link) for q in corpus.who("Jóhanna")] == [("c", "name only")]


def test_a_shared_title_picks_between_two_people_of_one_first_name(corpus: Corpus) -> None:
    """Of two Önnur, the one who shares the speaker's title is linked, and the link says so."""
    corpus.add(make_article([("Eitt", "Anna Jónsdóttir", "person", ("læknir",))]), id="a")
    corpus.add(make_article([("Tvö", "Anna Sigurðardóttir", "person", ("formaður",))]), id="b")
    corpus.add(make_article([("Þrjú", "Anna", "person", ("læknir",))]), id="c")
    corpus.add(make_article([("Fjögur", "Anna", "person", ())]), id="d")
    assert [(q.article, q.link) for q in corpus.who("Anna Jónsdóttir")] == [
        ("a", "full name"),
        ("c", "name part and title"),
    ]
    assert [(q.article, q.link) for q in corpus.who("Anna")] == [("d", "name only")]


def test_replacing_an_article_relinks_first_names(corpus: Corpus) -> None:
    """When the only full name goes, the first-name speakers it held stay apart again."""
    corpus.add(make_article([("Eitt", "Bjarni Benediktsson", "person", ())]), id="a")
    corpus.add(make_article([("Tvö", "Bjarni", "person", ())]), id="b")
    assert [q.article for q in corpus.who("Bjarni Benediktsson")] == ["a", "b"]
    corpus.add(make_article([("Eitt", "Bjarni Ármannsson", "person", ())]), id="a")
    assert corpus.who("Bjarni Benediktsson") == ()
    assert [q.article for q in corpus.who("Bjarni Ármannsson")] == ["a", "b"]
    assert corpus.remove("a") and not corpus.remove("a")
    assert [(q.article, q.link) for q in corpus.who("Bjarni")] == [("b", "name only")]


def test_names_compare_with_case_and_accents_normalised(corpus: Corpus) -> None:
    """``who`` matches a name written in other case, spacing, or with combining accents."""
    corpus.add(make_article([("Já", "Þórdís Kolbrún Reykfjörð Gylfadóttir", "person", ())]), id="a")
    decomposed = "þórdi\u0301s  kolbrún reykfjörð gylfado\u0301ttir"
    assert [q.article for q in corpus.who(decomposed)] == ["a"]
    assert name_key("Þórdís  Kolbrún") == name_key("ÞÓRDÍS KOLBRÚN")


def test_bodies_are_persons_of_kind_organization(corpus: Corpus) -> None:
    """A body is found by ``who`` and listed by ``speakers`` with its kind."""
    corpus.add(make_article([("Enginn slasaðist", "lögreglan á Suðurlandi", "organization", ())]), id="a")
    assert [q.link for q in corpus.who("Lögreglan á Suðurlandi")] == ["organization"]
    assert [(p.name, p.kind) for p in corpus.speakers()] == [("lögreglan á Suðurlandi", "organization")]


# -- queries ------------------------------------------------------------------------------


def test_quotes_filters_by_outlet_kind_and_dates(corpus: Corpus) -> None:
    """``quotes`` keeps what passes every filter; ``until`` takes the whole day."""
    corpus.add(
        make_article([("A", "Jón Jónsson", "person", ())], published="2020-05-01", outlet="mbl.is"), id="a"
    )
    corpus.add(
        make_article([("B", "Jón Jónsson", "person", ())], published="2020-05-02T10:00:00", outlet="ruv.is"),
        id="b",
    )
    corpus.add(make_article([("C", "Gunna Jóns", "person", ())]), id="c")
    assert [q.article for q in corpus.quotes()] == ["a", "b", "c"]
    assert [q.article for q in corpus.quotes(outlet="ruv.is")] == ["b"]
    assert [q.article for q in corpus.quotes(until="2020-05-02")] == ["a", "b"]
    assert [q.article for q in corpus.quotes(since="2020-05-02")] == ["b"]
    assert [q.article for q in corpus.quotes(speaker="Gunna Jóns", kind="direct")] == ["c"]
    assert corpus.quotes(kind="indirect") == ()
    with pytest.raises(FrettirError, match="kind"):
        corpus.quotes(kind="other")


def test_search_finds_inflected_forms(corpus: Corpus) -> None:
    """A word finds its other forms through BÍN lemmas; every word must be there."""
    corpus.add(make_article([("Stefna ríkisstjórnarinnar er skýr", "Jón Jónsson", "person", ())]), id="a")
    corpus.add(make_article([("Ríkisstjórnin fellur ekki", "Jón Jónsson", "person", ())]), id="b")
    corpus.add(make_article([("Veðrið er gott", "Jón Jónsson", "person", ())]), id="c")
    assert [q.article for q in corpus.search("ríkisstjórn")] == ["a", "b"]
    assert [q.article for q in corpus.search("ríkisstjórnin skýr")] == ["a"]
    assert [q.article for q in corpus.search("ríkisstjórn", limit=1)] == ["a"]
    assert corpus.search("   ...  ") == ()
    assert corpus.search('"OR" AND NEAR(') == ()


def test_quote_rows_and_dicts_carry_the_contract_keys(corpus: Corpus) -> None:
    """A JSON entry has article, kind, start, end, text, speaker, cue and sources."""
    corpus.add(make_article([("Já", "Jón Jónsson", "person", ())]), id="a")
    (quote,) = corpus.who("Jón Jónsson")
    data = quote.to_dict()
    assert {"article", "kind", "start", "end", "text", "speaker", "cue", "sources"} <= set(data)
    assert data["sources"] == [
        {"article": "a", "start": 1, "end": 3, "outlet": None, "url": None, "published": None}
    ]
    assert quote.to_row()["sources"] == "a"


def test_bad_arguments_fail_at_once(corpus: Corpus) -> None:
    """Wrong types and values give TypeError or InputError with a message."""
    with pytest.raises(TypeError, match="Article"):
        corpus.add("text", id="a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="id"):
        corpus.add(make_article([("Já", "Jón", "person", ())]), id=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        corpus.who(None)  # type: ignore[arg-type]
    with pytest.raises(FrettirError, match="top"):
        corpus.speakers(top=0)
    with pytest.raises(TypeError):
        Corpus(3)  # type: ignore[arg-type]
    with pytest.raises(FrettirError, match="file"):
        Corpus(":memory:")


# -- the file -----------------------------------------------------------------------------


def test_a_file_that_is_not_sqlite_is_a_corpus_error(tmp_path: Path) -> None:
    """Opening a text file as a corpus raises CorpusError naming the file."""
    path = tmp_path / "notes.db"
    path.write_text("Þetta er ekki gagnagrunnur.\n" * 200, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"notes\.db: the file is damaged or not a frettir corpus"):
        Corpus(path)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    """An SQLite file with tables of its own is not taken over."""
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    with pytest.raises(CorpusError, match="another program"):
        Corpus(path)


def test_a_missing_file_is_an_error_unless_created(tmp_path: Path) -> None:
    """``create=False`` refuses a missing file; a directory cannot be opened."""
    with pytest.raises(CorpusError, match="no such corpus"):
        Corpus(tmp_path / "missing.db", create=False)
    with pytest.raises(CorpusError):
        Corpus(tmp_path)
    assert isinstance(CorpusError("x"), OSError)


def test_a_damaged_corpus_gives_a_corpus_error(tmp_path: Path) -> None:
    """Garbage written over the pages of a corpus gives CorpusError, not a sqlite3 traceback."""
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        for n in range(40):
            corpus.add(make_article([(f"Orð {n} " * 30, "Jón Jónsson", "person", ())]), id=f"a{n}")
    data = bytearray(path.read_bytes())
    data[4096:] = bytes(random.Random(1).randrange(256) for _ in range(len(data) - 4096))
    path.write_bytes(bytes(data))
    with pytest.raises(CorpusError, match=r"news\.db"), Corpus(path) as corpus:  # opening or a query notices
        corpus.who("Jón Jónsson")
        corpus.speakers()


_WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from test_corpus import make_article
    from frettir import Corpus

    corpus = Corpus({path!r})
    prefix, count = sys.argv[1], int(sys.argv[2])
    for n in range(count):
        said = [(f"Orð {{k}} í grein {{prefix}}{{n}}", "Jón Jónsson", "person", ()) for k in range(n % 5 + 1)]
        corpus.add(make_article(said), id=f"{{prefix}}{{n}}")
        print(n, flush=True)
    """
)


def _writer(tmp_path: Path, path: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    script = tmp_path / "writer.py"
    script.write_text(_WRITER.format(tests=str(Path(__file__).parent), path=str(path)), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), prefix, str(count)], stdout=subprocess.PIPE, text=True
    )


def _whole(corpus: Corpus) -> dict[str, int]:
    """The number of quotes of each stored article; checks each holds all n % 5 + 1 of them."""
    counts: dict[str, int] = {}
    for quote in corpus.quotes():
        counts[quote.article] = counts.get(quote.article, 0) + 1
    for ident, count in counts.items():
        assert count == int(ident.lstrip("ab")) % 5 + 1, ident
    return counts


def test_a_killed_run_leaves_only_whole_articles(tmp_path: Path) -> None:
    """Kill a process in the middle of indexing: the file opens and holds whole articles only."""
    path = tmp_path / "news.db"
    writer = _writer(tmp_path, path, "a", 100_000)
    assert writer.stdout is not None
    for _ in range(30):  # let it write a few articles, then kill it where it is
        writer.stdout.readline()
    writer.kill()
    writer.wait()
    writer.stdout.close()
    with Corpus(path) as corpus:
        stored = len(corpus)
        assert stored >= 30
        assert len(_whole(corpus)) == stored


def test_two_processes_index_into_one_file(tmp_path: Path) -> None:
    """Two writers at once: every article of both is there, whole, and the file is sound."""
    path = tmp_path / "news.db"
    Corpus(path).close()
    writers = [_writer(tmp_path, path, prefix, 60) for prefix in "ab"]
    for writer in writers:
        assert writer.communicate(timeout=120)[1] is None
        assert writer.returncode == 0
    with Corpus(path) as corpus:
        assert len(corpus) == 120
        assert sorted(_whole(corpus)) == sorted(f"{p}{n}" for p in "ab" for n in range(60))
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()


def test_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    """While another process writes, a reader opens the file and answers (WAL mode)."""
    path = tmp_path / "news.db"
    Corpus(path).close()
    writer = _writer(tmp_path, path, "a", 200)
    try:
        started = time.monotonic()
        while time.monotonic() - started < 30:
            with Corpus(path, create=False) as corpus:
                _whole(corpus)
            if writer.poll() is not None:
                break
    finally:
        writer.communicate(timeout=120)
    assert writer.returncode == 0
