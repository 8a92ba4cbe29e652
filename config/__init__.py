# The Celery app loads with Django, so `shared_task`s (exports.tasks) bind to it.
from config.celery import app as celery_app

__all__ = ["celery_app"]
