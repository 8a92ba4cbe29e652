import re

from drafting.lint import lint
from drafting.lint.state_notes import StateNotes, load_notes
from tests.drafting.lint.support import doc

TEXT = "Section 1. The County shall not hold any person on an ICE detainer request."


def _state_findings(state):
    return [f for f in lint(doc(TEXT), state=state) if f.rule.startswith("state-")]


def test_state_note_for_california_by_name_or_postal_code():
    for state in ("California", "CA", "calif."):
        [finding] = _state_findings(state)
        assert finding.rule == "state-california-sb54"
        assert finding.severity == "info"
        assert "2017-01-24" in finding.message and "Verify with counsel" in finding.message


def test_colorado_note_says_as_it_then_stood():
    [finding] = _state_findings("Colorado")
    assert "as it then stood" in finding.message
    assert "NIPNLG" in finding.authority


def test_no_state_no_state_notes():
    assert _state_findings(None) == []
    assert _state_findings("") == []


def test_state_without_a_note_gets_a_verify_note():
    [finding] = _state_findings("Texas")
    assert finding.rule == "state-no-note"
    assert "verify with counsel" in finding.message


def test_every_note_is_dated_cited_and_sends_to_counsel():
    for note in load_notes():
        assert re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", note.as_of), note.key
        assert note.source and note.title and note.recorded
        assert "counsel" in note.note.lower(), note.key


def test_state_notes_rule_takes_notes_as_data():
    note = load_notes()[0]
    findings = list(StateNotes(note.state, notes=(note,)).check(doc(TEXT)))
    assert [f.rule for f in findings] == [f"state-{note.key}"]
