"""A reviewer edits the export in LibreOffice with change tracking on (driven over UNO
by tests/fixtures/review/libreoffice_edit.py); the file comes back onto its clauses."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from drafting.edits import apply_words, clause_text
from drafting.parse.review import read_reviewed
from drafting.render.docx import ExportMeta, render_docx
from drafting.review import accept, review
from drafting.words import Words

SCRIPT = Path(__file__).resolve().parents[1] / "fixtures" / "review" / "libreoffice_edit.py"
HAS_UNO = (
    shutil.which("soffice") is not None
    and subprocess.run(
        ["/usr/bin/python3", "-c", "import uno"], capture_output=True, check=False
    ).returncode
    == 0
)
pytestmark = pytest.mark.skipif(
    not HAS_UNO, reason="LibreOffice and python3-uno are needed (Debian libreoffice-writer)"
)
EDITS = {
    "author": ["City", "Attorney"],
    "replace": [["on a quarterly basis", "every month"], ["within 45 days", "within 30 days"]],
    "delete_paragraph": ["The number of U visa certifications requested"],
    "add_paragraph_after": [["Sheriff", "Department of Health"]],
    "comment": [["free language assistance", "Which languages?"]],
}


def libreoffice_edit(data: bytes, edits: dict, work: Path) -> bytes:
    (work / "in.docx").write_bytes(data)
    (work / "edits.json").write_text(json.dumps(edits))
    subprocess.run(
        ["/usr/bin/python3", str(SCRIPT), str(work / "in.docx"), str(work / "out.docx"),
         str(work / "edits.json")],
        check=True, timeout=180,
    )  # fmt: skip
    return (work / "out.docx").read_bytes()


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, model_document) -> bytes:
    meta = ExportMeta.for_document(model_document, author="Clerk", revision=3, draft_id=12)
    return libreoffice_edit(
        render_docx(model_document, meta), EDITS, tmp_path_factory.mktemp("lo-review")
    )


def test_libreoffice_changes_land_on_their_clauses(model_document, reviewed):
    result = review(model_document, read_reviewed(reviewed))
    deleted = clause_text(model_document, "reporting").split("\n\n")[7]
    assert [(c.clause, c.kind, c.old.strip(), c.new.strip(), c.author) for c in result.changes] == [
        ("u-visa", "replace", "within 45 days", "within 30 days", "City Attorney"),
        ("reporting", "replace", "on a quarterly basis", "every month", "City Attorney"),
        ("reporting", "delete", deleted, "", "City Attorney"),
        ("commission", "insert", "", "Department of Health", "City Attorney"),
        ("language-access", "comment", "free language assistance", "", "City Attorney"),
    ]
    assert result.changes[4].comment == "Which languages?"


def test_libreoffice_accept_all_gives_the_reviewers_text(model_document, reviewed):
    result = review(model_document, read_reviewed(reviewed))
    words = accept(model_document, Words(), result, [c.id for c in result.changes])
    edited = apply_words(model_document, words).document
    reporting = clause_text(model_document, "reporting").split("\n\n")
    del reporting[7]
    expected = {
        "u-visa": clause_text(model_document, "u-visa").replace("within 45 days", "within 30 days"),
        "reporting": "\n\n".join(reporting).replace("on a quarterly basis", "every month"),
        "commission": clause_text(model_document, "commission").replace(
            "Sheriff", "Sheriff\n\nDepartment of Health"
        ),
        "language-access": clause_text(model_document, "language-access"),
    }
    for clause, text in expected.items():
        assert clause_text(edited, clause) == text, clause
