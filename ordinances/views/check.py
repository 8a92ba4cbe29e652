"""Check an ordinance: paste or upload any ordinance and lint it. Nothing is stored."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from drafting.lint import lint, scorecard, verdict
from drafting.lint.engine import SEVERITY_RANK
from drafting.parse import MAX_UPLOAD_BYTES, UploadError, parse_docx, parse_text
from drafting.render.html import Mark, render_html
from drafting.render.text import section_text
from ordinances.forms import CheckForm


def document_text(document) -> str:
    """A parsed document as editable text: one line per heading and block."""
    parts = [document.title] if document.title else []
    parts += [section_text(section) for section in document.sections]
    return "\n\n".join(parts)


def _marks(findings) -> dict[str, list[Mark]]:
    marks: dict[str, list[Mark]] = {}
    for index, finding in enumerate(findings):
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


@login_required
def check_ordinance(request):
    form = CheckForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form, "max_upload_mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("upload")
        text = form.cleaned_data.get("text", "")
        state = form.cleaned_data.get("state") or None
        try:
            if upload:
                if upload.size > MAX_UPLOAD_BYTES:
                    raise UploadError(
                        f"The file is {upload.size / 1048576:.1f} MB; the limit is "
                        f"{MAX_UPLOAD_BYTES // 1048576} MB."
                    )
                document = parse_docx(upload.read(MAX_UPLOAD_BYTES + 1))
                text = document_text(document)
            else:
                document = parse_text(text)
        except UploadError as exc:
            form.add_error("upload", str(exc))
            return render(request, "ordinances/check.html", context, status=400)
        findings = lint(document, state=state)
        fix_index = request.POST.get("apply_fix")
        if fix_index is not None and fix_index.isdigit() and int(fix_index) < len(findings):
            finding = findings[int(fix_index)]
            if finding.fix is not None:
                text = apply_fix(text, finding)
                document = parse_text(text)
                findings = lint(document, state=state)
                context["fixed"] = finding.fix.description
        form = CheckForm(initial={"text": text, "state": state or ""})
        ordered = sorted(enumerate(findings), key=lambda p: SEVERITY_RANK[p[1].severity])
        context.update(
            form=form,
            checked=True,
            findings=ordered,
            verdict=verdict(findings),
            scorecard=scorecard(document),
            document_html=render_html(document, marks=_marks(findings)),
            text=text,
            state=state or "",
        )
    status = 400 if request.method == "POST" and not context.get("checked") else 200
    return render(request, "ordinances/check.html", context, status=status)
