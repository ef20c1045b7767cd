"""Speakers: the registry of people and bodies, role nouns, bodies' names, names in odd text.

Registry tests build mentions by hand (no Greynir); article tests read short passages written
for these tests in the style of Icelandic news.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frettir import Article
from frettir import _speakers as speakers
from frettir._speakers import Entity, Mention, Registry

Read = Callable[[str], Article]


def _person(start: int, name: str, gender: str | None = "kk") -> Mention:
    return Mention(start, start + len(name), "person", name, gender)


def test_a_surname_joins_the_full_name_and_a_full_name_fills_a_short_one() -> None:
    """``Trump`` after ``Donald Trump`` is one entity; a later ``Kári Stefánsson`` names ``Kári`` in full."""
    registry = Registry()
    trump = registry.add(_person(0, "Donald Trump"))
    assert registry.add(_person(40, "Trump")) is trump
    kari = registry.add(_person(80, "Kári"))
    assert registry.add(_person(120, "Kári Stefánsson")) is kari
    assert kari.name == "Kári Stefánsson"
    assert [e.name for e in registry.entities] == ["Donald Trump", "Kári Stefánsson"]


def test_a_first_name_goes_to_the_latest_person_with_it() -> None:
    """Two people named Jón: a later ``Jón`` is the one named last, and the two stay apart."""
    registry = Registry()
    first = registry.add(_person(0, "Jón Jónsson"))
    second = registry.add(_person(50, "Jón Sigurðsson"))
    assert first is not second
    assert registry.add(_person(100, "Jón")) is second


def test_entity_words_follow_its_name() -> None:
    """The cached word set of an entity changes when its name does."""
    entity = Entity("Pútín", "person", "kk")
    assert entity.words == frozenset({"pútín"})
    entity.name = "Vladímír Pútín"
    assert entity.words == frozenset({"vladímír", "pútín"})


def test_foreign_genitives_are_fixed_and_merged_when_the_article_has_the_plain_name() -> None:
    """``Vladimirs Pútíns`` becomes ``Vladimir Pútín`` and merges with ``Pútín``; merged ones forward."""
    registry = Registry()
    genitive = registry.add(_person(0, "Vladimirs Pútíns", None))
    plain = registry.add(_person(60, "Pútín"))  # a known gender: not merged by its inflection at once
    assert genitive is not plain
    registry.finish_names()
    assert [e.name for e in registry.entities] == ["Vladimir Pútín"]
    assert registry.current(plain) is registry.current(genitive) is registry.entities[0]
    assert [e for _, e in registry.mentions_before(100)] == [registry.entities[0]] * 2


def _comparisons(monkeypatch: pytest.MonkeyPatch, people: int) -> int:
    """Name comparisons the registry makes for ``people`` distinct people who share a first name."""
    count = 0
    related = speakers._related

    def counting(a: frozenset[str], b: frozenset[str]) -> bool:
        nonlocal count
        count += 1
        return related(a, b)

    monkeypatch.setattr(speakers, "_related", counting)
    registry = Registry()
    position = 0
    for k in range(people):
        for name in (f"Jón Kalo{k}vin", f"Kalo{k}vin"):
            registry.add(_person(position, name))
            position += 40
    registry.finish_names()
    assert len(registry.entities) == people
    return count


def test_registry_comparisons_grow_linearly_with_the_people_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twice the people, at most about twice the name comparisons (no comparing with everyone before)."""
    one = _comparisons(monkeypatch, 300)
    two = _comparisons(monkeypatch, 600)
    assert two <= 2.1 * one


@pytest.mark.slow
def test_registry_of_twenty_thousand_people_compares_each_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """20,000 people with one first name: comparisons per mention stay under a constant."""
    people = 20_000
    per_mention = _comparisons(monkeypatch, people) / (2 * people)
    assert per_mention <= 2 * speakers.BUCKET_SCAN
