from drafting.lint import lint, verdict
from drafting.lint.rules_1373 import (
    BroadRestriction,
    Cured,
    DetainerRefusal,
    DontAsk,
    Hedge,
    LimitedInformation,
    NotRead,
    SavingsClause,
    StatusRestriction,
)
from tests.drafting.lint.support import doc, hits, model, model_with, rules

ILRC = (
    "ii. Except as otherwise provided under applicable federal law, no agent or agency shall "
    "disclose information regarding the citizenship or immigration status of any person unless "
    "required to do so by legal process."
)
PRIVACY = (
    "IX) PRIVACY\n[LOCALITY] agents and employees are not permitted to maintain and/or share "
    "confidential personal information, including but not limited to contact information, "
    "criminal history, release date from incarceration, or status as a veteran; except where "
    "otherwise required by state or federal law or regulation or directive or court order."
)
SAVINGS = (
    "XV) COMPLIANCE WITH FEDERAL LAW\nNothing in this ordinance prohibits or restricts any "
    "government entity or official from sending to, or receiving from, federal immigration "
    "authorities information regarding the citizenship or immigration status, lawful or unlawful, "
    "of an individual, pursuant to 8 U.S.C. §§ 1373 and 1644."
)
FULL_SAVINGS = SAVINGS.replace(
    "of an individual,",
    "of an individual, or from requesting such information from federal immigration "
    "authorities, or maintaining or exchanging that information with any other federal, state, "
    "or local government entity,",
)


# -- 1373-status-restriction ----------------------------------------------------


def test_status_restriction_hit_names_the_statute_and_offers_the_savings_clause():
    [finding] = hits(StatusRestriction(), ILRC)
    assert (finding.rule, finding.severity) == ("1373-status-restriction", "error")
    assert "8 U.S.C. § 1373" in finding.message
    assert finding.sentence.startswith("Except as otherwise provided")
    assert (finding.fix.kind, finding.fix.text.startswith("Nothing in this ordinance")) == (
        "insert-text",
        True,
    )


def test_status_restriction_hit_on_maintaining_and_receiving():
    text = (
        "The City shall not maintain records of any person's immigration status. "
        "No officer shall request or receive information regarding immigration status from ICE."
    )
    assert len(hits(StatusRestriction(), text)) == 2


def test_status_restriction_no_hit_on_permission():
    text = "Officers may share information regarding a person's immigration status with ICE."
    assert hits(StatusRestriction(), text) == []


def test_status_restriction_no_hit_on_a_negated_restriction():
    text = "No employee shall be prohibited from sharing immigration status information with ICE."
    assert hits(StatusRestriction(), text) == []


def test_status_restriction_no_hit_when_status_is_excluded():
    text = (
        "No officer shall provide any federal agent personal information other than citizenship "
        "or immigration status."
    )
    assert hits(StatusRestriction(), text) == []


def test_status_restriction_no_hit_when_status_is_only_the_ground():
    text = "Officers shall not provide different treatment based on immigration status."
    assert hits(StatusRestriction(), text) == []


def test_status_restriction_no_hit_on_shall_not_inquire():
    text = "No officer shall inquire about the immigration status of any person."
    assert hits(StatusRestriction(), text) == []


def test_fix_for_a_draft_includes_the_library_savings_clause():
    findings = lint(model(), rules=[BroadRestriction()])  # database access (II), Privacy (IX)
    assert len(findings) == 2
    for finding in findings:
        assert (finding.fix.kind, finding.fix.clause) == ("include-clause", "savings-clause")


def test_fix_for_an_outside_policy_says_policy():
    text = "This policy binds officers. No officer shall disclose a person's immigration status."
    [finding] = hits(StatusRestriction(), text)
    assert finding.fix.text.startswith("Nothing in this policy prohibits or restricts")


# -- 1373-broad-restriction -----------------------------------------------------


def test_broad_restriction_hit_on_the_cpd_privacy_section():
    [finding] = hits(BroadRestriction(), PRIVACY)
    assert (finding.severity, finding.section) == ("warning", "IX) PRIVACY")
    assert "confidential personal information" in finding.message


def test_broad_restriction_no_hit_when_status_is_excluded():
    text = (
        "No officer shall share confidential personal information, other than citizenship or "
        "immigration status, with ICE."
    )
    assert hits(BroadRestriction(), text) == []


def test_broad_restriction_no_hit_when_the_sentence_is_already_an_error():
    text = "No officer shall share personal information, including immigration status, with ICE."
    assert rules(lint(doc(text))).count("1373-status-restriction") == 1
    assert hits(BroadRestriction(), text) == []


# -- 1373-hedge -------------------------------------------------------------------


def test_hedge_hit_quotes_the_hedge():
    [finding] = hits(Hedge(), PRIVACY)
    assert "except where otherwise required by state or federal law" in finding.message


def test_hedge_hit_on_a_status_restriction():
    assert rules(hits(Hedge(), ILRC)) == ["1373-hedge"]


def test_hedge_no_hit_on_a_dont_ask_rule():
    text = (
        "No agent shall inquire about the immigration status of any person unless such inquiry is "
        "required by state or federal law."
    )
    assert hits(Hedge(), text) == []


def test_hedge_no_hit_without_a_hedge():
    assert hits(Hedge(), "No officer shall share personal information with ICE.") == []


# -- savings clause: 1373-savings-clause, 1373-cured ------------------------------


def test_savings_clause_cures_a_restriction_elsewhere_in_the_document():
    findings = lint(doc(f"{PRIVACY}\n\n{FULL_SAVINGS}"))
    assert verdict(findings) == "compliant"
    cured = [f for f in findings if f.rule == "1373-cured"]
    assert [f.section for f in cured] == ["IX) PRIVACY"]
    assert "XV) COMPLIANCE WITH FEDERAL LAW" in cured[0].message


def test_savings_clause_naming_only_sending_leaves_maintaining_restricted():
    findings = lint(doc(f"{PRIVACY}\n\n{SAVINGS}"))
    assert verdict(findings) == "warning"
    broad = next(f for f in findings if f.rule == "1373-broad-restriction")
    assert broad.limb == "§ 1373(b)(2): maintaining (potential)"
    assert broad.fix is not None and "maintaining or exchanging" in broad.fix.text


def test_savings_clause_hit_on_its_common_wordings():
    wordings = [
        SAVINGS,
        "(f) This section does not prohibit or restrict any government entity or official from "
        "sending to, or receiving from, federal immigration authorities, information regarding the "
        "citizenship or immigration status, lawful or unlawful, of an individual pursuant to "
        "Sections 1373 and 1644 of Title 8 of the United States Code.",
        "j.) Compliance with federal law. Nothing in this Section shall be construed to violate "
        "any valid federal law, or to prohibit any [city] agency or department from providing "
        "another law enforcement agency citizenship or information status, consistent with "
        "8 U.S.C. § 1373.",
        "This ordinance shall not be construed to prohibit any officer from communicating with ICE "
        "regarding the immigration status of any person, as 8 U.S.C. § 1373 provides.",
    ]
    for wording in wordings:
        assert rules(hits(SavingsClause(), wording)) == ["1373-savings-clause"], wording


def test_savings_clause_no_hit_on_other_nothing_clauses():
    text = (
        "Nothing in this section prevents a prosecutor or court from considering the immigration "
        "consequences of a plea. Officers shall act consistent with 8 U.S.C. § 1373."
    )
    assert hits(SavingsClause(), text) == []


def test_savings_clause_for_this_section_does_not_cure_another_section():
    text = (
        "Section 2. Privacy.\nNo employee shall disclose information regarding the immigration "
        "status of any person.\n\nSection 9. Federal law.\nNothing in this Section shall be "
        "construed to prohibit any employee from sending to federal immigration authorities "
        "information regarding the immigration status of an individual pursuant to 8 U.S.C. § 1373."
    )
    findings = lint(doc(text))
    assert verdict(findings) == "error"
    assert (
        "covers only the section"
        in next(f for f in findings if f.rule == "1373-savings-clause").message
    )


def test_cured_no_hit_without_a_savings_clause():
    assert hits(Cured(), PRIVACY) == []


def test_restriction_that_excepts_1373_itself_is_cured():
    text = (
        "Except as permitted by 8 U.S.C. § 1373, no officer shall disclose a person's "
        "citizenship status."
    )
    assert rules(lint(doc(text)), "error") == []
    assert rules(hits(Cured(), text)) == ["1373-cured"]


# -- info notes -------------------------------------------------------------------------


def test_limited_info_hit_cites_steinle():
    text = (
        "County personnel shall not expend their time responding to ICE inquiries or communicating "
        "with ICE regarding individuals' incarceration status or release dates while on duty."
    )
    [finding] = hits(LimitedInformation(), text)
    assert "Steinle" in finding.authority
    assert "release dates" in finding.message


def test_limited_info_no_hit_when_status_is_restricted_too():
    text = "Officers shall not share release dates or immigration status with ICE."
    assert hits(LimitedInformation(), text) == []


def test_dont_ask_hit_and_no_hit():
    assert rules(hits(DontAsk(), "Officers shall not ask about immigration status.")) == [
        "1373-dont-ask"
    ]
    assert hits(DontAsk(), "Officers may inquire about immigration status.") == []


def test_detainer_refusal_hit_and_no_hit():
    refusal = "The Sheriff shall decline ICE detainer requests."
    assert rules(hits(DetainerRefusal(), refusal)) == ["1373-detainer-refusal"]
    assert hits(DetainerRefusal(), "The Sheriff shall honor ICE detainer requests.") == []


def test_model_with_savings_clause_recognises_the_library_wording():
    findings = lint(model_with("savings-clause"))
    savings = [f for f in findings if f.rule == "1373-savings-clause"]
    assert [f.clause for f in savings] == ["savings-clause"]


# -- 1373-not-read ---------------------------------------------------------------

ORDENANZA = """
Sección 1. Política municipal.
Ningún empleado municipal compartirá con las agencias federales de inmigración información
sobre el estatus migratorio de una persona, salvo por orden judicial válida.
"""


def test_a_section_in_spanish_is_a_warning_that_it_was_not_read():
    [finding] = hits(NotRead(), ORDENANZA)
    assert finding.severity == "warning"
    assert finding.sentence.startswith("Ningún empleado municipal")
    assert "in Spanish" in finding.message and "not read" in finding.message
    assert verdict(lint(doc(ORDENANZA))) == "warning"


def test_only_the_spanish_section_of_a_bilingual_ordinance_is_marked():
    text = (
        "Section 1. Purpose.\nThe City welcomes all residents and shall not ask any person "
        "about immigration status when providing services.\n"
        + ORDENANZA.strip().replace("Sección 1.", "Section 2.")
    )
    [finding] = hits(NotRead(), text)
    assert finding.section == "Section 2. Política municipal."
    assert finding.sentence.startswith("Ningún empleado municipal")


def test_english_with_spanish_place_names_is_read():
    text = (
        "Section 1. Police.\nThe police of Los Angeles, Las Cruces, El Paso and San Antonio "
        "shall not share the immigration status of any person with federal immigration "
        "authorities."
    )
    assert hits(NotRead(), text) == []
    assert verdict(lint(doc(text))) == "error"
