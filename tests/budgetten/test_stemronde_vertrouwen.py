"""A vote that can be trusted: an address in the kern, one ballot per address (or per person),
paper ballots, the round closes itself, one reminder, no direct grant while residents divide."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import localdate

from budgetten import regels as r
from budgetten import services
from budgetten.constants import (
    AanvraagStatus,
    RegelingCode,
    StemPer,
    StemrondeFase,
)
from budgetten.models import Stembiljet, Stemronde
from budgetten.regels import CRITERIA
from budgetten.tasks import stem_herinneringen, stemrondes_sluiten
from core.fouten import Weigering
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


@pytest.fixture(autouse=True)
def regelingen():
    seed_regelingen(localdate().year)


@pytest.fixture
def kern():
    return KernFactory(naam="Ingen", postcodes=["4031"])


@pytest.fixture
def ambtenaar(kern):
    return MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])


def open_ronde(kern, door, *, n=2, **kw):
    """A round open from today for two weeks (the factory skips the date rules, so this works
    on 31 December too), with n admitted candidates."""
    ronde = StemrondeFactory(kern=kern, aangemaakt_door=door, **kw)
    for i in range(n):
        a = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=D("300"))
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk,
            aanvraag_id=a.pk,
            door=door,
            toelaten=True,
            titel=f"Initiatief {i}",
            omschrijving="Voor het dorp.",
        )
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=door)
    return ronde


def kandidaat_ids(ronde, n=1):
    return list(ronde.kandidaten.order_by("pk").values_list("pk", flat=True)[:n])


def stem(ronde, email, **adres):
    adres = adres or adres_in(ronde.kern)
    return services.stem_uitbrengen(
        stemronde_id=ronde.pk, email=email, kandidaat_ids=kandidaat_ids(ronde), **adres
    )


# --- Pure rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("invoer", "uit"),
    [
        ("4116 aa", "4116AA"),
        (" 4116AA ", "4116AA"),
        ("4116\taB", "4116AB"),
        ("0116AA", ""),
        ("4116A", ""),
        ("41166AA", ""),
        ("AAAA11", ""),
        ("", ""),
    ],
)
def test_postcodes_are_normalised_or_rejected(invoer, uit):
    from kernen.selectors import postcode_normaliseren

    assert postcode_normaliseren(invoer) == uit


@pytest.mark.parametrize(("invoer", "uit"), [("-a", "A"), (" b ", "B"), ("2/3", "23"), ("", "")])
def test_house_number_additions_are_compared_without_spaces_dashes_or_case(invoer, uit):
    assert r.toevoeging_normaliseren(invoer) == uit


def test_address_rules_say_what_is_wrong_per_field():
    b = r.controleer_adres(
        postcode="", huisnummer=None, toevoeging="ABCDEFGH", in_kern=False, kern_naam="Ingen"
    )
    assert set(b) == {"postcode", "huisnummer", "toevoeging"}
    b = r.controleer_adres(
        postcode="4116AA", huisnummer=3, toevoeging="", in_kern=False, kern_naam="Ingen"
    )
    assert "hoort niet bij Ingen" in b["postcode"][0]
    assert not r.controleer_adres(
        postcode="4031AA", huisnummer=3, toevoeging="A", in_kern=True, kern_naam="Ingen"
    )


def test_the_public_state_is_one_state_derived_from_phase_and_date():
    van, tot = datetime.date(2026, 5, 1), datetime.date(2026, 5, 14)

    def stand(fase, vandaag):
        return r.stemronde_stand(fase=fase, stemmen_van=van, stemmen_tot=tot, vandaag=vandaag)

    assert stand(StemrondeFase.OPEN, datetime.date(2026, 4, 30)).binnenkort
    assert stand(StemrondeFase.OPEN, van).is_open
    assert stand(StemrondeFase.OPEN, tot).is_open
    # Past the last day but not yet closed by the task: shown as closed, not as open.
    na = stand(StemrondeFase.OPEN, tot + datetime.timedelta(days=1))
    assert na.is_gesloten and not na.is_open and str(na.label) == "Stemmen is gesloten"
    assert stand(StemrondeFase.GESLOTEN, tot).is_gesloten
    assert stand(StemrondeFase.VERDEELD, tot).code == "verdeeld"


def test_a_reminder_is_due_after_two_days():
    nu = timezone.now()
    assert not r.herinnering_nodig(aangemaakt_op=nu - datetime.timedelta(hours=47), nu=nu)
    assert r.herinnering_nodig(aangemaakt_op=nu - datetime.timedelta(days=2), nu=nu)


# --- Online ballots: address in the kern, one per address -----------------------------------------


def test_a_vote_from_outside_the_kern_is_refused_and_nothing_is_saved(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    with pytest.raises(Weigering, match="hoort niet bij Ingen") as exc:
        stem(ronde, "piet@example.org", postcode="4116 AA", huisnummer=3)
    assert set(exc.value.message_dict) == {"postcode"}
    with pytest.raises(Weigering):
        stem(ronde, "piet@example.org", postcode="niet", huisnummer=3)
    with pytest.raises(Weigering, match="huisnummer"):
        stem(ronde, "piet@example.org", postcode="4031 AA", huisnummer=0)
    assert not Stembiljet.objects.exists()
    assert not mail.outbox


def test_a_second_ballot_for_the_same_address_is_refused_and_replaces_nothing(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    eerste = stem(ronde, "a@example.org", postcode="4031 AB", huisnummer=12, toevoeging="a")
    with pytest.raises(Weigering, match="Voor dit adres is in deze stemronde al gestemd"):
        stem(ronde, "b@example.org", postcode="4031ab", huisnummer=12, toevoeging="-A")
    # Another house number, or another addition, is another address.
    stem(ronde, "c@example.org", postcode="4031AB", huisnummer=12, toevoeging="B")
    stem(ronde, "d@example.org", postcode="4031AB", huisnummer=14)
    assert Stembiljet.objects.filter(stemronde=ronde).count() == 3
    eerste.refresh_from_db()
    assert eerste.email == "a@example.org"


def test_a_round_per_person_lets_housemates_vote_but_each_email_once(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar, stem_per=StemPer.PERSOON)
    stem(ronde, "a@example.org", postcode="4031AB", huisnummer=12)
    stem(ronde, "b@example.org", postcode="4031AB", huisnummer=12)
    with pytest.raises(Weigering, match="Met dit e-mailadres"):
        stem(ronde, "A@example.org", postcode="4031AB", huisnummer=14)
    assert set(Stembiljet.objects.values_list("adres_sleutel", flat=True)) == {None}
    assert Stembiljet.objects.count() == 2


def test_a_round_cannot_open_without_postcodes_for_its_kern():
    kern = KernFactory(postcodes=[])
    door = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    with pytest.raises(Weigering, match="nog geen postcodes"):
        open_ronde(kern, door, n=1)


# --- Paper ballots -----------------------------------------------------------------------------


def test_a_paper_ballot_counts_at_once_and_records_who_entered_it(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    biljet = services.papieren_stem_invoeren(
        stemronde_id=ronde.pk,
        door=ambtenaar,
        kandidaat_ids=kandidaat_ids(ronde, 2),
        postcode="4031 cd",
        huisnummer=1,
    )
    assert biljet.ingevoerd_door == ambtenaar and biljet.email == ""
    assert biljet.bevestigd_op is not None and biljet.steunt.count() == 2
    assert not mail.outbox
    # The same rules as online: the address is now taken, online and on paper.
    with pytest.raises(Weigering, match="al gestemd"):
        stem(ronde, "online@example.org", postcode="4031CD", huisnummer=1)
    with pytest.raises(Weigering, match="al gestemd"):
        services.papieren_stem_invoeren(
            stemronde_id=ronde.pk,
            door=ambtenaar,
            kandidaat_ids=kandidaat_ids(ronde),
            postcode="4031CD",
            huisnummer=1,
        )
    with pytest.raises(Weigering, match="hoort niet bij"):
        services.papieren_stem_invoeren(
            stemronde_id=ronde.pk,
            door=ambtenaar,
            kandidaat_ids=kandidaat_ids(ronde),
            postcode="4116AA",
            huisnummer=1,
        )
    assert Stembiljet.objects.count() == 1


def test_paper_ballots_in_a_round_per_person_are_once_per_address(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar, stem_per=StemPer.PERSOON)
    invoer = {"postcode": "4031CD", "huisnummer": 1}
    services.papieren_stem_invoeren(
        stemronde_id=ronde.pk, door=ambtenaar, kandidaat_ids=kandidaat_ids(ronde), **invoer
    )
    with pytest.raises(Weigering, match="al gestemd"):
        services.papieren_stem_invoeren(
            stemronde_id=ronde.pk, door=ambtenaar, kandidaat_ids=kandidaat_ids(ronde), **invoer
        )


def test_no_paper_ballot_after_the_last_voting_day(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    with pytest.raises(Weigering, match="kan nu niet"):
        services.papieren_stem_invoeren(
            stemronde_id=ronde.pk,
            door=ambtenaar,
            kandidaat_ids=kandidaat_ids(ronde),
            vandaag=ronde.stemmen_tot + datetime.timedelta(days=1),
            **adres_in(kern),
        )


def test_paper_ballot_page_is_for_the_kernambtenaar_of_the_kern(client, signed_in, kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    url = reverse("budgetten:stemronde_papier", kwargs={"stemronde_pk": ronde.pk})
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()]))
    assert client.get(url).status_code == 403
    client.logout()
    signed_in(ambtenaar)
    assert client.get(url).status_code == 200
    fout = client.post(url, {"postcode": "4116AA", "huisnummer": "2", "kandidaten": []})
    assert fout.status_code == 400
    assert "Kies ten minste één initiatief" in fout.content.decode()
    response = client.post(
        url, {"postcode": "4031 ef", "huisnummer": "2", "kandidaten": kandidaat_ids(ronde)}
    )
    assert response.status_code == 302
    assert Stembiljet.objects.get().ingevoerd_door == ambtenaar


# --- The round closes itself; one mail to the kernambtenaar ---------------------------------------


def test_the_round_closes_itself_after_the_last_day_and_mails_the_kernambtenaar_once(
    kern, ambtenaar, django_capture_on_commit_callbacks
):
    ronde = open_ronde(kern, ambtenaar)
    tweede = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    assert stemrondes_sluiten() == 0  # still open today
    with time_machine.travel(
        datetime.datetime.combine(
            ronde.stemmen_tot, datetime.time(23, 59), tzinfo=timezone.get_current_timezone()
        )
    ):
        assert stemrondes_sluiten() == 0  # the last day counts
    na = datetime.datetime.combine(
        ronde.stemmen_tot + datetime.timedelta(days=1),
        datetime.time(0, 5),
        tzinfo=timezone.get_current_timezone(),
    )
    with time_machine.travel(na), django_capture_on_commit_callbacks(execute=True):
        assert stemrondes_sluiten() == 1
        assert stemrondes_sluiten() == 0  # twice is harmless
    ronde.refresh_from_db()
    assert ronde.fase == StemrondeFase.GESLOTEN
    assert ronde.gesloten_door is None and ronde.sluiting_gemeld_op is not None
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == sorted([ambtenaar.email, tweede.email])
    assert "is gesloten" in mail.outbox[0].subject


def test_a_round_closed_by_hand_is_not_closed_or_mailed_again(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    later = ronde.stemmen_tot + datetime.timedelta(days=1)
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.GESLOTEN, door=ambtenaar, vandaag=later
    )
    assert services.stemrondes_automatisch_sluiten(vandaag=later) == 0
    ronde.refresh_from_db()
    assert ronde.gesloten_door == ambtenaar and ronde.sluiting_gemeld_op is None


def test_public_page_past_the_last_day_shows_closed_only_and_no_form(client, kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    morgen = datetime.datetime.combine(
        ronde.stemmen_tot + datetime.timedelta(days=1),
        datetime.time(9),
        tzinfo=timezone.get_current_timezone(),
    )
    with time_machine.travel(morgen):
        for url in (ronde.get_absolute_url(), reverse("budgetten:stemronde_lijst")):
            html = client.get(url).content.decode()
            assert "Stemmen is gesloten" in html
            assert "Stemmen is open" not in html
            assert 'name="kandidaten"' not in html


# --- One reminder to confirm ------------------------------------------------------------------


def test_one_reminder_after_two_days_to_voters_who_did_not_confirm(
    kern, ambtenaar, django_capture_on_commit_callbacks
):
    ronde = open_ronde(kern, ambtenaar)
    vergeten = stem(ronde, "vergeten@example.org", **adres_in(kern, 1))
    bevestigd = stem(ronde, "klaar@example.org", **adres_in(kern, 2))
    services.stem_bevestigen(stembiljet_id=bevestigd.pk)
    services.papieren_stem_invoeren(
        stemronde_id=ronde.pk,
        door=ambtenaar,
        kandidaat_ids=kandidaat_ids(ronde),
        **adres_in(kern, 3),
    )
    mail.outbox.clear()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        assert stem_herinneringen() == 0
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(days=2, hours=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert stem_herinneringen() == 1
        assert stem_herinneringen() == 0
    assert [m.to for m in mail.outbox] == [["vergeten@example.org"]]
    assert "/stemmen/bevestigen/" in mail.outbox[0].body
    vergeten.refresh_from_db()
    assert vergeten.herinnerd_op is not None


def test_no_reminder_once_voting_has_closed(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar)
    stem(ronde, "laat@example.org")
    na = timezone.now() + datetime.timedelta(days=20)
    assert services.stem_herinneringen_versturen(nu=na) == 0


# --- No direct leefbaarheid grant while the residents divide ------------------------------------


def test_no_direct_leefbaarheid_grant_while_the_round_runs(kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar, n=1)
    laat = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=D("200"))
    with pytest.raises(Weigering, match="verdelen nu het leefbaarheidsbudget"):
        services.aanvraag_besluiten(
            aanvraag_id=laat.pk, door=ambtenaar, toekennen=True, bedrag=D("200"), motivering=""
        )
    later = ronde.stemmen_tot + datetime.timedelta(days=1)
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.GESLOTEN, door=ambtenaar, vandaag=later
    )
    with pytest.raises(Weigering, match="verdelen nu"):  # closed, not yet divided
        services.aanvraag_besluiten(
            aanvraag_id=laat.pk, door=ambtenaar, toekennen=True, bedrag=D("200"), motivering=""
        )
    laat.refresh_from_db()
    assert laat.status == AanvraagStatus.INGEDIEND
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.VERDEELD, door=ambtenaar
    )
    services.aanvraag_besluiten(
        aanvraag_id=laat.pk, door=ambtenaar, toekennen=True, bedrag=D("200"), motivering=""
    )
    laat.refresh_from_db()
    assert laat.status == AanvraagStatus.TOEGEKEND


def test_refusing_or_other_kernen_stay_possible_while_the_round_runs(kern, ambtenaar):
    open_ronde(kern, ambtenaar, n=1)
    laat = AanvraagFactory(kern=kern, criteria=ALLES_JA)
    services.aanvraag_besluiten(
        aanvraag_id=laat.pk, door=ambtenaar, toekennen=False, motivering="Past niet.", bedrag=None
    )
    ander = KernFactory()
    andere_ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[ander])
    elders = AanvraagFactory(kern=ander, criteria=ALLES_JA, gevraagd_bedrag=D("100"))
    services.aanvraag_besluiten(
        aanvraag_id=elders.pk,
        door=andere_ambtenaar,
        toekennen=True,
        bedrag=D("100"),
        motivering="",
    )
    elders.refresh_from_db()
    assert elders.status == AanvraagStatus.TOEGEKEND


def test_the_decision_form_explains_why_a_grant_waits_for_the_round(
    client, signed_in, kern, ambtenaar
):
    open_ronde(kern, ambtenaar, n=1)
    laat = AanvraagFactory(kern=kern, criteria=ALLES_JA)
    signed_in(ambtenaar)
    html = client.get(
        reverse("budgetten:aanvraag_detail", kwargs={"aanvraag_pk": laat.pk})
    ).content.decode()
    assert "verdelen nu het leefbaarheidsbudget" in html


# --- Irreversible steps ask for confirmation -----------------------------------------------------


def test_closing_and_dividing_need_the_confirmation_box(client, signed_in, kern, ambtenaar):
    ronde = open_ronde(kern, ambtenaar, n=1)
    Stemronde.objects.filter(pk=ronde.pk).update(
        stemmen_van=localdate() - datetime.timedelta(days=10),
        stemmen_tot=localdate() - datetime.timedelta(days=1),
    )
    signed_in(ambtenaar)
    url = reverse("budgetten:stemronde_fase", kwargs={"stemronde_pk": ronde.pk})
    for naar in (StemrondeFase.GESLOTEN, StemrondeFase.VERDEELD):
        response = client.post(url, {"naar": naar})
        assert response.status_code == 400
        assert "niet ongedaan kan worden" in response.content.decode()
        ronde.refresh_from_db()
        assert ronde.fase != naar
        assert client.post(url, {"naar": naar, "zeker": "on"}).status_code == 302
        ronde.refresh_from_db()
        assert ronde.fase == naar


# --- Postcode ranges as data (kernen) -------------------------------------------------------------


def test_postcode_ranges_are_checked_and_may_not_overlap_between_kernen(kern):
    from django.core.exceptions import ValidationError

    from kernen.models import PostcodeGebied

    gebied = PostcodeGebied(kern=kern, van="4032", tot="4032")
    gebied.full_clean()
    assert (gebied.van, gebied.tot) == ("4032AA", "4032ZZ")
    gebied.save()
    with pytest.raises(ValidationError, match="overlapt met 4032AA-4032ZZ van Ingen"):
        PostcodeGebied(kern=KernFactory(), van="4032 KA", tot="4032KZ").full_clean()
    with pytest.raises(ValidationError, match="ligt vóór"):
        PostcodeGebied(kern=kern, van="4033ZZ", tot="4033AA").full_clean()
    with pytest.raises(ValidationError, match="Vul een postcode in"):
        PostcodeGebied(kern=kern, van="12", tot="4033AA").full_clean()


def test_functioneel_beheer_edits_postcode_ranges_in_the_admin_and_a_kernambtenaar_cannot(
    client, signed_in, kern, ambtenaar
):
    from accounts import seed as accounts_seed
    from kernen.models import PostcodeGebied

    accounts_seed.seed()
    url = reverse("admin:kernen_postcodegebied_add")
    beheer = MedewerkerFactory(rollen=["functioneel-beheer"], is_staff=True)
    signed_in(ambtenaar)
    assert client.get(url).status_code in (302, 403)
    client.logout()
    signed_in(beheer)
    assert client.get(url).status_code == 200
    response = client.post(url, {"kern": kern.pk, "van": "4039 aa", "tot": "4039"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PostcodeGebied.objects.filter(kern=kern, van="4039AA", tot="4039ZZ").exists()


def test_seed_gives_buren_its_postcode_area_and_keeps_corrections(db):
    from django.core.management import call_command

    from kernen.models import Kern, PostcodeGebied

    call_command("seed")
    buren = Kern.objects.get(naam="Buren")
    gebied = PostcodeGebied.objects.get(kern=buren)
    assert (gebied.van, gebied.tot, gebied.gecontroleerd) == ("4116AA", "4116ZZ", False)
    PostcodeGebied.objects.filter(pk=gebied.pk).update(tot="4116KZ")
    call_command("seed")
    assert list(PostcodeGebied.objects.filter(kern=buren).values_list("tot", flat=True)) == [
        "4116KZ"
    ]
