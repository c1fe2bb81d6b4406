"""The public kern page as a resident's front door: meetings, trajectories, the voting round
and the calls to action, each provided by its own app through core.hooks."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from budgetten.constants import StemrondeFase
from initiatieven.constants import InitiatiefStatus
from participatie.constants import Ladder, TrajectStatus
from tests.budgetten.factories import StemrondeFactory
from tests.factories import KernFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.participatie.factories import (
    AanmeldingFactory,
    BijeenkomstFactory,
    TrajectFactory,
)

pytestmark = pytest.mark.django_db


def _pagina(client, kern) -> str:
    response = client.get(f"/kernen/{kern.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_shows_upcoming_meetings_of_the_kern_and_the_whole_municipality_not_past_ones(client):
    kern = KernFactory(naam="Zoelen")
    nu = timezone.now()
    komend = BijeenkomstFactory(kern=kern, titel="Koffie met de wethouder", locatie="")
    gemeentebreed = BijeenkomstFactory(kern=None, titel="Avond voor ondernemers", locatie="")
    BijeenkomstFactory(
        kern=kern,
        titel="Startbijeenkomst van vorig jaar",
        begint_op=nu - datetime.timedelta(days=3),
        eindigt_op=nu - datetime.timedelta(days=3, hours=-1),
    )
    BijeenkomstFactory(kern=KernFactory(), titel="Bijeenkomst in een andere kern")

    content = _pagina(client, kern)

    assert "Koffie met de wethouder" in content
    assert f'href="/bijeenkomsten/{komend.pk}/"' in content
    assert f'href="/bijeenkomsten/{gemeentebreed.pk}/"' in content
    assert "Online" in content
    assert "Startbijeenkomst van vorig jaar" not in content
    assert "Bijeenkomst in een andere kern" not in content


def test_meeting_in_a_hall_shows_its_address(client):
    kern = KernFactory()
    BijeenkomstFactory(kern=kern, locatie="Dorpshuis De Schakel, Kerkstraat 1")
    assert "Dorpshuis De Schakel, Kerkstraat 1" in _pagina(client, kern)


def test_shows_running_published_trajectories_of_the_kern_only(client):
    kern = KernFactory()
    lopend = TrajectFactory(
        kernen=[kern],
        titel="Nieuw dorpsplein",
        status=TrajectStatus.LOPEND,
        ladder=Ladder.ADVISEREN,
    )
    TrajectFactory(kernen=[kern], titel="Geheim concept", status=TrajectStatus.CONCEPT)
    TrajectFactory(kernen=[kern], titel="Oud traject", status=TrajectStatus.AFGEROND)
    TrajectFactory(titel="Traject elders", status=TrajectStatus.LOPEND)

    content = _pagina(client, kern)

    assert "Nieuw dorpsplein" in content
    assert f'href="/participatie/{lopend.pk}/"' in content
    assert "Adviseren" in content
    assert "Geheim concept" not in content
    assert "Oud traject" not in content
    assert "Traject elders" not in content


def test_open_voting_round_is_shown_only_while_voting_is_open(client):
    kern = KernFactory(naam="Ingen")
    vandaag = timezone.localdate()
    ronde = StemrondeFactory(
        kern=kern,
        fase=StemrondeFase.OPEN,
        stemmen_van=vandaag,
        stemmen_tot=vandaag + datetime.timedelta(days=14),
    )
    stemlink = f'href="/budgetten/stemmen/{ronde.pk}/"'

    assert stemlink in _pagina(client, kern)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=20)):
        assert stemlink not in _pagina(client, kern)

    ronde.fase = StemrondeFase.GESLOTEN
    ronde.save(update_fields=["fase"])
    assert stemlink not in _pagina(client, kern)


def test_round_in_preparation_or_not_yet_started_is_not_shown(client):
    kern = KernFactory()
    vandaag = timezone.localdate()
    voorbereiding = StemrondeFactory(kern=kern, fase=StemrondeFase.VOORBEREIDING)
    content = _pagina(client, kern)
    assert f"/budgetten/stemmen/{voorbereiding.pk}/" not in content

    voorbereiding.fase = StemrondeFase.OPEN
    voorbereiding.stemmen_van = vandaag + datetime.timedelta(days=2)
    voorbereiding.save(update_fields=["fase", "stemmen_van"])
    assert f"/budgetten/stemmen/{voorbereiding.pk}/" not in _pagina(client, kern)


def test_calls_to_action_prefill_the_kern(client):
    kern = KernFactory(naam="Ravenswaaij")
    content = _pagina(client, kern)
    assert "Idee indienen voor Ravenswaaij" in content
    assert f'href="/initiatieven/indienen/?kern={kern.slug}"' in content
    assert f'href="/vragen/stellen/?kern={kern.slug}"' in content
    assert "Geld aanvragen" in content

    formulier = client.get(f"/initiatieven/indienen/?kern={kern.slug}").content.decode()
    assert f'<option value="{kern.pk}" selected>' in formulier


def test_kern_page_shows_no_personal_data_of_residents(client):
    kern = KernFactory()
    bijeenkomst = BijeenkomstFactory(kern=kern)
    AanmeldingFactory(
        bijeenkomst=bijeenkomst, naam="Henk Aanmeldernaam", email="henk@prive.nl", telefoon="0612"
    )
    InitiatiefFactory(
        kern=kern,
        status=InitiatiefStatus.AFGEROND,
        naam="Jantine Geheimnaam",
        email="jantine@prive.nl",
        telefoon="0344 987654",
    )

    content = _pagina(client, kern)

    for geheim in (
        "Aanmeldernaam",
        "henk@prive.nl",
        "Geheimnaam",
        "jantine@prive.nl",
        "0344 987654",
        bijeenkomst.videolink,
        bijeenkomst.telefoon,
    ):
        assert geheim not in content


def _queries(client, kern) -> int:
    with CaptureQueriesContext(connection) as ctx:
        _pagina(client, kern)
    return len(ctx.captured_queries)


def _vul(kern, n: int) -> None:
    for _ in range(n):
        BijeenkomstFactory(kern=kern)
        BijeenkomstFactory(kern=None)
        TrajectFactory(kernen=[kern], status=TrajectStatus.LOPEND, ladder=Ladder.RAADPLEGEN)
        InitiatiefFactory(kern=kern, status=InitiatiefStatus.AFGEROND)


def test_kern_page_query_count_does_not_grow_with_data(client):
    kern = KernFactory()
    vandaag = timezone.localdate()
    StemrondeFactory(
        kern=kern,
        fase=StemrondeFase.OPEN,
        stemmen_van=vandaag,
        stemmen_tot=vandaag + datetime.timedelta(days=14),
    )
    _vul(kern, 1)
    weinig = _queries(client, kern)
    _vul(kern, 8)
    assert _queries(client, kern) == weinig
