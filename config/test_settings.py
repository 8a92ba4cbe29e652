"""Settings for the test suite: the development configuration unless the environment
says otherwise. Settings default to production (DEBUG=false, which needs a secret key,
hosts and a shared cache); tests that need production start their own processes with
their own environment (tests/config/test_production.py)."""

import os

os.environ.setdefault("DEBUG", "true")

from config.settings import *  # noqa: E402, F403
