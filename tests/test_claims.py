"""The precedence board of attribution: claims nested in a report of the same speaker."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from frettir._attribution.claims import Board, Claim

# Two stand-in speakers and none; drop_nested compares them by identity only.
_SPEAKERS = (None, object(), object())


@st.composite
def claims(draw: st.DrawFn) -> list[Claim]:
    """Indirect and direct claims over a few paragraphs, with repeated and nested spans."""
    items = []
    for _ in range(draw(st.integers(0, 14))):
        start = draw(st.integers(0, 30))
        items.append(
            Claim(
                kind=draw(st.sampled_from(["indirect", "indirect", "direct"])),
                start=start,
                end=start + draw(st.integers(0, 12)),
                entity=draw(st.sampled_from(_SPEAKERS)),  # type: ignore[arg-type]
                para=draw(st.integers(0, 2)),
            )
        )
    return items


def _nested_by_definition(claim: Claim, everything: list[Claim]) -> bool:
    return claim.kind == "indirect" and any(
        other is not claim
        and other.kind == "indirect"
        and other.para == claim.para
        and other.entity is claim.entity
        and other.start <= claim.start
        and claim.end <= other.end
        and (other.start, other.end) != (claim.start, claim.end)
        for other in everything
    )


@given(claims())
def test_drop_nested_keeps_exactly_the_claims_inside_no_other_report_of_their_speaker(
    items: list[Claim],
) -> None:
    """The sweep drops what the pairwise definition drops, and keeps the rest in order."""
    board = Board()
    for claim in items:
        board.add(claim)
    board.drop_nested()
    assert [id(c) for c in board.claims] == [id(c) for c in items if not _nested_by_definition(c, items)]


def test_drop_nested_on_many_reports_in_one_paragraph_is_not_pairwise() -> None:
    """40,000 nested reports of one speaker in one paragraph: all but the outermost go.

    Pairwise comparison would take 1.6 billion steps here; the sweep finishes at once.
    """
    speaker = object()
    board = Board()
    for k in range(40_000):
        board.add(Claim(kind="indirect", start=k, end=100_000 - k, entity=speaker))  # type: ignore[arg-type]
    board.drop_nested()
    assert [(c.start, c.end) for c in board.claims] == [(0, 100_000)]
