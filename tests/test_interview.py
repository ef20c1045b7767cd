"""Tests of Q&A interviews: unmarked answer paragraphs after question paragraphs.

The layout (:mod:`frettir._interview`) on paragraphs, then whole articles through
:meth:`Article.from_text`: one direct quote per answer paragraph, the interviewee's, with no
cue and no mention (the annotation guide's Settled cases).
"""

from __future__ import annotations

from frettir import Article
from frettir._interview import answer_paragraphs
from frettir._marks import paragraphs

INTERVIEW = (
    "Sólveig Ósk Pálsdóttir opnaði kaffihús á Selfossi í vor. Blaðið ræddi við hana.\n"
    "Hvernig hefur sumarið gengið?\n"
    "Mjög vel, það hefur verið nóg að gera alla daga.\n"
    "Hvað er vinsælast á matseðlinum?\n"
    "Rabarbarakakan hennar ömmu, hún klárast alltaf fyrst.\n"
    "Og framtíðin?\n"
    "Við ætlum að opna annað kaffihús á Hellu."
)


def answers(text: str) -> list[str]:
    """The answer paragraphs of ``text`` that the layout finds."""
    spans = paragraphs(text)
    return [spans[n].slice(text) for n in answer_paragraphs(text, spans)]


def test_answers_after_question_paragraphs() -> None:
    """Each paragraph right after a question paragraph is an answer."""
    assert answers(INTERVIEW) == [
        "Mjög vel, það hefur verið nóg að gera alla daga.",
        "Rabarbarakakan hennar ömmu, hún klárast alltaf fyrst.",
        "Við ætlum að opna annað kaffihús á Hellu.",
    ]


def test_one_question_is_no_interview() -> None:
    """A single rhetorical question and the paragraph after it are not an interview."""
    text = "Vegurinn var lokaður í allan dag.\nHvað gerist næst?\nÞað ræðst af veðrinu á morgun."
    assert answers(text) == []


def test_marked_questions_and_answers_that_open_with_a_mark_are_left_to_the_marks() -> None:
    """A question in quotation marks is no question paragraph; a marked answer is no unmarked one."""
    text = (
        "Jón Jónsson svaraði spurningum lesenda.\n"
        "„Hvenær opnar laugin?“\n"
        "Í júní.\n"
        "Hvenær lokar hún?\n"
        "„Í september.“\n"
        "Hvað kostar inn?\n"
        "Þúsund krónur."
    )
    assert answers(text) == []


def test_a_question_after_a_question_is_no_answer() -> None:
    """Two question paragraphs in a row: the second is a question, not an answer."""
    text = "Hvað viltu?\nHvað meinarðu?\nEkkert sérstakt.\nEn á morgun?\nÞá förum við heim."
    assert answers(text) == ["Ekkert sérstakt.", "Þá förum við heim."]


def test_interview_answers_are_direct_quotes_of_the_interviewee() -> None:
    """One direct quote per answer, the person the intro names, no cue and no mention."""
    article = Article.from_text(INTERVIEW)
    found = [
        (q.text, q.speaker.name if q.speaker else None, q.cue, q.speaker_span, q.rule) for q in article.quotes
    ]
    assert found == [
        (
            "Mjög vel, það hefur verið nóg að gera alla daga.",
            "Sólveig Ósk Pálsdóttir",
            None,
            None,
            "direct.qa_answer",
        ),
        (
            "Rabarbarakakan hennar ömmu, hún klárast alltaf fyrst.",
            "Sólveig Ósk Pálsdóttir",
            None,
            None,
            "direct.qa_answer",
        ),
        (
            "Við ætlum að opna annað kaffihús á Hellu.",
            "Sólveig Ósk Pálsdóttir",
            None,
            None,
            "direct.qa_answer",
        ),
    ]


def test_the_interviewee_is_the_person_the_intro_names_first() -> None:
    """A person named more often in the answers does not take the interviewee's place.

    The layout of a vf.is summer interview (2015, in the dev corpus).
    """
    text = (
        "Kristín Ævarsdóttir er nemi í Keflavík.\n"
        "Uppáhaldstónlistarmaður?\n"
        "Páll Óskar, ég hlusta á Pál Óskar á hverjum degi.\n"
        "Besti tónleikarnir?\n"
        "Þegar Páll Óskar spilaði í Hljómahöll."
    )
    speakers = {q.speaker.name for q in Article.from_text(text).quotes if q.speaker is not None}
    assert speakers == {"Kristín Ævarsdóttir"}
