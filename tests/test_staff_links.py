"""Every link a member of staff is shown opens.

Each demo account (one or two per role; the wethouder is kernwethouder and in the college)
signs in through the real form with its TOTP code, on seeded data plus the demo objects. Every
internal <a href> on the start page /medewerker/ is opened, and so is every link on the
portal pages linked from it (the kern dashboards and the lists): one level deep. A 403, a 404
or a 5xx fails the test, naming the account, the page and the link.

Below it, one test per defect these walks found, each failing without its fix.
"""

import datetime
import html
import re
from urllib.parse import urldefrag

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from accounts.models import Medewerker, Rol
from kernen.models import Kern
from tests.conftest import current_code
from tests.factories import KernFactory, MedewerkerFactory

HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"')
# Files and the admin's own pages are not portal pages; signing out is a POST form.
NIET_VOLGEN = ("/static/", "/media/", "/beheer/", "/medewerker/uitloggen/")


def _links(response) -> list[str]:
    gevonden = []
    for href in HREF.findall(response.content.decode()):
        url = urldefrag(html.unescape(href))[0]
        if url.startswith("/") and not url.startswith("//") and url not in gevonden:
            gevonden.append(url)
    return gevonden


def _is_pagina(response) -> bool:
    return response.status_code == 200 and "text/html" in response.get("Content-Type", "")


def _inloggen(username: str) -> Client:
    client = Client()
    response = client.post(
        "/medewerker/inloggen/",
        {"username": username, "password": DEMO_PASSWORD, "code": current_code()},
    )
    assert response.status_code == 302, f"{username} kan niet inloggen"
    return client


def _breed_traject_met_bijeenkomst():
    """A traject of two kernen with a meeting for the whole municipality, as the demo lacks."""
    from participatie import services
    from participatie.constants import BijeenkomstSoort, TrajectSoort

    beleid = Medewerker.objects.get(username="beleid")
    ingen, maurik = Kern.objects.get(slug="ingen"), Kern.objects.get(slug="maurik")
    traject = services.traject_aanmaken(
        titel="Een nieuw plan voor de dijken",
        onderwerp="Hoe houden we de dijken in Ingen en Maurik mooi en veilig?",
        soort=TrajectSoort.INWONERSPARTICIPATIE,
        kernen=[ingen, maurik],
        eigenaar=beleid,
        kernambtenaar=None,
    )
    begint = timezone.now() + datetime.timedelta(days=3)
    services.bijeenkomst_opslaan(
        organisator=beleid,
        gegevens={
            "soort": BijeenkomstSoort.OVERIG,
            "titel": "Dijkenavond voor Ingen en Maurik",
            "omschrijving": "Praat mee over het plan.",
            "kern": None,
            "traject": traject,
            "begint_op": begint,
            "eindigt_op": begint + datetime.timedelta(hours=2),
            "locatie": "Gemeentehuis",
            "capaciteit": 30,
        },
    )


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True  # demo_data refuses to run otherwise
    call_command("seed")
    call_command("demo_data")
    settings.DEBUG = False
    _breed_traject_met_bijeenkomst()


def _loop(client: Client) -> tuple[list[str], int]:
    """Open every link of the start page and of the portal pages it links to."""
    fouten: list[str] = []
    geopend: dict[str, int] = {}

    def open_(url: str, op: str):
        if url not in geopend:
            response = client.get(url)
            geopend[url] = response.status_code
            if response.status_code in (403, 404) or response.status_code >= 500:
                fouten.append(f"{op}: {url} -> {response.status_code}")
            return response
        return None

    start = client.get("/medewerker/")
    assert start.status_code == 200
    geopend["/medewerker/"] = 200
    for url in _links(start):
        if url.startswith(NIET_VOLGEN[-1]):
            continue
        response = open_(url, "/medewerker/")
        if url.startswith(NIET_VOLGEN) or response is None or not _is_pagina(response):
            continue
        if not url.startswith("/medewerker/"):
            continue
        for diep in _links(response):
            if not diep.startswith(NIET_VOLGEN):
                open_(diep, url)
    return fouten, len(geopend)


def test_every_link_on_the_staff_pages_opens(demo):
    fouten = []
    for username, *_rest in DEMO_ACCOUNTS:
        gevonden, aantal = _loop(_inloggen(username))
        assert aantal > 3, f"{username}: te weinig links gevolgd ({aantal})"
        fouten.extend(f"{username} {fout}" for fout in gevonden)
    assert not fouten, "links die niet opengaan:\n" + "\n".join(fouten)


# --- the defects these walks found ----------------------------------------------------------


@pytest.fixture
def seeded(db):
    call_command("seed")


def _wethouder(kernen):
    # As in the demo: a kernwethouder is a member of the college too.
    return MedewerkerFactory(rollen=[Rol.KERNWETHOUDER, Rol.COLLEGE], kernwethouder_van=kernen)


def _dashboard_links(content: str) -> set[str]:
    return set(re.findall(r'href="(/medewerker/kernen/[^/"]+/dashboard/)"', content))


def test_wethouder_in_the_college_is_offered_only_the_dashboards_he_may_open(
    client, signed_in, seeded
):
    ingen, zoelen = Kern.objects.get(slug="ingen"), Kern.objects.get(slug="zoelen")
    signed_in(_wethouder([ingen, zoelen]))
    verwacht = {f"/medewerker/kernen/{k.slug}/dashboard/" for k in (ingen, zoelen)}
    for pagina in ("/medewerker/", "/medewerker/kernen/"):
        assert _dashboard_links(client.get(pagina).content.decode()) == verwacht, pagina
    for url in verwacht:
        assert client.get(url).status_code == 200
    assert client.get("/medewerker/kernen/maurik/dashboard/").status_code == 403


def test_college_member_without_kernen_is_offered_no_dashboard(client, signed_in, seeded):
    signed_in(MedewerkerFactory(rollen=[Rol.COLLEGE]))
    assert not _dashboard_links(client.get("/medewerker/").content.decode())


def test_kernwethouder_dashboard_shows_the_vragen_figures_without_links_to_the_inbox(
    client, signed_in
):
    from tests.vragen.factories import VraagFactory

    kern = KernFactory()
    VraagFactory(kern=kern)
    inbox = reverse("vragen:vragen_inbox")
    url = reverse("kernen:dashboard", kwargs={"kern": kern.slug})

    signed_in(_wethouder([kern]))
    content = client.get(url).content.decode()
    assert 'data-testid="vragen-open">1<' in content
    assert inbox not in content
    assert client.get(f"{inbox}?kern={kern.pk}&status=open").status_code == 403

    signed_in(MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR], kernambtenaar_van=[kern]))
    content = client.get(url).content.decode()
    assert html.escape(f"{inbox}?kern={kern.pk}&status=open") in content
    assert client.get(f"{inbox}?kern={kern.pk}&status=open").status_code == 200


def _bijeenkomst_links(content: str) -> set[str]:
    return set(re.findall(r'href="(/(?:medewerker/)?bijeenkomsten/\d+/)"', content))


def test_a_meeting_for_the_whole_municipality_on_a_dashboard_opens(client, signed_in):
    from tests.participatie.factories import BijeenkomstFactory, TrajectFactory

    kern, andere = KernFactory(), KernFactory()
    organisator = MedewerkerFactory(rollen=[Rol.BELEIDSMEDEWERKER])
    los = BijeenkomstFactory(kern=None, organisator=organisator)
    breed = BijeenkomstFactory(
        kern=None, organisator=organisator, traject=TrajectFactory(kernen=[kern, andere])
    )
    ambtenaar = MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR], kernambtenaar_van=[kern])
    for user in (ambtenaar, _wethouder([kern])):
        signed_in(user)
        content = client.get(reverse("kernen:dashboard", kwargs={"kern": kern.slug})).content
        links = _bijeenkomst_links(content.decode())
        # The meeting of nobody here: its public page. The traject's meeting: the staff page.
        assert links == {f"/bijeenkomsten/{los.pk}/", f"/medewerker/bijeenkomsten/{breed.pk}/"}
        for link in links:
            assert client.get(link).status_code == 200, (user, link)
        lijst = client.get(reverse("participatie:bijeenkomst_lijst")).content.decode()
        assert f"/medewerker/bijeenkomsten/{breed.pk}/" in lijst
        assert f"/medewerker/bijeenkomsten/{los.pk}/" not in lijst

    signed_in(MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR], kernambtenaar_van=[KernFactory()]))
    assert client.get(f"/medewerker/bijeenkomsten/{breed.pk}/").status_code == 403
