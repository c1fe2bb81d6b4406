"""How the project composes pages from several apps without the apps knowing each other.

An app may have a module `portaal.py` with any of:

- `dashboard_panel(*, request, kern) -> Panel | list[Panel] | None`: read-only block(s) on
  the kern dashboard;
- `startpagina_links(*, user) -> list[Link]`: links on the staff start page for that user;
- `kern_publiek_blok(*, kern) -> Panel | list[Panel] | None`: public block(s) on the kern
  page (/kernen/<slug>/); public data only, a fixed number of queries per app;
- `kern_acties(*, kern) -> list[Link]`: calls to action on the kern page ("Idee indienen
  voor <kern>").

Discovery follows INSTALLED_APPS order, like the admin's autodiscover.
"""

from dataclasses import dataclass, field

from .discovery import app_modules


@dataclass(frozen=True)
class Panel:
    titel: str
    template: str
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    uitleg: str = ""


def _panels(hook: str, **kwargs) -> list[Panel]:
    panels: list[Panel] = []
    for module in app_modules("portaal"):
        if hasattr(module, hook):
            result = getattr(module, hook)(**kwargs)
            if isinstance(result, Panel):
                panels.append(result)
            elif result:
                panels.extend(result)
    return panels


def dashboard_panels(*, request, kern) -> list[Panel]:
    return _panels("dashboard_panel", request=request, kern=kern)


def kern_publieke_blokken(*, kern) -> list[Panel]:
    """The public blocks of the kern page, each provided by its own app."""
    return _panels("kern_publiek_blok", kern=kern)


def kern_acties(*, kern) -> list[Link]:
    links: list[Link] = []
    for module in app_modules("portaal"):
        if hasattr(module, "kern_acties"):
            links.extend(module.kern_acties(kern=kern))
    return links


def startpagina_links(*, user) -> list[Link]:
    links: list[Link] = []
    for module in app_modules("portaal"):
        if hasattr(module, "startpagina_links"):
            links.extend(module.startpagina_links(user=user))
    return links


def persoonlijke_links(*, email: str) -> list[Link]:
    """Every personal link of an inwoner, across apps (hook `persoonlijke_links(*, email)`).

    Each app issues fresh links (which revokes the old ones) for the confirmed submissions
    of that email address.
    """
    links: list[Link] = []
    for module in app_modules("portaal"):
        if hasattr(module, "persoonlijke_links"):
            links.extend(module.persoonlijke_links(email=email))
    return links
