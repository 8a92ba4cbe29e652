"""The optional clauses: left out by default; each, when chosen, lands whole in its place."""

from functools import cache

import pytest

from drafting.assembly import AssemblyError, assemble
from drafting.library import read_edition
from drafting.render.text import block_text
from drafting.spec import parse_spec
from tests.model_seed import MODEL_LOCALITY

OPTIONAL = (
    "findings",
    "juveniles",
    "courthouse-enforcement",
    "equal-treatment",
    "know-your-rights",
    "savings-clause",
    "training",
    "complaints",
    "effective-date",
)

# 8 U.S.C. § 1373 savings clause: California Values Act § 7284.6(f) in ordinance form.
SAVINGS_CLAUSE = (
    "Nothing in this ordinance prohibits or restricts any government entity or official from "
    "sending to, or receiving from, federal immigration authorities information regarding the "
    "citizenship or immigration status, lawful or unlawful, of an individual, pursuant to "
    "8 U.S.C. §§ 1373 and 1644."
)

JUVENILES = (
    "D. Hold any person younger than eighteen (18) years of age in Springfield custody on the "
    "basis of an immigration detainer request or administrative warrant, notwithstanding any "
    "other provision of this ordinance;"
)

COURTHOUSE = (
    "G. Arrest any person for a civil immigration violation, or assist ICE/CBP/USCIS officers, "
    "agents, or representatives with any such arrest, in or near any courthouse, or while the "
    "person is going to, attending, or returning from a court proceeding, unless the arrest is "
    "directly ordered by the judicial officer presiding over the proceeding. Such assistance "
    "includes providing information about the date, time, or place of any person’s court "
    "appearance for the purpose of such an arrest, and permitting ICE/CBP/USCIS officers, "
    "agents, or representatives to wait in Springfield facilities in order to make such an "
    "arrest."
)

FINDINGS = [
    "WHEREAS, the vitality of Springfield has been built on the strength of its immigrant "
    "communities, and the cooperation of all persons, both documented citizens and those without "
    "documentation status, is essential to protecting life and property, preventing crime and "
    "resolving problems in Springfield; and",
    "WHEREAS, assistance from a person, whether documented or not, who is a victim of, or a "
    "witness to, a crime is important to promoting the safety of all residents, and the "
    "cooperation of immigrant communities is essential to prevent and solve crimes and maintain "
    "public order, safety and security; and",
    "WHEREAS, a relationship of trust between immigrant community members and local agencies is "
    "central to public safety, and this trust is threatened when local agencies are entangled "
    "with federal immigration enforcement, with the result that immigrant community members fear "
    "approaching police when they are victims of, and witnesses to, crimes, seeking basic health "
    "services, or attending school, to the detriment of public safety and the well-being of all "
    "residents; and",
    "WHEREAS, the enforcement of immigration laws is a responsibility of the federal government, "
    "and entangling local agencies with federal immigration enforcement diverts already limited "
    "resources and blurs the lines of accountability between local, state, and federal "
    "governments; and",
    "WHEREAS, Section 287.7 of Title 8 of the Code of Federal Regulations expressly provides that "
    "ICE detainers are merely “requests” that local law enforcement advise the Department of "
    "Homeland Security when an individual is due to be released, and that the agency continue "
    "holding the individual beyond the scheduled time of release for up to 48 hours, excluding "
    "weekends and federal holidays, in order for ICE to arrange to assume custody; and",
    "WHEREAS, federal courts have found that it is entirely up to the discretion of local law "
    "enforcement whether to honor an ICE detainer, and that a locality which chooses to hold a "
    "person on an ICE detainer is responsible for that detention; and",
    "WHEREAS, ICE detainers are generally issued before a finding of probable cause that an "
    "individual is deportable, and have even been imposed on United States citizens by mistake, "
    "so that a locality which holds a person on an ICE detainer after he or she would otherwise "
    "be released risks liability for violating the Fourth Amendment to the United States "
    "Constitution; and",
    "WHEREAS, ICE will not indemnify local agencies for costs or liability incurred as a result "
    "of wrongful detainers, and Springfield should not expend taxpayer funds to incarcerate "
    "individuals who are otherwise entitled to their freedom; and",
    "WHEREAS, ICE detainers encourage racial profiling and harassment, and participation in their "
    "enforcement places a great strain on our communities by eroding the public trust that local "
    "law enforcement depends on to secure the accurate reporting of criminal activity and to "
    "prevent and solve crimes; and",
    "WHEREAS, by means of this ordinance, Springfield joins states, cities, and counties across "
    "the nation that are informed about the discretionary nature of ICE detainers and refuse to "
    "enforce them.",
]

EQUAL_TREATMENT = [
    "No officer, employee, agent, or agency of Springfield shall consider an individual’s "
    "citizenship or immigration status, lack of immigration documentation, national origin, "
    "race, or ethnicity, or any immigration detainer request, notification request, or "
    "administrative warrant concerning the individual, in any decision about:",
    "A. Release on bail, bond, or recognizance, or the amount or conditions of bail or bond;",
    "B. Custody or security classification, housing, or privileges;",
    "C. Eligibility for or placement in any work, educational, rehabilitative, treatment, or "
    "other program;",
    "D. Eligibility for or referral to pre-trial diversion or any alternative to incarceration; or",
    "E. Release from custody, including early release and work release, or the length of custody.",
    "An immigration detainer request or administrative warrant shall not inhibit the ability of "
    "any person in Springfield custody to post bail or bond and secure his or her release. "
    "Nothing in this section prevents a prosecutor or court from considering the immigration "
    "consequences of a charge, plea, or sentence in order to avoid or mitigate them.",
]

KNOW_YOUR_RIGHTS = [
    "Upon booking, every person taken into Springfield custody shall be given written "
    "know-your-rights information, in a language the person understands, that explains at "
    "least:",
    "A. The person’s right to remain silent and to decline to answer questions about his or her "
    "citizenship or immigration status, place of birth, or country of origin;",
    "B. That any interview with ICE/CBP/USCIS officers, agents, or representatives is voluntary, "
    "and that the person may decline to be interviewed or may choose to be interviewed only "
    "with his or her attorney present;",
    "C. What an immigration detainer request is, and how Springfield responds to one under this "
    "ordinance; and",
    "D. How to contact free or low-cost legal services.",
    "Upon booking, every person shall also be informed, orally and in writing, that a national "
    "of another country has the right to have his or her consulate notified of the arrest or "
    "detention and to communicate with consular officers, under Article 36 of the Vienna "
    "Convention on Consular Relations, and that Springfield will notify the consulate without "
    "delay at the person’s request. This notice shall be given to every person booked, without "
    "any inquiry into his or her citizenship or immigration status.",
    "Springfield shall permit nonprofit legal service providers to hold regular "
    "know-your-rights presentations for persons in its custody.",
]

TRAINING = (
    "The Chief of Police and the head of every Springfield agency that arrests, books, or holds "
    "persons in custody shall disseminate this ordinance annually to each employee of that "
    "agency, and shall require all police officers, jail and booking staff, and their "
    "supervisors to be trained at least once a year on its requirements, including the legal "
    "limitations of immigration detainer requests and administrative warrants and the "
    "procedures for responding to any request from ICE/CBP/USCIS. The training materials shall "
    "be public records."
)

COMPLAINTS = [
    "Any person who alleges a violation of this ordinance may file a written complaint for "
    "investigation with the Human Relations Commission. The Human Relations Commission shall "
    "investigate each complaint, shall report its findings and any corrective action it "
    "recommends in writing to the complainant and to the head of the agency concerned, and "
    "shall make its findings public without disclosing the identity of the complainant or of "
    "any other person without his or her consent.",
    "The Human Relations Commission shall report at least once a year to the City Council on "
    "the number and nature of the complaints received under this section, their disposition, "
    "and any corrective action taken. This section shall be in addition to all other rights, "
    "procedures, and remedies available under federal, state, and local law.",
]


@cache
def _library():
    return tuple(read_edition("cpd-2017"))


def _assemble(*optional, options=None, **locality):
    """The model plus the named optional clauses, for the model locality."""
    clauses = _library()
    model = [c.slug for c in clauses if c.model]
    spec = parse_spec(
        {
            "locality": {**MODEL_LOCALITY, **locality},
            "clauses": [*model, *optional],
            "options": options or {},
        }
    )
    return assemble(clauses, spec)


def _lines(document, slug):
    return [block_text(block) for block in document.section(slug).blocks]


def _neighbours(document, slug):
    slugs = [section.clause for section in document.sections]
    index = slugs.index(slug)
    after = slugs[index + 1] if index + 1 < len(slugs) else None
    return slugs[index - 1], after


def test_optional_clauses_are_not_model_clauses():
    flags = {c.slug: c.model for c in _library() if c.slug in OPTIONAL}
    assert flags == dict.fromkeys(OPTIONAL, False)


def test_default_assembly_includes_no_optional_clause():
    document = assemble(_library(), parse_spec({"locality": MODEL_LOCALITY}))
    used = {block.clause for _section, block in document.blocks()} | set(document.clause_versions)
    assert sorted(used & set(OPTIONAL)) == []


def test_every_optional_clause_assembles_in_document_order():
    document = _assemble(*OPTIONAL, effective_date="January 1, 2027")
    sections = [section.clause for section in document.sections]
    assert sections == [
        "findings",
        "purpose",
        "definitions",
        "civil-enforcement",
        "prosecutorial-discretion",
        "advisory",
        "equal-treatment",
        "know-your-rights",
        "no-status-inquiry",
        "bias-profiling",
        "u-visa",
        "non-discrimination",
        "privacy",
        "savings-clause",
        "reporting",
        "language-access",
        "legal-representation",
        "training",
        "commission",
        "complaints",
        "severability",
        "effective-date",
    ]


def test_findings_come_first_and_end_with_the_enacting_clause():
    document = _assemble("findings")
    section = document.section("findings")
    assert (section.label, section.heading) == ("", "FINDINGS")
    assert [s.clause for s in document.sections[:2]] == ["findings", "purpose"]
    assert _lines(document, "findings") == [
        *FINDINGS,
        "NOW, THEREFORE, BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:",
    ]
    assert document.enacting_clause == ""


def test_without_findings_the_enacting_clause_heads_the_document():
    document = _assemble()
    assert document.enacting_clause == (
        "BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:"
    )


def test_juveniles_item_follows_detainers_and_reletters_the_rest():
    document = _assemble("juveniles")
    items = [(b.label, b.clause) for b in document.section("civil-enforcement").blocks if b.label]
    assert items == [
        ("A.", "no-287g"),
        ("B.", "no-detention-contracts"),
        ("C.", "detainers"),
        ("D.", "juveniles"),
        ("E.", "joint-operations"),
        ("F.", "facility-access"),
        ("G.", "ncic"),
    ]
    juveniles = next(
        b for b in document.section("civil-enforcement").blocks if b.key == "juveniles"
    )
    assert block_text(juveniles) == JUVENILES


def test_juveniles_item_in_section_numbering():
    clauses = _library()
    model = [c.slug for c in clauses if c.model]
    spec = parse_spec(
        {"locality": MODEL_LOCALITY, "numbering": "section", "clauses": [*model, "juveniles"]}
    )
    section = assemble(clauses, spec).section("civil-enforcement")
    assert [b.label for b in section.blocks if b.clause == "juveniles"] == ["(d)"]


def test_courthouse_item_follows_ncic():
    document = _assemble("courthouse-enforcement")
    items = [b for b in document.section("civil-enforcement").blocks if b.label]
    assert [(b.label, b.clause) for b in items[-2:]] == [
        ("F.", "ncic"),
        ("G.", "courthouse-enforcement"),
    ]
    assert block_text(items[-1]) == COURTHOUSE


def test_juveniles_and_courthouse_together_letter_through_h():
    document = _assemble("juveniles", "courthouse-enforcement")
    items = [(b.label, b.clause) for b in document.section("civil-enforcement").blocks if b.label]
    assert items[-3:] == [
        ("F.", "facility-access"),
        ("G.", "ncic"),
        ("H.", "courthouse-enforcement"),
    ]


def test_equal_treatment_section_after_advisory():
    document = _assemble("equal-treatment")
    section = document.section("equal-treatment")
    assert section.title == "V) EQUAL TREATMENT IN BAIL, CUSTODY AND DIVERSION"
    assert _neighbours(document, "equal-treatment") == ("advisory", "no-status-inquiry")
    assert _lines(document, "equal-treatment") == EQUAL_TREATMENT


def test_know_your_rights_section_after_advisory():
    document = _assemble("know-your-rights")
    section = document.section("know-your-rights")
    assert section.title == "V) KNOW-YOUR-RIGHTS INFORMATION AND CONSULAR NOTIFICATION"
    assert _neighbours(document, "know-your-rights") == ("advisory", "no-status-inquiry")
    assert _lines(document, "know-your-rights") == KNOW_YOUR_RIGHTS


def test_savings_clause_is_the_statutory_form_after_privacy():
    document = _assemble("savings-clause")
    section = document.section("savings-clause")
    assert section.heading == "COMPLIANCE WITH FEDERAL LAW"
    assert _neighbours(document, "savings-clause") == ("privacy", "reporting")
    assert [block.text for block in section.blocks] == [SAVINGS_CLAUSE]


def test_training_section_before_commission():
    document = _assemble("training")
    assert document.section("training").heading == "TRAINING"
    assert _neighbours(document, "training") == ("legal-representation", "commission")
    assert _lines(document, "training") == [TRAINING]


def test_training_cadence_periodic():
    document = _assemble("training", options={"training_cadence": "periodic"})
    expected = TRAINING.replace("trained at least once a year on", "trained periodically on")
    assert _lines(document, "training") == [expected]


def test_complaints_section_before_severability():
    document = _assemble("complaints")
    assert document.section("complaints").heading == "COMPLAINTS AND ENFORCEMENT"
    assert _neighbours(document, "complaints") == ("commission", "severability")
    assert _lines(document, "complaints") == COMPLAINTS


def test_effective_date_on_passage_is_the_last_section_and_needs_no_date():
    document = _assemble("effective-date")
    assert _neighbours(document, "effective-date") == ("severability", None)
    assert _lines(document, "effective-date") == [
        "This ordinance shall take effect immediately upon its passage and publication as "
        "provided by law."
    ]


def test_effective_date_on_named_date():
    document = _assemble(
        "effective-date", options={"effective_when": "on-date"}, effective_date="January 1, 2027"
    )
    assert _lines(document, "effective-date") == [
        "This ordinance shall take effect on January 1, 2027."
    ]


def test_effective_date_on_date_without_a_date_names_the_field():
    with pytest.raises(AssemblyError) as caught:
        _assemble("effective-date", options={"effective_when": "on-date"})
    assert list(caught.value.problems) == ["locality.effective_date"]
