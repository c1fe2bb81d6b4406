import pytest

from tests.factories import MedewerkerFactory, TeamFactory
from vragen import services


@pytest.fixture(autouse=True)
def _on_commit_direct(request, monkeypatch):
    """In tests that run inside one rolled-back transaction nothing ever commits, so the
    mails queued with transaction.on_commit would never go out: run those callbacks at once.
    Tests with transaction=True keep the real commit order."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


@pytest.fixture
def team(db):
    return TeamFactory(naam="Openbare ruimte", email="")


@pytest.fixture
def bm(team):
    return MedewerkerFactory(rollen=["beleidsmedewerker"], team=team)


@pytest.fixture
def andere_bm(team):
    return MedewerkerFactory(rollen=["beleidsmedewerker"], team=team)


@pytest.fixture
def teammanager(team):
    return MedewerkerFactory(rollen=["teammanager"], team=team)


@pytest.fixture
def vraag_van(kern):
    """vraag_van(ontvangen_op=None): an inwoner's question for `kern` through the service."""

    def _maak(**kwargs):
        velden = {
            "kern": kern,
            "onderwerp": "Losse stoeptegels",
            "tekst": "Bij de Dorpsstraat 12 liggen tegels los.",
            "naam": "Jan de Vries",
            "email": "jan@example.org",
        }
        velden.update(kwargs)
        return services.vraag_stellen(**velden)

    return _maak


@pytest.fixture
def doorgestuurd(vraag_van, kernambtenaar, bm):
    """A question routed to `bm` by the kernambtenaar."""

    def _maak(**kwargs):
        vraag = vraag_van(**kwargs)
        return services.vraag_routeren(vraag_id=vraag.pk, door=kernambtenaar, behandelaar=bm)

    return _maak
