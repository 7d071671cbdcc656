"""The settings the tests run with: the app's own, in debug mode, with a fast password hasher.

Hashing at full cost takes a quarter of a second per user; no test is about its cost.
"""

import os

# The suite runs as `make run` does, over plain HTTP; production settings are tested through
# `manage.py check` in tests/test_settings.py.
os.environ.setdefault("DJANGO_DEBUG", "1")

from marginalia.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# WhiteNoise would list every static file (some 3,000, GOV.UK Frontend's included) each time a
# test client starts; the tests ask for few, so each is looked up when asked.
WHITENOISE_AUTOREFRESH = True
