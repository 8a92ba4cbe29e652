"""Side-by-side and redline HTML: each column reads as its own document, every
change is reachable from the change list, and nothing is left unescaped."""

from __future__ import annotations

from hypothesis import given
from lxml import html as lxml_html

from drafting.diff import changes, diff_documents
from drafting.document import Block, Document, Run, Section
from drafting.render.compare_html import (
    change_list_html,
    compare_html,
    counts_text,
    redline_html,
    side_by_side_html,
    summary_html,
)
from tests.factories import PROPERTY, document, document_pairs, model, section


def parse(fragment: str):
    return lxml_html.fragment_fromstring(fragment, create_parent="div")


def column_text(element, *, drop: str) -> str:
    """An element's text with `drop` ("ins" or "del") and hidden labels removed."""
    element = lxml_html.fromstring(lxml_html.tostring(element, encoding="unicode"))
    for node in element.xpath(f".//{drop} | .//*[@class='visually-hidden']"):
        node.drop_tree()
    return element.text_content()


def block_line(block: Block) -> str:
    return f"{block.label} {block.text}" if block.label else block.text


# -- the columns read as the two documents ------------------------------------


@PROPERTY
@given(document_pairs())
def test_side_by_side_columns_read_as_old_and_new(pair):
    old, new = pair
    root = parse(side_by_side_html(diff_documents(old, new)))
    old_blocks = [
        column_text(p, drop="ins")
        for p in root.xpath("//tr[contains(@class, 'compare-block')]/td[@class='old']/p")
    ]
    new_blocks = [
        column_text(p, drop="del")
        for p in root.xpath("//tr[contains(@class, 'compare-block')]/td[@class='new']/p")
    ]
    assert new_blocks == [block_line(b) for _s, b in new.blocks()]
    # A moved section's old text is shown at its new place, beside the new.
    assert sorted(old_blocks) == sorted(block_line(b) for _s, b in old.blocks())


@PROPERTY
@given(document_pairs())
def test_every_change_and_op_anchor_is_an_id(pair):
    diff = diff_documents(*pair)
    for fragment in (side_by_side_html(diff), redline_html(diff)):
        root = parse(fragment)
        ids = root.xpath("//@id")
        assert len(ids) == len(set(ids))
        missing = {c.anchor for c in changes(diff)} - set(ids)
        assert not missing


# -- examples -----------------------------------------------------------------


def test_side_by_side_marks_the_warrant_change():
    diff = diff_documents(model(), model({"warrant_standard": "judicial"}))
    root = parse(side_by_side_html(diff, old_label="r2", new_label="r3"))
    row = root.get_element_by_id("b-detainers")
    deleted = row.xpath("td[@class='old']//del")
    assert [d.text_content() for d in deleted] == ["deleted: criminal "]
    assert row.xpath("td[@class='new']//ins") == []
    assert root.xpath("//thead//th/text()") == ["r2", "r3"]


def test_inserted_and_deleted_text_carry_a_hidden_label():
    diff = diff_documents(model(), model(drop=("joint-operations",), add=("training",)))
    root = parse(redline_html(diff))
    for tag, label in (("ins", "inserted: "), ("del", "deleted: ")):
        marks = root.xpath(f"//{tag}")
        assert marks
        for mark in marks:
            hidden = mark.xpath("span[@class='visually-hidden']/text()")
            assert hidden == [label]


def test_relabelled_items_show_the_label_quietly():
    diff = diff_documents(model(), model(drop=("joint-operations",)))
    root = parse(redline_html(diff))
    row = root.get_element_by_id("b-facility-access")  # E. -> D.
    label = row.xpath("span[contains(@class, 'label')]")[0]
    assert (label.text.strip(), label.get("class"), label.get("title")) == (
        "D.",
        "label relabelled",
        "was E.",
    )
    assert row.xpath(".//ins | .//del") == []


def test_removed_section_is_struck_in_the_redline():
    diff = diff_documents(model(), model(drop=("advisory",)))
    root = parse(redline_html(diff))
    section = root.get_element_by_id("s-advisory")
    assert "op-deleted" in section.get("class")
    assert section.xpath("h2/del")
    assert all(p.xpath("del") for p in section.xpath("p"))


def test_moved_section_notes_link_both_ways():
    a = section("a", "ALPHA", "First text.")
    b = section("b", "BRAVO", "Second text.")
    diff = diff_documents(document(a, b), document(b, a))
    for fragment in (side_by_side_html(diff), redline_html(diff)):
        root = parse(fragment)
        links = {a.get("href"): a.text for a in root.xpath("//p[@class='moved-note']/a")}
        moved = next(op for op in diff.sections if op.move == "to")
        away = next(op for op in diff.sections if op.move == "from")
        assert links == {f"#{moved.anchor}": moved.new.label, f"#{away.anchor}": away.old.label}


def test_everything_is_escaped():
    evil = "<script>alert(1)</script> & “quotes” \"'"
    old = Document(
        "T & <b>", (Section("H <i>", (Block("paragraph", (Run(evil),), key="k"),), clause="c"),)
    )
    new = Document(
        "T & <u>",
        (
            Section(
                "H <i>", (Block("paragraph", (Run(evil + " <img src=x>"),), key="k"),), clause="c"
            ),
        ),
    )
    diff = diff_documents(old, new)
    out = compare_html(diff, old_label="<r1>", new_label="r2 & more", summary=["<em>x</em>"])
    out += redline_html(diff)
    for raw in ("<script>", "<img", "<b>", "<u>", "<i>", "<em>x", "<r1>"):
        assert raw not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x&gt;" in out


def test_change_list_links_and_words():
    diff = diff_documents(model(), model({"warrant_standard": "judicial"}))
    root = parse(change_list_html(diff))
    item = root.xpath("//a[@href='#b-detainers']/..")[0]
    assert item.text_content() == "II) C. deleted “criminal”"
    empty = change_list_html(diff_documents(model(), model()))
    assert "No changes" in empty


def test_counts_and_summary():
    diff = diff_documents(model(), model(drop=("advisory",), add=("training",)))
    assert counts_text(diff) == "2 insertions, 3 deletions; 1 section added; 1 section removed"
    assert "<li>Added: Training</li>" in summary_html(["Added: Training"])
    assert "Same options" in summary_html([])


def test_compare_html_puts_summary_changes_and_columns_together():
    diff = diff_documents(model(), model({"reporting_cadence": "semiannual"}))
    root = parse(compare_html(diff, old_label="r2", new_label="r3", summary=["Reporting: x → y"]))
    assert root.xpath("//ul[@class='option-summary']/li/text()") == ["Reporting: x → y"]
    assert root.xpath("//ol[@class='change-list']/li")
    assert root.xpath("//table[@class='compare-table']")
