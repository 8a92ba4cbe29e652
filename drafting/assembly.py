"""Assembly: clause versions + a draft spec -> the document IR. Pure.

    >>> from drafting.spec import parse_spec
    >>> clause = ClauseText("severability", "Severability", "reporting", 1400, "section",
    ...                     "If any part is held invalid, the rest binds {{ locality }}.",
    ...                     heading="SEVERABILITY")
    >>> spec = parse_spec({"locality": {"name": "the City of Springfield", "type": "city",
    ...                                 "state": "Illinois", "legislative_body": "City Council"}})
    >>> doc = assemble([clause], spec)
    >>> doc.enacting_clause
    'BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:'
    >>> doc.sections[0].title, doc.sections[0].blocks[0].text
    ('I) SEVERABILITY', 'If any part is held invalid, the rest binds the City of Springfield.')

Steps: resolve option values (defaults filled, each checked); decide which
clauses are in; number the sections; render each clause's Jinja text with the
locality and options; split it into blocks and label them; render again the
few clauses whose text names other items (`refs`), now that labels are known;
keep only the definitions some included text uses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2 import meta as jinja_meta
from jinja2 import nodes
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from drafting.budget import BudgetExceeded, tick, time_budget
from drafting.document import Block, Document, Run, Section
from drafting.edits import apply_words, section_key_problems
from drafting.grammar import (
    Instrument,
    LocalityName,
    Title,
    count_words,
    count_words_digits,
    days_notice,
    enacting_formula,
    most_spoken,
    plural,
    unstop,
)
from drafting.library import ClauseText, Option, included_slugs
from drafting.numbering import (
    NumberWords,
    item_label,
    refs_phrase,
    section_label,
    subsections_phrase,
)
from drafting.spec import LOCALITY_FIELDS, DraftSpec, Locality, SpecError

LOCALITY_VARIABLES = {
    "locality": "name",
    "locality_type": "type",
    "state": "state",
    "legislative_body": "legislative_body",
    "chief_law_enforcement_officer": "chief_law_enforcement_officer",
    "complaint_body": "complaint_body",
    "commission_coordinator": "commission_coordinator",
    "reporting_officer": "reporting_officer",
    "effective_date": "effective_date",
    "languages": "languages",
    "instrument": "instrument",
    "executive": "executive",
}
_HELPERS = {"refs", "subsections", "includes"}
# Locality values a clause may use without the drafter filling them in.
_OPTIONAL = {"languages", "instrument"}
# Locality values that name an office or body: templates may ask for `.the`.
_TITLES = {
    "legislative_body",
    "chief_law_enforcement_officer",
    "complaint_body",
    "commission_coordinator",
    "reporting_officer",
    "executive",
}


class AssemblyError(SpecError):
    """The spec cannot be assembled against these clauses (field -> message)."""


@dataclass(frozen=True)
class ChoiceValue:
    """A chosen option: prints as its text, compares by `.value` in templates."""

    value: str
    text: str
    label: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class MultiValue:
    values: tuple[str, ...]
    texts: tuple[str, ...]
    labels: tuple[str, ...] = field(default=())

    def __contains__(self, value: object) -> bool:
        return value in self.values

    def __bool__(self) -> bool:
        return bool(self.values)

    def __str__(self) -> str:
        return " ".join(self.texts)


# -- the template environment -------------------------------------------------


def _capfirst(value: Any) -> str:
    text = str(value)
    return text[:1].upper() + text[1:]


_COMMONWEALTHS = {"Kentucky", "Massachusetts", "Pennsylvania", "Virginia"}


def _official_state(value: Any) -> str:
    """ "Illinois" -> "State of Illinois"; "Virginia" -> "Commonwealth of Virginia"."""
    text = str(value)
    if re.match(r"(the )?(State|Commonwealth|Territory) of ", text, re.I):
        return re.sub(r"^the ", "", text, flags=re.I)
    kind = "Commonwealth" if text in _COMMONWEALTHS else "State"
    return f"{kind} of {text}"


def _after_the(value: Any) -> str:
    text = str(value)
    return text[4:] if text.lower().startswith("the ") else text


# -- the template sandbox, with a budget -----------------------------------------

RENDER_SECONDS = 2.0  # CPU time one clause text may take to fill in
MAX_RENDER_CHARS = 1_000_000  # what one clause text may produce (or build on the way)
MAX_TEMPLATE_NUMBER = 1_000_000  # the largest number a filter may be given
_FORMAT_WIDTH = re.compile(r"%[-#0 +]*(\d{6,})")


class TemplateTooCostly(SecurityError):
    """A clause text would take too long or grow too large to fill in."""


def _too_costly(what: str) -> TemplateTooCostly:
    return TemplateTooCostly(
        f"The text {what}: a loop, repetition or calculation in it is far larger than any "
        "ordinance needs. Make it smaller."
    )


def _bounded_iter(iterable: Any) -> Any:
    """A `{% for %}` loop's items, checking the budget as they go."""
    for count, item in enumerate(iterable):
        if not count & 255:
            tick()
        yield item


def _bounded_filter(function: Any, *, numbers: bool) -> Any:
    """`function` checking the budget and its result's size; with `numbers`, refusing
    numbers past MAX_TEMPLATE_NUMBER (Jinja's own filters: widths, counts)."""

    @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
    def bounded(*args: Any, **kwargs: Any) -> Any:
        tick()
        for value in (*args, *kwargs.values()) if numbers else ():
            if isinstance(value, int) and abs(value) > MAX_TEMPLATE_NUMBER:
                raise _too_costly(f"gives a filter the number {value}")
        result = function(*args, **kwargs)
        if isinstance(result, str) and len(result) > MAX_RENDER_CHARS:
            raise _too_costly("makes a value too long")
        return result

    return bounded


class _BoundedEnvironment(SandboxedEnvironment):
    """The sandbox, plus bounds on time (every loop ticks the budget), on repetition
    ("x" * n, 9 ** 9 ** 9, "%0999999d") and on filters' sizes. Pure."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        tick()
        problem = _binop_problem(operator, left, right)
        if problem:
            raise _too_costly(problem)
        result = super().call_binop(context, operator, left, right)
        if hasattr(result, "__len__") and len(result) > MAX_RENDER_CHARS:
            raise _too_costly("makes a value too long")
        return result

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        tick()
        return super().call(__context, __obj, *args, **kwargs)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse, then route every `{% for %}` loop's items through `_bounded_iter`."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.Name("_bounded_iter", "load"), [loop.iter], [], None, None)
        return tree


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _binop_problem(operator: str, left: Any, right: Any) -> str:
    """Why `left operator right` would be too costly to compute ("" if it would not)."""
    if operator == "**" and _number(left) and _number(right) and abs(left) > 1 and abs(right) > 64:
        return f"raises {left} to the power {right}"
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if (
                hasattr(seq, "__len__")
                and isinstance(times, int)
                and len(seq) * times > MAX_RENDER_CHARS
            ):
                return "repeats something too many times"
    if operator == "%" and isinstance(left, str):
        widths = _FORMAT_WIDTH.findall(left)
        if any(int(width) > MAX_RENDER_CHARS for width in widths):
            return "pads a value too wide"
    return ""


def render_bounded(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Fill in a clause text within RENDER_SECONDS of CPU and MAX_RENDER_CHARS of output.

    Raises TemplateTooCostly (a jinja2 SecurityError) with a message for the editor.
    """
    out: list[str] = []
    size = 0
    try:
        with time_budget(RENDER_SECONDS):
            for chunk in template.generate(context):
                size += len(chunk)
                if size > MAX_RENDER_CHARS:
                    raise _too_costly(f"fills in to more than {MAX_RENDER_CHARS:,} characters")
                tick()
                out.append(chunk)
    except BudgetExceeded:
        raise _too_costly(f"takes more than {RENDER_SECONDS:g} s to fill in") from None
    except RecursionError:
        raise _too_costly("calls itself without end") from None
    except OverflowError:
        raise _too_costly("computes a number too large") from None
    return "".join(out)


@functools.cache
def _environment() -> SandboxedEnvironment:
    env = _BoundedEnvironment(
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        # "{#key}" marks an item's key in clause text, so Jinja comments move aside.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        words=NumberWords.words,
        words_digits=NumberWords.words_digits,
        capfirst=_capfirst,
        the=_after_the,
        official_state=_official_state,
        plural=plural,
        count_words=count_words,
        count_words_digits=count_words_digits,
        days_notice=days_notice,
        most_spoken=most_spoken,
        unstop=unstop,
    )
    env.filters = {
        name: _bounded_filter(f, numbers=f is JINJA_FILTERS.get(name))
        for name, f in env.filters.items()
    }
    env.globals["_bounded_iter"] = _bounded_iter
    return env


@functools.lru_cache(maxsize=1024)
def _template(source: str) -> jinja2.Template:
    return _environment().from_string(source)


@functools.lru_cache(maxsize=1024)
def template_names(source: str) -> frozenset[str]:
    """The variable names a clause text (or choice text) uses."""
    env = _environment()
    return frozenset(jinja_meta.find_undeclared_variables(env.parse(source))) - {"_bounded_iter"}


# -- options ------------------------------------------------------------------


def edition_options(clauses: Sequence[ClauseText]) -> dict[str, tuple[ClauseText, Option]]:
    options: dict[str, tuple[ClauseText, Option]] = {}
    for clause in clauses:
        for option in clause.options:
            if option.key in options:
                other = options[option.key][0].slug
                raise AssemblyError(
                    {f"options.{option.key}": f"defined by both {other} and {clause.slug}"}
                )
            options[option.key] = (clause, option)
    return options


def option_value_problem(option: Option, value: Any) -> str | None:
    """Why `value` is not acceptable for `option`, or None."""
    values = [c.value for c in option.choices]
    if option.type == "choice" and value not in values:
        return f"{option.label}: choose one of {', '.join(values)}."
    if option.type == "multi" and (
        not isinstance(value, list) or not all(v in values for v in value)
    ):
        return f"{option.label}: choose any of {', '.join(values)}."
    if option.type == "number":
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{option.label}: must be a whole number."
        if option.min is not None and value < option.min:
            return f"{option.label}: must be at least {option.min}."
        if option.max is not None and value > option.max:
            return f"{option.label}: must be at most {option.max}."
    return None


def resolve_options(clauses: Sequence[ClauseText], chosen: dict[str, Any]) -> dict[str, Any]:
    """Every option's effective value (chosen, else default), each checked."""
    options = edition_options(clauses)
    problems = {
        f"options.{key}": "No such option in this edition." for key in chosen if key not in options
    }
    resolved: dict[str, Any] = {}
    for key, (_clause, option) in options.items():
        value = option.effective(chosen.get(key))
        problem = option_value_problem(option, value)
        if problem:
            problems[f"options.{key}"] = problem
        resolved[key] = value
    if problems:
        raise AssemblyError(problems)
    return resolved


def _option_context(
    clauses: Sequence[ClauseText], values: dict[str, Any], base: dict[str, Any]
) -> dict[str, Any]:
    """Template names for every option. Choice texts may use locality and number options."""
    options = edition_options(clauses)
    numbers = {key: values[key] for key, (_c, o) in options.items() if o.type == "number"}
    inline = {**base, **numbers}
    context: dict[str, Any] = dict(numbers)
    for key, (_clause, option) in options.items():
        value = values[key]
        if option.type == "choice":
            choice = option.choice(value)
            context[key] = ChoiceValue(value, _render_inline(choice.text, inline), choice.label)
        elif option.type == "multi":
            picked = [c for c in option.choices if c.value in value]
            context[key] = MultiValue(
                tuple(c.value for c in picked),
                tuple(_render_inline(c.text, inline) for c in picked),
                tuple(c.label for c in picked),
            )
    return context


def _render_inline(source: str, context: dict[str, Any]) -> str:
    if "{" not in source:
        return source
    return render_bounded(_template(source), context).strip()


# -- inclusion and the section skeleton ---------------------------------------


def included_clauses(clauses: Sequence[ClauseText], spec: DraftSpec) -> list[ClauseText]:
    if spec.clauses is not None:
        known = {c.slug for c in clauses}
        unknown = [slug for slug in spec.clauses if slug not in known]
        if unknown:
            raise AssemblyError({"clauses": f"No such clause(s): {', '.join(unknown)}."})
    wanted = included_slugs(clauses, spec.clauses)
    return sorted((c for c in clauses if c.slug in wanted), key=lambda c: (c.order, c.slug))


def _clause_names(
    clause: ClauseText, options: dict[str, tuple[ClauseText, Option]], values: dict[str, Any]
) -> set[str]:
    """The template names a clause uses with the chosen options (its chosen texts included)."""
    names = set(template_names(clause.body))
    for key in names & set(options):
        option = options[key][1]
        chosen = values[key] if option.type == "multi" else [values[key]]
        for choice in option.choices:
            if choice.value in chosen:
                names |= template_names(choice.text)
    return names


def locality_needs(
    included: Sequence[ClauseText], clauses: Sequence[ClauseText], values: dict[str, Any]
) -> dict[str, str]:
    """Locality fields the included clauses (with the chosen options) name: field -> the
    first clause's title. The wizard marks them required; assembly refuses them blank."""
    options = edition_options(clauses)
    needs: dict[str, str] = {}
    for clause in included:
        for name in sorted(_clause_names(clause, options, values)):
            attribute = LOCALITY_VARIABLES.get(name)
            if attribute and attribute not in _OPTIONAL:
                needs.setdefault(attribute, clause.title)
    return needs


def _missing_locality(
    included: Sequence[ClauseText],
    clauses: Sequence[ClauseText],
    values: dict[str, Any],
    locality: Locality,
) -> dict[str, str]:
    """Locality fields an included clause (with the chosen options) needs but are blank."""
    problems: dict[str, str] = {
        f"locality.{attribute}": (
            f"{LOCALITY_FIELDS[attribute]} is required: the clause “{title}” names it."
        )
        for attribute, title in locality_needs(included, clauses, values).items()
        if not getattr(locality, attribute)
    }
    options = edition_options(clauses)
    for clause in included:
        names = _clause_names(clause, options, values)
        unknown = names - set(LOCALITY_VARIABLES) - set(options) - _HELPERS
        if unknown:
            problems[f"clauses.{clause.slug}"] = (
                f"The clause text uses unknown name(s): {', '.join(sorted(unknown))}."
            )
    return problems


# -- text to blocks -----------------------------------------------------------

_MARKER = re.compile(r"^(?P<indent> *)(?P<marker>[-*]) (?:\{#(?P<key>[\w-]+)\}\s*)?(?P<text>.*)$")
_TERM = re.compile(r"^(“[^”]+”)(.*)$", re.S)


@dataclass
class _RawBlock:
    kind: str
    level: int
    text: str
    key: str


def split_blocks(text: str) -> list[_RawBlock]:
    """Rendered clause text -> raw blocks (see library/README.md, "Text")."""
    blocks = []
    for chunk in re.split(r"\n[ \t]*\n", text.strip("\n")):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        match = _MARKER.match(lines[0])
        rest = " ".join(line.strip() for line in lines[1:])
        if match:
            level = len(match["indent"]) // 2 + 1
            kind = "item" if match["marker"] == "-" else "bullet"
            body = " ".join(filter(None, [match["text"].strip(), rest]))
            blocks.append(_RawBlock(kind, level, body, match["key"] or ""))
        else:
            body = " ".join(filter(None, [lines[0].strip(), rest]))
            blocks.append(_RawBlock("paragraph", 0, body, ""))
    return blocks


def _runs(text: str, *, definition: bool) -> tuple[Run, ...]:
    text = " ".join(text.split())
    if definition:
        match = _TERM.match(text)
        if match:
            runs = [Run(match[1], "term")]
            if match[2]:
                runs.append(Run(match[2]))
            return tuple(runs)
    return (Run(text),)


@dataclass
class _SectionDraft:
    clause: ClauseText
    number: str
    label: str
    heading: str
    parts: list[tuple[ClauseText, list[_RawBlock]]] = field(default_factory=list)


def _label_section(draft: _SectionDraft, numbering: str) -> tuple[list[Block], dict[str, str]]:
    """Label a section's blocks; return them and the labels `refs()` can name.

    Those are each clause's first item (by slug) and each keyed item ("slug#key").
    """
    counters = [0] * 8
    blocks: list[Block] = []
    first_item: dict[str, str] = {}
    for clause, raw_blocks in draft.parts:
        for index, raw in enumerate(raw_blocks):
            label = ""
            if raw.kind == "item":
                counters[raw.level] += 1
                for deeper in range(raw.level + 1, len(counters)):
                    counters[deeper] = 0
                label = item_label(numbering, raw.level, counters[raw.level])
                if raw.level == 1:
                    first_item.setdefault(clause.slug, label)
                    if raw.key:
                        first_item[f"{clause.slug}#{raw.key}"] = label
            elif raw.kind == "bullet":
                label = "–"
            if raw.key:
                key = f"{clause.slug}#{raw.key}"
            elif clause.kind == "subsection" and index == 0:
                key = clause.slug
            else:
                key = f"{clause.slug}:{index + 1}"
            blocks.append(
                Block(
                    kind=raw.kind,
                    runs=_runs(raw.text, definition=clause.kind == "definitions"),
                    level=raw.level,
                    label=label,
                    clause=clause.slug,
                    key=key,
                )
            )
    return blocks, first_item


# -- definitions --------------------------------------------------------------


def _used_terms(definitions: ClauseText, blocks: list[_RawBlock], texts: list[str]) -> set[str]:
    """Terms used by the included text, and by the definitions those pull in."""
    patterns = {
        key: re.compile("|".join(rf"\b(?:{p})\b" for p in pats), re.I)
        for key, pats in definitions.terms.items()
    }
    definition_text = {raw.key: raw.text for raw in blocks if raw.key}
    haystack = "\n".join(texts)
    used = {key for key, pattern in patterns.items() if pattern.search(haystack)}
    frontier = set(used)
    while frontier:
        text = "\n".join(definition_text.get(key, "") for key in frontier)
        found = {k for k, p in patterns.items() if k not in used and p.search(text)}
        used |= found
        frontier = found
    return used


# -- assemble -----------------------------------------------------------------


def assemble(clauses: Sequence[ClauseText], spec: DraftSpec) -> Document:
    """Assemble the ordinance that `spec` describes from these clause versions.

    `clauses` is one version of every clause in the spec's edition (included
    or not: an excluded clause's options still have defaults). Raises
    AssemblyError naming every field that must change. A spec that amends
    existing law (`spec.existing`) is the chapter as amended (drafting.amend).
    """
    if spec.existing is not None:
        from drafting.amend.consolidate import consolidate  # it assembles model clauses

        return consolidate(clauses, spec)
    values = resolve_options(clauses, spec.options)
    included = included_clauses(clauses, spec)
    problems = _missing_locality(included, clauses, values, spec.locality)
    if problems:
        raise AssemblyError(problems)

    locality = spec.locality
    base = locality_context(locality)
    included_set = frozenset(c.slug for c in included)
    context = {
        **base,
        **_option_context(clauses, values, base),
        "includes": lambda slug: slug in included_set,
    }
    letters: dict[str, str] = {}
    parents: dict[str, str] = {c.slug: c.parent for c in included if c.kind == "subsection"}

    def named(targets: Sequence[str]) -> list[str]:
        return [letters[t] for t in targets if t in letters]

    def refs(*targets: str, cap: bool = False) -> str:
        phrase = refs_phrase(spec.numbering, named(targets))
        return _capfirst(phrase) if cap else phrase

    def subsections(*targets: str, cap: bool = False) -> str:
        phrase = subsections_phrase(spec.numbering, named(targets))
        return _capfirst(phrase) if cap else phrase

    helpers = {"refs": refs, "subsections": subsections}

    def render(clause: ClauseText) -> list[_RawBlock]:
        key = _render_key(clause.body, context, base, locality, included_set, letters, spec)
        template = _template(clause.body)
        return _rendered(key, lambda: render_bounded(template, {**context, **helpers}))

    title = ""
    sections: list[_SectionDraft] = []
    by_parent: dict[str, _SectionDraft] = {}
    number = 0
    for clause in included:
        if clause.kind == "title":
            title = " ".join(render_bounded(_template(clause.body), context).split())
            continue
        if clause.kind == "subsection":
            by_parent[clause.parent].parts.append((clause, render(clause)))
            continue
        if clause.kind == "preamble":
            num, label = "", ""
        else:
            number += 1
            num, label = section_label(spec.numbering, number)
        draft = _SectionDraft(clause, num, label, _render_inline(clause.heading, context))
        draft.parts.append((clause, render(clause)))
        sections.append(draft)
        by_parent[clause.slug] = draft

    for draft in sections:
        _, first = _label_section(draft, spec.numbering)
        letters.update(
            {
                target: letter
                for target, letter in first.items()
                if target in parents or "#" in target
            }
        )
    for draft in sections:
        draft.parts = [
            (clause, render(clause) if _names_items(clause.body) else raw)
            for clause, raw in draft.parts
        ]

    _prune_definitions(sections)
    _punctuate_lists(sections)
    enacting = enacting_clause(locality)
    if _place_after_recitals(sections, enacting):
        enacting = ""
    document = Document(
        title=title,
        sections=tuple(_finish(draft, spec.numbering) for draft in sections),
        locality=base["locality"].formal,
        ordinance_number=locality.ordinance_number,
        number_label=base["instrument"].number_label,
        enacting_clause=enacting,
        numbering=spec.numbering,
        clause_versions={c.slug: c.version for c in included},
    )
    return with_own_words(document, spec)


# A clause's rendered blocks, by its text and the values of the names it reads (see
# `_render_key`): an answer re-renders only the clauses that read what it changed.
_RENDERED_SIZE = 4096
_rendered_blocks: dict[tuple, tuple[tuple[str, int, str, str], ...]] = {}


def _render_key(
    body: str,
    context: dict[str, Any],
    base: dict[str, Any],
    locality: Locality,
    included: frozenset[str],
    letters: dict[str, str],
    spec: DraftSpec,
) -> tuple | None:
    """What a clause's rendering depends on: its text, and for each name the text reads,
    that name's value. Locality names stand for the whole locality (they are made
    from it), `includes` for the included clauses, `refs` and `subsections` for the
    numbering and the item letters known so far. Option values (ChoiceValue with
    its rendered text, MultiValue, numbers) are their own keys. None: not cacheable.

    >>> from drafting.spec import parse_spec
    >>> spec = parse_spec({"locality": {"name": "Springfield", "type": "city",
    ...                    "state": "Illinois", "legislative_body": "City Council"}})
    >>> key = _render_key("{{ x }} {{ locality }}", {"x": 1}, {"locality": "L"},
    ...                   spec.locality, frozenset(), {}, spec)
    >>> key == _render_key("{{ x }} {{ locality }}", {"x": 1}, {"locality": "L"},
    ...                    spec.locality, frozenset(), {}, spec)
    True
    >>> key == _render_key("{{ x }} {{ locality }}", {"x": 2}, {"locality": "L"},
    ...                    spec.locality, frozenset(), {}, spec)
    False
    """
    parts: list[Any] = [body]
    for name in sorted(template_names(body)):
        if name in ("refs", "subsections"):
            parts.append((name, spec.numbering, tuple(sorted(letters.items()))))
        elif name == "includes":
            parts.append((name, included))
        elif name in base and context.get(name) is base[name]:
            parts.append(("locality", locality))
        elif name in context:
            parts.append((name, context[name]))
        else:
            parts.append((name, None))
    key = tuple(parts)
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _rendered(key: tuple | None, render: Any) -> list[_RawBlock]:
    """`split_blocks(render())`, remembered by `key` (fresh blocks each time: assembly
    changes them in place)."""
    cached = _rendered_blocks.get(key) if key is not None else None
    if cached is None:
        cached = tuple((b.kind, b.level, b.text, b.key) for b in split_blocks(render()))
        if key is not None:
            if len(_rendered_blocks) >= _RENDERED_SIZE:
                _rendered_blocks.clear()
            _rendered_blocks[key] = cached
    return [_RawBlock(*block) for block in cached]


def with_own_words(document: Document, spec: DraftSpec) -> Document:
    """The draft's own edits and sections over the library text (drafting.edits); an
    edit that no longer matches leaves its clause as the library has it."""
    problems = section_key_problems(document, spec.words)
    if problems:
        raise AssemblyError(problems)
    return apply_words(document, spec.words).document


def _names_items(body: str) -> bool:
    return "refs(" in body or "subsections(" in body


def locality_context(locality: Locality) -> dict[str, Any]:
    """The locality's template names: the place and offices as grammar objects.

    Each prints as typed (older clause versions place their own articles); the
    current edition asks for `.the`, `.short`, `.of` ... (see drafting/grammar.py).
    """
    base: dict[str, Any] = {}
    for name, attr in LOCALITY_VARIABLES.items():
        value = getattr(locality, attr)
        if attr == "languages":
            value = list(value)
        elif attr in _TITLES:
            value = Title(value)
        base[name] = value
    base["locality"] = LocalityName.parse(locality.name, locality.type)
    base["instrument"] = Instrument.parse(locality.instrument)
    return base


def _prune_definitions(sections: list[_SectionDraft]) -> None:
    for draft in sections:
        if draft.clause.kind != "definitions":
            continue
        clause, raw_blocks = draft.parts[0]
        texts = [
            raw.text
            for other in sections
            if other is not draft
            for _c, blocks in other.parts
            for raw in blocks
        ]
        used = _used_terms(clause, raw_blocks, texts)
        kept = [
            raw
            for raw in raw_blocks
            if not raw.key or raw.key not in clause.terms or raw.key in used
        ]
        draft.parts[0] = (clause, kept)


_SENTENCE_BREAK = re.compile(r"[.;]\s+[A-Z]")


def _punctuate_lists(sections: list[_SectionDraft]) -> None:
    """Keep a section's run-in list ("shall not: A. ...; B. ...; C. ....") punctuated
    when clauses are left out or added: the last item ends with a full stop, and a
    one-sentence item before it with a semicolon. Items of several sentences (CPD
    §II.E) keep their own ending, as the model has them.
    """
    for draft in sections:
        own = draft.parts[0][1]
        if not own or not own[-1].text.endswith(":"):
            continue
        items = [blocks[0] for clause, blocks in draft.parts[1:] if blocks]
        for index, item in enumerate(items):
            last = index == len(items) - 1
            if last and item.text.endswith(";"):
                item.text = item.text[:-1] + "."
            elif not last and item.text.endswith(".") and not _SENTENCE_BREAK.search(item.text):
                item.text = item.text[:-1] + ";"


def _place_after_recitals(sections: list[_SectionDraft], enacting: str) -> bool:
    """Recitals ("WHEREAS, ...") come before the enacting clause, as ordinances are
    written: "NOW, THEREFORE, BE IT ORDAINED ..." closes the last recital section.
    Returns whether it did (the heading block then carries no enacting clause).
    """
    recitals = [
        draft
        for draft in sections
        if draft.clause.kind == "preamble"
        and draft.parts[0][1]
        and all(raw.text.startswith("WHEREAS") for raw in draft.parts[0][1])
    ]
    if not recitals:
        return False
    clause, blocks = recitals[-1].parts[0]
    blocks.append(_RawBlock("paragraph", 0, f"NOW, THEREFORE, {enacting}", "enacting-clause"))
    return True


def _finish(draft: _SectionDraft, numbering: str) -> Section:
    blocks, _ = _label_section(draft, numbering)
    heading = draft.heading if numbering == "cpd" else heading_case(draft.heading)
    return Section(
        heading=heading,
        blocks=tuple(blocks),
        number=draft.number,
        label=draft.label,
        clause=draft.clause.slug,
        version=draft.clause.version,
    )


_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
}  # fmt: skip


def heading_case(heading: str) -> str:
    """CPD capitals to title case for "Section 1." numbering.

    >>> heading_case("ACCESS TO REPRESENTATION IN IMMIGRATION PROCEEDINGS")
    'Access to Representation in Immigration Proceedings'
    """
    words = re.split(r"([ —–/-])", heading.lower())
    out = []
    for index, word in enumerate(words):
        if index and word in _SMALL_WORDS:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return "".join(out)


def enacting_clause(locality: Locality) -> str:
    """ "BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:", or the
    instrument's own formula (see `drafting.grammar.enacting_formula`)."""
    return enacting_formula(
        Instrument.parse(locality.instrument),
        LocalityName.parse(locality.name, locality.type),
        Title(locality.legislative_body),
        executive=Title(locality.executive),
        chief=Title(locality.chief_law_enforcement_officer),
    )
