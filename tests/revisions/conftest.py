"""The seed plan revised as the department might have revised it after the consultation: 1.11
says sub-contracting and consortia building "will be encouraged" where it said "considered"."""

import pytest

from tests.revisions.arranging import ENCOURAGED, revise, revised_text


@pytest.fixture
def revised_seed(seed):
    plan, _response = seed
    return revise(plan, revised_text(plan, **{"1_11": ENCOURAGED}), label="Revised action plan")
