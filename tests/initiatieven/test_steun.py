"""Steun: one confirmed support per address per published initiative, withdrawable, counted
on the public, the kernambtenaar's and the college's pages; a minimum before a grant."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from budgetten import services as budget_services
from budgetten.constants import AanvraagStatus, RegelingCode
from budgetten.models import RegelingJaar
from budgetten.regels import steun_tekort
from core.fouten import Weigering
from initiatieven import selectors, services
from initiatieven.constants import InitiatiefStatus as S
from initiatieven.models import Steun
from tests.budgetten.factories import AanvraagFactory, regeling
from tests.factories import MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publiek(kern):
    return InitiatiefFactory(kern=kern, status=S.TOEGEZEGD)


def _bevestigd(initiatief, email):
    steun = services.steun_geven(initiatief_id=initiatief.pk, email=email)
    return services.steun_bevestigen(steun_id=steun.pk)


def _links(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


def test_support_counts_only_after_confirmation(publiek, na_commit):
    mail.outbox.clear()
    with na_commit():
        steun = services.steun_geven(initiatief_id=publiek.pk, email=" Piet@Voorbeeld.NL ")
    assert steun.email == "piet@voorbeeld.nl"
    assert selectors.aantal_steun(initiatief_id=publiek.pk) == 0
    assert mail.outbox[-1].to == ["piet@voorbeeld.nl"]
    bevestig, intrek = _links(mail.outbox[-1].body)[:2]
    assert (
        services.STEUN_BEVESTIG_LINK.lees(bevestig.rstrip("/").rsplit("/", 1)[1], Steun.objects)
        == steun
    )
    assert services.STEUN_LINK.lees(intrek.rstrip("/").rsplit("/", 1)[1], Steun.objects) == steun
    services.steun_bevestigen(steun_id=steun.pk)
    services.steun_bevestigen(steun_id=steun.pk)  # twice is once
    assert selectors.aantal_steun(initiatief_id=publiek.pk) == 1


def test_one_support_per_address_however_it_is_written(publiek):
    _bevestigd(publiek, "piet@voorbeeld.nl")
    tweede = services.steun_geven(initiatief_id=publiek.pk, email="PIET@voorbeeld.nl")
    assert Steun.objects.filter(initiatief=publiek).count() == 1
    assert tweede.email_bevestigd_op is not None
    assert selectors.aantal_steun(initiatief_id=publiek.pk) == 1


def test_the_database_refuses_a_second_row_for_the_same_address(publiek):
    Steun.objects.create(initiatief=publiek, email="a@voorbeeld.nl")
    with pytest.raises(IntegrityError), transaction.atomic():
        Steun.objects.create(initiatief=publiek, email="A@Voorbeeld.nl")


def test_the_same_address_may_support_another_initiative(publiek, kern):
    ander = InitiatiefFactory(kern=kern, status=S.UITGEVOERD)
    _bevestigd(publiek, "a@voorbeeld.nl")
    _bevestigd(ander, "a@voorbeeld.nl")
    assert selectors.steun_aantallen([publiek.pk, ander.pk]) == {publiek.pk: 1, ander.pk: 1}


@pytest.mark.parametrize("status", [S.INGEDIEND, S.IN_BEHANDELING, S.AFGEWEZEN, S.INGETROKKEN])
def test_an_initiative_that_is_not_published_cannot_be_supported(kern, status):
    initiatief = InitiatiefFactory(kern=kern, status=status)
    with pytest.raises(Weigering):
        services.steun_geven(initiatief_id=initiatief.pk, email="a@voorbeeld.nl")
    assert not Steun.objects.exists()


def test_unconfirmed_initiative_cannot_be_supported(kern):
    initiatief = InitiatiefFactory(kern=kern, status=S.TOEGEZEGD, onbevestigd=True)
    with pytest.raises(Weigering):
        services.steun_geven(initiatief_id=initiatief.pk, email="a@voorbeeld.nl")


@pytest.mark.parametrize("email", ["", "geen-adres", "a@", "@voorbeeld.nl"])
def test_a_bad_address_is_refused_at_the_field(publiek, email):
    with pytest.raises(Weigering) as exc:
        services.steun_geven(initiatief_id=publiek.pk, email=email)
    assert "email" in exc.value.message_dict
    assert not Steun.objects.exists()


def test_withdrawing_deletes_the_support_and_the_address(publiek):
    steun = _bevestigd(publiek, "a@voorbeeld.nl")
    services.steun_intrekken(steun_id=steun.pk)
    assert selectors.aantal_steun(initiatief_id=publiek.pk) == 0
    assert not Steun.objects.filter(email="a@voorbeeld.nl").exists()


def test_pages_support_confirm_and_withdraw(client, publiek, na_commit):
    url = reverse("initiatieven:steunen", kwargs={"pk": publiek.pk})
    fout = client.post(url, {"email": "geen-adres"})
    assert fout.status_code == 200
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in fout.content.decode()
    assert 'value="geen-adres"' in fout.content.decode()  # the input is kept
    mail.outbox.clear()
    with na_commit():
        response = client.post(url, {"email": "jan@voorbeeld.nl"})
    assert response.status_code == 302
    bevestig, intrek = _links(mail.outbox[-1].body)[:2]
    pad = bevestig.split("://", 1)[1].split("/", 1)[1]
    # A GET (a mail scanner) confirms nothing.
    assert client.get("/" + pad).status_code == 200
    assert selectors.aantal_steun(initiatief_id=publiek.pk) == 0
    assert client.post("/" + pad).status_code == 302
    assert selectors.aantal_steun(initiatief_id=publiek.pk) == 1
    detail = client.get(publiek.get_absolute_url()).content.decode()
    assert "1 inwoner steunt dit initiatief" in detail
    intrek_pad = "/" + intrek.split("://", 1)[1].split("/", 1)[1]
    assert client.get(intrek_pad).status_code == 200
    assert client.post(intrek_pad).status_code == 302
    assert selectors.aantal_steun(initiatief_id=publiek.pk) == 0
    assert client.get(intrek_pad).status_code == 404  # the link died with the support


def test_steun_page_of_a_non_public_initiative_is_404(client, kern):
    initiatief = InitiatiefFactory(kern=kern, status=S.IN_BEHANDELING)
    url = reverse("initiatieven:steunen", kwargs={"pk": initiatief.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"email": "a@voorbeeld.nl"}).status_code == 404


def test_the_steun_form_is_rate_limited_per_address(client, publiek, settings):
    settings.RATELIMIT_ENABLE = True
    url = reverse("initiatieven:steunen", kwargs={"pk": publiek.pk})
    for _ in range(5):
        assert client.post(url, {"email": "slachtoffer@voorbeeld.nl"}).status_code == 302
    mail.outbox.clear()
    assert client.post(url, {"email": "Slachtoffer@voorbeeld.nl"}).status_code == 429
    assert mail.outbox == []  # nobody's inbox is flooded
    assert client.post(url, {"email": "ander@voorbeeld.nl"}).status_code == 302


def test_kernambtenaar_sees_the_count_on_the_staff_page(client, signed_in, kern, publiek):
    _bevestigd(publiek, "a@voorbeeld.nl")
    _bevestigd(publiek, "b@voorbeeld.nl")
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    html = client.get(publiek.get_medewerker_url()).content.decode()
    assert "2 inwoners steunen dit initiatief" in html


def test_college_sees_the_count_in_its_queue(client, signed_in, kern, publiek):
    _bevestigd(publiek, "a@voorbeeld.nl")
    AanvraagFactory(
        kern=kern,
        initiatief=publiek,
        regeling=regeling(RegelingCode.BIJZONDER),
        status=AanvraagStatus.BIJ_COLLEGE,
    )
    signed_in(MedewerkerFactory(rollen=["college"]))
    html = client.get(reverse("budgetten:college")).content.decode()
    assert re.search(r'data-testid="college-steun">1<', html)


# --- the minimum before a grant ----------------------------------------------------------


def test_steun_tekort_rule():
    assert steun_tekort(minimum=0, aantal=0) is None
    assert steun_tekort(minimum=3, aantal=3) is None
    assert "2 van de 3" in steun_tekort(minimum=3, aantal=2)


def _leefbaarheid_met_minimum(kern, initiatief, minimum):
    aanvraag = AanvraagFactory(kern=kern, initiatief=initiatief, gevraagd_bedrag=Decimal("300"))
    RegelingJaar.objects.update_or_create(
        regeling=aanvraag.regeling,
        jaar=aanvraag.jaar,
        defaults={"plafond": Decimal("2000"), "min_steun": minimum},
    )
    return aanvraag


def test_a_grant_is_refused_while_the_linked_initiative_has_too_little_support(kern, publiek):
    aanvraag = _leefbaarheid_met_minimum(kern, publiek, 2)
    _bevestigd(publiek, "a@voorbeeld.nl")
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    with pytest.raises(Weigering, match="1 van de 2 steunbetuigingen"):
        budget_services.aanvraag_besluiten(
            aanvraag_id=aanvraag.pk, door=ka, toekennen=True, bedrag=Decimal("300"), motivering=""
        )
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.INGEDIEND and aanvraag.toegekend_bedrag is None
    _bevestigd(publiek, "b@voorbeeld.nl")
    budget_services.aanvraag_besluiten(
        aanvraag_id=aanvraag.pk, door=ka, toekennen=True, bedrag=Decimal("300"), motivering=""
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.TOEGEKEND


def test_unconfirmed_supports_do_not_count_towards_the_minimum(kern, publiek):
    aanvraag = _leefbaarheid_met_minimum(kern, publiek, 1)
    services.steun_geven(initiatief_id=publiek.pk, email="a@voorbeeld.nl")
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    with pytest.raises(Weigering):
        budget_services.aanvraag_besluiten(
            aanvraag_id=aanvraag.pk, door=ka, toekennen=True, bedrag=Decimal("300"), motivering=""
        )


def test_refusing_is_possible_whatever_the_support(kern, publiek):
    aanvraag = _leefbaarheid_met_minimum(kern, publiek, 5)
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    budget_services.aanvraag_besluiten(
        aanvraag_id=aanvraag.pk, door=ka, toekennen=False, bedrag=None, motivering="Past niet."
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.AFGEWEZEN


def test_the_minimum_is_per_year(kern, publiek):
    aanvraag = _leefbaarheid_met_minimum(kern, publiek, 0)
    RegelingJaar.objects.update_or_create(
        regeling=aanvraag.regeling, jaar=aanvraag.jaar + 1, defaults={"min_steun": 10}
    )
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    budget_services.aanvraag_besluiten(
        aanvraag_id=aanvraag.pk, door=ka, toekennen=True, bedrag=Decimal("300"), motivering=""
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.TOEGEKEND


def test_unconfirmed_supports_are_deleted_after_seven_days(publiek):
    import datetime

    from django.utils import timezone

    from initiatieven.privacy import opruimen

    oud = services.steun_geven(initiatief_id=publiek.pk, email="oud@voorbeeld.nl")
    Steun.objects.filter(pk=oud.pk).update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=8)
    )
    vers = services.steun_geven(initiatief_id=publiek.pk, email="vers@voorbeeld.nl")
    bevestigd = _bevestigd(publiek, "blijft@voorbeeld.nl")
    Steun.objects.filter(pk=bevestigd.pk).update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=30)
    )
    opruimen(nu=timezone.now())
    assert set(Steun.objects.values_list("pk", flat=True)) == {vers.pk, bevestigd.pk}
