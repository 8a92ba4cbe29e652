"""Open comment threads in the annotated .docx: Word comments anchored on the quoted span,
read back from the package's XML with lxml."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile

import docx
import pytest

from drafting.render.docx import render_docx
from drafting.threads import AnchoredThread, Remark
from tests.factories import anchored_text, comment_parents, comments_by_id

WHEN = dt.datetime(2026, 11, 22, 15, 4, tzinfo=dt.UTC)


def _thread(clause: str, quote: str, *remarks: Remark, outdated: bool = False) -> AnchoredThread:
    remarks = remarks or (Remark("Casey Counsel", WHEN, "Please reconsider."),)
    return AnchoredThread(clause, quote, remarks, outdated)


def test_comment_range_is_exactly_the_quote_inside_a_run(model_document, meta):
    quote = "judicial criminal warrant"
    data = render_docx(model_document, meta, threads=[_thread("detainers", quote)])
    assert list(anchored_text(data).values()) == [quote]
    assert list(comments_by_id(data).values()) == [
        ("Casey Counsel", "2026-11-22T15:04:00Z", "Please reconsider.")
    ]


def test_quote_across_two_paragraphs_spans_both(model_document, meta):
    quote = "on a quarterly basis:\n\nThe number of requests"
    data = render_docx(model_document, meta, threads=[_thread("reporting", quote)])
    # A range runs through the document: the second item's label lies inside it.
    assert list(anchored_text(data).values()) == [
        "on a quarterly basis:\n\nA.The number of requests"
    ]


def test_replies_are_word_replies_to_the_first_comment_on_the_same_span(model_document, meta):
    thread = _thread(
        "privacy",
        "confidential personal information",
        Remark("Casey Counsel", WHEN, "Does this cover status?"),
        Remark("Dana Tester", None, "Yes; see the savings clause."),
    )
    data = render_docx(model_document, meta, threads=[thread])
    found = comments_by_id(data)
    assert sorted(found.values()) == [
        ("Casey Counsel", "2026-11-22T15:04:00Z", "Does this cover status?"),
        ("Dana Tester", None, "Yes; see the savings clause."),
    ]
    first = next(i for i, c in found.items() if c[0] == "Casey Counsel")
    reply = next(i for i, c in found.items() if c[0] == "Dana Tester")
    assert comment_parents(data) == {reply: first}
    assert (
        anchored_text(data)[first]
        == anchored_text(data)[reply]
        == ("confidential personal information")
    )


def test_outdated_thread_is_anchored_on_the_clause_and_says_what_it_quoted(model_document, meta):
    data = render_docx(
        model_document, meta, threads=[_thread("title", "Sanctuary City Act", outdated=True)]
    )
    assert list(anchored_text(data).values()) == [model_document.title]
    text = list(comments_by_id(data).values())[0][2]
    assert text == "(Outdated: quoted “Sanctuary City Act”) Please reconsider."


def test_text_of_the_document_is_unchanged_by_the_cuts(model_document, meta):
    threads = [
        _thread("detainers", "judicial criminal warrant"),
        _thread("reporting", "quarterly"),
        _thread("title", "Equity"),
    ]
    plain = docx.Document(io.BytesIO(render_docx(model_document, meta)))
    annotated = docx.Document(io.BytesIO(render_docx(model_document, meta, threads=threads)))
    assert [p.text for p in annotated.paragraphs] == [p.text for p in plain.paragraphs]
    assert sorted(anchored_text(render_docx(model_document, meta, threads=threads)).values()) == [
        "Equity",
        "judicial criminal warrant",
        "quarterly",
    ]


def test_thread_on_a_clause_the_document_leaves_out_is_skipped(model_document, meta):
    data = render_docx(model_document, meta, threads=[_thread("no-such-clause", "x")])
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "word/comments.xml" not in package.namelist()


LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(LIBREOFFICE is None, reason="libreoffice is missing (`make test` installs it)")
def test_libreoffice_round_trip_keeps_the_comment_on_the_quote(model_document, meta, tmp_path):
    """Open the annotated file in LibreOffice and save it as .docx again (what a
    reviewer's word processor does): the comments, their authors and ranges survive."""
    threads = [
        _thread(
            "detainers",
            "judicial criminal warrant",
            Remark("Casey Counsel", WHEN, "Keep this standard."),
            Remark("Dana Tester", WHEN, "Agreed."),
        )
    ]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "annotated.docx").write_bytes(
        render_docx(model_document, meta, threads=threads)
    )
    result = subprocess.run(
        [LIBREOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"),
         str(tmp_path / "in" / "annotated.docx")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "out" / "annotated.docx").read_bytes()
    saved = comments_by_id(data)
    first = next(i for i, c in saved.items() if c[0] == "Casey Counsel")
    reply = next(i for i, c in saved.items() if c[0] == "Dana Tester")
    assert (saved[first][2], saved[reply][2]) == ("Keep this standard.", "Agreed.")
    assert anchored_text(data)[first] == anchored_text(data)[reply] == "judicial criminal warrant"
    # LibreOffice 7.4 writes no commentsExtended.xml: the reply stays a comment on the
    # same words but loses its link to the first (Word keeps it).


def test_same_threads_give_the_same_bytes(model_document, meta):
    threads = [
        _thread("reporting", "quarterly", Remark("A", None, "x"), Remark("B", None, "y")),
        _thread("title", ""),
    ]
    assert render_docx(model_document, meta, threads=threads) == render_docx(
        model_document, meta, threads=threads
    )
