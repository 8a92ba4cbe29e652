"""The CPU budget: tick() raises once the innermost budget is spent, never outside one."""

import pytest

from drafting import budget
from drafting.budget import BudgetExceeded, tick, time_budget


def test_budget_tick_outside_a_budget_does_nothing():
    tick()


def test_budget_spent_raises_with_the_limit(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(budget, "clock", lambda: now[0])
    with time_budget(2.0):
        tick()
        now[0] = 102.5
        with pytest.raises(BudgetExceeded, match="stopped after 2 s of CPU time"):
            tick()


def test_budget_nested_never_extends_the_outer(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(budget, "clock", lambda: now[0])
    with time_budget(1.0), time_budget(60.0):
        now[0] = 101.5
        with pytest.raises(BudgetExceeded, match="after 1 s"):
            tick()
