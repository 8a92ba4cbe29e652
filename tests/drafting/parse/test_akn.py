"""Akoma Ntoso in and out: our exports validate against the AKN 3.0 schema and come
back as the same document; outside acts (Indigo's style) import and lint; bad files
are refused with a message that says why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

from drafting.lint import lint
from drafting.parse import UploadError
from drafting.parse.akn import parse_akn, schema_errors
from drafting.render.akn import AknMeta, render_akn
from drafting.render.text import section_text
from tests.factories import PROPERTY, documents, model

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "akn"
META = AknMeta(date=dt.date(2026, 11, 30), state="Illinois", author="Springfield Law Department")
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _tree(data: bytes):
    return etree.fromstring(data)


def texts(document) -> list[str]:
    return [section_text(section) for section in document.sections]


def test_model_export_validates_against_the_akn_schema():
    assert schema_errors(_tree(render_akn(model(), META))) == []


def test_model_export_reimports_as_the_same_document():
    document = model({"warrant_standard": "judicial", "reporting_cadence": "annual"})
    assert parse_akn(render_akn(document, META)) == document


@given(documents())
@PROPERTY
def test_any_document_round_trips_text_per_section(document):
    data = render_akn(document, META)
    assert schema_errors(_tree(data)) == []
    back = parse_akn(data)
    assert texts(back) == texts(document)
    assert (back.title, back.enacting_clause) == (document.title, document.enacting_clause)


def test_export_carries_frbr_uris_preface_and_preamble():
    root = _tree(render_akn(model(), META))
    work = root.find(f".//{AKN}FRBRWork/{AKN}FRBRuri").get("value")
    expression = root.find(f".//{AKN}FRBRExpression/{AKN}FRBRuri").get("value")
    assert work == "/akn/us-il-springfield/act/ordinance/2026/justice-and-equity-ordinance"
    assert expression == f"{work}/eng@2026-11-30"
    assert root.find(f".//{AKN}preface//{AKN}docTitle").text == "Justice and Equity Ordinance"
    formula = root.find(f".//{AKN}preamble/{AKN}formula")
    assert formula.get("name") == "enactingFormula"
    assert root.find(f".//{AKN}preamble/{AKN}recitals").get("eId") == "recitals_purpose"


def test_clause_keys_become_eids_and_terms_are_marked():
    root = _tree(render_akn(model(), META))
    ids = {element.get("eId") for element in root.iter() if element.get("eId")}
    assert {"sec_definitions", "definitions__ice", "sec_civil-enforcement", "detainers"} <= ids
    ice = root.find(f".//{AKN}subsection[@eId='definitions__ice']")
    assert ice.find(f".//{AKN}def").attrib == {"refersTo": "#term-ice"}
    uses = root.findall(f".//{AKN}section[@eId='sec_civil-enforcement']//{AKN}term")
    assert "#term-ice" in {use.get("refersTo") for use in uses}
    terms = {t.get("eId") for t in root.iter(f"{AKN}TLCTerm")}
    assert {use.get("refersTo").lstrip("#") for use in root.iter(f"{AKN}term")} <= terms


def test_nested_items_nest_as_subsections_and_paragraphs():
    root = _tree(render_akn(model(), META))
    profiling = root.find(f".//{AKN}section[@eId='sec_bias-profiling']")
    claim = profiling.find(f"{AKN}subsection[{AKN}num='B.']")
    assert [p.findtext(f"{AKN}num") for p in claim.findall(f"{AKN}paragraph")] == ["1)", "2)"]
    assert claim.find(f"{AKN}intro") is not None


# -- outside acts ---------------------------------------------------------------------------


@pytest.fixture
def indigo_act() -> bytes:
    return (FIXTURES / "indigo-style-trust-act.xml").read_bytes()


def test_indigo_style_act_imports_with_its_structure(indigo_act):
    document = parse_akn(indigo_act)
    assert document.title == "Riverside Community Trust By-law"
    assert document.locality == "the City of Riverside"
    assert document.enacting_clause.startswith("BE IT ENACTED")
    assert [s.title for s in document.sections] == [
        "",
        "Chapter 1 Interpretation",
        "1. Definitions",
        "Chapter 2 Trust",
        "2. Immigration detainers",
        "3. Short title",
    ]
    detainers = document.sections[4]
    assert [(b.label, b.level) for b in detainers.blocks] == [
        ("(1)", 1),
        ("(2)", 1),
        ("(a)", 2),
        ("(b)", 2),
    ]
    definition = document.sections[2].blocks[1]
    assert definition.runs[0].style == "term"
    assert definition.runs[0].text == '"department"'


def test_indigo_style_act_footnotes_are_left_out(indigo_act):
    text = texts(parse_akn(indigo_act))[2]
    assert "I-247A" not in text
    assert "8 C.F.R. § 287.7 to hold a person beyond release." in text


def test_indigo_style_act_lints_like_pasted_text(indigo_act):
    findings = lint(parse_akn(indigo_act))
    errors = [(f.rule, f.section) for f in findings if f.severity == "error"]
    assert errors == [("1373-status-restriction", "2. Immigration detainers")]


# -- refused files -----------------------------------------------------------------------------


def _refused(data: bytes, **kwargs) -> str:
    with pytest.raises(UploadError) as caught:
        parse_akn(data, **kwargs)
    return str(caught.value)


def test_entities_and_doctype_are_refused():
    data = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&e;</akomaNtoso>'
    )
    assert "DOCTYPE" in _refused(data)


def test_a_file_over_the_limit_is_refused_before_parsing(indigo_act):
    assert "the limit is 1 KB" in _refused(indigo_act, max_bytes=1024)


def test_not_xml_is_refused():
    assert "not a well-formed XML file" in _refused(b"<akomaNtoso><act>")


def test_another_xml_vocabulary_is_refused():
    assert "not Akoma Ntoso 3.0" in _refused(b"<html><body/></html>")


def test_an_unknown_document_type_is_refused():
    data = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><judgment/></akomaNtoso>'
    assert _refused(data).startswith("This Akoma Ntoso file is a <judgment>; only an <act>")


def test_a_schema_invalid_act_lists_the_first_errors(indigo_act):
    broken = indigo_act.replace(b"<FRBRcountry", b"<FRBRcolour").replace(
        b"<num>(1)</num>", b"<nmu>(1)</nmu>"
    )
    message = _refused(broken)
    assert message.startswith("This Akoma Ntoso file does not follow the AKN 3.0 schema.")
    lines = message.splitlines()[1:]
    assert 1 <= len(lines) <= 5
    assert "FRBRcolour" in lines[0] and lines[0].startswith("- line ")


# -- cross-references ----------------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _example(name: str):
    from drafting.assembly import assemble
    from drafting.library import read_edition
    from drafting.spec import load_spec

    spec = load_spec((EXAMPLES / name).read_text(encoding="utf-8"))
    return assemble(read_edition(spec.edition), spec)


def test_cross_references_become_refs_to_the_items_they_name():
    root = _tree(render_akn(_example("springfield.json"), META))
    reporting = root.find(f".//{AKN}section[@eId='sec_reporting']")
    refs = [(ref.text, ref.get("href")) for ref in reporting.iter(f"{AKN}ref")]
    assert refs == [
        ("A", "#reporting__requests"),
        ("B", "#reporting__detainer-requests"),
        ("A", "#reporting__requests"),
        ("B", "#reporting__detainer-requests"),
    ]
    date_item = reporting.find(f"{AKN}subsection[{AKN}num='C.']")
    p = date_item.find(f".//{AKN}p")
    assert etree.tostring(p, encoding="unicode", with_tail=False).endswith(
        'enumerated in subsections <ref href="#reporting__requests">A</ref> and '
        '<ref href="#reporting__detainer-requests">B</ref> of this Section were received;</p>'
    )
    # a reference back up the section (II.B names A and B) and one ahead (u-visa names H)
    contracts = root.find(f".//{AKN}subsection[@eId='no-detention-contracts']")
    assert [r.get("href") for r in contracts.iter(f"{AKN}ref")] == [
        "#no-287g",
        "#no-detention-contracts",
    ]
    intro = root.find(f".//{AKN}section[@eId='sec_u-visa']/{AKN}hcontainer")
    assert [r.text for r in intro.iter(f"{AKN}ref")] == ["H"]


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_every_example_with_refs_validates_and_reads_back_the_same(name):
    document = _example(name)
    data = render_akn(document, META)
    root = _tree(data)
    assert schema_errors(root) == []
    ids = {element.get("eId") for element in root.iter() if element.get("eId")}
    hrefs = {ref.get("href").lstrip("#") for ref in root.iter(f"{AKN}ref")}
    assert hrefs and hrefs <= ids
    assert parse_akn(data) == document


def test_section_numbering_refs_name_lowercase_items():
    root = _tree(render_akn(_example("oak-park-village.json"), META))
    reporting = root.find(f".//{AKN}section[@eId='sec_reporting']")
    assert [r.text for r in reporting.iter(f"{AKN}ref")][:2] == ["(a)", "(b)"]
