"""Schemathesis generates requests from the API's own OpenAPI schema (/api/schema/), valid and
not, to every operation: none may answer with a server error."""

import itertools

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings, strategies
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode

from marginalia.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 20
# Half the requests name the seed's plan and a section of it, so they reach past the 404.
SEED_PLACES = {"slug": "noms-third-sector-action-plan", "number": "1.11"}


@pytest.fixture
def connection_kept_between_requests():
    """Schemathesis calls the WSGI application itself, which closes the database connection at
    the end of each request; that would close the test's transaction with it. Django's own test
    client keeps it open the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_no_request_the_schema_allows_or_not_gets_a_server_error(
    seed, connection_kept_between_requests
):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8  # every resource of opendata.api

    for operation, mode in itertools.product(operations, GenerationMode):

        @given(case=operation.as_strategy(mode), about_the_seed=strategies.booleans())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def no_server_error(case, about_the_seed):
            if about_the_seed and case.path_parameters:  # else a plan or section not there
                case.path_parameters = {
                    name: SEED_PLACES.get(name, value)
                    for name, value in case.path_parameters.items()
                }
            case.call_and_validate(checks=[not_a_server_error])

        try:
            no_server_error()
        except Unsatisfiable:
            # An operation with nothing to get wrong (no parameters, no body) has no invalid
            # requests to make.
            assert mode is GenerationMode.NEGATIVE
