"""What the API reads and writes. Specs are the same JSON as `examples/*.json` and the
revision page's "Spec (JSON)"; findings are what `manage.py lint --format json` prints."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ordinances.models import Draft, Revision
from organisations.models import display_name


@extend_schema_field(OpenApiTypes.OBJECT)
class SpecField(serializers.JSONField):
    """A draft spec: a JSON object, as in examples/*.json."""

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError("The spec is a JSON object.")
        return super().to_internal_value(data)


class RevisionSummarySerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()

    class Meta:
        model = Revision
        fields = ["number", "created_at", "author", "message", "locality", "lint_errors",
                  "lint_warnings"]  # fmt: skip

    def get_author(self, revision) -> str:
        return display_name(revision.author)


class RevisionSerializer(RevisionSummarySerializer):
    spec = SpecField()
    draft = serializers.IntegerField(source="draft_id")

    class Meta(RevisionSummarySerializer.Meta):
        fields = ["draft", *RevisionSummarySerializer.Meta.fields, "spec", "clause_versions"]


class DraftSerializer(serializers.ModelSerializer):
    latest_revision = serializers.SerializerMethodField()
    archived = serializers.SerializerMethodField()

    class Meta:
        model = Draft
        fields = ["id", "title", "created_at", "archived", "latest_revision"]

    def get_latest_revision(self, draft) -> int | None:
        revision = draft.latest_revision()
        return revision.number if revision else None

    def get_archived(self, draft) -> bool:
        return draft.archived_at is not None


class RevisionCreateSerializer(serializers.Serializer):
    spec = SpecField(help_text="A draft spec, as in examples/*.json.")
    message = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    base = serializers.IntegerField(
        min_value=0,
        required=False,
        help_text="The revision this one builds on (default: the latest); a newer save "
        "since then is a 409.",
    )

    def validate_spec(self, value):
        if not isinstance(value, dict):
            raise serializers.ValidationError("The spec is a JSON object.")
        return value


class SpecSerializer(serializers.Serializer):
    spec = SpecField(help_text="A draft spec, as in examples/*.json.")

    def validate_spec(self, value):
        if not isinstance(value, dict):
            raise serializers.ValidationError("The spec is a JSON object.")
        return value


MAX_TEXT = 500_000


class LintRequestSerializer(serializers.Serializer):
    """Exactly one of spec, text (an ordinance's text) or akn (an Akoma Ntoso act)."""

    spec = SpecField(required=False)
    text = serializers.CharField(required=False, max_length=MAX_TEXT, trim_whitespace=False)
    akn = serializers.CharField(required=False, max_length=5 * 1024 * 1024)
    state = serializers.CharField(required=False, max_length=60, allow_blank=True)

    def validate(self, data):
        given = [name for name in ("spec", "text", "akn") if name in data]
        if len(given) != 1:
            raise serializers.ValidationError("Send exactly one of spec, text or akn.")
        if "spec" in data and not isinstance(data["spec"], dict):
            raise serializers.ValidationError({"spec": "The spec is a JSON object."})
        return data


class FindingSerializer(serializers.Serializer):
    """One lint finding (as `manage.py lint --format json`)."""

    rule = serializers.CharField()
    severity = serializers.ChoiceField(choices=["error", "warning", "info"])
    message = serializers.CharField()
    section = serializers.CharField(allow_blank=True)
    sentence = serializers.CharField(allow_blank=True)
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    authority = serializers.CharField(allow_blank=True)
    fix = serializers.DictField(required=False, child=serializers.CharField())


class SummaryLineSerializer(serializers.Serializer):
    kind = serializers.CharField()
    key = serializers.CharField()
    text = serializers.CharField()
    old = serializers.CharField(allow_blank=True)
    new = serializers.CharField(allow_blank=True)


class ChangeSerializer(serializers.Serializer):
    kind = serializers.CharField()
    section = serializers.CharField(allow_blank=True)
    where = serializers.CharField(allow_blank=True)
    deleted = serializers.CharField(allow_blank=True)
    inserted = serializers.CharField(allow_blank=True)


class ComparisonSerializer(serializers.Serializer):
    old = serializers.CharField()
    new = serializers.CharField()
    summary = SummaryLineSerializer(many=True)
    changes = ChangeSerializer(many=True)
    counts = serializers.DictField(child=serializers.IntegerField())
