import pytest

from core.fouten import Weigering
from initiatieven import rules, workflow
from initiatieven.constants import Actor
from initiatieven.constants import InitiatiefStatus as S

LEGAL_STAFF_STEPS = [
    (S.INGEDIEND, S.IN_BEHANDELING),
    (S.INGEDIEND, S.INGETROKKEN),
    (S.IN_BEHANDELING, S.INFORMATIE_GEVRAAGD),
    (S.IN_BEHANDELING, S.TOEGEZEGD),
    (S.IN_BEHANDELING, S.AFGEWEZEN),
    (S.IN_BEHANDELING, S.INGETROKKEN),
    (S.INFORMATIE_GEVRAAGD, S.IN_BEHANDELING),
    (S.INFORMATIE_GEVRAAGD, S.INGETROKKEN),
    (S.TOEGEZEGD, S.UITGEVOERD),
    (S.TOEGEZEGD, S.INGETROKKEN),
    (S.UITGEVOERD, S.AFGEROND),
]
LEGAL_INWONER_STEPS = [
    (S.INGEDIEND, S.INGETROKKEN),
    (S.IN_BEHANDELING, S.INGETROKKEN),
    (S.INFORMATIE_GEVRAAGD, S.INGETROKKEN),
    (S.INFORMATIE_GEVRAAGD, S.IN_BEHANDELING),
    (S.TOEGEZEGD, S.INGETROKKEN),
]


def test_the_flow_table_lists_exactly_the_documented_steps():
    staff = {
        (van, naar)
        for van, stappen in workflow.OVERGANGEN.items()
        for naar, wie in stappen.items()
        if Actor.MEDEWERKER in wie
    }
    inwoner = {
        (van, naar)
        for van, stappen in workflow.OVERGANGEN.items()
        for naar, wie in stappen.items()
        if Actor.INWONER in wie
    }
    assert staff == set(LEGAL_STAFF_STEPS)
    assert inwoner == set(LEGAL_INWONER_STEPS)


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (S.INGEDIEND, S.TOEGEZEGD),
        (S.INGEDIEND, S.AFGEROND),
        (S.IN_BEHANDELING, S.UITGEVOERD),
        (S.TOEGEZEGD, S.AFGEWEZEN),
        (S.AFGEWEZEN, S.IN_BEHANDELING),
        (S.INGETROKKEN, S.IN_BEHANDELING),
        (S.AFGEROND, S.UITGEVOERD),
        (S.UITGEVOERD, S.INGETROKKEN),
        (S.IN_BEHANDELING, S.IN_BEHANDELING),
    ],
)
def test_illegal_steps_are_refused_for_everyone(van, naar):
    for actor in Actor.values:
        assert not workflow.overgang_toegestaan(van, naar, actor)
        with pytest.raises(Weigering):
            workflow.controleer_overgang(van=van, naar=naar, actor=actor, toelichting="x")


def test_inwoner_cannot_take_staff_decisions():
    for naar in (S.IN_BEHANDELING, S.TOEGEZEGD, S.AFGEWEZEN):
        assert not workflow.overgang_toegestaan(S.INGEDIEND, naar, Actor.INWONER)
    assert not workflow.overgang_toegestaan(S.IN_BEHANDELING, S.TOEGEZEGD, Actor.INWONER)


@pytest.mark.parametrize("naar", [S.AFGEWEZEN, S.INFORMATIE_GEVRAAGD])
def test_rejecting_or_asking_information_needs_a_reason(naar):
    with pytest.raises(Weigering, match="waarom"):
        workflow.controleer_overgang(
            van=S.IN_BEHANDELING, naar=naar, actor=Actor.MEDEWERKER, toelichting="  "
        )
    workflow.controleer_overgang(
        van=S.IN_BEHANDELING, naar=naar, actor=Actor.MEDEWERKER, toelichting="Omdat."
    )


def test_end_states_have_no_next_steps():
    assert {S.AFGEWEZEN, S.INGETROKKEN, S.AFGEROND} == workflow.EINDSTATUSSEN
    for status in workflow.EINDSTATUSSEN:
        assert workflow.volgende_statussen(status, Actor.MEDEWERKER) == []


def test_next_steps_for_staff_follow_flow_order():
    assert workflow.volgende_statussen(S.IN_BEHANDELING, Actor.MEDEWERKER) == [
        S.INFORMATIE_GEVRAAGD,
        S.TOEGEZEGD,
        S.AFGEWEZEN,
        S.INGETROKKEN,
    ]


def _b(naam, grootte=100, soort="image/png"):
    return rules.Bestand(naam=naam, grootte=grootte, echte_soort=soort)


def test_files_are_accepted_when_type_size_and_name_fit():
    assert rules.bestandsfouten([_b("a.png"), _b("b.PDF", soort="application/pdf")]) == []


def test_too_many_files_are_refused():
    fouten = rules.bestandsfouten([_b(f"{i}.png") for i in range(rules.MAX_BIJLAGEN + 1)])
    assert any("hoogstens 5 bestanden" in f for f in fouten)
    assert rules.bestandsfouten([_b("a.png")], al_aanwezig=rules.MAX_BIJLAGEN)


def test_oversized_file_is_refused():
    (fout,) = rules.bestandsfouten([_b("groot.png", grootte=rules.MAX_BIJLAGE_BYTES + 1)])
    assert "te groot" in fout


def test_content_that_does_not_match_its_name_is_refused():
    (fout,) = rules.bestandsfouten([_b("rapport.pdf", soort="image/png")])
    assert "past niet bij de naam" in fout
    (fout,) = rules.bestandsfouten([_b("virus.png", soort="application/x-msdownload")])
    assert "geen foto" in fout
    (fout,) = rules.bestandsfouten([_b("tekst.pdf", soort=None)])
    assert "geen foto" in fout


@pytest.mark.parametrize("naar", [S.IN_BEHANDELING, S.TOEGEZEGD, S.INGETROKKEN])
def test_every_staff_step_mails_the_inwoner_so_it_needs_a_reason(naar):
    assert workflow.mailt_inwoner(naar=naar, actor=Actor.MEDEWERKER)
    with pytest.raises(Weigering) as exc:
        workflow.controleer_overgang(
            van=S.INGEDIEND if naar != S.TOEGEZEGD else S.IN_BEHANDELING,
            naar=naar,
            actor=Actor.MEDEWERKER,
            toelichting=" ",
        )
    assert "toelichting" in exc.value.message_dict


def test_the_inwoner_withdrawing_needs_no_reason():
    workflow.controleer_overgang(
        van=S.INGEDIEND, naar=S.INGETROKKEN, actor=Actor.INWONER, toelichting=""
    )
