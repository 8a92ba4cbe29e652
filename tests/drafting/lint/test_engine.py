from drafting.document import Block, Document, Run, Section
from drafting.lint import Finding, Fix, default_rules, lint, rule, verdict
from tests.drafting.lint.support import doc, model

JSON_KEYS = [
    "rule", "severity", "message", "section", "sentence", "start", "end", "authority", "limb",
]  # fmt: skip


class FakeRule:
    id = "1373-fake"
    severity = "error"

    def check(self, document):
        block = document.sections[-1].blocks[0]
        yield Finding(self.id, self.severity, "fake", block=block.key, sentence=block.text)


def _two_blocks() -> Document:
    blocks = (
        Block("paragraph", (Run("First."),), key="a"),
        Block("paragraph", (Run("Second."),), key="b"),
    )
    return Document(title="T", sections=(Section("S", blocks),))


def test_finding_to_dict_has_the_json_keys():
    finding = Finding("1373-x", "warning", "Why.", section="IX) PRIVACY", sentence="S.", end=2)
    assert list(finding.to_dict()) == JSON_KEYS


def test_finding_to_dict_adds_the_fix_when_there_is_one():
    fix = Fix("include-clause", "Include it.", clause="savings-clause")
    data = Finding("1373-x", "error", "Why.", fix=fix).to_dict()
    assert data["fix"] == {
        "kind": "include-clause",
        "description": "Include it.",
        "clause": "savings-clause",
    }


def test_lint_runs_the_rule_set_it_is_given():
    findings = lint(_two_blocks(), rules=[FakeRule()])
    assert [(f.rule, f.sentence) for f in findings] == [("1373-fake", "First.")]


def test_a_function_can_be_a_rule():
    @rule("strength-titled", "info")
    def titled(document):
        yield Finding("strength-titled", "info", f"Title: {document.title}")

    assert (titled.id, titled.severity) == ("strength-titled", "info")
    assert [f.message for f in lint(_two_blocks(), rules=[titled])] == ["Title: T"]


def test_lint_orders_findings_by_position_in_the_document():
    class Backwards:
        id = "strength-backwards"
        severity = "info"

        def check(self, document):
            for block in reversed(document.sections[0].blocks):
                yield Finding(self.id, "info", "x", block=block.key, sentence=block.text)

    findings = lint(_two_blocks(), rules=[Backwards()])
    assert [f.block for f in findings] == ["a", "b"]


def test_every_finding_on_the_model_points_at_its_sentence():
    document = model()
    blocks = {block.key: block for _section, block in document.blocks()}
    findings = [f for f in lint(document) if f.block]
    assert findings
    for finding in findings:
        assert blocks[finding.block].text[finding.start : finding.end] == finding.sentence


def test_every_finding_on_parsed_text_points_at_its_sentence():
    document = doc(
        """
        Section 1. Privacy.
        Officers shall not share confidential information. No officer shall disclose
        information regarding the immigration status of any person.
        """
    )
    blocks = {block.key: block for _section, block in document.blocks()}
    findings = [f for f in lint(document) if f.block]
    assert [(f.rule, f.sentence) for f in findings] == [
        ("1373-broad-restriction", "Officers shall not share confidential information."),
        (
            "1373-status-restriction",
            "No officer shall disclose information regarding the immigration status of any person.",
        ),
    ]
    for finding in findings:
        assert blocks[finding.block].text[finding.start : finding.end] == finding.sentence


def test_verdict_counts_only_1373_findings():
    findings = [
        Finding("strength-unqualified-warrant", "warning", "x"),
        Finding("1373-limited-info", "info", "x"),
    ]
    assert verdict(findings) == "compliant"
    assert verdict([*findings, Finding("1373-hedge", "warning", "x")]) == "warning"
    assert verdict([Finding("1373-status-restriction", "error", "x")]) == "error"


def test_default_rules_have_ids_in_the_three_families():
    ids = [rule.id for rule in default_rules("California")]
    assert all(i.startswith(("1373-", "strength-", "state-")) for i in ids)
    assert len(ids) == len(set(ids))
