"""The pure rules of the residents' voting round: ranking and dividing the kern's budget."""

import datetime
from decimal import Decimal

import pytest

from budgetten import regels as r
from budgetten.constants import KandidaatUitkomst, StemrondeFase

D = Decimal
T0 = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)


def k(id_, stemmen, gevraagd, minuten=0, vervallen=False):
    return r.StemKandidaat(
        id=id_,
        stemmen=stemmen,
        gevraagd=D(gevraagd),
        ingediend_op=T0 + datetime.timedelta(minutes=minuten),
        vervallen=vervallen,
    )


def per_id(toewijzingen):
    return {t.id: t for t in toewijzingen}


def test_most_votes_come_first():
    volgorde = [x.id for x in r.rangschikken([k(1, 3, "10"), k(2, 9, "10"), k(3, 5, "10")])]
    assert volgorde == [2, 3, 1]


def test_equal_votes_the_earlier_submission_goes_first():
    volgorde = [x.id for x in r.rangschikken([k(1, 5, "10", minuten=30), k(2, 5, "10", minuten=5)])]
    assert volgorde == [2, 1]


def test_equal_votes_and_same_moment_the_lower_id_goes_first():
    volgorde = [x.id for x in r.rangschikken([k(7, 5, "10"), k(3, 5, "10")])]
    assert volgorde == [3, 7]


def test_tie_decides_who_gets_the_last_money():
    uit = per_id(
        r.verdeel_budget([k(1, 4, "600", minuten=9), k(2, 4, "600")], beschikbaar=D("1000"))
    )
    assert uit[2].bedrag == D("600") and uit[2].plaats == 1
    assert uit[1].bedrag == 0 and uit[1].uitkomst == KandidaatUitkomst.PAST_NIET


def test_exactly_2000_is_spent_completely():
    uit = r.verdeel_budget([k(1, 10, "1200"), k(2, 8, "800")], beschikbaar=D("2000"))
    assert [t.bedrag for t in uit] == [D("1200"), D("800")]
    assert all(t.uitkomst == KandidaatUitkomst.TOEGEKEND for t in uit)
    assert sum(t.bedrag for t in uit) == D("2000")


def test_one_that_does_not_fit_is_skipped_and_a_smaller_one_after_it_still_gets_money():
    uit = per_id(
        r.verdeel_budget(
            [k(1, 10, "1500"), k(2, 8, "800"), k(3, 5, "400"), k(4, 2, "200")],
            beschikbaar=D("2000"),
        )
    )
    assert uit[1].bedrag == D("1500")
    assert uit[2].bedrag == 0 and uit[2].uitkomst == KandidaatUitkomst.PAST_NIET
    assert uit[3].bedrag == D("400")
    assert uit[4].bedrag == 0 and uit[4].uitkomst == KandidaatUitkomst.PAST_NIET  # 100 left
    assert [uit[i].plaats for i in (1, 2, 3, 4)] == [1, 2, 3, 4]


def test_no_partial_grants():
    (uit,) = r.verdeel_budget([k(1, 10, "2500")], beschikbaar=D("2000"))
    assert uit.bedrag == 0
    assert uit.uitkomst == KandidaatUitkomst.PAST_NIET


def test_empty_round_divides_nothing():
    assert r.verdeel_budget([], beschikbaar=D("2000")) == []


def test_initiative_without_votes_gets_nothing_even_if_money_is_left():
    uit = per_id(r.verdeel_budget([k(1, 3, "100"), k(2, 0, "100")], beschikbaar=D("2000")))
    assert uit[1].bedrag == D("100")
    assert uit[2].bedrag == 0 and uit[2].uitkomst == KandidaatUitkomst.GEEN_STEUN


def test_withdrawn_aanvraag_takes_no_money_and_the_next_one_gets_it():
    uit = per_id(
        r.verdeel_budget([k(1, 9, "2000", vervallen=True), k(2, 3, "2000")], beschikbaar=D("2000"))
    )
    assert uit[1].bedrag == 0 and uit[1].uitkomst == KandidaatUitkomst.VERVALLEN
    assert uit[2].bedrag == D("2000")


def test_money_already_granted_this_year_is_respected():
    uit = r.verdeel_budget([k(1, 9, "800"), k(2, 3, "400")], beschikbaar=D("500"))
    assert [t.bedrag for t in uit] == [D("0"), D("400")]


@pytest.mark.parametrize("beschikbaar", ["0", "-5", "0.01", "999.99", "2000"])
def test_never_hands_out_more_than_is_free(beschikbaar):
    kandidaten = [k(i, 20 - i, f"{50 * i}.50") for i in range(1, 15)]
    uit = r.verdeel_budget(kandidaten, beschikbaar=D(beschikbaar))
    assert sum(t.bedrag for t in uit) <= max(D(beschikbaar), D("0"))
    assert all(t.bedrag in (0, t.gevraagd) for t in uit)


def test_voting_is_possible_only_while_open_and_within_the_dates():
    van, tot = datetime.date(2026, 5, 1), datetime.date(2026, 5, 14)
    open_ = StemrondeFase.OPEN
    assert r.stemmen_mogelijk(fase=open_, stemmen_van=van, stemmen_tot=tot, vandaag=van)
    assert r.stemmen_mogelijk(fase=open_, stemmen_van=van, stemmen_tot=tot, vandaag=tot)
    assert not r.stemmen_mogelijk(
        fase=open_, stemmen_van=van, stemmen_tot=tot, vandaag=van - datetime.timedelta(days=1)
    )
    assert not r.stemmen_mogelijk(
        fase=open_, stemmen_van=van, stemmen_tot=tot, vandaag=tot + datetime.timedelta(days=1)
    )
    for fase in (StemrondeFase.VOORBEREIDING, StemrondeFase.GESLOTEN, StemrondeFase.VERDEELD):
        assert not r.stemmen_mogelijk(fase=fase, stemmen_van=van, stemmen_tot=tot, vandaag=van)


def test_round_period_must_be_this_or_next_year_and_not_backwards():
    vandaag = datetime.date(2026, 4, 1)
    ok = r.controleer_stemronde_periode(
        jaar=2026,
        stemmen_van=datetime.date(2026, 5, 1),
        stemmen_tot=datetime.date(2026, 5, 14),
        vandaag=vandaag,
    )
    assert ok == {}
    fout = r.controleer_stemronde_periode(
        jaar=2030,
        stemmen_van=datetime.date(2026, 5, 14),
        stemmen_tot=datetime.date(2026, 5, 1),
        vandaag=vandaag,
    )
    assert "jaar" in fout and "stemmen_tot" in fout


def test_candidate_must_pass_the_leefbaarheid_rules():
    alles = dict.fromkeys(r.CRITERIA["leefbaarheid"], True)
    assert (
        r.controleer_kandidaat(
            criteria=alles, draagvlak="buren", gevraagd=D("300"), plafond=D("2000")
        )
        == {}
    )
    assert r.controleer_kandidaat(criteria={}, draagvlak="buren", gevraagd=D("300"), plafond=None)
    assert r.controleer_kandidaat(criteria=alles, draagvlak=" ", gevraagd=D("300"), plafond=None)
    assert r.controleer_kandidaat(
        criteria=alles, draagvlak="buren", gevraagd=D("2500"), plafond=D("2000")
    )
