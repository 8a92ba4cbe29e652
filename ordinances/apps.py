from django.apps import AppConfig


class OrdinancesConfig(AppConfig):
    name = "ordinances"
    default_auto_field = "django.db.models.BigAutoField"
