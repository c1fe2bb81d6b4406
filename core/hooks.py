"""How the project composes pages from several apps without the apps knowing each other.

An app may have a module `portaal.py` with any of:

- `dashboard_panel(*, request, kern) -> Panel | list[Panel] | None`: read-only block(s) on
  the kern dashboard;
- `STARTPAGINA: list[StartLink]`: the app's links on the staff start page, each shown to
  whoever has its permission (data, not code);
- `startpagina_links(*, user) -> list[Link]`: start-page links that depend on more than a
  permission (one per kern, say);
- `kern_publiek_blok(*, kern) -> Panel | list[Panel] | None`: public block(s) on the kern
  page (/kernen/<slug>/); public data only, a fixed number of queries per app;
- `kern_acties(*, kern) -> list[Link]`: calls to action on the kern page ("Idee indienen
  voor <kern>");
- `persoonlijke_links(*, email) -> list[Link]`: an inwoner's personal links, for /mijn-links/;
- `initiatief_blok(*, initiatief) -> Panel | list[Panel] | None`: block(s) on the inwoner's
  personal page of one initiative (its applications and decisions, linked trajecten and
  meetings), so that one idea has one page.

Nothing else may live in a `portaal.py` but these names and private helpers (tests check).

Discovery follows INSTALLED_APPS order, like the admin's autodiscover.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.urls import reverse

from .discovery import app_modules

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

HOOKS = frozenset(
    {
        "dashboard_panel",
        "STARTPAGINA",
        "startpagina_links",
        "kern_publiek_blok",
        "kern_acties",
        "persoonlijke_links",
        "initiatief_blok",
    }
)


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


@dataclass(frozen=True)
class StartLink:
    """A link on the staff start page for whoever has `permissie`."""

    permissie: str
    label: "StrOrPromise"
    url_naam: str
    uitleg: "StrOrPromise" = ""

    def voor(self, user) -> Link | None:
        if not user.has_perm(self.permissie):
            return None
        return Link(label=str(self.label), url=reverse(self.url_naam), uitleg=str(self.uitleg))


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


def initiatief_blokken(*, initiatief) -> list[Panel]:
    """The blocks other apps add to the inwoner's page of one initiative."""
    return _panels("initiatief_blok", initiatief=initiatief)


def kern_acties(*, kern) -> list[Link]:
    links: list[Link] = []
    for module in app_modules("portaal"):
        if hasattr(module, "kern_acties"):
            links.extend(module.kern_acties(kern=kern))
    return links


def startpagina_links(*, user) -> list[Link]:
    links: list[Link] = []
    for module in app_modules("portaal"):
        for start_link in getattr(module, "STARTPAGINA", ()):
            if (link := start_link.voor(user)) is not None:
                links.append(link)
        if hasattr(module, "startpagina_links"):
            links.extend(module.startpagina_links(user=user))
    return links


def persoonlijke_links(*, email: str) -> list[Link]:
    """Every personal link of an inwoner, across apps (hook `persoonlijke_links(*, email)`).

    Each app issues links of the next version for the confirmed submissions of that email
    address; the old links stop once a new one is opened.
    """
    links: list[Link] = []
    for module in app_modules("portaal"):
        if hasattr(module, "persoonlijke_links"):
            links.extend(module.persoonlijke_links(email=email))
    return links
