"""`manage.py lint --state XX` on a text file or a spec, with any state."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from tests.factories import spec_data

DETAINERS = (
    "Section 1. Detainers.\nThe County shall not hold any person on an ICE detainer request."
)


def _lint(capsys, *args) -> tuple[int, list[dict]]:
    code = 0
    try:
        call_command("lint", *args, "--format", "json")
    except SystemExit as stopped:
        code = stopped.code
    return code, json.loads(capsys.readouterr().out)


def _state(findings) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for f in findings if f["rule"].startswith("state-")]


@pytest.mark.django_db
def test_text_file_in_a_preempting_state_exits_1_with_the_state_error(tmp_path, capsys):
    path = tmp_path / "detainers.txt"
    path.write_text(DETAINERS)
    code, findings = _lint(capsys, str(path), "--state", "TX")
    assert code == 1
    assert _state(findings) == [("state-tx", "info"), ("state-tx-detainers", "error")]
    error = findings[[f["rule"] for f in findings].index("state-tx-detainers")]
    assert error["sentence"] == "The County shall not hold any person on an ICE detainer request."
    assert "https://capitol.texas.gov/tlodocs/85R/billtext/html/SB00004S.htm" in error["authority"]
    assert error["message"].endswith("Verify with counsel.")


@pytest.mark.django_db
def test_text_file_in_a_floor_state_and_a_none_found_state(tmp_path, capsys):
    path = tmp_path / "detainers.txt"
    path.write_text(DETAINERS)
    assert _state(_lint(capsys, str(path), "--state", "ca")[1]) == [
        ("state-ca", "info"),
        ("state-ca-detainers", "info"),
    ]
    assert _state(_lint(capsys, str(path), "--state", "Alaska")[1]) == [("state-ak", "info")]


@pytest.mark.django_db
def test_a_spec_takes_its_own_state_unless_one_is_given(library, tmp_path, capsys):
    path = tmp_path / "spec.json"
    data = spec_data()
    data["locality"]["state"] = "Texas"
    path.write_text(json.dumps(data))
    code, findings = _lint(capsys, str(path))
    assert code == 1
    assert ("state-tx-detainers", "error") in _state(findings)
    code, findings = _lint(capsys, str(path), "--state", "Wash.")
    assert _state(findings)[:2] == [("state-wa", "info"), ("state-wa-287g", "info")]
