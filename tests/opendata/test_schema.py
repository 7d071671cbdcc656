import pytest
from django.core.management import call_command
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_is_valid_json(client):
    answer = client.get("/api/schema/?format=json")

    assert answer.status_code == 200
    schema = answer.json()
    validate(schema)
    assert {
        "/api/plans/",
        "/api/plans/{slug}/",
        "/api/plans/{slug}/comments/",
        "/api/plans/{slug}/annotations.jsonld",
        "/api/plans/{slug}/sections/",
        "/api/plans/{slug}/sections/{number}/",
        "/api/plans/{slug}/sections/{number}/comments/",
        "/api/plans/{slug}/link-suggestions/",
    } <= set(schema["paths"])


def test_the_schema_types_every_endpoint_without_a_warning(tmp_path):
    # --fail-on-warn raises when a view leaves drf-spectacular guessing.
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )
