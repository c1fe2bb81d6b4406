import pytest
from django.core.management import call_command

from accounts.models import Rol
from kernen.models import Kern
from tests.factories import MedewerkerFactory


@pytest.fixture
def seeded(db):
    call_command("seed")


@pytest.mark.parametrize("rol", list(Rol))
def test_every_role_has_a_start_page(client, signed_in, seeded, rol):
    user = MedewerkerFactory(rollen=[rol.value], is_staff=rol == Rol.FUNCTIONEEL_BEHEER)
    signed_in(user)
    response = client.get("/medewerker/")
    assert response.status_code == 200
    assert f"<strong>{rol.label}</strong>" in response.content.decode()


def test_kernambtenaar_start_page_links_to_their_kernen_only(client, signed_in, seeded):
    ingen, zoelen = Kern.objects.get(slug="ingen"), Kern.objects.get(slug="zoelen")
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[ingen]))
    content = client.get("/medewerker/").content.decode()
    assert "/medewerker/kernen/ingen/dashboard/" in content
    assert f"/medewerker/kernen/{zoelen.slug}/dashboard/" not in content


def test_functioneel_beheer_reaches_the_admin(client, signed_in, seeded):
    signed_in(MedewerkerFactory(rollen=["functioneel-beheer"], is_staff=True))
    assert "/beheer/" in client.get("/medewerker/").content.decode()
    response = client.get("/beheer/kernen/kern/")
    assert response.status_code == 200
    assert "Ingen" in response.content.decode()


def test_kern_dashboard_shows_the_kern(client, signed_in, seeded):
    ingen = Kern.objects.get(slug="ingen")
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[ingen]))
    response = client.get("/medewerker/kernen/ingen/dashboard/")
    assert response.status_code == 200
    assert "Dashboard Ingen" in response.content.decode()


def test_kernwethouder_sees_dashboard_of_own_kern_but_not_another(client, signed_in, seeded):
    ingen = Kern.objects.get(slug="ingen")
    signed_in(MedewerkerFactory(rollen=["kernwethouder"], kernwethouder_van=[ingen]))
    assert client.get("/medewerker/kernen/ingen/dashboard/").status_code == 200
    assert client.get("/medewerker/kernen/maurik/dashboard/").status_code == 403
