"""Amend existing law in a real browser: upload a chapter, read the gap analysis, amend two
sections, add a model clause, repeal one, and download the amending ordinance."""

import io
import os
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect

from drafting.render.amendment import LEGEND
from tests.browser.test_accessibility import axe  # noqa: F401  (the fixture)
from tests.ordinances.views.test_amend import CHAPTER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "amend.png"


def test_upload_gap_analysis_decide_and_download(signed_in, tmp_path, axe):  # noqa: F811
    page, base = signed_in
    problems: list[str] = []
    chapter = tmp_path / "chapter-2-14.txt"
    chapter.write_text(CHAPTER, encoding="utf-8")
    page.goto(f"{base}/drafts/new/")
    page.get_by_role("link", name="Amend existing law").click()
    expect(page).to_have_url(f"{base}/amend/")  # loaded, before axe reads the page
    problems += axe("amend: start")
    page.get_by_label("…or upload it (.docx or .txt)").set_input_files(str(chapter))
    page.get_by_label("Locality name").fill("Springfield")
    page.get_by_label("Locality type").select_option("city")
    page.get_by_label("State").fill("Illinois")
    page.get_by_label("Legislative body").fill("City Council")
    page.get_by_label("Chief law enforcement officer").fill("Chief of Police")
    page.get_by_role("button", name="Read it and compare with the model").click()
    gaps = page.locator("#gap-table")
    expect(gaps).to_be_visible()
    problems += axe("amend: gap analysis and decisions")
    expect(gaps.locator("tr[data-clause='detainers']")).to_contain_text("You have a weaker form")
    expect(gaps.locator("tr[data-clause='detainers']")).to_contain_text("conviction carve-out")
    expect(gaps.locator("tr[data-clause='no-status-inquiry']")).to_contain_text("Missing")

    detainers = page.locator("fieldset[data-ref='2-14-030']")
    detainers.get_by_label("Amend: edit its text").check()
    text = detainers.locator("textarea")
    text.fill(
        text.input_value()
        .replace(" unless the person has been convicted of a violent felony", "")
        .replace("each year", "every quarter")
    )
    access = page.locator("fieldset[data-ref='2-14-040']")
    access.get_by_label("Amend: replace it by a model section").check()
    access.locator("select").select_option("civil-enforcement")
    page.locator("fieldset[data-ref='2-14-050']").get_by_label("Repeal").check()
    page.locator("#add-no-status-inquiry").check()
    page.locator("#after-no-status-inquiry").select_option("2-14-030")
    page.get_by_role("button", name="Save as revision 2").click()
    expect(page.get_by_text("Saved as revision 2.")).to_be_visible()
    problems += axe("amend: saved, with the amending ordinance")
    assert problems == []
    expect(page.locator(".amending-preview del").first).to_be_visible()
    if os.environ.get("AMEND_SCREENSHOT"):
        page.screenshot(path="/tmp/amend-full.png", full_page=True)
    expect(page.locator("#score-after")).not_to_have_text(
        page.locator("#score-before").inner_text()
    )
    if os.environ.get("AMEND_SCREENSHOT"):
        page.set_viewport_size({"width": 1280, "height": 1100})
        page.locator("#gap-title").scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOT))

    with page.expect_download() as download:
        page.get_by_role("link", name="Amending ordinance (.docx)").click()
    data = Path(download.value.path()).read_bytes()
    paragraphs = [p for p in docx.Document(io.BytesIO(data)).paragraphs]
    texts = [p.text for p in paragraphs]
    assert LEGEND in texts
    assert texts.count("Section 1. Section 2-14-030 of the Municipal Code is hereby amended "
                       "to read as follows:") == 1  # fmt: skip
    assert (
        "Section 2. Section 2-14-035 is hereby added to the Municipal Code to read as follows:"
        in texts
    )
    assert (
        "Section 3. Section 2-14-040 of the Municipal Code is hereby amended to read as follows:"
        in texts
    )
    assert (
        "Section 4. Section 2-14-050 of the Municipal Code is hereby repealed in its entirety."
        in texts
    )
    struck = {r.text for p in paragraphs for r in p.runs if r.font.strike}
    underlined = {r.text for p in paragraphs for r in p.runs if r.font.underline}
    assert " unless the person has been convicted of a violent felony" in struck
    assert "each year" in struck and "every quarter" in underlined
    old = [
        "".join(r.text for r in p.runs if not r.font.underline)
        for p in paragraphs
        if p.paragraph_format.left_indent
    ]
    assert "Sec. 2-14-050. Registry." in old
