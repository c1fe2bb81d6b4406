"""Every form and filter class the project's own apps define, found by importing their modules.

tests/test_forms_property.py checks that each one is covered by a property test, and
tests/core/test_bedragen.py that none has an amount field other than BedragField.
"""

import importlib
import pkgutil

import django_filters
from django import forms
from django.apps import apps
from django.conf import settings


def _project_apps() -> tuple[str, ...]:
    """The apps that live in this repository (not the libraries), in INSTALLED_APPS order."""
    basis = str(settings.BASE_DIR)
    return tuple(
        a.name
        for a in apps.get_app_configs()
        if a.path.startswith(basis) and "site-packages" not in a.path
    )


PROJECT_APPS = _project_apps()
OVERGESLAGEN = (".migrations", ".management")


def _project_modules():
    for app in PROJECT_APPS:
        pakket = importlib.import_module(app)
        yield pakket
        for info in pkgutil.walk_packages(pakket.__path__, prefix=f"{app}."):
            if not any(deel in info.name for deel in OVERGESLAGEN):
                yield importlib.import_module(info.name)


def alle_formulieren() -> list[type]:
    """Form, ModelForm and FilterSet classes defined in the project (not imported there)."""
    gevonden = {}
    for module in _project_modules():
        for waarde in vars(module).values():
            if (
                isinstance(waarde, type)
                and issubclass(waarde, forms.BaseForm | django_filters.FilterSet)
                and waarde.__module__ == module.__name__
            ):
                gevonden[f"{waarde.__module__}.{waarde.__qualname__}"] = waarde
    return [gevonden[naam] for naam in sorted(gevonden)]
