"""The shape of the code, checked: apps meet only through their public modules, every
`portaal.py` defines only hooks that core.hooks knows, and no module grows past 500 lines.

docs/architecture.md explains the rules; this file is what keeps them true.
"""

import ast
import importlib.util
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from core.hooks import HOOKS

ROOT = Path(settings.BASE_DIR)

# What one app may import of another: its data (models), its writes (services) and its
# reads (selectors). Permissions compose, so the role and kern predicates of accounts.rules
# and kernen.rules are shared too.
PUBLIEK = {"models", "services", "selectors"}
GEDEELDE_PREDICATEN = {"accounts.rules", "kernen.rules"}
# The toolkit every app uses, and the project package (settings, urls, celery).
TOOLKIT = {"core", "kerngericht"}
MAX_REGELS = 500


def _project_apps() -> list[str]:
    return [
        a.name
        for a in apps.get_app_configs()
        if a.path.startswith(str(ROOT)) and "site-packages" not in a.path
    ]


APPS = _project_apps()


def _modules(app: str):
    for pad in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in pad.parts:
            yield pad


def _is_submodule(naam: str) -> bool:
    try:
        return importlib.util.find_spec(naam) is not None
    except ModuleNotFoundError:
        return False


def _imports(pad: Path):
    """Every imported module path, with `from x import y` read as x.y when y is a module."""
    boom = ast.parse(pad.read_text(), filename=str(pad))
    for node in ast.walk(boom):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                volledig = f"{node.module}.{alias.name}"
                yield node.lineno, volledig if _is_submodule(volledig) else node.module


def _toegestaan(eigen_app: str, module: str) -> bool:
    delen = module.split(".")
    doel = delen[0]
    if doel not in APPS or doel == eigen_app or doel in TOOLKIT:
        return True
    if len(delen) == 1:
        return False  # `import budgetten` reaches everything
    return delen[1] in PUBLIEK or ".".join(delen[:2]) in GEDEELDE_PREDICATEN


def test_the_apps_are_found():
    assert {"core", "kernen", "initiatieven", "budgetten", "participatie", "vragen"} <= set(APPS)
    assert {"monitoring", "accounts"} <= set(APPS)


def test_apps_import_each_other_only_through_models_services_and_selectors():
    overtredingen = [
        f"{pad.relative_to(ROOT)}:{regel} imports {module}"
        for app in APPS
        for pad in _modules(app)
        for regel, module in _imports(pad)
        if not _toegestaan(app, module)
    ]
    assert overtredingen == []


def test_the_import_rule_catches_a_reach_into_another_apps_views():
    assert not _toegestaan("monitoring", "budgetten.views")
    assert not _toegestaan("monitoring", "budgetten")
    assert not _toegestaan("vragen", "participatie.forms")
    assert _toegestaan("monitoring", "budgetten.selectors")
    assert _toegestaan("monitoring", "budgetten.services.ledger")
    assert _toegestaan("vragen", "core.links")


def test_the_toolkit_depends_on_no_feature_app_but_through_public_modules():
    for pad in _modules("core"):
        for regel, module in _imports(pad):
            doel = module.split(".")[0]
            if doel in APPS and doel not in TOOLKIT:
                assert _toegestaan("core", module), f"{pad}:{regel} imports {module}"


@pytest.mark.parametrize("app", APPS)
def test_portaal_defines_only_known_hooks(app):
    pad = ROOT / app / "portaal.py"
    if not pad.exists():
        pytest.skip(f"{app} composes nothing into shared pages")
    boom = ast.parse(pad.read_text())
    namen = set()
    for node in boom.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            namen.add(node.name)
        elif isinstance(node, ast.Assign):
            namen.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            namen.add(node.target.id)
    onbekend = {n for n in namen if not n.startswith("_") and n not in HOOKS}
    assert onbekend == set(), f"{app}/portaal.py: {sorted(onbekend)} is no hook of core.hooks"


def test_no_module_outside_migrations_is_over_500_lines():
    te_lang = {
        str(pad.relative_to(ROOT)): regels
        for app in APPS
        for pad in _modules(app)
        if (regels := len(pad.read_text().splitlines())) > MAX_REGELS
    }
    assert te_lang == {}
