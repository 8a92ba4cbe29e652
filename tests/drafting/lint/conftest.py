"""Print the lint's measures on the real corpus after the run (see test_real_corpus.py)."""

from __future__ import annotations

from tests.drafting.lint.support import REPORT


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    lines = config.stash.get(REPORT, [])
    if lines:
        terminalreporter.section("compliance lint on the real corpus")
        for line in lines:
            terminalreporter.write_line(line)
