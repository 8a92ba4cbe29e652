"""Comment threads as the pure core sees them: a quoted span of a clause and its remarks.

Pure (no Django). The app keeps threads in the database (`ordinances.comments`);
the annotated .docx writes each open one as a Word comment anchored on its
quote (`drafting.render.docx`). A quote is matched with whitespace loosened, so
a span copied from a browser (line breaks, doubled spaces) still finds the text:

    >>> quote_span("Keep it\\n\\nprivate  and safe.", "it private and")
    (5, 21)
    >>> quote_span("Keep it private.", "keep it") is None
    True
    >>> quote_span("Keep it private.", "")
    (0, 0)

An empty quote is a comment on the clause as a whole.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MAX_QUOTE = 500  # characters of quoted text
MAX_BODY = 5000  # characters of one comment
MAX_NAME = 100  # characters of an author's name


def clean_quote(quote: str) -> str:
    """The quote as stored: words separated by single spaces.

    >>> clean_quote("  Keep\\n it ")
    'Keep it'
    """
    return " ".join(quote.split())


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` first occurs in `text` (start, end), whitespace matching any
    whitespace; None when it does not occur. The quote's words are literals, so
    the match is linear in the text."""
    words = quote.split()
    if not words:
        return (0, 0)
    match = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return match.span() if match else None


@dataclass(frozen=True)
class Remark:
    """One comment of a thread: who wrote it, when, and what."""

    author: str
    date: dt.datetime | None
    body: str


@dataclass(frozen=True)
class AnchoredThread:
    """An open thread for the annotated .docx: the clause, the quoted span (empty:
    the clause as a whole) and its remarks, oldest first. `outdated` is True when
    the quote no longer occurs in the clause: the comment is then anchored on the
    clause and says what it quoted."""

    clause: str
    quote: str
    remarks: tuple[Remark, ...]
    outdated: bool = False
