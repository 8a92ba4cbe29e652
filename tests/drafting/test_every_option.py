"""Every choice of every option in the library produces its own text."""

import pytest

from drafting.assembly import assemble
from drafting.library import read_library
from drafting.render.text import render_text
from drafting.spec import parse_spec
from tests.model_seed import MODEL_LOCALITY

LIBRARY = read_library()
EVERY_CLAUSE = [c.slug for c in LIBRARY]
LOCALITY = {**MODEL_LOCALITY, "effective_date": "January 1, 2027"}


def _text(options: dict) -> str:
    spec = parse_spec({"locality": LOCALITY, "clauses": EVERY_CLAUSE, "options": options})
    return render_text(assemble(LIBRARY, spec))


def _alternatives():
    for clause in LIBRARY:
        for option in clause.options:
            base = {}
            for key, value in option.applies_when.items():
                controlling = next(o for c in LIBRARY for o in c.options if o.key == key)
                base[key] = [value] if controlling.type == "multi" else value
            if option.type == "number":
                bump = option.default + 1
                if option.max is not None and bump > option.max:
                    bump = option.default - 1
                yield pytest.param(base, {option.key: bump}, id=f"{option.key}={bump}")
            elif option.type == "multi":
                for choice in option.choices:
                    yield pytest.param(
                        base, {option.key: [choice.value]}, id=f"{option.key}={choice.value}"
                    )
            else:
                for choice in option.choices:
                    if choice.value != option.default:
                        yield pytest.param(
                            base, {option.key: choice.value}, id=f"{option.key}={choice.value}"
                        )


@pytest.mark.parametrize(("base", "choice"), list(_alternatives()))
def test_every_non_default_choice_changes_the_text(base, choice):
    assert _text({**base, **choice}) != _text(base)
