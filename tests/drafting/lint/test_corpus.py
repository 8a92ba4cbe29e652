"""The corpus: policy language from the seeds, and hard cases, with the verdicts a careful
lawyer would give. Each file starts with a header:

    # verdict: compliant | warning | error        (the § 1373 verdict)
    # flags: rule ids of every warning and error expected (exactly)
    # notes: info rule ids that must be among the findings
    # state: optional, passed to lint()
    ---
    the text
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.lint import lint, verdict
from drafting.parse.text import parse_text

CORPUS = Path(__file__).with_name("corpus")
FILES = sorted(CORPUS.glob("*.txt"))


def _read(path: Path) -> tuple[dict[str, str], str]:
    header, _, text = path.read_text(encoding="utf-8").partition("\n---\n")
    meta = {}
    for line in header.splitlines():
        key, _, value = line.lstrip("# ").partition(":")
        meta[key.strip()] = value.strip()
    return meta, text


def _lint(path: Path):
    meta, text = _read(path)
    return meta, lint(parse_text(text), state=meta.get("state") or None)


def _flags(findings) -> set[str]:
    return {f.rule for f in findings if f.severity in ("error", "warning")}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_corpus_verdict_flags_and_notes(path):
    meta, findings = _lint(path)
    assert verdict(findings) == meta["verdict"]
    assert _flags(findings) == set(meta["flags"].split())
    assert set(meta["notes"].split()) <= {f.rule for f in findings}


def test_corpus_has_the_seed_cases_and_enough_hard_cases():
    names = {p.stem for p in FILES}
    seeds = {
        "cook-county-46-37", "santa-clara-3-54", "california-sb54-7284-6", "sample-trust-policy",
        "san-francisco-refuge", "ilrc-disclose-unless-legal-process", "cpd-privacy-ix",
    }  # fmt: skip
    assert seeds <= names
    assert len(names - seeds) >= 10


def test_corpus_precision_and_recall():
    """Over (document, flagged rule) pairs, and the verdicts; printed for the record."""
    true_positive = false_positive = false_negative = right = 0
    for path in FILES:
        meta, findings = _lint(path)
        expected, got = set(meta["flags"].split()), _flags(findings)
        true_positive += len(expected & got)
        false_positive += len(got - expected)
        false_negative += len(expected - got)
        right += verdict(findings) == meta["verdict"]
    precision = true_positive / max(true_positive + false_positive, 1)
    recall = true_positive / max(true_positive + false_negative, 1)
    print(
        f"\nlint corpus: {len(FILES)} documents, verdicts {right}/{len(FILES)}, "
        f"flags precision {precision:.2f} recall {recall:.2f} "
        f"(tp {true_positive}, fp {false_positive}, fn {false_negative})"
    )
    assert precision >= 0.95 and recall >= 0.95
    assert right == len(FILES)
