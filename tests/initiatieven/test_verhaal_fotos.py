"""Report photos on a published story: only with the initiator's consent, only images of the
report, served inline with a description as alt text."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from initiatieven import services
from initiatieven.constants import BijlageSoort, InitiatiefStatus, Thema
from initiatieven.models import Verhaal
from tests.factories import MedewerkerFactory
from tests.initiatieven.factories import PDF_BYTES, PNG_BYTES, BijlageFactory, InitiatiefFactory

pytestmark = pytest.mark.django_db


def _verhaal(*, toestemming=True, gepubliceerd=True, beschrijving="Kinderen spelen op het plein"):
    initiatief = InitiatiefFactory(
        status=InitiatiefStatus.AFGEROND,
        fotos_publiceren=toestemming,
        naam="Jantine Geheimnaam",
        email="jantine@prive.nl",
        telefoon="0344 987654",
    )
    verhaal = Verhaal.objects.create(
        initiatief=initiatief,
        titel="Een speelmiddag",
        thema=Thema.ONTMOETEN,
        samenvatting="Er kwamen veel kinderen.",
        wat_werkte="Het weer.",
        foto_beschrijving=beschrijving,
        gepubliceerd_op=timezone.now() if gepubliceerd else None,
    )
    foto = BijlageFactory(
        initiatief=initiatief,
        soort=BijlageSoort.VERSLAG,
        oorspronkelijke_naam="jantine-geheimnaam-feest.png",
    )
    return verhaal, foto


def _foto_url(verhaal, bijlage) -> str:
    return f"/initiatieven/verhalen/{verhaal.pk}/fotos/{bijlage.pk}/"


def test_published_story_with_consent_shows_its_photo_inline_with_alt_text(client):
    verhaal, foto = _verhaal()

    pagina = client.get(f"/initiatieven/verhalen/{verhaal.pk}/").content.decode()
    assert f'src="{_foto_url(verhaal, foto)}"' in pagina
    assert 'alt="Kinderen spelen op het plein"' in pagina

    response = client.get(_foto_url(verhaal, foto))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert "Geheimnaam" not in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PNG_BYTES


def test_photo_of_an_unpublished_story_gives_404(client):
    verhaal, foto = _verhaal(gepubliceerd=False)
    assert client.get(_foto_url(verhaal, foto)).status_code == 404


def test_photo_without_the_initiators_consent_is_not_shown(client):
    verhaal, foto = _verhaal(toestemming=False)
    assert client.get(_foto_url(verhaal, foto)).status_code == 404
    pagina = client.get(f"/initiatieven/verhalen/{verhaal.pk}/").content.decode()
    assert "/fotos/" not in pagina


def test_pdf_or_other_attachment_of_the_initiative_gives_404(client):
    verhaal, _ = _verhaal()
    pdf = BijlageFactory(
        initiatief=verhaal.initiatief,
        soort=BijlageSoort.VERSLAG,
        bestand=ContentFile(PDF_BYTES, name="begroting.pdf"),
        oorspronkelijke_naam="begroting.pdf",
        content_type="application/pdf",
    )
    aanvraagfoto = BijlageFactory(initiatief=verhaal.initiatief, soort=BijlageSoort.AANVRAAG)
    assert client.get(_foto_url(verhaal, pdf)).status_code == 404
    assert client.get(_foto_url(verhaal, aanvraagfoto)).status_code == 404


def test_photo_of_another_initiative_gives_404(client):
    verhaal, _ = _verhaal()
    _, andere_foto = _verhaal()
    assert client.get(_foto_url(verhaal, andere_foto)).status_code == 404


def test_story_page_shows_no_personal_data(client):
    verhaal, _ = _verhaal()
    pagina = client.get(f"/initiatieven/verhalen/{verhaal.pk}/").content.decode()
    for geheim in ("Geheimnaam", "jantine@prive.nl", "0344 987654", "jantine-geheimnaam-feest"):
        assert geheim not in pagina


def _opslaan(initiatief, **extra):
    return services.verhaal_opslaan(
        initiatief_id=initiatief.pk,
        door=MedewerkerFactory(rollen=["kernambtenaar"]),
        titel="Een speelmiddag",
        thema=Thema.ONTMOETEN,
        samenvatting="Er kwamen veel kinderen.",
        wat_werkte="Het weer.",
        publiceren=True,
        **extra,
    )


def test_publishing_with_consented_photos_requires_a_description():
    initiatief = InitiatiefFactory(status=InitiatiefStatus.AFGEROND, fotos_publiceren=True)
    BijlageFactory(initiatief=initiatief, soort=BijlageSoort.VERSLAG)

    with pytest.raises(ValidationError):
        _opslaan(initiatief)
    assert not Verhaal.objects.filter(initiatief=initiatief).exists()

    verhaal = _opslaan(initiatief, foto_beschrijving="Het nieuwe bankje")
    assert verhaal.foto_beschrijving == "Het nieuwe bankje"


def test_publishing_without_consent_needs_no_description():
    initiatief = InitiatiefFactory(status=InitiatiefStatus.AFGEROND, fotos_publiceren=False)
    BijlageFactory(initiatief=initiatief, soort=BijlageSoort.VERSLAG)
    assert _opslaan(initiatief).gepubliceerd_op is not None
