"""Pages of the voting round: residents vote without an account, public pages show no personal
data, the kernambtenaar of the kern (and only they) runs the round."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.timezone import localdate

from budgetten import services
from budgetten.constants import RegelingCode, StemrondeFase
from budgetten.models import Stembiljet, Stemronde
from budgetten.regels import CRITERIA
from tests.budgetten.factories import (
    AanvraagFactory,
    StemrondeFactory,
    adres_in,
    seed_regelingen,
)
from tests.factories import KernFactory, MedewerkerFactory

D = Decimal
pytestmark = pytest.mark.django_db
ALLES_JA = dict.fromkeys(CRITERIA[RegelingCode.LEEFBAARHEID], True)
PERSOONSGEGEVENS = ("Jantje Geheimzinnig", "jantje@geheim.example", "0612345678", "Geheimstraat 7")


@pytest.fixture(autouse=True)
def regelingen():
    seed_regelingen(localdate().year)


def _ronde(kern, door, n=2, fase=StemrondeFase.OPEN):
    ronde = StemrondeFactory(kern=kern, aangemaakt_door=door)
    for i in range(n):
        a = AanvraagFactory(
            kern=kern,
            criteria=ALLES_JA,
            gevraagd_bedrag=D("300"),
            naam=PERSOONSGEGEVENS[0],
            email=PERSOONSGEGEVENS[1],
            telefoon=PERSOONSGEGEVENS[2],
            straat=PERSOONSGEGEVENS[3],
            draagvlak=f"{PERSOONSGEGEVENS[0]} en de buren",
        )
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk,
            aanvraag_id=a.pk,
            door=door,
            toelaten=True,
            titel=f"Jeu-de-boulesbaan {i}",
            omschrijving="Een baan bij het dorpshuis.",
        )
    if fase != StemrondeFase.VOORBEREIDING:
        services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=door)
    return ronde


@pytest.fixture
def kern():
    return KernFactory(naam="Ingen", postcodes=["4031"])


@pytest.fixture
def ambtenaar(kern):
    return MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])


def _geen_persoonsgegevens(html: str) -> None:
    for gegeven in PERSOONSGEGEVENS:
        assert gegeven not in html


def test_resident_votes_without_account_and_confirms_through_the_mailed_link(
    client, kern, ambtenaar, django_capture_on_commit_callbacks
):
    ronde = _ronde(kern, ambtenaar)
    kandidaten = list(ronde.kandidaten.order_by("pk"))
    url = reverse("budgetten:stemronde_publiek", kwargs={"stemronde_pk": ronde.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "kandidaten": [kandidaten[0].pk, kandidaten[1].pk],
                "email": "piet@example.org",
                "postcode": "4031ab",
                "huisnummer": "12",
                "toevoeging": "-a",
            },
        )
    assert response.status_code == 302
    biljet = Stembiljet.objects.get()
    assert biljet.bevestigd_op is None
    assert (biljet.postcode, biljet.huisnummer, biljet.toevoeging) == ("4031AB", 12, "A")
    assert biljet.adres_sleutel == "4031AB 12 A"
    link = re.search(r"http://\S+/stemmen/bevestigen/\S+/", mail.outbox[-1].body)[0]
    pad = "/" + link.split("://", 1)[1].split("/", 1)[1]
    assert client.get(pad).status_code == 200
    assert Stembiljet.objects.get().bevestigd_op is None  # a GET (mail scanner) confirms nothing
    response = client.post(pad)
    assert "uw stem telt" in response.content.decode()
    assert Stembiljet.objects.get().steunt.count() == 2


def test_vote_form_requires_an_address_and_one_choice(client, kern, ambtenaar):
    ronde = _ronde(kern, ambtenaar)
    response = client.post(
        reverse("budgetten:stemronde_publiek", kwargs={"stemronde_pk": ronde.pk}),
        {"email": "piet@example.org", "postcode": "12", "huisnummer": "twaalf"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kies ten minste één initiatief" in html
    assert "Vul een postcode in zoals 4116 AB" in html
    assert "Vul alleen het getal van het huisnummer in" in html
    assert 'value="twaalf"' in html  # the input is kept
    assert not Stembiljet.objects.exists()


def test_vote_from_a_postcode_outside_the_kern_is_refused_and_keeps_the_input(
    client, kern, ambtenaar
):
    ronde = _ronde(kern, ambtenaar)
    response = client.post(
        reverse("budgetten:stemronde_publiek", kwargs={"stemronde_pk": ronde.pk}),
        {
            "kandidaten": [ronde.kandidaten.first().pk],
            "email": "piet@example.org",
            "postcode": "4116 aa",
            "huisnummer": "3",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Deze postcode hoort niet bij Ingen" in html
    assert 'value="piet@example.org"' in html
    assert not Stembiljet.objects.exists()
    assert not mail.outbox


def test_second_vote_for_the_same_address_is_refused_with_a_clear_message(client, kern, ambtenaar):
    ronde = _ronde(kern, ambtenaar)
    eerste, tweede = ronde.kandidaten.order_by("pk")
    services.stem_uitbrengen(
        stemronde_id=ronde.pk, email="a@example.org", kandidaat_ids=[eerste.pk], **adres_in(kern, 5)
    )
    response = client.post(
        ronde.get_absolute_url(),
        {
            "kandidaten": [tweede.pk],
            "email": "b@example.org",
            "postcode": adres_in(kern)["postcode"].replace(" ", "").lower(),
            "huisnummer": "5",
        },
    )
    assert response.status_code == 400
    assert "Voor dit adres is in deze stemronde al gestemd" in response.content.decode()
    biljet = Stembiljet.objects.get()
    assert (biljet.email, biljet.voorlopige_keuze) == ("a@example.org", [eerste.pk])


def test_round_in_preparation_is_not_public(client, kern, ambtenaar):
    ronde = _ronde(kern, ambtenaar, fase=StemrondeFase.VOORBEREIDING)
    url = reverse("budgetten:stemronde_publiek", kwargs={"stemronde_pk": ronde.pk})
    assert client.get(url).status_code == 404


def test_public_round_and_result_pages_show_no_personal_data(client, kern, ambtenaar):
    ronde = _ronde(kern, ambtenaar)
    response = client.get(ronde.get_absolute_url())
    html = response.content.decode()
    assert "Jeu-de-boulesbaan 0" in html
    _geen_persoonsgegevens(html)
    stem = services.stem_uitbrengen(
        stemronde_id=ronde.pk,
        email="v@example.org",
        kandidaat_ids=[ronde.kandidaten.first().pk],
        **adres_in(kern),
    )
    services.stem_bevestigen(stembiljet_id=stem.pk)
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk,
        naar=StemrondeFase.GESLOTEN,
        door=ambtenaar,
        vandaag=ronde.stemmen_tot + datetime.timedelta(days=1),
    )
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.VERDEELD, door=ambtenaar
    )
    for url in (
        reverse("budgetten:stemronde_uitslag", kwargs={"stemronde_pk": ronde.pk}),
        reverse("budgetten:stemronde_lijst"),
        ronde.get_absolute_url(),
    ):
        html = client.get(url).content.decode()
        _geen_persoonsgegevens(html)
        assert "v@example.org" not in html
    uitslag = client.get(
        reverse("budgetten:stemronde_uitslag", kwargs={"stemronde_pk": ronde.pk})
    ).content.decode()
    assert "€\xa0300,00" in uitslag and "Krijgt het gevraagde bedrag" in uitslag


@pytest.mark.parametrize("n", [2, 8])
def test_public_round_page_has_a_fixed_number_of_queries(
    client, kern, ambtenaar, django_assert_num_queries, n
):
    ronde = _ronde(kern, ambtenaar, n=n)
    # The round, its candidates, and their supporters (own and linked initiatives', one union).
    with django_assert_num_queries(3):
        response = client.get(ronde.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('name="kandidaten"') == n


@pytest.mark.parametrize("n", [2, 8])
def test_public_round_list_has_a_fixed_number_of_queries(
    client, ambtenaar, django_assert_num_queries, n
):
    for _ in range(n):
        _ronde(KernFactory(), ambtenaar, n=1)
    with django_assert_num_queries(1):
        assert client.get(reverse("budgetten:stemronde_lijst")).status_code == 200


def test_kernambtenaar_creates_assesses_and_opens_a_round(client, signed_in, kern, ambtenaar):
    a = AanvraagFactory(kern=kern, criteria=ALLES_JA)
    signed_in(ambtenaar)
    start = client.get(reverse("core:staff_start")).content.decode()
    assert reverse("budgetten:stemronde_beheer_lijst") in start
    response = client.post(
        reverse("budgetten:stemronde_nieuw", kwargs={"kern": kern.slug}),
        {
            "jaar": localdate().year,
            "stemmen_van": localdate().isoformat(),
            "stemmen_tot": localdate().isoformat(),
        },
    )
    ronde = Stemronde.objects.get(kern=kern)
    assert response["Location"] == reverse(
        "budgetten:stemronde_beheer", kwargs={"stemronde_pk": ronde.pk}
    )
    kandidaat_url = reverse(
        "budgetten:stemronde_kandidaat", kwargs={"stemronde_pk": ronde.pk, "aanvraag_pk": a.pk}
    )
    response = client.post(kandidaat_url, {"toelaten": "nee"})
    assert response.status_code == 400
    assert "Schrijf waarom" in response.content.decode()
    client.post(kandidaat_url, {"toelaten": "ja", "titel": "Bankje", "omschrijving": "Bij de kerk"})
    fase_url = reverse("budgetten:stemronde_fase", kwargs={"stemronde_pk": ronde.pk})
    client.post(fase_url, {"naar": StemrondeFase.OPEN})
    ronde.refresh_from_db()
    assert ronde.fase == StemrondeFase.OPEN
    response = client.post(fase_url, {"naar": StemrondeFase.GESLOTEN, "zeker": "on"})
    assert response.status_code == 400
    assert "tot en met" in response.content.decode()


def test_kernambtenaar_of_another_kern_cannot_run_the_round(client, signed_in, kern, ambtenaar):
    ronde = _ronde(kern, ambtenaar)
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()]))
    fase_url = reverse("budgetten:stemronde_fase", kwargs={"stemronde_pk": ronde.pk})
    assert client.post(fase_url, {"naar": StemrondeFase.GESLOTEN}).status_code == 403
    assert (
        client.get(reverse("budgetten:stemronde_nieuw", kwargs={"kern": kern.slug})).status_code
        == 403
    )
    ronde.refresh_from_db()
    assert ronde.fase == StemrondeFase.OPEN


def test_dashboard_panel_shows_the_round_of_the_kern(client, signed_in, kern, ambtenaar):
    signed_in(ambtenaar)
    url = reverse("kernen:dashboard", kwargs={"kern": kern.slug})
    html = client.get(url).content.decode()
    assert "Start de stemronde van Ingen" in html
    _ronde(kern, ambtenaar)
    html = client.get(url).content.decode()
    assert "Stemmen is open" in html
    assert "Stemronde van Ingen beheren" in html
