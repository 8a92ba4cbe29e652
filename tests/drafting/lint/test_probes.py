"""The § 1373 lint on blind synthetic probes (probes/, see each file's header).

Each line of a probe file is "verdict | text": a short provision written, blind to the
lint, by someone who had only the legal test. The lint must give every probe its verdict,
but for the misses listed below, each a strict xfail with its cause.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.lint import lint, verdict
from drafting.parse.text import parse_text

PROBES = Path(__file__).parent / "probes"

# Misses after the nineteenth round, by file and by the probe's first words.
_ROUTING = (
    "an answer given 'only after the principal and district legal counsel approve the "
    "request', in a question and answer: the approval step is not read as a restriction "
    "(compliant for warning)"
)
_DENIED_REQUESTS = (
    "'requests from other government agencies for such information shall be denied': a "
    "request denied is not read as withholding what it asks for (compliant for warning)"
)
_UNCURED_LIMB = (
    "status restricted on a limb the savings clause does not name (maintaining or "
    "exchanging left restricted after sending is saved, or the reverse): the lint reads an "
    "error, a (b)(2) or (b)(3) restriction of status itself; the corpus README's legal test "
    "calls a narrow savings clause a warning, which the probe follows (error for warning)"
)
_OFFICE_RECORDS = (
    "an office's records with no topic ('Records of the Office of New Americans') are not "
    "read as a category (compliant for warning)"
)
_RECORDED_WHEN_ASKED = (
    "'ask about or record', 'collect or record' status: since 2026-12-01 a record of status "
    "is status kept (§ 1373(b)(2)) even beside a verb of asking or collecting, as the blind "
    "readers of the corpus's adjudicated files read it; the probe's writer read recording "
    "beside asking as gathering (error for compliant; a question for counsel)"
)
SYNTHETIC_1_MISSES: dict[str, str] = {
    "Any record of a person's immigration status held by the": (
        "a second passive ('shall be stored securely and shall not be accessible to "
        "immigration enforcement') after a first that requires: only the first predicate is "
        "read (compliant for error)"
    ),
    "Information collected by city agencies in the course of": (
        "'Information collected ... shall be used only for the purpose ... and shall not be "
        "shared': the verb 'providing' inside the subject's qualifier stands between the "
        "category and its passive predicate (compliant for warning)"
    ),
    "Records of the Office of New Americans are confidential": _OFFICE_RECORDS,
    "Nothing in this section shall prevent an officer from": _UNCURED_LIMB,
    "No department shall maintain or share information": _UNCURED_LIMB,
    "Employees are not to assist immigration authorities by": (
        "'information on residents' identities or personal circumstances': information about "
        "what belongs to people ('residents' identities') is not read as about the people "
        "(compliant for warning)"
    ),
    "Nothing in this policy prohibits employees from sending": _DENIED_REQUESTS,
    "Q: Can ICE get information about my child from the school?": _ROUTING,
    "Nothing in this section restricts any official from": _UNCURED_LIMB,
    "The District will not collect or record data on the citizenship": _RECORDED_WHEN_ASKED,
    "Officers shall not ask about or record whether a person is a": _RECORDED_WHEN_ASKED,
}
SYNTHETIC_2_MISSES: dict[str, str] = {
    "Nothing in this section prohibits any official from sending to, or": _UNCURED_LIMB,
    "City officials shall not send a person's immigration status": _UNCURED_LIMB,
    "Department policy prohibits employees from sending to ICE": _UNCURED_LIMB,
    "Section 4. No City agency shall maintain, or exchange": _UNCURED_LIMB,
    "Records of the Office of New Americans are confidential": _OFFICE_RECORDS,
    "Except as provided in subsection (c), no County officer": (
        "a broad bar on disclosing 'any information about a person', with subsection (c) "
        "saving sending and receiving status: the lint reads the bar as cured for status, "
        "which the probe's writer did not (compliant for warning)"
    ),
}
KNOWN_PROBE_MISSES: dict[str, dict[str, str]] = {
    "synthetic-1": SYNTHETIC_1_MISSES,
    "synthetic-2": SYNTHETIC_2_MISSES,
}


def _probes() -> list:
    cases = []
    for path in sorted(PROBES.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            expected, _, text = line.partition(" | ")
            misses = KNOWN_PROBE_MISSES.get(path.stem, {})
            known = next((why for start, why in misses.items() if text.startswith(start)), "")
            marks = [pytest.mark.xfail(strict=True, reason=known)] if known else []
            cases.append(
                pytest.param(expected.strip(), text, id=f"{path.stem}:{number}", marks=marks)
            )
    return cases


@pytest.mark.parametrize(("expected", "text"), _probes())
def test_probe_verdict(expected: str, text: str):
    assert verdict(lint(parse_text(text))) == expected, text


def test_every_known_miss_names_a_probe():
    for stem, misses in KNOWN_PROBE_MISSES.items():
        texts = [p.values[1] for p in _probes() if p.id.startswith(f"{stem}:")]
        for start in misses:
            assert sum(t.startswith(start) for t in texts) == 1, (stem, start)
