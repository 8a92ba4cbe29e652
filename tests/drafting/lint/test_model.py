"""The CPD model: its § 1373 warnings are Privacy section IX and, since the fourth round, the
database access withheld from ICE/CBP/USCIS in section II (access to a database gives its
contents, which can include status: the reading the Washington school policies' identical
'databases' rule needed). The library's savings clause cures the sending, so section II,
and Privacy's sharing, not its maintaining (§ 1373(b)(2))."""

from drafting.lint import lint, verdict
from drafting.parse.text import parse_text
from tests.drafting.lint.support import model, model_with
from tests.model_seed import appendix_one


def _flags(findings):
    return sorted((f.rule, f.section) for f in findings if f.severity in ("error", "warning"))


CIVIL = "II) CIVIL IMMIGRATION ENFORCEMENT – FEDERAL RESPONSIBILITY"


def test_model_with_default_options_has_the_database_access_and_privacy_warnings():
    findings = lint(model())
    assert verdict(findings) == "warning"
    assert _flags(findings) == [
        ("1373-broad-restriction", CIVIL),
        ("1373-broad-restriction", "IX) PRIVACY"),
        ("1373-hedge", "IX) PRIVACY"),
    ]


def test_model_privacy_warning_offers_the_savings_clause():
    findings = [f for f in lint(model()) if f.severity == "warning"]
    assert {(f.fix.kind, f.fix.clause) for f in findings} == {("include-clause", "savings-clause")}


def test_the_library_savings_clause_cures_sharing_but_not_maintaining():
    """The library's clause (SB 54 § 7284.6(f) as amended Jan. 2017) names sending and
    receiving; Privacy IX also restricts maintaining, which § 1373(b)(2) protects."""
    findings = lint(model_with("savings-clause"))
    assert verdict(findings) == "warning"
    assert _flags(findings) == [
        ("1373-broad-restriction", "IX) PRIVACY"),
        ("1373-hedge", "IX) PRIVACY"),
    ]
    broad = next(f for f in findings if f.rule == "1373-broad-restriction")
    assert broad.limb == "§ 1373(b)(2): maintaining (potential)"
    assert "keeps open only § 1373(a), (b)(1): sending or receiving" in broad.message
    assert broad.fix is None  # including the clause again would change nothing


def test_model_with_every_optional_clause_has_only_the_maintaining_warning():
    flags = _flags(lint(model(clauses=_all_slugs())))
    assert flags == [("1373-broad-restriction", "XI) PRIVACY"), ("1373-hedge", "XI) PRIVACY")]


def test_parsed_appendix_one_has_the_same_warnings():
    findings = lint(parse_text(appendix_one()))
    assert _flags(findings) == [
        ("1373-broad-restriction", CIVIL),
        ("1373-broad-restriction", "IX) PRIVACY"),
        ("1373-hedge", "IX) PRIVACY"),
    ]
    assert verdict(findings) == "warning"


def _all_slugs():
    from tests.factories import library

    return [c.slug for c in library()]
