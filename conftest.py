import os

import pytest
from _pytest.doctest import DoctestItem

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    """The docstring examples of the pure core are unit tests too (`pytest -m unit`)."""
    for item in items:
        if isinstance(item, DoctestItem):
            item.add_marker(pytest.mark.unit)
