"""Factories shared by the test suite: people, drafts and revisions, findings, library
editions, form data and sample texts, and documents (assembled, hand-built, or drawn by
Hypothesis). Tests import their helpers from here, never from another test module.

The document factories at the end are pure (no database), for the `unit` tests.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from functools import cache

from django.contrib.auth.models import Permission, User
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from lxml import etree

from clauses.models import Clause, Edition
from clauses.services import clause_version_create, edition_publish
from drafting.assembly import assemble
from drafting.document import Block, Document, Run, Section
from drafting.library import ClauseText, read_edition
from drafting.lint import Finding
from drafting.numbering import item_label, section_label
from drafting.spec import parse_spec
from ordinances import services
from ordinances.models import Draft, Revision
from organisations.models import Membership, Organisation
from tests.model_seed import MODEL_LOCALITY

# -- people ---------------------------------------------------------------------

PASSWORD = "a-long-test-password-42"


def make_member(organisation: Organisation, username: str, *, editor: bool = False) -> User:
    """A user of `organisation` (with `clauses.edit_library` when `editor`)."""
    user = User.objects.create_user(
        username, password=PASSWORD, first_name=username.title(), last_name="Tester"
    )
    Membership.objects.create(user=user, organisation=organisation)
    if editor:
        user.user_permissions.add(Permission.objects.get(codename="edit_library"))
    return user


# -- drafts and revisions --------------------------------------------------------


def spec_data(*, edition: str = "cpd-2017", **fields) -> dict:
    """Spec JSON for the CPD model in Springfield; `fields` (options, clauses, ...) on top."""
    return {"edition": edition, "locality": dict(MODEL_LOCALITY), "options": {}, **fields}


def make_draft(
    *, organisation: Organisation, author: User, title: str = "", message: str = "", **fields
) -> Draft:
    """A saved draft with its first revision, made by the service a view calls."""
    return services.draft_create(
        organisation=organisation,
        author=author,
        spec=parse_spec(spec_data(**fields)),
        title=title,
        message=message,
    )


def add_revision(draft: Draft, *, author: User, message: str = "", **fields) -> Revision:
    """The draft's next revision, on top of its latest."""
    latest = draft.latest_revision()
    return services.revision_create(
        draft=draft,
        spec=parse_spec(spec_data(**fields)),
        author=author,
        base=latest.number if latest else 0,
        message=message,
    )


# -- findings ---------------------------------------------------------------------


def status_sharing_error(**changes) -> Finding:
    """A § 1373 error of the kind that stops an export."""
    fields = dict(
        rule="1373-status-sharing",
        severity="error",
        message="Restricts sharing immigration status.",
        section="IX) PRIVACY",
        sentence="Fake sentence.",
        authority="8 U.S.C. § 1373(a)",
    )
    return Finding(**{**fields, **changes})


def fake_lint(*findings: Finding):
    """A lint function that finds exactly `findings` in any document."""

    def lint(document: Document) -> list[Finding]:
        return list(findings)

    return lint


# -- library versions and editions, as an editor makes them ---------------------

NCIC_OLD = "appear in the NCIC database."
NCIC_NEW = "appear in the NCIC database or any successor database."


def new_version(slug: str, author, *, organisation=None, old: str = "", new: str = "", **changes):
    """A new version of `slug` with `old` replaced by `new` in its text (and `changes`)."""
    clause = Clause.objects.get(slug=slug)
    base = clause.versions.visible_to(organisation).order_by("-number").first().content()
    changes.setdefault("body", base.body.replace(old, new) if old else base.body)
    content = replace(base, change_note=f"Test change to {slug}.", **changes)
    return clause_version_create(
        clause=clause, content=content, author=author, organisation=organisation
    )


def publish(slug: str, author, *, organisation=None, derived_from=None, versions=()) -> Edition:
    """An edition of the base edition's versions (default: the newest library edition),
    with `versions` (ClauseVersion rows) swapped in."""
    base = derived_from or Edition.objects.visible_to(None).newest_first().first()
    chosen = {v.clause.slug: v for v in base.versions()}
    chosen.update({v.clause.slug: v for v in versions})
    return edition_publish(
        name=f"Test edition {slug}",
        slug=slug,
        date=dt.date.today(),
        versions=chosen,
        author=author,
        organisation=organisation,
        derived_from=base,
    )


def ncic_edition(slug: str, author, *, organisation=None) -> Edition:
    """An edition whose NCIC clause also names "any successor database"."""
    version = new_version("ncic", author, organisation=organisation, old=NCIC_OLD, new=NCIC_NEW)
    return publish(slug, author, organisation=organisation, versions=[version])


# -- form data and texts -----------------------------------------------------------

# The wizard's locality step, filled in.
LOCALITY_FORM = {
    "name": "the City of Springfield",
    "type": "city",
    "state": "Illinois",
    "legislative_body": "City Council",
    "chief_law_enforcement_officer": "Chief of Police",
    "complaint_body": "Human Relations Commission",
    "commission_coordinator": "the Office of the Mayor",
    "reporting_officer": "",
    "effective_date": "",
    "ordinance_number": "",
    "languages": "English, Spanish",
    "numbering": "cpd",
    "act_title": "justice-and-equity",
    "include__purpose": "on",
    "include__definitions": "on",
}

# A real provision to check: San Francisco Administrative Code § 12H.2.
SAN_FRANCISCO = (
    "Sec. 12H.2. Use of City Funds Prohibited.\n"
    "No department, agency, commission, officer or employee of the City and County of San "
    "Francisco shall use any City funds or resources to assist in the enforcement of Federal "
    "immigration law or to gather or disseminate information regarding the immigration status "
    "of individuals in the City and County of San Francisco unless such assistance is required "
    "by Federal or State statute, regulation or court decision."
)


# -- documents (pure) ----------------------------------------------------------------

LOCALITY = {**MODEL_LOCALITY, "effective_date": "January 1, 2027"}


@cache
def library() -> list[ClauseText]:
    """Edition 1 (cpd-2017), the verbatim CPD model, from the library files (read once).
    The current edition's own text is tested in tests/drafting/test_council_text.py."""
    return read_edition("cpd-2017")


def model(options=None, *, drop=(), add=()) -> Document:
    """The CPD model ordinance, assembled, with clauses dropped or added."""
    lib = library()
    slugs = [c.slug for c in lib if c.model and c.slug not in drop] + list(add)
    spec = {"locality": LOCALITY, "options": options or {}, "clauses": slugs}
    return assemble(lib, parse_spec(spec))


def section(clause: str, heading: str, *texts: str) -> Section:
    """A section of `clause` with one keyed paragraph per text."""
    blocks = tuple(
        Block("paragraph", (Run(t),), clause=clause, key=f"{clause}:{i}")
        for i, t in enumerate(texts)
    )
    return Section(heading, blocks, clause=clause)


def document(*sections: Section) -> Document:
    """A document of `sections`, numbered as assembly numbers them."""
    return Document("Title", relabel(list(sections)))


# Pairs of documents for property tests: the second is the first with sections added,
# removed and moved, blocks added, removed and re-levelled, and words edited.

WORDS = (
    "the council shall not detain any person ICE warrant judicial criminal "
    "agency officer Springfield days (30) thirty § 1373 U.S.C. “Agent” means; "
    "report quarterly, — and or of upon request"
).split()
word = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzÉé’", min_size=1, max_size=8),
)
sentence = st.lists(word, min_size=1, max_size=14).map(" ".join)


def relabel(sections: list[Section], numbering: str = "cpd") -> tuple[Section, ...]:
    """Number sections and letter items by position, as assembly does."""
    out = []
    number = 0
    for section in sections:
        if section.clause.startswith("preamble"):
            num, label = "", ""
        else:
            number += 1
            num, label = section_label(numbering, number)
        counters = [0] * 5
        blocks = []
        for block in section.blocks:
            if block.kind == "item":
                counters[block.level] += 1
                counters[block.level + 1 :] = [0] * (4 - block.level)
                block = _replace(
                    block, label=item_label(numbering, block.level, counters[block.level])
                )
            blocks.append(block)
        out.append(
            Section(section.heading, tuple(blocks), num, label, section.clause, section.version)
        )
    return tuple(out)


def _replace(block: Block, **changes) -> Block:
    fields = {f: getattr(block, f) for f in ("kind", "runs", "level", "label", "clause", "key")}
    return Block(**{**fields, **changes})


@st.composite
def blocks_for(draw, clause: str, start: int = 0, max_size: int = 5) -> list[Block]:
    out = []
    for index in range(draw(st.integers(0, max_size))):
        level = draw(st.integers(0, 3))
        text = draw(sentence)
        if draw(st.booleans()) and level:
            term = draw(sentence)
            runs = (Run(f"“{term}”", "term"), Run(f" means {text}"))
        else:
            runs = (Run(text),)
        kind = "paragraph" if level == 0 else "item"
        key = f"{clause}#{start + index}" if clause else ""
        out.append(Block(kind, runs, level, "", clause, key))
    return out


@st.composite
def documents(draw) -> Document:
    """Mostly assembled-like documents (clause slugs, block keys); one in four
    is like a parsed outside document, with neither."""
    keyed = draw(st.integers(0, 3)) > 0
    sections = []
    for index in range(draw(st.integers(0, 6))):
        clause = f"clause-{index}" if keyed else ""
        heading = draw(sentence).upper()
        sections.append(Section(heading, tuple(draw(blocks_for(clause))), clause=clause))
    return Document(
        title=draw(sentence),
        sections=relabel(sections),
        locality="Springfield",
        enacting_clause=draw(st.sampled_from(["", "BE IT ORDAINED BY THE CITY COUNCIL:"])),
    )


@st.composite
def edit_text(draw, text: str) -> str:
    words = text.split(" ")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(words)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert":
            words.insert(at, draw(word))
        elif words and at < len(words):
            if action == "delete" and len(words) > 1:
                del words[at]
            else:
                words[at] = draw(word)
    return " ".join(words)


@st.composite
def edit_block(draw, block: Block) -> Block:
    if draw(st.integers(0, 3)):
        return block  # most blocks are untouched
    runs = tuple(Run(draw(edit_text(run.text)), run.style) for run in block.runs)
    level = draw(st.sampled_from([block.level, block.level, max(block.level, 1)]))
    kind = "paragraph" if level == 0 else "item"
    return _replace(block, runs=runs, level=level, kind=kind)


@st.composite
def edit_document(draw, old: Document) -> Document:
    sections = []
    for section in old.sections:
        if draw(st.integers(0, 5)) == 0:
            continue  # removed
        blocks = [draw(edit_block(b)) for b in section.blocks if draw(st.integers(0, 6))]
        added = draw(blocks_for(section.clause, start=100, max_size=2))
        for block in added:
            blocks.insert(draw(st.integers(0, len(blocks))), block)
        heading = section.heading
        if draw(st.integers(0, 4)) == 0:
            heading = draw(edit_text(heading))
        sections.append(Section(heading, tuple(blocks), clause=section.clause))
    keyed = not old.sections or bool(old.sections[0].clause)
    for index in range(draw(st.integers(0, 2))):
        clause = f"new-clause-{index}" if keyed else ""
        new = Section(draw(sentence).upper(), tuple(draw(blocks_for(clause))), clause=clause)
        sections.insert(draw(st.integers(0, len(sections))), new)
    if len(sections) > 1 and draw(st.booleans()):
        moved = sections.pop(draw(st.integers(0, len(sections) - 1)))
        sections.insert(draw(st.integers(0, len(sections))), moved)
    title = draw(edit_text(old.title)) if draw(st.booleans()) else old.title
    enacting = draw(st.sampled_from([old.enacting_clause, old.enacting_clause, ""]))
    return Document(title, relabel(sections), "Springfield", enacting_clause=enacting)


@st.composite
def document_pairs(draw) -> tuple[Document, Document]:
    old = draw(documents())
    return old, draw(edit_document(old))


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- Word comments, read back from a .docx with lxml ------------------------------

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W, NS = WORD_NS, {"w": WORD_NS}


def _docx_part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def anchored_text(data: bytes) -> dict[str, str]:
    """Comment id -> the document text between its range start and end (paragraphs
    joined by "\\n\\n", tabs of labels left out), walking the body in order."""
    body = _docx_part(data, "word/document.xml").find(f"{{{W}}}body")
    open_ids: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for paragraph_index, paragraph in enumerate(body.iter(f"{{{W}}}p")):
        if paragraph_index:
            for parts in open_ids.values():
                parts.append("\n\n")
        for element in paragraph.iter():
            if element.tag == f"{{{W}}}commentRangeStart":
                open_ids[element.get(f"{{{W}}}id")] = []
            elif element.tag == f"{{{W}}}commentRangeEnd":
                done[element.get(f"{{{W}}}id")] = "".join(open_ids.pop(element.get(f"{{{W}}}id")))
            elif element.tag == f"{{{W}}}t":
                for parts in open_ids.values():
                    parts.append(element.text or "")
    return done


def comments_by_id(data: bytes) -> dict[str, tuple[str, str, str]]:
    """Comment id -> (author, date, text with paragraphs joined by " | ")."""
    root = _docx_part(data, "word/comments.xml")
    return {
        c.get(f"{{{W}}}id"): (
            c.get(f"{{{W}}}author"),
            c.get(f"{{{W}}}date"),
            " | ".join("".join(p.itertext()) for p in c.findall("w:p", NS)),
        )
        for c in root.findall("w:comment", NS)
    }


def comment_parents(data: bytes) -> dict[str, str]:
    """Reply comment id -> the id of the comment it answers (commentsExtended.xml links
    the last paragraphs' w14:paraId)."""
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
    w15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
    by_para = {
        comment.findall("w:p", NS)[-1].get(w14): comment.get(f"{{{W}}}id")
        for comment in _docx_part(data, "word/comments.xml").findall("w:comment", NS)
    }
    return {
        by_para[entry.get(f"{w15}paraId")]: by_para[entry.get(f"{w15}paraIdParent")]
        for entry in _docx_part(data, "word/commentsExtended.xml").iter(f"{w15}commentEx")
        if entry.get(f"{w15}paraIdParent")
    }
