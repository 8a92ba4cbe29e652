"""A CPU budget for work on untrusted input: a deadline that long loops check. Pure.

Python cannot interrupt a running function from outside without signals (main
thread only) or a subprocess, so the loops that grow with the input call
`tick()`, which raises `BudgetExceeded` once the thread has used more CPU
time than the innermost `time_budget` allows. Outside any budget `tick()`
costs one context-variable lookup and does nothing.

    >>> with time_budget(5.0):
    ...     tick()          # well within five seconds of CPU
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[float | None] = ContextVar("drafting_budget_deadline", default=None)


class BudgetExceeded(Exception):
    """The work took more CPU time than its budget allows."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"stopped after {seconds:g} s of CPU time")
        self.seconds = seconds


_LIMIT: ContextVar[float] = ContextVar("drafting_budget_seconds", default=0.0)


def clock() -> float:
    """CPU time of this thread: what the budget counts (other requests do not)."""
    return time.thread_time()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Within the block, `tick()` raises `BudgetExceeded` after `seconds` of CPU time.

    A nested budget never extends an outer one.
    """
    deadline = clock() + seconds
    outer = _DEADLINE.get()
    if outer is not None and outer < deadline:
        deadline, seconds = outer, _LIMIT.get()
    token, limit_token = _DEADLINE.set(deadline), _LIMIT.set(seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)
        _LIMIT.reset(limit_token)


def tick() -> None:
    """Raise `BudgetExceeded` if the current budget is spent."""
    deadline = _DEADLINE.get()
    if deadline is not None and clock() > deadline:
        raise BudgetExceeded(_LIMIT.get())
