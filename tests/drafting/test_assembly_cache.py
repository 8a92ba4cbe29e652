"""Each clause's rendered blocks are remembered by what they read: never a stale render."""

from dataclasses import replace

from drafting import assembly
from drafting.assembly import assemble
from drafting.spec import parse_spec
from tests.drafting.test_every_option import EVERY_CLAUSE, LIBRARY, LOCALITY, _alternatives


def _specs():
    for param in _alternatives():
        base, choice = param.values
        for numbering in ("cpd", "section"):
            yield parse_spec(
                {
                    "locality": LOCALITY,
                    "clauses": EVERY_CLAUSE,
                    "options": {**base, **choice},
                    "numbering": numbering,
                }
            )
    # Locality values that clauses read, and clauses left out (letters and references move).
    yield parse_spec({"locality": {**LOCALITY, "name": "Cook County", "type": "county"}})
    yield parse_spec({"locality": {**LOCALITY, "complaint_body": "Office of the Ombudsman"}})
    yield parse_spec({"locality": LOCALITY, "clauses": [c for c in EVERY_CLAUSE if c != "no-287g"]})


def test_every_option_assembles_the_same_with_the_clause_cache_warm_or_cold():
    specs = list(_specs())
    warm = [assemble(LIBRARY, spec) for spec in specs]  # each one after all before it
    for spec, expected in zip(specs, warm, strict=True):
        assembly._rendered_blocks.clear()
        assert assemble(LIBRARY, spec) == expected


def test_a_changed_clause_text_under_the_same_version_is_rendered_again():
    spec = parse_spec({"locality": LOCALITY, "clauses": EVERY_CLAUSE})
    before = assemble(LIBRARY, spec)
    severability = next(c for c in LIBRARY if c.slug == "severability")
    changed = replace(severability, body=severability.body.replace("If any", "Should any", 1))
    assert changed.version == severability.version and changed.body != severability.body
    library = [changed if c.slug == "severability" else c for c in LIBRARY]
    after = assemble(library, spec)
    text = " ".join(b.text for b in after.sections[-1].blocks if b.clause == "severability")
    assert before != after
    assert "Should any" in " ".join(b.text for s in after.sections for b in s.blocks), text


def test_cached_blocks_are_fresh_objects_each_time():
    """Assembly changes raw blocks in place (list punctuation): the cache hands out copies."""
    spec = parse_spec({"locality": LOCALITY, "clauses": EVERY_CLAUSE})
    first = assemble(LIBRARY, spec)
    assert assemble(LIBRARY, spec) == first
    assert assemble(LIBRARY, spec) == first
