"""The current edition names the detainer form in use since 2017 (I-247A) and carries the
wide § 1373 savings clause (Cal. Gov. Code § 7284.6(e) as enacted), each with its source."""

from __future__ import annotations

from functools import cache

from drafting.assembly import assemble
from drafting.library import read_edition
from drafting.lint import lint
from drafting.render.text import render_text, section_text
from drafting.spec import CURRENT_EDITION, parse_spec
from tests.model_seed import MODEL_LOCALITY

WIDE_SAVINGS = (
    "Nothing in this ordinance prohibits or restricts any government entity or official from "
    "sending to, or receiving from, federal immigration authorities information regarding the "
    "citizenship or immigration status, lawful or unlawful, of an individual, or from requesting "
    "from federal immigration authorities immigration status information, lawful or unlawful, of "
    "any individual, or maintaining or exchanging that information with any other federal, "
    "state, or local government entity, pursuant to 8 U.S.C. §§ 1373 and 1644."
)
DETAINER_FORMS = (
    "These detainers include but are not limited to DHS Form I-247A “Immigration Detainer – "
    "Notice of Action”; the forms it replaced on April 2, 2017, DHS Form I-247D “Immigration "
    "Detainer – Request for Voluntary Action”, DHS Form I-247X “Request for Voluntary Transfer” "
    "and DHS Form I-247N “Request for Voluntary Notification of Release”; or any form that "
    "amends, replaces or succeeds any of these forms, whatever its title or number and whether "
    "or not it is called a detainer."
)


@cache
def _clauses():
    return read_edition(CURRENT_EDITION)


def _model_with_savings():
    slugs = [c.slug for c in _clauses() if c.model] + ["savings-clause"]
    spec = parse_spec({"locality": MODEL_LOCALITY, "clauses": slugs})
    return assemble(_clauses(), spec)


def test_the_detainer_definition_names_form_i_247a_first():
    text = " ".join(render_text(_model_with_savings()).split())
    assert DETAINER_FORMS in text


def test_the_savings_clause_reaches_every_channel_of_1373_a_and_b():
    document = _model_with_savings()
    assert " ".join(section_text(document.section("savings-clause")).split()) == (
        f"X) COMPLIANCE WITH FEDERAL LAW {WIDE_SAVINGS}"
    )


def test_with_the_wide_savings_clause_the_model_has_no_1373_warning_left():
    findings = lint(_model_with_savings())
    assert [f.rule for f in findings if f.severity != "info" and f.rule.startswith("1373-")] == []


def test_each_change_carries_its_note_and_source():
    by_slug = {c.slug: c for c in _clauses()}
    definitions, savings = by_slug["definitions"], by_slug["savings-clause"]
    assert (definitions.version, savings.version) == (4, 3)
    assert "ICE Policy No. 10074.2" in definitions.change_note
    assert "effective April 2, 2017" in definitions.change_note
    assert "§ 7284.6(e) as enacted (SB 54, Stats. 2017, ch. 495)" in savings.change_note
    assert savings.source.startswith("California Values Act (SB 54, Stats. 2017, ch. 495), Gov. ")
    assert definitions.change_note.endswith("verify the current form with counsel.")
    assert savings.change_note.endswith("verify with counsel.")
