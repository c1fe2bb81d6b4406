"""Hooks of participatie (kerngericht.hooks): each concern provides its own, combined here."""

from kerngericht.hooks import Panel
from participatie.trajecten import portaal as _trajecten
from participatie.vragen import portaal as _vragen

_CONCERNS = (_vragen, _trajecten)


def dashboard_panel(*, request, kern) -> list[Panel]:
    panels = [c.dashboard_panel(request=request, kern=kern) for c in _CONCERNS]
    return [p for p in panels if p is not None]


def kern_publiek_blok(*, kern) -> list[Panel]:
    return [
        p
        for c in _CONCERNS
        if hasattr(c, "kern_publiek_blok")
        for p in c.kern_publiek_blok(kern=kern)
    ]


def kern_acties(*, kern):
    return [
        link for c in _CONCERNS if hasattr(c, "kern_acties") for link in c.kern_acties(kern=kern)
    ]


def startpagina_links(*, user):
    return [link for c in _CONCERNS for link in c.startpagina_links(user=user)]


def persoonlijke_links(*, email):
    return [link for c in _CONCERNS for link in c.persoonlijke_links(email=email)]
