"""The § 1373 lint measured on real provisions it was not built on (real_corpus/, see README).

Thirty-five sets, each reported on its own:

* `dev` — split off by jurisdiction (sha1 of the jurisdiction, mod 2) before any
  tuning; the rules are tuned on it.
* `held-out`, reported as **seen (looked at 2026-11-30)** — the other half of that
  split. Its misses were read on 2026-11-30, and the readings that fixed five of
  them were written then, so from that day it is one more development set, not a
  measure.
* `heldout-2`, reported as **seen (looked at 2026-11-30, second round)** —
  gathered on 2026-11-30 before any rule changed and run once (18/29, bar not
  met); its misses were then read and the second round's readings written for
  them, so it is one more development set.
* `heldout-3`, reported as **seen (looked at 2026-11-30, third round)** — gathered
  on 2026-11-30 before the second round changed any rule, committed with its
  verdicts before the lint was run on it, and run once after that round's rules
  were done (17/25, bar not met); its misses were then read and the third round's
  readings written for them, so it is one more development set.

* `heldout-4`, reported as **seen (looked at 2026-11-30, fourth round)** — gathered
  on 2026-11-30 (30 provisions, 30 jurisdictions) by someone who did not read the
  lint's code or run it, committed with its verdicts (688b059) before the lint was
  run on it, and run once after the third round's rules were done (16/30, bar not
  met); its misses were then read and the fourth round's readings written for
  them, so it is one more development set.

* `heldout-5`, reported as **seen (looked at 2026-11-30, fifth round)** — gathered
  on 2026-11-30 (30 provisions, 28 jurisdictions not in any other set) by someone who
  did not read the lint's code or run it, committed with its verdicts (b429613) before
  the lint was run on it, and run once after the fourth round's rules were done
  (21/30, bar not met); its misses were then read and the fifth round's readings
  written for them, so it is one more development set.

* `heldout-6`, reported as **seen (looked at 2026-11-30, sixth round)** — gathered
  on 2026-11-30 (10 provisions, 9 jurisdictions not in any other set; the search
  tool's stored pages gave few operative texts, see the corpus README) by someone who
  did not read the lint's code or run it, committed with its verdicts (9e22a53) before
  the lint was run on it, and run once after the fifth round's rules were done (8/10,
  bar not met); its misses were then read and the sixth round's readings written for
  them, so it is one more development set.

* `heldout-7`, reported as **seen (looked at 2026-11-30, seventh round)** — gathered
  on 2026-11-30 (11 provisions, 11 jurisdictions not in any other set) by someone who
  did not read the lint's code or run it, committed with its verdicts (f9c6078) before
  the lint was run on it, and run once after the sixth round's rules were done (8/11,
  bar not met); its misses were then read and the seventh round's readings written for
  them, so it is one more development set.

* `heldout-8`, reported as **seen (looked at 2026-11-30, eighth round)** — gathered
  on 2026-11-30 (9 provisions, 9 jurisdictions not in any other set) by someone who
  did not read the lint's code or run it, committed with its verdicts (5909f48) before
  the lint was run on it, and run once after the seventh round's rules were done (8/9,
  bar not met); its miss was then read and the eighth round's reading written for it,
  so it is one more development set.

* `heldout-9`, reported as **seen (looked at 2026-11-30, ninth round)** — gathered
  on 2026-11-30 (19 provisions, 18 jurisdiction keys, 15 with no earlier file) by someone
  who did not read the lint's code or run it, committed with its verdicts (65b96c9) before
  the lint was run on it, and run once after the eighth round's rules were done (14/19,
  bar not met); its misses were then read and the ninth round's readings written for
  them, so it is one more development set.
* `heldout-10`, reported as **seen (looked at 2026-11-30, tenth round)** — gathered
  on 2026-11-30 (13 provisions, 13 jurisdictions not in any other set) by someone who did
  not read the lint's code or run it, committed with its verdicts (cfcebeb) before the lint
  was run on it, and run once after the ninth round's rules were done (9/13, bar not met);
  its misses were then read and the tenth round's readings written for them, so it is one
  more development set.
* `heldout-11`, reported as **seen (looked at 2026-11-30, eleventh round)** — gathered
  on 2026-11-30 by two people working at once (states A-M and N-W: 26 provisions, 26
  jurisdiction keys new to the corpus), neither of whom read the lint's code or ran it,
  committed with its verdicts (605f241, ed12c5c) before the lint was run on it, and run
  once after the tenth round's rules were done (14/26, bar not met); its misses were then
  read and the eleventh round's readings written for them, so it is one more development
  set.
* `heldout-12`, reported as **seen (looked at 2026-11-30, twelfth round)** — gathered on
  2026-11-30 by two people working at once (states A-M and N-W: 28 provisions, 28
  jurisdiction keys new to the corpus), neither of whom read the lint's code or ran it,
  committed with its verdicts (4a98f45, fc50e01) before the lint was run on it, and run
  once after the eleventh round's rules were done (20/28, bar not met); its misses were
  then read and the twelfth round's readings written for them, so it is one more
  development set.
* `heldout-13`, reported as **seen (looked at 2026-11-30, thirteenth round)** — gathered
  on 2026-11-30 by two people working at once (states A-M and N-W: 25 provisions, 25
  jurisdiction keys new to the corpus), neither of whom read the lint's code or ran it,
  committed with its verdicts (aa77209, d29eb66) before the lint was run on it, and run
  once after the twelfth round's rules were done (20/25, bar not met); its misses were then
  read and the thirteenth round's readings written for them, so it is one more
  development set.
* `heldout-14`, reported as **seen (looked at 2026-11-30, fourteenth round)** — gathered
  on 2026-11-30 by two people working at once (states A-M and N-W: 26 provisions, 26
  jurisdiction keys new to the corpus), neither of whom read the lint's code or ran it,
  committed with its verdicts (225dbc5, 5b7ad7d) before the lint was run on it, and run
  once after the thirteenth round's rules were done (19/26, bar not met); its misses were
  then read and the fourteenth round's readings written for them, so it is one more
  development set.
* `heldout-15`, reported as **seen (looked at 2026-11-30, fifteenth round)** — gathered
  on 2026-11-30 by two people working at once (states A-M and N-W: 28 provisions, 28
  jurisdiction keys new to the corpus), neither of whom read the lint's code or ran it,
  committed with its verdicts (98434af, 4a4ef3f) before the lint was run on it, and run
  once after the fourteenth round's rules were done (22/28, bar not met); its misses were
  then read and the fifteenth round's readings written for them, so it is one more
  development set.
* `heldout-16`, reported as **seen (looked at 2026-11-30, sixteenth round)** — gathered
  on 2026-11-30 by two people working at once (states A-M and N-W: 26 provisions, 26
  jurisdiction keys new to the corpus), neither of whom read the lint's code or ran it,
  committed with its verdicts (bdcbd98, f95704f) before the lint was run on it, and run
  once after the fifteenth round's rules were done (20/26, bar not met); its misses were
  then read and the sixteenth round's readings written for them, so it is one more
  development set.
* `heldout-17`, reported as **seen (looked at 2026-11-30, seventeenth round)** — gathered
  on 2026-11-30 by two people working at once (states A-M and N-W: 27 provisions, 27
  jurisdiction keys new to the corpus), neither of whom read the lint's code or ran it,
  committed with its verdicts (d7d5f5a, 6f260f7) before the lint was run on it, and run
  once after the sixteenth round's rules were done (21/27, bar not met); its misses were
  then read and the seventeenth round's readings written for the kinds of wording they
  showed, so it is one more development set.
* `heldout-18`, reported as **seen (looked at 2026-11-30, eighteenth round)** — gathered
  on 2026-11-30 by two people working at once (states A-M and N-W: 18 provisions, 18
  jurisdiction keys new to the corpus), neither of whom read the lint's code or ran it,
  committed with its verdicts (8c323d5, dda9dd8) before the lint was run on it, and run
  once after the seventeenth round's rules were done (11/18, bar not met); its misses were
  then read and the eighteenth round's readings written for the kinds of wording they
  showed (with 200 blind synthetic probes, tests/drafting/lint/probes/), so it is one more
  development set.
* `heldout-19` — gathered on 2026-11-30 by two people working at once (states A-M and
  N-W: 21 provisions, 21 jurisdiction keys new to the corpus), neither of whom read the
  lint's code or ran it, committed with its verdicts (fda04d7, 628e86a) before the lint was
  run on it; run once after the eighteenth round's rules were done (20/21, bar not met:
  one verdict wrong). Reported as **seen (looked at 2026-12-01, twenty-ninth round)**
  since that round's reading of "return" as sending was written for its miss (the Census
  Bureau "does not return any records" to DHS).
* `heldout-20`, reported as **seen (looked at 2026-11-30, twentieth round)** — gathered on
  2026-11-30 the same way (17 provisions, 17 jurisdiction keys new to the corpus; the
  brief asked for at least half errors and warnings), committed with its verdicts
  (832f646, 37759e8) before the lint was run on it, and run once after the nineteenth
  round's rules were done (11/17, bar not met); its misses were then read and the
  twentieth round's readings written for the kinds of wording they showed, so it is one
  more development set.
* `heldout-21` — gathered on 2026-11-30 the same way (9 provisions, 9 jurisdiction keys new
  to the corpus; both gatherers fell far short, the stored pages mostly ending before the
  operative clause), committed with its verdicts (6b1876f, c38f2e5) before the lint was
  run on it; run once after the twentieth round's rules were done (7/9, bar not met). The
  issue's bar applies to it. Its misses are strict xfails with their causes, read after
  that run; they were not tuned on.
* `heldout-22` — gathered on 2026-11-30 the same way (15 provisions, 15 jurisdiction keys
  new to the corpus; both gatherers fell short), committed with its verdicts (1a23fea,
  9881c28) before the lint was run on it; run once after the twentieth round's rules were
  done, with no rule changed since heldout-21's run: 15/15, the bar met on this set. The
  rules of the sixteenth round would have scored 15/15 too; see the corpus README.
* `heldout-23`, reported as **seen (looked at 2026-12-01, twenty-first round)** — gathered
  on 2026-12-01 the same way (28 provisions, 28 jurisdiction keys new to the corpus),
  committed with its verdicts (f0bfe08, ac7e70c) before the lint was run on it, and run
  once after the twentieth round's rules and one mend of savings clauses (d12ddb3) were
  done (16/28, bar not met; recorded in d88f02a); its misses were then read and the
  twenty-first round's readings written for the kinds of wording they showed, so it is one
  more development set.
* `heldout-24`, reported as **seen (looked at 2026-12-01, twenty-second round)** —
  gathered on 2026-12-01 the same way (24 provisions, 24 jurisdiction keys new to the
  corpus), committed with its verdicts (affa87c, 3a8424c) before the lint was run on it,
  and run once after the twenty-first round's rules were done (c831a12; 20/24, bar not
  met); its misses were then read and the twenty-second round's reading written for one
  of them, so it is one more development set.
* `heldout-25`, reported as **seen (looked at 2026-12-01, twenty-third round)** —
  gathered on 2026-12-01 the same way (21 provisions, 21 jurisdiction keys new to the
  corpus), committed with its verdicts (15600a9, 1201534) before the lint was run on it,
  and run once after the twenty-second round's rules were done (9e96e80; 17/21, bar not
  met); its misses were then read and the twenty-third round's readings written for them,
  so it is one more development set.
* `heldout-26`, reported as **seen (looked at 2026-12-01, twenty-fourth round)** —
  gathered on 2026-12-01 the same way (20 provisions, 20 jurisdiction keys new to the
  corpus; both gatherers fell short), committed with its verdicts (9d5e8f8, 038b97c)
  before the lint was run on it, and run once after the twenty-third round's rules were
  done (19243ac; 12/20, bar not met; the rules at the session's start, 64ce74b, score it
  12/20 too); its misses were then read and the twenty-fourth round's readings written,
  so it is one more development set.
* `heldout-27`, reported as **seen (looked at 2026-12-01, twenty-fifth round)** —
  gathered on 2026-12-01 the same way (21 provisions, 21 jurisdiction keys new to the
  corpus; both gatherers fell short, with 2 errors in all), committed with its verdicts
  (febe332, 595fd6a) before the lint was run on it, and run once after the twenty-fourth
  round's rules were done (b579f81): 18/21, bar not met. One of its misses (Aguadilla's
  ordinance, in Spanish) was then mended by a rule written with it in view (a section the
  lint cannot read is a warning, 918d4e8), so it is one more development set.
* `heldout-29`, reported as **seen (looked at 2026-12-01, twenty-seventh round)** —
  gathered on 2026-12-01 the same way (24 provisions, 24 jurisdiction keys new to the
  corpus; the brief no longer asked for a count of each verdict, and both gatherers found
  mostly compliant texts: 1 error, 4 warnings), committed with its verdicts (2a4afde,
  4b40ea9), then read blind by a second reader (23 of 24 agreed) and the one disagreement
  adjudicated blind (the gatherer's error kept), all before the lint was run on it; run
  once on the rules of f363b1b: 21/24, bar not met; its misses were then read and the
  twenty-seventh round's readings written for two of them, so it is one more development
  set.
* `heldout-28`, reported as **seen (looked at 2026-12-01, twenty-sixth round)** —
  gathered on 2026-12-01 the same way (24 provisions, 24 jurisdiction keys new to the
  corpus; both gatherers fell short, with 2 errors in all, both marked unsure), committed
  with its verdicts (75603ca, 53304a1) before the lint was run on it, and run once on the
  rules of 4b8d91a (19/24, bar not met; recorded in f452486); its misses were then read
  and the twenty-sixth round's readings written for them, so it is one more development
  set.

* `heldout-30`, reported as **seen (looked at 2026-12-01, twenty-eighth round)** —
  gathered on 2026-12-01 the same way (28 provisions, 28 jurisdiction keys new to the
  corpus; the brief asked the gatherers to look first for texts that limit information
  about people, such as agencies' confidentiality statutes: 5 errors, 15 warnings),
  committed with its verdicts (fee172b, b20b60d), read blind a second time (28 of 28
  agreed), and run once on the rules of fb53eda: 16/28, bar not met; its misses were then
  read and the twenty-eighth round's readings written for five of them, so it is one more
  development set.

* `heldout-31`, reported as **seen (looked at 2026-12-01, thirtieth round)** — gathered
  on 2026-12-01 the same way (28 provisions, 28 jurisdiction keys new to the corpus; the
  brief asked for about half texts that limit information about people and half local
  immigration instruments: 6 errors and 9 warnings as gathered, 5 errors after
  adjudication), committed with its verdicts (bd24581, 69614aa), read blind a second time
  (27 of 28 agreed) and its one disagreement adjudicated blind (Bryn Mawr College:
  compliant, a private college), and run once on the rules of 85d1257: 22/28, bar not met;
  its misses were then read and the thirtieth round's readings written for four of them,
  so it is one more development set.

* `heldout-32`, reported as **seen (looked at 2026-12-01, thirty-first round)** —
  gathered on 2026-12-01 the same way (27 provisions, 27 jurisdiction keys new to the
  corpus; about half texts that limit information about people and half local
  immigration instruments: 3 errors, 7 warnings), committed with its verdicts (b1fd24b,
  d81b647), read blind a second time (26 of 27 agreed) and its one disagreement
  adjudicated blind (Chula Vista: the gatherer's compliant kept), and run once on the rules
  of 40dcd91 (the thirtieth round): 23/27, bar not met; its misses were then read and the
  thirty-first round's readings written for all four, so it is one more development set.

* `heldout-33`, reported as **seen (looked at 2026-12-02, thirty-third round)** —
  gathered on 2026-12-02 the same way (26 provisions, 26
  jurisdiction keys new to the corpus; 13 texts that limit information about people and 13
  local immigration instruments: 3 errors, 8 warnings), committed with its verdicts
  (be4b28d, cae6acd), read blind a second time (26 of 26 agreed, nothing to adjudicate;
  b0a455f), and run once on the rules of fd0f7ac (the thirty-second round): 25/26, bar not
  met; its one miss was then read and the thirty-third round written for it, so it is one
  more development set.

* `heldout-34`, reported as **seen (looked at 2026-12-02, thirty-fourth round)** —
  gathered on 2026-12-02 the same way by
  four gatherers (32 provisions, 32 jurisdiction keys new to the corpus; mostly texts that
  limit information about people, several known only from news reports: 4 errors and 14
  warnings as gathered), committed with its verdicts (6d9d61d, c57b346, be26409, 6d68fb2),
  read blind a second time (29 of 32 agreed) and its three disagreements adjudicated blind
  (two compliant files became warnings; c8758a1), and run once on the rules of 6e2c724:
  18/32, bar not met; five of its misses were then read and the thirty-fourth round
  written for them, so it is one more development set.

* `heldout-35`, the current measure, not tuned on — gathered on 2026-12-02 the same way by
  four gatherers, each in its own region (39 provisions, 39 jurisdiction keys new to the
  corpus; 7 errors and 11 warnings as gathered), committed with its verdicts (d3c57dd,
  13ea9fd, 3434436, 1d0b7a4), read blind a second time (30 of 39 agreed) and its nine
  disagreements adjudicated blind (four verdicts changed; 7c40c21), and run once on the
  rules of 038a5d5 (the thirty-fourth round): 32/39, bar not met.

Where two blind readers disagreed (heldout-15, -16, -18 to -21, -23 to -29, -31, -32, -34,
-35), a third, blind adjudicator decided, and the files carry its verdict (the gatherer's is
kept as `gathered_verdict`; corpus README, "Adjudicated verdicts"). The one-run scores above
are against the verdicts as they stood at the run (gathered up to heldout-28, adjudicated
from heldout-29 on, whose readings were settled before the lint read them); every set is
measured here against the adjudicated ones.

Precision and recall for each set are printed after the run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pytest

from drafting.lint import lint, verdict
from drafting.parse.text import parse_text
from tests.drafting.lint.support import REPORT, Case, real_cases

VERDICTS = ("error", "warning", "compliant")
PROBLEM = frozenset({"error", "warning"})
SEEN_LABEL = "seen (looked at 2026-11-30)"
SEEN_2_LABEL = "seen (looked at 2026-11-30, second round)"
SEEN_3_LABEL = "seen (looked at 2026-11-30, third round)"
SEEN_4_LABEL = "seen (looked at 2026-11-30, fourth round)"
SEEN_5_LABEL = "seen (looked at 2026-11-30, fifth round)"
SEEN_6_LABEL = "seen (looked at 2026-11-30, sixth round)"
SEEN_7_LABEL = "seen (looked at 2026-11-30, seventh round)"
SEEN_8_LABEL = "seen (looked at 2026-11-30, eighth round)"
SEEN_9_LABEL = "seen (looked at 2026-11-30, ninth round)"
SEEN_10_LABEL = "seen (looked at 2026-11-30, tenth round)"
SEEN_11_LABEL = "seen (looked at 2026-11-30, eleventh round)"
SEEN_12_LABEL = "seen (looked at 2026-11-30, twelfth round)"
SEEN_13_LABEL = "seen (looked at 2026-11-30, thirteenth round)"
SEEN_14_LABEL = "seen (looked at 2026-11-30, fourteenth round)"
SEEN_15_LABEL = "seen (looked at 2026-11-30, fifteenth round)"
SEEN_16_LABEL = "seen (looked at 2026-11-30, sixteenth round)"
SEEN_17_LABEL = "seen (looked at 2026-11-30, seventeenth round)"
SEEN_18_LABEL = "seen (looked at 2026-11-30, eighteenth round)"
SEEN_19_LABEL = "seen (looked at 2026-12-01, twenty-ninth round)"
SEEN_20_LABEL = "seen (looked at 2026-11-30, twentieth round)"
SEEN_23_LABEL = "seen (looked at 2026-12-01, twenty-first round)"
SEEN_24_LABEL = "seen (looked at 2026-12-01, twenty-second round)"
SEEN_25_LABEL = "seen (looked at 2026-12-01, twenty-third round)"
SEEN_26_LABEL = "seen (looked at 2026-12-01, twenty-fourth round)"
SEEN_27_LABEL = "seen (looked at 2026-12-01, twenty-fifth round)"
SEEN_28_LABEL = "seen (looked at 2026-12-01, twenty-sixth round)"
SEEN_29_LABEL = "seen (looked at 2026-12-01, twenty-seventh round)"
SEEN_30_LABEL = "seen (looked at 2026-12-01, twenty-eighth round)"
SEEN_31_LABEL = "seen (looked at 2026-12-01, thirtieth round)"
SEEN_32_LABEL = "seen (looked at 2026-12-01, thirty-first round)"
SEEN_33_LABEL = "seen (looked at 2026-12-02, thirty-third round)"
SEEN_34_LABEL = "seen (looked at 2026-12-02, thirty-fourth round)"

# Dev documents the lint still gets wrong, and why (none at the moment).
KNOWN_DEV_MISSES: dict[str, str] = {
    "mountain-view-whisman-sd-2025-bp-5145-13-revised": (
        "'data collected by the district shall not be used ... to compile a list, registry, or "
        "database of individuals based on ... immigration status': a registry ban is read as "
        "outside § 1373's verbs; the adjudicator read it as restricting maintaining status "
        "(compliant for error, as adjudicated on 2026-12-01; gathered as compliant; a question "
        "for counsel)"
    ),
}

# Seen documents the lint still gets wrong. Five others were fixed on 2026-11-30 by
# general readings (bill line numbers, recitals reporting a rule, verbs sharing one
# object, "conditioning ... upon status" as a ground, savings clauses whose subject is a
# citation), each with unit tests in test_reading.py on texts of its own.
KNOWN_SEEN_MISSES: dict[str, str] = {
    "santa-ana-2016-draft-ord-use-of-resources-felony-carveout": (
        "the excerpt starts after its operative words ('[...] law or to gather or disseminate "
        "... status'): with no 'shall not' in the text, only item (d)'s non-public information "
        "is read as restricted (warning). The page before it, with the start of the sentence, "
        "was searched for on 2026-11-30 and not found in the stored pages, so it could not be "
        "re-transcribed"
    ),
    "santa-ana-2016-reso-2016-086-use-of-resources": (
        "the excerpt starts after its operative words (the 'shall not use' is on the unread "
        "page), so the bulleted list restricts nothing; the start of the sentence was searched "
        "for on 2026-11-30 and not found in the stored pages"
    ),
}

# heldout-2 was measured once on 2026-11-30 (18/29) and its misses were read; the second
# round's readings (capital bill text, broken words, quotation marks in a negation, double
# negatives, "prohibits using", "restrict" and nouns of restriction, more categories of
# information, "a person's status", inquiring of third persons, entering status into a
# database) were written for them and tested on texts of their own in test_reading.py. From
# then on it is reported as "seen (looked at 2026-11-30, second round)". What it still misses:
KNOWN_SEEN_2_MISSES: dict[str, str] = {
    "humboldt-county-2018-code-9121-5-personal-information": (
        "'release status of individuals or any other such personal information' is read by "
        "ejusdem generis (issue 16, reading 6) as personal information of the kind listed "
        "(release status, outside § 1373), with no definition elsewhere to widen it; the "
        "verdict, written before the first run, reads undefined 'personal information' as able "
        "to reach status. The two readings disagree, and either is defensible; the label is "
        "left as written (compliant for warning)"
    ),
    "us-congress-2025-hr-2056-dc-immigration-compliance": (
        "the double negative of (a) is now read (no error), but the exception in (b) — the "
        "District 'is not in violation ... solely because it has a policy whereby its officials "
        "will not share information regarding an individual who comes forward as a victim' — "
        "describes a policy Congress tolerates; the lint reads the described 'will not share "
        "information regarding an individual' as a broad restriction (warning for compliant)"
    ),
}

# heldout-3 was measured once on 2026-11-30 (17/25) and its misses were read; the third
# round's readings (verbs of forbidding in any form with their object before "from",
# "unlawful for ... to", "withhold" as not sending, reporting people described by status to
# federal authorities, "release" before someone's information, "record" as keeping, "not"
# before a gerund, and a restriction in a policy the text voids or forbids) were written for
# them and tested on texts of their own in test_reading.py. From then on it is reported as
# "seen (looked at 2026-11-30, third round)". What it still misses (nothing at the moment):
KNOWN_SEEN_3_MISSES: dict[str, str] = {}

# heldout-4 was measured once on 2026-11-30 (16/30) and its causes were read after the
# run; the fourth round's readings (a phrase between the modal and "not", a negated passive
# chain with bill line numbers, a term defined with a comma, "kept private" as a duty of
# confidentiality, notifying INS/ICE of people described by status, calling ICE to
# "obtain" status as requesting it, information named by the people it is about, and
# access to databases or information denied to immigration enforcement) were written for
# them and tested on texts of their own in test_reading.py. From then on it is reported as
# "seen (looked at 2026-11-30, fourth round)". What it still misses:
KNOWN_SEEN_4_MISSES: dict[str, str] = {
    "beacon-ny-2017-welcoming-resolution-information-requests": (
        "'Decline to respond affirmatively to requests from ... ICE ... for non-public "
        "information about an individual unless ...': the refusal of a request for a broad "
        "category is not read past its conditions (compliant for warning, as adjudicated on "
        "2026-12-01; gathered as "
        "compliant)"
    ),
    "kerman-usd-2018-ar-5145-13-student-information": (
        "'shall not be used ... to compile a list, registry, or database of individuals based "
        "on ... immigration status': a registry ban is read as outside § 1373's verbs, so "
        "only the broad 'student information' bar is found (warning for error, as adjudicated on "
        "2026-12-01; "
        "gathered as warning; a question for counsel)"
    ),
    "gilbert-az-2007-pd-general-order-1006-ice-contacts": (
        "'ICE ... may be contacted when an officer has made contact with a person believed to "
        "be in violation of federal immigration laws and circumstances indicate ...' is a "
        "permission, and 'Supervisory approval will be obtained prior to making contact with "
        "ICE' a duty; neither has a verb of moving information or names the status the contact "
        "carries ('ICE will determine immigration status' is ICE's act), so the lint reads no "
        "restriction. The verdict (marked unsure in its note) reads conditions and an approval "
        "step on contacting ICE about a suspected violator as restricting sending and "
        "requesting status; that is defensible, but an internal approval step could as well be "
        "read as supervision, a warning; the label is left as written. Not fixed in the fourth "
        "round: reading contact with ICE itself as sending status would flag the many "
        "compliant rules on detainers and contacting ICE (compliant for error). Looked at "
        "again in the eighth round: still no general reading; a condition or approval step on a "
        "permission to contact ICE names no information, and reading it as restricting status "
        "would flag every conditioned contact rule"
    ),
}

# heldout-5 was measured once on 2026-11-30 (21/30), after the fourth round's rules were
# done, and its causes were read after the run; the fifth round's readings (a label after a
# catchline ending in a dash starts an item, so a definition's list joins its lead-in;
# forbidding to impose limits on the channels protects them, as does a sentence naming
# what forbidden restrictions include; legislative findings are recitals; and broad
# classes withheld from immigration enforcement: information given in response to its
# requests, non-public information in other words, ICE or CBP spelled out, user and patron
# records, access denied to law enforcement) were written for them and tested on texts of
# their own in test_reading.py and tests/drafting/parse. From then on it is reported as
# "seen (looked at 2026-11-30, fifth round)". What it still misses (nothing at the moment):
KNOWN_SEEN_5_MISSES: dict[str, str] = {
    "antioch-usd-2017-federal-immigration-enforcement-guidelines": (
        "staff asked for 'school or District records, or student information' must ask for "
        "the warrant and contact a District administrator, who decides whether the request is "
        "lawful: a routing of requests, not read as one here (compliant for warning, as "
        "adjudicated on 2026-12-01; "
        "gathered as compliant)"
    ),
    "chelan-county-2019-code-1-392-010-keep-washington-working": (
        "'may not provide information pursuant to notification requests from federal "
        "immigration authorities': read as bare information given to immigration enforcement; "
        "the adjudicator read a notification request as asking for release timing only "
        "(Steinle) (warning for compliant, as adjudicated on 2026-12-01; gathered as warning)"
    ),
}

# heldout-6 was measured once on 2026-11-30 (8/10), after the fifth round's rules were
# done, and its causes were read after the run; the sixth round's readings (information
# confined by "regarding", "about", "concerning" or "relating to" to named categories
# other than status is narrow, as "other such information" is; "compiling" a registry is
# gathering; and information described by what it indicates, "that an individual is not a
# citizen", is status information) were written for them and tested on texts of their own
# in test_reading.py. From then on it is reported as "seen (looked at 2026-11-30, sixth
# round)". What it still misses:
KNOWN_SEEN_6_MISSES: dict[str, str] = {}

# heldout-7 was measured once on 2026-11-30 (8/11), after the sixth round's rules were
# done, and its causes were read after the run; the seventh round's readings (a defined
# policy's items describe it unless the document adopts it, and a label alone on its line
# after a catchline starts the subsection; "release" after its recipient is sending, and
# "in relation to" or "connected with" qualify information as "regarding" does; a negated
# subject with a clause set off by commas before the modal forbids the policy it
# describes) were written for them and tested on texts of their own in test_reading.py and
# tests/drafting/parse. From then on it is reported as "seen (looked at 2026-11-30, seventh
# round)". What it still misses (nothing at the moment):
KNOWN_SEEN_7_MISSES: dict[str, str] = {}

# heldout-8 was measured once on 2026-11-30 (8/9), after the seventh round's rules were
# done, and its cause was read after the run; the eighth round's reading (a second
# predicate with no subject of its own restricts the first predicate's subject, not its
# object: what the subject holds goes with it, and "will not include" or "contain"
# excludes status from what the sentence restricts, as "other than" does) was written for
# it and tested on texts of its own in test_reading.py. From then on it is reported as
# "seen (looked at 2026-11-30, eighth round)". What it still misses:
KNOWN_SEEN_8_MISSES: dict[str, str] = {
    "washington-county-or-2020-public-health-hipaa-public-charge-statement": (
        "'this information will not include immigration status and will not be shared with "
        "government agencies outside of public health': on its one run the lint joined the "
        "second predicate to the nearest noun and read 'immigration status ... will not be "
        "shared' (error). The eighth round reads the second predicate as restricting its "
        "subject, 'this information' (the limited personal information of the sentence "
        "before), and 'will not include immigration status' as excluding status from it, as "
        "'other than immigration status' does: a restriction on personal information that "
        "excludes status restricts no status information, so the lint now says compliant. "
        "The file's note gives compliant as arguable; its verdict reads the bar as on personal "
        "information generally (compliant for warning)"
    ),
}

# heldout-9 was measured once on 2026-11-30 (14/19), after the eighth round's rules were
# done, and its causes were read after the run; the ninth round's readings (a duty of
# confidentiality in other words, "held in confidence", "not made public", "confidentiality
# extends to"; library and registration records and "records that pertain to a user's use"
# as broad categories, circulation records not; a body or its workforce "not required to
# disclose" status left free to withhold it, as with "may decline to disclose"; and keeping
# status "only when" needed as a restriction on maintaining it) were written for them and
# tested on texts of their own in test_reading.py. From then on it is reported as "seen
# (looked at 2026-11-30, ninth round)". What it still misses:
KNOWN_SEEN_9_MISSES: dict[str, str] = {
    "napa-superior-court-2021-court-facility-equal-access-policy": (
        "'Court personnel are not required to disclose citizenship or immigration status "
        "information': read as a discretion to withhold granted to the court's workforce "
        "(ninth round); the adjudicator read it as removing a duty and forbidding nothing "
        "(warning for compliant, as adjudicated on 2026-12-01; gathered as warning)"
    ),
    "howard-county-public-school-system-2025-policy-1070-appendix-a-immigration-faq": (
        "'there is no requirement to report to any other government agency. In fact, the school "
        "staff would likely be violating ... Plyler v. Doe by discouraging or denying "
        "undocumented students the ability to access their education': a statement that "
        "reporting is not required, and that discouraging access would be unlawful, restricts "
        "nothing in the lint's reading; the file reads it as a chilling statement short of a "
        "prohibition. The verdict is marked unsure in the file. Looked "
        "at in the ninth round: 'not required to disclose' is now read as a discretion to "
        "withhold where a policy grants it to a body or its workforce (Napa), but 'there is "
        "no requirement' states what the law requires and grants no one anything, and the "
        "Plyler sentence is about discouraging access to school, not about information. "
        "Since then the FAQ's question ('Are schools required to report students' "
        "immigration status ...?') is read with its answer as a restriction (error for "
        "compliant, as adjudicated on 2026-12-01; gathered as warning)"
    ),
}

# heldout-10 was measured once on 2026-11-30 (9/13), after the ninth round's rules were
# done, and its causes were read after the run; the tenth round's readings ("such
# information" after status is status; "prohibit the use or disclosure of"; legal process
# demanded of immigration enforcement before it gets what it requests; bare information
# given where immigration enforcement is named; an object described by a participle stays
# the subject; information about citizenship; giving allowed only on a condition; "directed
# not to"; status inside a passive subject of information; asking federal immigration
# authorities for status; the recipient, then what is said; confidentiality with its object
# between or as a noun; answering a request for information; "document" as keeping; items
# under a lead-in that lets a court enjoin) were written for them and for wordings of the
# same families, and tested on texts of their own in test_reading.py. From then on it is
# reported as "seen (looked at 2026-11-30, tenth round)". What it still misses:
KNOWN_SEEN_10_MISSES: dict[str, str] = {}

# heldout-11 was measured once on 2026-11-30 (14/26), after the tenth round's rules were
# done, and its causes were read after the run; the eleventh round's readings ("can not"
# before a verb of forbidding; the items of policies a lead-in forbids describe them, and
# "prohibits ... from" across a long subject; "refuse to" as not doing; an item that starts
# with "Not"; "tell"; a pronoun after status information; information given voluntarily;
# a resolution asking another body to adopt a restriction, a warning; "what it means to be"
# is no definition) were written for them and tested on texts of their own in
# test_reading.py. From then on it is reported as "seen (looked at 2026-11-30, eleventh
# round)". What it still misses:
KNOWN_SEEN_11_MISSES: dict[str, str] = {
    "dane-county-2017-resolution-520-sheriff-report-immigration-status": (
        "the board 'expresses its desire' that the Sheriff adopt 'a policy refusing to report "
        "the immigration status' of those booked: a restriction urged on another is a "
        "warning in the lint's reading; the adjudicator graded what it asks for (warning for "
        "error, as adjudicated on 2026-12-01; gathered as warning)"
    ),
}

# heldout-12 was measured once on 2026-11-30 (20/28), after the eleventh round's rules
# were done, and its causes were read after the run; the twelfth round's readings (a
# prohibition after its subject, "Any communication ... is prohibited", and what a message
# is about as the last words before status; a second passive with its auxiliary left out,
# "is protected ... and not shared"; the items of a list a lead-in's restricted verb takes
# as its object, "may not disclose ... the following information:"; an approval step
# before answering immigration enforcement's request; "asked ... to provide" status as a
# don't-ask rule; "record" joined to asking as gathering; "limits ... from" in a policy the
# text forbids) were written for them and tested on texts of their own in test_reading.py.
# From then on it is reported as "seen (looked at 2026-11-30, twelfth round)". What it
# still misses:
KNOWN_SEEN_12_MISSES: dict[str, str] = {
    "hennepin-county-sheriff-2026-faq-mission-federal-work": (
        "'we do not assist with or comply with any civil immigration requests from ICE': no "
        "information is named, and the corpus's legal test (README) calls a text with no "
        "information restriction compliant, as the lint does; the file reads the requests as "
        "including requests for information, as heldout-11's Rockland file does (compliant "
        "for warning)"
    ),
}

# heldout-13 was measured once on 2026-11-30 (20/25), after the twelfth round's rules
# were done, and its causes were read after the run; the thirteenth round's readings
# ("neither ... nor"; "the citizenship of" a person after a topic word; "turn over" and
# "hand over"; a term, a colon and "Includes" as a definition; a restriction on
# communicating with or contacting federal immigration authorities, with no information
# named, as a broad restriction on the channel; an anaphor referring to status named in
# the sentence before, as an answer to its question; an item that opens with a verb of
# forbidding under a lead-in that forbids it) were written for them and tested on texts
# of their own in test_reading.py. From then on it is reported as "seen (looked at
# 2026-11-30, thirteenth round)". What it still misses (nothing at the moment):
KNOWN_SEEN_13_MISSES: dict[str, str] = {}

# heldout-14 was measured once on 2026-11-30 (19/26), after the thirteenth round's rules
# were done, and its causes were read after the run; the fourteenth round's readings
# (findings run on inside a sentence, and bill line numbers after "may not"; not requiring
# disclosure of status as a don't-ask rule; information about immigration as status
# information; a ground of decision not reaching past another predicate; information about
# people qualified after its recipient as a broad category) were written for them and
# tested on texts of their own in test_reading.py. From then on it is reported as "seen
# (looked at 2026-11-30, fourteenth round)". What it still misses:
KNOWN_SEEN_14_MISSES: dict[str, str] = {
    "decatur-al-pd-2019-general-order-426-immigration-procedures": (
        "'cooperate with lawful requests from ICE' only in listed criminal circumstances: no "
        "information is named, and the corpus's legal test (README) calls a text with no "
        "information restriction compliant, as the lint does (compliant for warning; marked "
        "unsure in the file)"
    ),
}

# heldout-15 was measured once on 2026-11-30 (22/28), after the fourteenth round's rules
# were done, and its causes were read after the run; the fifteenth round's readings
# (gerunds after "the" as the acts a verb of forbidding restricts; people described by
# status as an adjective, listed with others; "only" before a verb of giving; "This
# includes ..." putting what it names into the category restricted the sentence before)
# were written for them and tested on texts of their own in test_reading.py. From then on
# it is reported as "seen (looked at 2026-11-30, fifteenth round)". What it still misses:
KNOWN_SEEN_15_MISSES: dict[str, str] = {
    "gunnison-watershed-school-district-co-2026-policy-klg-draft-immigration-status": (
        "'The District is committed to protecting the immigration status of its students and "
        "their parents. To aid in the safeguarding of this information, the District will "
        "follow the procedures outlined in regulation KLG-R.': a commitment to protect status "
        "is not read as a duty of confidentiality (only 'protect the confidentiality of' is), "
        "and read as one it would be an error, not the file's warning; the operative "
        "regulation was not read (compliant for error, as adjudicated on 2026-12-01; gathered as "
        "warning, marked unsure)"
    ),
    "new-haven-ct-2006-pd-general-order-06-2-disclosure-of-status-information": (
        "a general order titled 'Disclosure of Status Information' whose stored text stops "
        "before its operative disclosure section: what was read restricts nothing (compliant "
        "for error, as adjudicated on 2026-12-01: the title names status; gathered as warning)"
    ),
}

# heldout-16 was measured once on 2026-11-30 (20/26), after the fifteenth round's rules
# were done, and its causes were read after the run (a second, blind reader agreed with 25
# of its 26 recorded verdicts: corpus README); the sixteenth round's readings ("discuss" as
# a verb of sending; "immigration-related information" as status information; "it is only
# disclosed" after status information; "information-sharing with ... federal immigration
# authorities" as the channel) were written for them and tested on texts of their own in
# test_reading.py. From then on it is reported as "seen (looked at 2026-11-30, sixteenth
# round)". What it still misses:
KNOWN_SEEN_16_MISSES: dict[str, str] = {
    "anne-arundel-county-public-schools-md-2025-guidance-requests-for-student-information": (
        "'Wait for legal advice before complying with any requests or directives from the law "
        "enforcement [...]' and 'Contact the Office of General Counsel if anyone appears ... "
        "asking to obtain information regarding a student': a wait for legal advice before "
        "answering law enforcement (immigration enforcement not named) is not read as a "
        "condition on giving student information (compliant for warning; marked unsure)"
    ),
    "mount-rainier-md-pd-2008-general-order-935-enforcement-of-immigration-laws": (
        "the stored text holds only the order's table of contents ('III. Restrictions upon "
        "Inquiries into and Reporting of Immigration Status'); a heading restricts nothing "
        "(compliant for error, as adjudicated on 2026-12-01 from the heading; gathered as "
        "warning)"
    ),
}

# heldout-17 documents the lint still gets wrong after the seventeenth round, and why
# (its one run, 21/27, missed six: see the corpus README).
KNOWN_SEEN_17_MISSES: dict[str, str] = {
    "illinois-central-college-il-2025-immigration-enforcement-student-information-protection": (
        "'State and federal laws ... protect your personal information—including your "
        "immigration status' describes the law, and the next sentence's 'We do not share your "
        "information with immigration officials' is read as a broad restriction: 'your "
        "information' is not read back to the category that included status in the sentence "
        "before (warning for error; marked unsure)"
    ),
}

# heldout-18 documents the lint still gets wrong after the eighteenth round, and why
# (its one run, 11/18, missed seven: see the corpus README).
KNOWN_SEEN_18_MISSES: dict[str, str] = {
    "illinois-eastern-community-colleges-il-2025-immigration-enforcement-procedure": (
        "'No other employee is authorized to grant access to nonpublic spaces or provide "
        "records': the restriction is read, but 'records' alone is not a category, and the "
        "procedure is about access to spaces (compliant for warning; marked unsure)"
    ),
}

# heldout-19 missed one on its one run (2026-11-30, after the eighteenth round's rules
# were done): the Census Bureau's "does not return any records" to DHS, read by the
# twenty-ninth round (2026-12-01). What it misses now, both verdicts changed by
# adjudication after its run:
KNOWN_SEEN_19_MISSES: dict[str, str] = {
    "cincinnati-oh-2026-council-motions-immigration-data": (
        "'Prohibiting the city from sharing any data from city-owned surveillance technology "
        "(such as cameras, drones and license plate readers)': 'any data' is read as a broad "
        "category that can hold status; what the data is (camera and plate-reader records) "
        "is not read (warning for compliant, as adjudicated on 2026-12-01; gathered as "
        "warning, which the lint was right on at its one run)"
    ),
    "cornell-college-cole-library-ia-confidentiality-of-library-records": (
        "'Confidential library records should not be released ... to a federal agent': "
        "'library records' is read as a broad category that can hold status; that they are "
        "circulation records is not read (warning for compliant, as adjudicated on "
        "2026-12-01; gathered as warning, which the lint was right on at its one run)"
    ),
}

# heldout-20 documents the lint still gets wrong after the twentieth round, and why (its
# one run, 11/17, missed six: see the corpus README).
KNOWN_SEEN_20_MISSES: dict[str, str] = {
    "geneseo-ny-2017-police-immigration-law-alien-procedures": (
        "'officers will not make referrals to federal authorities in cases where they develop "
        "information of suspected civil immigration violations': read as a restriction on the "
        "channel (warning); 'information of suspected civil immigration violations' is not "
        "read as status information (warning for error)"
    ),
    "mashpee-ma-2019-town-meeting-resolution-immigration-enforcement": (
        "'Participating in or cooperating with any inquiry, investigation ...' (cut): "
        "cooperation with an inquiry, no information named, is not read as a restriction on "
        "sending (compliant for warning; marked unsure)"
    ),
}

# heldout-21 documents the lint got wrong on its one run (2026-11-30, after the
# twentieth round's rules were done), and why: causes read after the run, not fixed.
KNOWN_HELDOUT_21_MISSES: dict[str, str] = {
    "united-states-ssa-2016-poms-gn-03313-095-disclosure-to-federal-agencies": (
        "a manual that permits disclosing records to DHS where a request meets listed "
        "criteria (the stored copy stops inside item A): conditions written as permissions "
        "are not read as restrictions (compliant for warning; a federal agency, marked unsure)"
    ),
}

# heldout-22 documents the lint got wrong on its one run (2026-11-30, after the
# twentieth round's rules were done): none.
KNOWN_HELDOUT_22_MISSES: dict[str, str] = {
    "anne-arundel-community-college-md-2025-federal-updates-ice-guidance": (
        "employees approached by ICE 'for any reason' are to contact DPSP, which decides next "
        "steps 'potentially including ... reviewing any ... request for records': a routing "
        "that names records only as a possible next step is not read (compliant for warning, "
        "as adjudicated on 2026-12-01; gathered as compliant, which the lint was right on at its "
        "one run)"
    ),
}

# heldout-23 documents the lint still gets wrong after the twenty-first round, and why (its
# one run, 16/28, missed twelve: see the corpus README).
KNOWN_SEEN_23_MISSES: dict[str, str] = {
    "michigan-department-of-education-2025-memo-responsibility-to-educate-regardless-of-"
    "immigration-status": (
        "'A district should consult with counsel on the requirements to access student "
        "records ... by a requesting agency, including an immigration enforcement agency': "
        "advice to consult counsel is not read as a restriction (compliant for warning; "
        "marked unsure)"
    ),
    "university-of-new-mexico-nm-2017-backgrounder-solidarity-with-undocumented-students": (
        "'committed to maintaining the anonymity of our undocumented students': keeping people "
        "anonymous is not read as withholding their status (compliant for error, as "
        "adjudicated on 2026-12-01; gathered as warning)"
    ),
}

# heldout-24 documents the lint still gets wrong after the twenty-second round, and why
# (its one run, 20/24, missed four: see the corpus README).
KNOWN_SEEN_24_MISSES: dict[str, str] = {
    "stockton-university-nj-2017-stockton-safe-agreement": (
        "'protects the identity and information of all members of our community': a duty to "
        "protect information named broadly is not read as a restriction (compliant for "
        "warning; marked unsure)"
    ),
}

# heldout-25 documents the lint still gets wrong after the twenty-third round, and why
# (its one run, 17/21, missed four: see the corpus README).
_ROUTED = (
    "an approach by immigration enforcement, or any action in response to it, to be handed "
    "to a named office first, with no request for information named: routing is read as a "
    "restriction only where the request names information (compliant for warning; marked "
    "unsure)"
)
KNOWN_SEEN_25_MISSES: dict[str, str] = {}

# heldout-26 documents the lint still gets wrong after the twenty-fourth round, and why
# (its one run, 12/20, missed eight: see the corpus README; the thirty-second round,
# 2026-12-02, read Sedgwick County's "We are not going to divulge that").
KNOWN_SEEN_26_MISSES: dict[str, str] = {
    "california-department-of-health-care-services-2025-statement-federal-use-of-medi-cal-data": (
        "'CMS cannot share the data with ICE', a federal court's order on a federal agency "
        "that the State reports: read as the State's own broad restriction (warning for "
        "compliant)"
    ),
    "hartford-vt-2020-welcoming-hartford-ordinance": (
        "the stored page stops before the operative sections; the file's verdict rests on a "
        "section title ('Disclosing information prohibited') and a newspaper's paraphrase, "
        "which the lint does not read as a rule (compliant for warning, as adjudicated on "
        "2026-12-01; gathered as error)"
    ),
    "josephine-county-or-2025-sheriff-informational-press-release-on-immigration": (
        "'Provide information to ICE about a person in custody if the information is "
        "available to the public or by subpoena from the courts', an item of what the office "
        "does: a sending allowed on conditions is not read as a limit on sending (compliant "
        "for warning)"
    ),
    "ohlone-community-college-district-ca-2025-ap-5040-student-records-directory-information-"
    "privacy": (
        "'Student records shall be released pursuant to a student's written consent', '... "
        "pursuant to a judicial order or a lawfully issued subpoena': releases on listed "
        "conditions are not read as a limit on other releases (compliant for warning)"
    ),
}

# heldout-27 documents the lint got wrong on its one run (2026-12-01, after the
# twenty-fourth round's rules were done) and still does, and why.
KNOWN_SEEN_27_MISSES: dict[str, str] = {
    "university-of-connecticut-ct-2016-president-message-supporting-undocumented-students": (
        "item 4 is cut before its verb ('Information regarding a person's immigration status "
        "contained within the records of the UConn Police Depa'): no restriction is written "
        "in what was stored (compliant for error; marked unsure)"
    ),
    "university-system-of-maryland-2017-statement-executive-order-interior-enforcement": (
        "'may choose not to engage in voluntary immigration enforcement activities' (a "
        "discretion) and FERPA, 'which protects student information from disclosure', "
        "restated: neither is read as a restriction (compliant for warning)"
    ),
}

# heldout-28 missed five on its one run (2026-12-01, on the rules of 4b8d91a; 19/24, 20/24
# against the adjudicated verdicts): Aurora's status asked as an indirect question,
# Falmouth's ban on joining an immigration inquiry, the INS rule's "used for any purpose
# except", Albany's bare "information" in a sentence about students' privacy (all four read
# by the twenty-sixth round), and SUNY (compliant as adjudicated). It misses none now.
KNOWN_SEEN_28_MISSES: dict[str, str] = {}

# heldout-29 missed three on its one run (2026-12-01, on the rules of f363b1b, after a blind
# second reading and adjudication had fixed its verdicts): the State Department's visa
# records and the VA's claim records, both read by the twenty-seventh round (records of a
# visa granted or refused are records of status; records about a claim or an application
# are a person's file, which can hold status), and Salt Lake City's "give that out", which
# it still misses.
KNOWN_SEEN_29_MISSES: dict[str, str] = {
    "salt-lake-city-school-district-ut-2017-board-president-student-records-policy-statement": (
        "'we don't just give that out to any law enforcement or federal agency without a "
        "court order or a warrant': 'that' points to student-record information in a quotation "
        "before it, across a [...] cut, and 'give ... out' is a verb the lint takes only with "
        "an information noun (compliant for warning; marked unsure)"
    ),
}

# heldout-30 missed twelve on its one run (2026-12-01, on the rules of fb53eda; every
# verdict read blind a second time first, 28 of 28 agreed). The twenty-eighth round then
# read five of them (a limit after the act it confines, "will be limited to purposes"; "shall
# restrict the use or disclosure of information obtained from ..."; "information that is
# collected"; access denied to a seeker described by purpose; licence and card records, tax
# return information); the thirty-second round (2026-12-02) two more (ineligibility for a
# social security number; access confined to "only state and local governmental agencies").
# What it still misses, and why:
KNOWN_SEEN_30_MISSES: dict[str, str] = {
    "massachusetts-registry-of-motor-vehicles-ma-2024-940-cmr-37-03-37-04-license-applicant-information": (  # noqa: E501
        "'such information includes ... failure to provide proof of lawful presence' (§ 37.03) "
        "and the bar on giving 'such information' to ICE (§ 37.04): the failure to prove lawful "
        "presence is not read as status, so the bar is read as on broad applicant information "
        "(warning for error)"
    ),
    "new-york-state-department-of-taxation-and-finance-ny-2021-tax-law-1418-returns-to-be-secret": (
        "'it shall be unlawful for [a list of those bound, among them any person who 'is "
        "permitted to inspect any return'] to divulge or make known in any manner the "
        "particulars set forth ... in any return': the list runs past the reach of 'unlawful "
        "for ... to', and its 'permitted to' is read as the operator of 'divulge' (compliant "
        "for warning; the same sentence without the list is read)"
    ),
    "puerto-rico-pr-2025-governor-statement-federal-immigration-laws-mandatory": (
        "the quoted statement is in Spanish: the lint does not read it and says so, a warning "
        "that § 1373 was not checked (1373-not-read), by design (warning for compliant)"
    ),
    "washington-state-health-care-authority-wa-2025-apple-health-confidentiality-information": (
        "'Further information is prohibited without a release' and 'Information can only be "
        "disclosed with a court order': bare information with a condition, and 'prohibited' "
        "after a noun with no verb, are not read as restrictions (compliant for warning)"
    ),
}

# heldout-31 missed six on its one run (2026-12-01, on the rules of 85d1257; every verdict
# read blind a second time first, 27 of 28 agreed, and the one disagreement adjudicated
# blind). The thirtieth round then read four of them (a scope clause's "does not apply to";
# "a promise not to" and "make record of"; "information secured"; "the right to
# confidentiality of ... files on the recipient"). What it still misses, and why:
KNOWN_SEEN_31_MISSES: dict[str, str] = {
    "bryn-mawr-college-pa-2018-message-regarding-daca-student-status-information": (
        "'College personnel will not release information about students' citizenship or "
        "immigration status unless presented with a subpoena': the lint reads the words, not "
        "who adopted them; the adjudicator read a private college restricting its own staff "
        "as outside § 1373, which reaches government entities and officials (error for "
        "compliant, as adjudicated on 2026-12-01; gathered as error; a question for counsel)"
    ),
    "virginia-state-board-of-elections-va-2013-code-24-2-410-1-noncitizen-lists-confidential": (
        "the lists of persons who 'have indicated a noncitizen status', in the sentence before, "
        "'shall be confidential and available only for official use by the State Board': the "
        "lists are not carried across the sentence (compliant for error)"
    ),
}

# heldout-32 missed four on its one run (2026-12-01, on the rules of 40dcd91, after a blind
# second reading and adjudication had fixed its verdicts): California's "Nothing in this
# article authorizes the disclosure of juvenile information to federal officials", Douglas
# County's list of the state laws it is challenging, Little Rock's double negative ("would
# require a failure to cooperate"), and Ohio's "no person or government entity shall solicit,
# release, disclose ... any information regarding an individual receiving assistance". The
# thirty-first round read all four; it misses none now.
KNOWN_SEEN_32_MISSES: dict[str, str] = {}

# heldout-33 missed one on its one run (2026-12-02, on the rules of fd0f7ac, after a blind
# second reading that agreed on all 26): the District of Columbia's D.C. Code § 4–671.10,
# "The Office shall keep confidential:" with the information in its list's items. The
# thirty-third round reads a duty of confidentiality in a lead-in as a bar on giving what
# its list names; it misses none now.
KNOWN_SEEN_33_MISSES: dict[str, str] = {}

# heldout-34 was run once (2026-12-02, on the rules of 6e2c724, after a blind second reading
# that agreed on 29 of 32 and a blind adjudication of the other three): 18/32, bar not met.
# Most of its texts limit information about people (confidentiality rules of agencies,
# libraries and schools) or are news reports of an instrument. The thirty-fourth round then
# read five of its misses (a person "in the country illegally"; a list of permitted
# recipients after "the following persons:"; a duty to "protect the privacy rights of" the
# people a request is about; "information in the records or in the possession of" an agency;
# line breaks escaped as "\\n"). What it still misses, and why:
KNOWN_SEEN_34_MISSES: dict[str, str] = {
    "arcata-ca-2017-municipal-code-4600-4602": (
        "the stored page stops mid-word in Sec. 4602 B ('should not provide federal "
        "immigration authorities wi'): a refusal to give immigration authorities something "
        "the text never names is not read as a restriction (warning for compliant)"
    ),
    "bloomington-il-2018-proposed-welcoming-city-ordinance-report": (
        "a news report: 'would require officers to get approval from the police chief for any "
        "communications with ICE': an approval step on communicating with ICE is not read as "
        "a restriction (as with Gilbert's general order) (warning for compliant)"
    ),
    "christina-school-district-de-2017-policy-02-31-first-read": (
        "'Any such official as named above shall not be allowed access to any records': the "
        "official is ICE only by reference to (A) ('such official as named above'), so access "
        "to records is not read as denied to immigration enforcement (warning for compliant)"
    ),
    "district-of-columbia-public-library-dc-1999-code-39-108-circulation-records": (
        "library circulation records (what a patron borrowed) are a narrow class, but the "
        "subpoena notice's 'these records will not be released' and 'records or information "
        "not be released' are read as broad (compliant for warning)"
    ),
    "harrisburg-pa-2026-bill-1-immigration-draft-report": (
        "a news report: 'using city funds, personnel, equipment, data, technology ... to assist "
        "in the investigation, detention, or arrest of any person solely related to a violation "
        "of federal immigration law': data in a list of resources barred from enforcement is "
        "read as a use-of-resources limit; both readers read it as a broad limit on data "
        "(warning for compliant)"
    ),
    "sulphur-springs-union-school-district-ca-2025-bp-5145-13-report": (
        "'data collected by the district shall not be used directly, or by others to compile a "
        "list, registry, or database of individuals based on ... immigration status': a "
        "registry ban is read as outside § 1373's verbs; the adjudicator read it as a warning "
        "(older files with the same sentence were adjudicated error: Mountain View Whisman, "
        "Kerman); a question for counsel (warning for compliant, as adjudicated on 2026-12-02; "
        "gathered as compliant)"
    ),
    "university-of-colorado-boulder-co-2025-protection-of-civil-rights-policy": (
        "'[the University] may release an above-listed record [place of birth, immigration or "
        "citizenship status, ...] if pursuant to: A subpoena, order, or warrant issued by a "
        "federal judge ...; or The consent of the student': both readers read a permission "
        "conditioned on judicial process or consent as barring any other release; the lint "
        "reads 'may release' as a permission (error for compliant)"
    ),
    "us-agency-for-healthcare-research-and-quality-us-2024-42-cfr-67-20": (
        "'No information obtained in the course of ... activities ... maybe published or "
        "released in other form if the individual ... is identifiable, unless ... consented': "
        "the source's 'maybe' for 'may be', and the 'if ... identifiable' condition, leave the "
        "bar unread; (a)'s 'may be used for any purpose other than' is a use limit "
        "(warning for compliant)"
    ),
    "us-agency-for-toxic-substances-and-disease-registry-us-2024-42-cfr-90-12": (
        "(b): records 'shall be available to the public, except that' trade-secret information "
        "'shall be considered confidential': the confidentiality covers only what the Trade "
        "Secrets Act protects, but 'any records, reports, or information obtained' is read as "
        "the broad object (compliant for warning)"
    ),
}

# heldout-35 was run once (2026-12-02, on the rules of 038a5d5, the thirty-fourth round,
# after a blind second reading that agreed on 30 of 39 and a blind adjudication of the other
# nine): 32/39, bar not met. It is the current measure and was not tuned on. What it misses,
# and why:
KNOWN_HELDOUT_35_MISSES: dict[str, str] = {
    "asheville-nc-2013-civil-liberties-resolution-report": (
        "'shall not collect, maintain or disseminate information of any individual ... based "
        "solely on political, religious or social views, associations or activities': the "
        "basis confines the information to a person's views, but 'information of any "
        "individual' is read as the broad object (compliant for warning)"
    ),
    "david-douglas-school-district-or-2017-message-in-response-to-daca-decision": (
        "'the law prohibits public schools from asking about, or maintaining information on, a "
        "student's immigration status' reports what the law says; it is read as the district's "
        "own restriction on maintaining status (warning for error; the broad 'no student "
        "information will be released ... without a warrant' is read rightly)"
    ),
    "desoto-isd-tx-2025-immigration-policy-response": (
        "'the Family Educational Rights and Privacy Act (FERPA) protects the confidentiality of "
        "every scholar's educational records' describes a federal law; it is read as the "
        "district's own duty of confidentiality over a broad class (compliant for warning)"
    ),
    "erie-pa-2025-city-statement-recent-immigration-policy-changes": (
        "'The City ... does not maintain immigration records', in a statement answering "
        "rumours, describes what the city does; it is read as a restriction on maintaining "
        "status. The second reader read it so too; the adjudicator read it as a description. "
        "Lincoln Public Schools' 'LPS policy ... does not collect or maintain information "
        "about ... immigration status', in the same set, both readers read as an error: "
        "whether a body's statement of its practice restricts is a question for counsel "
        "(compliant for error, as adjudicated; gathered as compliant)"
    ),
    "gorham-schools-me-2025-superintendent-ice-statement-report": (
        "a news report: 'The principal would know to ask for things such as a subpoena or a "
        "warrant before sharing any information about a student': a condition described as "
        "what a person would know to do is not read as a restriction (warning for compliant)"
    ),
    "hamtramck-public-schools-mi-2025-superintendent-immigration-message": (
        "the letter says what FERPA does ('prohibits schools from disclosing student records "
        "... without proper authorization'; personally identifiable information 'cannot be "
        "shared'); it is read as the district's own restrictions over broad classes "
        "(compliant for warning, as adjudicated; gathered as warning)"
    ),
    "lake-station-in-2017-welcoming-ordinance-report": (
        "a news report: 'Unless there's a court order, Lake Station's attorney would review each "
        "request by immigration officials to determine if its cooperation would put someone at "
        "risk of deportation': a routing of requests that names no information is not read as "
        "a restriction (as with Antioch's guidelines) (warning for compliant)"
    ),
}

DEV = real_cases("dev")
SEEN = real_cases("held-out")
SEEN_2 = real_cases("heldout-2")
SEEN_3 = real_cases("heldout-3")
SEEN_4 = real_cases("heldout-4")
SEEN_5 = real_cases("heldout-5")
SEEN_6 = real_cases("heldout-6")
SEEN_7 = real_cases("heldout-7")
SEEN_8 = real_cases("heldout-8")
SEEN_9 = real_cases("heldout-9")
SEEN_10 = real_cases("heldout-10")
SEEN_11 = real_cases("heldout-11")
SEEN_12 = real_cases("heldout-12")
SEEN_13 = real_cases("heldout-13")
SEEN_14 = real_cases("heldout-14")
SEEN_15 = real_cases("heldout-15")
SEEN_16 = real_cases("heldout-16")
SEEN_17 = real_cases("heldout-17")
SEEN_18 = real_cases("heldout-18")
SEEN_19 = real_cases("heldout-19")
SEEN_20 = real_cases("heldout-20")
HELDOUT_21 = real_cases("heldout-21")
HELDOUT_22 = real_cases("heldout-22")
SEEN_23 = real_cases("heldout-23")
SEEN_24 = real_cases("heldout-24")
SEEN_25 = real_cases("heldout-25")
SEEN_26 = real_cases("heldout-26")
SEEN_27 = real_cases("heldout-27")
SEEN_28 = real_cases("heldout-28")
SEEN_29 = real_cases("heldout-29")
SEEN_30 = real_cases("heldout-30")
SEEN_31 = real_cases("heldout-31")
SEEN_32 = real_cases("heldout-32")
SEEN_33 = real_cases("heldout-33")
SEEN_34 = real_cases("heldout-34")
HELDOUT_35 = real_cases("heldout-35")


def _was(split: str, score: str) -> str:
    return f"{split} did not meet the bar on its one run ({score}); it is now seen"


def _unmet(split: str) -> str:
    return f"{split} does not meet the bar: see KNOWN_{split.upper().replace('-', '_')}_MISSES"


# Every set after dev: its label, its cases, the misses it is known to have (strict
# xfails, each with its cause), and why the bar test is expected to fail while it has any
# ("": the first held-out half, never measured against the bar).
MEASURED = (
    (SEEN_LABEL, SEEN, KNOWN_SEEN_MISSES, ""),
    (SEEN_2_LABEL, SEEN_2, KNOWN_SEEN_2_MISSES, _was("heldout-2", "18/29")),
    (SEEN_3_LABEL, SEEN_3, KNOWN_SEEN_3_MISSES, _was("heldout-3", "17/25")),
    (SEEN_4_LABEL, SEEN_4, KNOWN_SEEN_4_MISSES, _was("heldout-4", "16/30")),
    (SEEN_5_LABEL, SEEN_5, KNOWN_SEEN_5_MISSES, _was("heldout-5", "21/30")),
    (SEEN_6_LABEL, SEEN_6, KNOWN_SEEN_6_MISSES, _was("heldout-6", "8/10")),
    (SEEN_7_LABEL, SEEN_7, KNOWN_SEEN_7_MISSES, _was("heldout-7", "8/11")),
    (SEEN_8_LABEL, SEEN_8, KNOWN_SEEN_8_MISSES, _was("heldout-8", "8/9")),
    (SEEN_9_LABEL, SEEN_9, KNOWN_SEEN_9_MISSES, _was("heldout-9", "14/19")),
    (SEEN_10_LABEL, SEEN_10, KNOWN_SEEN_10_MISSES, _was("heldout-10", "9/13")),
    (SEEN_11_LABEL, SEEN_11, KNOWN_SEEN_11_MISSES, _was("heldout-11", "14/26")),
    (SEEN_12_LABEL, SEEN_12, KNOWN_SEEN_12_MISSES, _was("heldout-12", "20/28")),
    (SEEN_13_LABEL, SEEN_13, KNOWN_SEEN_13_MISSES, _was("heldout-13", "20/25")),
    (SEEN_14_LABEL, SEEN_14, KNOWN_SEEN_14_MISSES, _was("heldout-14", "19/26")),
    (SEEN_15_LABEL, SEEN_15, KNOWN_SEEN_15_MISSES, _was("heldout-15", "22/28")),
    (SEEN_16_LABEL, SEEN_16, KNOWN_SEEN_16_MISSES, _was("heldout-16", "20/26")),
    (SEEN_17_LABEL, SEEN_17, KNOWN_SEEN_17_MISSES, _was("heldout-17", "21/27")),
    (SEEN_18_LABEL, SEEN_18, KNOWN_SEEN_18_MISSES, _was("heldout-18", "11/18")),
    (SEEN_19_LABEL, SEEN_19, KNOWN_SEEN_19_MISSES, _was("heldout-19", "20/21")),
    (SEEN_20_LABEL, SEEN_20, KNOWN_SEEN_20_MISSES, _was("heldout-20", "11/17")),
    ("heldout-21", HELDOUT_21, KNOWN_HELDOUT_21_MISSES, _unmet("heldout-21")),
    ("heldout-22", HELDOUT_22, KNOWN_HELDOUT_22_MISSES, "heldout-22 is measured against the bar"),
    (SEEN_23_LABEL, SEEN_23, KNOWN_SEEN_23_MISSES, _was("heldout-23", "16/28")),
    (SEEN_24_LABEL, SEEN_24, KNOWN_SEEN_24_MISSES, _was("heldout-24", "20/24")),
    (SEEN_25_LABEL, SEEN_25, KNOWN_SEEN_25_MISSES, _was("heldout-25", "17/21")),
    (SEEN_26_LABEL, SEEN_26, KNOWN_SEEN_26_MISSES, _was("heldout-26", "12/20")),
    (SEEN_27_LABEL, SEEN_27, KNOWN_SEEN_27_MISSES, _was("heldout-27", "18/21")),
    (SEEN_28_LABEL, SEEN_28, KNOWN_SEEN_28_MISSES, _was("heldout-28", "19/24")),
    (SEEN_29_LABEL, SEEN_29, KNOWN_SEEN_29_MISSES, _was("heldout-29", "21/24")),
    (SEEN_30_LABEL, SEEN_30, KNOWN_SEEN_30_MISSES, _was("heldout-30", "16/28")),
    (SEEN_31_LABEL, SEEN_31, KNOWN_SEEN_31_MISSES, _was("heldout-31", "22/28")),
    (SEEN_32_LABEL, SEEN_32, KNOWN_SEEN_32_MISSES, _was("heldout-32", "23/27")),
    (SEEN_33_LABEL, SEEN_33, KNOWN_SEEN_33_MISSES, _was("heldout-33", "25/26")),
    (SEEN_34_LABEL, SEEN_34, KNOWN_SEEN_34_MISSES, _was("heldout-34", "18/32")),
    ("heldout-35", HELDOUT_35, KNOWN_HELDOUT_35_MISSES, _unmet("heldout-35")),
)
SETS = (("dev", DEV), *((label, cases) for label, cases, _known_misses, _why in MEASURED))


@pytest.fixture(scope="module")
def results() -> dict[str, str]:
    """Each case's verdict from the lint, by name."""
    return {case.name: _verdict(case) for _name, cases in SETS for case in cases}


def _verdict(case: Case) -> str:
    return verdict(lint(parse_text(case.text)))


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.2f}" if denominator else "n/a"


def measures(pairs: Sequence[tuple[str, str]]) -> dict[str, object]:
    """Accuracy, and precision/recall for "problem" (error or warning) and for each verdict.

    `pairs` are (expected, got) verdicts.
    """
    right = sum(expected == got for expected, got in pairs)
    out: dict[str, object] = {"n": len(pairs), "right": right}
    found = sum(got in PROBLEM for _, got in pairs)
    actual = sum(expected in PROBLEM for expected, _ in pairs)
    hit = sum(expected in PROBLEM and got in PROBLEM for expected, got in pairs)
    out["problem"] = (_ratio(hit, found), _ratio(hit, actual))
    for name in VERDICTS:
        found = sum(got == name for _, got in pairs)
        actual = sum(expected == name for expected, _ in pairs)
        hit = sum(expected == got == name for expected, got in pairs)
        out[name] = (_ratio(hit, found), _ratio(hit, actual))
    return out


def _line(half: str, numbers: dict[str, object]) -> str:
    n, right = numbers["n"], numbers["right"]
    parts = [f"{half}: accuracy {right}/{n} ({right / n:.0%})"]  # type: ignore[operator]
    for name in ("problem", *VERDICTS):
        precision, recall = numbers[name]  # type: ignore[misc]
        parts.append(f"{name} P {precision} R {recall}")
    return "; ".join(parts)


def test_split_is_the_recorded_hash_of_the_jurisdiction():
    """Nobody moved a file between dev and seen: the split is still sha1(jurisdiction) mod 2."""
    for case in DEV + SEEN:
        digest = int(hashlib.sha1(case.meta["jurisdiction"].encode()).hexdigest(), 16)
        assert case.split == ("dev", "held-out")[digest % 2], case.name


def test_corpus_has_every_verdict_in_every_set():
    """As gathered: an adjudicated verdict may leave a set without one (heldout-6)."""
    for label, cases in SETS:
        assert {c.meta.get("gathered_verdict", c.verdict) for c in cases} == set(VERDICTS), label
    sizes = [len(cases) for _label, cases in SETS]
    expected = (
        43,
        29,
        25,
        30,
        30,
        10,
        11,
        9,
        19,
        13,
        26,
        28,
        25,
        26,
        28,
        26,
        27,
        18,
        21,
        17,
        9,
        15,
        28,
        24,
        21,
        20,
        21,
        24,
        24,
        28,
        28,
        27,
        26,
        32,
        39,
    )
    assert (sizes[0] + sizes[1], *sizes[2:]) == expected


@pytest.mark.parametrize("case", DEV, ids=[c.name for c in DEV])
def test_dev_document_verdict(case, results):
    if case.name in KNOWN_DEV_MISSES:
        pytest.xfail(KNOWN_DEV_MISSES[case.name])
    assert results[case.name] == case.verdict


def _known(case: Case, known: dict[str, str]):
    marks = [pytest.mark.xfail(strict=True, reason=known[case.name])] if case.name in known else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize(
    "case", [_known(c, known) for _label, cases, known, _why in MEASURED for c in cases]
)
def test_misses_are_exactly_the_known_ones(case, results):
    assert results[case.name] == case.verdict


def test_precision_recall_and_accuracy_on_every_set(results, request):
    """Printed after the run, with every miss; dev misses must be the known ones."""
    lines = [
        _line(name, measures([(c.verdict, results[c.name]) for c in cases])) for name, cases in SETS
    ]
    misses = [
        f"  miss ({name}): {c.name}: expected {c.verdict}, got {results[c.name]}"
        for name, cases in SETS
        for c in cases
        if results[c.name] != c.verdict
    ]
    request.config.stash[REPORT] = lines + misses
    dev_misses = {c.name for c in DEV if results[c.name] != c.verdict}
    assert dev_misses <= set(KNOWN_DEV_MISSES)


def _meets_the_bar(cases: Sequence[Case], results: dict[str, str]) -> bool:
    """The issue's bar: every real document's verdict right, and accuracy at least 95%."""
    right = sum(results[c.name] == c.verdict for c in cases)
    return right == len(cases) and right / len(cases) >= 0.95


@pytest.mark.parametrize(
    "cases",
    [
        pytest.param(
            cases,
            id=label,
            marks=[pytest.mark.xfail(strict=True, reason=why)] if known else [],
        )
        for label, cases, known, why in MEASURED
        if why
    ],
)
def test_meets_the_bar(cases, results):
    assert _meets_the_bar(cases, results)


def test_measures_count_problem_and_per_verdict_precision_and_recall():
    pairs = [("error", "error"), ("warning", "compliant"), ("compliant", "warning")]
    numbers = measures(pairs)
    assert numbers["right"] == 1
    assert numbers["problem"] == ("0.50", "0.50")
    assert numbers["error"] == ("1.00", "1.00")
    assert numbers["warning"] == ("0.00", "0.00")
    assert numbers["compliant"] == ("0.00", "0.00")
