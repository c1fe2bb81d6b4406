"""Hooks of participatie (kerngericht.hooks): each concern provides its own, combined here."""

from kerngericht.hooks import Panel
from participatie.trajecten import portaal as _trajecten
from participatie.vragen import portaal as _vragen

_CONCERNS = (_vragen, _trajecten)


def dashboard_panel(*, request, kern) -> list[Panel]:
    panels = [c.dashboard_panel(request=request, kern=kern) for c in _CONCERNS]
    return [p for p in panels if p is not None]


def startpagina_links(*, user):
    return [link for c in _CONCERNS for link in c.startpagina_links(user=user)]


def persoonlijke_links(*, email):
    return [link for c in _CONCERNS for link in c.persoonlijke_links(email=email)]
