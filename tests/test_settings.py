import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def _environment(env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return environment | env


def run_django_check(*arguments, **env):
    return run_manage("check", *arguments, **env)


def run_manage(*arguments, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT,
        env=_environment(env),
        capture_output=True,
        text=True,
    )


def start_serving(**env):
    """Load the WSGI application, as gunicorn does when it starts."""
    return subprocess.run(
        [sys.executable, "-c", "import marginalia.wsgi"],
        cwd=PROJECT,
        env=_environment({"DJANGO_SETTINGS_MODULE": "marginalia.settings", **env}),
        capture_output=True,
        text=True,
    )


def test_a_secret_key_is_required_to_serve_when_debug_is_off():
    served = start_serving(DJANGO_DEBUG="0")
    checked = run_django_check("--deploy", DJANGO_DEBUG="0")

    assert served.returncode != 0
    assert "Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off." in served.stderr
    assert checked.returncode != 0
    assert "Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off." in checked.stderr


def test_a_newcomers_first_commands_run_with_no_setting_at_all():
    result = run_manage("makemigrations", "--check", "--dry-run")

    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_production_settings_start_with_a_secret_key():
    result = run_django_check(
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.org"
    )

    assert result.returncode == 0, result.stderr


def test_debug_is_off_unless_asked_for():
    served = start_serving()

    assert served.returncode != 0
    assert "Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off." in served.stderr
    assert start_serving(DJANGO_DEBUG="1").returncode == 0


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
