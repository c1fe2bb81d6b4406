import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils.timezone import localdate

from budgetten import selectors, services
from budgetten.constants import AanvraagStatus, DeclaratieStatus, KostenCategorie, RegelingCode
from budgetten.models import Aanvraag, Budgetpost, Vrijwilligersvergoeding
from budgetten.services import NieuweKostenpost
from core.fouten import Weigering
from tests.budgetten.factories import (
    AanvraagFactory,
    DeclaratieFactory,
    SignaleringsgroepFactory,
    regeling,
    seed_regelingen,
)
from tests.factories import KernFactory, MedewerkerFactory

D = Decimal
pytestmark = pytest.mark.django_db


@pytest.fixture
def regelingen():
    seed_regelingen(localdate().year)


@pytest.fixture
def ambtenaar():
    return MedewerkerFactory(rollen=["kernambtenaar"])


def straat_aanvraag(kern, **kw):
    data = {
        "regeling": regeling(RegelingCode.STRAATBIJEENKOMST),
        "kern": kern,
        "naam": "Anna de Boer",
        "email": "anna@example.org",
        "titel": "Straatfeest Dorpsstraat",
        "omschrijving": "Een middag met spelletjes.",
        "activiteit_datum": localdate() + datetime.timedelta(days=20),
        "criteria": {"open_voor_iedereen": True, "maakt_straat_beter": True, "contact_buren": True},
        "straat": "Dorpsstraat",
        "activiteit_soort": "straatfeest",
        "doelgroep": "iedereen",
        "kostenposten": [
            NieuweKostenpost(KostenCategorie.GELUID, "Geluidsset", D("60.00")),
            NieuweKostenpost(KostenCategorie.SPELMATERIAAL, "Spellen", D("40.01")),
            NieuweKostenpost(KostenCategorie.ETEN, "Hapjes", D("80.00")),
        ],
    }
    data.update(kw)
    return services.aanvraag_indienen(**data)


class TestIndienen:
    def test_street_event_is_capped_at_100_and_mails_a_confirmation_link(
        self, regelingen, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            aanvraag = straat_aanvraag(KernFactory())
        assert aanvraag.gevraagd_bedrag == D("100.00")
        assert aanvraag.status == AanvraagStatus.ONBEVESTIGD
        assert aanvraag.kostenposten.count() == 3
        assert len(mail.outbox) == 1
        assert "/budgetten/aanvraag/bevestigen/" in mail.outbox[0].body

    def test_confirming_makes_it_submitted_and_mails_the_personal_link_once(
        self, regelingen, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            aanvraag = straat_aanvraag(KernFactory())
            services.aanvraag_bevestigen(aanvraag_id=aanvraag.pk)
            services.aanvraag_bevestigen(aanvraag_id=aanvraag.pk)
        aanvraag.refresh_from_db()
        assert aanvraag.status == AanvraagStatus.INGEDIEND
        assert aanvraag.is_bevestigd
        assert len(mail.outbox) == 2
        assert "/budgetten/mijn-aanvraag/" in mail.outbox[1].body

    def test_second_application_same_street_and_activity_is_refused_and_nothing_saved(
        self, regelingen
    ):
        kern = KernFactory()
        eerste = straat_aanvraag(kern)
        services.aanvraag_bevestigen(aanvraag_id=eerste.pk)
        with pytest.raises(Weigering) as exc:
            straat_aanvraag(kern, doelgroep="ouderen")
        assert "straat" in exc.value.meldingen
        assert Aanvraag.objects.count() == 1

    def test_activity_in_the_past_is_refused(self, regelingen):
        with pytest.raises(Weigering) as exc:
            straat_aanvraag(
                KernFactory(), activiteit_datum=localdate() - datetime.timedelta(days=1)
            )
        assert "activiteit_datum" in exc.value.meldingen

    def test_leefbaarheid_over_the_free_amount_is_refused(self, regelingen):
        kern = KernFactory()
        with pytest.raises(Weigering) as exc:
            services.aanvraag_indienen(
                regeling=regeling(RegelingCode.LEEFBAARHEID),
                kern=kern,
                naam="B",
                email="b@example.org",
                titel="Bankjes",
                omschrijving="x",
                activiteit_datum=localdate() + datetime.timedelta(days=5),
                criteria=dict.fromkeys(
                    (
                        "effect_leefomgeving",
                        "brengt_samen",
                        "meerdere_inwoners",
                        "open_voor_iedereen",
                    ),
                    True,
                ),
                gevraagd_bedrag=D("2000.01"),
                draagvlak="buren",
            )
        assert "€ 2.000,00" in exc.value.meldingen["gevraagd_bedrag"][0]


class TestJaargrens:
    @time_machine.travel(datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC))
    def test_activity_on_31_december_counts_in_that_year_and_1_january_in_the_next(self):
        # 23:30 UTC on 31 Dec is already 1 January 2027 in Amsterdam: today is 1 January.
        seed_regelingen(2026, 2027)
        kern = KernFactory()
        with pytest.raises(Weigering):
            straat_aanvraag(kern, activiteit_datum=datetime.date(2026, 12, 31))
        a = straat_aanvraag(kern, activiteit_datum=datetime.date(2027, 1, 1))
        assert a.jaar == 2027

    @time_machine.travel(datetime.datetime(2026, 12, 30, 12, 0, tzinfo=datetime.UTC))
    def test_budgets_of_31_december_and_1_january_are_separate(self):
        seed_regelingen(2026)  # 2027 amounts not set yet: the 2026 amounts carry over
        kern = KernFactory()
        oud = AanvraagFactory(
            kern=kern, activiteit_datum=datetime.date(2026, 12, 31), gevraagd_bedrag=D("2000")
        )
        nieuw = AanvraagFactory(
            kern=kern, activiteit_datum=datetime.date(2027, 1, 1), gevraagd_bedrag=D("2000")
        )
        door = MedewerkerFactory(rollen=["beleidsmedewerker"])
        services.aanvraag_besluiten(
            aanvraag_id=oud.pk, door=door, toekennen=True, bedrag=D("2000"), motivering=""
        )
        services.aanvraag_besluiten(
            aanvraag_id=nieuw.pk, door=door, toekennen=True, bedrag=D("2000"), motivering=""
        )
        posten = {p.jaar: p for p in Budgetpost.objects.all()}
        assert posten[2026].vrij == 0
        assert posten[2027].vrij == 0


class TestBesluiten:
    def test_grant_books_the_ledger_records_who_and_mails_the_applicant(
        self, regelingen, ambtenaar, django_capture_on_commit_callbacks
    ):
        a = AanvraagFactory(gevraagd_bedrag=D("800"))
        with django_capture_on_commit_callbacks(execute=True):
            services.aanvraag_besluiten(
                aanvraag_id=a.pk,
                door=ambtenaar,
                toekennen=True,
                bedrag=D("500"),
                motivering="Deels: alleen materiaal.",
            )
        a.refresh_from_db()
        assert a.status == AanvraagStatus.TOEGEKEND
        assert a.toegekend_bedrag == D("500")
        assert a.besluit_door == ambtenaar and a.besluit_op is not None
        post = Budgetpost.objects.get()
        assert (post.budget, post.vastgelegd, post.vrij) == (D("2000"), D("500"), D("1500"))
        assert "€\u00a0500,00" in mail.outbox[-1].body
        assert a.history.first().history_user == ambtenaar

    def test_partial_grant_needs_a_motivation(self, regelingen, ambtenaar):
        a = AanvraagFactory(gevraagd_bedrag=D("800"))
        with pytest.raises(Weigering) as exc:
            services.aanvraag_besluiten(
                aanvraag_id=a.pk, door=ambtenaar, toekennen=True, bedrag=D("500"), motivering=""
            )
        assert "motivering" in exc.value.meldingen

    def test_deciding_twice_is_refused(self, regelingen, ambtenaar):
        a = AanvraagFactory()
        services.aanvraag_besluiten(
            aanvraag_id=a.pk, door=ambtenaar, toekennen=True, bedrag=D("500"), motivering=""
        )
        with pytest.raises(Weigering, match="al besloten"):
            services.aanvraag_besluiten(
                aanvraag_id=a.pk, door=ambtenaar, toekennen=False, bedrag=None, motivering="nee"
            )
        assert Budgetpost.objects.get().vastgelegd == D("500")

    def test_2000_per_kern_reached_exactly_then_one_cent_refused(self, regelingen, ambtenaar):
        kern = KernFactory()
        a1 = AanvraagFactory(kern=kern, gevraagd_bedrag=D("1200"))
        a2 = AanvraagFactory(kern=kern, gevraagd_bedrag=D("800"))
        a3 = AanvraagFactory(kern=kern, gevraagd_bedrag=D("0.01"))
        andere = AanvraagFactory(gevraagd_bedrag=D("2000"))
        for a in (a1, a2, andere):
            services.aanvraag_besluiten(
                aanvraag_id=a.pk,
                door=ambtenaar,
                toekennen=True,
                bedrag=a.gevraagd_bedrag,
                motivering="",
            )
        with pytest.raises(Weigering, match="€ 0,00 vrij"):
            services.aanvraag_besluiten(
                aanvraag_id=a3.pk, door=ambtenaar, toekennen=True, bedrag=D("0.01"), motivering=""
            )
        a3.refresh_from_db()
        assert a3.status == AanvraagStatus.INGEDIEND

    def test_bijzonder_goes_through_advice_to_the_college(self, regelingen, ambtenaar):
        college = MedewerkerFactory(rollen=["college"])
        a = AanvraagFactory(regeling=regeling(RegelingCode.BIJZONDER), gevraagd_bedrag=D("3000"))
        with pytest.raises(Weigering):
            services.aanvraag_besluiten(
                aanvraag_id=a.pk, door=college, toekennen=True, bedrag=D("3000"), motivering="Ja"
            )
        services.aanvraag_adviseren(
            aanvraag_id=a.pk, door=ambtenaar, advies="Positief", bedrag=D("2500")
        )
        assert list(selectors.college_wachtrij()) == [a]
        with pytest.raises(Weigering, match="motivering"):
            services.aanvraag_besluiten(
                aanvraag_id=a.pk, door=college, toekennen=True, bedrag=D("2500"), motivering=" "
            )
        services.aanvraag_besluiten(
            aanvraag_id=a.pk,
            door=college,
            toekennen=True,
            bedrag=D("2500"),
            motivering="Past goed.",
        )
        assert list(selectors.college_wachtrij()) == []

    def test_5000_pot_is_shared_by_the_whole_municipality(self, regelingen):
        college = MedewerkerFactory(rollen=["college"])
        bedragen = [D("2000"), D("2000"), D("1000"), D("0.01")]
        aanvragen = []
        for b in bedragen:
            a = AanvraagFactory(
                regeling=regeling(RegelingCode.BIJZONDER),
                gevraagd_bedrag=b,
                status=AanvraagStatus.BIJ_COLLEGE,
            )
            aanvragen.append(a)
        for a in aanvragen[:3]:
            services.aanvraag_besluiten(
                aanvraag_id=a.pk,
                door=college,
                toekennen=True,
                bedrag=a.gevraagd_bedrag,
                motivering="Ja",
            )
        with pytest.raises(Weigering):
            services.aanvraag_besluiten(
                aanvraag_id=aanvragen[3].pk,
                door=college,
                toekennen=True,
                bedrag=D("0.01"),
                motivering="Ja",
            )
        assert Budgetpost.objects.get().vrij == 0

    def test_street_event_grant_over_100_is_refused(self, regelingen, ambtenaar):
        a = AanvraagFactory(
            regeling=regeling(RegelingCode.STRAATBIJEENKOMST),
            gevraagd_bedrag=D("100.01"),
            straat="A",
            activiteit_soort="burendag",
            doelgroep="iedereen",
        )
        with pytest.raises(Weigering, match="100,00"):
            services.aanvraag_besluiten(
                aanvraag_id=a.pk, door=ambtenaar, toekennen=True, bedrag=D("100.01"), motivering=""
            )
        services.aanvraag_besluiten(
            aanvraag_id=a.pk,
            door=ambtenaar,
            toekennen=True,
            bedrag=D("100.00"),
            motivering="Maximum",
        )

    def test_second_street_grant_same_street_is_refused_at_decision(self, regelingen, ambtenaar):
        kern = KernFactory()
        kw = {
            "regeling": regeling(RegelingCode.STRAATBIJEENKOMST),
            "kern": kern,
            "gevraagd_bedrag": D("50"),
            "straat": "Dorpsstraat",
            "doelgroep": "iedereen",
        }
        a1 = AanvraagFactory(activiteit_soort="burendag", **kw)
        a2 = AanvraagFactory(activiteit_soort="straatfeest", **kw)
        services.aanvraag_besluiten(
            aanvraag_id=a1.pk, door=ambtenaar, toekennen=True, bedrag=D("50"), motivering=""
        )
        with pytest.raises(Weigering, match="al een bijdrage"):
            services.aanvraag_besluiten(
                aanvraag_id=a2.pk, door=ambtenaar, toekennen=True, bedrag=D("50"), motivering=""
            )


class TestGrootboek:
    def test_pay_settle_lower_and_withdraw_release_money(self, regelingen, ambtenaar):
        kern = KernFactory()
        a = AanvraagFactory(kern=kern, gevraagd_bedrag=D("1000"))
        b = AanvraagFactory(kern=kern, gevraagd_bedrag=D("600"))
        for x in (a, b):
            services.aanvraag_besluiten(
                aanvraag_id=x.pk,
                door=ambtenaar,
                toekennen=True,
                bedrag=x.gevraagd_bedrag,
                motivering="",
            )
        services.aanvraag_betalen(aanvraag_id=a.pk, door=ambtenaar, bedrag=D("400"))
        services.aanvraag_vaststellen(
            aanvraag_id=a.pk, door=ambtenaar, bedrag=D("700"), verantwoording="Bonnen gezien"
        )
        post = Budgetpost.objects.get()
        assert (post.vastgelegd, post.betaald, post.vrij) == (D("900"), D("400"), D("700"))
        services.aanvraag_intrekken(aanvraag_id=b.pk, door=ambtenaar, reden="Gaat niet door")
        post.refresh_from_db()
        assert (post.vastgelegd, post.vrij) == (D("300"), D("1300"))
        with pytest.raises(Weigering):
            services.aanvraag_betalen(aanvraag_id=a.pk, door=ambtenaar, bedrag=D("300.01"))
        services.aanvraag_betalen(aanvraag_id=a.pk, door=ambtenaar, bedrag=D("300"))
        post.refresh_from_db()
        assert (post.vastgelegd, post.betaald, post.vrij) == (D("0"), D("700"), D("1300"))

    def test_database_refuses_an_overspent_ledger_row(self, regelingen):
        post = Budgetpost.objects.create(
            regeling=regeling(RegelingCode.LEEFBAARHEID),
            jaar=2026,
            scope_sleutel="kern-x",
            budget=D("2000"),
        )
        with pytest.raises(IntegrityError), transaction.atomic():
            Budgetpost.objects.filter(pk=post.pk).update(vastgelegd=D("1500"), betaald=D("500.01"))

    def test_ledger_lists_every_kern_and_group_with_free_money(self, regelingen):
        kern = KernFactory()
        SignaleringsgroepFactory(kernen=[kern])
        regels = selectors.grootboek(localdate().year)
        leef = [
            g
            for g in regels
            if g.regeling.code == RegelingCode.LEEFBAARHEID and g.scope == kern.naam
        ]
        assert leef[0].vrij == D("2000")
        assert any(
            g.scope == "Vrijwilligersvergoeding coördinator" and g.budget == D("750")
            for g in regels
        )


class TestSignalering:
    def test_declarations_up_to_750_then_refused_and_paid(self, regelingen):
        groep = SignaleringsgroepFactory()
        ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"])
        d1 = DeclaratieFactory(groep=groep, bedrag=D("700"))
        d2 = DeclaratieFactory(groep=groep, bedrag=D("50.01"))
        services.declaratie_beoordelen(declaratie_id=d1.pk, door=ambtenaar, goedkeuren=True)
        with pytest.raises(Weigering, match="€ 50,00"):
            services.declaratie_beoordelen(declaratie_id=d2.pk, door=ambtenaar, goedkeuren=True)
        services.declaratie_betalen(declaratie_id=d1.pk, door=ambtenaar)
        d1.refresh_from_db()
        assert d1.status == DeclaratieStatus.BETAALD
        post = Budgetpost.objects.get(groep=groep)
        assert (post.vastgelegd, post.betaald) == (D("0"), D("700"))

    def test_filing_over_the_remainder_is_refused(self, regelingen):
        from django.core.files.base import ContentFile

        groep = SignaleringsgroepFactory()
        coord = MedewerkerFactory(rollen=["coordinator-signalering"])
        with pytest.raises(Weigering) as exc:
            services.declaratie_indienen(
                groep=groep,
                door=coord,
                datum=localdate(),
                omschrijving="x",
                bedrag=D("750.01"),
                bon=ContentFile(b"%PDF-1.4", name="b.pdf"),
                bon_extensie="pdf",
            )
        assert "bedrag" in exc.value.meldingen
        with pytest.raises(Weigering) as exc:
            services.declaratie_indienen(
                groep=groep,
                door=coord,
                datum=localdate(),
                omschrijving="x",
                bedrag=D("10"),
                bon=None,
                bon_extensie="",
            )
        assert "bon" in exc.value.meldingen

    def test_volunteer_fee_once_per_year(self, regelingen):
        coord = MedewerkerFactory(rollen=["coordinator-signalering"])
        door = MedewerkerFactory(rollen=["kernambtenaar"])
        jaar = localdate().year
        v = services.vrijwilligersvergoeding_toekennen(jaar=jaar, coordinator=coord, door=door)
        assert v.bedrag == D("750")
        with pytest.raises(Weigering, match="één keer"):
            services.vrijwilligersvergoeding_toekennen(jaar=jaar, coordinator=coord, door=door)
        assert Vrijwilligersvergoeding.objects.count() == 1
