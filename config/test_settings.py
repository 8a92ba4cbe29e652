"""Settings for the test suite: the development configuration unless the environment
says otherwise. Settings default to production (DEBUG=false, which needs a secret key,
hosts and a shared cache); tests that need production start their own processes with
their own environment (tests/config/test_production.py)."""

import os

os.environ.setdefault("DEBUG", "true")

from config.settings import *  # noqa: E402, F403

# Users are created in most tests; Django's default PBKDF2 hasher spends a million rounds
# (about half a second on a slow CI machine) on each one. The suite checks what users may
# do, not how passwords are stored, so it hashes with MD5; production keeps the default
# (config.settings), and tests/config/test_production.py runs production settings.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
