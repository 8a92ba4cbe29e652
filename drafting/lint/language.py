"""Which language a passage is written in, so the lint can say what it did not read. Pure.

The lint's readings are English patterns. A section in another language would
otherwise pass silently, as if it restricted nothing; Puerto Rico's municipal
ordinances, for one, are written in Spanish. The test is the share of each
language's commonest function words, which no legal vocabulary shares:

    >>> language_of("Ningún empleado municipal compartirá información sobre el "
    ...             "estatus migratorio de una persona con las agencias federales.")
    'Spanish'
    >>> language_of("No officer shall share information regarding the immigration "
    ...             "status of any person with federal immigration authorities.")
    'English'
    >>> language_of("The police of Los Angeles, Las Cruces, El Paso and San Antonio "
    ...             "shall not share the status of any person.")
    'English'
    >>> language_of("Ordenanza Núm. 82, Serie 2025-2026")
    ''
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
# Words that are common in their own language and not words of the other (so "no",
# "a", "o", "de" in English names, and Spanish place names, tip nothing alone).
_FUNCTION_WORDS = {
    "English": frozenset(
        "the of and to in shall or any by for be is are that with this as from on an "
        "may such its which who not will has have".split()
    ),
    "Spanish": frozenset(
        "el la los las del y que por para con una un se su sus es al lo como esta este "
        "estos estas cuando sin ser será serán ni ningún ninguna ningun cualquier sobre "
        "entre también según dicha dicho deberá podrá".split()
    ),
}
MINIMUM_WORDS = 12
# A passage is in a language when at least this share of its words are that
# language's function words and fewer than a third as many are English ones.
_SHARE = 0.15


def language_of(text: str) -> str:
    """ "English", "Spanish", or "" when the passage is too short or mixed to tell."""
    words = _WORD.findall(text.lower())
    if len(words) < MINIMUM_WORDS:
        return ""
    share = {
        language: sum(map(vocabulary.__contains__, words)) / len(words)
        for language, vocabulary in _FUNCTION_WORDS.items()
    }
    english = share.pop("English")
    if english >= _SHARE:
        return "English"
    for language, part in share.items():
        if part >= _SHARE and english < part / 3:
            return language
    return ""
