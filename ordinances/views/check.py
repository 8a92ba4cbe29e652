"""Check an ordinance: paste or upload any ordinance and lint it. Nothing is stored.

Bounded for hostile input: the text is at most `MAX_PASTE_CHARACTERS`; parsing,
lint and the scorecard run within a CPU budget (`CHECK_CPU_SECONDS`), past which
the page says the text is too large to check; at most `MAX_FINDINGS_SHOWN`
findings are listed and the marked text is left out past `MAX_PREVIEW_CHARS`.
The fix buttons post a digest of the checked text, never the text again: the
text is held in the cache for `HELD_SECONDS`, under the user's id and the digest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clauses.state_law import lint_state
from drafting.budget import BudgetExceeded, time_budget
from drafting.lint import lint, scorecard, verdict
from drafting.lint.engine import SEVERITY_RANK
from drafting.parse import MAX_UPLOAD_BYTES, UploadError, parse_docx, parse_text
from drafting.parse.akn import looks_like_akn, parse_akn
from drafting.render.html import Mark, render_html
from drafting.render.text import document_text
from ordinances.forms import CheckForm

CHECK_CPU_SECONDS = 10.0
MAX_FINDINGS_SHOWN = 100
MAX_PREVIEW_CHARS = 1_500_000
HELD_SECONDS = 2 * 3600


def _marks(findings: Sequence, shown: Iterable[int] | None = None) -> dict[str, list[Mark]]:
    """Marks for the findings (those at the `shown` indices only, when given)."""
    marks: dict[str, list[Mark]] = {}
    pairs = enumerate(findings) if shown is None else ((i, findings[i]) for i in shown)
    for index, finding in pairs:
        if finding.block and finding.end > finding.start:
            marks.setdefault(finding.block, []).append(
                Mark(
                    finding.start,
                    finding.end,
                    f"finding-mark finding-mark-{finding.severity}",
                    title=finding.message,
                    ident=f"finding-{index}",
                )
            )
    return marks


def apply_fix(text: str, finding) -> str:
    """The text with a finding's mechanical fix applied."""
    fix = finding.fix
    if fix.kind == "insert-text":
        return f"{text.rstrip()}\n\n{fix.text}\n"
    if fix.kind == "replace-text" and finding.sentence and fix.target:
        fixed = finding.sentence.replace(fix.target, fix.text, 1)
        return text.replace(finding.sentence, fixed, 1)
    return text


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _held_key(request: HttpRequest, digest: str) -> str:
    return f"check-text:{request.user.pk}:{digest}"


def hold_text(request: HttpRequest, text: str) -> str:
    """Keep the checked text for the fix buttons; returns its digest."""
    digest = _digest(text)
    cache.set(_held_key(request, digest), text, timeout=HELD_SECONDS)
    return digest


def held_text(request: HttpRequest, digest: str) -> str | None:
    """The text this user checked under `digest`, while it is held."""
    if len(digest) != 64:
        return None
    return cache.get(_held_key(request, digest))


def _read(form: CheckForm) -> tuple[object, str]:
    """(document, text) from the form's upload or pasted text; UploadError if refused."""
    upload = form.cleaned_data.get("upload")
    if upload:
        if upload.size > MAX_UPLOAD_BYTES:
            raise UploadError(
                f"The file is {upload.size / 1048576:.1f} MB; the limit is "
                f"{MAX_UPLOAD_BYTES // 1048576} MB."
            )
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        document = parse_akn(data) if looks_like_akn(data) else parse_docx(data)
        return document, document_text(document)
    text = form.cleaned_data.get("text", "")
    return parse_text(text), text


def _checked(request: HttpRequest, document, text: str, state: str | None) -> dict:
    """Lint, apply a requested fix, score and render: everything the result shows."""
    findings = lint(document, state=lint_state(state))
    context: dict = {}
    fix_index = request.POST.get("apply_fix", "")
    if fix_index.isdigit() and int(fix_index) < len(findings):
        finding = findings[int(fix_index)]
        if finding.fix is not None:
            text = apply_fix(text, finding)
            document = parse_text(text)
            findings = lint(document, state=lint_state(state))
            context["fixed"] = finding.fix.description
    ordered = sorted(enumerate(findings), key=lambda p: SEVERITY_RANK[p[1].severity])
    shown = ordered[:MAX_FINDINGS_SHOWN]
    html = render_html(document, marks=_marks(findings, (index for index, _f in shown)))
    context.update(
        checked=True,
        findings=shown,
        hidden_findings=len(ordered) - len(shown),
        verdict=verdict(findings),
        scorecard=scorecard(document),
        document_html=html if len(html) <= MAX_PREVIEW_CHARS else "",
        text=text,
    )
    return context


def _too_large(form: CheckForm, context: dict, request: HttpRequest) -> HttpResponse:
    form.add_error(
        None,
        f"This text is too large to check in one go: checking it needed more than "
        f"{CHECK_CPU_SECONDS:g} seconds of computing. Check it in parts, a few sections at a "
        "time. Your text is kept below.",
    )
    return render(request, "ordinances/check.html", context, status=413)


@login_required
def check_ordinance(request: HttpRequest) -> HttpResponse:
    data = request.POST.copy() if request.method == "POST" else None
    digest = request.POST.get("checked", "")
    expired = False
    if data is not None and digest and not data.get("text") and not request.FILES:
        text = held_text(request, digest)
        if text is None:
            expired = True
        else:
            data["text"] = text
    form = CheckForm(data, request.FILES or None)
    context: dict = {"form": form, "max_upload_mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
    if expired:
        form.is_valid()
        form.add_error(
            None,
            "The text you checked is no longer held (checks are kept for two hours). "
            "Paste it again and check it.",
        )
        return render(request, "ordinances/check.html", context, status=400)
    if request.method == "POST" and form.is_valid():
        state = form.cleaned_data.get("state") or None
        try:
            with time_budget(CHECK_CPU_SECONDS):
                document, text = _read(form)
                result = _checked(request, document, text, state)
        except UploadError as exc:
            form.add_error("upload", str(exc))
            return render(request, "ordinances/check.html", context, status=400)
        except BudgetExceeded:
            return _too_large(form, context, request)
        context.update(result)
        context.update(
            form=CheckForm(initial={"text": result["text"], "state": state or ""}),
            state=state or "",
            digest=hold_text(request, result["text"]),
        )
    status = 400 if request.method == "POST" and not context.get("checked") else 200
    return render(request, "ordinances/check.html", context, status=status)
