"""The settings the tests run with: the app's own, with a fast password hasher.

Hashing at full cost takes a quarter of a second per user; no test is about its cost.
"""

from marginalia.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
