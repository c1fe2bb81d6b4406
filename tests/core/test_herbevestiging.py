"""Re-authentication before money decisions (core.herbevestiging)."""

import datetime
from decimal import Decimal as D

import pytest
import time_machine
from axes.models import AccessAttempt
from django.urls import resolve, reverse
from django.utils import timezone

from budgetten.constants import AanvraagStatus
from core.herbevestiging import HerbevestigingVereist
from tests.budgetten.factories import AanvraagFactory
from tests.conftest import current_code
from tests.factories import TEST_PASSWORD, KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db
GEGEVENS = {"besluit": "ja", "bedrag": "600,00", "motivering": "Zonder catering"}
VRAAG = "Bevestig dat u het bent"


@pytest.fixture
def geval(signed_in):
    kern = KernFactory()
    ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    aanvraag = AanvraagFactory(kern=kern, gevraagd_bedrag=D("800"))
    signed_in(ambtenaar)
    url = reverse("budgetten:aanvraag_besluiten", kwargs={"aanvraag_pk": aanvraag.pk})
    return aanvraag, url


def _later(minuten: int):
    return time_machine.travel(timezone.now() + datetime.timedelta(minutes=minuten), tick=False)


def test_within_fifteen_minutes_of_signing_in_the_decision_goes_through(client, geval):
    aanvraag, url = geval
    with _later(14):
        assert client.post(url, GEGEVENS).status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.TOEGEKEND


def test_later_the_decision_waits_for_password_and_code_then_goes_through(client, geval):
    aanvraag, url = geval
    with _later(16):
        response = client.post(url, GEGEVENS)
        html = response.content.decode()
        assert response.status_code == 200 and VRAAG in html
        assert 'name="bedrag" value="600,00"' in html  # what was filled in is kept
        aanvraag.refresh_from_db()
        assert aanvraag.status == AanvraagStatus.INGEDIEND
        bevestigd = {
            **GEGEVENS,
            "herbevestig-password": TEST_PASSWORD,
            "herbevestig-code": current_code(),
        }
        response = client.post(url, bevestigd)
        assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.toegekend_bedrag) == (AanvraagStatus.TOEGEKEND, D("600"))
    # Confirmed: the next money step within the quarter asks nothing.
    with _later(20):
        betalen = reverse("budgetten:aanvraag_betalen", kwargs={"aanvraag_pk": aanvraag.pk})
        assert VRAAG not in client.post(betalen, {"bedrag": "600,00"}).content.decode()


def test_a_wrong_code_decides_nothing_and_counts_as_a_failed_sign_in(client, geval):
    aanvraag, url = geval
    with _later(16):
        response = client.post(
            url, {**GEGEVENS, "herbevestig-password": TEST_PASSWORD, "herbevestig-code": "000000"}
        )
    assert response.status_code == 400
    assert "klopt niet" in response.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.INGEDIEND
    assert AccessAttempt.objects.get().failures_since_start == 1


def test_someone_without_the_right_gets_the_refusal_not_the_question(client, signed_in):
    aanvraag = AanvraagFactory()
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()]))
    url = reverse("budgetten:aanvraag_besluiten", kwargs={"aanvraag_pk": aanvraag.pk})
    with _later(16):
        assert client.post(url, GEGEVENS).status_code == 403


@pytest.mark.parametrize(
    ("naam", "kwargs"),
    [
        ("budgetten:aanvraag_besluiten", {"aanvraag_pk": 1}),
        ("budgetten:aanvraag_advies", {"aanvraag_pk": 1}),
        ("budgetten:aanvraag_betalen", {"aanvraag_pk": 1}),
        ("budgetten:aanvraag_vaststellen", {"aanvraag_pk": 1}),
        ("budgetten:aanvraag_intrekken", {"aanvraag_pk": 1}),
        ("budgetten:declaratie_detail", {"declaratie_pk": 1}),
        ("budgetten:vergoeding", {}),
        ("budgetten:stemronde_fase", {"stemronde_pk": 1}),
    ],
)
def test_every_money_decision_asks_for_re_authentication(naam, kwargs):
    view = resolve(reverse(naam, kwargs=kwargs)).func.view_class
    assert issubclass(view, HerbevestigingVereist)
