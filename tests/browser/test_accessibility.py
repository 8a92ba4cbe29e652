"""WCAG 2.1 AA in a real browser: axe-core (from the npm registry, served to the page by
the test) on every page a signed-in drafter can reach; keyboard-only drafting; 320 px."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import SAN_FRANCISCO, make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def axe(page):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test`, which installs axe-core with npm ci.")
    page.add_init_script(path=str(AXE))

    def audit(label: str) -> list[str]:
        page.wait_for_load_state()  # a click's navigation may still be loading
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
        )
        return [
            f"{label}: {v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return audit


@pytest.fixture
def drafts(signed_in, model_spec_data):
    """Two revisions of a draft, for the revision, compare and review pages."""
    from django.contrib.auth.models import User

    from drafting.spec import parse_spec
    from ordinances import services

    user = User.objects.get(username="newcomer")
    draft = make_draft(organisation=user.membership.organisation, author=user)
    changed = {**model_spec_data, "options": {"warrant_standard": "judicial"}}
    services.revision_create(draft=draft, spec=parse_spec(changed), author=user, base=1)
    return draft


STEPS = ["locality", "detainers", "jail", "information", "policing", "victims", "reporting"]


def test_sign_in_page_has_no_serious_violations(page, live_server, axe):
    page.goto(f"{live_server.url}/accounts/login/")
    problems = axe("sign-in")
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#login-error")).to_be_visible()
    problems += axe("sign-in with error")
    assert problems == []


def test_every_drafter_page_has_no_serious_violations(signed_in, drafts, axe):
    page, base = signed_in
    draft = drafts.pk
    pages = {
        "drafts list": "/",
        "new draft": "/drafts/new/",
        "draft": f"/drafts/{draft}/",
        "revision": f"/drafts/{draft}/r/2/",
        "compare two revisions": f"/compare/?old={draft}.1&new={draft}.2",
        "compare with the model": f"/compare/?old=model&new={draft}.2",
        "compliance report": f"/drafts/{draft}/r/1/compliance/",
        "public summary (English)": f"/drafts/{draft}/r/2/summary/",
        "public summary (Spanish)": f"/drafts/{draft}/r/2/summary/?lang=es",
        "check an ordinance": "/check/",
        "library": "/library/",
        "library clause": "/library/clauses/detainers/",
        "library model": "/library/model/",
        "state law": "/library/state-law/",
        "state law: Texas": "/library/state-law/tx/",
        **{f"wizard: {step}": f"/drafts/{draft}/edit/{step}/" for step in STEPS},
        "wizard: review with lint findings": f"/drafts/{draft}/edit/review/",
    }
    problems = []
    for label, path in pages.items():
        assert page.goto(base + path).status == 200, label
        problems += axe(label)
    assert problems == [], "\n".join(problems)


def test_wizard_with_errors_and_live_preview_have_no_serious_violations(signed_in, drafts, axe):
    page, base = signed_in
    page.goto(f"{base}/drafts/{drafts.pk}/edit/locality/")
    page.get_by_label("State").fill("")
    page.get_by_label("Locality name").fill("x" * 250)
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#error-summary")).to_be_visible()
    problems = axe("wizard: locality with errors")
    page.goto(f"{base}/drafts/{drafts.pk}/edit/detainers/")
    page.get_by_role("radio", name=re.compile("^Categorical prohibition")).check()
    expect(page.locator("#preview-body")).to_contain_text("or administrative warrant. Any such")
    problems += axe("wizard: live preview updated")
    page.get_by_role("checkbox", name=re.compile("^Prior serious or violent felony")).check()
    page.get_by_label("Years since the conviction within which the carve-out applies").fill("99")
    page.get_by_role("button", name="Next").click()
    page.goto(f"{base}/drafts/{drafts.pk}/edit/detainers/")
    expect(page.locator("#error-summary")).to_be_visible()
    problems += axe("wizard: detainers with errors")
    page.goto(f"{base}/check/")
    page.get_by_label("Paste the ordinance text").fill(SAN_FRANCISCO)
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator("mark.finding-mark-error")).to_be_visible()
    problems += axe("check an ordinance with findings")
    assert problems == [], "\n".join(problems)


def test_pages_fit_320_pixels_without_horizontal_scrolling(signed_in, drafts):
    page, base = signed_in
    page.set_viewport_size({"width": 320, "height": 800})
    wide = []
    for path in ["/", f"/drafts/{drafts.pk}/", f"/drafts/{drafts.pk}/edit/detainers/",
                 f"/drafts/{drafts.pk}/r/1/", "/check/", "/library/"]:  # fmt: skip
        page.goto(base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append(f"{path}: {width}px")
    assert wide == []


def test_audit_editions_upgrade_and_editor_pages_have_no_serious_violations(signed_in, drafts, axe):
    from django.contrib.auth.models import Permission, User

    page, base = signed_in
    draft = drafts.pk
    pages = {
        "audit trail": "/audit/",
        "draft audit trail": f"/audit/?draft={draft}",
        "editions": "/library/editions/",
        "edition": "/library/editions/cpd-2026-forms/",
        "clause versions compared": "/library/clauses/definitions/compare/",
        "upgrade": f"/drafts/{draft}/upgrade/",
    }
    problems = []
    for label, path in pages.items():
        assert page.goto(base + path).status == 200, label
        problems += axe(label)
    editor = User.objects.get(username="newcomer")
    editor.user_permissions.add(Permission.objects.get(codename="edit_library"))
    for label, path in {
        "clause editor": "/library/clauses/ncic/edit/",
        "new edition": "/library/editions/new/",
    }.items():
        assert page.goto(base + path).status == 200, label
        problems += axe(label)
    assert problems == [], "\n".join(problems)


def test_bring_back_a_reviewed_file_pages_have_no_serious_violations(signed_in, drafts, axe):
    from django.contrib.auth.models import User

    from exports.services import KINDS, export_bytes
    from ordinances.reviews import review_import
    from tests.fixtures.review.word_style import WordFile

    page, base = signed_in
    word = WordFile(export_bytes(drafts.latest_revision(), KINDS["docx"]))
    word.replace("on a quarterly basis", "every month", author="City Attorney")
    word.comment("within 45 days", "Can we do 30?", author="Police Chief",
                 replies=(("City Attorney", "Yes."),))  # fmt: skip
    word.header_insert(" (DRAFT)", author="City Attorney")
    imported = review_import(
        draft=drafts, data=word.save(), file_name="reviewed.docx",
        user=User.objects.get(username="newcomer"),
    )  # fmt: skip
    problems = []
    for label, path in {
        "bring back a reviewed file": f"/drafts/{drafts.pk}/reviews/",
        "proposed changes": f"/drafts/{drafts.pk}/reviews/{imported.pk}/",
    }.items():
        assert page.goto(base + path).status == 200, label
        problems += axe(label)
    page.goto(f"{base}/drafts/{drafts.pk}/reviews/")
    page.get_by_role("button", name="Read the file").click()
    problems += axe("bring back a reviewed file, with an error")
    assert problems == [], "\n".join(problems)


def test_comment_and_review_link_pages_have_no_serious_violations(signed_in, drafts, axe, browser):
    from django.contrib.auth.models import User

    from ordinances import comments, review_links

    page, base = signed_in
    draft = drafts.pk
    user = User.objects.get(username="newcomer")
    revision = drafts.latest_revision()
    comments.open_thread(
        revision=revision,
        clause_key="detainers",
        quote="judicial warrant",
        body="Is this the standard we want?",
        author_name="Newcomer Tester",
        user=user,
    )
    live = review_links.create_link(
        revision=revision, user=user, label="Police chief", can_comment=True
    )
    gone = review_links.create_link(
        revision=revision, user=user, label="Advocates", can_comment=False
    )
    review_links.revoke_link(link=gone.link, user=user)
    problems = []
    for label, path in {
        "draft with comments and review links": f"/drafts/{draft}/",
        "revision with comments": f"/drafts/{draft}/r/2/",
        "wizard: text step with open comments": f"/drafts/{draft}/edit/text/",
    }.items():
        assert page.goto(base + path).status == 200, label
        problems += axe(label)
    page.goto(f"{base}/drafts/{draft}/r/2/")
    page.get_by_role("button", name="Create review link").click()  # no label: errors
    expect(page.locator("#new-review-link .invalid-feedback").first).to_be_visible()
    problems += axe("revision with review link form errors")
    page.get_by_label("For whom").fill("City Attorney's Office")
    page.get_by_role("button", name="Create review link").click()
    expect(page.get_by_label("The link")).to_be_visible()
    problems += axe("review link created")

    reviewer = browser.new_context().new_page()
    reviewer.add_init_script(path=str(AXE))

    def audit(label: str) -> list[str]:
        reviewer.wait_for_load_state()
        result = reviewer.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
        )
        return [
            f"{label}: {v['id']} ({v['impact']}): {v['help']}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    assert reviewer.goto(f"{base}/review/{live.token}/").status == 200
    problems += audit("review link page")
    reviewer.locator("#comment-form").get_by_role("button", name="Add comment").click()
    expect(reviewer.locator("#comment-form .invalid-feedback").first).to_be_visible()
    problems += audit("review link page with errors")
    reviewer.set_viewport_size({"width": 320, "height": 800})
    assert reviewer.evaluate("document.documentElement.scrollWidth") <= 320
    assert reviewer.goto(f"{base}/review/{gone.token}/").status == 410
    problems += audit("revoked review link")
    reviewer.context.close()
    assert problems == [], "\n".join(problems)


def test_public_summary_switches_language_and_stays_accessible(signed_in, axe):
    """The outreach page of a current-edition draft: English, then Spanish by its link."""
    from django.contrib.auth.models import User

    from drafting.spec import CURRENT_EDITION

    page, base = signed_in
    user = User.objects.get(username="newcomer")
    draft = make_draft(
        organisation=user.membership.organisation, author=user, edition=CURRENT_EDITION
    )
    page.goto(f"{base}/drafts/{draft.pk}/r/1/summary/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What this ordinance does")
    problems = axe("public summary, current edition (English)")
    page.get_by_role("link", name="Leer en español").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lo que hace esta ordenanza")
    expect(page.locator("article.public-summary")).to_have_attribute("lang", "es")
    problems += axe("public summary, current edition (Spanish)")
    assert problems == [], "\n".join(problems)
