"""Every save of a draft is one transaction: a failure part-way leaves the previous state."""

import pytest

from responses.drafts import import_prose, save_comments
from responses.models import ThemeLink
from tests.factories import ResponseFactory, UserFactory

pytestmark = pytest.mark.django_db


class WriteFailed(Exception):
    pass


@pytest.fixture
def draft(seed):
    plan, _ = seed
    draft = ResponseFactory(draft=True, plan=plan, owner=UserFactory(respondent=True))
    save_comments(
        response=draft,
        version=0,
        comments=[
            {"text": "The original comment.", "stance": "concern", "sections": [], "general": True}
        ],
    )
    draft.refresh_from_db()
    return draft


@pytest.fixture
def failing_theme_link_writes(monkeypatch):
    """Every write of a theme link fails, one at a time or in bulk."""
    from django.db.models import QuerySet

    def fail(*args, **kwargs):
        raise WriteFailed

    bulk_create = QuerySet.bulk_create

    def fail_for_theme_links(queryset, *args, **kwargs):
        if queryset.model is ThemeLink:
            raise WriteFailed
        return bulk_create(queryset, *args, **kwargs)

    monkeypatch.setattr(ThemeLink, "save", fail)
    monkeypatch.setattr(QuerySet, "bulk_create", fail_for_theme_links)


def test_a_failed_save_leaves_the_previous_comments(draft, failing_theme_link_writes):
    theme = draft.plan.themes.first()
    section = draft.plan.sections.get(number="1.3")

    with pytest.raises(WriteFailed):
        save_comments(
            response=draft,
            version=draft.version,
            comments=[
                {"text": "New one", "stance": "concern", "sections": [section], "themes": []},
                {"text": "New two", "stance": "concern", "sections": [section], "themes": [theme]},
            ],
        )

    draft.refresh_from_db()
    assert list(draft.comments.values_list("text", flat=True)) == ["The original comment."]
    assert draft.version == 1


def test_a_failed_import_leaves_the_previous_comments(draft, failing_theme_link_writes):
    with pytest.raises(WriteFailed):
        import_prose(
            response=draft,
            version=draft.version,
            prose="Point 1.3 matters.\n\nThe strengthening communities theme.",
        )

    draft.refresh_from_db()
    assert list(draft.comments.values_list("text", flat=True)) == ["The original comment."]
