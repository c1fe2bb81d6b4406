import pytest
from django.core.management import call_command

from kernen.models import Kern
from tests.factories import MedewerkerFactory


@pytest.fixture
def seeded(db):
    call_command("seed")


def test_home_lists_every_kern(client, seeded):
    content = client.get("/").content.decode()
    for kern in Kern.objects.all():
        assert f'href="/kernen/{kern.slug}/"' in content


def test_kern_page_shows_gebied_fase_and_contacts(client, seeded):
    ingen = Kern.objects.get(slug="ingen")
    MedewerkerFactory(
        first_name="Kim", last_name="de Vries", rollen=["kernambtenaar"], kernambtenaar_van=[ingen]
    )
    MedewerkerFactory(
        first_name="Wilma", last_name="Smit", rollen=["kernwethouder"], kernwethouder_van=[ingen]
    )
    content = client.get("/kernen/ingen/").content.decode()
    assert "Lienden e.o." in content
    assert "3. Uitvoeren" in content
    assert "Kim de Vries" in content
    assert "Wilma Smit" in content


def test_unknown_kern_gives_the_styled_404(client, seeded):
    response = client.get("/kernen/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()
    assert "utrecht-page-header" in response.content.decode()


def test_inactive_kern_is_not_public(client, seeded):
    Kern.objects.filter(slug="asch").update(actief=False)
    assert client.get("/kernen/asch/").status_code == 404
