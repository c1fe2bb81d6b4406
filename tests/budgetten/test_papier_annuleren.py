"""Annulling a disputed paper ballot: a reason is required, who and when are recorded, the
ballot stops counting but is never deleted, only while voting is open, only paper ballots,
only by the kernambtenaar of the kern, and the page is a confirm step."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.timezone import localdate

from budgetten import selectors, services
from budgetten.constants import RegelingCode, StemrondeFase
from budgetten.models import Stembiljet
from budgetten.regels import CRITERIA
from core.fouten import Weigering
from tests.budgetten.factories import AanvraagFactory, StemrondeFactory, seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db
ALLES_JA = dict.fromkeys(CRITERIA[RegelingCode.LEEFBAARHEID], True)


@pytest.fixture(autouse=True)
def regelingen():
    seed_regelingen(localdate().year)


@pytest.fixture
def kern():
    return KernFactory(naam="Zoelen", postcodes=["4011"])


@pytest.fixture
def ambtenaar(kern):
    return MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])


@pytest.fixture
def ronde(kern, ambtenaar):
    ronde = StemrondeFactory(kern=kern, aangemaakt_door=ambtenaar)
    for i in range(2):
        a = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=Decimal("300"))
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk,
            aanvraag_id=a.pk,
            door=ambtenaar,
            toelaten=True,
            titel=f"Plan {i}",
            omschrijving="Voor het dorp.",
        )
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=ambtenaar)
    return ronde


def papier(ronde, door, huisnummer=1):
    return services.papieren_stem_invoeren(
        stemronde_id=ronde.pk,
        door=door,
        kandidaat_ids=list(ronde.kandidaten.values_list("pk", flat=True)),
        postcode="4011AB",
        huisnummer=huisnummer,
    )


def stemmen(ronde) -> list[int]:
    return [k.aantal_stemmen for k in selectors.kandidaten_met_stemmen(ronde)]


# --- Services ---------------------------------------------------------------------------------


def test_an_annulled_paper_ballot_stops_counting_and_keeps_who_when_and_why(ronde, ambtenaar):
    biljet = papier(ronde, ambtenaar)
    papier(ronde, ambtenaar, huisnummer=2)
    assert stemmen(ronde) == [2, 2]
    collega = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[ronde.kern])
    services.papieren_stem_annuleren(
        stembiljet_id=biljet.pk, door=collega, reden="  Verkeerd overgenomen.  "
    )
    biljet.refresh_from_db()
    assert biljet.geannuleerd_door == collega and biljet.geannuleerd_op is not None
    assert biljet.annuleer_reden == "Verkeerd overgenomen."
    assert biljet.ingevoerd_door == ambtenaar  # the entry stays as it was
    assert biljet.steunt.count() == 2  # never deleted: the audit keeps the choice
    assert stemmen(ronde) == [1, 1]
    assert selectors.stembiljetten_telling(ronde) == {
        "bevestigd": 1,
        "papier": 1,
        "onbevestigd": 0,
        "geannuleerd": 1,
    }


def test_the_annulled_address_may_vote_again(ronde, ambtenaar):
    biljet = papier(ronde, ambtenaar)
    with pytest.raises(Weigering, match="al gestemd"):
        papier(ronde, ambtenaar)
    services.papieren_stem_annuleren(stembiljet_id=biljet.pk, door=ambtenaar, reden="Betwist.")
    opnieuw = papier(ronde, ambtenaar)
    assert opnieuw.pk != biljet.pk
    assert Stembiljet.objects.filter(stemronde=ronde).count() == 2
    assert stemmen(ronde) == [1, 1]


@pytest.mark.parametrize("reden", ["", "   ", "\x00", "\t\n"])
def test_annulling_needs_a_reason(ronde, ambtenaar, reden):
    biljet = papier(ronde, ambtenaar)
    with pytest.raises(Weigering, match="Schrijf waarom") as exc:
        services.papieren_stem_annuleren(stembiljet_id=biljet.pk, door=ambtenaar, reden=reden)
    assert "reden" in exc.value.message_dict
    biljet.refresh_from_db()
    assert biljet.geannuleerd_op is None and stemmen(ronde) == [1, 1]


def test_annulling_twice_is_refused(ronde, ambtenaar):
    biljet = papier(ronde, ambtenaar)
    services.papieren_stem_annuleren(stembiljet_id=biljet.pk, door=ambtenaar, reden="Fout.")
    eerst = Stembiljet.objects.values_list("geannuleerd_op", "annuleer_reden").get(pk=biljet.pk)
    with pytest.raises(Weigering, match="al geannuleerd"):
        services.papieren_stem_annuleren(stembiljet_id=biljet.pk, door=ambtenaar, reden="Nog eens.")
    assert (
        Stembiljet.objects.values_list("geannuleerd_op", "annuleer_reden").get(pk=biljet.pk)
        == eerst
    )


def test_an_online_ballot_cannot_be_annulled(ronde, ambtenaar):
    online = services.stem_uitbrengen(
        stemronde_id=ronde.pk,
        email="online@voorbeeld.nl",
        kandidaat_ids=list(ronde.kandidaten.values_list("pk", flat=True)),
        postcode="4011AB",
        huisnummer=9,
    )
    with pytest.raises(Weigering, match="Alleen een papieren stem"):
        services.papieren_stem_annuleren(stembiljet_id=online.pk, door=ambtenaar, reden="Nee.")


def test_staff_of_another_kern_is_refused(ronde, ambtenaar):
    biljet = papier(ronde, ambtenaar)
    ander = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()])
    for wie in (ander, MedewerkerFactory(rollen=["beleidsmedewerker"])):
        with pytest.raises(Weigering, match="kernambtenaar van deze kern"):
            services.papieren_stem_annuleren(stembiljet_id=biljet.pk, door=wie, reden="Weg.")
    biljet.refresh_from_db()
    assert biljet.geannuleerd_op is None


def test_annulling_after_the_last_voting_day_or_closing_is_refused(ronde, ambtenaar):
    biljet = papier(ronde, ambtenaar)
    na = ronde.stemmen_tot + datetime.timedelta(days=1)
    with pytest.raises(Weigering, match="zolang het stemmen open is"):
        services.papieren_stem_annuleren(
            stembiljet_id=biljet.pk, door=ambtenaar, reden="Te laat.", vandaag=na
        )
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.GESLOTEN, door=ambtenaar, vandaag=na
    )
    with pytest.raises(Weigering, match="zolang het stemmen open is"):
        services.papieren_stem_annuleren(stembiljet_id=biljet.pk, door=ambtenaar, reden="Laat.")
    biljet.refresh_from_db()
    assert biljet.geannuleerd_op is None and stemmen(ronde) == [1, 1]


def test_the_division_does_not_count_an_annulled_ballot(ronde, ambtenaar):
    a, b = ronde.kandidaten.order_by("pk")
    weg = services.papieren_stem_invoeren(
        stemronde_id=ronde.pk, door=ambtenaar, kandidaat_ids=[a.pk], postcode="4011AB", huisnummer=1
    )
    services.papieren_stem_invoeren(
        stemronde_id=ronde.pk, door=ambtenaar, kandidaat_ids=[b.pk], postcode="4011AB", huisnummer=2
    )
    services.papieren_stem_annuleren(stembiljet_id=weg.pk, door=ambtenaar, reden="Betwist.")
    na = ronde.stemmen_tot + datetime.timedelta(days=1)
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.GESLOTEN, door=ambtenaar, vandaag=na
    )
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.VERDEELD, door=ambtenaar
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.stemmen, b.stemmen) == (0, 1)
    assert a.toegekend_bedrag == 0 and b.toegekend_bedrag == Decimal("300")
    # Nor does open data count it.
    from opendata import selectors as opendata_selectors

    assert opendata_selectors.stemrondes().get(pk=ronde.pk).aantal_stembiljetten == 1


def test_the_database_wants_a_reason_and_who_for_an_annulled_ballot(ronde, ambtenaar):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    biljet = papier(ronde, ambtenaar)
    with pytest.raises(IntegrityError), transaction.atomic():
        Stembiljet.objects.filter(pk=biljet.pk).update(
            geannuleerd_op=timezone.now(), geannuleerd_door=ambtenaar, annuleer_reden=""
        )


# --- Pages ------------------------------------------------------------------------------------


def _url(ronde, biljet):
    return reverse(
        "budgetten:stemronde_papier_annuleren",
        kwargs={"stemronde_pk": ronde.pk, "pk": biljet.pk},
    )


def test_the_confirm_page_annuls_only_with_reason_and_tick(client, signed_in, ronde, ambtenaar):
    biljet = papier(ronde, ambtenaar)
    signed_in(ambtenaar)
    lijst = client.get(reverse("budgetten:stemronde_papier", kwargs={"stemronde_pk": ronde.pk}))
    assert _url(ronde, biljet) in lijst.content.decode()
    pagina = client.get(_url(ronde, biljet))
    assert pagina.status_code == 200
    assert "niet ongedaan" in pagina.content.decode()
    for data in ({}, {"reden": "Betwist."}, {"zeker": "on"}, {"reden": "  ", "zeker": "on"}):
        fout = client.post(_url(ronde, biljet), data)
        assert fout.status_code == 400, data
    tekst = client.post(_url(ronde, biljet), {"reden": "Betwist."}).content.decode()
    assert "Vink aan dat u weet dat annuleren niet ongedaan kan worden." in tekst
    biljet.refresh_from_db()
    assert biljet.geannuleerd_op is None
    response = client.post(_url(ronde, biljet), {"reden": "Betwist.", "zeker": "on"})
    assert response.status_code == 302
    biljet.refresh_from_db()
    assert biljet.geannuleerd_door == ambtenaar and biljet.annuleer_reden == "Betwist."
    lijst = client.get(reverse("budgetten:stemronde_papier", kwargs={"stemronde_pk": ronde.pk}))
    assert "geannuleerd op" in lijst.content.decode() and "Betwist." in lijst.content.decode()
    # A second POST is refused next to the field, and changes nothing.
    tweede = client.post(_url(ronde, biljet), {"reden": "Nog eens.", "zeker": "on"})
    assert tweede.status_code == 400
    biljet.refresh_from_db()
    assert biljet.annuleer_reden == "Betwist."


def test_the_confirm_page_is_refused_to_everyone_but_the_kernambtenaar_of_the_kern(
    client, signed_in, ronde, ambtenaar
):
    biljet = papier(ronde, ambtenaar)
    url = _url(ronde, biljet)
    assert client.get(url).status_code in (302, 403)  # anonymous: to the sign-in
    assert client.get(url)["Location"].startswith(reverse("accounts:login"))
    for wie in (
        MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()]),
        MedewerkerFactory(rollen=["beleidsmedewerker"]),
        MedewerkerFactory(rollen=["college"]),
    ):
        signed_in(wie)
        assert client.get(url).status_code == 403
        assert client.post(url, {"reden": "Weg.", "zeker": "on"}).status_code == 403
        client.logout()
    biljet.refresh_from_db()
    assert biljet.geannuleerd_op is None


def test_a_ballot_of_another_round_is_404(client, signed_in, ronde, ambtenaar, kern):
    biljet = papier(ronde, ambtenaar)
    andere = StemrondeFactory(kern=kern, aangemaakt_door=ambtenaar, jaar=ronde.jaar + 1)
    signed_in(ambtenaar)
    url = reverse(
        "budgetten:stemronde_papier_annuleren",
        kwargs={"stemronde_pk": andere.pk, "pk": biljet.pk},
    )
    assert client.get(url).status_code == 404


def test_after_closing_the_page_shows_no_form(client, signed_in, ronde, ambtenaar):
    biljet = papier(ronde, ambtenaar)
    type(ronde).objects.filter(pk=ronde.pk).update(fase=StemrondeFase.GESLOTEN)
    signed_in(ambtenaar)
    pagina = client.get(_url(ronde, biljet)).content.decode()
    assert "Annuleren kan alleen zolang het stemmen open is" in pagina
    assert 'name="reden"' not in pagina
    assert client.post(_url(ronde, biljet), {"reden": "Weg.", "zeker": "on"}).status_code == 400
    biljet.refresh_from_db()
    assert biljet.geannuleerd_op is None
