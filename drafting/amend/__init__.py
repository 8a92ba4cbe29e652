"""Amending existing law: gap analysis against the model, the amending ordinance. Pure.

    existing.py     the law a draft amends and the decision on each section (spec `existing`)
    consolidate.py  the plan (what becomes of each section) and the chapter as amended
    ordinance.py    the amending ordinance as data: instructions, struck and inserted text
    gap.py          existing sections aligned with the model's clauses; the gap analysis

Nothing is imported here, so `drafting.spec` can read `existing` without a cycle.
"""
