from __future__ import annotations

import json

from django import forms

from drafting.spec import DraftSpec, JSONTooDeep, SpecError, json_loads, parse_spec

MAX_SPEC_BYTES = 256 * 1024


class SaveRevisionForm(forms.Form):
    message = forms.CharField(
        label="What changed (optional)",
        max_length=500,
        required=False,
        help_text="A short note for the revision list, e.g. “Sheriff's edits to II.C”.",
    )


class DraftTitleForm(forms.Form):
    title = forms.CharField(label="Draft name", max_length=200)


class SpecUploadForm(forms.Form):
    spec_file = forms.FileField(
        label="Draft spec (JSON)",
        help_text="A spec downloaded from a revision, or written by hand (see examples/).",
    )
    title = forms.CharField(label="Name for the new draft", max_length=200, required=False)

    def clean_spec_file(self) -> DraftSpec:
        upload = self.cleaned_data["spec_file"]
        if upload.size > MAX_SPEC_BYTES:
            limit = MAX_SPEC_BYTES // 1024
            raise forms.ValidationError(
                f"The file is {upload.size // 1024} KB; a spec is at most {limit} KB."
            )
        raw = upload.read(MAX_SPEC_BYTES + 1)
        try:
            data = json_loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise forms.ValidationError("The file is not a JSON draft spec.") from None
        except JSONTooDeep as exc:
            raise forms.ValidationError(f"The file is not a draft spec: it is {exc}.") from None
        try:
            return parse_spec(data)
        except SpecError as exc:
            raise forms.ValidationError(
                [f"{field}: {message}" for field, message in exc.problems.items()]
            ) from None


MAX_PASTE_CHARACTERS = 200_000


class CheckForm(forms.Form):
    """An outside ordinance to check: pasted text, or an uploaded .docx."""

    text = forms.CharField(
        label="Paste the ordinance text",
        required=False,
        max_length=MAX_PASTE_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        help_text="Section labels such as “Sec. 46-37”, “II)”, “A.”, “(1)” are recognised.",
    )
    upload = forms.FileField(
        label="…or upload a Word file (.docx) or an Akoma Ntoso act (.xml)",
        required=False,
        help_text="At most 5 MB. The text is read; nothing is stored.",
    )
    state = forms.CharField(
        label="State (for state-law notes)",
        required=False,
        max_length=60,
        help_text="Optional, e.g. “California”.",
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("upload"):
            raise forms.ValidationError(
                "Paste the ordinance text or upload a .docx or Akoma Ntoso (.xml) file."
            )
        return cleaned


class ReviewUploadForm(forms.Form):
    upload = forms.FileField(
        label="Reviewed Word file (.docx)",
        help_text="The file as the reviewer sent it back, with tracked changes and comments.",
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".docx,application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document"
            }
        ),
    )
