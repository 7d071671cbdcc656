import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def run_django_check(*arguments, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *arguments],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_a_secret_key_is_required_when_debug_is_off():
    result = run_django_check(DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off." in result.stderr


def test_production_settings_start_with_a_secret_key():
    result = run_django_check(
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.org"
    )

    assert result.returncode == 0, result.stderr


def test_debug_is_off_unless_asked_for():
    result = run_django_check()

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off." in result.stderr


def test_the_production_settings_pass_every_deployment_check():
    result = run_django_check(
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="a-long-random-production-key-" + "k7Qz9xW2" * 6,
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
