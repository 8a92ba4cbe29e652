"""Unsaved wizard input moves out of the spec (`_unsaved`) into a field of its own."""

from django.db import migrations, models


def move_out(apps, schema_editor):
    workspace = apps.get_model("ordinances", "Workspace")
    for row in workspace.objects.all():
        spec = dict(row.spec or {})
        unsaved = spec.pop("_unsaved", None)
        if unsaved is not None:
            row.spec, row.unsaved = spec, unsaved
            row.save(update_fields=["spec", "unsaved"])


def move_back(apps, schema_editor):
    workspace = apps.get_model("ordinances", "Workspace")
    for row in workspace.objects.exclude(unsaved={}):
        row.spec = {**(row.spec or {}), "_unsaved": row.unsaved}
        row.save(update_fields=["spec"])


class Migration(migrations.Migration):
    dependencies = [("ordinances", "0003_organisations_moved")]

    operations = [
        migrations.AddField(
            model_name="workspace",
            name="unsaved",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(move_out, move_back),
    ]
