"""How the project composes pages from several apps without the apps knowing each other.

An app may have a module `portaal.py` with any of:

- `dashboard_panel(*, request, kern) -> Panel | list[Panel] | None`: read-only block(s) on
  the kern dashboard;
- `startpagina_links(*, user) -> list[Link]`: links on the staff start page for that user.

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


def dashboard_panels(*, request, kern) -> list[Panel]:
    panels = []
    for module in app_modules("portaal"):
        if hasattr(module, "dashboard_panel"):
            result = module.dashboard_panel(request=request, kern=kern)
            if isinstance(result, Panel):
                panels.append(result)
            elif result:
                panels.extend(result)
    return panels


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
