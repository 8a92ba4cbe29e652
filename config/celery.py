"""The Celery app: export jobs on a real queue when CELERY_BROKER_URL is set.

    CELERY_BROKER_URL=redis://127.0.0.1:6379/0 REDIS_URL=redis://127.0.0.1:6379/0 \\
        celery -A config worker -l info

Settings prefixed CELERY_ in config/settings.py configure it. With no broker
configured the app never sends anything: exports render in the web process.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
