from django.apps import AppConfig


class ClausesConfig(AppConfig):
    name = "clauses"
    default_auto_field = "django.db.models.BigAutoField"
