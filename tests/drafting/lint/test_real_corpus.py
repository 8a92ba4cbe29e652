"""The § 1373 lint measured on real provisions it was not built on (real_corpus/, see README).

Three sets, each reported on its own:

* `dev` — split off by jurisdiction (sha1 of the jurisdiction, mod 2) before any
  tuning; the rules are tuned on it.
* `held-out`, reported as **seen (looked at 2026-11-30)** — the other half of that
  split. Its misses were read on 2026-11-30, and the readings that fixed five of
  them were written then, so from that day it is one more development set, not a
  measure.
* `heldout-2` — gathered on 2026-11-30 before any rule changed, committed with its
  verdicts before the lint was run on it, and run once after the rules were
  done. The issue's bar (every document right, accuracy at least 95%) applies
  to it. Its misses are strict xfails with their causes, read after that run;
  they were not tuned on.

Precision and recall for each set are printed after the run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pytest

from drafting.lint import lint, verdict
from drafting.parse.text import parse_text
from tests.drafting.lint.support import REPORT, Case, real_cases

VERDICTS = ("error", "warning", "compliant")
PROBLEM = frozenset({"error", "warning"})
SEEN_LABEL = "seen (looked at 2026-11-30)"

# Dev documents the lint still gets wrong, and why (none at the moment).
KNOWN_DEV_MISSES: dict[str, str] = {}

# Seen documents the lint still gets wrong. Five others were fixed on 2026-11-30 by
# general readings (bill line numbers, recitals reporting a rule, verbs sharing one
# object, "conditioning ... upon status" as a ground, savings clauses whose subject is a
# citation), each with unit tests in test_reading.py on texts of its own.
KNOWN_SEEN_MISSES: dict[str, str] = {
    "santa-ana-2016-draft-ord-use-of-resources-felony-carveout": (
        "the excerpt starts after its operative words ('[...] law or to gather or disseminate "
        "... status'): with no 'shall not' in the text, only item (d)'s non-public information "
        "is read as restricted (warning). The page before it, with the start of the sentence, "
        "was searched for on 2026-11-30 and not found in the stored pages, so it could not be "
        "re-transcribed"
    ),
    "santa-ana-2016-reso-2016-086-use-of-resources": (
        "the excerpt starts after its operative words (the 'shall not use' is on the unread "
        "page), so the bulleted list restricts nothing; the start of the sentence was searched "
        "for on 2026-11-30 and not found in the stored pages"
    ),
}

# heldout-2 documents the lint got wrong on its one run (2026-11-30), and why: causes read
# after the run, not fixed (fixing them would make heldout-2 one more development set).
KNOWN_HELDOUT_2_MISSES: dict[str, str] = {
    "ames-2017-resolution-1373-clause": (
        "a newspaper's quotation mark splits the negated operator (it does not “prohibit, or "
        "in any way restrict ...”): 'does not' alone is read as a restriction, so the § 1373 "
        "clause itself is read as restricting sending status (error for compliant)"
    ),
    "arizona-2025-sb-1362-municipal-databases": (
        "'make municipal databases available ... for the purpose of immigration enforcement': "
        "a database is not among the broad categories of information (information, data, "
        "records), so the item is not read as reaching status (compliant for warning)"
    ),
    "east-chicago-2017-code-39-055-enforcement-requests": (
        "'requests to provide information on persons': 'information on' a plural noun with no "
        "article is not among the broad categories ('information about any person' is), so "
        "nothing is flagged (compliant for warning)"
    ),
    "fairfax-county-2021-trust-policy-purpose": (
        "the restriction is stated with 'restrict' as the main verb ('will otherwise restrict "
        "sharing of ... information'), not with a negative ('shall not share'), and 'personal "
        "identifiable information' is not among the broad categories ('personally "
        "identifiable' is): nothing is read as restricted (compliant for warning)"
    ),
    "howard-county-2022-question-a-county-resources": (
        "'The law prohibits using County resources for the following actions ...: ... (4) "
        "sharing a person's status' — 'prohibits' followed by a gerund and an inline list is "
        "not read as a restricting operator, and 'a person's status' referring back to the "
        "citizenship or immigration status of item (3) is not read as status "
        "(compliant for error)"
    ),
    "humboldt-county-2018-code-9121-5-personal-information": (
        "'release status of individuals or any other such personal information' is read by "
        "ejusdem generis (issue 16, reading 6) as personal information of the kind listed "
        "(release status, outside § 1373), with no definition elsewhere to widen it; the "
        "verdict, written before the run, reads undefined 'personal information' as able to "
        "reach status. The two readings disagree, and either is defensible (compliant for "
        "warning)"
    ),
    "new-york-2023-s2061-domestic-violence-status-reporting": (
        "the bill prints new matter in capitals: each all-capitals line is taken for a "
        "heading, so the sentences that bar reporting status are split into headings the lint "
        "does not read (compliant for error)"
    ),
    "new-york-2023-s987-ny-for-all-article-145": (
        "all-capitals bill text taken line by line for headings, as in S2061, so § 145.35's bar "
        "on entering status into a database is never read (compliant for error)"
    ),
    "takoma-park-2008-code-9-04-third-person-inquiry": (
        "'inquire about any person's citizenship or immigration status with any third person' "
        "is read as a don't-ask rule; the lint has no reading that inquiring of third persons "
        "(which include federal immigration authorities) restricts requesting status under "
        "§ 1373(b)(1) (compliant for error)"
    ),
    "us-congress-2025-hr-2056-dc-immigration-compliance": (
        "a double negative: 'may not have in effect a ... policy ... that prohibits or "
        "restricts any entity ... from— sending, receiving, maintaining, or exchanging ... "
        "status'; the inner 'prohibits or restricts' is taken as the operator of the verbs "
        "after it, so the prohibition on restricting reads as a restriction (error for "
        "compliant)"
    ),
    "vermont-2024-20-vsa-2366-a-communications-ceiling": (
        "the statute authorizes 'additional restrictions on ... communications regarding "
        "citizenship or immigration status' and caps communication at the model policy's "
        "level; a restriction named as a noun ('restrictions on communications') and a cap "
        "written as a negated permission are not read (compliant for warning)"
    ),
}

DEV = real_cases("dev")
SEEN = real_cases("held-out")
HELDOUT_2 = real_cases("heldout-2")
SETS = (("dev", DEV), (SEEN_LABEL, SEEN), ("heldout-2", HELDOUT_2))


@pytest.fixture(scope="module")
def results() -> dict[str, str]:
    """Each case's verdict from the lint, by name."""
    return {case.name: _verdict(case) for case in DEV + SEEN + HELDOUT_2}


def _verdict(case: Case) -> str:
    return verdict(lint(parse_text(case.text)))


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.2f}" if denominator else "n/a"


def measures(pairs: Sequence[tuple[str, str]]) -> dict[str, object]:
    """Accuracy, and precision/recall for "problem" (error or warning) and for each verdict.

    `pairs` are (expected, got) verdicts.
    """
    right = sum(expected == got for expected, got in pairs)
    out: dict[str, object] = {"n": len(pairs), "right": right}
    found = sum(got in PROBLEM for _, got in pairs)
    actual = sum(expected in PROBLEM for expected, _ in pairs)
    hit = sum(expected in PROBLEM and got in PROBLEM for expected, got in pairs)
    out["problem"] = (_ratio(hit, found), _ratio(hit, actual))
    for name in VERDICTS:
        found = sum(got == name for _, got in pairs)
        actual = sum(expected == name for expected, _ in pairs)
        hit = sum(expected == got == name for expected, got in pairs)
        out[name] = (_ratio(hit, found), _ratio(hit, actual))
    return out


def _line(half: str, numbers: dict[str, object]) -> str:
    n, right = numbers["n"], numbers["right"]
    parts = [f"{half}: accuracy {right}/{n} ({right / n:.0%})"]  # type: ignore[operator]
    for name in ("problem", *VERDICTS):
        precision, recall = numbers[name]  # type: ignore[misc]
        parts.append(f"{name} P {precision} R {recall}")
    return "; ".join(parts)


def test_split_is_the_recorded_hash_of_the_jurisdiction():
    """Nobody moved a file between dev and seen: the split is still sha1(jurisdiction) mod 2."""
    for case in DEV + SEEN:
        digest = int(hashlib.sha1(case.meta["jurisdiction"].encode()).hexdigest(), 16)
        assert case.split == ("dev", "held-out")[digest % 2], case.name


def test_corpus_has_every_verdict_in_every_set():
    assert {c.verdict for c in DEV} == {c.verdict for c in SEEN} == set(VERDICTS)
    assert {c.verdict for c in HELDOUT_2} == set(VERDICTS)
    assert (len(DEV) + len(SEEN), len(HELDOUT_2)) == (43, 29)


@pytest.mark.parametrize("case", DEV, ids=[c.name for c in DEV])
def test_dev_document_verdict(case, results):
    if case.name in KNOWN_DEV_MISSES:
        pytest.xfail(KNOWN_DEV_MISSES[case.name])
    assert results[case.name] == case.verdict


def _known(case: Case, known: dict[str, str]):
    marks = [pytest.mark.xfail(strict=True, reason=known[case.name])] if case.name in known else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_known(c, KNOWN_SEEN_MISSES) for c in SEEN])
def test_seen_misses_are_exactly_the_known_ones(case, results):
    assert results[case.name] == case.verdict


@pytest.mark.parametrize("case", [_known(c, KNOWN_HELDOUT_2_MISSES) for c in HELDOUT_2])
def test_heldout_2_misses_are_exactly_the_known_ones(case, results):
    assert results[case.name] == case.verdict


def test_precision_recall_and_accuracy_on_every_set(results, request):
    """Printed after the run, with every miss; dev misses must be the known ones."""
    lines = [
        _line(name, measures([(c.verdict, results[c.name]) for c in cases])) for name, cases in SETS
    ]
    misses = [
        f"  miss ({name}): {c.name}: expected {c.verdict}, got {results[c.name]}"
        for name, cases in SETS
        for c in cases
        if results[c.name] != c.verdict
    ]
    request.config.stash[REPORT] = lines + misses
    dev_misses = {c.name for c in DEV if results[c.name] != c.verdict}
    assert dev_misses <= set(KNOWN_DEV_MISSES)


def _meets_the_bar(cases: Sequence[Case], results: dict[str, str]) -> bool:
    """The issue's bar: every real document's verdict right, and accuracy at least 95%."""
    right = sum(results[c.name] == c.verdict for c in cases)
    return right == len(cases) and right / len(cases) >= 0.95


@pytest.mark.xfail(
    condition=bool(KNOWN_HELDOUT_2_MISSES),
    strict=True,
    reason="heldout-2 does not meet the bar: see KNOWN_HELDOUT_2_MISSES",
)
def test_heldout_2_meets_the_bar(results):
    assert _meets_the_bar(HELDOUT_2, results)


def test_measures_count_problem_and_per_verdict_precision_and_recall():
    pairs = [("error", "error"), ("warning", "compliant"), ("compliant", "warning")]
    numbers = measures(pairs)
    assert numbers["right"] == 1
    assert numbers["problem"] == ("0.50", "0.50")
    assert numbers["error"] == ("1.00", "1.00")
    assert numbers["warning"] == ("0.00", "0.00")
    assert numbers["compliant"] == ("0.00", "0.00")
