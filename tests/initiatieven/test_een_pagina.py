"""One idea, one page: from the resident's (or staff's) page of an initiative to a
prefilled, linked budget application; trajecten linked to initiatives; the resident's page
shows applications, decisions, trajecten and meetings."""

import datetime
import re
from decimal import Decimal
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from budgetten.constants import AanvraagStatus, RegelingCode
from budgetten.models import Aanvraag
from initiatieven.constants import InitiatiefStatus as S
from initiatieven.models import Initiatief
from initiatieven.services import PERSOONLIJKE_LINK
from participatie.constants import TrajectStatus
from participatie.services import traject_basis_bijwerken
from tests.budgetten.factories import AanvraagFactory, regeling, seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.participatie.factories import BijeenkomstFactory, TrajectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def regelingen(db):
    seed_regelingen(timezone.localdate().year)


@pytest.fixture
def idee(kern):
    return InitiatiefFactory(
        kern=kern,
        titel="Jeu-de-boulesbaan bij het dorpshuis",
        hulp_geld=True,
        geld_indicatie=Decimal("450.00"),
        email="truus@voorbeeld.nl",
        naam="Truus de Vries",
    )


def _leef_post(kern, **kw):
    data = {
        "kern": kern.pk,
        "titel": "Jeu-de-boulesbaan bij het dorpshuis",
        "omschrijving": "Een baan voor jong en oud",
        "activiteit_datum": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "naam": "Truus de Vries",
        "email": "truus@voorbeeld.nl",
        "gevraagd_bedrag": "450",
        "draagvlak": "De buren en de biljartclub",
        "criterium_effect_leefomgeving": "on",
        "criterium_brengt_samen": "on",
        "criterium_meerdere_inwoners": "on",
        "criterium_open_voor_iedereen": "on",
        "actie": "indienen",
    }
    data.update(kw)
    return data


def test_the_residents_page_offers_geld_aanvragen_with_their_link(client, idee):
    html = client.get(PERSOONLIJKE_LINK.pad(idee)).content.decode()
    token = re.search(rf"{reverse('budgetten:regelingen')}\?link=([^\"]+)\"", html).group(1)
    # The link in the button is a valid personal link of this very initiative.
    assert PERSOONLIJKE_LINK.lees(unquote(token), Initiatief.objects) == idee


@pytest.mark.parametrize(
    ("geld", "status"), [(False, S.INGEDIEND), (True, S.AFGEWEZEN), (True, S.INGETROKKEN)]
)
def test_no_geld_aanvragen_without_money_or_after_refusal(client, kern, geld, status):
    initiatief = InitiatiefFactory(kern=kern, hulp_geld=geld, status=status)
    html = client.get(PERSOONLIJKE_LINK.pad(initiatief)).content.decode()
    assert "?link=" not in html


def test_the_link_carries_through_the_regelingen_to_a_prefilled_form(client, idee):
    token = PERSOONLIJKE_LINK.token(idee)
    overzicht = client.get(f"{reverse('budgetten:regelingen')}?link={token}").content.decode()
    assert "Jeu-de-boulesbaan bij het dorpshuis" in overzicht
    assert "/budgetten/aanvragen/leefbaarheid/?link=" in overzicht
    form = client.get(f"/budgetten/aanvragen/leefbaarheid/?link={token}").context["form"]
    assert form.initial["email"] == "truus@voorbeeld.nl"
    assert form.initial["naam"] == "Truus de Vries"
    assert form.initial["kern"] == idee.kern_id
    assert form.initial["gevraagd_bedrag"] == Decimal("450.00")


def test_submitting_from_the_link_links_the_application(client, kern, idee):
    token = PERSOONLIJKE_LINK.token(idee)
    response = client.post(f"/budgetten/aanvragen/leefbaarheid/?link={token}", _leef_post(kern))
    assert response.status_code == 302
    assert Aanvraag.objects.get().initiatief == idee


def test_a_forged_link_prefills_nothing(client, idee):
    response = client.get("/budgetten/aanvragen/leefbaarheid/?link=nep")
    assert response.status_code == 200
    assert "truus@voorbeeld.nl" not in response.content.decode()
    assert client.get(f"{reverse('budgetten:regelingen')}?link=nep").status_code == 200


def test_anonymous_visitors_never_see_a_residents_details(client, kern):
    publiek = InitiatiefFactory(kern=kern, status=S.TOEGEZEGD, email="geheim@voorbeeld.nl")
    html = client.get(f"/budgetten/aanvragen/leefbaarheid/?initiatief={publiek.pk}")
    assert publiek.titel in html.content.decode()
    assert "geheim@voorbeeld.nl" not in html.content.decode()


def test_staff_handling_it_open_the_form_prefilled(client, signed_in, kern, idee):
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    detail = client.get(idee.get_medewerker_url()).content.decode()
    assert f"{reverse('budgetten:regelingen')}?initiatief={idee.pk}" in detail
    form = client.get(f"/budgetten/aanvragen/leefbaarheid/?initiatief={idee.pk}").context["form"]
    assert form.initial["email"] == "truus@voorbeeld.nl"


def test_staff_of_another_kern_get_no_details(client, signed_in, idee):
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()]))
    html = client.get(f"/budgetten/aanvragen/leefbaarheid/?initiatief={idee.pk}")
    assert "truus@voorbeeld.nl" not in html.content.decode()


def test_the_residents_page_shows_the_application_and_its_decision(client, kern, idee):
    AanvraagFactory(
        kern=kern,
        initiatief=idee,
        titel="Baan aanleggen",
        status=AanvraagStatus.TOEGEKEND,
        gevraagd_bedrag=Decimal("450"),
        toegekend_bedrag=Decimal("400"),
        besluit_op=timezone.now(),
        motivering="Zonder de verlichting.",
    )
    html = client.get(PERSOONLIJKE_LINK.pad(idee)).content.decode()
    assert "Baan aanleggen" in html
    assert "Zonder de verlichting." in html
    assert "€\u00a0400,00" in html


# --- trajecten linked to initiatives ---------------------------------------------------


def test_a_traject_links_initiatives_and_the_resident_sees_it_with_its_meetings(client, kern, idee):
    traject = TrajectFactory(kernen=[kern], status=TrajectStatus.LOPEND, titel="Dorpshuis 2030")
    BijeenkomstFactory(
        kern=kern,
        traject=traject,
        titel="Avond over het dorpshuis",
        begint_op=timezone.now() + datetime.timedelta(days=10),
        eindigt_op=timezone.now() + datetime.timedelta(days=10, hours=2),
    )
    traject_basis_bijwerken(
        traject=traject,
        titel=traject.titel,
        onderwerp=traject.onderwerp,
        kernen=[kern],
        initiatieven=[idee],
    )
    assert list(traject.initiatieven.all()) == [idee]
    html = client.get(PERSOONLIJKE_LINK.pad(idee)).content.decode()
    assert "Dorpshuis 2030" in html and "Avond over het dorpshuis" in html


def test_a_concept_traject_is_not_shown_to_the_resident(client, kern, idee):
    traject = TrajectFactory(kernen=[kern], status=TrajectStatus.CONCEPT, titel="Nog geheim")
    traject.initiatieven.add(idee)
    assert "Nog geheim" not in client.get(PERSOONLIJKE_LINK.pad(idee)).content.decode()


def test_an_initiative_of_another_kern_cannot_be_linked(kern):
    traject = TrajectFactory(kernen=[kern])
    elders = InitiatiefFactory(kern=KernFactory())
    with pytest.raises(ValidationError):
        traject_basis_bijwerken(
            traject=traject,
            titel=traject.titel,
            onderwerp=traject.onderwerp,
            kernen=[kern],
            initiatieven=[elders],
        )
    assert not traject.initiatieven.exists()


def test_staff_link_initiatives_on_the_traject_edit_page(client, signed_in, kern, idee):
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    traject = TrajectFactory(kernen=[kern], kernambtenaar=ka)
    elders = InitiatiefFactory(kern=KernFactory(), titel="Elders geheim")
    signed_in(ka)
    url = reverse("participatie:traject_bewerken", kwargs={"traject_pk": traject.pk})
    pagina = client.get(url).content.decode()
    assert idee.titel in pagina and "Elders geheim" not in pagina
    data = {
        "titel": traject.titel,
        "onderwerp": traject.onderwerp,
        "kernen": [kern.pk],
        "kernambtenaar": ka.pk,
        "initiatieven": [idee.pk],
    }
    assert client.post(url, data).status_code == 302
    assert list(traject.initiatieven.all()) == [idee]
    # An initiative outside the choices is refused next to the field.
    data["initiatieven"] = [elders.pk]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "initiatieven" in response.context["form"].errors
    assert list(traject.initiatieven.all()) == [idee]


def test_regeling_fixture_is_seeded():
    assert regeling(RegelingCode.LEEFBAARHEID).code == RegelingCode.LEEFBAARHEID
