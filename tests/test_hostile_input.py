"""Hostile input is harmless: random specs and text through every stage of the pure core,
random and damaged uploads, and a script payload in every field that reaches a page.

Property-based with Hypothesis; each test's example count is small enough that the
set runs in well under a minute. `pytest -s` prints how many examples each tried.
"""

from __future__ import annotations

import collections
import datetime as dt
import io
import json
import zipfile
from html.parser import HTMLParser

import docx
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from drafting.assembly import assemble, edition_options
from drafting.diff import accept_all, diff_documents, document_texts, reject_all
from drafting.library import read_library
from drafting.lint import Finding, lint
from drafting.parse import UploadError, parse_docx, parse_text
from drafting.render.docx import ExportMeta, render_docx
from drafting.render.html import render_html
from drafting.render.pdf import print_html, render_pdf
from drafting.render.text import render_text
from drafting.spec import LOCALITY_TYPES, SpecError, parse_spec
from exports import services as export_services
from ordinances import services
from ordinances.forms import MAX_SPEC_BYTES
from ordinances.models import Draft
from ordinances.views.check import _marks
from tests.factories import LOCALITY_FORM
from tests.model_seed import MODEL_LOCALITY
from tests.urlwalk import World, build_world, project_routes, urls_for

LIBRARY = read_library()
OPTIONS = edition_options(LIBRARY)
SLUGS = [clause.slug for clause in LIBRARY]
MODEL = assemble(LIBRARY, parse_spec({"locality": MODEL_LOCALITY}))
META_DATE = dt.date(2026, 11, 22)
EXAMPLES: collections.Counter = collections.Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_examples():
    yield
    if EXAMPLES:
        counts = ", ".join(f"{name} {count}" for name, count in sorted(EXAMPLES.items()))
        print(f"\nHypothesis examples: {counts}; {sum(EXAMPLES.values())} in all")


# -- strategies -------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea></p>",
    "&amp; & &#60;",
    "{{ 7*7 }}",
    "{% if true %}x{% endif %}",
    "{# comment #}",
    "[LOCALITY]",
    "]]><![CDATA[",
    "\\ ' \" `",
    "مدينة שלום",
    "🏛️🌎",
    "\u202e\u2066",
    "\x00\x0b\x1f",
    "\ufeff\u200b",
    "\n\t ",
    "Z" * 200,  # a locality field's limit
    "Y" * 201,
]
_text = st.one_of(
    st.text(max_size=30),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=4).map("".join),
)
# Text a form would accept: printable, hostile (markup, template syntax, scripts).
_printable = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf")), min_size=1, max_size=30),
    st.sampled_from([h for h in HOSTILE if h.isprintable() and len(h) <= 200]),
)
_LOCALITY_TEXT = [key for key in MODEL_LOCALITY if key not in ("type", "languages")]


def _valid_locality():
    fields = {key: st.one_of(st.just(MODEL_LOCALITY[key]), _printable) for key in _LOCALITY_TEXT}
    fields["type"] = st.sampled_from(LOCALITY_TYPES)
    optional = {
        "effective_date": _printable,
        "ordinance_number": _printable,
        "languages": st.lists(_printable, max_size=4),
    }
    return st.fixed_dictionaries(fields, optional=optional)


def _valid_value(option):
    values = [choice.value for choice in option.choices]
    if option.type == "choice" and values:
        return st.sampled_from(values)
    if option.type == "multi" and values:
        return st.lists(st.sampled_from(values), unique=True)
    return st.integers(option.min or 0, option.max or 1000)


_valid_options = st.fixed_dictionaries(
    {}, optional={key: _valid_value(option) for key, (_c, option) in OPTIONS.items()}
)
_VALID_SPEC = st.fixed_dictionaries(
    {
        "edition": st.just("cpd-2017"),
        "numbering": st.sampled_from(["cpd", "section"]),
        "locality": _valid_locality(),
        "options": _valid_options,
        "clauses": st.one_of(st.none(), st.lists(st.sampled_from(SLUGS), unique=True)),
    }
)
_garbage = st.one_of(st.none(), st.booleans(), st.integers(), _text, st.lists(_text, max_size=2))
# One thing wrong: any text in a locality field, a wrong option value, type or key, an
# unknown numbering or clause.
_CORRUPTION = st.one_of(
    st.tuples(st.just("locality"), st.sampled_from([*_LOCALITY_TEXT, "type", "languages"]), _text),
    st.tuples(st.just("locality"), st.sampled_from(["name", "languages"]), _garbage),
    st.tuples(st.just("options"), st.sampled_from([*OPTIONS, "no_such_option"]), _garbage),
    st.tuples(st.just("numbering"), st.none(), st.sampled_from(["roman", "", 3])),
    st.tuples(st.just("clauses"), st.none(), st.just(["title", "no-such-clause"])),
)


def _corrupt(spec: dict, corruption: tuple) -> dict:
    part, key, value = corruption
    spec = dict(spec)
    if key is None:
        spec[part] = value
    else:
        spec[part] = {**spec[part], key: value}
    return spec


SPECS = st.one_of(_VALID_SPEC, _VALID_SPEC, st.builds(_corrupt, _VALID_SPEC, _CORRUPTION))


# -- checks -----------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.handlers += [name for name, _value in attrs if name.startswith("on")]


_FLAGGED = parse_text("A. Officers shall not share information regarding immigration status.")
BASELINE_TAGS = (
    _Tags(render_html(MODEL)).tags
    | _Tags(render_html(_FLAGGED, marks=_marks(lint(_FLAGGED)))).tags
    | _Tags(print_html(MODEL, ExportMeta.for_document(MODEL, revision=1))).tags
)


def assert_safe_html(html: str) -> None:
    """Only the renderer's own tags, no event handlers: no markup came from the input."""
    parsed = _Tags(html)
    assert parsed.tags - BASELINE_TAGS == set()
    assert (parsed.handlers, "<script" in html.lower()) == ([], False)


def _assemble_or_refusal(data):
    """The document, or None after checking the refusal names fields in words."""
    try:
        return assemble(LIBRARY, parse_spec(data))
    except SpecError as error:
        assert error.problems
        assert all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in error.problems.items()
        )
        return None


def _meta(document):
    return ExportMeta.for_document(
        document, author=document.locality, revision=3, revision_date=META_DATE
    )


def _check_lint(document):
    blocks = {block.key: block for _section, block in document.blocks()}
    findings = lint(document)
    for finding in findings:
        assert finding.severity in ("error", "warning", "info")
        if finding.block:
            assert blocks[finding.block].text[finding.start : finding.end] == finding.sentence
    return findings


# -- random specs through assemble → HTML/.docx → lint → diff ----------------------


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SPECS)
def test_random_specs_assemble_render_lint_and_diff_or_are_refused(data):
    document = _assemble_or_refusal(data)
    if document is None:
        EXAMPLES["spec refused with field messages"] += 1
        return
    EXAMPLES["spec → assemble/HTML/.docx/lint/diff"] += 1
    assert_safe_html(render_html(document))
    assert_safe_html(print_html(document, _meta(document)))
    opened = docx.Document(io.BytesIO(render_docx(document, _meta(document))))
    assert opened.paragraphs[0].text != "" or len(opened.paragraphs) > 1
    _check_lint(document)
    diff = diff_documents(MODEL, document)
    assert accept_all(diff) == document_texts(document)
    assert reject_all(diff) == document_texts(MODEL)


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(_VALID_SPEC)
def test_random_specs_render_a_readable_pdf(data):
    document = _assemble_or_refusal(data)
    assume(document is not None)
    EXAMPLES["spec → PDF"] += 1
    pdf = render_pdf(document, _meta(document))
    assert pdf.startswith(b"%PDF-")
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    # pypdf spaces some fonts' text (an emoji's) with NULs when it extracts it
    assert "ORDINANCE NO." in first_page.replace("\x00", "")


def test_template_syntax_in_a_locality_is_text_not_template():
    name = "the City of {{ 7*7 }} {% if true %}X{% endif %}"
    text = render_text(
        assemble(LIBRARY, parse_spec({"locality": {**MODEL_LOCALITY, "name": name}}))
    )
    assert "City of {{ 7*7 }} {% if true %}X{% endif %}" in text
    assert "City of 49" not in text


# -- random text through the outside-document parser -------------------------------

_PIECES = st.sampled_from(
    [*HOSTILE, "Sec. 2.", "II)", "A.", "(1)", "a)", "– ", "WHEREAS,", "\n\n", "shall not share"]
)
_OUTSIDE_TEXT = st.one_of(st.text(), st.lists(st.one_of(_PIECES, st.text(max_size=8))).map("".join))


@settings(max_examples=200, deadline=None)
@given(_OUTSIDE_TEXT)
def test_random_text_parses_renders_with_marks_lints_and_diffs(text):
    EXAMPLES["text → parse/HTML/lint/diff"] += 1
    document = parse_text(text)
    findings = _check_lint(document)
    assert_safe_html(render_html(document, marks=_marks(findings)))
    diff = diff_documents(document, MODEL)
    assert (accept_all(diff), reject_all(diff)) == (document_texts(MODEL), document_texts(document))


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SMALL_DOCX = _docx_bytes("Sec. 1. PRIVACY\nA. Officers shall not share immigration status.")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_as_an_upload_are_refused_in_words(data):
    EXAMPLES["bytes → parse_docx"] += 1
    with pytest.raises(UploadError) as refusal:
        parse_docx(data)
    assert str(refusal.value).endswith((".", ")"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SMALL_DOCX) - 1), st.integers(0, 255)), max_size=8))
def test_damaged_docx_is_read_or_refused_in_words(flips):
    EXAMPLES["damaged .docx → parse_docx"] += 1
    data = bytearray(SMALL_DOCX)
    for position, value in flips:
        data[position] = value
    try:
        document = parse_docx(bytes(data))
    except UploadError as refusal:
        assert str(refusal)
        return
    assert_safe_html(render_html(document, marks=_marks(_check_lint(document))))


def test_docx_with_a_damaged_compressed_member_is_refused_in_words():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document>" + "word " * 2000 + "</w:document>")
    data = bytearray(buffer.getvalue())
    start = 30 + len("word/document.xml")  # the compressed data follows the local header
    data[start + 20 : start + 40] = b"\xff" * 20
    with pytest.raises(UploadError, match="The .docx file is damaged and cannot be opened"):
        parse_docx(bytes(data))


# -- uploads through the web ------------------------------------------------------


@pytest.mark.django_db
def test_spec_upload_over_the_limit_gets_a_clear_error(client_for, drafter, library):
    upload = io.BytesIO(b" " * (MAX_SPEC_BYTES + 1))
    upload.name = "spec.json"
    response = client_for(drafter).post(reverse("ordinances:draft_upload"), {"spec_file": upload})
    assert "The file is 256 KB; a spec is at most 256 KB." in response.content.decode()
    assert Draft.objects.count() == 0


@pytest.mark.django_db
def test_spec_upload_with_markup_and_wrong_types_is_refused_by_field(client_for, drafter, library):
    spec = {"locality": {"name": ["<script>"], "type": "<b>", "state": 7}, "options": "x"}
    upload = io.BytesIO(json.dumps(spec).encode())
    upload.name = "spec.json"
    response = client_for(drafter).post(reverse("ordinances:draft_upload"), {"spec_file": upload})
    page = response.content.decode()
    assert "locality.name: Locality name must be text." in page
    assert "<script>" not in page and "<b>" not in page
    assert Draft.objects.count() == 0


@pytest.mark.django_db
def test_docx_with_an_external_entity_is_refused_without_reading_the_file(
    client_for, drafter, tmp_path
):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", body)
    buffer.seek(0)
    buffer.name = "xxe.docx"
    response = client_for(drafter).post(reverse("ordinances:check"), {"upload": buffer})
    page = response.content.decode()
    assert response.status_code == 400
    assert "it was refused for safety (external entities)" in page
    assert "TOP SECRET" not in page


@pytest.mark.django_db
def test_docx_over_the_size_limit_is_refused_before_it_is_parsed(client_for, drafter, monkeypatch):
    from ordinances.views import check as check_views

    def must_not_parse(data):
        raise AssertionError("an oversized upload was parsed")

    monkeypatch.setattr(check_views, "parse_docx", must_not_parse)
    upload = io.BytesIO(b"PK\x03\x04" + b"\0" * check_views.MAX_UPLOAD_BYTES)
    upload.name = "big.docx"
    response = client_for(drafter).post(reverse("ordinances:check"), {"upload": upload})
    assert response.status_code == 400
    assert "The file is 5.0 MB; the limit is 5 MB." in response.content.decode()


@pytest.mark.django_db
def test_zip_bomb_upload_is_refused_with_the_reason(client_for, drafter):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"\0" * (30 * 1024 * 1024))
    buffer.seek(0)
    buffer.name = "bomb.docx"
    response = client_for(drafter).post(reverse("ordinances:check"), {"upload": buffer})
    assert response.status_code == 400
    assert "compressed suspiciously well (a possible “zip bomb”)" in response.content.decode()


# -- a script payload in every user-text field, on every page ----------------------

PAYLOAD = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _fake_1373_error(document):
    return [
        Finding(
            rule="1373-status-sharing",
            severity="error",
            message=f"Restricts sharing {PAYLOAD}",
            section="IX) PRIVACY",
            sentence=PAYLOAD,
            authority="8 U.S.C. § 1373(a)",
        )
    ]


@pytest.fixture
def hostile_world(library, office, other_office, model_spec_data) -> World:
    """A draft whose every user-text field carries the payload, typed in through the pages."""
    world = build_world(office, other_office, model_spec_data)
    world.member.first_name, world.member.last_name = PAYLOAD, PAYLOAD
    world.member.save()
    client = world.client("member")
    client.post(reverse("ordinances:draft_new"))
    draft = Draft.objects.latest("pk")
    locality = {
        key: (f"{value} {PAYLOAD}" if key not in ("type", "numbering", "act_title") else value)
        for key, value in LOCALITY_FORM.items()
        if not key.startswith("include__")
    }
    locality.update({"effective_date": PAYLOAD, "ordinance_number": PAYLOAD})
    wizard = reverse("ordinances:wizard", args=[draft.pk, "locality"])
    response = client.post(wizard, {**locality, "nav": "save", "message": PAYLOAD})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.post(wizard, {**locality, "languages": f"English, {PAYLOAD}", "nav": "save"})
    client.post(reverse("ordinances:draft_rename", args=[draft.pk]), {"title": PAYLOAD})
    client.get(reverse("ordinances:wizard", args=[draft.pk, "review"]))  # unsaved workspace
    world.draft = Draft.objects.get(pk=draft.pk)
    assert world.draft.revisions.count() == 2
    _bring_back_a_hostile_review(client, world.draft)
    return world


def _bring_back_a_hostile_review(client, draft) -> None:
    """A reviewed file whose author, inserted text and comments carry the payload."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from exports.services import KINDS, export_bytes
    from tests.fixtures.review.word_style import WordFile

    word = WordFile(export_bytes(draft.latest_revision(), KINDS["docx"]))
    word.replace("on a quarterly basis", PAYLOAD, author=PAYLOAD)
    word.comment("within 45 days", PAYLOAD, author=PAYLOAD, replies=((PAYLOAD, PAYLOAD),))
    upload = SimpleUploadedFile("reviewed.docx", word.save())
    response = client.post(reverse("ordinances:review_upload", args=[draft.pk]), {"upload": upload})
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.django_db
def test_script_payload_in_every_field_reaches_no_page_unescaped(hostile_world, monkeypatch):
    world = hostile_world
    client = world.client("member")
    draft = world.draft
    monkeypatch.setattr(export_services, "lint_for_export", _fake_1373_error)
    anyway = reverse("exports:export_anyway", args=[draft.pk, 2, "docx"])
    client.post(anyway, {"reason": PAYLOAD})
    pages = {}
    for route in project_routes():
        for url, _names_draft in urls_for(route, world):
            persona = "superuser" if route.route.startswith("admin/") else "member"
            response = world.client(persona).get(url)
            if response.get("Content-Type", "").startswith("text/html"):
                pages[url] = response.content.decode()
    check = client.post(
        reverse("ordinances:check"), {"text": f"Sec. 1. {PAYLOAD}", "state": PAYLOAD}
    )
    pages["POST /check/"] = check.content.decode()
    preview = reverse("ordinances:wizard_preview", args=[draft.pk])
    pages["POST preview"] = client.post(
        preview, {"_step": "locality", "name": PAYLOAD}
    ).content.decode()
    gate = reverse("exports:download", args=[draft.pk, 1, "pdf"])
    pages["gate"] = client.get(gate).content.decode()
    unescaped = sorted(url for url, html in pages.items() if PAYLOAD in html)
    showing = [url for url, html in pages.items() if ESCAPED in html]
    print(f"\n{len(pages)} pages checked; {len(showing)} show the payload, escaped")
    assert unescaped == []
    assert len(showing) >= 20
    for url in ["POST /check/", "POST preview", "gate", f"/audit/?draft={draft.pk}"]:
        assert ESCAPED in pages[url], url
    revision = reverse("ordinances:revision_detail", args=[draft.pk, 1])
    assert f"by {ESCAPED} {ESCAPED}: “{ESCAPED}”" in pages[revision]
    compliance = reverse("exports:compliance", args=[draft.pk, 2])
    assert f"— “{ESCAPED}”" in pages[compliance]


@pytest.mark.django_db
def test_script_payload_in_the_spec_survives_into_exports_as_text(hostile_world):
    revision = hostile_world.draft.revisions.get(number=2)
    document = services.document_for_spec(revision.draft_spec())
    assert PAYLOAD in render_text(document)
    assert_safe_html(print_html(document, _meta(document)))
    opened = docx.Document(io.BytesIO(render_docx(document, _meta(document))))
    assert any(PAYLOAD in p.text for p in opened.paragraphs)
