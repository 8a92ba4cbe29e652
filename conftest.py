import os

import pytest
from _pytest.doctest import DoctestItem

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Settings default to production (DEBUG=false), which needs a secret key, hosts and a
# shared cache; the tests run the development configuration unless a test sets its own
# environment (tests/config/test_production.py starts gunicorn in production mode).
os.environ.setdefault("DEBUG", "true")


def pytest_collection_modifyitems(config, items):
    """The docstring examples of the pure core are unit tests too (`pytest -m unit`)."""
    for item in items:
        if isinstance(item, DoctestItem):
            item.add_marker(pytest.mark.unit)
