"""Importing a reviewed Word file: the full model with 100 tracked changes.

The reviewed file is the clean export of the model with 100 words replaced, each
a tracked deletion and insertion by one reviewer (written as Word writes them,
by the redline writer, which keeps no clause bookmarks: the paragraphs are
matched by text, the slower path). Measured: reading the file, mapping every
change onto its clause, and accepting them all as the draft's own edits.

    python bench/review.py [--quick]    # this measurement alone
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from bench import corpus  # noqa: E402
from drafting.diff import diff_documents  # noqa: E402
from drafting.document import Document, Run  # noqa: E402
from drafting.parse.review import read_reviewed  # noqa: E402
from drafting.render.docx import ExportMeta  # noqa: E402
from drafting.render.redline_docx import render_redline_docx  # noqa: E402
from drafting.review import accept, review  # noqa: E402
from drafting.words import Words  # noqa: E402

CHANGES = 100
LABEL = f"import a reviewed .docx ({CHANGES} tracked changes)"


def reviewed_model(document: Document, changes: int = CHANGES) -> bytes:
    """The model with `changes` words replaced, as tracked changes in a .docx."""
    located = [
        (s, b)
        for s, section in enumerate(document.sections)
        for b, block in enumerate(section.blocks)
        if len(block.text.split()) > 8
    ]
    words = {key: document.sections[key[0]].blocks[key[1]].text.split(" ") for key in located}
    for index in range(changes):
        key = located[index % len(located)]
        position = 2 + 3 * (index // len(located))
        words[key][position] = words[key][position].upper() + "X"
    sections = list(document.sections)
    for (s, b), text in words.items():
        blocks = list(sections[s].blocks)
        blocks[b] = replace(blocks[b], runs=(Run(" ".join(text)),))
        sections[s] = replace(sections[s], blocks=tuple(blocks))
    edited = replace(document, sections=tuple(sections))
    meta = ExportMeta.for_document(edited, author="Benchmark", revision=2)
    date = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
    return render_redline_docx(
        diff_documents(document, edited), meta, author="City Attorney", date=date
    )


def import_all(document: Document, data: bytes) -> Words:
    result = review(document, read_reviewed(data))
    return accept(document, Words(), result, [c.id for c in result.changes])


def measure(runs: int) -> tuple[list[float], str]:
    """Seconds per run, and a note on what was found (proposed changes, edits)."""
    _clauses, _spec, document = corpus.model()
    data = reviewed_model(document)
    result = review(document, read_reviewed(data))
    words = import_all(document, data)
    note = f"{len(result.changes)} proposed changes, {len(words.edits)} edits"
    seconds = []
    import_all(document, data)  # warm-up
    for _ in range(runs):
        start = time.perf_counter()
        import_all(document, data)
        seconds.append(time.perf_counter() - start)
    return seconds, note


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args(argv)
    seconds, note = measure(3 if args.quick else 10)
    median = statistics.median(seconds) * 1000
    print(f"full model: {LABEL}: median {median:.0f} ms over {len(seconds)} runs ({note})")


if __name__ == "__main__":
    main()
