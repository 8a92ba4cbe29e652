"""The check page and `manage.py lint` give the same findings on every real-corpus document."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from drafting.lint import verdict
from tests.drafting.lint.support import real_cases

CASES = real_cases()


def _key(rule, severity, section, sentence, limb):
    return (rule, severity, section, sentence, limb)


def _command(path) -> list[dict]:
    out = io.StringIO()
    try:
        call_command("lint", str(path), "--format", "json", stdout=out)
    except SystemExit as stopped:  # exit status 1 when there is an error finding
        assert stopped.code == 1
    return json.loads(out.getvalue())


@pytest.mark.one_database  # 647 documents, about six minutes a run: once is enough
@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_page_and_lint_command_agree(case, client_for, drafter, tmp_path):
    path = tmp_path / f"{case.name}.txt"
    path.write_text(case.text, encoding="utf-8")
    command = _command(path)

    response = client_for(drafter).post(reverse("ordinances:check"), {"text": case.text})
    assert response.status_code == 200
    page = [finding for _, finding in response.context["findings"]]

    assert sorted(_key(f.rule, f.severity, f.section, f.sentence, f.limb) for f in page) == sorted(
        _key(d["rule"], d["severity"], d["section"], d["sentence"], d["limb"]) for d in command
    )
    assert response.context["verdict"] == verdict(page)
    page_text = response.content.decode()
    for finding in page:
        if finding.limb:
            assert finding.limb in page_text
