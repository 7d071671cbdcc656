"""Browser tests: Debian's chromium, driven by Playwright, against Django's live_server."""

from pathlib import Path

import pytest

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def seeded_server(live_server, transactional_db):
    """live_server holding the seed consultation.

    Ask for it before `page` in a test's arguments: fixtures end in reverse order, so the browser
    then closes its connections before the database is emptied, not during.
    """
    from responses.seed import load_seed

    load_seed()
    return live_server


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page in view; fail on any serious or critical violation."""

    def check(page):
        page.add_script_tag(path=str(AXE_SCRIPT))
        results = page.evaluate("async () => await axe.run(document)")
        serious = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"at {[node['target'] for node in violation['nodes']][:3]}"
            for violation in results["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        assert not serious, f"axe-core on {page.url}:\n" + "\n".join(serious)

    return check


@pytest.fixture(scope="session")
def browser(live_server, browser):
    """pytest-playwright's browser, started after Django's live server and so closed before it:
    the server's threads then see every browser connection end while the database is theirs."""
    return browser
