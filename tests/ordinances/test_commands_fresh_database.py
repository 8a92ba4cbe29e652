"""The command line on a fresh clone: an empty SQLite file, `migrate` never run.

A spec naming a library edition renders from the clause files; what needs the
database says what to run, as a one-line error, never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "springfield.json"
SETUP = "`make run` once, or `python manage.py migrate && python manage.py load_library`"
MIGRATE = "run `python manage.py migrate` first (or `make run`)"


@pytest.fixture
def manage(tmp_path):
    """Run manage.py against an empty database file of this test's own."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def _refused(result: subprocess.CompletedProcess) -> str:
    """The one-line error of a command that stopped cleanly."""
    assert (result.returncode, result.stdout) == (1, "")
    assert "Traceback" not in result.stderr
    return result.stderr.strip()


def test_render_reads_the_library_files_without_a_database(manage):
    result = manage("render", str(EXAMPLE))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("ORDINANCE NO. ____\nJustice and Equity Ordinance\n")
    assert "valid and properly issued judicial warrant" in result.stdout


def test_lint_reads_the_library_files_without_a_database(manage):
    result = manage("lint", str(EXAMPLE), "--format", "json")
    assert (result.returncode, result.stderr) == (0, "")
    assert '"rule": "1373-broad-restriction"' in result.stdout


def test_compare_a_spec_with_the_model_without_a_database(manage, tmp_path):
    target = tmp_path / "compare.html"
    result = manage("compare", "model", str(EXAMPLE), "-o", str(target))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1] == f"Wrote {target}"
    assert "Warrant standard: judicial criminal warrant → judicial warrant" in result.stdout
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_compare_a_revision_says_what_to_run(manage, tmp_path):
    result = manage("compare", "12.3", str(EXAMPLE), "-o", str(tmp_path / "x.html"))
    assert _refused(result) == (
        "CommandError: '12.3' names a saved revision, which lives in the database, and this "
        f"database has no tables yet: run {SETUP}. (A spec file needs no database.)"
    )


def test_render_a_house_edition_says_what_to_run(manage, tmp_path):
    spec = tmp_path / "house.json"
    data = json.loads(EXAMPLE.read_text())
    spec.write_text(json.dumps({**data, "edition": "springfield-house"}))
    assert _refused(manage("render", str(spec))) == (
        "CommandError: The database holds no clause library, and the library files have no "
        "edition 'springfield-house' (a house edition lives only in the database): "
        f"run {SETUP}."
    )


@pytest.mark.parametrize(
    ("args", "table"),
    [
        (("load_library",), "clauses_clause"),
        (("setup_demo",), "ordinances_organisation"),
        (("export_org", "springfield-council"), "ordinances_organisation"),
    ],
)
def test_commands_that_write_the_database_say_migrate_first(manage, args, table):
    assert _refused(manage(*args)) == (
        f"CommandError: The database is not set up (no such table: {table}): {MIGRATE}."
    )


def test_export_edition_says_what_to_run(manage, tmp_path):
    assert _refused(manage("export_edition", "cpd-2017", str(tmp_path / "out"))) == (
        f"CommandError: The database is not set up (no such table: clauses_edition): run {SETUP}."
    )


def test_render_after_migrate_before_load_library_reads_the_files(manage):
    assert manage("migrate", "--noinput").returncode == 0
    result = manage("render", str(EXAMPLE))
    assert (result.returncode, result.stderr) == (0, "")
    assert "every six months" in result.stdout
