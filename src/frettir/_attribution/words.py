"""The word lists attribution needs, in one place, each with the reason it exists.

Grammar decides where it can (lemmas and inflections from BÍN); these are the closed sets
the grammar does not give: function words that steer a rule, and the nouns that name
documents and conversations (nouns that name works are in :mod:`frettir._naming`).
"""

from __future__ import annotations

__all__ = [
    "ACCORDING",
    "ACI_STOP",
    "ADVERBIAL_STARTS",
    "CLOSERS",
    "CONVERSATIONS",
    "DASHES",
    "DOCUMENTS",
    "ENGLISH_CUES",
    "JOURNALISTS",
    "NOT_COMPLEMENT",
    "PLATFORMS",
    "POSSESSIVES",
    "TITLE_VERBS",
]

POSSESSIVES = {"hans": ("kk", "et"), "hennar": ("kvk", "et"), "þeirra": ("kk", "ft")}
"""Possessive pronouns in ``að hans sögn``, with the gender and number they refer to."""
ACCORDING = frozenset({"sögn", "mati"})
"""Nouns of ``að sögn X`` / ``að mati X``: a source's words or opinion."""
ENGLISH_CUES = {"said": "segja", "says": "segja", "told": "segja", "added": "bæta við", "wrote": "skrifa"}
"""English verbs of saying after an English quote, mapped to the Icelandic cue lemma."""
DASHES = frozenset({"–", "-", "—"})
"""Dashes between a quote and its speaker (``„…“ – Ólafur``)."""
CLOSERS = frozenset({"“", "”", '"', "»", "«", "’", "'", "‘"})
"""Closing quotation marks: a cue right after one attributes the quote, reports nothing."""
TITLE_VERBS = frozenset({"heita", "nefnast", "kallast", "bera"})
"""Naming verbs: ``„…“ heitir myndin`` gives a title, not speech."""
NOT_COMPLEMENT = frozenset(
    {"loknum", "lokinni", "loknu", "sögn", "mati", "viðstöddum", "lokum", "minnsta", "nokkru"}
)
"""Words after a prepositional ``að`` (``að loknum fundi``, ``að minnsta kosti``): no clause."""
ACI_STOP = frozenset(
    {"frá", "upp", "af", "til", "sig", "sér", "við", "fyrir", "honum", "henni", "mér", "okkur", "þeim"}
)
"""Words that cannot open an infinitive report (particles, reflexives, datives)."""
DOCUMENTS = frozenset(
    {
        "tilkynning", "færsla", "yfirlýsing", "grein", "frétt", "skýrsla", "bréf", "svar", "pistill",
        "umsögn", "ályktun", "greinargerð", "minnisblað", "dómur", "úrskurður", "niðurstaða", "spá",
        "mál", "ræða", "erindi", "bók", "álit", "greining",
    }
)  # fmt: skip
"""Nouns for documents and speeches: ``segir í tilkynningu``, a report with no subject.

``greining`` is a bank's or an agency's published analysis, which business news quotes as it
quotes a report (``segir í greiningu Landsbankans``)."""
ADVERBIAL_STARTS = frozenset(
    {"þá", "þar", "þannig", "svo", "nú", "einnig", "enn", "jafnframt", "síðan", "loks"}
)
"""Adverbs between a coordinator and its verb (``og sagði þá``)."""
JOURNALISTS = frozenset(
    {"fréttamaður", "blaðamaður", "fréttakona", "spyrill", "þáttastjórnandi", "fréttaritari"}
)
"""A journalist's question in running text is not a quote (ANNOTATION.md)."""
PLATFORMS = {
    "facebook": "Facebook",
    "twitter": "Twitter",
    "x": "X",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "linkedin": "LinkedIn",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "youtube": "YouTube",
    "samfélagsmiðl": "samfélagsmiðlar",
}
"""Platforms after ``á`` (``á Facebook``): the medium of a quote."""
CONVERSATIONS = frozenset({"samtal", "viðtal", "spjall", "svar"})
"""Nouns of ``í samtali við X``: X is the medium."""
