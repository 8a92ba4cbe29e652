"""The § 1373 lint measured on real provisions it was not built on (real_corpus/, see README).

The split into `dev` and `held-out` was fixed by jurisdiction before any tuning
(sha1 of the jurisdiction, mod 2); the rules were tuned on dev only. The bar:
on held-out, every `error` and every `compliant` document right and accuracy
at least 95%; on dev, every document right except the known misses listed
below, each with its reason. Precision and recall are printed after the run.
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

# Dev documents the lint still gets wrong, and why (none at the moment).
KNOWN_DEV_MISSES: dict[str, str] = {}

# Held-out documents the lint gets wrong. Read only after tuning stopped, to say
# why; not tuned on (that would make the held-out half one more dev half). Each
# is xfail(strict): when a general change fixes one, its test fails until the
# entry is removed, so this list can only shrink honestly.
KNOWN_HELD_OUT_MISSES: dict[str, str] = {
    "minnesota-2024-north-star-act-bill-subd-3": (
        "bill line numbers sit inside the words ('shall 3.15 not:'), so no restriction is "
        "read; the parser keeps every character, and nothing strips line numbers yet"
    ),
    "new-york-2018-eo-170-1-recital": (
        "a WHEREAS recital: the lint reads recitals as restricting nothing; this one restates "
        "EO 170's operative non-disclosure policy"
    ),
    "san-francisco-2016-admin-code-12h-2-personal-information": (
        "'conditioning the provision of services ... upon immigration status' is a ground of "
        "decision, but the basis phrase is too long for the basis test, so status is tied to "
        "'disseminating' earlier in the item: error instead of warning"
    ),
    "santa-ana-2016-draft-ord-sec-3-maintaining": (
        "shared object: 'request or maintain information about, or otherwise investigate ..., "
        "the citizenship or immigration status' ties status only to the nearest verbs "
        "(investigate), so the bar on maintaining is read as a don't-ask rule"
    ),
    "santa-ana-2016-draft-ord-use-of-resources-felony-carveout": (
        "the excerpt starts after its operative words ('[...] law or to gather or disseminate "
        "... status'): with no 'shall not' in the text, only item (d)'s non-public information "
        "is read as restricted (warning)"
    ),
    "santa-ana-2016-reso-2016-086-use-of-resources": (
        "the excerpt starts after its operative words (the 'shall not use' is on the unread "
        "page), so the bulleted list restricts nothing"
    ),
    "washington-2020-rcw-2-28-310-courts": (
        "savings clause whose subject is a citation ('RCW 2.28.300 through 2.28.330 do not "
        "limit or prohibit ... from: (a) Sending to ...') is not recognised as one"
    ),
}

DEV = real_cases("dev")
HELD_OUT = real_cases("held-out")


@pytest.fixture(scope="module")
def results() -> dict[str, str]:
    """Each case's verdict from the lint, by name."""
    return {case.name: _verdict(case) for case in DEV + HELD_OUT}


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
    """Nobody moved a file between halves: the split is still sha1(jurisdiction) mod 2."""
    for case in DEV + HELD_OUT:
        digest = int(hashlib.sha1(case.meta["jurisdiction"].encode()).hexdigest(), 16)
        assert case.split == ("dev", "held-out")[digest % 2], case.name


def test_corpus_has_every_verdict_in_both_halves():
    assert {c.verdict for c in DEV} == {c.verdict for c in HELD_OUT} == set(VERDICTS)
    assert len(DEV) + len(HELD_OUT) == 43


@pytest.mark.parametrize("case", DEV, ids=[c.name for c in DEV])
def test_dev_document_verdict(case, results):
    if case.name in KNOWN_DEV_MISSES:
        pytest.xfail(KNOWN_DEV_MISSES[case.name])
    assert results[case.name] == case.verdict


def _known(case: Case, known: dict[str, str]):
    marks = [pytest.mark.xfail(strict=True, reason=known[case.name])] if case.name in known else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize(
    "case",
    [_known(c, KNOWN_HELD_OUT_MISSES) for c in HELD_OUT if c.verdict in ("error", "compliant")],
)
def test_held_out_error_and_compliant_documents_are_right(case, results):
    assert results[case.name] == case.verdict


@pytest.mark.parametrize("case", [_known(c, KNOWN_HELD_OUT_MISSES) for c in HELD_OUT])
def test_held_out_misses_are_exactly_the_known_ones(case, results):
    assert results[case.name] == case.verdict


def test_precision_recall_and_accuracy_on_both_halves(results, request):
    """Printed after the run, with every miss; dev misses must be the known ones."""
    numbers = {
        half: measures([(c.verdict, results[c.name]) for c in cases])
        for half, cases in (("dev", DEV), ("held-out", HELD_OUT))
    }
    lines = [_line(half, n) for half, n in numbers.items()]
    misses = [
        f"  miss ({c.split}): {c.name}: expected {c.verdict}, got {results[c.name]}"
        for c in DEV + HELD_OUT
        if results[c.name] != c.verdict
    ]
    request.config.stash[REPORT] = lines + misses
    dev_misses = {c.name for c in DEV if results[c.name] != c.verdict}
    assert dev_misses <= set(KNOWN_DEV_MISSES)


@pytest.mark.xfail(
    strict=True,
    reason="held-out accuracy is 12/19 (63%), below the 95% bar: see KNOWN_HELD_OUT_MISSES",
)
def test_held_out_accuracy_meets_the_bar(results):
    right = sum(results[c.name] == c.verdict for c in HELD_OUT)
    assert right / len(HELD_OUT) >= 0.95


def test_measures_count_problem_and_per_verdict_precision_and_recall():
    pairs = [("error", "error"), ("warning", "compliant"), ("compliant", "warning")]
    numbers = measures(pairs)
    assert numbers["right"] == 1
    assert numbers["problem"] == ("0.50", "0.50")
    assert numbers["error"] == ("1.00", "1.00")
    assert numbers["warning"] == ("0.00", "0.00")
    assert numbers["compliant"] == ("0.00", "0.00")
