"""Steun for a voting candidate: the initiatives' mechanism for a Kandidaat. Confirmed by
mail, one per address per candidate (the database too), withdrawable, only while the round
is open; the count shows on the public round page and in the kernambtenaar's view, adds up
with the linked initiative's supporters (each address once) and holds the regeling's minimum
when the round is divided."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import localdate

from budgetten import selectors, services
from budgetten.constants import AanvraagStatus, KandidaatUitkomst, RegelingCode, StemrondeFase
from budgetten.models import KandidaatSteun, RegelingJaar
from budgetten.regels import CRITERIA
from core.fouten import Weigering
from initiatieven import services as initiatieven_services
from initiatieven.constants import InitiatiefStatus
from tests.budgetten.factories import AanvraagFactory, StemrondeFactory, seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory

D = Decimal
pytestmark = pytest.mark.django_db
ALLES_JA = dict.fromkeys(CRITERIA[RegelingCode.LEEFBAARHEID], True)


@pytest.fixture(autouse=True)
def regelingen():
    seed_regelingen(localdate().year)


@pytest.fixture
def kern():
    return KernFactory(naam="Eck en Wiel", postcodes=["4033"])


@pytest.fixture
def ambtenaar(kern):
    return MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])


def open_ronde(kern, door, *, n=2, initiatief=None):
    """A round open from today for two weeks with n admitted candidates; the first one's
    aanvraag is linked to `initiatief` when given."""
    ronde = StemrondeFactory(kern=kern, aangemaakt_door=door)
    for i in range(n):
        a = AanvraagFactory(
            kern=kern,
            criteria=ALLES_JA,
            gevraagd_bedrag=D("300"),
            initiatief=initiatief if i == 0 else None,
        )
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk,
            aanvraag_id=a.pk,
            door=door,
            toelaten=True,
            titel=f"Plan {i}",
            omschrijving="Voor het dorp.",
        )
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=door)
    return ronde


def eerste(ronde):
    return ronde.kandidaten.order_by("pk").first()


def bevestigd(kandidaat, email):
    steun = services.kandidaat_steunen(kandidaat_id=kandidaat.pk, email=email)
    return services.kandidaat_steun_bevestigen(steun_id=steun.pk)


def aantal(kandidaat) -> int:
    return selectors.steun_aantallen_kandidaten([kandidaat.pk])[kandidaat.pk]


def _paden(body: str) -> list[str]:
    return ["/" + u.split("://", 1)[1].split("/", 1)[1] for u in re.findall(r"https?://\S+", body)]


# --- Services ---------------------------------------------------------------------------------


def test_support_counts_only_after_confirmation_and_the_mail_has_both_links(
    kern, ambtenaar, django_capture_on_commit_callbacks
):
    k = eerste(open_ronde(kern, ambtenaar))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        steun = services.kandidaat_steunen(kandidaat_id=k.pk, email=" Ria@Voorbeeld.NL ")
    assert steun.email == "ria@voorbeeld.nl" and steun.email_bevestigd_op is None
    assert aantal(k) == 0
    assert mail.outbox[-1].to == ["ria@voorbeeld.nl"]
    assert "Plan 0" in mail.outbox[-1].body and "Eck en Wiel" in mail.outbox[-1].body
    bevestig, intrek = _paden(mail.outbox[-1].body)[:2]
    token = bevestig.rstrip("/").rsplit("/", 1)[1]
    assert services.KANDIDAAT_STEUN_BEVESTIGEN.lees(token, KandidaatSteun.objects) == steun
    token = intrek.rstrip("/").rsplit("/", 1)[1]
    assert services.KANDIDAAT_STEUN_LINK.lees(token, KandidaatSteun.objects) == steun
    services.kandidaat_steun_bevestigen(steun_id=steun.pk)
    services.kandidaat_steun_bevestigen(steun_id=steun.pk)  # twice is once
    assert aantal(k) == 1


def test_one_support_per_address_per_candidate_however_written(kern, ambtenaar):
    k = eerste(open_ronde(kern, ambtenaar))
    bevestigd(k, "piet@voorbeeld.nl")
    tweede = services.kandidaat_steunen(kandidaat_id=k.pk, email="PIET@voorbeeld.nl")
    assert KandidaatSteun.objects.filter(kandidaat=k).count() == 1
    assert tweede.email_bevestigd_op is not None
    assert aantal(k) == 1


def test_the_database_refuses_a_second_row_for_the_same_address(kern, ambtenaar):
    k = eerste(open_ronde(kern, ambtenaar))
    KandidaatSteun.objects.create(kandidaat=k, email="a@voorbeeld.nl")
    with pytest.raises(IntegrityError), transaction.atomic():
        KandidaatSteun.objects.create(kandidaat=k, email="A@Voorbeeld.NL")


def test_the_same_address_may_support_every_candidate(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    a, b = ronde.kandidaten.order_by("pk")
    bevestigd(a, "a@voorbeeld.nl")
    bevestigd(b, "a@voorbeeld.nl")
    assert selectors.steun_aantallen_kandidaten([a.pk, b.pk]) == {a.pk: 1, b.pk: 1}


def test_unconfirmed_support_does_not_count(kern, ambtenaar):
    k = eerste(open_ronde(kern, ambtenaar))
    services.kandidaat_steunen(kandidaat_id=k.pk, email="a@voorbeeld.nl")
    services.kandidaat_steunen(kandidaat_id=k.pk, email="b@voorbeeld.nl")
    assert KandidaatSteun.objects.filter(kandidaat=k).count() == 2
    assert aantal(k) == 0


def test_withdrawing_deletes_the_support_and_the_address(kern, ambtenaar):
    k = eerste(open_ronde(kern, ambtenaar))
    steun = bevestigd(k, "weg@voorbeeld.nl")
    services.kandidaat_steun_intrekken(steun_id=steun.pk)
    assert aantal(k) == 0
    assert not KandidaatSteun.objects.filter(email="weg@voorbeeld.nl").exists()


@pytest.mark.parametrize("email", ["", "geen-adres", "a@", "\x00@voorbeeld.nl", "x" * 300])
def test_a_bad_address_is_refused_at_the_field(kern, ambtenaar, email):
    k = eerste(open_ronde(kern, ambtenaar))
    with pytest.raises(Weigering) as exc:
        services.kandidaat_steunen(kandidaat_id=k.pk, email=email)
    assert "email" in exc.value.message_dict
    assert not KandidaatSteun.objects.exists()


def test_no_support_before_the_round_opens_or_after_it_closed(kern, ambtenaar):
    voorbereiding = StemrondeFactory(kern=kern, aangemaakt_door=ambtenaar)
    a = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=D("300"))
    k = services.kandidaat_beoordelen(
        stemronde_id=voorbereiding.pk,
        aanvraag_id=a.pk,
        door=ambtenaar,
        toelaten=True,
        titel="Vroeg",
        omschrijving="Te vroeg.",
    )
    with pytest.raises(Weigering, match="niet open"):
        services.kandidaat_steunen(kandidaat_id=k.pk, email="a@voorbeeld.nl")
    services.stemronde_fase_wijzigen(
        stemronde_id=voorbereiding.pk, naar=StemrondeFase.OPEN, door=ambtenaar
    )
    steun = services.kandidaat_steunen(kandidaat_id=k.pk, email="a@voorbeeld.nl")
    na = voorbereiding.stemmen_tot + datetime.timedelta(days=1)
    with pytest.raises(Weigering, match="niet open"):
        services.kandidaat_steunen(kandidaat_id=k.pk, email="b@voorbeeld.nl", vandaag=na)
    # A confirmation after the last day no longer counts.
    with pytest.raises(Weigering, match="gesloten"):
        services.kandidaat_steun_bevestigen(steun_id=steun.pk, vandaag=na)
    steun.refresh_from_db()
    assert steun.email_bevestigd_op is None


def test_a_candidate_that_is_not_admitted_cannot_be_supported(kern, ambtenaar):
    ronde = StemrondeFactory(kern=kern, aangemaakt_door=ambtenaar)
    mee = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=D("300"))
    niet = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=D("300"))
    services.kandidaat_beoordelen(
        stemronde_id=ronde.pk, aanvraag_id=mee.pk, door=ambtenaar, toelaten=True,
        titel="Mee", omschrijving="Doet mee.",
    )  # fmt: skip
    geweigerd = services.kandidaat_beoordelen(
        stemronde_id=ronde.pk, aanvraag_id=niet.pk, door=ambtenaar, toelaten=False,
        reden="Past niet in de regeling.",
    )  # fmt: skip
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=ambtenaar)
    with pytest.raises(Weigering):
        services.kandidaat_steunen(kandidaat_id=geweigerd.pk, email="a@voorbeeld.nl")
    with pytest.raises(Weigering):
        services.kandidaat_steunen(kandidaat_id=999999, email="a@voorbeeld.nl")


def test_the_count_adds_the_linked_initiatives_supporters_each_address_once(kern, ambtenaar):
    idee = InitiatiefFactory(kern=kern, status=InitiatiefStatus.TOEGEZEGD)
    for email in ("a@voorbeeld.nl", "b@voorbeeld.nl"):
        s = initiatieven_services.steun_geven(initiatief_id=idee.pk, email=email)
        initiatieven_services.steun_bevestigen(steun_id=s.pk)
    initiatieven_services.steun_geven(initiatief_id=idee.pk, email="onbevestigd@voorbeeld.nl")
    ronde = open_ronde(kern, ambtenaar, initiatief=idee)
    gekoppeld, los = ronde.kandidaten.order_by("pk")
    bevestigd(gekoppeld, "A@voorbeeld.nl")  # supports both: counts once
    bevestigd(gekoppeld, "c@voorbeeld.nl")
    assert selectors.steun_aantallen_kandidaten([gekoppeld.pk, los.pk]) == {
        gekoppeld.pk: 3,
        los.pk: 0,
    }
    assert selectors.steun_aantal_aanvraag(gekoppeld.aanvraag) == 3
    # An aanvraag nobody could support has no count, so no minimum applies to it.
    assert selectors.steun_aantal_aanvraag(AanvraagFactory(kern=kern)) is None


def _minimum(jaar, n):
    RegelingJaar.objects.filter(regeling__code=RegelingCode.LEEFBAARHEID, jaar=jaar).update(
        min_steun=n
    )


def test_the_division_passes_over_a_candidate_below_the_minimum(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    weinig, genoeg = ronde.kandidaten.order_by("pk")
    _minimum(ronde.jaar, 2)
    for email in ("a@voorbeeld.nl", "b@voorbeeld.nl"):
        bevestigd(genoeg, email)
    bevestigd(weinig, "a@voorbeeld.nl")
    services.kandidaat_steunen(kandidaat_id=weinig.pk, email="onbevestigd@voorbeeld.nl")
    # "weinig" has the most votes, but too few supporters.
    for i, keuze in enumerate([[weinig.pk, genoeg.pk], [weinig.pk]]):
        services.papieren_stem_invoeren(
            stemronde_id=ronde.pk,
            door=ambtenaar,
            kandidaat_ids=keuze,
            postcode="4033AA",
            huisnummer=i + 1,
        )
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk,
        naar=StemrondeFase.GESLOTEN,
        door=ambtenaar,
        vandaag=ronde.stemmen_tot + datetime.timedelta(days=1),
    )
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.VERDEELD, door=ambtenaar
    )
    weinig.refresh_from_db()
    genoeg.refresh_from_db()
    assert weinig.uitkomst == KandidaatUitkomst.TE_WEINIG_STEUN and weinig.toegekend_bedrag == 0
    assert weinig.aanvraag.status == AanvraagStatus.AFGEWEZEN
    assert "minimum" in weinig.aanvraag.motivering
    assert genoeg.uitkomst == KandidaatUitkomst.TOEGEKEND
    assert genoeg.aanvraag.status == AanvraagStatus.TOEGEKEND


def test_without_a_minimum_support_changes_nothing_in_the_division(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar, n=1)
    k = eerste(ronde)
    services.papieren_stem_invoeren(
        stemronde_id=ronde.pk, door=ambtenaar, kandidaat_ids=[k.pk], postcode="4033AA", huisnummer=1
    )
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk,
        naar=StemrondeFase.GESLOTEN,
        door=ambtenaar,
        vandaag=ronde.stemmen_tot + datetime.timedelta(days=1),
    )
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.VERDEELD, door=ambtenaar
    )
    k.refresh_from_db()
    assert k.uitkomst == KandidaatUitkomst.TOEGEKEND


def test_confirmed_supports_go_30_days_after_the_division_unconfirmed_after_7(kern, ambtenaar):
    from budgetten.privacy import opruimen

    ronde = open_ronde(kern, ambtenaar, n=1)
    k = eerste(ronde)
    oud = services.kandidaat_steunen(kandidaat_id=k.pk, email="oud@voorbeeld.nl")
    KandidaatSteun.objects.filter(pk=oud.pk).update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=8)
    )
    blijft = bevestigd(k, "blijft@voorbeeld.nl")
    opruimen(nu=timezone.now())
    assert set(KandidaatSteun.objects.values_list("pk", flat=True)) == {blijft.pk}
    type(ronde).objects.filter(pk=ronde.pk).update(
        fase=StemrondeFase.VERDEELD, verdeeld_op=timezone.now() - datetime.timedelta(days=31)
    )
    opruimen(nu=timezone.now())
    assert not KandidaatSteun.objects.exists()


# --- Pages ------------------------------------------------------------------------------------


def test_resident_supports_confirms_and_withdraws_through_the_pages(
    client, kern, ambtenaar, django_capture_on_commit_callbacks
):
    ronde = open_ronde(kern, ambtenaar)
    k = eerste(ronde)
    pagina = client.get(ronde.get_absolute_url()).content.decode()
    url = reverse("budgetten:kandidaat_steunen", kwargs={"kandidaat_pk": k.pk})
    assert url in pagina and "0 inwoners steunen dit initiatief" in pagina
    assert client.get(url).status_code == 200
    fout = client.post(url, {"email": "geen-adres"})
    assert fout.status_code == 400
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in fout.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "jan@voorbeeld.nl"})
    assert response.status_code == 302 and response["Location"] == ronde.get_absolute_url()
    bevestig, intrek = _paden(mail.outbox[-1].body)[:2]
    assert client.get(bevestig).status_code == 200  # a mail scanner confirms nothing
    assert aantal(k) == 0
    assert client.post(bevestig).status_code == 302
    assert aantal(k) == 1
    pagina = client.get(ronde.get_absolute_url()).content.decode()
    assert "1 inwoner steunt dit initiatief" in pagina
    assert client.get(bevestig).status_code == 302  # already confirmed: on to the round
    assert client.get(intrek).status_code == 200
    assert client.post(intrek).status_code == 302
    assert aantal(k) == 0
    assert client.get(intrek).status_code == 404  # the link died with the support


def test_confirm_page_after_the_round_closed_says_it_no_longer_counts(
    client, kern, ambtenaar, django_capture_on_commit_callbacks
):
    ronde = open_ronde(kern, ambtenaar)
    k = eerste(ronde)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.kandidaat_steunen(kandidaat_id=k.pk, email="laat@voorbeeld.nl")
    bevestig = _paden(mail.outbox[-1].body)[0]
    type(ronde).objects.filter(pk=ronde.pk).update(fase=StemrondeFase.GESLOTEN)
    response = client.post(bevestig, follow=True)
    assert "telt niet meer mee" in response.content.decode()
    assert aantal(k) == 0


def test_support_page_is_404_when_the_round_is_not_open(client, kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    k = eerste(ronde)
    type(ronde).objects.filter(pk=ronde.pk).update(fase=StemrondeFase.GESLOTEN)
    url = reverse("budgetten:kandidaat_steunen", kwargs={"kandidaat_pk": k.pk})
    assert client.get(url).status_code == 404
    assert url not in client.get(ronde.get_absolute_url()).content.decode()


def test_the_support_form_is_rate_limited_per_address(client, kern, ambtenaar, settings):
    settings.RATELIMIT_ENABLE = True
    k = eerste(open_ronde(kern, ambtenaar))
    url = reverse("budgetten:kandidaat_steunen", kwargs={"kandidaat_pk": k.pk})
    for _ in range(5):
        assert client.post(url, {"email": "slachtoffer@voorbeeld.nl"}).status_code == 302
    mail.outbox.clear()
    assert client.post(url, {"email": "Slachtoffer@voorbeeld.nl"}).status_code == 429
    assert mail.outbox == []
    assert KandidaatSteun.objects.count() == 1


def test_kernambtenaar_sees_the_count_in_the_round_view_and_others_are_refused(
    client, signed_in, kern, ambtenaar
):
    ronde = open_ronde(kern, ambtenaar)
    k = eerste(ronde)
    bevestigd(k, "a@voorbeeld.nl")
    bevestigd(k, "b@voorbeeld.nl")
    services.kandidaat_steunen(kandidaat_id=k.pk, email="c@voorbeeld.nl")  # not confirmed
    _minimum(ronde.jaar, 3)
    url = reverse("budgetten:stemronde_beheer", kwargs={"stemronde_pk": ronde.pk})
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()]))
    assert client.get(url).status_code == 403
    client.logout()
    signed_in(ambtenaar)
    pagina = client.get(url).content.decode()
    assert re.search(rf'data-testid="beheer-steun-{k.pk}">2 \(minder dan 3\)', pagina)
    assert "ten minste 3" in pagina


def test_the_aanvraag_page_of_a_candidate_shows_the_same_count(client, signed_in, kern, ambtenaar):
    idee = InitiatiefFactory(kern=kern, status=InitiatiefStatus.TOEGEZEGD)
    s = initiatieven_services.steun_geven(initiatief_id=idee.pk, email="a@voorbeeld.nl")
    initiatieven_services.steun_bevestigen(steun_id=s.pk)
    ronde = open_ronde(kern, ambtenaar, initiatief=idee)
    gekoppeld, los = ronde.kandidaten.order_by("pk")
    bevestigd(gekoppeld, "b@voorbeeld.nl")
    bevestigd(los, "c@voorbeeld.nl")
    signed_in(ambtenaar)
    pagina = client.get(gekoppeld.aanvraag.get_absolute_url()).content.decode()
    assert re.search(r'data-testid="aanvraag-steun">.*2 inwoners steunen', pagina)
    pagina = client.get(los.aanvraag.get_absolute_url()).content.decode()
    assert re.search(r'data-testid="aanvraag-steun">.*1 inwoner steunt', pagina)
    # An aanvraag nobody could support shows no count.
    gewoon = AanvraagFactory(kern=kern)
    assert (
        'data-testid="aanvraag-steun"' not in client.get(gewoon.get_absolute_url()).content.decode()
    )
