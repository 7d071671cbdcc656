import copy
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from plans.models import Plan, Section, Theme
from responses.models import Comment, Respondent, Response, SectionLink, ThemeLink
from tests.arranging import comment_on
from tests.factories import RespondentFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/plans/noms-third-sector-action-plan/annotations.jsonld"
STORED = [Plan, Theme, Section, Respondent, Response, Comment, SectionLink, ThemeLink]


def empty_the_database():
    Response.objects.all().delete()  # with their comments and links
    Respondent.objects.all().delete()
    Plan.objects.all().delete()  # with its themes and sections


def stored_counts():
    return {model.__name__: model.objects.count() for model in STORED}


def import_file(path):
    out = StringIO()
    call_command("import_annotations", str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def exported(client, seed):
    """The seed plan's collection as the public reads it."""
    return client.get(URL).json()


def write(tmp_path, collection):
    path = tmp_path / "collection.jsonld"
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def test_an_export_rebuilds_an_empty_database_and_exports_the_same_document(
    client, exported, tmp_path
):
    empty_the_database()
    assert set(stored_counts().values()) == {0}

    output = import_file(write(tmp_path, exported))

    assert client.get(URL).json() == exported
    assert "created 1 plan(s), 5 section(s), 1 response(s), 12 comment(s)" in output
    assert stored_counts() == {
        "Plan": 1,
        "Theme": 2,
        "Section": 5,
        "Respondent": 1,
        "Response": 1,
        "Comment": 12,
        "SectionLink": 6,
        "ThemeLink": 2,
    }


def test_an_officers_export_keeps_submitted_responses_and_hidden_names_hidden(
    client, seed, tmp_path
):
    plan, _ = seed
    theme = plan.themes.get(name="Strengthening communities")
    plan.sections.filter(number="2.8").update(theme=theme)
    plan.sections.filter(number="3.5").update(heading="Commissioning")
    plan.sections.filter(number="1.3").update(parent=SectionFactory(plan=plan, number="1"))
    submitted = comment_on(
        plan.sections.get(number="1.3"), text="Submitted only", proposed_wording="Say more."
    )
    hidden = comment_on(
        plan.sections.get(number="2.8"), text="Hidden name", status=Response.Status.PUBLISHED
    )
    hidden.response.respondent = RespondentFactory(
        name="Jo Bloggs", kind=Respondent.Kind.INDIVIDUAL
    )
    hidden.response.hide_respondent_name = True
    hidden.response.save()
    public = client.get(URL).json()
    client.force_login(UserFactory(officer=True))
    exported = client.get(URL).json()
    empty_the_database()

    import_file(write(tmp_path, exported))

    client.force_login(UserFactory(officer=True))
    assert client.get(URL).json() == exported
    client.logout()
    assert client.get(URL).json() == public
    assert "Individual respondent" in json.dumps(public) and "Jo Bloggs" not in json.dumps(public)
    assert Response.objects.get(reference=submitted.response.reference).status == "submitted"
    assert Comment.objects.get(text="Submitted only").proposed_wording == "Say more."
    assert Section.objects.get(number="2.8").theme.name == "Strengthening communities"
    assert Section.objects.get(number="1.3").parent.number == "1"


def test_importing_the_same_document_twice_adds_nothing(exported, tmp_path):
    before = stored_counts()

    output = import_file(write(tmp_path, exported))

    assert stored_counts() == before
    assert "created 0 plan(s), 0 section(s), 0 response(s), 0 comment(s)" in output


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="There is no file .*missing.jsonld"):
        import_file(tmp_path / "missing.jsonld")


def test_broken_json_is_a_clear_error_and_saves_nothing(db, tmp_path):
    path = tmp_path / "broken.jsonld"
    path.write_text('{"type": "AnnotationCollection", ', encoding="utf-8")

    with pytest.raises(CommandError, match="is not valid JSON"):
        import_file(path)
    assert set(stored_counts().values()) == {0}


def damaged(collection, damage):
    """A copy of `collection` with `damage` done to it (in place, or by returning another)."""
    collection = copy.deepcopy(collection)
    replacement = damage(collection)
    return collection if replacement is None else replacement


def wrap_in_a_list(collection):
    return [collection]


def call_it_an_annotation(collection):
    collection["type"] = "Annotation"


def drop_the_plan(collection):
    del collection["marginalia:plan"]


def drop_the_items(collection):
    del collection["first"]["items"]


def drop_a_body(collection):
    del collection["first"]["items"][0]["body"]


def point_a_target_elsewhere(collection):
    collection["first"]["items"][5]["target"]["source"] = "http://testserver/search/"


def break_the_last_quote(collection):
    """A quote of wording 3.5 does not have: found only after the rest has been saved."""
    collection["first"]["items"][-1]["target"]["selector"]["exact"] = "wording not in 3.5"


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (wrap_in_a_list, "expected a JSON object"),
        (call_it_an_annotation, '"type": "AnnotationCollection"'),
        (drop_the_plan, '"marginalia:plan" is missing'),
        (drop_the_items, '"items" is missing'),
        (drop_a_body, 'annotation 1 .*"body" is missing'),
        (point_a_target_elsewhere, "annotation 6 .*is not a plan or section page"),
        (break_the_last_quote, "annotation 12 .*does not occur in section 3.5"),
    ],
)
def test_a_document_of_the_wrong_shape_is_a_clear_error_and_saves_nothing(
    exported, tmp_path, damage, message
):
    path = write(tmp_path, damaged(exported, damage))
    empty_the_database()

    with pytest.raises(CommandError, match=f"not a Web Annotation collection.*{message}"):
        import_file(path)
    assert set(stored_counts().values()) == {0}


def test_a_collection_with_targets_in_revisions_imports_by_the_section_as_consulted_on(
    client, revised_seed, tmp_path
):
    exported = client.get(URL).json()
    assert any(isinstance(item["target"], list) for item in exported["first"]["items"])
    empty_the_database()

    import_file(write(tmp_path, exported))

    link = SectionLink.objects.get(section__number="1.11")
    assert (link.exact, link.comment.position) == ("considered", 3)
    assert stored_counts()["SectionLink"] == 6


def test_a_misquoted_annotation_is_placed_on_the_plans_own_wording(exported, tmp_path):
    empty_the_database()
    item = next(
        item
        for item in exported["first"]["items"]
        if item["target"].get("selector", {}).get("exact") == "considered"
    )
    # As another tool might have kept it: a longer quote, one word mistyped.
    item["target"]["selector"] |= {
        "exact": "sub-contracting and consortia bulding will be considered",
        "prefix": "",
        "suffix": "",
    }

    import_file(write(tmp_path, exported))

    link = SectionLink.objects.get(exact__startswith="sub-contracting")
    assert link.exact == "sub-contracting and consortia building will be considered"
    assert 0.9 < link.similarity < 1
