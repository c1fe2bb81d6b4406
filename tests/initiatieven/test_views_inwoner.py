import re
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.links import maak_token
from initiatieven import rules, services
from initiatieven.constants import InitiatiefStatus as S
from initiatieven.models import Initiatief
from tests.factories import KernFactory
from tests.initiatieven.factories import PDF_BYTES, PNG_BYTES, InitiatiefFactory

pytestmark = pytest.mark.django_db
URL = "/initiatieven/indienen/"


def _data(kern, **extra):
    data = {
        "idempotentie_sleutel": str(uuid.uuid4()),
        "kern": kern.pk,
        "titel": "Moestuin bij de school",
        "omschrijving": "Kinderen leren groente kweken.",
        "doelgroep": "Kinderen",
        "hulp": ["advies"],
        "naam": "Sam Visser",
        "email": "sam@voorbeeld.nl",
        "privacy": "on",
    }
    data.update(extra)
    return data


def _link_uit(body: str) -> str:
    return re.search(r"https?://[^/\s]+(/initiatieven/\S+)", body).group(1)


def test_form_page_shows_fields_with_help_and_a_form_key(client):
    response = client.get(URL + "?kern=" + KernFactory(slug="ingen").slug)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="idempotentie_sleutel"' in html
    assert "Bijvoorbeeld: Speeltuin opknappen" in html
    assert 'enctype="multipart/form-data"' in html
    assert "novalidate" in html


def test_missing_fields_give_dutch_messages_and_keep_typed_values(client):
    kern = KernFactory()
    response = client.post(
        URL, _data(kern, titel="Mijn titel blijft", omschrijving="", email="geen-adres")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-error-summary" in html
    assert "Vertel wat u wilt doen en waarom." in html
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in html
    assert 'value="Mijn titel blijft"' in html
    assert Initiatief.objects.count() == 0


def test_invalid_form_says_which_files_must_be_chosen_again(client):
    kern = KernFactory()
    bestand = SimpleUploadedFile("plattegrond.png", PNG_BYTES, content_type="image/png")
    response = client.post(URL, _data(kern, naam="", bijlagen=[bestand]))
    html = response.content.decode()
    assert "Kies uw bestanden opnieuw" in html
    assert "plattegrond.png" in html


@pytest.mark.parametrize(
    ("bestanden", "melding"),
    [
        ([("groot.png", PNG_BYTES + b"0" * rules.MAX_BIJLAGE_BYTES)], "te groot"),
        ([("brief.pdf", PNG_BYTES)], "past niet bij de naam"),
        ([("script.png", b"<script>alert(1)</script>")], "geen foto"),
        ([(f"{i}.png", PNG_BYTES) for i in range(rules.MAX_BIJLAGEN + 1)], "hoogstens 5"),
    ],
)
def test_bad_files_are_refused_with_a_message(client, bestanden, melding):
    uploads = [SimpleUploadedFile(naam, inhoud) for naam, inhoud in bestanden]
    response = client.post(URL, _data(KernFactory(), bijlagen=uploads))
    assert melding in response.content.decode()
    assert Initiatief.objects.count() == 0


def test_submit_confirm_and_follow_with_personal_link(client, django_capture_on_commit_callbacks):
    kern = KernFactory()
    bijlagen = [
        SimpleUploadedFile("foto.png", PNG_BYTES),
        SimpleUploadedFile("plan.pdf", PDF_BYTES),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, _data(kern, bijlagen=bijlagen))
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatieven:verstuurd")
    initiatief = Initiatief.objects.get()
    assert initiatief.bijlagen.count() == 2
    assert not initiatief.is_bevestigd

    bevestig_url = _link_uit(mail.outbox[-1].body)
    assert client.get(bevestig_url).status_code == 200  # a page with a button, no change yet
    initiatief.refresh_from_db()
    assert not initiatief.is_bevestigd
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(bevestig_url)
    assert response.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.is_bevestigd

    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Moestuin bij de school" in html
    assert "Ingediend" in html
    mijn_url = _link_uit(mail.outbox[-1].body)
    assert client.get(mijn_url).status_code == 200


def test_double_submission_creates_one_initiative(client, django_capture_on_commit_callbacks):
    data = _data(KernFactory())
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(URL, data)
        second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert Initiatief.objects.count() == 1
    assert len(mail.outbox) == 1


def test_forged_link_shows_clear_page_and_reveals_nothing(client):
    initiatief = InitiatiefFactory(titel="Geheim plan")
    token = maak_token(soort="initiatief", pk=initiatief.pk, versie=1)
    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    response = client.get(f"/initiatieven/mijn/{forged}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze link werkt niet" in html
    assert "Geheim plan" not in html and initiatief.email not in html


def test_link_of_another_kind_is_refused(client):
    initiatief = InitiatiefFactory()
    token = maak_token(soort="initiatief-bevestigen", pk=initiatief.pk, versie=1)
    assert client.get(f"/initiatieven/mijn/{token}/").status_code == 404


def test_expired_link_says_so(client):
    initiatief = InitiatiefFactory(titel="Oud plan")
    with time_machine.travel(timezone.now() - timedelta(days=365)):
        token = maak_token(soort="initiatief", pk=initiatief.pk, versie=1)
    response = client.get(f"/initiatieven/mijn/{token}/")
    assert response.status_code == 404
    assert "verlopen" in response.content.decode()
    assert "Oud plan" not in response.content.decode()


def test_confirmation_link_expires_after_seven_days(client):
    initiatief = InitiatiefFactory(onbevestigd=True)
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        token = maak_token(soort="initiatief-bevestigen", pk=initiatief.pk, versie=1)
    assert client.post(f"/initiatieven/bevestigen/{token}/").status_code == 404
    initiatief.refresh_from_db()
    assert not initiatief.is_bevestigd


def test_old_link_stops_working_once_a_new_one_is_opened(
    client, django_capture_on_commit_callbacks
):
    initiatief = InitiatiefFactory(email="lid@voorbeeld.nl", titel="Buurtfeest")
    oud = services.persoonlijke_link(initiatief).split("/initiatieven")[1]
    assert client.get("/initiatieven" + oud).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/mijn-links/", {"email": "lid@voorbeeld.nl"})
    assert response.status_code == 302
    assert client.get("/initiatieven" + oud).status_code == 200  # asking revokes nothing
    nieuw = _link_uit(mail.outbox[-1].body)
    assert "Buurtfeest" in client.get(nieuw).content.decode()
    assert client.get("/initiatieven" + oud).status_code == 404


def test_html_in_text_fields_is_shown_as_text(client):
    initiatief = InitiatiefFactory(
        titel="<script>alert('x')</script>", omschrijving="<b>vet</b>", status=S.TOEGEZEGD
    )
    for url in (services.persoonlijke_link(initiatief), f"/initiatieven/{initiatief.pk}/"):
        html = client.get(url.removeprefix(settings.SITE_URL)).content.decode()
        assert "<script>alert(" not in html
        assert "&lt;script&gt;alert(" in html
        assert "&lt;b&gt;vet&lt;/b&gt;" in html


def test_inwoner_adds_information_and_withdraws(client, django_capture_on_commit_callbacks):
    initiatief = InitiatiefFactory(status=S.INFORMATIE_GEVRAAGD)
    pad = services.persoonlijke_link(initiatief).removeprefix(settings.SITE_URL)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            pad + "aanvullen/",
            {
                "aanvullen-tekst": "De buren doen mee.",
                "aanvullen-bijlagen": [SimpleUploadedFile("lijst.pdf", PDF_BYTES)],
            },
        )
    assert response.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.status == S.IN_BEHANDELING
    assert initiatief.bijlagen.get().oorspronkelijke_naam == "lijst.pdf"

    response = client.post(pad + "intrekken/", {"intrekken-toelichting": "Sorry"})
    assert "Vink aan dat u uw initiatief wilt intrekken." in response.content.decode()
    response = client.post(pad + "intrekken/", {"intrekken-zeker": "on"})
    assert response.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.status == S.INGETROKKEN
    html = client.get(pad).content.decode()
    assert "Ingetrokken" in html
    assert 'action="' + pad + 'intrekken/"' not in html


def test_inwoner_page_never_shows_internal_notes(client):
    from initiatieven.models import Notitie
    from tests.factories import MedewerkerFactory

    initiatief = InitiatiefFactory()
    Notitie.objects.create(initiatief=initiatief, auteur=MedewerkerFactory(), tekst="Lastige man")
    pad = services.persoonlijke_link(initiatief).removeprefix(settings.SITE_URL)
    assert "Lastige man" not in client.get(pad).content.decode()


@pytest.mark.parametrize("aangevinkt", [True, False])
def test_consent_for_photos_and_first_name_is_saved_as_ticked(client, aangevinkt):
    extra = {"fotos_publiceren": "on", "voornaam_tonen": "on"} if aangevinkt else {}
    assert client.post(URL, _data(KernFactory(), **extra)).status_code == 302
    initiatief = Initiatief.objects.get()
    assert initiatief.fotos_publiceren is aangevinkt
    assert initiatief.voornaam_tonen is aangevinkt
