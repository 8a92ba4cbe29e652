"""8 U.S.C. § 1373 rules. Pure.

§ 1373(a): no government entity may "prohibit, or in any way restrict" officials
from sending to, or receiving from, federal immigration authorities
"information regarding the citizenship or immigration status, lawful or
unlawful, of any individual"; (b) adds maintaining it and exchanging it with
other government entities. Its reach is narrow (CPD, "Threats to Defund
Sanctuary Cities"): release dates, contact details and other personal
information, refusing detainers and not asking about status are all outside it.

A savings clause ("Nothing in this ordinance prohibits or restricts ...")
cures the document, or the section it names ("Nothing in this Section ...").
"""

from __future__ import annotations

from collections.abc import Iterator

from drafting.document import Document
from drafting.lint.analysis import (
    ALL_LIMBS,
    Analysis,
    Facts,
    Restriction,
    analyse,
    describe_limbs,
    restricted_limbs,
)
from drafting.lint.base import SentenceRule, quote, savings_fix, sentence_finding
from drafting.lint.engine import Finding, Fix
from drafting.lint.language import language_of

AUTHORITY_1373 = (
    "8 U.S.C. § 1373(a)–(b); CPD (2017), “Threats to Defund Sanctuary Cities”; "
    "NIPNLG, ICE Hold Campaign Toolkit, “Conflicting State and Federal Laws”"
)
AUTHORITY_BROAD = (
    "8 U.S.C. § 1373; CPD (2017), “Threats to Defund Sanctuary Cities” (localities “need only be "
    "careful to draft language that does not explicitly prevent the sharing of information about "
    "immigration status”); Local Progress, An End to the Co-optation of Local Law Enforcement, "
    "checklist note on personal or confidential information"
)
AUTHORITY_HEDGE = (
    "8 U.S.C. § 1373; CPD (2017), “Threats to Defund Sanctuary Cities” (the statute does “not even "
    "require any [state or local] official[s] to provide any information”)"
)
AUTHORITY_SAVINGS = (
    "Cal. Gov. Code § 7284.6(f) (SB 54, CPD Appendix II); sample trust policy § 2 j; "
    "CPD (2017), “Threats to Defund Sanctuary Cities”"
)
AUTHORITY_STEINLE = (
    "Steinle v. City and County of San Francisco, 230 F. Supp. 3d 994 (N.D. Cal. 2017); "
    "CPD (2017), “Threats to Defund Sanctuary Cities”"
)
AUTHORITY_DONT_ASK = (
    "CPD (2017), “Policies Limiting Data Gathering Do Not Violate Federal Law”; "
    "NIPNLG, “Conflicting State and Federal Laws”"
)
AUTHORITY_DETAINER = (
    "NIPNLG, “Conflicting State and Federal Laws” (“To reject ICE hold requests is not to "
    "restrict sharing of information”)"
)

_HEDGE_WHY = (
    "§ 1373 requires no one to share anything; it forbids restricting officials who choose to. "
    "An exception for what the law “requires” therefore never switches on, and the restriction "
    "can still be read to reach status information."
)


def _quoted(facts: Facts, restriction: Restriction) -> str:
    start = min(restriction.verbs[0].start, restriction.mention.start)
    end = max(restriction.verbs[-1].end, restriction.mention.end)
    return quote(facts.text[start:end])


def _limb(facts: Facts, analysis: Analysis, *, potential: bool = False) -> str:
    """Which limbs of § 1373 the sentence restricts (those no savings clause keeps open)."""
    limbs = analysis.uncovered(facts) or restricted_limbs(facts)
    return describe_limbs(limbs) + (" (potential)" if potential else "")


def _savings_gap(facts: Facts, analysis: Analysis) -> str:
    """Why a savings clause in scope does not cure this sentence, if one is in scope."""
    savings = analysis.savings_for(facts)
    if not savings:
        return ""
    covered = frozenset().union(*(s.savings_limbs for s in savings))
    left = analysis.uncovered(facts)
    return (
        f" The savings clause keeps open only {describe_limbs(covered) or 'none of § 1373'}; "
        f"this sentence also restricts {describe_limbs(left)}, which it does not reach. Widen "
        "the savings clause to name every channel, as Cal. Gov. Code § 7284.6(e) does "
        "(“… or maintaining or exchanging that information with any other federal, state, or "
        "local government entity”)."
    )


def _defined(restriction: Restriction, analysis: Analysis) -> str:
    if not restriction.defined:
        return ""
    definition = analysis.definitions.terms.get(restriction.defined)
    where = ""
    if definition is not None and definition.index < len(analysis.facts):
        sentence = analysis.facts[definition.index].sentence
        where = f" in “{sentence.section.title}”" if sentence and sentence.section.title else ""
    return f" “{restriction.defined}” is defined{where}, and its definition names status."


def _cure(saving: Facts) -> str:
    if saving.self_cured:
        return saving.cured_by or "the sentence’s own exception for § 1373"
    title = saving.sentence.section.title if saving.sentence else ""
    return f"the savings clause in “{title}”" if title else "the savings clause"


class StatusRestriction(SentenceRule):
    id = "1373-status-restriction"
    severity = "error"
    authority = AUTHORITY_1373

    def inspect(self, facts: Facts, analysis: Analysis):
        if not facts.status or analysis.cure_for(facts):
            return None
        restriction = facts.status[0]
        hedge = ""
        if facts.hedges:
            hedge = (
                f" Its exception (“{quote(facts.hedges[0].text, 80)}”) does not cure it: § 1373 "
                "and § 1644 require no one to share anything, so an exception for what the law "
                "requires never applies."
            )
        message = (
            "This restricts sharing or keeping information about citizenship or immigration "
            f"status (“{_quoted(facts, restriction)}”).{_defined(restriction, analysis)} "
            "8 U.S.C. § 1373 forbids a local law or policy to prohibit or in any way restrict "
            "officials from sending such information to, or receiving it from, federal "
            "immigration authorities, or from maintaining it or exchanging it with other "
            f"government entities.{hedge}{_savings_gap(facts, analysis)} Otherwise add a savings "
            "clause that covers every verb restricted, or limit the restriction to information "
            "§ 1373 does not reach (release dates, contact details, other personal information)."
        )
        return message, savings_fix(analysis)

    def limb(self, facts: Facts, analysis: Analysis) -> str:
        return _limb(facts, analysis)


class BroadRestriction(SentenceRule):
    id = "1373-broad-restriction"
    severity = "warning"
    authority = AUTHORITY_BROAD

    def inspect(self, facts: Facts, analysis: Analysis):
        if not facts.flagged or facts.status or analysis.cure_for(facts):
            return None
        restriction = facts.broad[0]
        phrase = restriction.mention.text
        defined = ""
        if restriction.defined:
            defined = (
                f" Its definition of “{restriction.defined}” is open-ended and does not exclude "
                "status."
            )
        # the access reading (analysis._access_denied) marks its verb with the word "access"
        first = restriction.verbs[0].text.lower()
        what = f"sharing “{phrase}”"
        if first.startswith("access"):
            what = f"access to “{phrase}”"
        if first.startswith("us"):  # "shall be used for any purpose except ..."
            what = f"the use of “{phrase}”"
        if restriction.mention.kind == "channel":  # analysis._channel_restricted
            what = "communicating with federal immigration authorities"
        if restriction.mention.kind == "routed":  # analysis._routed_request
            what = f"who may answer a request for “{phrase}”"
        if restriction.mention.kind == "inquiry":  # analysis._inquiry_joined
            what = f"answering an immigration “{phrase}”"
        message = (
            f"This restricts {what} (“{_quoted(facts, restriction)}”) and does not "
            "exclude citizenship or immigration status, so it can be read to reach status "
            f"information, which 8 U.S.C. § 1373 does not let a locality restrict.{defined}"
            f"{_savings_gap(facts, analysis)} Otherwise add a savings clause, or exclude status "
            "in the sentence itself (“… other than citizenship or immigration status”)."
        )
        return message, savings_fix(analysis)

    def limb(self, facts: Facts, analysis: Analysis) -> str:
        return _limb(facts, analysis, potential=True)


def _what(restriction: Restriction) -> str:
    """What a restriction reaches, for a message: status, or the category quoted."""
    if restriction.mention.kind == "status":
        return "citizenship or immigration status"
    return f"“{restriction.mention.text}”"


def _potential_limbs(restrictions: list[Restriction]) -> str:
    """The limbs a rule reported or asked for would touch (sending, when it names none)."""
    limbs = {limb for r in restrictions for limb in r.limbs} or {"a"}
    return describe_limbs(limbs) + " (potential)"


class RecitalReportsRestriction(SentenceRule):
    """A WHEREAS clause that reports a restriction in force ("pursuant to Executive Order
    No. 170, it is the policy of the State that officers shall not disclose information
    ..."). A recital enacts nothing, so it is never an error; but it tells the reader that
    an operative text restricts information, and that text needs reading."""

    id = "1373-recital-reports-restriction"
    severity = "warning"
    authority = AUTHORITY_BROAD

    def inspect(self, facts: Facts, analysis: Analysis):
        if not facts.reported or analysis.cure_for(facts):
            return None
        restriction = facts.reported[0]
        what = _what(restriction)
        message = (
            f"This recital reports a rule in force that restricts sharing {what} "
            f"(“{_quoted(facts, restriction)}”). A recital enacts nothing itself, so it is not "
            "an error; but the rule it reports can conflict with 8 U.S.C. § 1373. Read the "
            "operative text it names, and add a savings clause if that text is yours to amend."
        )
        return message, None

    def limb(self, facts: Facts, analysis: Analysis) -> str:
        return _potential_limbs(facts.reported)


class UrgedRestriction(SentenceRule):
    """A resolution that asks another body to adopt a restriction ("expresses its desire that
    the Sheriff's Office develop a policy refusing to report the immigration status ... to
    ICE"). Asking enacts nothing, so it is never an error; but the policy asked for would
    restrict the § 1373 channels unless it keeps them open."""

    id = "1373-urges-restriction"
    severity = "warning"
    authority = AUTHORITY_BROAD

    def inspect(self, facts: Facts, analysis: Analysis):
        if not facts.urged or analysis.cure_for(facts):
            return None
        restriction = facts.urged[0]
        what = _what(restriction)
        message = (
            f"This asks another body to adopt a rule that would restrict sharing {what} "
            f"(“{_quoted(facts, restriction)}”). Asking enacts nothing, so it is not an error; "
            "but the policy asked for would conflict with 8 U.S.C. § 1373 unless it leaves "
            "sending, receiving, requesting, maintaining and exchanging status information open. "
            "Ask for a savings clause in it."
        )
        return message, None  # a clause added here would not reach the policy asked for

    def limb(self, facts: Facts, analysis: Analysis) -> str:
        return _potential_limbs(facts.urged)


class Hedge(SentenceRule):
    id = "1373-hedge"
    severity = "warning"
    authority = AUTHORITY_HEDGE

    def inspect(self, facts: Facts, analysis: Analysis):
        if not facts.hedges or not facts.flagged or analysis.cure_for(facts):
            return None
        hedges = "”, “".join(quote(h.text, 80) for h in facts.hedges)
        names = " It names § 1373, but that does not help." if "1373" in facts.low else ""
        message = f"“{hedges}” is ambiguous, not a cure. {_HEDGE_WHY}{names} Add a savings clause."
        return message, savings_fix(analysis)

    def limb(self, facts: Facts, analysis: Analysis) -> str:
        return _limb(facts, analysis, potential=not facts.status)


class Cured(SentenceRule):
    id = "1373-cured"
    severity = "info"
    authority = AUTHORITY_SAVINGS

    def inspect(self, facts: Facts, analysis: Analysis):
        saving = analysis.cure_for(facts) if facts.flagged else None
        if saving is None:
            return None
        what = "status information" if facts.status else f"“{facts.broad[0].mention.text}”"
        message = (
            f"On its own this restriction on {what} would conflict with, or could be read to "
            f"conflict with, 8 U.S.C. § 1373; {_cure(saving)} keeps status information free "
            "to flow, so it complies."
        )
        return message, None


class PermitsWithholding(SentenceRule):
    id = "1373-permits-withholding"
    severity = "warning"
    authority = (
        "8 U.S.C. § 1373(a) (no entity may “prohibit, or in any way restrict” sending status "
        "information); City of New York v. United States, 179 F.3d 29 (2d Cir. 1999)"
    )

    def inspect(self, facts: Facts, analysis: Analysis):
        if not facts.may_withhold or facts.status or analysis.cure_for(facts):
            return None
        message = (
            f"“{quote(facts.may_withhold[0].text, 80)}” lets officials or agencies withhold "
            "citizenship or immigration status information. It does not itself forbid sharing, "
            "but a rule or practice adopted under it would restrict what 8 U.S.C. § 1373 keeps "
            "free, and an exception for what the law “requires” never applies (§ 1373 requires "
            "nothing). Add a savings clause."
        )
        return message, savings_fix(analysis)

    def limb(self, facts: Facts, analysis: Analysis) -> str:
        return describe_limbs({"a"}) + " (potential)"


class DefinitionExcludesStatus(SentenceRule):
    id = "1373-definition-excludes"
    severity = "info"
    authority = AUTHORITY_1373

    def inspect(self, facts: Facts, analysis: Analysis):
        if not facts.cleared or facts.flagged:
            return None
        term = facts.cleared[0].defined
        kind = analysis.definitions.kind(term)
        how = (
            "its definition excludes citizenship and immigration status"
            if kind == "excludes"
            else "its definition is a closed list that does not include citizenship or "
            "immigration status"
        )
        message = (
            f"Compliant: this restricts “{term}”, and {how}, so the restriction does not reach "
            "the information 8 U.S.C. § 1373 protects."
        )
        return message, None


class SavingsClause(SentenceRule):
    id = "1373-savings-clause"
    severity = "info"
    authority = AUTHORITY_SAVINGS

    def inspect(self, facts: Facts, analysis: Analysis):
        if not facts.savings_scope:
            return None
        scope = (
            "the whole document"
            if facts.savings_scope == "document"
            else "only the section it stands in (it says “this section”)"
        )
        kept = (
            "every part of § 1373"
            if facts.savings_limbs >= ALL_LIMBS
            else describe_limbs(facts.savings_limbs) or "the channels § 1373 names"
        )
        message = (
            "Savings clause: it keeps officials free to send citizenship or immigration status "
            "information to federal immigration authorities, as 8 U.S.C. § 1373 requires. "
            f"It covers {scope}, and keeps open {kept}."
        )
        return message, None


class LimitedInformation(SentenceRule):
    id = "1373-limited-info"
    severity = "info"
    authority = AUTHORITY_STEINLE

    _WHAT = {
        "release": "release dates and notification of release",
        "custody": "custody or incarceration status",
        "contact": "contact information",
        "court": "court dates",
        "criminal": "criminal history",
        "categories": "information on the specific categories it names",
    }

    def inspect(self, facts: Facts, analysis: Analysis) -> tuple[str, Fix | None] | None:
        if not facts.limited or facts.flagged:
            return None
        kinds = dict.fromkeys(r.mention.kind.split(":")[1] for r in facts.limited)
        what = ", ".join(self._WHAT[k] for k in kinds)
        message = (
            f"Compliant: this restricts sharing {what}, not citizenship or immigration status. "
            "§ 1373 governs only status information; Steinle held that restricting release "
            "dates does not violate it."
        )
        return message, None


class _PassRule(SentenceRule):
    """An info note that a sentence passes § 1373 because of one fact about it (`fact`),
    unless another rule already flagged it."""

    severity = "info"
    fact = ""
    message = ""

    def inspect(self, facts: Facts, analysis: Analysis):
        if not getattr(facts, self.fact) or facts.flagged:
            return None
        return self.message, None


class DontAsk(_PassRule):
    id = "1373-dont-ask"
    authority = AUTHORITY_DONT_ASK
    fact = "dont_ask"
    message = (
        "Compliant: this limits asking about or collecting immigration status, not sharing "
        "it. § 1373 does not require anyone to gather status information, so a “don’t ask” "
        "rule does not violate it."
    )


class DetainerRefusal(_PassRule):
    id = "1373-detainer-refusal"
    authority = AUTHORITY_DETAINER
    fact = "refuses_detainers"
    message = (
        "Compliant: declining detainers (holds) restricts no exchange of information, so "
        "§ 1373 does not reach it."
    )


class NotRead:
    """A section in a language the lint does not read is a warning, not a silent pass.

    One finding per such section, on its first sentence of four words or more (not a
    bare "Sección 1."): the lint cannot vouch for text it did not read, and a clerk in
    Puerto Rico pasting an ordenanza should be told so rather than see it called
    compliant.
    """

    id = "1373-not-read"
    severity = "warning"
    authority = AUTHORITY_1373

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        first: dict[int, Facts] = {}
        for facts in analysis.facts:
            assert facts.sentence is not None
            index = facts.sentence.section_index
            if index not in first or len(first[index].sentence.text.split()) < 4:
                first[index] = facts
        for index, facts in first.items():
            section = document.sections[index]
            language = language_of(" ".join(block.text for block in section.blocks))
            if language in ("", "English"):
                continue
            yield sentence_finding(
                self,
                facts,
                f"This section is in {language}, and this lint reads English only: it has "
                "not read the section. Have someone who reads it check it against § 1373 "
                "(sending, receiving, requesting, maintaining and exchanging citizenship or "
                "immigration status information) before it is called compliant.",
                limb="§ 1373(a) and (b): not checked",
            )


RULES_1373 = (
    StatusRestriction(),
    BroadRestriction(),
    RecitalReportsRestriction(),
    UrgedRestriction(),
    Hedge(),
    PermitsWithholding(),
    DefinitionExcludesStatus(),
    Cured(),
    SavingsClause(),
    LimitedInformation(),
    DontAsk(),
    DetainerRefusal(),
    NotRead(),
)
