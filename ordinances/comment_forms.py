"""Forms of comment threads and review links (members' and outside reviewers')."""

from __future__ import annotations

from django import forms

from drafting.threads import MAX_BODY, MAX_NAME, MAX_QUOTE
from ordinances.review_links import DEFAULT_DAYS, MAX_DAYS, MAX_LABEL

QUOTE_HELP = (
    "Copy the words you mean exactly as the clause has them (at most 500 characters); "
    "leave it empty to comment on the clause as a whole."
)


def _textarea(rows: int, **attrs) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, **attrs})


class ThreadForm(forms.Form):
    """A comment on a clause and a quoted span of it."""

    clause = forms.ChoiceField(label="Clause")
    quote = forms.CharField(
        label="Quoted text",
        required=False,
        max_length=MAX_QUOTE,
        strip=False,
        help_text=QUOTE_HELP,
        widget=_textarea(2, maxlength=MAX_QUOTE),
    )
    body = forms.CharField(
        label="Comment", max_length=MAX_BODY, widget=_textarea(3, maxlength=MAX_BODY)
    )

    def __init__(self, clauses: list[tuple[str, str]], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].choices = clauses


class ReviewerCommentForm(ThreadForm):
    """A reviewer's comment: their name, then the clause, quote and comment."""

    name = forms.CharField(label="Your name", max_length=MAX_NAME)
    field_order = ["name", "clause", "quote", "body"]


class ReplyForm(forms.Form):
    body = forms.CharField(label="Reply", max_length=MAX_BODY, widget=_textarea(2))


class ReviewLinkForm(forms.Form):
    label = forms.CharField(
        label="For whom",
        max_length=MAX_LABEL,
        help_text="Shown to you and to the reviewer, e.g. “City Attorney's Office”.",
    )
    access = forms.ChoiceField(
        label="The reviewer can",
        choices=[("comment", "read, comment and sign off"), ("read", "only read")],
        initial="comment",
    )
    days = forms.IntegerField(
        label="Expires after (days)",
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        help_text=f"At most {MAX_DAYS} days. You can revoke the link at any time.",
    )


class SignOffForm(forms.Form):
    """On the same page as the comment form: its own field ids."""

    name = forms.CharField(label="Your name", max_length=MAX_NAME)
    decision = forms.ChoiceField(
        label="Your sign-off",
        choices=[("approved", "Approved"), ("changes_requested", "Changes requested")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=MAX_BODY,
        widget=_textarea(3, maxlength=MAX_BODY),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "sign_off_%s")
        super().__init__(*args, **kwargs)
