"""Which way the arrows point: each of our apps imports only the apps listed before it in
INSTALLED_APPS, so plans (the document) imports none, and no two apps import each other; and an
app's templates include, extend and link to only its own or those apps' templates and pages.

The project's settings and URLconf name every app, and the base layout every page extends links
to the site's main pages: they put the house together and are no app's floor, so they are left
out. Every import counts, inside functions too.
"""

import ast
import re
from pathlib import Path

from django.conf import settings

PROJECT = Path(__file__).resolve().parents[1]
OUR_APPS = [app for app in settings.INSTALLED_APPS if (PROJECT / app / "__init__.py").exists()]
COMPOSITION_ROOT = {"marginalia.settings", "marginalia.urls", "marginalia.wsgi"}


def _module_name(path):
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports_of_ours(app):
    """(module, line, app of ours it imports) for every import in `app` of another of our apps."""
    found = []
    for path in sorted((PROJECT / app).rglob("*.py")):
        module = _module_name(path)
        if module in COMPOSITION_ROOT:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                imported = name.split(".")[0]
                if imported in OUR_APPS and imported != app:
                    found.append((module, node.lineno, imported))
    return found


TEMPLATES = PROJECT / "templates"
# The folder of templates each app keeps, where it is not named for the app.
TEMPLATE_FOLDERS = {"registration": "accounts"}
# Which app each URL namespace belongs to, where it is not named for the app.
URL_NAMESPACES = {"api": "opendata"}
_TEMPLATE_REFERENCE = re.compile(
    r"""{%\s*(?:include|extends)\s+["'](?P<folder>[\w-]+)/[^"']*["']"""
    r"""|{%\s*url\s+["'](?P<namespace>\w+):"""
)


def _template_references_of_ours(app):
    """(template, app of ours it includes, extends or links to) for each of `app`'s templates."""
    found = []
    for folder in TEMPLATES.iterdir():
        if TEMPLATE_FOLDERS.get(folder.name, folder.name) != app:
            continue
        for path in sorted(folder.rglob("*.*")):
            for match in _TEMPLATE_REFERENCE.finditer(path.read_text(encoding="utf-8")):
                if match["folder"]:
                    other = TEMPLATE_FOLDERS.get(match["folder"], match["folder"])
                else:
                    other = URL_NAMESPACES.get(match["namespace"], match["namespace"])
                if other in OUR_APPS and other != app:
                    found.append((str(path.relative_to(PROJECT)), other))
    return found


def _dependencies():
    return {app: {imported for _, _, imported in _imports_of_ours(app)} for app in OUR_APPS}


def test_every_app_of_ours_is_walked():
    assert {"plans", "responses", "officers", "reports", "opendata", "critique"} <= set(OUR_APPS)


def test_plans_imports_no_other_app_of_ours():
    assert _imports_of_ours("plans") == []


def test_each_app_imports_only_the_apps_listed_before_it():
    upward = [
        f"{module}:{line} imports {imported}"
        for position, app in enumerate(OUR_APPS)
        for module, line, imported in _imports_of_ours(app)
        if imported not in OUR_APPS[:position]
    ]

    assert upward == []


def test_each_apps_templates_use_only_the_apps_listed_before_it():
    upward = [
        f"{template} uses {other}"
        for position, app in enumerate(OUR_APPS)
        for template, other in _template_references_of_ours(app)
        if other not in OUR_APPS[:position]
    ]

    assert upward == []


def test_template_references_are_read():
    # The critique's pages include the responses' fragments: a reference the walk must see.
    assert ("templates/critique/plan.html", "responses") in _template_references_of_ours("critique")


def _cycle(dependencies):
    """A list of apps that import each other round in a circle, or None."""
    visiting, done = [], set()

    def visit(app):
        if app in visiting:
            return [*visiting[visiting.index(app) :], app]
        if app in done:
            return None
        visiting.append(app)
        for imported in sorted(dependencies[app]):
            if cycle := visit(imported):
                return cycle
        visiting.pop()
        done.add(app)
        return None

    for app in dependencies:
        if cycle := visit(app):
            return cycle
    return None


def test_no_cycle_between_apps():
    assert _cycle(_dependencies()) is None


def test_a_cycle_is_found_when_there_is_one():
    assert _cycle({"plans": {"responses"}, "responses": {"officers"}, "officers": {"plans"}}) == [
        "plans",
        "responses",
        "officers",
        "plans",
    ]


def test_the_readmes_table_lists_the_apps_in_their_order():
    """README.md's "What is here" names each app's room in the order INSTALLED_APPS lists them,
    from the floor up, so a newcomer reads the arrows the way they point."""
    rows = re.findall(r"^\| `(\w+)/", (PROJECT / "README.md").read_text(encoding="utf-8"), re.M)
    listed = list(dict.fromkeys(row for row in rows if row in OUR_APPS))

    assert listed == OUR_APPS
