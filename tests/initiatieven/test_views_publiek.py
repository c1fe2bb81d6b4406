import pytest

from initiatieven.constants import InitiatiefStatus as S
from initiatieven.models import Verhaal
from tests.factories import KernFactory
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db


def _persoonlijk(initiatief):
    achternaam = initiatief.naam.split()[-1]
    return [achternaam, initiatief.email, initiatief.telefoon, initiatief.postcode]


def test_public_pages_show_only_supported_initiatives_without_personal_data(client):
    kern = KernFactory(naam="Zoelen", slug="zoelen")
    zichtbaar = [
        InitiatiefFactory(kern=kern, status=s, titel=f"Zichtbaar {s}")
        for s in (S.TOEGEZEGD, S.UITGEVOERD, S.AFGEROND)
    ]
    verborgen = [
        InitiatiefFactory(kern=kern, status=s, titel=f"Verborgen {s}")
        for s in (S.INGEDIEND, S.IN_BEHANDELING, S.INFORMATIE_GEVRAAGD, S.AFGEWEZEN, S.INGETROKKEN)
    ]
    urls = ["/initiatieven/", "/initiatieven/kern/zoelen/", "/kernen/zoelen/"]
    urls += [f"/initiatieven/{i.pk}/" for i in zichtbaar]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for initiatief in zichtbaar:
            for gegeven in _persoonlijk(initiatief):
                assert gegeven not in html, (url, gegeven)
        for initiatief in verborgen:
            assert initiatief.titel not in html
    lijst = client.get("/initiatieven/kern/zoelen/").content.decode()
    assert all(i.titel in lijst for i in zichtbaar)
    assert "Zichtbaar toegezegd" in client.get("/kernen/zoelen/").content.decode()
    for initiatief in verborgen:
        assert client.get(f"/initiatieven/{initiatief.pk}/").status_code == 404


def test_first_name_is_shown_only_with_consent(client):
    met = InitiatiefFactory(status=S.TOEGEZEGD, naam="Fenna van Rijn", voornaam_tonen=True)
    zonder = InitiatiefFactory(status=S.TOEGEZEGD, naam="Gijs Wolters", voornaam_tonen=False)
    html = client.get(f"/initiatieven/{met.pk}/").content.decode()
    assert "Fenna" in html and "van Rijn" not in html
    html = client.get(f"/initiatieven/{zonder.pk}/").content.decode()
    assert "Gijs" not in html and "Wolters" not in html


def test_unconfirmed_initiatives_are_never_public(client):
    initiatief = InitiatiefFactory(status=S.TOEGEZEGD, onbevestigd=True)
    assert client.get(f"/initiatieven/{initiatief.pk}/").status_code == 404
    assert initiatief.titel not in client.get("/initiatieven/").content.decode()


def test_stories_are_searchable_by_kern_theme_and_text_and_only_when_published(client):
    a, b = KernFactory(slug="asch"), KernFactory(slug="eck-en-wiel")
    gepubliceerd = Verhaal.objects.create(
        initiatief=InitiatiefFactory(kern=a, status=S.AFGEROND),
        titel="Bloemen langs de dijk",
        thema="groen",
        samenvatting="Zaaien",
        wat_werkte="Vrijwilligers",
        gepubliceerd_op="2026-05-01T12:00:00+02:00",
    )
    Verhaal.objects.create(
        initiatief=InitiatiefFactory(kern=b, status=S.AFGEROND),
        titel="Concept over speeltuin",
        thema="spelen",
        samenvatting="x",
        wat_werkte="y",
    )
    alles = client.get("/initiatieven/verhalen/").content.decode()
    assert "Bloemen langs de dijk" in alles and "Concept over speeltuin" not in alles
    assert "Bloemen" in client.get("/initiatieven/verhalen/?kern=asch").content.decode()
    assert "Bloemen" not in client.get("/initiatieven/verhalen/?kern=eck-en-wiel").content.decode()
    assert "Bloemen" in client.get("/initiatieven/verhalen/?zoek=vrijwilligers").content.decode()
    assert "Bloemen" not in client.get("/initiatieven/verhalen/?thema=spelen").content.decode()
    html = client.get(f"/initiatieven/verhalen/{gepubliceerd.pk}/").content.decode()
    assert gepubliceerd.initiatief.email not in html
    assert gepubliceerd.initiatief.naam not in html


def test_home_and_nav_lead_to_the_form(client):
    html = client.get("/").content.decode()
    assert 'href="/initiatieven/indienen/"' in html
