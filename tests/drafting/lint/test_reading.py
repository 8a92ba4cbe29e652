"""The reading a lawyer does: lists, definitions, exceptions, savings clauses, general directives.

Real provisions come from the dev half of real_corpus/ (never the held-out half,
which measures the lint); short texts isolate one rule each.
"""

from __future__ import annotations

from drafting.lint import lint, verdict
from drafting.lint.analysis import sentence_facts
from drafting.parse.text import parse_text
from tests.drafting.lint.support import doc, real_case, rules


def _real(name: str):
    return lint(parse_text(real_case(name).text))


def _only(findings, rule: str):
    [finding] = [f for f in findings if f.rule == rule]
    return finding


# -- status named in a list of data items ----------------------------------------


def test_status_named_inside_a_list_of_data_items_is_an_error():
    findings = lint(
        doc(
            "No employee shall disclose a person's name, home address, telephone number, social "
            "security number, place of birth, citizenship, or date of birth to any agency."
        )
    )
    assert verdict(findings) == "error"
    finding = _only(findings, "1373-status-restriction")
    assert finding.limb == "§ 1373(a), (b)(1): sending or receiving"


def test_a_collection_ban_naming_status_in_a_list_passes():
    assert verdict(_real("colorado-2021-crs-24-74-104-collection")) == "compliant"


# -- definitions followed -----------------------------------------------------------


def test_a_restricted_term_defined_to_include_status_is_an_error():
    findings = lint(
        doc(
            """
            Sec. 1. Definitions.
            "Protected information" means a person's religion or immigration status.

            Sec. 2. Confidentiality.
            No employee shall disclose protected information to any federal agency.
            """
        )
    )
    finding = _only(findings, "1373-status-restriction")
    assert finding.section == "Sec. 2. Confidentiality."
    assert "“protected information” is defined in “Sec. 1. Definitions.”" in finding.message


def test_an_exclusion_in_a_separate_definition_cures():
    findings = lint(
        doc(
            """
            Sec. 1. Definitions.
            "Personal information" includes any information about an individual.
            "Personal information" does not include citizenship or immigration status.

            Sec. 2. Confidentiality.
            No employee shall disclose personal information to any federal agency.
            """
        )
    )
    assert verdict(findings) == "compliant"
    note = _only(findings, "1373-definition-excludes")
    assert "excludes citizenship and immigration status" in note.message


def test_a_definition_that_excludes_status_keeps_the_restriction_compliant():
    assert verdict(_real("oregon-2021-ors-180-805-definition-excludes")) == "compliant"


def test_a_definition_of_a_forbidden_policy_restricts_nothing():
    """Tennessee defines a 'sanctuary policy' (one that limits reporting status) to ban it."""
    findings = _real("tennessee-2018-tca-7-68-103-sanctuary-ban")
    assert verdict(findings) == "compliant"


# -- exceptions for what the law "requires" -----------------------------------------


def test_an_exception_for_what_law_requires_does_not_cure_even_naming_1373():
    findings = _real("denver-2017-drmc-28-250-disseminating")
    assert verdict(findings) == "error"
    finding = _only(findings, "1373-status-restriction")
    assert finding.sentence.startswith("Disseminating information about the national origin")
    assert "require no one to share anything" in finding.message
    assert finding.limb == "§ 1373(a), (b)(1): sending or receiving"
    assert finding.section == "§ 28-250. Use of city funds and resources limited; exceptions."


def test_an_exception_that_leaves_1373_channels_open_cures():
    findings = lint(
        doc(
            "No employee shall disclose information regarding the immigration status of any "
            "person, except as permitted by 8 U.S.C. § 1373."
        )
    )
    assert verdict(findings) == "compliant"


# -- savings clauses cure only what they name --------------------------------------


def test_a_wide_savings_clause_cures_a_restriction_on_maintaining():
    assert verdict(_real("king-county-2025-kcc-2-15-020-savings")) == "compliant"


def test_a_savings_clause_for_sending_only_does_not_cure_maintaining_status():
    findings = lint(
        doc(
            """
            Section 1. Records.
            No agency shall maintain records of any person's immigration status.

            Section 2. Federal law.
            Nothing in this ordinance prohibits any official from sending to, or receiving from,
            federal immigration authorities information regarding the immigration status of an
            individual.
            """
        )
    )
    finding = _only(findings, "1373-status-restriction")
    assert finding.limb == "§ 1373(b)(2): maintaining"
    assert "keeps open only § 1373(a), (b)(1): sending or receiving" in finding.message


def test_saving_compliance_with_1373_covers_every_limb():
    assert verdict(_real("hyattsville-2017-ho-2017-02-1373-proviso")) == "compliant"


def test_a_savings_clause_keeps_open_only_the_verbs_it_leaves_free():
    """In one sentence, the savings part saves sending; the verbs restricted after
    "however", "but" or before "provided that" stay restricted, so their limbs are not open."""
    cases = (
        (
            "Nothing in this section shall prevent an officer from sending immigration status "
            "information to ICE; however, officers shall not otherwise maintain or exchange "
            "such information.",
            "§ 1373(b)(2): maintaining; § 1373(b)(3): exchanging",
        ),
        (
            "No department shall maintain or share information regarding immigration status, "
            "provided that nothing herein prohibits any employee from sending such information "
            "to ICE as provided in 8 U.S.C. 1373(a).",
            "§ 1373(b)(2): maintaining",
        ),
        (
            "Nothing in this section restricts any official from sending information regarding "
            "immigration status to ICE as provided in 8 U.S.C. 1373, but officials shall not "
            "maintain such information beyond thirty days.",
            "§ 1373(b)(2): maintaining",
        ),
    )
    for text, limb in cases:
        findings = lint(doc(text))
        assert _only(findings, "1373-status-restriction").limb == limb, text
        saving = _only(findings, "1373-savings-clause")
        assert saving.message.endswith("keeps open § 1373(a), (b)(1): sending or receiving."), text
    wide = (
        "Nothing in this section prohibits any official from sending to, or receiving from, ICE "
        "information regarding immigration status, or from maintaining or exchanging it."
    )
    assert verdict(lint(doc(wide))) == "compliant"


def test_a_second_verb_under_the_savings_clauses_negation_is_not_a_restriction():
    """ "Nothing ... shall be construed to prohibit cooperation ..., or to restrict the sharing
    of information covered by ... § 1373": "restrict" is still under "Nothing"."""
    text = (
        "Nothing in this section shall be construed to prohibit cooperation required by federal "
        "law, or to restrict the sharing of information covered by 8 U.S.C. § 1373."
    )
    facts = sentence_facts(text)
    assert [o.kind for o in facts.operators] == ["permit", "permit"]
    assert verdict(_real("district-of-columbia-2025-code-24-211-07-cooperation")) == "compliant"
    still = (
        "Nothing in this section prohibits cooperation with federal authorities, but the "
        "department shall restrict the sharing of immigration status information."
    )
    assert verdict(lint(doc(still))) == "error"


# -- general non-disclosure directives and permissions to withhold --------------------


def test_a_general_directive_on_information_collected_is_a_warning():
    findings = _real("berwyn-2017-code-620-24-confidentiality-policies")
    assert verdict(findings) == "warning"
    finding = _only(findings, "1373-broad-restriction")
    assert "“information collected”" in finding.message
    assert finding.limb.endswith("(potential)")


def test_providing_information_including_but_not_limited_to_is_a_warning():
    """The list after 'including but not limited to' is open, so 'information' reaches status."""
    findings = _real("oregon-2021-ors-181a-826-providing-information")
    assert verdict(findings) == "warning"
    assert _only(findings, "1373-broad-restriction").sentence.startswith("Providing information")


def test_letting_an_agency_decline_to_disclose_status_is_a_warning():
    findings = _real("oregon-2017-ors-180-805-decline-disclose")
    assert verdict(findings) == "warning"
    assert "may decline to disclose" in _only(findings, "1373-permits-withholding").message


def test_an_officers_own_discretion_to_decline_is_not_a_restriction():
    findings = lint(doc("Officers may decline to share immigration status information with ICE."))
    assert verdict(findings) == "compliant"


# -- ejusdem generis ----------------------------------------------------------------------


def test_other_such_information_after_release_dates_reads_as_their_kind():
    findings = lint(
        doc(
            "Officers shall not disclose an inmate's release date, home address, or other such "
            "information to immigration authorities."
        )
    )
    assert verdict(findings) == "compliant"
    assert "1373-limited-info" in {f.rule for f in findings}


def test_other_such_information_defined_elsewhere_stays_a_warning():
    findings = lint(
        doc(
            "Officers shall not disclose an inmate's release date, home address, or any other "
            "such personal information as defined in Chapter 12I."
        )
    )
    assert verdict(findings) == "warning"


# -- what passes, with the reason ------------------------------------------------------------


def test_a_persons_refusal_to_provide_status_is_not_a_restriction_on_officials():
    assert verdict(_real("mountain-view-whisman-sd-2025-bp-5145-13-revised")) == "compliant"


def test_dont_ask_release_dates_and_detainers_pass_with_their_reasons():
    findings = _real("illinois-2021-trust-act-sec-15-detainers-inquiry")
    assert verdict(findings) == "compliant"
    assert {"1373-dont-ask", "1373-detainer-refusal"} <= {f.rule for f in findings}


def test_amending_markup_deleted_words_are_not_read():
    """King County's "((not))" is struck text: the savings clause reads "is not prohibited"."""
    findings = _real("king-county-2025-kcc-2-15-020-savings")
    assert "1373-savings-clause" in {f.rule for f in findings}


def test_such_status_refers_back_to_the_status_named_before():
    findings = lint(
        doc(
            "No agent shall inquire into the immigration status of any person, and no agent "
            "shall maintain records of such status."
        )
    )
    finding = _only(findings, "1373-status-restriction")
    assert finding.limb == "§ 1373(b)(2): maintaining"


def test_a_passive_savings_sentence_cures_the_restriction_before_it():
    findings = lint(
        doc(
            "No officer shall disclose personal information about any person to federal "
            "immigration authorities. However, an officer is not prohibited from sending to, or "
            "receiving from, federal immigration authorities information regarding the "
            "citizenship or immigration status of a person, or from maintaining or exchanging it "
            "with other government agencies."
        )
    )
    assert verdict(findings) == "compliant"
    assert {"1373-savings-clause", "1373-cured"} <= {f.rule for f in findings}


# -- readings added after the first held-out half was looked at (2026-11-30) -------
# Each is a general reading of legal text, shown here on short texts of our own; the
# seen held-out documents that exposed the gap are named in test_real_corpus.py.


def test_a_recital_that_reports_a_rule_in_force_is_a_warning_never_an_error():
    findings = lint(
        doc(
            "WHEREAS, pursuant to Order No. 5, it is the policy of the County that employees "
            "shall not disclose the immigration status of any person to federal immigration "
            "authorities; and"
        )
    )
    assert verdict(findings) == "warning"
    finding = _only(findings, "1373-recital-reports-restriction")
    assert finding.limb == "§ 1373(a), (b)(1): sending or receiving (potential)"


def test_a_recital_that_gives_reasons_restricts_nothing():
    findings = lint(
        doc(
            "WHEREAS, immigrants fear that officers will disclose their immigration status to "
            "federal authorities; and\n\nWHEREAS, the Council values trust;"
        )
    )
    assert [f.rule for f in findings if f.rule.startswith("1373-")] == []


def test_verbs_sharing_one_object_all_take_it():
    """ "request or maintain information about, or otherwise investigate, the ... status":
    "maintain" acts on the status, so the sentence restricts maintaining it."""
    findings = lint(
        doc(
            "No officer shall request or maintain information about, or otherwise investigate, "
            "the citizenship or immigration status of any person."
        )
    )
    assert verdict(findings) == "error"
    assert _only(findings, "1373-status-restriction").limb == "§ 1373(b)(2): maintaining"


def test_inquiry_verbs_sharing_one_object_stay_a_dont_ask_rule():
    findings = lint(
        doc(
            "No officer shall request information about, or otherwise investigate, the "
            "immigration status of any person."
        )
    )
    assert verdict(findings) == "compliant"
    assert _only(findings, "1373-dont-ask")


def test_status_as_the_ground_of_a_decision_however_long_the_phrase_is_not_moved():
    findings = lint(
        doc(
            "No employee shall disclose the release date of any individual, or condition the "
            "provision of services or benefits by the City and County upon immigration status."
        )
    )
    assert verdict(findings) == "compliant"
    assert _only(findings, "1373-limited-info")


def test_a_shall_include_lead_in_makes_its_list_the_prohibited_acts():
    findings = lint(
        doc(
            """
            The prohibition set forth in this section shall include:

            (a) disclosing information regarding the immigration status of any person to
            federal authorities; and

            (b) arresting any person on a civil immigration detainer.
            """
        )
    )
    assert verdict(findings) == "error"
    assert _only(findings, "1373-status-restriction").sentence.startswith("disclosing")


def test_a_list_of_duties_is_not_a_list_of_prohibited_acts():
    findings = lint(
        doc(
            """
            The duties of the liaison shall include:

            (a) sharing information regarding the immigration status of any person with
            federal authorities when asked.
            """
        )
    )
    assert verdict(findings) == "compliant"


_RESTRICTION = "Officers shall not provide personal information about any person to ICE."


def test_a_savings_clause_whose_subject_is_a_citation_cures():
    findings = lint(
        doc(
            f"""
            Sec. 9-1. Disclosure.
            {_RESTRICTION}

            Sec. 9-2. Compliance with federal law.
            Sections 9-1 through 9-4 do not limit or prohibit any officer from sending
            to, or receiving from, federal immigration authorities information regarding the
            citizenship or immigration status of any individual, or maintaining or exchanging
            that information with any other government entity.
            """
        )
    )
    assert verdict(findings) == "compliant"
    assert _only(findings, "1373-cured")


def test_a_savings_lead_in_takes_its_channels_from_its_list():
    findings = lint(
        doc(
            f"""
            (1) {_RESTRICTION}

            (2) RCW 9.91.010 through 9.91.040 do not limit or prohibit any officer from:

            (a) Sending to, or receiving from, federal immigration authorities the immigration
            status of a person, or maintaining such information, or exchanging it with any
            other government agency; or

            (b) Complying with any other state or federal law.
            """
        )
    )
    assert verdict(findings) == "compliant"
    assert _only(findings, "1373-savings-clause").sentence.startswith("Sending to")


def test_a_lead_in_that_saves_only_other_law_cures_nothing():
    findings = lint(
        doc(
            f"""
            (1) {_RESTRICTION}

            (2) Sections 1 to 4 do not prohibit any officer from:

            (a) Complying with any other state or federal law.
            """
        )
    )
    assert verdict(findings) == "warning"


def test_bare_information_given_to_immigration_authorities_can_reach_status():
    findings = lint(
        doc("Officers shall not disclose information to federal immigration authorities.")
    )
    assert verdict(findings) == "warning"
    assert _only(findings, "1373-broad-restriction")


def test_bill_line_numbers_do_not_hide_the_restriction():
    text = "\n".join(
        f"4.{n} {line}"
        for n, line in enumerate(
            [
                "Subd. 2. Restrictions. A government unit and its personnel, in the course of",
                "their duties, shall not disclose or disseminate data or information on any",
                "individual to any federal immigration authority for civil immigration",
                "enforcement, except as required by state or federal law or a judicial warrant;",
                "nothing in this subdivision requires any unit to collect any information at all.",
            ],
            start=10,
        )
    )
    findings = lint(parse_text(text))
    assert verdict(findings) == "warning"
    assert "4.12" not in _only(findings, "1373-broad-restriction").sentence


# -- second round (2026-11-30): readings from the seen sets' misses, tested on own texts -----


def test_a_bill_in_capitals_is_read_as_sentences():
    text = (
        "  7.  NO HOUSING INSPECTOR SHALL REPORT A TENANT'S CITIZENSHIP OR IMMIGRATION\n"
        " STATUS TO ANY FEDERAL AGENCY OR DISCLOSE IT TO ANY OTHER DEPARTMENT OF\n"
        " THE CITY.\n"
        "  8.  THIS SECTION TAKES EFFECT IMMEDIATELY."
    )
    findings = lint(parse_text(text))
    assert verdict(findings) == "error"
    assert _only(findings, "1373-status-restriction").sentence.startswith("NO HOUSING INSPECTOR")


def test_a_word_hyphenated_across_lines_is_read_whole():
    text = (
        "Clinic staff shall not share any patient's immi-\n"
        "gration status with any outside agency, whatever its purpose."
    )
    assert verdict(lint(parse_text(text))) == "error"


def test_a_quotation_mark_inside_a_negated_restriction_does_not_split_it():
    for quote in ("“", '"'):
        findings = lint(
            doc(
                f"The board declares that this policy does not {quote}prohibit, or in any way "
                "restrict, any officer from sending to or receiving from federal immigration "
                f"authorities information regarding the immigration status of any person.{quote}"
            )
        )
        assert verdict(findings) == "compliant", quote


def test_a_ban_on_policies_that_restrict_the_channels_protects_them():
    findings = lint(
        doc(
            "No county may adopt a rule or practice that prohibits or restricts any deputy "
            "from sending, receiving or maintaining information regarding the immigration "
            "status of any person."
        )
    )
    assert verdict(findings) == "compliant"


def test_a_restriction_written_with_restrict_as_the_verb_is_read():
    findings = lint(
        doc(
            "The Department will restrict disclosure of personally identifying information "
            "to outside agencies."
        )
    )
    assert verdict(findings) == "warning"


def test_restrict_as_the_verb_reaches_status_named_after_it():
    findings = lint(
        doc("The Authority limits the sharing of citizenship status with federal agencies.")
    )
    assert verdict(findings) == "error"


def test_a_permission_to_adopt_restrictions_on_status_communications_is_a_warning():
    findings = lint(
        doc(
            "Each school district may adopt further restrictions on communications regarding "
            "a student's immigration status."
        )
    )
    assert verdict(findings) == "warning"


def test_more_categories_of_information_can_reach_status():
    for phrase in (
        "make its client databases available",
        "provide information on applicants",
        "release personal identifiable information",
    ):
        findings = lint(doc(f"The agency shall not {phrase} to federal immigration authorities."))
        assert verdict(findings) == "warning", phrase


def test_access_to_a_database_is_not_its_contents():
    """Access in general; denied to immigration enforcement it is (see the fourth round)."""
    findings = lint(
        doc("No access to any office, vehicle or database shall be granted without a warrant.")
    )
    assert verdict(findings) == "compliant"


def test_a_persons_status_refers_back_to_the_status_named_before():
    findings = lint(
        doc(
            "The ordinance prohibits using town funds for these acts: asking anyone about "
            "citizenship or immigration status; and giving a person's status to another agency."
        )
    )
    assert verdict(findings) == "error"


def test_their_status_alone_is_not_immigration_status():
    findings = lint(doc("Staff shall not disclose their status as employees to any caller."))
    assert verdict(findings) == "compliant"


def test_inquiring_of_a_third_person_is_requesting_status():
    findings = lint(
        doc(
            "No officer shall ask a witness about her citizenship or immigration status or "
            "inquire about any tenant's immigration status with any third party."
        )
    )
    assert verdict(findings) == "error"
    assert _only(findings, "1373-status-restriction").limb == "§ 1373(b)(1): requesting"


def test_asking_the_person_alone_stays_a_dont_ask_rule():
    findings = lint(doc("No officer shall inquire about any person's immigration status."))
    assert verdict(findings) == "compliant"


def test_entering_status_into_a_database_is_maintaining_it():
    findings = lint(
        doc("No clerk shall enter an applicant's immigration status into any state database.")
    )
    assert verdict(findings) == "error"
    assert _only(findings, "1373-status-restriction").limb == "§ 1373(b)(2): maintaining"


# -- third round (2026-11-30): readings from heldout-3's misses, tested on own texts ---------


def test_a_verb_of_forbidding_in_any_form_with_its_object_before_from():
    for phrase in (
        "The board adopted a rule forbidding clerks from giving",
        "The board's rule forbids clerks from giving",
        "The board's rule bars clerks from giving",
        "The board barred its clerks from giving",
        "The board issued a directive prohibiting clerks from giving",
    ):
        findings = lint(doc(f"{phrase} any tenant's immigration status to federal agents."))
        assert verdict(findings) == "error", phrase


def test_a_negated_forbidding_stays_a_permission():
    findings = lint(
        doc("Nothing in this policy bars clerks from giving immigration status to federal agents.")
    )
    assert verdict(findings) == "compliant"


def test_making_it_unlawful_to_share_status_is_a_restriction():
    for phrase in ("It shall be unlawful for", "The council voted to make it unlawful for"):
        findings = lint(
            doc(f"{phrase} any inspector to share a tenant's citizenship status with the FBI.")
        )
        assert verdict(findings) == "error", phrase


def test_it_is_not_unlawful_to_share_status_restricts_nothing():
    findings = lint(
        doc(
            "It shall not be unlawful for any inspector to share a tenant's citizenship status "
            "with federal agents."
        )
    )
    assert verdict(findings) == "compliant"


def test_withholding_status_is_a_restriction_on_sending_it():
    for phrase in (
        "Clinic staff are directed to withhold data such as a patient's immigration status",
        "The policy requires withholding a patient's immigration status",
    ):
        findings = lint(doc(f"{phrase} from federal agents."))
        assert verdict(findings) == "error", phrase
        assert _only(findings, "1373-status-restriction").limb.startswith("§ 1373(a)")


def test_not_withholding_status_is_no_restriction():
    findings = lint(doc("No clerk shall withhold a tenant's immigration status from the FBI."))
    assert verdict(findings) == "compliant"


def test_a_permission_to_withhold_stays_a_permission():
    officer = lint(doc("An officer may withhold a person's immigration status from callers."))
    assert verdict(officer) == "compliant"
    agency = lint(doc("The agency may withhold information on immigration status."))
    assert verdict(agency) == "warning"


def test_reporting_people_described_by_status_to_federal_authorities_sends_their_status():
    for people in ("undocumented immigrants", "immigrants", "persons unlawfully present"):
        findings = lint(doc(f"Housing inspectors shall not report {people} to ICE or the FBI."))
        assert verdict(findings) == "error", people
        assert people in _only(findings, "1373-status-restriction").message


def test_reporting_people_is_read_narrowly():
    for text in (
        "Inspectors shall not report immigrants to their landlords.",  # not a federal recipient
        "Inspectors shall not report tenants to federal agents.",  # not described by status
        "Inspectors shall not report code violations to the federal government.",
        "Inspectors shall report undocumented immigrants to federal immigration authorities.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_release_before_someones_information_is_a_verb_of_sending():
    findings = lint(
        doc(
            "No nurse shall release a patient's data, such as date of birth or immigration "
            "status, to any federal agency."
        )
    )
    assert verdict(findings) == "error"
    assert verdict(lint(doc("No jailer shall release an inmate's brother to ICE."))) == "compliant"


def test_recording_status_is_maintaining_it():
    for text in (
        "No registrar shall record information about an applicant's citizenship status.",
        "An applicant's citizenship status shall not be recorded.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "error", text
        assert _only(findings, "1373-status-restriction").limb == "§ 1373(b)(2): maintaining"


def test_a_record_as_a_noun_is_not_a_verb_of_keeping():
    findings = lint(
        doc(
            "No registrar shall ask about an applicant's criminal record or citizenship status, "
            "nor make an audio recording about it."
        )
    )
    assert verdict(findings) == "compliant"


def test_not_before_a_list_of_gerunds_negates_them():
    findings = lint(
        doc(
            "The clinic will not use its staff to help enforce federal immigration law. This "
            "includes not asking about, recording, or sharing a patient's immigration status."
        )
    )
    assert verdict(findings) == "error"
    finding = _only(findings, "1373-status-restriction")
    assert finding.sentence.startswith("This includes not asking about")
    # "recording" keeps what is recorded, and "sharing" sends it
    assert finding.limb == "§ 1373(a), (b)(1): sending or receiving; § 1373(b)(2): maintaining"


def test_not_before_other_gerunds_is_no_restriction():
    for text in (
        "Anyone who discloses a person's immigration status may be fined an amount not "
        "exceeding $500 and may report it to ICE.",
        "The fine for not reporting a tenant's immigration status to ICE is $50.",
        "Whether or not sharing immigration status with ICE is wise, the clerk may share it.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_a_law_voiding_policies_that_restrict_the_channels_protects_them():
    for text in (
        "This act voids any ordinance that a town may adopt to prohibit its officers from "
        "sharing information about the immigration status of any person with federal agencies.",
        "Any local policy that restricts employees from sending immigration status information "
        "to federal authorities is void.",
        "A county is prohibited from enacting a rule under which deputies are forbidden from "
        "exchanging immigration status information with ICE.",
        "A county shall not adopt any measure meant to prevent deputies from exchanging "
        "immigration status information with ICE.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_adopting_a_policy_that_restricts_the_channels_is_still_a_restriction():
    for text in (
        "The town adopts a policy that prohibits its officers from sharing immigration status "
        "with federal agents.",
        "The town shall enforce the rule that prohibits its officers from sharing immigration "
        "status with federal agents.",
    ):
        assert verdict(lint(doc(text))) == "error", text


# -- the fourth round (heldout-4's misses, on texts of our own) -------------------


def test_a_phrase_between_the_modal_and_not_keeps_the_restriction():
    findings = lint(
        doc(
            "The clinic shall, where it is able to, not disclose any information about a "
            "patient to federal immigration authorities."
        )
    )
    assert verdict(findings) == "warning"


def test_a_phrase_after_the_modal_without_not_is_still_a_duty():
    findings = lint(
        doc("Employees shall, as the director directs, report the immigration status of arrestees.")
    )
    assert verdict(findings) == "compliant"


def test_a_negated_passive_chain_protects_every_verb_it_names():
    for text in (
        "An officer shall not be prohibited, or in any way be restricted, from sending "
        "information regarding the immigration status of any person to federal authorities.",
        # a bill line number run into the text
        "A town official shall not be prohibited or in 14 any way be restricted from 15 "
        "maintaining information regarding the citizenship status of any individual.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_a_term_defined_with_a_comma_is_a_definition_that_restricts_nothing():
    """A statute's "the following terms mean:" list: '"Term", any ... that:' defines it."""
    findings = lint(
        doc(
            """
            1. As used in this section, the following terms mean:
            (1) "Shielding rule", any order or practice of a town that:
            (a) Prohibits any employee of the town from sending to federal officials the
            immigration status of any person; or
            (b) Bars the use of town funds for immigration enforcement.
            2. No town shall adopt or enforce a shielding rule.
            """
        )
    )
    assert verdict(findings) == "compliant"


def test_a_means_that_definition_of_a_banned_policy_restricts_nothing():
    """'"X" means an order ... that: (1) Limits ...' describes the policy a statute bans,
    whether the ban comes before it or the definition sits in its own subsection after it."""
    texts = (
        """
        Section 4-1-9. Shielding rules prohibited - Definition
        (a)
        (1) A town shall not enact or adopt a shielding rule.
        (2) A town that enacts or adopts a shielding rule is ineligible for state grants
        until the shielding rule is repealed.
        (b) As used in this section, "shielding rule" means an order, ordinance, or policy,
        whether formally enacted or informally adopted, that:
        (1) Limits or prohibits a town employee from communicating with federal officials to
        report the immigration status of a person; or
        (2) Bars the use of town funds for immigration enforcement.
        """,
        """
        1. "Shielding rule" means an order, ordinance, or policy that:
        (a) Prohibits any officer from sending the immigration status of any person to ICE.
        2. A shielding rule is prohibited.
        """,
        """
        1. "Shielding rule" means an order, ordinance, or policy that:
        (a) Prohibits any officer from sending the immigration status of any person to ICE.
        2. A county that has a shielding rule is ineligible for state funds until the
        shielding rule is repealed.
        """,
    )
    for text in texts:
        assert verdict(lint(doc(text))) == "compliant", text


def test_a_defined_policy_the_document_adopts_is_imposed():
    """A local ordinance that defines a policy and then adopts it imposes what it describes."""
    for adoption in (
        "The City hereby adopts a sanctuary policy.",
        "Every department shall implement the sanctuary policy.",
    ):
        findings = lint(
            doc(
                f"""
                Section 1. Definitions.
                "Sanctuary policy" means a policy of the City that:
                (1) Prohibits any employee of the City from sending to federal officials the
                immigration status of any person; or
                (2) Bars the use of City funds for immigration enforcement.

                Section 2. Adoption.
                {adoption}
                """
            )
        )
        finding = _only(findings, "1373-status-restriction")
        assert finding.sentence.startswith("Prohibits any employee of the City"), adoption


def test_a_defined_policy_named_only_to_be_banned_or_penalised_is_not_adopted():
    for ban in (
        "No city shall adopt a sanctuary policy.",
        "A city that adopts a sanctuary policy loses its state funding.",
        "If a city enacts a sanctuary policy, the attorney general may sue.",
        "Cities are prohibited from adopting or enforcing a sanctuary policy.",
    ):
        findings = lint(
            doc(
                f"""
                Section 1. Definitions.
                "Sanctuary policy" means a policy of a city that:
                (1) Prohibits any employee of the city from sending to federal officials the
                immigration status of any person.

                Section 2. Ban.
                {ban}
                """
            )
        )
        assert verdict(findings) == "compliant", ban


def test_a_negated_subject_with_a_long_clause_forbids_the_policy_it_describes():
    """ "No governing body ..., whether acting ... or by any other process, shall enact ...
    any policy that prohibits ..." is the outer negation of a double negative, like "shall
    not adopt any policy that prohibits": the policy is banned, not imposed."""
    for text in (
        "No governing body of a city or town, whether acting through its governing body or by "
        "an initiative, referendum or any other process, shall enact, adopt, implement or "
        "enforce any policy that prohibits or restricts local officials or employees from "
        "communicating or cooperating with federal officials with regard to reporting "
        "immigration status information.",
        "No city, county, town or other political subdivision of this state, including any "
        "department, agency, board or commission of the city, county or town, or any official, "
        "officer or employee thereof, may adopt any ordinance or policy that limits or "
        "prohibits any official from sending information regarding the immigration status of "
        "any individual to federal immigration authorities.",
        "No local government shall have a policy that limits or prohibits an officer from "
        "sending information regarding the citizenship or immigration status of any individual "
        "to ICE.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_a_negated_subject_with_a_long_clause_still_restricts_its_own_act():
    for text in (
        "No employee of the city, whether acting in an official capacity or otherwise, and "
        "whether on or off duty, shall disclose information regarding the immigration status of "
        "any person to ICE.",
        "No officer of the department, including any sworn officer, reserve officer, cadet, "
        "civilian employee, contractor, volunteer or intern assigned to any unit or division of "
        "the department, shall share the immigration status of any person with federal "
        "immigration authorities.",
        "The city shall adopt a policy that limits or prohibits officers from sending the "
        "immigration status of any person to ICE.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "error", text
        assert "1373-status-restriction" in rules(findings, "error"), text


def test_the_same_item_outside_a_definition_is_still_a_restriction():
    findings = lint(
        doc(
            """
            1. The town adopts the following rule:
            (a) The town prohibits any employee from sending to federal officials the
            immigration status of any person.
            """
        )
    )
    assert verdict(findings) == "error"


def test_status_to_be_kept_private_is_a_duty_of_confidentiality():
    findings = lint(
        doc(
            "Personal details of library patrons, including citizenship and immigration "
            "status, are to be kept private in accordance with state law."
        )
    )
    assert verdict(findings) == "error"


def test_private_as_an_adjective_is_no_duty():
    findings = lint(
        doc(
            "The city shall keep private roads clear of snow. Officers shall not ask anyone "
            "about immigration status."
        )
    )
    assert verdict(findings) == "compliant"


def test_not_notifying_immigration_authorities_of_people_described_by_status_sends_status():
    for text in (
        "Deputies will not notify ICE of undocumented residents who report crimes.",
        "Staff shall not notify federal immigration officers about people unlawfully present "
        "in the United States.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "error", text


def test_notifying_is_read_narrowly():
    for text in (
        "Deputies shall not notify ICE of the release of any inmate.",  # release, not status
        "Deputies will not notify the family of undocumented workers of the hearing.",
        "Deputies shall notify ICE of undocumented persons arrested for a felony.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_calling_an_immigration_authority_to_obtain_status_is_requesting_it():
    for text in (
        "Officers shall not ask anyone about immigration status, nor call ICE from the scene "
        "to obtain such information.",
        "Officers shall not contact federal immigration authorities to obtain the immigration "
        "status of a witness.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "error", text
        assert "requesting" in _only(findings, "1373-status-restriction").limb, text


def test_obtaining_status_from_the_person_stays_a_dont_ask_rule():
    for text in (
        "Officers shall not obtain information about immigration status from a witness.",
        "Officers shall not call a tow company to obtain anyone's immigration status.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_information_named_by_the_people_it_is_about_can_reach_status():
    for text in (
        "Patient information shall not be disclosed to immigration authorities without a "
        "court order.",
        "The shelter will not share client records with ICE.",
        "The clinic shall not disclose any files to federal immigration officers.",
    ):
        assert verdict(lint(doc(text))) == "warning", text


def test_keeping_information_named_by_people_is_no_restriction():
    findings = lint(doc("The district shall maintain student records as state law requires."))
    assert verdict(findings) == "compliant"


def test_access_to_databases_or_information_denied_to_immigration_enforcement_is_broad():
    for text in (
        "The library does not permit anyone engaged in immigration enforcement to access its "
        "meeting rooms, computers; patron databases; or staff areas.",
        "Staff shall not give federal immigration agents access to information without the "
        "approval of counsel.",
        "Deputies and immigration agents must be restricted from routine access and "
        "information sharing.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "warning", text
        assert _only(findings, "1373-broad-restriction").limb.startswith("§ 1373(a)"), text


def test_access_is_read_narrowly():
    for text in (
        # no new clause crossed for the information noun
        "ICE shall not be given access to the jail unless it presents a warrant; staff shall "
        "keep records of each visit.",
        "Staff shall not give ICE access to release dates.",  # Steinle
        "The city shall give ICE access to its records.",  # no restriction
    ):
        assert verdict(lint(doc(text))) == "compliant", text


# -- the fifth round (heldout-5's misses, on texts of our own) --------------------


def test_a_definition_list_after_a_dash_catchline_reaches_status():
    """'TITLE.--' then 'A. ... shall not disclose <term>' and 'B. "<term>" means a person's:'
    with items naming immigration status: the bar follows its definition to status."""
    text = """
        SECTION 1. A new section of the Public Records Act is enacted to read:
        "[NEW MATERIAL] PROTECTED CLIENT DATA.--
        A. A county employee shall not disclose protected client data to anyone outside the
        county except when:
        (1) required by a subpoena; or
        (2) made with the written consent of the client.
        B. As used in this section, "protected client data" means a client's:
        (1) home address; and
        (2) immigration status or religion."
        """
    finding = _only(lint(doc(text)), "1373-status-restriction")
    assert finding.severity == "error"
    assert "“protected client data” is defined" in finding.message


def test_forbidding_to_impose_limits_on_the_channels_protects_them():
    for text in (
        "State law prohibits county officers from imposing limits on sending or receiving "
        "information regarding immigration status with any federal agency.",
        "The board shall not place any restrictions on sharing citizenship or immigration "
        "status with federal authorities.",
        "No department shall establish limits on exchanging immigration status information "
        "with ICE.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_imposing_limits_on_the_channels_is_still_a_restriction():
    for text in (
        "The county imposes limits on sending immigration status information to ICE.",
        "Officers shall maintain restrictions on sharing immigration status with federal agents.",
    ):
        assert verdict(lint(doc(text))) == "error", text


def test_what_a_forbidden_restriction_includes_is_forbidden_too():
    text = (
        "A county shall not adopt a policy which restricts any officer from assisting federal "
        "immigration enforcement, including restricting any officer from cooperating with "
        "federal agents. This includes restrictions on: (1) sending information about "
        "immigration status to federal agencies; (2) keeping records of immigration status."
    )
    assert verdict(lint(doc(text))) == "compliant"


def test_what_a_restriction_includes_is_still_restricted():
    text = (
        "No officer shall assist federal immigration enforcement. This includes restrictions on "
        "sending information about immigration status to federal agencies."
    )
    assert verdict(lint(doc(text))) == "error"


def test_legislative_findings_restrict_nothing_to_the_end_of_their_paragraph():
    text = """
        SECTION 1. The council finds that residents fear contact with the police. Federal law
        limits cities from restricting communication concerning the immigration status of any
        person. The city does not share other personal information with ICE.

        SECTION 2. Confidentiality.
        No officer shall disclose the immigration status of any person to ICE.
        """
    findings = lint(doc(text))
    assert [f.section for f in findings if f.severity == "error"] == ["SECTION 2. Confidentiality."]
    assert rules(findings, "warning") == []


def test_a_section_headed_findings_restricts_nothing():
    for text in (
        """
        Sec. 1. Legislative findings.
        (a) Immigrant residents are valued members of the community.
        (b) Federal law bars restricting communication regarding immigration status.
        """,
        "The General Assembly hereby finds and declares that state law prohibits officers from "
        "sharing information about the immigration status of crime victims.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_a_sentence_that_only_mentions_findings_is_still_operative():
    findings = lint(doc("Officers who find that a person is undocumented shall not report "
                        "the immigration status of that person to ICE."))  # fmt: skip
    assert verdict(findings) == "error"


def test_broad_classes_withheld_from_immigration_enforcement_are_warnings():
    for text in (
        # information given in response to ICE's requests: the request is the occasion
        "Deputies may not provide information pursuant to detainer requests from federal "
        "immigration authorities, except as required by law.",
        "Staff shall not disclose information in response to requests from ICE.",
        # non-public information in other words
        "Officers shall not communicate with CBP by providing information beyond what is "
        "available to the general public.",
        "Employees shall not give ICE information not available to the public.",
        # ICE and CBP spelled out
        "We do not share enrollment data with Immigration and Customs Enforcement.",
        "The clinic will not send records to U.S. Customs and Border Protection.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "warning", text
        assert "1373-broad-restriction" in rules(findings, "warning"), text


def test_access_to_patron_records_denied_to_law_enforcement_is_broad():
    findings = lint(
        doc(
            "The library does not permit access to patron records by law enforcement unless "
            "required by a judicial warrant."
        )
    )
    assert verdict(findings) == "warning"
    assert _only(findings, "1373-broad-restriction").limb.startswith("§ 1373(a)")


def test_the_narrow_readings_of_requests_and_access_stay():
    for text in (
        "Deputies shall not respond to notification requests from ICE.",  # release (Steinle)
        "Law enforcement shall not be given access to the building without a warrant.",
        "The library gives law enforcement access to patron records on request.",
        "Staff shall share public information with ICE.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


# -- the sixth round (heldout-6's misses, on texts of our own) --------------------


def test_information_confined_to_named_categories_other_than_status_is_narrow():
    for text in (
        "No employee shall disclose personally identifiable information regarding the religious "
        "beliefs, practices, or affiliation, or national origin or ethnicity, of any individual "
        "to the federal government.",
        "No officer shall share any information about a person's religion, sexual orientation or "
        "place of birth with ICE.",
        "Staff shall not exchange personal information concerning the ethnicity or national "
        "origin of residents with federal agencies.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "compliant", text
        assert "1373-limited-info" in rules(findings, "info"), text


def test_information_related_to_status_is_status_information():
    """ "related to", "relating to", "pertaining to", "in relation to" and "connected with"
    status make information status information, as "regarding", "about" and "concerning" do,
    also after "release" whose recipient comes first."""
    for text in (
        "Employees shall not disclose any information related to immigration status to ICE.",
        "No clerk shall share records relating to the citizenship status of any person.",
        "Staff shall not provide any information pertaining to immigration status to ICE.",
        "Employees shall not share information in relation to the immigration status of any "
        "person with federal officials.",
        "Officers shall not provide records connected with a person's citizenship status to ICE.",
        "Employees shall not release to U.S. Immigration Officers or to any person, any "
        "personally identifiable student information related to immigration status.",
        "Staff shall not release to ICE any records of a student's immigration status.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "error", text
        assert "1373-status-restriction" in rules(findings, "error"), text


def test_related_to_named_categories_other_than_status_is_narrow_and_release_moves_no_person():
    for text in (
        "Employees shall not share any information in relation to the religious beliefs or "
        "ethnicity of any individual with ICE.",
        "Employees shall not share any information connected with the religion or national "
        "origin of any individual with ICE.",
        "Employees shall not release to federal officers any information relating to the "
        "religious beliefs or national origin of any individual.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "compliant", text
        assert "1373-limited-info" in rules(findings, "info"), text
    for text in (
        "The jail shall not release to ICE any inmate with a pending charge.",
        "Officers shall release the person to ICE with any records of the arrest.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_a_qualifier_naming_people_anything_or_status_leaves_the_category_as_it_was():
    for text, expected in (
        ("No employee shall disclose personal information regarding any individual to ICE.",
         "warning"),
        ("No employee shall disclose confidential information about a person to ICE.", "warning"),
        ("Staff shall not share information concerning residents with federal immigration "
         "authorities.", "warning"),
        ("No employee shall disclose personal information regarding religion or any other "
         "matter to ICE.", "warning"),
        ("No employee shall disclose personal information regarding the religion or nationality "
         "of any individual to ICE.", "warning"),
        ("No employee shall disclose personal information regarding the national origin or "
         "citizenship of any individual to ICE.", "error"),
        ("No employee shall disclose personal information regarding the religion or immigration "
         "status of any person to ICE.", "error"),
    ):  # fmt: skip
        assert verdict(lint(doc(text))) == expected, text


def test_compiling_a_registry_is_gathering_not_sending():
    text = (
        "No agency shall disclose personal information regarding the religious affiliation of "
        "any individual that federal officers request for compiling a list, registry, or "
        "database of individuals based on religion."
    )
    assert verdict(lint(doc(text))) == "compliant"


def test_information_described_by_what_it_indicates_is_status_information():
    for text in (
        "The clerk shall not share or transmit documentation or other information that indicates "
        "that an individual is not a citizen of the United States.",
        "No clerk shall disclose any information that shows a person is undocumented to ICE.",
        "Staff shall not release records that would disclose that an applicant is unlawfully "
        "present.",
        "Officers shall not provide evidence of a person's non-citizenship to federal agents.",
        "Employees will not send information indicating that a tenant is not a U.S. citizen.",
        "Staff shall not share information that reveals that the student is an undocumented alien.",
        "Staff shall not exchange data which establishes that a worker is not lawfully present.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "error", text
        assert "1373-status-restriction" in rules(findings, "error"), text


def test_information_described_by_what_else_it_indicates_is_not_status():
    for text, expected in (
        ("The clerk shall forward documentation that indicates that a registrant is not a citizen "
         "to the county prosecutor.", "compliant"),  # a duty, no restriction
        ("Staff shall not share information that shows the person is a veteran.", "compliant"),
        ("No clerk shall disclose any information that indicates that a voter has moved.",
         "warning"),  # "any information": broad, as before
    ):  # fmt: skip
        assert verdict(lint(doc(text))) == expected, text


def test_a_definition_naming_information_that_indicates_non_citizenship_names_status():
    text = """
        Sec. 1. Definitions.
        "Protected records" means records that indicate that a person is not a citizen.

        Sec. 2. Confidentiality.
        No employee shall disclose protected records to any federal agency.
        """
    finding = _only(lint(doc(text)), "1373-status-restriction")
    assert "“protected records” is defined" in finding.message


def test_the_broad_message_says_access_for_access_and_sharing_for_sharing():
    access = _only(
        lint(
            doc(
                "The library does not permit anyone engaged in immigration enforcement to access "
                "its meeting rooms, computers; patron databases; or staff areas."
            )
        ),  # fmt: skip
        "1373-broad-restriction",
    )
    assert access.message.startswith("This restricts access to “databases” (“access ")
    sharing = _only(
        lint(doc("The clinic shall not disclose any files to federal immigration officers.")),
        "1373-broad-restriction",
    )
    assert sharing.message.startswith("This restricts sharing “any files” (“disclose any files”)")


# -- a second predicate's subject -------------------------------------------------


def test_a_second_predicate_restricts_the_first_predicates_subject_not_its_object():
    """ "X will not include Y and will not be shared": the sharing is X's, and Y is not in X."""
    for text in (
        "However, this information will not include immigration status and will not be shared "
        "with government agencies outside of public health.",
        "Personal information will not include immigration status and will not be shared with ICE.",
        "Records shall not contain a person's citizenship or immigration status and shall not be "
        "disclosed to any federal agency.",
        "The form does not ask for immigration status but is not disclosed to ICE.",
        "Officers shall verify immigration status and shall not be disclosed.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_what_the_subject_holds_goes_with_it_into_the_second_predicate():
    for text in (
        "Immigration status information will not be shared.",
        "Records will include immigration status and will not be shared with ICE.",
        "Records shall contain a person's immigration status and shall not be disclosed to ICE.",
        "The form asks for immigration status but is not disclosed to ICE.",
        "Records will not include immigration status, and immigration status will not be shared "
        "with ICE.",  # a subject of its own
        "Immigration status will not be recorded and will not be shared with ICE.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "error", text
        assert "1373-status-restriction" in rules(findings, "error"), text


def test_not_including_status_excludes_it_only_from_what_the_sentence_restricts():
    # no second predicate restricting the information: nothing is excluded or restricted
    assert verdict(lint(doc("This information will not include immigration status."))) == (
        "compliant"
    )
    # a don't-ask rule stays one: "not ask about" is not an exclusion
    facts = sentence_facts(
        "Officers shall not ask about immigration status and shall not be disciplined."
    )
    assert [r.mention.text for r in facts.dont_ask] == ["immigration status"]
    assert not facts.excludes_status
    facts = sentence_facts(
        "Personal information will not include immigration status and will not be shared."
    )
    assert facts.excludes_status and not facts.status and facts.broad


# -- ninth round: confidentiality in other words, "not required to disclose", retention --


def test_held_in_confidence_or_not_made_public_is_a_duty_of_confidentiality():
    for text in (
        "Records that pertain to a patron's use of the library are held in strict confidence.",
        "The library's registration records are held in confidence and not made public.",
        "Library records shall not be made public.",
        "Confidentiality extends to registration records and interlibrary loan requests.",
        "Registration records will not be made available to any individual, agency of state, "
        "federal or local government except pursuant to a subpoena.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "warning", text
        assert "1373-broad-restriction" in rules(findings, "warning"), text
    findings = lint(doc("A person's immigration status shall be held in confidence."))
    assert verdict(findings) == "error"


def test_a_narrow_item_not_made_public_or_circulation_records_restrict_nothing():
    for text in (
        "The names of complainants shall not be made public.",
        "Home addresses of officers are held in confidence.",
        # circulation records hold what was borrowed, not what a patron gave to register
        "Circulation records shall not be made available to any agency of state, federal or "
        "local government.",
        "The city shall keep library records for five years.",
        "The library will publish its annual report, which is not made public until June.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_a_body_or_its_workforce_not_required_to_disclose_status_may_withhold_it():
    for text in (
        "Court personnel are not required to disclose citizenship or immigration status "
        "information about any person, unless such disclosure is required by judicial warrant.",
        "The agency need not disclose a person's immigration status.",
        "Department staff may decline to share immigration status information with ICE.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "warning", text
        assert "1373-permits-withholding" in rules(findings, "warning"), text


def test_no_requirement_in_law_or_an_individuals_choice_is_no_discretion_granted():
    for text in (
        # a statement that the law imposes no duty (Howard County's FAQ) grants nothing
        "If staff learn a student is undocumented, there is no requirement to report to any "
        "other government agency.",
        # an officer's own discretion restricts no one, as with "may decline"
        "Officers are not required to disclose immigration status.",
        # the person asked, not the body holding the information
        "Applicants are not required to disclose their immigration status.",
        "The department is not required to disclose release dates.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


def test_keeping_status_only_when_needed_restricts_maintaining_it():
    for text in (
        "Effective today, the Judiciary will request and retain information about immigration "
        "status only when needed to fulfill a legitimate court purpose.",
        "Officers shall retain immigration status information only for thirty days.",
        "The district will keep records of a student's immigration status only if required.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "error", text
        assert _only(findings, "1373-status-restriction").limb == "§ 1373(b)(2): maintaining"


def test_asking_only_when_needed_or_keeping_without_a_limit_is_not_a_restriction():
    # only the keeping verbs are read as limited: asking only when needed stays outside § 1373
    facts = sentence_facts("The court will ask about and keep immigration status only if needed.")
    assert [v.text for r in facts.status for v in r.verbs] == ["keep"]
    for text in (
        "Officers will ask about immigration status only when needed.",
        "Officers shall retain immigration status information.",
        "Officers will retain release dates only when needed.",
        "Not only will the city retain immigration status information, it will share it.",
    ):
        assert verdict(lint(doc(text))) == "compliant", text


# -- tenth round: anaphora, legal process demanded, bare information, other forms -----


def _verdicts(cases: tuple[tuple[str, str], ...]) -> None:
    for expected, text in cases:
        assert verdict(lint(doc(text))) == expected, text


def test_such_information_after_status_is_status_information():
    _verdicts(
        (
            (
                "error",
                "Officers shall not collect information about immigration status or share such "
                "information with federal agencies.",
            ),
            (
                "error",
                "The Department will not gather information regarding citizenship status and "
                "will prohibit the use or disclosure of such information, except as required by "
                "law.",
            ),
            # "other such information" after a list refers to the list, not back to the status
            # named before it (no error)
            (
                "warning",
                "Officers shall not ask about immigration status, and shall not disclose release "
                "dates, home addresses or other such information to ICE.",
            ),
        )
    )


def test_prohibiting_the_use_or_disclosure_of_status_restricts_disclosing_it():
    findings = lint(
        doc(
            "The agency shall prohibit the collection, use, or disclosure of information "
            "regarding immigration status."
        )
    )
    assert verdict(findings) == "error"
    assert (
        _only(findings, "1373-status-restriction").limb == "§ 1373(a), (b)(1): sending or receiving"
    )
    # prohibiting collection alone stays a don't-ask rule
    assert verdict(
        lint(doc("The agency shall prohibit the collection of immigration status."))
    ) == ("compliant")


def test_legal_process_demanded_of_immigration_enforcement_conditions_giving_what_it_asks_for():
    _verdicts(
        (
            (
                "warning",
                "If an immigration agent requests client files, the agent must present a valid "
                "court order.",
            ),
            ("warning", "ICE agents must present a judicial warrant to obtain student records."),
            (
                "error",
                "If ICE requests information about a tenant's immigration status, it must present "
                "a judicial warrant.",
            ),
            # not information, or narrow information, or not immigration enforcement
            (
                "compliant",
                "If ICE requests access to a detainee, the officer must present a judicial "
                "warrant.",
            ),
            (
                "compliant",
                "Requests from ICE for release dates must be accompanied by a judicial warrant.",
            ),
            (
                "compliant",
                "If a landlord requests tenant records, they must present a valid subpoena.",
            ),
            (
                "compliant",
                "If a parent requests student records, they must present identification.",
            ),
        )
    )


def test_bare_information_given_to_immigration_enforcement_is_a_broad_category():
    _verdicts(
        (
            (
                "warning",
                "No officer shall provide any assistance to ICE, including the sharing of "
                "information.",
            ),
            (
                "warning",
                "The city will not share data with federal agencies for the purpose of immigration "
                "enforcement.",
            ),
            ("warning", "No information shall be released to ICE without a judicial warrant."),
            (
                "warning",
                "The County will not make its records available to ICE without a court order.",
            ),
            # qualified after the recipient: read by its qualifier
            (
                "compliant",
                "The city shall not share information with ICE about a person's religion.",
            ),
            (
                "error",
                "The city shall not share information with ICE about a person's immigration "
                "status.",
            ),
            # no immigration enforcement named: information in general is not read as broad
            (
                "compliant",
                "No officer shall rely on race or national origin when providing information or "
                "deciding whether to take law enforcement action.",
            ),
            # the route, not a bar
            ("compliant", "The Commission does not directly share information with DHS."),
            (
                "error",
                "Officers shall not directly or indirectly share immigration status with ICE.",
            ),
            ("compliant", "Information shall be shared with ICE."),
        )
    )


def test_an_object_described_by_a_participle_is_still_the_subject():
    _verdicts(
        (
            (
                "warning",
                "Personal information collected by the City shall not be shared with federal "
                "agencies except as required by law.",
            ),
            (
                "warning",
                "Personal information obtained from residents shall not be disclosed to ICE.",
            ),
            (
                "compliant",
                "Personal information collected by the City may be shared with federal agencies.",
            ),
        )
    )


def test_information_about_citizenship_is_status_information():
    _verdicts(
        (
            (
                "error",
                "City employees shall not transmit citizenship information to the Department of "
                "Homeland Security.",
            ),
            (
                "error",
                "The district will not release information about a student's citizenship to "
                "immigration officials without a court order.",
            ),
            (
                "compliant",
                "The city shall not share information about citizenship classes with ICE.",
            ),
            # "release information" is a noun only where no modal or "to" makes it the verb
            ("compliant", "The jail shall not provide release information to ICE."),
        )
    )


def test_giving_allowed_only_on_a_condition_is_restricted():
    _verdicts(
        (
            (
                "error",
                "Immigration status information shall only be shared with ICE pursuant to a "
                "judicial warrant.",
            ),
            (
                "warning",
                "Records shall only be released to ICE upon presentation of a judicial warrant.",
            ),
            (
                "error",
                "Immigration status information may be shared with ICE only if a judicial "
                "warrant is presented.",
            ),
            ("compliant", "The city will only honor detainers accompanied by a judicial warrant."),
            # contact with ICE is the channel itself (thirteenth round): a condition on it can
            # reach status
            (
                "warning",
                "Officers may only contact ICE when a person has been arrested for a felony.",
            ),
        )
    )


def test_told_not_to_is_a_restriction():
    _verdicts(
        (
            (
                "error",
                "Officers are directed not to disclose a person's immigration status to ICE.",
            ),
            (
                "error",
                "It shall be the policy of the city to not share immigration status information "
                "with federal authorities.",
            ),
        )
    )


def test_status_inside_a_passive_subject_of_information_is_restricted():
    _verdicts(
        (
            (
                "error",
                "No information regarding a person's immigration status shall be released unless "
                "required by law.",
            ),
        )
    )


def test_asking_federal_immigration_authorities_for_status_is_requesting_it():
    for text in (
        "Members shall not make inquiries of ICE regarding the immigration status of any person.",
        "Officers shall not contact ICE to determine a person's immigration status.",
        "Staff shall not verify immigration status with federal authorities.",
    ):
        findings = lint(doc(text))
        assert verdict(findings) == "error", text
        assert _only(findings, "1373-status-restriction").limb == "§ 1373(b)(1): requesting", text
    # finding it out for oneself is not requesting it
    assert verdict(lint(doc("Officers shall not attempt to determine immigration status."))) == (
        "compliant"
    )


def test_the_recipient_then_what_is_said_about_status():
    _verdicts(
        (
            (
                "error",
                "County employees may not communicate with federal immigration authorities about a "
                "person's immigration status.",
            ),
            (
                "error",
                "County staff are prohibited from confirming a person's immigration status to ICE.",
            ),
        )
    )


def test_confidentiality_with_the_object_between_or_as_a_noun():
    _verdicts(
        (
            ("error", "Officers must keep information about immigration status private."),
            ("error", "Staff shall protect the confidentiality of students' immigration status."),
            ("compliant", "Officers must keep the home addresses of crime victims private."),
            ("warning", "Officers must keep information about crime victims private."),
            ("compliant", "Employees shall maintain the confidentiality of personnel files."),
        )
    )


def test_answering_a_request_for_information_is_giving_it():
    _verdicts(
        (
            (
                "warning",
                "The city shall not comply with any request from ICE for information about "
                "individuals in its custody.",
            ),
            (
                "compliant",
                "The city shall not comply with any request from ICE to detain an individual.",
            ),
            (
                "compliant",
                "The Police Department shall not honor ICE requests for notification of release "
                "dates.",
            ),
        )
    )


def test_documenting_status_is_keeping_it():
    findings = lint(doc("Officers shall not document a person's immigration status in any report."))
    assert verdict(findings) == "error"
    assert _only(findings, "1373-status-restriction").limb == "§ 1373(b)(2): maintaining"


def test_items_a_lead_in_lets_a_court_enjoin_describe_forbidden_policies():
    findings = lint(
        doc(
            """
            (E) A resident may bring a civil action to enjoin:
            (a) an enactment by the county of any ordinance or policy that intentionally limits or
            prohibits a county employee from communicating to federal officials regarding the
            immigration status of a person.
            """
        )
    )
    assert verdict(findings) == "compliant"


# -- eleventh round: "can not", forbidden policies' lists, refusing, telling, pronouns ----


def test_can_not_before_a_verb_of_forbidding_protects_the_channel():
    _verdicts(
        (
            (
                "compliant",
                "The City cannot prohibit employees from sharing immigration status information "
                "with ICE.",
            ),
            (
                "compliant",
                "Laws dictate that the department can not prohibit officers from sharing "
                "information regarding a person's immigration status with the federal government.",
            ),
            ("error", "Officers cannot share immigration status information with ICE."),
            ("error", "Officers can not disclose a person's immigration status to ICE."),
        )
    )


def test_items_of_policies_a_lead_in_forbids_describe_them():
    forbidden = """
        Section 1. No county may adopt a policy that:
        (a) Prohibits an officer from sending immigration status information to ICE; or
        (b) Restricts an officer from maintaining immigration status information.
        """
    adopted = """
        Section 1. The Sheriff shall adopt a policy that:
        (a) Prohibits an officer from sending immigration status information to ICE; and
        (b) Requires training.
        """
    long_agent = """
        No local unit may enact, maintain, or enforce any ordinance, resolution, or other
        enactment that:
        (1) Limits or prohibits any agent of the local unit or of any public postsecondary
        educational institution in this state from communicating with a federal agency to
        report the immigration status of any person.
        """
    assert verdict(lint(doc(forbidden))) == "compliant"
    assert verdict(lint(doc(long_agent))) == "compliant"
    assert verdict(lint(doc(adopted))) == "error"


def test_refusing_to_give_status_restricts_it():
    _verdicts(
        (
            ("error", "The department refuses to share immigration status information with ICE."),
            (
                "error",
                "The police department will refuse to disclose a person's immigration status to "
                "federal immigration authorities.",
            ),
            ("compliant", "The department refuses to honor civil immigration detainers."),
        )
    )


def test_an_item_that_starts_with_not_is_negated():
    findings = lint(
        doc(
            """
            The Department will:
            • Not share immigration status information with ICE.
            • Not detain anyone on a civil immigration detainer.
            """
        )
    )
    assert verdict(findings) == "error"
    assert len(rules(findings, "error")) == 1


def test_telling_immigration_authorities_status_sends_it():
    _verdicts(
        (
            ("error", "The City will not tell ICE a person's immigration status."),
            (
                "error",
                "Hospital staff will not tell the Immigration Service or other law enforcement "
                "agencies your immigration status.",
            ),
            ("compliant", "Officers will tell residents about their rights."),
        )
    )


def test_a_pronoun_after_status_information_is_status_information():
    _verdicts(
        (
            (
                "error",
                "Officers shall not collect immigration status information or share it with ICE.",
            ),
            ("compliant", "Officers shall not collect release dates or share them with ICE."),
        )
    )


def test_information_given_voluntarily_is_a_broad_category():
    _verdicts(
        (
            (
                "warning",
                "The City shall not provide voluntary information to federal immigration "
                "authorities.",
            ),
            (
                "warning",
                "The City shall not take any action to facilitate immigration enforcement, "
                "including providing nonmandatory information to any federal agency.",
            ),
        )
    )


def test_asking_another_body_to_adopt_a_restriction_is_a_warning_not_an_error():
    findings = lint(
        doc(
            "The Board urges the Sheriff to adopt a policy of not sharing immigration status "
            "information with ICE."
        )
    )
    assert verdict(findings) == "warning"
    assert rules(findings, "warning") == ["1373-urges-restriction"]
    _verdicts(
        (
            (
                "warning",
                "The Council requests that the Police Department develop procedures under which "
                "officers will not share personal information with ICE.",
            ),
            (
                "compliant",
                "The Board urges the Sheriff to adopt a policy of honoring only detainers signed "
                "by a judge.",
            ),
        )
    )


def test_what_it_means_to_be_a_sanctuary_is_no_definition():
    findings = lint(
        doc(
            """
            Here is what it means to be a welcoming city:
            - We will not share immigration status information with ICE.
            - We will not ask about immigration status.
            """
        )
    )
    assert verdict(findings) == "error"


def test_status_given_to_immigration_authorities_named_first_is_sent():
    _verdicts(
        (
            (
                "error",
                "The district will not voluntarily provide ICE with a student's immigration "
                "status.",
            ),
            (
                "warning",
                "No County officer shall respond to ICE requests for information about "
                "incarcerated individuals.",
            ),
        )
    )


# -- twelfth round: prohibitions after their subject, lists as objects, approval steps ----


def test_a_prohibition_after_its_subject_forbids_what_the_subject_names():
    _verdicts(
        (
            ("error", "Any disclosure of immigration status to ICE is prohibited."),
            (
                "error",
                "Any communication to an immigration agency initiated by school personnel "
                "concerning any student in reference to his or her immigration status is "
                "prohibited.",
            ),
            ("warning", "The sharing of personal information with ICE is strictly prohibited."),
            ("compliant", "Any inquiry into a person's immigration status is prohibited."),
        )
    )


def test_a_second_passive_with_its_auxiliary_left_out_is_negated():
    _verdicts(
        (
            (
                "warning",
                "Student information is confidential and not disclosed to ICE without a court "
                "order.",
            ),
            (
                "warning",
                "Personal information is protected by privacy laws and not shared with ICE unless "
                "legally required.",
            ),
        )
    )


def test_the_items_of_a_lead_ins_list_are_its_objects():
    named = """
        (1) The Department may not release the following information to ICE:
        (a) a person's home address;
        (b) a person's immigration status.
        """
    narrow = """
        (1) The Department may not release the following information to ICE:
        (a) a person's home address;
        (b) a person's release date.
        """
    assert verdict(lint(doc(named))) == "error"
    assert verdict(lint(doc(narrow))) == "compliant"


def test_an_approval_step_before_answering_immigration_enforcement_conditions_giving():
    _verdicts(
        (
            (
                "error",
                "Staff must obtain the principal's approval before responding to any request for "
                "a student's immigration status from ICE.",
            ),
            (
                "warning",
                "District staff must seek authorization from the General Counsel prior to "
                "responding to a request for student records from an ICE agent.",
            ),
            (
                "compliant",
                "Staff must obtain approval before responding to any request from a parent for "
                "records.",
            ),
        )
    )


def test_being_asked_to_provide_status_is_a_dont_ask_rule():
    _verdicts(
        (
            (
                "compliant",
                "Students will not be asked by school officials to provide their immigration "
                "status.",
            ),
            ("compliant", "Officers shall not ask anyone to disclose their immigration status."),
        )
    )


def test_recording_status_joined_to_asking_is_still_keeping_it():
    """Reversed on 2026-12-01 (the sixteenth round had read "inquire about or record" as
    gathering): a record of status is status kept, § 1373(b)(2), whatever verb comes
    before it. The blind readers of every such corpus file since read it so (Wayne State's
    two readers; Iowa City, Rutgers and Berkeley Unified, adjudicated: corpus README,
    "Adjudicated verdicts"); two synthetic probes did not (test_probes.py)."""
    _verdicts(
        (
            (
                "error",
                "Officers shall not inquire about or record a person's immigration status.",
            ),
            (
                "error",
                "Police do not inquire into nor record the immigration status of students.",
            ),
            ("error", "Officers shall not record or share a person's immigration status."),
            ("error", "The city will not maintain records of immigration status."),
            ("compliant", "Officers shall not inquire about a person's immigration status."),
        )
    )
    finding = _only(
        lint(doc("Officers shall not inquire about or record a person's immigration status.")),
        "1373-status-restriction",
    )
    assert finding.limb == "§ 1373(b)(2): maintaining"


def test_limits_from_in_a_policy_the_text_forbids_is_described():
    findings = lint(
        doc(
            "A bill to prohibit local units of government from enacting any policy that limits "
            "local officials from communicating with federal officials concerning the immigration "
            "status of individuals."
        )
    )
    assert verdict(findings) == "compliant"


# -- thirteenth round: the channel itself, anaphora across a question, neither/nor -------


def test_a_restriction_on_communicating_with_immigration_authorities_can_reach_status():
    _verdicts(
        (
            (
                "warning",
                "Absent a request from ICE, staff shall not initiate communication with ICE "
                "officers.",
            ),
            ("warning", "Officers shall not initiate contact with ICE."),
            # what is communicated, when named, decides
            (
                "error",
                "Officers shall not communicate with ICE about a person's immigration status.",
            ),
            ("compliant", "Officers shall not contact ICE regarding an inmate's release date."),
            ("compliant", "Officers may contact ICE."),
            ("compliant", "Officers shall contact ICE when a person is arrested for a felony."),
        )
    )


def test_an_answer_refers_to_the_status_its_question_names():
    findings = lint(
        doc(
            """
            Q: Would the district share a student's immigration status with federal officials?
            A: We do not collect this information nor share it.
            """
        )
    )
    assert verdict(findings) == "error"
    # a pronoun refers within its own sentence only: "them" here is people, not status
    threat = "Officers shall not ask about immigration status. Officers shall not threaten to "
    threat += "report them to ICE."
    assert verdict(lint(doc(threat))) == "compliant"


def test_neither_nor_and_citizenship_as_a_topic():
    _verdicts(
        (
            (
                "error",
                "The city will neither ask about nor disclose the immigration status of residents.",
            ),
            (
                "error",  # a record of status is status kept
                "The city will neither ask about nor record the immigration status of residents.",
            ),
            (
                "compliant",
                "The city will neither ask about nor collect the immigration status of residents.",
            ),
            ("error", "Staff will not report on the citizenship of any student."),
            ("compliant", "Staff will teach classes on the citizenship test."),
        )
    )


def test_turning_over_information_is_giving_it():
    _verdicts(
        (
            (
                "warning",
                "The district will not turn over student records to ICE without a court order.",
            ),
            (
                "error",
                "The district will not hand over a student's immigration status to immigration "
                "agents.",
            ),
        )
    )


def test_a_term_a_colon_and_includes_is_a_definition():
    _verdicts(
        (
            (
                "error",
                "Client Information: Includes name, address, and immigration status. Client "
                "Information shall not be shared with ICE.",
            ),
            (
                "warning",
                "Client Information: Includes name, address, and date of birth. Client Information "
                "shall not be shared with ICE.",
            ),
        )
    )


def test_an_item_forbidding_a_prohibition_under_a_forbidding_lead_in_protects():
    findings = lint(
        doc(
            """
            No county shall do any of the following related to information regarding the
            citizenship or immigration status of any individual:
            (1) Prohibit law enforcement officials from gathering such information.
            (2) Prohibit the communication of such information to federal agencies.
            """
        )
    )
    assert verdict(findings) == "compliant"


# -- fourteenth round: findings inside a sentence, requiring disclosure, other topics ----


def test_findings_run_on_inside_a_sentence_are_findings():
    findings = lint(
        doc(
            "The law is amended by adding a new section to read: 06 LEGISLATIVE FINDINGS AND "
            "INTENT. (a) The legislature finds that 07 (1) 8 U.S.C. 1373(a) states that a local "
            "entity may not 13 prohibit, or in any way restrict, any official from sending to, or "
            "receiving from, ICE information regarding the citizenship or immigration status of "
            "any individual."
        )
    )
    assert verdict(findings) == "compliant"


def test_not_requiring_disclosure_of_status_is_a_dont_ask_rule():
    _verdicts(
        (
            ("compliant", "Enrollment does not require disclosure of immigration status."),
            (
                "error",
                "The district does not share immigration status with ICE, and enrollment does "
                "not require disclosure of immigration status.",
            ),
        )
    )


def test_information_about_immigration_is_status_information():
    _verdicts(
        (
            (
                "error",
                "The agency does not report information about immigration to the federal "
                "government.",
            ),
            (
                "compliant",
                "The agency does not report information about immigration enforcement to the "
                "public.",
            ),
        )
    )


def test_a_ground_of_decision_does_not_reach_past_another_predicate():
    _verdicts(
        (
            (
                "compliant",
                "Officers shall not deny services based on immigration status, or on national "
                "origin.",
            ),
            (
                "error",
                "Officers shall not deny services based on immigration status, or share "
                "immigration status with ICE.",
            ),
        )
    )


def test_information_about_people_after_its_recipient_is_a_broad_category():
    _verdicts(
        (
            (
                "warning",
                "The jail will not share information with ICE regarding persons in custody.",
            ),
            ("compliant", "The jail will not share information with ICE regarding its budget."),
        )
    )


# -- fifteenth round: gerunds after "the", people listed, "only", "This includes" ---------


def test_prohibiting_the_disclosing_of_status_restricts_it():
    _verdicts(
        (
            (
                "error",
                "The City shall prohibit the requesting, maintaining, or disclosing of immigration "
                "status information.",
            ),
            (
                "compliant",
                "The City shall prohibit the requesting or collecting of immigration status "
                "information.",
            ),
        )
    )


def test_reporting_people_described_by_status_among_others_sends_status():
    _verdicts(
        (
            ("error", "Officers will not report noncitizen victims or witnesses to ICE."),
            ("compliant", "Officers will not report crime victims or witnesses to the media."),
        )
    )


def test_only_before_a_verb_of_giving_limits_it():
    _verdicts(
        (
            (
                "warning",
                "The office only provides the minimal amount of information to ICE required by "
                "law.",
            ),
            ("compliant", "The only information the office provides to ICE is release dates."),
        )
    )


def test_this_includes_puts_what_it_names_into_the_restricted_category():
    _verdicts(
        (
            (
                "error",
                "Staff may not share personal information with ICE. This includes information "
                "that could reveal a person's immigration status.",
            ),
            (
                "warning",
                "Staff may not share personal information with ICE. This includes a person's "
                "home address.",
            ),
        )
    )


def test_the_channel_warning_says_communicating_not_sharing_a_category():
    findings = lint(doc("Staff shall not initiate communication with ICE officers."))
    message = _only(findings, "1373-broad-restriction").message
    assert message.startswith(
        "This restricts communicating with federal immigration authorities (“communication "
        "with ICE”)"
    )


def test_an_urged_restriction_offers_no_fix_to_the_resolution_itself():
    findings = lint(
        doc(
            "The Board urges the Sheriff to adopt a policy of not sharing immigration status "
            "information with ICE."
        )
    )
    assert _only(findings, "1373-urges-restriction").fix is None


# -- sixteenth round: discussing status, immigration-related information, "it is only" ----


def test_round_sixteen_readings():
    _verdicts(
        (
            ("error", "Officers shall not discuss a person's immigration status with ICE."),
            ("compliant", "Officers may discuss immigration law with residents."),
            ("error", "Immigration-related information shall not be shared with ICE."),
            (
                "error",
                "Once immigration information is collected, it is only disclosed as required by "
                "law.",
            ),
            (
                "compliant",
                "Once release dates are collected, they are disclosed as required by law.",
            ),
            (
                "warning",
                "The district prohibits information-sharing with federal immigration authorities.",
            ),
            (
                "compliant",
                "The district encourages information-sharing with federal immigration authorities.",
            ),
        )
    )


# -- seventeenth round: status in other words, duties named by their verbs, details -------


def test_status_said_in_other_words_is_status_information():
    _verdicts(
        (
            (
                "error",
                "The District does not keep records about whether a student is an undocumented "
                "immigrant.",
            ),
            (
                "error",
                "No employee shall disclose information about whether a person is a citizen of "
                "the United States.",
            ),
            (
                "error",
                "No officer shall disclose to federal immigration authorities whether an "
                "individual is undocumented.",
            ),
            (
                "error",
                "Staff will not release information that could identify a person as undocumented.",
            ),
            ("error", "City staff shall not disclose the documentation status of any resident."),
            ("error", "Employees shall not share a person's visa status with ICE."),
            ("error", "The City will not share information about undocumented residents with ICE."),
            ("compliant", "Staff shall not ask whether a student is undocumented."),
            ("compliant", "Officers shall not inquire about whether a person is a citizen."),
            ("compliant", "The City shall not disclose the legal status of the ordinance."),
        )
    )


def test_a_duty_to_protect_or_safeguard_information_keeps_it_confidential():
    _verdicts(
        (
            (
                "error",
                "City employees shall maintain and protect sensitive information regarding the "
                "immigration status of our residents.",
            ),
            (
                "error",
                "Employees shall safeguard information about the immigration status of any person.",
            ),
            (
                "error",
                "Information about a person's immigration status shall be treated with the "
                "highest level of confidentiality.",
            ),
            ("warning", "Staff shall protect personal information of students."),
            ("compliant", "The City shall protect immigrant residents from discrimination."),
            # a description of practice, and "protected" as an adjective
            (
                "compliant",
                "CCH safeguards sensitive information within our health system and adheres to "
                "privacy laws.",
            ),
            (
                "compliant",
                "Officers shall not rely on protected categories and that information in any stop, "
                "regardless of immigration status.",
            ),
        )
    )


def test_a_duty_to_destroy_what_is_held_limits_maintaining_it():
    findings = lint(
        doc(
            "Any student record that might identify an undocumented student will be destroyed at "
            "the earliest allowable date."
        )
    )
    assert _only(findings, "1373-status-restriction").limb == "§ 1373(b)(2): maintaining"
    _verdicts(
        (
            ("error", "The Department shall purge all records of a client's immigration status."),
            ("compliant", "Records of immigration status may be destroyed after five years."),
            ("compliant", "Records of immigration status shall not be destroyed."),
            # what is deleted is a question, not what is held
            (
                "compliant",
                "Any question requiring disclosure of information related to citizenship or "
                "immigration status shall be deleted from county forms.",
            ),
        )
    )


def test_details_of_an_account_or_a_person_are_a_broad_category():
    _verdicts(
        (
            (
                "warning",
                "The utility shall not disclose actual details of any customer account to any "
                "third party.",
            ),
            ("warning", "The City will not disclose any client's personal details."),
            ("warning", "Case files shall not be shared with federal immigration authorities."),
            ("compliant", "The utility shall publish details of its rates."),
            (
                "compliant",
                "Officers shall not release a person's social media account information.",
            ),
        )
    )


# -- eighteenth round: negation in other forms, answers, conditions, double negatives ------


def test_a_practice_or_policy_not_to_and_would_not_are_negations():
    _verdicts(
        (
            (
                "error",
                "The District will continue its practice not to collect or maintain any "
                "information about students' immigration status.",
            ),
            (
                "error",
                "It is the policy of the County not to share information regarding immigration "
                "status with ICE.",
            ),
            ("error", "Employees are not to disclose a person's immigration status to ICE."),
            ("error", "The city would not share a resident's immigration status with ICE."),
            (
                "error",
                "No other employee is authorized to disclose a student's immigration status.",
            ),
            (
                "compliant",
                "It is the policy of the County not to inquire about immigration status.",
            ),
            ("compliant", "No employee is authorized to honor an immigration detainer."),
            # "not" after "for" or "need" negates nothing that restricts
            ("compliant", "The fine for not reporting a person's immigration status is $50."),
            ("compliant", "Officers may decline to share immigration status information with ICE."),
        )
    )


def test_a_question_answered_no_says_what_is_not_done():
    _verdicts(
        (
            (
                "error",
                "Should, may or must employees report an undocumented student to immigration "
                "enforcement? May not.",
            ),
            ("error", "Will the district share my child's immigration status with ICE? No."),
            (
                "error",
                "Q: Does the police department give ICE information about people's immigration "
                "status? A: We do not.",
            ),
            ("compliant", "Will the district ask about my child's immigration status? No."),
            ("compliant", "Does the jail honor ICE detainers? No."),
            # an answer of yes leaves the question as it is
            ("compliant", "Will the district share my child's immigration status with ICE? Yes."),
        )
    )


def test_status_named_in_a_condition_is_what_is_not_told():
    findings = lint(
        doc(
            "If staff became aware of a lack of legal immigration status, the district would not "
            "notify immigration officials."
        )
    )
    assert "(“immigration status, the district would not notify immigration officials”)" in (
        _only(findings, "1373-status-restriction").message
    )
    _verdicts(
        (
            (
                "error",
                "If staff became aware of a lack of legal immigration status, the district would "
                "not notify immigration officials.",
            ),
            (
                "error",
                "Schools do not ask about status, and if staff learn a student's immigration "
                "status, they shall not notify ICE.",
            ),
            ("compliant", "If a person's immigration status is known, officers shall notify ICE."),
        )
    )


def test_reporting_people_to_immigration_authorities_restricts_the_channel():
    findings = lint(doc("Our district will not report students to ICE."))
    assert _only(findings, "1373-broad-restriction").message.startswith(
        "This restricts communicating with federal immigration authorities (“report students "
        "to ICE”)"
    )
    _verdicts(
        (
            ("error", "Officers will not report undocumented students to ICE."),
            ("compliant", "Teachers will report students who are absent to the principal."),
        )
    )


def test_forbidding_or_penalising_a_restriction_protects_the_channel():
    _verdicts(
        (
            (
                "compliant",
                "No agency shall restrict the exchange of immigration status information with "
                "federal authorities.",
            ),
            (
                "compliant",
                "Notwithstanding any other provision, no officer is prohibited from sending "
                "immigration status information to ICE.",
            ),
            (
                "compliant",
                "The Department has no policy restricting its members from communicating with "
                "federal immigration officials.",
            ),
            (
                "compliant",
                "Any local entity that restricts the sharing of immigration status information "
                "with ICE shall be ineligible for state grant funds.",
            ),
            (
                "compliant",
                "Federal law does not allow the city to prohibit employees from sharing "
                "immigration status with ICE.",
            ),
            (
                "error",
                "The Sheriff shall adopt a policy that prohibits deputies from sharing "
                "immigration status with ICE.",
            ),
        )
    )


def test_a_lead_ins_verb_does_not_take_the_following_across_another_clause():
    text = """
        The City will not be eligible to receive state assistance if the City is in violation
        of any of the following prohibitions:
        (a) A local government shall not enact any ordinance or policy that limits or
        prohibits a peace officer from communicating with federal officials with regard to
        the immigration status of any person.
        """
    assert verdict(lint(doc(text))) == "compliant"


def test_verbs_recipients_and_status_in_other_words():
    _verdicts(
        (
            (
                "error",
                "Officers shall not notify ICE of the immigration status of victims or witnesses.",
            ),
            (
                "error",
                "Department members will not inform federal immigration agents whether a person "
                "they have stopped is a noncitizen.",
            ),
            (
                "error",
                "Officers shall not forward to CBP the immigration status of persons cited for "
                "traffic infractions.",
            ),
            (
                "error",
                "The Sheriff declines to furnish information about the immigration status of any "
                "inmate to Customs and Border Protection.",
            ),
            (
                "error",
                "County agencies must obtain the individual's written consent before sharing "
                "that individual's immigration status with any federal agency.",
            ),
            (
                "error",
                "Access by federal immigration authorities to any county database containing "
                "immigration status information is prohibited.",
            ),
            ("error", "Shelter staff shall not disclose the citizenship of residents to anyone."),
            (
                "compliant",
                "Officers will not share criminal history information with federal immigration "
                "authorities for civil immigration enforcement purposes.",
            ),
        )
    )


# -- nineteenth round: structure in one paragraph, status said as a fact, more cures -------


def test_a_paragraphs_own_structure_is_read():
    _verdicts(
        (
            # a lead-in and its lettered items in one sentence
            (
                "error",
                "The Sheriff shall not share with ICE any of the following: (a) home or work "
                "addresses; (b) telephone numbers; (c) immigration status.",
            ),
            (
                "compliant",
                "The Sheriff shall not share with ICE any of the following: (a) home or work "
                "addresses; (b) telephone numbers; (c) dates of release from custody.",
            ),
            # what is resolved after recitals in one paragraph
            (
                "error",
                "WHEREAS, residents fear contact with local government; NOW, THEREFORE, BE IT "
                "RESOLVED that no City agency shall disclose any individual's immigration status "
                "to federal immigration agents.",
            ),
            (
                "compliant",
                "WHEREAS, other cities have barred employees from disclosing immigration status "
                "to ICE; NOW, THEREFORE, BE IT RESOLVED that the City will study the question.",
            ),
            # findings that open with their own heading
            (
                "compliant",
                "Findings. (1) Several counties have barred their employees from disclosing "
                "immigration status to federal agencies. (2) The County wishes to study them.",
            ),
            # a definition with "as used in this ordinance"
            (
                "error",
                '"Personal information," as used in this ordinance, means a person\'s name, '
                "address, and immigration or citizenship status. Departments shall not disclose "
                "personal information to federal immigration authorities.",
            ),
        )
    )


def test_status_said_as_a_fact_and_as_the_subject_of_a_passive():
    _verdicts(
        (
            (
                "error",
                "Information that a child or family member is not a United States citizen shall "
                "not be disclosed to Immigration and Customs Enforcement.",
            ),
            (
                "error",
                "Probation officers may not notify ICE that a probationer lacks legal status.",
            ),
            (
                "error",
                "Q: Will the library tell immigration officers whether I am undocumented? A: No.",
            ),
            (
                "error",
                "The immigration status of any person who contacts the Office shall not be "
                "released to any other agency.",
            ),
            (
                "error",
                "Staff shall not place information about a patient's immigration status in the "
                "medical record.",
            ),
            (
                "error",
                "The Board directs the Superintendent to ensure that no District employee informs "
                "any federal immigration agency whether a student lacks lawful immigration status.",
            ),
            # a passive whose subject is another noun, after "unless"
            (
                "compliant",
                "No employee shall request information about a person's immigration status "
                "unless a warrant exists or a criminal violation was reported.",
            ),
        )
    )


def test_more_cures_and_channels():
    _verdicts(
        (
            (
                "compliant",
                "Staff shall not communicate with ICE about residents. This restriction does not "
                "apply to information regarding citizenship or immigration status, which staff "
                "may send, receive, request, maintain, and exchange as provided in 8 U.S.C. 1373.",
            ),
            (
                "compliant",
                "It shall be unlawful for any municipality not to permit its officers to exchange "
                "information regarding immigration status with ICE.",
            ),
            ("warning", "Our officers do not call ICE or share anything with them."),
            (
                "warning",
                "Employees shall not answer any request from federal immigration agents for "
                "information.",
            ),
            (
                "warning",
                "No employee shall answer questions from immigration agents about any member of "
                "the public.",
            ),
            ("compliant", "Residents may call the federal hotline with questions."),
        )
    )


# -- twentieth round: referrals, "not the policy ... to", "Neither ... nor ... shall:" -----


def test_round_twenty_readings():
    _verdicts(
        (
            ("warning", "Staff will not refer students or families to ICE."),
            ("compliant", "Teachers may refer students to the counselor."),
            ("compliant", "Staff will not refer families to immigration lawyers without consent."),
            (
                "warning",
                "Officers will not make referrals to federal immigration authorities.",
            ),
            (
                "warning",
                "It is not the policy of the agency to release tax returns or personal "
                "information to ICE.",
            ),
            (
                "warning",
                "Staff shall not release sensitive, non-public information (home addresses, "
                "phone numbers, etc.) to federal immigration officials.",
            ),
        )
    )
    text = """
        Neither Campus Safety Officers nor faculty or staff shall:
        - Release a student's immigration status to federal immigration officials.
        """
    assert verdict(lint(doc(text))) == "error"


# -- twenty-first round: reports of the past, proof asked of the person, refused requests --


def test_round_twenty_one_readings():
    _verdicts(
        (
            # asking the person for proof of status is gathering, not requesting it from ICE
            (
                "compliant",
                "City personnel do not inquire, or request proof of immigration status or "
                "citizenship when providing services or benefits.",
            ),
            (
                "error",
                "Officers shall not request information regarding immigration status from ICE.",
            ),
            # what has not been done is a report, what will not be done a rule
            (
                "compliant",
                "We have not shared confidential student visa status or immigration "
                "information with federal authorities.",
            ),
            (
                "error",
                "The district has not and will not share student immigration status with ICE.",
            ),
            # "disallow ... to", "forbid ... to"
            (
                "error",
                "The council enacted this ordinance disallowing any city employee or elected "
                "official to disclose the immigration status of any resident to any agency.",
            ),
            (
                "error",
                "This policy forbids officers to share a person's citizenship status with ICE.",
            ),
            # what was disclosed, kept
            (
                "error",
                "If a student discloses their immigration status, no record shall be kept of "
                "the disclosure.",
            ),
            # a clause after a dash has its own subject
            (
                "compliant",
                "An undocumented status does not affect your admission – we are an open "
                "enrollment institution, and students are accepted all year.",
            ),
            (
                "error",
                "Citizenship and immigration information – and your children's information – "
                "will not be requested or shared.",
            ),
            # refusing a request for information withholds what it asks for
            (
                "warning",
                "Staff will deny any request by immigration agents for information or access "
                "to a school.",
            ),
            (
                "warning",
                "The school board directs staff to decline all information requests from "
                "Homeland Security.",
            ),
            (
                "error",
                "Employees shall refuse any request from a federal agency that requires the "
                "identification of a resident's immigration status.",
            ),
            (
                "compliant",
                "Staff shall not deny requests from ICE for information about immigration status.",
            ),
            ("compliant", "The county may deny a request for public records under state law."),
            ("compliant", "The Sheriff shall decline ICE detainer requests."),
        )
    )


def test_bare_information_after_a_sentence_naming_immigration_enforcement_is_broad():
    """ "Examples of law enforcement include ... ICE ... Unless the individual presents a
    valid search warrant, University personnel are not to release information": the
    information is what immigration enforcement would be given."""
    after = (
        "Law Enforcement Visits\n"
        "Examples of law enforcement include agents from Immigration and Customs Enforcement "
        "(ICE) and the Vermont State Police. Unless the individual presents a valid search "
        "warrant, University personnel are not to release information."
    )
    finding = _only(lint(doc(after)), "1373-broad-restriction")
    assert finding.sentence.startswith("Unless the individual presents")
    assert finding.limb.endswith("(potential)")
    alone = """
        Records
        Our staff are trained in privacy. Personnel are not to release information.
        """
    assert verdict(lint(doc(alone))) == "compliant"


# -- twenty-second round: a verb of another kind between a verb of giving and status ------


def test_a_verb_coordinated_after_a_verb_of_giving_shares_its_object():
    _verdicts(
        (
            (
                "error",
                "Employees of the town shall not inquire about, report, or act upon any "
                "person's immigration status under any circumstances.",
            ),
            (
                "error",
                "A peace officer may not inquire as to the immigration status of a victim, nor "
                "shall such officer report or refer such status to any federal law enforcement "
                "agency.",
            ),
            (
                "compliant",
                "Employees shall not inquire about, or act upon, any person's immigration status.",
            ),
        )
    )


# -- twenty-third round: requests for information routed to an office; a person's right --


def test_a_request_for_information_routed_to_an_office_is_a_warning():
    _verdicts(
        (
            (
                "warning",
                "If a law enforcement agent contacts a staff member asking for student or staff "
                "information, they are to send those requests to the district office.",
            ),
            (
                "warning",
                "Any requests from ICE officials to access school information or grounds must "
                "be directed to the Office of the Superintendent.",
            ),
            (
                "warning",
                "If you receive a request from external law enforcement for information, "
                "records, or access to non-public space, notify Campus Police, who will respond "
                "to the request.",
            ),
            (
                "warning",
                "Campus security will refer any information request from immigration officials "
                "to the Office of the General Counsel.",
            ),
            # an approach routed, no information asked for
            (
                "compliant",
                "If approached by an ICE official, employees should ask the official to wait in "
                "the lobby and contact the Department of Public Safety.",
            ),
            # ICE agents sent on, not requests for information
            (
                "compliant",
                "If ICE asks for access to a school, agents will be referred directly to the "
                "Superintendent.",
            ),
            # no immigration or law enforcement
            (
                "compliant",
                "Requests from parents for student records shall be directed to the registrar.",
            ),
        )
    )
    findings = lint(
        doc("Requests from ICE for student information must be directed to the Superintendent.")
    )
    finding = _only(findings, "1373-broad-restriction")
    assert finding.message.startswith("This restricts who may answer a request for “student")


def test_a_persons_right_to_refuse_to_disclose_restricts_no_official():
    _verdicts(
        (
            (
                "compliant",
                "The officer will first advise them that they have the right to refuse to "
                "disclose their nationality, citizenship, or immigration status.",
            ),
            (
                "error",
                "Officers shall refuse to disclose a person's immigration status to ICE.",
            ),
        )
    )


# -- twenty-fourth round: a leading "while" clause; "not going to"; used for enforcement --


def test_round_twenty_four_readings():
    _verdicts(
        (
            (
                "compliant",
                "While we are hopeful immigration enforcement operations will not take place "
                "in school settings, the college is preparing itself through training and "
                "providing information and resources to the college community.",
            ),
            (
                "error",
                "Although the city cooperates with federal authorities, officers shall not "
                "share immigration status with ICE.",
            ),
            (
                "warning",
                "While the college values safety, it will not release personal information to "
                "federal immigration authorities.",
            ),
            ("error", "We are not going to share anyone's immigration status with ICE."),
            # put to immigration enforcement's use, information goes to the enforcers
            (
                "error",
                "County agents are prohibited from investigating a person's immigration status. "
                "This information cannot be used for civil immigration enforcement.",
            ),
            (
                "warning",
                "Any information gathered by a City employee shall not be used for immigration "
                "enforcement or shared with agencies engaged in such enforcement.",
            ),
            ("compliant", "No County resources shall be used for immigration enforcement."),
            (
                "warning",
                "The city is not going to release personal information to federal immigration "
                "authorities.",
            ),
        )
    )


# -- twenty-sixth round (heldout-28): status asked as an indirect question; joining an
# immigration inquiry; no use but those listed; information in a sentence about privacy --


def test_round_twenty_six_readings():
    _verdicts(
        (
            (
                "error",
                "It is not our practice to report to other agencies who we speak with or what "
                "their immigration status is.",
            ),
            ("error", "Officers shall not tell ICE what a person's immigration status is."),
            ("compliant", "It is not our practice to report to other agencies who we speak with."),
            ("compliant", "Officers shall not ask anyone what their immigration status is."),
            # an inquiry asks for information: joining it is answering it
            (
                "warning",
                "The Town forbids all officials from participating in or cooperating with any "
                "inquiry, investigation, surveillance or detention having to do with "
                "immigration matters.",
            ),
            (
                "error",
                "No officer shall cooperate with any inquiry by immigration authorities into a "
                "person's immigration status.",
            ),
            (
                "compliant",
                "Officers may cooperate with any inquiry by federal immigration authorities.",
            ),
            (
                "compliant",
                "No officer shall cooperate with any inquiry into a resident's tax filings.",
            ),
            # no use but those listed: giving it out is a use
            (
                "warning",
                "No information furnished pursuant to an application for benefits shall be "
                "used for any purpose except to determine eligibility.",
            ),
            (
                "compliant",
                "No County vehicle shall be used for any purpose except County business.",
            ),
            # a sentence about people's privacy: its bare "information" is theirs
            (
                "warning",
                "Ensure all students' privacy by not sharing information outside the "
                "university without the student's consent.",
            ),
            (
                "compliant",
                "Under the Family Educational Rights and Privacy Act, staff shall not share "
                "information with vendors.",
            ),
            (
                "compliant",
                "Staff shall not share information with vendors.",
            ),
        )
    )


def test_a_use_restriction_is_named_as_one():
    findings = lint(
        doc(
            "No information furnished pursuant to an application for benefits shall be used "
            "for any purpose except to determine eligibility."
        )
    )
    finding = _only(findings, "1373-broad-restriction")
    assert finding.message.startswith("This restricts the use of “information furnished”")


def test_round_twenty_seven_readings():
    _verdicts(
        (
            # records of a visa granted or refused are records of status
            (
                "error",
                "The records of the Department pertaining to the issuance or refusal of visas "
                "shall be considered confidential.",
            ),
            ("error", "Visa records shall not be disclosed to any other agency."),
            (
                "compliant",
                "The records of the Department pertaining to the issuance of building permits "
                "shall be considered confidential.",
            ),
            (
                "compliant",
                "Records pertaining to the issuance or refusal of visas may be shared with "
                "any agency.",
            ),
            # a claim or an application is a person's file, which can hold status
            (
                "warning",
                "Files and records pertaining to any claim filed with the Department will be "
                "deemed confidential and privileged.",
            ),
            (
                "warning",
                "Records relating to an application for assistance shall not be disclosed.",
            ),
            (
                "compliant",
                "Records pertaining to any claim filed with the Department may be released.",
            ),
            ("compliant", "Records of the Department's budget shall be confidential."),
        )
    )


def test_files_about_people_and_what_identifies_them():
    """Confidentiality statutes of agencies: what a person's file holds can reach status."""
    _verdicts(
        (
            (
                "warning",
                "Information relating to a juvenile may not be disclosed to federal officials "
                "absent a court order.",
            ),
            (
                "warning",
                "Medical records of patients are confidential and may be released only with the "
                "written consent of the patient.",
            ),
            (
                "warning",
                "Protected health information shall not be used or disclosed except as "
                "permitted by this part.",
            ),
            (
                "warning",
                "Records of the Division that identify any individual shall be confidential.",
            ),
            (
                "warning",
                "Information that identifies an applicant shall not be released to any person.",
            ),
            (
                "warning",
                "Documents submitted in support of an application for a driver's license shall "
                "be confidential.",
            ),
            # not about people, or not restricted
            ("compliant", "Records of the Division's vehicle fleet shall be confidential."),
            ("compliant", "Information that identifies a vehicle shall not be released."),
            (
                "compliant",
                "Documents submitted by bidders shall be kept confidential until the award.",
            ),
            ("compliant", "Medical records of patients may be shared with other providers."),
            (
                "compliant",
                "The names and addresses of applicants for assistance shall not be disclosed.",
            ),
        )
    )


def test_round_twenty_eight_readings():
    _verdicts(
        (
            # a limit after the act it confines: what falls outside is forbidden
            (
                "warning",
                "The use or disclosure of information concerning applicants and recipients "
                "will be limited to purposes directly connected with the administration of the "
                "plan.",
            ),
            ("compliant", "The use of the park will be limited to residents."),
            (
                "compliant",
                "Questions about a person's immigration status shall be limited to those "
                "required by law.",
            ),
            # "restrict the disclosure of X obtained from ...": "from" is not the restriction's
            (
                "warning",
                "Each State agency shall restrict the use or disclosure of information obtained "
                "from Program applicants to persons directly connected with the Program.",
            ),
            (
                "compliant",
                "Each State agency may share information obtained from Program applicants with "
                "any agency.",
            ),
            # "information that is collected" is "information collected"
            (
                "warning",
                "Information that is collected in determining eligibility is confidential.",
            ),
            ("compliant", "Information that is collected in determining eligibility is public."),
            # access refused to one who seeks it to enforce immigration law
            (
                "warning",
                "An entity operating a database shall deny access to the database to any "
                "individual who is seeking access for the purpose of enforcing federal "
                "immigration law, unless the individual presents a valid warrant.",
            ),
            (
                "compliant",
                "An entity operating a database shall deny access to the database to any "
                "individual who has not completed the training.",
            ),
            # what a licence file or a tax return holds
            (
                "warning",
                "The driver license and driver authorization card records cannot be used for "
                "immigration enforcement purposes.",
            ),
            (
                "warning",
                "It is not the policy of the Service to release tax returns or return "
                "information to federal agencies.",
            ),
            ("compliant", "Driver license records may be shared with any agency."),
        )
    )


def test_round_twenty_nine_readings():
    _verdicts(
        (
            # "return" records to someone is sending them (not the tax term)
            (
                "warning",
                "By law, the Bureau does not return any records to the Department of Homeland "
                "Security.",
            ),
            (
                "compliant",
                "The Bureau may return any records to the Department of Homeland Security.",
            ),
            ("compliant", "Return information shall be filed with the clerk."),
            ("compliant", "Officers shall not return to the station before the end of the shift."),
            # a duty to protect against unauthorized disclosure
            (
                "warning",
                "The agency must protect against the unauthorized disclosure of personally "
                "identifiable information that it collects.",
            ),
            (
                "warning",
                "Personal information belonging to residents shall be protected from "
                "unauthorized disclosure.",
            ),
            (
                "compliant",
                "The agency must protect against the unauthorized disclosure of its budget drafts.",
            ),
            # a long lead-in before its list still gives the items its verb
            (
                "warning",
                "The division shall not release the following information, relating to the "
                "issuance of a driver privilege card or permit, except upon request by the "
                "subject of the information or the guardian of the subject of the information, or "
                "pursuant to a court order:\n(1) Proof documents submitted for the purpose of "
                "obtaining a driver privilege card;",
            ),
            (
                "compliant",
                "The division may release the following information, relating to the issuance "
                "of a driver privilege card or permit, upon request by the subject of the "
                "information or the guardian of the subject of the information, or pursuant to a "
                "court order:\n(1) Proof documents submitted for the purpose of obtaining a "
                "driver privilege card;",
            ),
        )
    )


def test_round_thirty_readings():
    _verdicts(
        (
            # a scope clause leaves out what it names: it restricts nothing
            (
                "compliant",
                "This rule does not apply to any federal, state, or local governmental agency "
                "that receives records directly from the department.",
            ),
            # "a promise not to", and "make record of" as keeping
            (
                "error",
                "The policy is a promise not to inquire or make record of the immigration or "
                "citizenship status of any employee or resident unless required by law.",
            ),
            ("error", "Staff shall not make a record of any student's immigration status."),
            (
                "compliant",
                "The policy is a promise not to inquire about the immigration status of any "
                "resident.",
            ),
            ("compliant", "Staff shall make a record of each visitor's arrival time."),
            # "information secured" is information obtained
            (
                "warning",
                "Information secured pursuant to this chapter is confidential and for the "
                "exclusive use of the department.",
            ),
            # a person's right to confidentiality of the agency's files on them
            (
                "warning",
                "Recipients have the right to confidentiality of agency records and files on "
                "the recipient.",
            ),
            ("compliant", "Recipients have the right to a speedy determination of eligibility."),
        )
    )


def test_round_thirty_one_readings():
    _verdicts(
        (
            # a failure or refusal forbidden under an outer restriction protects the act
            (
                "compliant",
                "No officer shall fail to share immigration status information with ICE.",
            ),
            (
                "compliant",
                "Officers shall not refuse to provide information about immigration status to ICE.",
            ),
            (
                "compliant",
                "The City will not engage in any program or activity which would require a "
                "failure to cooperate with any Federal Agency that needs to obtain information "
                "about citizenship or immigration status.",
            ),
            # alone, a refusal still restricts, and a failure restricts nothing
            ("error", "Officers shall refuse to provide immigration status information to ICE."),
            ("error", "Officers shall decline to share immigration status with ICE."),
            (
                "compliant",
                "Officers who fail to share immigration status information with ICE shall be "
                "disciplined.",
            ),
            # a denial of authority that names the act forbids it
            (
                "error",
                "Nothing in this article authorizes the disclosure of a juvenile's immigration "
                "status to federal officials absent a court order.",
            ),
            (
                "warning",
                "Nothing in this article authorizes the disclosure of juvenile information to "
                "federal officials absent a court order.",
            ),
            (
                "error",
                "Nothing in the Welfare and Institutions Code authorizes the disclosure of "
                "immigration status to federal officials.",
            ),
            (
                "compliant",
                "Nothing in this section authorizes officers to enforce federal immigration law.",
            ),
            (
                "compliant",
                "Nothing in this section prohibits the disclosure of immigration status to ICE.",
            ),
            # verbs of using between a list of verbs and its object
            (
                "warning",
                "No person shall solicit, release, disclose, receive, use, or knowingly permit or "
                "participate in the use of any information regarding an individual receiving "
                "assistance for any purpose not directly related to the administration of the "
                "program.",
            ),
            (
                "compliant",
                "No person shall use, or knowingly permit or participate in the use of, any "
                "vehicle of the department for private purposes.",
            ),
            # the laws a body challenges, listed, are described, not adopted
            (
                "compliant",
                "The Board is challenging:\n- R.S. 24-76.6-103, which requires probation "
                "department staff withhold information regarding illegal immigrants from the "
                "federal government.",
            ),
            (
                "error",
                "The Board adopts the following:\n- Probation department staff shall withhold "
                "information regarding the immigration status of any person from the federal "
                "government.",
            ),
        )
    )


def test_round_thirty_two_readings():
    _verdicts(
        (
            # access confined to bodies that are not federal keeps everyone else out
            (
                "warning",
                "Only state and local governmental agencies and federally recognized Indian "
                "tribes as defined in Title 26 U.S.C. § 3306(u) may have access to information "
                "or records deemed private and confidential under this chapter.",
            ),
            ("warning", "Only authorized district staff may have access to student records."),
            (
                "compliant",
                "Only federal immigration authorities may have access to the detention log.",
            ),
            ("compliant", "Any agency may have access to public records."),
            # what the information denied is about decides its kind
            (
                "error",
                "The county shall not grant ICE access to information about immigration status.",
            ),
            (
                "compliant",
                "The county shall not grant ICE access to information about the release date "
                "of inmates.",
            ),
            (
                "error",
                "The county shall not grant ICE access to databases containing release dates "
                "or immigration status.",
            ),
            # a bare pronoun given takes up the category the sentence before named
            (
                "warning",
                "Personal information that you give to the health worker is privileged "
                "information. We are not going to divulge that.",
            ),
            (
                "warning",
                "Personal information is collected at intake. Staff will not share it with "
                "federal agents.",
            ),
            (
                "compliant",
                "Student records are kept in the office. We are not going to disclose that the "
                "building is closed.",
            ),
            ("compliant", "The clinic keeps a calendar. We will not share it with anyone."),
            # ineligibility for a social security number can say what status a person lacks
            (
                "warning",
                "Information regarding an applicant's ineligibility for a social security "
                "number shall not be disclosed by the department.",
            ),
            ("compliant", "The department shall verify eligibility for a social security number."),
            # an exception for any government agency leaves sending open to federal agencies
            (
                "compliant",
                "Employees shall not disclose personal information except for use by any "
                "governmental agency in carrying out its functions.",
            ),
            (
                "compliant",
                "Employees shall not disclose personal information except:\n(1) to the "
                "individual;\n(2) for use by any governmental agency, including any court, in "
                "carrying out its functions.",
            ),
            (
                "compliant",
                "Employees shall not disclose immigration status except to any law enforcement "
                "agency.",
            ),
            (
                "warning",
                "Employees shall not disclose personal information except to any agency of "
                "this state.",
            ),
            (
                "error",
                "Employees shall not disclose immigration status except to any state agency.",
            ),
            # ... but not a restriction on keeping it
            (
                "error",
                "Employees shall not maintain or disclose immigration status information except "
                "to any government agency.",
            ),
        )
    )


def test_an_exception_for_any_government_agency_says_what_it_leaves_open():
    findings = lint(
        doc(
            "Employees shall not disclose personal information except for use by any "
            "governmental agency in carrying out its functions."
        )
    )
    cured = next(f for f in findings if f.rule == "1373-cured")
    assert "“except for use by any governmental agency”" in cured.message
    assert "leaves sending open to federal agencies" in cured.message


def test_round_thirty_three_readings():
    _verdicts(
        (
            # a duty of confidentiality whose object is the list after it
            (
                "warning",
                "The Office shall keep confidential:\n(1) All information received pursuant to "
                "a complaint filed or a matter investigated, except as may be necessary to "
                "enable the Office to perform its duties; and\n(2) Identifying information of "
                "complainants and witnesses, unless the complainant waives confidentiality.",
            ),
            (
                "error",
                "Staff are required to keep confidential:\n(a) the immigration status of any "
                "applicant; and\n(b) the applicant's address.",
            ),
            (
                "compliant",
                "The department shall keep confidential:\n(a) the release date of any "
                "inmate; and\n(b) the inmate's address.",
            ),
            # no duty: not required to, or forbidden to, keep it confidential
            (
                "compliant",
                "The department is not required to keep confidential:\n(a) the immigration "
                "status of any applicant.",
            ),
            (
                "compliant",
                "The department shall not keep confidential:\n(a) the immigration status of "
                "any applicant.",
            ),
        )
    )


def test_a_denied_duty_of_confidentiality_restricts_nothing():
    """A sentence that denies the duty ("is not required to keep ... confidential", "shall
    not be kept private") keeps nothing from anyone; "keep ... confidential" is how a thing
    is kept, not a bar on keeping it."""
    _verdicts(
        (
            (
                "compliant",
                "The department is not required to keep a person's immigration status "
                "confidential.",
            ),
            (
                "compliant",
                "The department shall not keep immigration status information confidential.",
            ),
            ("compliant", "Immigration status information shall not be kept confidential."),
            ("compliant", "Immigration status information need not be kept confidential."),
            ("compliant", "Immigration status information is not confidential."),
            ("compliant", "Immigration status is not to be kept secret from federal authorities."),
            (
                "compliant",
                "Nothing in this section requires that immigration status be kept confidential.",
            ),
            (
                "compliant",
                "No provision of this chapter shall be construed to require that immigration "
                "status information be kept confidential.",
            ),
            # the duty itself, and a denial that ends before it
            ("error", "The department shall keep a person's immigration status confidential."),
            (
                "error",
                "Immigration status information shall not be disclosed and shall be kept "
                "confidential.",
            ),
            ("error", "Information about immigration status shall not be made public."),
            (
                "error",
                "Immigration status information shall not be released, and shall be held in "
                "strict confidence.",
            ),
            # a bar on keeping status stays one
            (
                "error",
                "The department shall not keep any record of a person's immigration status.",
            ),
            ("error", "No record of immigration status shall be kept in a confidential file."),
            (
                "error",
                "The city shall not keep immigration status information, and shall keep other "
                "data private.",
            ),
        )
    )


def test_round_thirty_four_readings():
    """Heldout-34's misses, read on texts of their own: a person "in the country illegally"
    is described by status; a list of who may receive information opens channels, it is not
    what is withheld; a duty to protect "the privacy rights of" people is a duty of
    confidentiality; line breaks escaped as the two characters "\\n" are line breaks."""
    _verdicts(
        (
            # status said as where a person is
            (
                "error",
                "If officers learn that a resident is in the country illegally, they will not "
                "contact immigration officials and alert them.",
            ),
            (
                "error",
                "If staff become aware that a student is in the United States without legal "
                "status, staff will not notify immigration authorities.",
            ),
            (
                "compliant",
                "If officers learn that a resident is in the country illegally, they may contact "
                "immigration officials.",
            ),
            ("warning", "The police will not contact immigration officials."),
            # a list of permitted recipients, and a list of what is withheld
            (
                "warning",
                "Disclosure of information obtained from applicants is restricted to the "
                "following persons:\n(a) persons connected with the verification of immigration "
                "status through the SAVE Program;\n(b) auditors of the program.",
            ),
            (
                "warning",
                "Staff shall not disclose student records except in the following "
                "circumstances:\n"
                "(a) to verify immigration status for federal benefits;\n(b) with consent.",
            ),
            (
                "error",
                "Staff may not disclose the following information:\n(a) a student's address;\n"
                "(b) a student's immigration status.",
            ),
            (
                "error",
                "The following shall be kept confidential:\n(a) a client's immigration status.",
            ),
            # a duty to protect the privacy rights of the people a request is about
            (
                "error",
                "When the District receives a request for information that implicates privacy "
                "rights (including with respect to immigration status), the District shall take "
                "all legally permissible actions to protect the privacy rights of its students.",
            ),
            (
                "compliant",
                "The District shall take all legally permissible actions to protect the privacy "
                "rights of its students.",
            ),
            # information an agency holds, named by where it is
            (
                "warning",
                "Information in the records or in the possession of programs which is acquired "
                "under this subpart may not be disclosed without the individual's consent.",
            ),
            ("compliant", "Information in the records of the library may be disclosed."),
            # escaped line breaks
            (
                "warning",
                "2. No municipal employee shall disclose to an immigration\\nauthority an "
                "individual's personally\\nidentifiable information, including, but not "
                "limited\\nto, such person's name.",
            ),
        )
    )
