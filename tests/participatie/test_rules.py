import datetime

import pytest
from django.utils import timezone

from participatie import rules
from participatie.constants import (
    LADDER_BELOFTE,
    STAPPEN,
    AanmeldingStatus,
    Ladder,
    Stap,
    TrajectSoort,
    TrajectStatus,
)

INW = TrajectSoort.INWONERSPARTICIPATIE
OVH = TrajectSoort.OVERHEIDSPARTICIPATIE


def test_inwonersparticipatie_has_six_steps_in_the_plans_order():
    assert STAPPEN[INW] == (
        Stap.AFWEGING,
        Stap.BETROKKENEN,
        Stap.NIVEAU,
        Stap.COMMUNICATIEPLAN,
        Stap.MIDDELEN,
        Stap.EVALUATIE,
    )


def test_overheidsparticipatie_has_five_steps_in_the_plans_order():
    assert STAPPEN[OVH] == (
        Stap.GESCHIEDENIS,
        Stap.HOUDING,
        Stap.ROL,
        Stap.DUIDELIJKHEID,
        Stap.EVALUATIE,
    )


def test_first_step_is_always_available():
    assert rules.stap_beschikbaar(soort=INW, stap=Stap.AFWEGING, voltooid=set()) == (True, "")
    assert rules.stap_beschikbaar(soort=OVH, stap=Stap.GESCHIEDENIS, voltooid=set())[0]


@pytest.mark.parametrize("soort", [INW, OVH])
def test_each_step_needs_every_earlier_step(soort):
    stappen = STAPPEN[soort]
    for i, stap in enumerate(stappen):
        assert rules.stap_beschikbaar(soort=soort, stap=stap, voltooid=stappen[:i])[0]
        if i > 0:
            # Missing any one earlier step blocks it, and the reason names that step.
            for missing in stappen[:i]:
                voltooid = [s for s in stappen[:i] if s != missing]
                ok, reden = rules.stap_beschikbaar(soort=soort, stap=stap, voltooid=voltooid)
                assert not ok
                assert str(Stap(missing).label) in reden


def test_skipping_to_the_ladder_before_stakeholders_is_refused():
    ok, reden = rules.stap_beschikbaar(soort=INW, stap=Stap.NIVEAU, voltooid={Stap.AFWEGING})
    assert not ok
    assert "stap 2" in reden


def test_step_of_the_other_method_is_refused():
    ok, _ = rules.stap_beschikbaar(soort=OVH, stap=Stap.NIVEAU, voltooid=set())
    assert not ok


def test_completed_steps_can_be_revised():
    voltooid = set(STAPPEN[INW][:4])
    assert rules.stap_beschikbaar(soort=INW, stap=Stap.AFWEGING, voltooid=voltooid)[0]


def test_every_ladder_level_has_a_plain_explanation_in_increasing_say():
    assert list(Ladder) == [
        Ladder.INFORMEREN,
        Ladder.RAADPLEGEN,
        Ladder.ADVISEREN,
        Ladder.COPRODUCEREN,
        Ladder.MEEBESLISSEN,
    ]
    for level in Ladder:
        assert len(str(LADDER_BELOFTE[level])) > 40
    assert "beslist" in str(LADDER_BELOFTE[Ladder.INFORMEREN])
    assert "mening" in str(LADDER_BELOFTE[Ladder.RAADPLEGEN])
    assert "advies" in str(LADDER_BELOFTE[Ladder.ADVISEREN])
    assert "samen" in str(LADDER_BELOFTE[Ladder.COPRODUCEREN])
    assert "U beslist zelf" in str(LADDER_BELOFTE[Ladder.MEEBESLISSEN])


def test_less_involvement_needs_a_reason():
    waarden = {"ladder": "informeren", "niveau_toelichting": "x", "minder_betrokken": True}
    assert rules.ontbrekende_velden(stap=Stap.NIVEAU, waarden=waarden) == ["minder_betrokken_reden"]
    waarden["minder_betrokken_reden"] = "De wet schrijft de maatregel voor."
    assert rules.ontbrekende_velden(stap=Stap.NIVEAU, waarden=waarden) == []


def test_publishing_needs_the_ladder_step_for_inwonersparticipatie():
    ok, reden = rules.mag_publiceren(
        soort=INW, status=TrajectStatus.CONCEPT, voltooid=STAPPEN[INW][:2]
    )
    assert not ok and "stap 3" in reden
    assert rules.mag_publiceren(soort=INW, status=TrajectStatus.CONCEPT, voltooid=STAPPEN[INW][:3])[
        0
    ]


def test_closing_needs_every_step_including_evaluation():
    assert not rules.mag_afronden(
        soort=OVH, status=TrajectStatus.LOPEND, voltooid=STAPPEN[OVH][:4]
    )[0]
    assert rules.mag_afronden(soort=OVH, status=TrajectStatus.LOPEND, voltooid=STAPPEN[OVH])[0]
    assert not rules.mag_afronden(soort=OVH, status=TrajectStatus.CONCEPT, voltooid=STAPPEN[OVH])[0]


def test_registration_closes_when_the_meeting_starts():
    nu = timezone.now()
    assert rules.inschrijving_open(begint_op=nu + datetime.timedelta(minutes=1), nu=nu)[0]
    assert not rules.inschrijving_open(begint_op=nu, nu=nu)[0]
    assert not rules.inschrijving_open(begint_op=nu - datetime.timedelta(days=1), nu=nu)[0]


def test_full_meeting_means_waiting_list():
    assert rules.status_voor_nieuwe_aanmelding(capaciteit=2, aantal_aangemeld=1) == "aangemeld"
    assert rules.status_voor_nieuwe_aanmelding(capaciteit=2, aantal_aangemeld=2) == "wachtlijst"


def test_reminder_window_is_tomorrow_in_amsterdam_across_dst():
    # 28 March 2026 23:30 UTC is already 29 March in Amsterdam: tomorrow is 30 March.
    nu = datetime.datetime(2026, 3, 28, 23, 30, tzinfo=datetime.UTC)
    begin, _eind = rules.herinnering_venster(nu=nu)
    assert timezone.localtime(begin).date() == datetime.date(2026, 3, 30)
    # On 28 March, tomorrow is the day summer time starts: a local day of 23 hours.
    nu = datetime.datetime(2026, 3, 28, 12, 0, tzinfo=datetime.UTC)
    begin, eind = rules.herinnering_venster(nu=nu)
    assert begin.astimezone(datetime.UTC) == datetime.datetime(2026, 3, 28, 23, tzinfo=datetime.UTC)
    assert eind.astimezone(datetime.UTC) == datetime.datetime(2026, 3, 29, 22, tzinfo=datetime.UTC)


def test_cancelling_twice_is_refused_by_the_rule():
    nu = timezone.now()
    later = nu + datetime.timedelta(days=1)
    assert not rules.afmelden_mogelijk(status=AanmeldingStatus.AFGEMELD, begint_op=later, nu=nu)[0]
    assert rules.afmelden_mogelijk(status=AanmeldingStatus.WACHTLIJST, begint_op=later, nu=nu)[0]
