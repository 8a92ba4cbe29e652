"""State law as findings on the clauses it touches: errors where the state forbids what a
clause does, warnings where it restricts or is contested, info where it is a floor."""

from __future__ import annotations

import datetime as dt

from drafting.lint import lint, verdict
from drafting.lint.state_law import StateLaw
from drafting.parse.text import parse_text
from drafting.state_law import example_entry
from tests.factories import model

TEXAS_AUTHORITY = (
    "Tex. Gov't Code ch. 752, subch. C (§§ 752.051-752.057); Tex. Code Crim. Proc. art. 2.251 "
    "(https://capitol.texas.gov/tlodocs/85R/billtext/html/SB00004S.htm); Tex. Gov't Code ch. 753 "
    "(https://capitol.texas.gov/tlodocs/89R/billtext/html/SB00008F.htm)"
)


def _state(findings):
    return [(f.rule, f.severity, f.clause) for f in findings if f.rule.startswith("state-")]


def test_texas_makes_the_detainer_clause_an_error():
    findings = lint(model(), state="Texas")
    assert _state(findings) == [
        ("state-tx", "info", ""),
        ("state-tx-287g", "error", "no-287g"),
        ("state-tx-detainers", "error", "detainers"),
        ("state-tx-information_sharing", "error", "no-status-inquiry"),
        ("state-tx-information_sharing", "error", "privacy"),
    ]
    detainers = next(f for f in findings if f.rule == "state-tx-detainers")
    assert detainers.message == (
        "Texas law forbids what this provision does (Detainers, as of 2026-11-30): SB 4 requires "
        "law enforcement agencies to comply with ICE detainer requests; knowingly failing to "
        "comply is a criminal offence for the responsible official. A local rule declining "
        "detainers is not available. Penalties: On a sworn resident complaint the Attorney "
        "General may sue; civil penalties of $1,000-1,500 per day for a first violation and up "
        "to $25,000-25,500 per day for later ones; officials can be removed from office; a "
        "sheriff, police chief or constable who knowingly fails to honor a detainer commits a "
        "Class A misdemeanor; violating entities also lose state grant funds. Verify with counsel."
    )
    assert detainers.authority == TEXAS_AUTHORITY
    assert detainers.sentence.startswith("Honor immigration detainer requests")


def test_state_findings_never_change_the_1373_verdict():
    assert verdict(lint(model(), state="TX")) == verdict(lint(model()))


def test_california_law_is_a_floor_note_on_the_clauses():
    findings = lint(model(add=["no-detention-contracts"]), state="California")
    severities = {rule: severity for rule, severity, _ in _state(findings)}
    assert severities == {
        "state-ca": "info",
        "state-ca-287g": "info",
        "state-ca-detainers": "info",
        "state-ca-information_sharing": "info",
        "state-ca-detention_contracts": "warning",
    }
    note = next(f for f in findings if f.rule == "state-ca-detainers")
    assert note.message.startswith(
        "California law already gives this protection (Detainers, as of 2026-11-30): "
    )
    assert note.message.endswith("The ordinance may add to this floor. Verify with counsel.")
    contested = next(f for f in findings if f.rule == "state-ca-detention_contracts")
    assert contested.message.startswith(
        "California law on this is contested or in litigation (Detention contracts, "
        "as of 2026-11-30): AB 32 (2019) phases out private detention facilities"
    )


def test_alaska_has_only_the_dated_none_found_note():
    findings = lint(model(), state="AK")
    assert _state(findings) == [("state-ak", "info", "")]
    note = next(f for f in findings if f.rule == "state-ak")
    assert note.message.startswith(
        "No state statute found as of 2026-11-30; verify with counsel. Searches found no Alaska"
    )
    assert note.message.endswith("Verify with counsel. (Recorded 2026-11-30.)")


def test_an_unknown_state_says_so_and_no_state_says_nothing():
    findings = lint(model(), state="Narnia")
    assert _state(findings) == [("state-no-entry", "info", "")]
    assert next(f for f in findings if f.rule == "state-no-entry").message == (
        "No state-law entry matches “Narnia”: enter the state's full name or postal code. "
        "State law can require or forbid cooperation with federal immigration authorities. "
        "Verify with counsel."
    )
    assert _state(lint(model())) == []


def test_pasted_text_is_read_by_area():
    text = (
        "Section 1. Detainers.\n"
        "The County shall not hold any person on an ICE detainer request.\n"
        "Section 2. Agreements.\n"
        "The Sheriff shall not enter into any agreement under 8 U.S.C. 287(g).\n"
        "Section 3. Courts.\n"
        "No civil immigration arrest shall be made in any courthouse.\n"
        "Section 4. Parks.\n"
        "The parks close at dusk."
    )
    findings = lint(parse_text(text), state="Texas")
    assert [
        (f.rule, f.severity, f.section) for f in findings if f.rule.startswith("state-tx-")
    ] == [
        ("state-tx-detainers", "error", "Section 1. Detainers."),
        ("state-tx-287g", "error", "Section 2. Agreements."),
    ]
    washington = lint(parse_text(text), state="WA")
    assert [f.rule for f in washington if f.rule.startswith("state-wa-")] == [
        "state-wa-detainers",
        "state-wa-287g",
        "state-wa-courthouses",
    ]


def test_text_that_honours_detainers_is_not_read_as_limiting_them():
    text = "Section 1. Cooperation.\nThe Sheriff shall honor every ICE detainer request."
    assert _state(lint(parse_text(text), state="Texas")) == [("state-tx", "info", "")]


def test_restricts_is_a_warning_and_silent_says_nothing():
    entry = example_entry("mixed", detainers="restricts")
    findings = list(StateLaw(entry).check(model()))
    assert [(f.rule, f.severity) for f in findings] == [
        ("state-tx", "info"),
        ("state-tx-detainers", "warning"),
    ]
    assert findings[1].message == (
        "Texas law restricts this (Detainers, as of 2026-11-30): Example effect on detainers. "
        "Verify with counsel."
    )


def test_the_entry_can_be_given_instead_of_a_name():
    entry = example_entry("preempts", detainers="forbids")
    findings = lint(model(), state=entry)
    assert [f.rule for f in findings if f.rule.startswith("state-")] == [
        "state-tx",
        "state-tx-detainers",
    ]
    assert entry.as_of == dt.date(2026, 11, 30)
