"""`manage.py import_revision`: a revised plan's document saved as the plan's next version from
the command line, its matches printed and its quotes followed there and then."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from revisions.models import PlanVersion, RevisedQuote
from tests.revisions.arranging import ENCOURAGED, revised_text

pytestmark = pytest.mark.django_db
SLUG = "noms-third-sector-action-plan"


def run(*args):
    out = StringIO()
    call_command("import_revision", *map(str, args), stdout=out)
    return out.getvalue()


def test_it_saves_the_next_version_and_follows_its_quotes(seed, tmp_path):
    plan, _response = seed
    path = tmp_path / "revised.txt"
    path.write_text(revised_text(plan, **{"1_11": ENCOURAGED}))

    output = run(SLUG, path, "--label", "Final plan", "--published-on", "2009-03-27")

    assert "1.11      → 1.11      Reworded" in output
    assert (
        f"Saved as version 2; 4 quotes followed. What changed: /plans/{SLUG}/versions/2/" in output
    )
    version = PlanVersion.objects.get()
    assert (version.label, str(version.published_on)) == ("Final plan", "2009-03-27")
    assert RevisedQuote.objects.get(link__section__number="1.11").exact == "encouraged"


def test_a_second_revision_leaves_the_first_followed(seed, tmp_path):
    """Versions the command does not follow are not left "being followed", with no job to
    follow them."""
    plan, _response = seed
    path = tmp_path / "revised.txt"
    path.write_text(revised_text(plan))
    run(SLUG, path, "--label", "Draft plan")

    run(SLUG, path, "--label", "Final plan")

    assert not PlanVersion.objects.filter(quotes_followed_at=None).exists()


def test_a_dry_run_prints_the_outline_and_saves_nothing(seed, tmp_path):
    plan, _response = seed
    path = tmp_path / "revised.md"
    path.write_text(revised_text(plan))

    output = run(SLUG, path, "--dry-run")

    assert "5 sections. Dry run: nothing saved." in output
    assert not PlanVersion.objects.exists()


@pytest.mark.parametrize(
    ("slug", "name", "content", "message"),
    [
        ("no-such-plan", "revised.txt", "1.1\nWording", "No plan at 'no-such-plan'."),
        (SLUG, "revised.xls", "1.1\nWording", "revised.xls: a plan must be a"),
        (SLUG, "revised.txt", "No numbers here.", "no numbered sections found"),
    ],
)
def test_bad_input_is_a_clear_error_and_saves_nothing(seed, tmp_path, slug, name, content, message):
    path = tmp_path / name
    path.write_text(content)

    with pytest.raises(CommandError, match=message):
        run(slug, path)
    assert not PlanVersion.objects.exists()
