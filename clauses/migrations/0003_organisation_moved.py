"""House versions and editions point at `organisations.Organisation` (same table, no data change)."""

import django.db.models.deletion
from django.db import migrations, models


def _organisation(help_text: str) -> models.ForeignKey:
    return models.ForeignKey(
        blank=True,
        help_text=help_text,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="organisations.organisation",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("clauses", "0002_editions_and_house_language"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="clauseversion",
                    name="organisation",
                    field=_organisation(
                        "Set for an organisation's house version; empty for the library's."
                    ),
                ),
                migrations.AlterField(
                    model_name="edition",
                    name="organisation",
                    field=_organisation(
                        "Set for an organisation's own edition; empty for a library edition."
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
