"""Every rule of the four regelingen, at its exact limits. Pure: no database."""

from datetime import date
from decimal import Decimal

import pytest

from budgetten import regels as r
from budgetten.constants import KostenCategorie as K
from budgetten.constants import RegelingCode

D = Decimal
HONDERD = D("100.00")


class TestBedragLezen:
    @pytest.mark.parametrize(
        ("tekst", "verwacht"),
        [
            ("100", D("100.00")),
            ("100,00", D("100.00")),
            ("99,5", D("99.50")),
            ("1.234,56", D("1234.56")),
            ("12.50", D("12.50")),
            ("€ 75,25", D("75.25")),
            ("0,01", D("0.01")),
        ],
    )
    def test_accepts_dutch_and_plain_notation(self, tekst, verwacht):
        assert r.bedrag_lezen(tekst) == verwacht

    @pytest.mark.parametrize(
        ("tekst", "melding"),
        [
            ("", "Vul een bedrag in"),
            ("honderd", "in cijfers"),
            ("1e3x", "in cijfers"),
            ("NaN", "in cijfers"),
            ("Infinity", "in cijfers"),
            ("-5", "negatief"),
            ("0", "meer dan € 0,00"),
            ("0,00", "meer dan € 0,00"),
            ("10,001", "twee cijfers"),
            ("100000,01", "te hoog"),
            ("99999999999", "te hoog"),
        ],
    )
    def test_refuses_bad_input_with_a_clear_message(self, tekst, melding):
        with pytest.raises(r.OngeldigBedrag) as exc:
            r.bedrag_lezen(tekst)
        assert melding in str(exc.value)

    def test_zero_can_be_allowed(self):
        assert r.bedrag_lezen("0", nul_toegestaan=True) == D("0.00")

    def test_never_uses_float(self):
        assert isinstance(r.bedrag_lezen("0,10"), Decimal)
        assert r.bedrag_lezen("0,10") + r.bedrag_lezen("0,20") == D("0.30")


class TestStraatbijeenkomst:
    def test_contribution_is_sum_of_eligible_lines(self):
        b = r.straat_bijdrage(
            [(K.GELUID, D("40.00")), (K.VERSIERING, D("25.50")), (K.ETEN, D("80.00"))],
            maximum=HONDERD,
        )
        assert b.subsidiabel == D("65.50")
        assert b.uitgesloten == D("80.00")
        assert b.bijdrage == D("65.50")
        assert not b.afgetopt

    def test_exactly_100_is_paid_in_full(self):
        b = r.straat_bijdrage([(K.SPELMATERIAAL, D("100.00"))], maximum=HONDERD)
        assert b.bijdrage == D("100.00")
        assert not b.afgetopt

    def test_100_01_is_capped_at_100(self):
        b = r.straat_bijdrage([(K.PRIJZEN, D("60.00")), (K.GELUID, D("40.01"))], maximum=HONDERD)
        assert b.subsidiabel == D("100.01")
        assert b.bijdrage == D("100.00")
        assert b.afgetopt

    @pytest.mark.parametrize("cat", [K.ETEN, K.DRINKEN, K.SERVIES, K.BARBECUE])
    def test_food_drink_crockery_barbecue_are_excluded(self, cat):
        b = r.straat_bijdrage([(cat, D("50.00"))], maximum=HONDERD)
        assert b.bijdrage == D("0")
        bev = r.controleer_straatbijeenkomst(
            berekening=b,
            straat="Dorpsstraat",
            activiteit_soort="straatfeest",
            doelgroep="iedereen",
            eerdere=[],
        )
        assert "kostenposten" in bev

    def test_second_street_party_same_year_is_refused(self):
        b = r.straat_bijdrage([(K.GELUID, D("50"))], maximum=HONDERD)
        eerdere = [r.EerdereActiviteit("Dorpsstraat", "straatfeest", "iedereen")]
        bev = r.controleer_straatbijeenkomst(
            berekening=b,
            straat="  dorpsstraat ",
            activiteit_soort="straatfeest",
            doelgroep="kinderen",
            eerdere=eerdere,
        )
        assert "één keer per kalenderjaar" in bev["straat"][0]

    def test_same_doelgroep_other_activity_same_street_is_refused(self):
        eerdere = [r.EerdereActiviteit("Dorpsstraat", "burendag", "kinderen")]
        assert r.is_herhaling(
            straat="Dorpsstraat",
            activiteit_soort="opschonen",
            doelgroep="kinderen",
            eerdere=eerdere,
        )

    def test_other_activity_and_doelgroep_or_other_street_is_allowed(self):
        eerdere = [r.EerdereActiviteit("Dorpsstraat", "burendag", "kinderen")]
        assert not r.is_herhaling(
            straat="Dorpsstraat",
            activiteit_soort="opschonen",
            doelgroep="ouderen",
            eerdere=eerdere,
        )
        assert not r.is_herhaling(
            straat="Kerkstraat",
            activiteit_soort="burendag",
            doelgroep="kinderen",
            eerdere=eerdere,
        )

    def test_missing_street_is_reported(self):
        b = r.straat_bijdrage([(K.GELUID, D("50"))], maximum=HONDERD)
        bev = r.controleer_straatbijeenkomst(
            berekening=b, straat=" ", activiteit_soort="x", doelgroep="y", eerdere=[]
        )
        assert "straat" in bev


class TestCriteriaEnDatum:
    def test_every_unchecked_criterion_is_reported_per_field(self):
        bev = r.controleer_criteria(RegelingCode.LEEFBAARHEID, {"brengt_samen": True})
        assert set(bev) == {
            "criterium_effect_leefomgeving",
            "criterium_meerdere_inwoners",
            "criterium_open_voor_iedereen",
        }

    def test_date_in_the_past_is_refused(self):
        bev = r.controleer_datum(date(2026, 3, 1), vandaag=date(2026, 3, 2))
        assert "verleden" in bev["activiteit_datum"][0]

    def test_today_is_allowed(self):
        assert r.controleer_datum(date(2026, 3, 2), vandaag=date(2026, 3, 2)) == {}

    def test_more_than_next_year_is_refused(self):
        assert r.controleer_datum(date(2028, 1, 1), vandaag=date(2026, 12, 31))

    def test_31_december_counts_in_that_year_and_1_january_in_the_next(self):
        assert r.telt_in_jaar(date(2026, 12, 31)) == 2026
        assert r.telt_in_jaar(date(2027, 1, 1)) == 2027


class TestBudgetten:
    def test_leefbaarheid_2000_reached_exactly_is_allowed(self):
        assert (
            r.controleer_leefbaarheid(gevraagd=D("2000.00"), vrij=D("2000.00"), draagvlak="x") == {}
        )

    def test_leefbaarheid_one_cent_over_the_free_amount_is_refused(self):
        bev = r.controleer_leefbaarheid(gevraagd=D("1500.01"), vrij=D("1500.00"), draagvlak="x")
        assert "€ 1.500,00" in bev["gevraagd_bedrag"][0]

    def test_leefbaarheid_needs_draagvlak(self):
        assert "draagvlak" in r.controleer_leefbaarheid(
            gevraagd=D("10"), vrij=D("2000"), draagvlak=" "
        )

    def test_5000_pot_with_several_grants(self):
        vrij = D("5000.00")
        for bedrag in (D("1500.00"), D("2000.00"), D("1500.00")):
            assert (
                r.controleer_toekenning(bedrag=bedrag, gevraagd=bedrag, vrij=vrij, maximum=None)
                == {}
            )
            vrij -= bedrag
        assert vrij == 0
        assert r.controleer_toekenning(bedrag=D("0.01"), gevraagd=D("1"), vrij=vrij, maximum=None)

    def test_grant_over_maximum_per_aanvraag_is_refused(self):
        assert (
            r.controleer_toekenning(
                bedrag=D("100.00"), gevraagd=D("100.00"), vrij=None, maximum=HONDERD
            )
            == {}
        )
        bev = r.controleer_toekenning(
            bedrag=D("100.01"), gevraagd=D("100.01"), vrij=None, maximum=HONDERD
        )
        assert "ten hoogste € 100,00" in bev["bedrag"][0]

    def test_grant_cannot_exceed_what_was_asked_or_be_zero(self):
        assert r.controleer_toekenning(bedrag=D("501"), gevraagd=D("500"), vrij=None, maximum=None)
        assert r.controleer_toekenning(bedrag=D("0"), gevraagd=D("500"), vrij=None, maximum=None)

    def test_partial_grant_is_allowed(self):
        assert (
            r.controleer_toekenning(
                bedrag=D("250"), gevraagd=D("500"), vrij=D("2000"), maximum=None
            )
            == {}
        )

    def test_settling_lower_is_allowed_higher_or_under_paid_is_not(self):
        assert r.controleer_vaststelling(nieuw=D("80"), toegekend=D("100"), betaald=D("0")) == {}
        assert r.controleer_vaststelling(nieuw=D("101"), toegekend=D("100"), betaald=D("0"))
        assert r.controleer_vaststelling(nieuw=D("40"), toegekend=D("100"), betaald=D("50"))

    def test_payment_cannot_exceed_what_is_open(self):
        assert r.controleer_betaling(bedrag=D("100"), nog_te_betalen=D("100")) == {}
        assert r.controleer_betaling(bedrag=D("100.01"), nog_te_betalen=D("100"))


class TestSignalering:
    def test_declaration_up_to_the_remainder_is_allowed(self):
        assert r.controleer_declaratie(bedrag=D("750.00"), vrij=D("750.00"), heeft_bon=True) == {}

    def test_declaration_over_the_remainder_is_refused(self):
        bev = r.controleer_declaratie(bedrag=D("100.01"), vrij=D("100.00"), heeft_bon=True)
        assert "€ 100,00" in bev["bedrag"][0]

    def test_declaration_without_receipt_is_refused(self):
        assert "bon" in r.controleer_declaratie(bedrag=D("10"), vrij=D("750"), heeft_bon=False)

    def test_second_volunteer_fee_is_refused(self):
        assert r.controleer_vrijwilligersvergoeding(al_toegekend=False) == {}
        assert "één keer" in r.controleer_vrijwilligersvergoeding(al_toegekend=True)["jaar"][0]
