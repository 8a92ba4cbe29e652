"""Editions as data: release notes, version changes, and the shipped second edition."""

import re
from dataclasses import replace

from drafting.assembly import assemble
from drafting.diff import changes, diff_documents
from drafting.editions import (
    check_version,
    clause_excerpt,
    edition_problems,
    release_notes,
    version_changes,
)
from drafting.library import Choice, Option, read_edition, read_history
from drafting.spec import parse_spec
from tests.model_seed import MODEL_LOCALITY, SEEDS

EDITION_ONE = read_edition("cpd-2017")
EDITION_TWO = read_edition("cpd-2026-forms")


def _clause(slug, clauses=EDITION_ONE):
    return next(c for c in clauses if c.slug == slug)


def _model(clauses):
    return assemble(clauses, parse_spec({"locality": MODEL_LOCALITY}))


def test_release_notes_of_edition_two_name_the_definitions_change_and_its_note():
    notes = release_notes(EDITION_ONE, EDITION_TWO)
    note = " ".join(_clause("definitions", EDITION_TWO).change_note.split())
    assert notes == [f"Definitions: version 1 → 2. {note}"]


def test_release_notes_of_a_first_edition_count_its_clauses():
    assert release_notes(None, EDITION_ONE) == [f"First edition: {len(EDITION_ONE)} clauses."]


def test_release_notes_say_added_and_removed_clauses():
    ncic = _clause("ncic")
    without_ncic = [c for c in EDITION_ONE if c.slug != "ncic"]
    assert release_notes(EDITION_ONE, without_ncic) == [
        "No arrests on NCIC immigration entries: removed (was version 1)."
    ]
    assert release_notes(without_ncic, EDITION_ONE) == [
        f"No arrests on NCIC immigration entries: added (version 1). {ncic.change_note}"
    ]


def test_release_notes_carry_every_step_of_a_jump():
    ncic = _clause("ncic")
    two = replace(ncic, version=2, change_note="Second.")
    three = replace(ncic, version=3, change_note="Third.", body=ncic.body + "\nMore.\n")
    new = [three if c.slug == "ncic" else c for c in EDITION_ONE]
    assert release_notes(EDITION_ONE, new, {"ncic": [ncic, two, three]}) == [
        "No arrests on NCIC immigration entries: version 1 → 3. (v2) Second. (v3) Third."
    ]


def test_release_notes_when_nothing_changed():
    assert release_notes(EDITION_ONE, EDITION_ONE) == ["No clause changed."]


def test_edition_two_changes_only_the_detainer_definition():
    diff = diff_documents(_model(EDITION_ONE), _model(EDITION_TWO))
    found = [(c.kind, c.label, c.deleted, c.inserted) for c in changes(diff)]
    assert found == [
        (
            "block-changed",
            "J.",
            "or … .",
            "; or any form that amends, replaces or succeeds any of these forms, whatever its "
            "title or number and whether or not it is called a detainer.",
        )
    ]
    block = next(op for _s, op in diff.block_ops() if op.is_change)
    assert block.new_text.endswith(
        "DHS I-247X “Request for Voluntary Transfer”; DHS Form I-247N “Request for Voluntary "
        "Notification of Release”; or any form that amends, replaces or succeeds any of these "
        "forms, whatever its title or number and whether or not it is called a detainer."
    )


def test_edition_two_keeps_every_form_name_of_edition_one_and_names_no_other():
    old = _clause("definitions").body
    new = _clause("definitions", EDITION_TWO).body
    form = re.compile(r"\bI-\d+[A-Z]?\b")
    seeds = " ".join(path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt"))
    assert set(form.findall(new)) == set(form.findall(old))
    assert set(form.findall(new)) <= set(form.findall(seeds))


def test_edition_two_change_note_quotes_the_seed_exactly():
    note = " ".join(_clause("definitions", EDITION_TWO).change_note.split())
    quoted = re.search(r'reads: "(.+?)" None', note).group(1)
    seed = " ".join((SEEDS / "cpd-protecting-immigrant-communities-2017.txt").read_text().split())
    assert quoted in seed


def test_history_holds_edition_one_definitions():
    history = {(c.slug, c.version): c for c in read_history()}
    assert history[("definitions", 1)] == _clause("definitions")
    assert history[("definitions", 2)] == _clause("definitions", EDITION_TWO)


def test_version_changes_name_option_changes():
    detainers = _clause("detainers")
    warrant = detainers.option("warrant_standard")
    changed = replace(
        warrant,
        default="judicial",
        choices=(*warrant.choices[:2], Choice("none", "No warrant", "")),
    )
    new = replace(
        detainers,
        options=(changed, *[o for o in detainers.options if o.key != "warrant_standard"][1:]),
        heading="X",
    )
    lines = version_changes(detainers, new)
    assert lines == [
        "Heading: “” → “X”",
        "Option “Exceptions (carve-outs) to the detainer rule” removed.",
        "Option “Warrant standard for detainers and facility access”: default Judicial "
        "criminal warrant (CPD model; strongest) → Judicial warrant signed by an Article III "
        "judge or federal magistrate judge.",
        "Option “Warrant standard for detainers and facility access”: choice “Categorical "
        "prohibition, with no warrant language” removed.",
        "Option “Warrant standard for detainers and facility access”: choice “No warrant” added.",
    ]


def test_check_version_passes_an_edition_version():
    assert check_version(_clause("detainers"), EDITION_ONE) == {}


def test_check_version_reports_a_template_error_in_the_text():
    broken = replace(_clause("ncic"), body="- Arrest {{ locality }")
    problems = check_version(broken, EDITION_ONE)
    assert list(problems) == ["text"]
    assert problems["text"].startswith("The text has a template error on line 1:")


def test_check_version_reports_an_unknown_name():
    broken = replace(_clause("ncic"), body="- Arrest anyone in {{ township }}.")
    assert check_version(broken, EDITION_ONE) == {
        "text": "The clause text uses unknown name(s): township."
    }


def test_check_version_reports_an_option_key_another_clause_has():
    clash = Option(key="warrant_standard", label="Clash", type="number", default=1)
    broken = replace(_clause("ncic"), options=(clash,))
    assert check_version(broken, EDITION_ONE) == {
        "options": "options.warrant_standard: defined by both detainers and ncic"
    }


def test_edition_problems_empty_for_the_shipped_editions():
    assert edition_problems(EDITION_ONE) == {}
    assert edition_problems(EDITION_TWO) == {}


def test_clause_excerpt_keeps_only_the_clause_blocks():
    document = _model(EDITION_ONE)
    excerpt = clause_excerpt(document, "ncic")
    assert [s.label for s in excerpt.sections] == ["II)"]
    assert [b.label for b in excerpt.sections[0].blocks] == ["F."]
    assert excerpt.title == ""
