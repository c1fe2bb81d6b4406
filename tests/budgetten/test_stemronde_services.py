"""Services of the residents' voting round: phases, ballots, and dividing the money through
the grant path that locks the kern's ledger row."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils.timezone import localdate

from budgetten import selectors, services
from budgetten.constants import (
    AanvraagStatus,
    KandidaatStatus,
    KandidaatUitkomst,
    RegelingCode,
    StemrondeFase,
)
from budgetten.models import Aanvraag, Budgetpost, Stembiljet, Stemronde
from budgetten.regels import CRITERIA
from core.fouten import Weigering
from core.links import LinkOngeldig, haal_object, maak_token
from core.models import Mailbericht
from tests.budgetten.factories import AanvraagFactory, adres_in, seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory

D = Decimal
pytestmark = pytest.mark.django_db
ALLES_JA = dict.fromkeys(CRITERIA[RegelingCode.LEEFBAARHEID], True)


@pytest.fixture(autouse=True)
def regelingen():
    seed_regelingen(localdate().year)


@pytest.fixture
def kern():
    return KernFactory(naam="Ingen")


@pytest.fixture
def ambtenaar(kern):
    return MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])


def vandaag():
    return localdate()


def leef_aanvraag(kern, bedrag, **kw):
    return AanvraagFactory(kern=kern, gevraagd_bedrag=D(bedrag), criteria=ALLES_JA, **kw)


def nieuwe_ronde(kern, door, **kw):
    return services.stemronde_aanmaken(
        kern=kern,
        jaar=kw.pop("jaar", vandaag().year),
        stemmen_van=kw.pop("van", vandaag()),
        stemmen_tot=kw.pop("tot", vandaag()),
        door=door,
        **kw,
    )


def toelaten(ronde, aanvraag, door):
    return services.kandidaat_beoordelen(
        stemronde_id=ronde.pk,
        aanvraag_id=aanvraag.pk,
        door=door,
        toelaten=True,
        titel=aanvraag.titel,
        omschrijving="Voor het hele dorp.",
    )


def open_ronde(kern, door, bedragen):
    """A round with one admitted aanvraag per amount, open for voting today."""
    ronde = nieuwe_ronde(kern, door)
    kandidaten = []
    for i, bedrag in enumerate(bedragen):
        a = leef_aanvraag(
            kern,
            bedrag,
            ingediend_op=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
            + datetime.timedelta(hours=i),
        )
        kandidaten.append(toelaten(ronde, a, door))
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=door)
    return ronde, kandidaten


_HUISNUMMERS = itertools.count(1)


def stem(ronde, email, kandidaten, bevestigen=True, huisnummer=None):
    """A vote from its own address in the kern (a new house number each time)."""
    biljet = services.stem_uitbrengen(
        stemronde_id=ronde.pk,
        email=email,
        kandidaat_ids=[k.pk for k in kandidaten],
        **adres_in(ronde.kern, huisnummer or next(_HUISNUMMERS)),
    )
    if bevestigen:
        services.stem_bevestigen(stembiljet_id=biljet.pk)
    return biljet


def sluiten_en_verdelen(ronde, door):
    morgen = vandaag() + datetime.timedelta(days=1)
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.GESLOTEN, door=door, vandaag=morgen
    )
    return services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk, naar=StemrondeFase.VERDEELD, door=door
    )


def post_van(kern):
    return Budgetpost.objects.get(regeling__code=RegelingCode.LEEFBAARHEID, kern=kern)


# --- Creating and preparing ---------------------------------------------------------------------


def test_one_round_per_kern_per_year(kern, ambtenaar):
    nieuwe_ronde(kern, ambtenaar)
    with pytest.raises(Weigering, match="al een stemronde"):
        nieuwe_ronde(kern, ambtenaar)
    with pytest.raises(IntegrityError), transaction.atomic():
        Stemronde.objects.create(
            kern=kern,
            jaar=vandaag().year,
            stemmen_van=vandaag(),
            stemmen_tot=vandaag(),
            aangemaakt_door=ambtenaar,
        )


def test_refusing_a_candidate_needs_a_reason(kern, ambtenaar):
    ronde = nieuwe_ronde(kern, ambtenaar)
    a = leef_aanvraag(kern, "300")
    with pytest.raises(Weigering, match="waarom"):
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk, aanvraag_id=a.pk, door=ambtenaar, toelaten=False, reden=" "
        )
    k = services.kandidaat_beoordelen(
        stemronde_id=ronde.pk,
        aanvraag_id=a.pk,
        door=ambtenaar,
        toelaten=False,
        reden="Alleen voor de leden van een vereniging.",
    )
    assert k.status == KandidaatStatus.NIET_TOEGELATEN


def test_an_aanvraag_that_fails_the_rules_cannot_be_admitted(kern, ambtenaar):
    ronde = nieuwe_ronde(kern, ambtenaar)
    zonder_voorwaarden = AanvraagFactory(kern=kern, criteria={})
    with pytest.raises(Weigering, match="voorwaarden"):
        toelaten(ronde, zonder_voorwaarden, ambtenaar)


def test_aanvraag_of_another_kern_cannot_join(kern, ambtenaar):
    ronde = nieuwe_ronde(kern, ambtenaar)
    with pytest.raises(Weigering, match="hoort niet"):
        toelaten(ronde, leef_aanvraag(KernFactory(), "300"), ambtenaar)


def test_opening_needs_every_aanvraag_assessed_and_one_candidate(kern, ambtenaar):
    ronde = nieuwe_ronde(kern, ambtenaar)
    a = leef_aanvraag(kern, "300")
    with pytest.raises(Weigering, match="Beoordeel eerst"):
        services.stemronde_fase_wijzigen(
            stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=ambtenaar
        )
    services.kandidaat_beoordelen(
        stemronde_id=ronde.pk, aanvraag_id=a.pk, door=ambtenaar, toelaten=False, reden="Te laat."
    )
    with pytest.raises(Weigering, match="ten minste één"):
        services.stemronde_fase_wijzigen(
            stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=ambtenaar
        )


def test_opening_mails_every_applicant_including_the_reason_for_refusal(kern, ambtenaar):
    ronde = nieuwe_ronde(kern, ambtenaar)
    mee = leef_aanvraag(kern, "300", email="mee@example.org")
    niet = leef_aanvraag(kern, "300", email="niet@example.org")
    toelaten(ronde, mee, ambtenaar)
    services.kandidaat_beoordelen(
        stemronde_id=ronde.pk,
        aanvraag_id=niet.pk,
        door=ambtenaar,
        toelaten=False,
        reden="Het is een besloten feest.",
    )
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=ambtenaar)
    assert "doet mee" in Mailbericht.objects.get(aan="mee@example.org").tekst
    assert "besloten feest" in Mailbericht.objects.get(aan="niet@example.org").tekst


def test_candidates_are_fixed_once_voting_is_open(kern, ambtenaar):
    ronde, (k,) = open_ronde(kern, ambtenaar, ["300"])
    with pytest.raises(Weigering, match="voorbereiding"):
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk,
            aanvraag_id=k.aanvraag_id,
            door=ambtenaar,
            toelaten=False,
            reden="x",
        )


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (StemrondeFase.VOORBEREIDING, StemrondeFase.GESLOTEN),
        (StemrondeFase.VOORBEREIDING, StemrondeFase.VERDEELD),
        (StemrondeFase.OPEN, StemrondeFase.VERDEELD),
        (StemrondeFase.GESLOTEN, StemrondeFase.OPEN),
        (StemrondeFase.VERDEELD, StemrondeFase.OPEN),
    ],
)
def test_illegal_phase_moves_are_refused(kern, ambtenaar, van, naar):
    ronde = nieuwe_ronde(kern, ambtenaar)
    Stemronde.objects.filter(pk=ronde.pk).update(fase=van)
    with pytest.raises(Weigering):
        services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=naar, door=ambtenaar)
    assert Stemronde.objects.get(pk=ronde.pk).fase == van


def test_closing_before_the_last_voting_day_has_passed_is_refused(kern, ambtenaar):
    ronde, _ = open_ronde(kern, ambtenaar, ["300"])
    with pytest.raises(Weigering, match="tot en met"):
        services.stemronde_fase_wijzigen(
            stemronde_id=ronde.pk, naar=StemrondeFase.GESLOTEN, door=ambtenaar, vandaag=vandaag()
        )


# --- Ballots ----------------------------------------------------------------------------------


def test_one_ballot_per_email_address_also_with_other_capitals(kern, ambtenaar):
    ronde, (a, b) = open_ronde(kern, ambtenaar, ["300", "300"])
    stem(ronde, "anna@example.org", [a])
    with pytest.raises(Weigering, match="Met dit e-mailadres is in deze stemronde al gestemd"):
        stem(ronde, " Anna@Example.ORG", [b])
    assert Stembiljet.objects.filter(stemronde=ronde).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Stembiljet.objects.create(stemronde=ronde, email="ANNA@example.org")


def test_a_second_ballot_replaces_nothing_and_old_links_keep_working(kern, ambtenaar):
    ronde, (a, b) = open_ronde(kern, ambtenaar, ["300", "300"])
    eerste = stem(ronde, "anna@example.org", [a], bevestigen=False)
    token = maak_token(soort=services.STEM_BEVESTIGEN.naam, pk=eerste.pk, versie=1)
    with pytest.raises(Weigering):
        stem(ronde, "anna@example.org", [b], bevestigen=False)
    eerste.refresh_from_db()
    assert (eerste.voorlopige_keuze, eerste.link_versie) == ([a.pk], 1)
    # The first mail's link still confirms the first choice.
    haal_object(token, soort=services.STEM_BEVESTIGEN.naam, queryset=Stembiljet.objects.all())
    services.stem_bevestigen(stembiljet_id=eerste.pk)
    assert list(Stembiljet.objects.get(pk=eerste.pk).steunt.all()) == [a]
    with pytest.raises(LinkOngeldig):
        haal_object(
            # n+1 is the version a new links mail carries (core.links); n+2 was never sent.
            maak_token(soort=services.STEM_BEVESTIGEN.naam, pk=eerste.pk, versie=3),
            soort=services.STEM_BEVESTIGEN.naam,
            queryset=Stembiljet.objects.all(),
        )


def test_unconfirmed_ballots_do_not_count(kern, ambtenaar):
    ronde, (a, b) = open_ronde(kern, ambtenaar, ["1500", "1500"])
    stem(ronde, "een@example.org", [a])
    for i in range(3):
        stem(ronde, f"niet-bevestigd{i}@example.org", [b], bevestigen=False)
    sluiten_en_verdelen(ronde, ambtenaar)
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.stemmen, a.toegekend_bedrag) == (1, D("1500"))
    assert (b.stemmen, b.uitkomst) == (0, KandidaatUitkomst.GEEN_STEUN)


def test_confirming_after_voting_closed_does_not_count(kern, ambtenaar):
    ronde, (a,) = open_ronde(kern, ambtenaar, ["300"])
    biljet = stem(ronde, "laat@example.org", [a], bevestigen=False)
    services.stemronde_fase_wijzigen(
        stemronde_id=ronde.pk,
        naar=StemrondeFase.GESLOTEN,
        door=ambtenaar,
        vandaag=vandaag() + datetime.timedelta(days=1),
    )
    with pytest.raises(Weigering, match="gesloten"):
        services.stem_bevestigen(stembiljet_id=biljet.pk)
    assert biljet.steunt.count() == 0


def test_voting_outside_the_period_or_for_an_unknown_initiative_is_refused(kern, ambtenaar):
    ronde, (a,) = open_ronde(kern, ambtenaar, ["300"])
    with pytest.raises(Weigering, match="kan nu niet"):
        services.stem_uitbrengen(
            stemronde_id=ronde.pk,
            email="x@example.org",
            kandidaat_ids=[a.pk],
            vandaag=vandaag() + datetime.timedelta(days=1),
            **adres_in(kern),
        )
    ander_ronde, (ander,) = open_ronde(KernFactory(), ambtenaar, ["300"])
    with pytest.raises(Weigering, match="uit de lijst"):
        services.stem_uitbrengen(
            stemronde_id=ronde.pk, email="x@example.org", kandidaat_ids=[ander.pk], **adres_in(kern)
        )
    with pytest.raises(Weigering, match="ten minste één"):
        services.stem_uitbrengen(
            stemronde_id=ronde.pk, email="x@example.org", kandidaat_ids=[], **adres_in(kern)
        )
    assert not Stembiljet.objects.filter(stemronde=ronde).exists()


def test_a_candidate_cannot_be_decided_one_by_one_while_the_round_runs(kern, ambtenaar):
    ronde, (a,) = open_ronde(kern, ambtenaar, ["300"])
    with pytest.raises(Weigering, match="stemronde"):
        services.aanvraag_besluiten(
            aanvraag_id=a.aanvraag_id,
            door=ambtenaar,
            toekennen=True,
            bedrag=D("300"),
            motivering="",
        )


# --- Dividing the money -----------------------------------------------------------------------


def test_dividing_grants_in_order_of_votes_until_the_money_is_spent(kern, ambtenaar):
    ronde, (a, b, c) = open_ronde(kern, ambtenaar, ["1200", "1000", "800"])
    for i in range(3):
        stem(ronde, f"a{i}@example.org", [a, c])
    stem(ronde, "b@example.org", [b, c])
    sluiten_en_verdelen(ronde, ambtenaar)
    # c: 4 votes, a: 3, b: 1 -> c 800, a 1200 (= 2000), b does not fit.
    uitkomst = {
        k.pk: (k.plaats, k.stemmen, k.toegekend_bedrag, k.uitkomst)
        for k in selectors.kandidaten_met_stemmen(ronde)
    }
    assert uitkomst[c.pk] == (1, 4, D("800"), KandidaatUitkomst.TOEGEKEND)
    assert uitkomst[a.pk] == (2, 3, D("1200"), KandidaatUitkomst.TOEGEKEND)
    assert uitkomst[b.pk] == (3, 1, D("0"), KandidaatUitkomst.PAST_NIET)
    statussen = dict(
        Aanvraag.objects.filter(pk__in=[a.aanvraag_id, b.aanvraag_id, c.aanvraag_id]).values_list(
            "pk", "status"
        )
    )
    assert statussen == {
        a.aanvraag_id: AanvraagStatus.TOEGEKEND,
        b.aanvraag_id: AanvraagStatus.AFGEWEZEN,
        c.aanvraag_id: AanvraagStatus.TOEGEKEND,
    }
    post = post_van(kern)
    assert post.vastgelegd == D("2000") and post.vrij == 0
    ronde.refresh_from_db()
    assert ronde.fase == StemrondeFase.VERDEELD
    assert ronde.beschikbaar_bij_verdeling == D("2000")


def test_applicants_get_the_outcome_by_email(kern, ambtenaar):
    ronde, (a, b) = open_ronde(kern, ambtenaar, ["1500", "1000"])
    stem(ronde, "x@example.org", [a])
    stem(ronde, "y@example.org", [a, b])
    sluiten_en_verdelen(ronde, ambtenaar)
    a_mail = Mailbericht.objects.filter(aan=a.aanvraag.email, onderwerp__startswith="Besluit").get()
    b_mail = Mailbericht.objects.filter(aan=b.aanvraag.email, onderwerp__startswith="Besluit").get()
    assert "plaats 1" in a_mail.tekst and "1.500,00" in a_mail.tekst
    assert "plaats 2" in b_mail.tekst and "niet genoeg" in b_mail.tekst


def test_dividing_twice_is_refused_and_books_nothing_more(kern, ambtenaar):
    ronde, (a,) = open_ronde(kern, ambtenaar, ["500"])
    stem(ronde, "x@example.org", [a])
    sluiten_en_verdelen(ronde, ambtenaar)
    with pytest.raises(Weigering, match="al verdeeld"):
        services.stemronde_fase_wijzigen(
            stemronde_id=ronde.pk, naar=StemrondeFase.VERDEELD, door=ambtenaar
        )
    assert post_van(kern).vastgelegd == D("500")
    assert Mailbericht.objects.filter(onderwerp__startswith="Besluit").count() == 1


def test_money_granted_earlier_that_year_from_the_kern_budget_is_respected(kern, ambtenaar):
    eerder = leef_aanvraag(kern, "1500")
    services.aanvraag_besluiten(
        aanvraag_id=eerder.pk, door=ambtenaar, toekennen=True, bedrag=D("1500"), motivering=""
    )
    ronde, (groot, klein) = open_ronde(kern, ambtenaar, ["800", "400"])
    stem(ronde, "x@example.org", [groot])
    stem(ronde, "y@example.org", [groot, klein])
    sluiten_en_verdelen(ronde, ambtenaar)
    groot.refresh_from_db()
    klein.refresh_from_db()
    assert groot.uitkomst == KandidaatUitkomst.PAST_NIET
    assert klein.toegekend_bedrag == D("400")
    assert post_van(kern).vastgelegd == D("1900")
    ronde.refresh_from_db()
    assert ronde.beschikbaar_bij_verdeling == D("500")


def test_other_kernen_budgets_are_not_touched(kern, ambtenaar):
    ander = KernFactory()
    ronde, (a,) = open_ronde(kern, ambtenaar, ["2000"])
    stem(ronde, "x@example.org", [a])
    sluiten_en_verdelen(ronde, ambtenaar)
    assert post_van(kern).vastgelegd == D("2000")
    assert not Budgetpost.objects.filter(kern=ander).exists()


def test_the_cap_holds_with_many_supported_initiatives(kern, ambtenaar):
    ronde, kandidaten = open_ronde(kern, ambtenaar, ["333.33"] * 10)
    for i, k in enumerate(kandidaten):
        for j in range(i + 1):
            stem(ronde, f"v{i}-{j}@example.org", [k])
    sluiten_en_verdelen(ronde, ambtenaar)
    post = post_van(kern)
    assert post.vastgelegd <= D("2000")
    assert post.vastgelegd == D("333.33") * 6
    assert Aanvraag.objects.filter(kern=kern, status=AanvraagStatus.TOEGEKEND).count() == 6


def test_a_withdrawn_candidate_is_skipped(kern, ambtenaar):
    ronde, (a, b) = open_ronde(kern, ambtenaar, ["2000", "2000"])
    stem(ronde, "x@example.org", [a, b])
    stem(ronde, "y@example.org", [a])
    services.aanvraag_intrekken(aanvraag_id=a.aanvraag_id, door=ambtenaar, reden="Gaat niet door.")
    sluiten_en_verdelen(ronde, ambtenaar)
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.uitkomst == KandidaatUitkomst.VERVALLEN
    assert b.toegekend_bedrag == D("2000")
