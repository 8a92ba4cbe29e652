"""Forms of the "Amend existing law" pages: the current chapter and the locality."""

from __future__ import annotations

from django import forms

from drafting.amend.existing import DEFAULT_CODE_NAME, STYLES
from drafting.spec import LOCALITY_TYPES
from ordinances.forms import MAX_PASTE_CHARACTERS

STYLE_CHOICES = [(key, f"“… {words}”") for key, words in STYLES.items()]


class AmendStartForm(forms.Form):
    """The current law (pasted or uploaded) and who enacts the amendment."""

    text = forms.CharField(
        label="Paste the current chapter or ordinance",
        required=False,
        max_length=MAX_PASTE_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text="Section numbers such as “Sec. 2-14-030”, “§ 2.04.110” or “46-37” are read.",
    )
    upload = forms.FileField(
        label="…or upload it (.docx or .txt)",
        required=False,
        help_text="At most 5 MB and 200,000 characters, as on the check page. Nothing is kept "
        "but the text.",
    )
    one_section = forms.BooleanField(
        label="Treat the whole text as one section",
        required=False,
        help_text="For a policy or ordinance whose sections have no numbers.",
    )
    code_name = forms.CharField(
        label="How the amendment names the code",
        initial=DEFAULT_CODE_NAME,
        max_length=200,
        help_text="E.g. “the Municipal Code” or “Chapter 2-14 of the Municipal Code”.",
    )
    name = forms.CharField(label="Locality name", max_length=200, help_text="E.g. “Springfield”.")
    type = forms.ChoiceField(
        label="Locality type", choices=[(t, t.capitalize()) for t in LOCALITY_TYPES]
    )
    state = forms.CharField(label="State", max_length=60)
    legislative_body = forms.CharField(
        label="Legislative body", max_length=200, help_text="E.g. “City Council”."
    )
    chief_law_enforcement_officer = forms.CharField(
        label="Chief law enforcement officer",
        max_length=200,
        required=False,
        help_text="Named by several model clauses, e.g. “Chief of Police”.",
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("upload"):
            raise forms.ValidationError("Paste the current law or upload it (.docx or .txt).")
        return cleaned
