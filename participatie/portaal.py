"""Hooks of participatie; each concern provides its own (combined here)."""

from participatie.trajecten import portaal as _trajecten


def dashboard_panel(*, request, kern):
    return _trajecten.dashboard_panel(request=request, kern=kern)


def startpagina_links(*, user):
    return _trajecten.startpagina_links(user=user)


def persoonlijke_links(*, email):
    return _trajecten.persoonlijke_links(email=email)
