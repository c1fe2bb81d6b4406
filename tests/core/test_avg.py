"""AVG: a resident downloads what the portal holds about their address and asks for deletion,
which the kernambtenaar of the kern handles (core.avg)."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from core.models import Mailbericht, Privacyverzoek
from participatie.constants import AanmeldingStatus
from tests.budgetten.factories import AanvraagFactory
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.participatie.factories import AanmeldingFactory
from tests.vragen.factories import VraagFactory
from vragen.models import Vraag

pytestmark = pytest.mark.django_db
ADRES = "Inwoner@Example.nl"


def _link(client, django_capture_on_commit_callbacks) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core:mijn_gegevens_aanvragen"), {"email": ADRES})
    assert response.status_code == 302
    (pad,) = re.findall(r"/privacy/mijn-gegevens/[^/\s]+/", mail.outbox[-1].body)
    return pad


@pytest.fixture
def kern():
    return KernFactory()


@pytest.fixture
def gegevens(kern):
    return {
        "initiatief": InitiatiefFactory(kern=kern, email="inwoner@example.nl", titel="Bankje"),
        "aanvraag": AanvraagFactory(kern=kern, email="inwoner@example.nl"),
        "vraag": VraagFactory(kern=kern, email="inwoner@example.nl"),
        "aanmelding": AanmeldingFactory(
            email="inwoner@example.nl", status=AanmeldingStatus.AANGEMELD
        ),
        "ander": InitiatiefFactory(kern=kern, email="buurman@example.nl", titel="Anders"),
    }


def test_the_download_holds_everything_with_the_address_and_nothing_else(
    client, gegevens, django_capture_on_commit_callbacks
):
    pad = _link(client, django_capture_on_commit_callbacks)
    pagina = client.get(pad)
    assert pagina.status_code == 200 and "Download alles" in pagina.content.decode()
    response = client.get(pad + "download/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("application/json")
    inhoud = json.loads(response.content)
    soorten = inhoud["gegevens"]
    tekst = response.content.decode()
    assert {"initiatieven", "aanvragen", "aanmeldingen", "e-mailberichten"} <= set(soorten)
    assert any("vragen" in s for s in soorten)
    assert "Bankje" in tekst and "Anders" not in tekst and "buurman" not in tekst


def test_an_unknown_address_gets_the_same_answer_and_an_empty_download(
    client, django_capture_on_commit_callbacks
):
    pad = _link(client, django_capture_on_commit_callbacks)
    inhoud = json.loads(client.get(pad + "download/").content)
    assert set(inhoud["gegevens"]) <= {"e-mailberichten"}  # only the mail with this link


def test_deletion_is_asked_by_the_resident_and_handled_by_the_kernambtenaar(
    client, signed_in, kern, gegevens, django_capture_on_commit_callbacks
):
    pad = _link(client, django_capture_on_commit_callbacks)
    assert client.post(pad, {"toelichting": "Ik ben verhuisd"}).status_code == 302
    verzoek = Privacyverzoek.objects.get()
    assert verzoek.verwijderen_gevraagd_op is not None
    assert kern in verzoek.kernen.all()

    # A kernambtenaar of another kern neither sees nor handles it.
    ander = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()])
    signed_in(ander)
    assert "Ik ben verhuisd" not in client.get(reverse("core:privacyverzoeken")).content.decode()
    afhandelen = reverse("core:privacyverzoek_afhandelen", kwargs={"verzoek_pk": verzoek.pk})
    assert client.post(afhandelen).status_code == 403
    client.post(reverse("accounts:logout"))

    ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    signed_in(ambtenaar)
    lijst = client.get(reverse("core:privacyverzoeken")).content.decode()
    assert "Ik ben verhuisd" in lijst and "inwoner@example.nl" in lijst
    assert client.post(afhandelen).status_code == 302
    verzoek.refresh_from_db()
    assert (verzoek.afgehandeld_door, verzoek.email) == (ambtenaar, "")
    assert verzoek.afgehandeld_op is not None and verzoek.aantal_geanonimiseerd >= 4
    for obj in (gegevens["initiatief"], gegevens["aanvraag"], gegevens["aanmelding"]):
        obj.refresh_from_db()
        assert obj.email == "" and obj.naam == "(verwijderd)"
    assert not Vraag.objects.filter(email__iexact=ADRES).exists()
    assert not Mailbericht.objects.filter(aan__iexact=ADRES).exists()
    gegevens["ander"].refresh_from_db()
    assert gegevens["ander"].email == "buurman@example.nl"
    # The link now leads nowhere: nothing is left to show.
    client.post(reverse("accounts:logout"))
    assert client.get(pad).status_code == 404


@pytest.fixture
def limieten_aan(settings):
    settings.RATELIMIT_ENABLE = True


def test_the_request_form_is_rate_limited_per_address(client, limieten_aan):
    url = reverse("core:mijn_gegevens_aanvragen")
    codes = [client.post(url, {"email": ADRES}).status_code for _ in range(4)]
    assert codes == [302, 302, 302, 429]


def test_the_privacy_statement_names_what_the_law_asks(client):
    html = client.get(reverse("core:privacy")).content.decode()
    for woord in (
        "gemeente Buren",
        "artikel 6 lid 1",
        "Bewaartermijnen",
        "functionaris gegevensbescherming",
        "Autoriteit Persoonsgegevens",
        reverse("core:mijn_gegevens_aanvragen"),
    ):
        assert woord in html, woord
