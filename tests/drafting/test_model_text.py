"""Edition 1 of the library, the CPD model assembled with default options, is Appendix I
word for word. Later editions change the text on purpose (with change notes); this test
reads edition 1's versions from the files, not the newest ones."""

from drafting.assembly import assemble
from drafting.library import read_all_versions, read_edition
from drafting.render.text import section_text
from drafting.spec import parse_spec
from tests.model_seed import MODEL_LOCALITY, model_sections, normalise


def _model():
    clauses = read_edition("cpd-2017")
    document = assemble(clauses, parse_spec({"locality": MODEL_LOCALITY}))
    return clauses, document


def test_model_has_the_fourteen_cpd_sections():
    _clauses, document = _model()
    numbered = [s.label for s in document.sections if s.label]
    assert numbered == [f"{n})" for n in "I II III IV V VI VII VIII IX X XI XII XIII XIV".split()]


def test_model_title_matches_appendix_one():
    clauses, document = _model()
    assert document.title == model_sections(clauses)["title"]


def test_model_preamble_matches_appendix_one():
    clauses, document = _model()
    preamble = next(s for s in document.sections if not s.label)
    assert normalise(section_text(preamble)) == model_sections(clauses)["preamble"]


def test_model_sections_match_appendix_one_word_for_word():
    clauses, document = _model()
    expected = model_sections(clauses)
    mismatches = {}
    for section in document.sections:
        if not section.number:
            continue
        got = normalise(section_text(section))
        if got != expected[section.number]:
            mismatches[section.number] = _first_difference(expected[section.number], got)
    assert mismatches == {}


def test_every_correction_carries_a_note():
    for clause in read_all_versions():
        for correction in clause.corrections:
            assert correction.note.strip(), (clause.slug, correction.source)


def _first_difference(expected: str, got: str) -> str:
    index = next(
        (i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b),
        min(len(expected), len(got)),
    )
    start, end = max(index - 40, 0), index + 60
    return f"at {index}: expected …{expected[start:end]!r} got …{got[start:end]!r}"
