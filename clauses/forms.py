"""Forms for library editors: a clause's new version, and a new edition.

The clause form takes the source-file format apart in three textareas (the
front matter, the options with their guidance, the text) and validates the
whole exactly as the loader validates a file (`parse_clause`), then checks
that it assembles; every problem is attached to the field to change, and the
input is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import yaml
from django import forms
from django.utils.text import slugify

from clauses.models import ClauseVersion, Edition
from drafting.editions import check_version
from drafting.library import MANAGED_FIELDS, ClauseSourceError, ClauseText, compose_clause

SCOPE_LIBRARY = "library"
SCOPE_HOUSE = "house"
_WHERE = re.compile(r"^clause \([^)]*\)(?:, |: )")


def _yaml(text: str, kind: type, example: str) -> Any:
    """Parse one textarea's YAML; raise ValidationError (for `field`) in words."""
    try:
        value = yaml.safe_load(text) if text.strip() else kind()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or "it cannot be read"
        raise forms.ValidationError(f"This is not valid YAML{where}: {problem}.") from None
    if value is None:
        value = kind()
    if not isinstance(value, kind):
        raise forms.ValidationError(f"This must be a YAML {example}.")
    return value


class ClauseVersionForm(forms.Form):
    scope = forms.ChoiceField(label="Who the new version is for", widget=forms.RadioSelect)
    front_matter = forms.CharField(
        label="Front matter (YAML)",
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false", "class": "font-monospace"}),
        help_text=(
            "Title, heading, topic, order, kind, source, defined terms and recorded corrections, "
            "as in the library's source files. Slug, version, date and author are set for you."
        ),
    )
    options = forms.CharField(
        label="Options and their guidance (YAML)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false", "class": "font-monospace"}),
        help_text="The list under “options:” in a source file: key, label, type, default, "
        "guidance, source, and choices with their text and guidance.",
    )
    text = forms.CharField(
        label="Text",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "font-monospace"}),
        help_text="The clause text as in a source file: “- ” starts a lettered item, "
        "{{ locality }} and the option keys are filled in when a draft is assembled.",
    )
    change_note = forms.CharField(
        label="Change note (required)",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What changed and why, with the source that supports it. It goes into the "
        "release notes of the next edition that uses this version.",
    )

    def __init__(
        self,
        data=None,
        *,
        slug: str,
        scopes: Sequence[tuple[str, str]],
        clauses: Sequence[ClauseText],
        author: str,
        **kwargs,
    ):
        super().__init__(data, **kwargs)
        self.slug, self.clauses, self.author = slug, clauses, author
        self.fields["scope"].choices = list(scopes)
        if len(scopes) == 1:
            self.fields["scope"].initial = scopes[0][0]
            self.fields["scope"].widget = forms.HiddenInput()

    def clean_front_matter(self) -> dict:
        front = _yaml(self.cleaned_data["front_matter"], dict, "mapping")
        managed = [name for name in MANAGED_FIELDS if name in front]
        if managed:
            raise forms.ValidationError(
                f"Leave out {', '.join(managed)}: the library sets "
                f"{'it' if len(managed) == 1 else 'them'}"
                + (" (options have their own box)." if "options" in managed else ".")
            )
        return front

    def clean_options(self) -> list:
        return _yaml(self.cleaned_data.get("options", ""), list, "list (“- key: ...”)")

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            content = compose_clause(
                front_matter=cleaned["front_matter"],
                options=cleaned["options"],
                body=cleaned["text"],
                managed={
                    "slug": self.slug,
                    "version": 1,  # numbered when saved
                    "date": dt.date.today(),
                    "author": self.author,
                    "change_note": cleaned["change_note"],
                },
            )
        except ClauseSourceError as exc:
            message = _WHERE.sub("", str(exc))
            field = "options" if message.startswith(("option", "'options'")) else "front_matter"
            self.add_error(field, message[:1].upper() + message[1:] + ".")
            return cleaned
        for field, problem in check_version(content, self.clauses).items():
            self.add_error(field, problem)
        cleaned["content"] = content
        return cleaned


def version_label(version: ClauseVersion, recommended_id: int | None) -> str:
    marks = []
    if version.pk == recommended_id:
        marks.append("recommended")
    if version.organisation_id:
        marks.append("house")
    note = " ".join(version.change_note.split())
    note = note if len(note) <= 70 else note[:69].rstrip() + "…"
    suffix = f" ({', '.join(marks)})" if marks else ""
    return f"v{version.number}{suffix}: {note}"


class EditionForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    slug = forms.SlugField(
        label="Short name for specs (slug)",
        max_length=50,
        required=False,
        help_text="Drafts name their edition by it. Left blank, it is made from the name.",
    )
    date = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    derived_from = forms.ModelChoiceField(
        label="Based on",
        queryset=Edition.objects.none(),
        help_text="Release notes list every clause whose version differs from this edition.",
    )

    def __init__(
        self,
        data=None,
        *,
        bases,
        clause_versions: dict[str, tuple[str, list[ClauseVersion], ClauseVersion]],
        recommended: dict[str, int | None],
        prefix_slug: str = "",
        **kwargs,
    ):
        """`clause_versions`: slug -> (title, the versions to offer, the default)."""
        super().__init__(data, **kwargs)
        self.prefix_slug = prefix_slug
        self.fields["derived_from"].queryset = bases
        self.version_fields: list[tuple[str, str]] = []
        for slug, (title, versions, default) in clause_versions.items():
            name = f"version__{slug}"
            self.fields[name] = forms.TypedChoiceField(
                label=title,
                coerce=int,
                choices=[(v.number, version_label(v, recommended.get(slug))) for v in versions],
                initial=default.number,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.version_fields.append((slug, name))

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.data.get("name", ""))[:50]
        if not slug:
            raise forms.ValidationError("Give the edition a slug (letters, digits and hyphens).")
        if self.prefix_slug and not slug.startswith(f"{self.prefix_slug}-"):
            slug = f"{self.prefix_slug}-{slug}"[:50]
        if Edition.objects.filter(slug=slug).exists():
            raise forms.ValidationError(f"An edition “{slug}” exists already; choose another.")
        return slug

    def chosen_numbers(self) -> dict[str, int]:
        return {slug: self.cleaned_data[name] for slug, name in self.version_fields}
