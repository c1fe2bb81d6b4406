import pytest
from django.core.exceptions import ValidationError

from kernen.models import Kanaal
from participatie import selectors, services
from participatie.constants import (
    LADDER_BELOFTE,
    Ladder,
    Stap,
    TrajectSoort,
    TrajectStatus,
)
from participatie.models import Traject, TrajectStap
from tests.factories import KernFactory, MedewerkerFactory
from tests.participatie.factories import TrajectFactory

pytestmark = pytest.mark.django_db

STAP_POSTS = {
    Stap.AFWEGING: {
        "geschikt_voor_participatie": "De inrichting van het plein.",
        "kaders": "Het budget ligt vast.",
    },
    Stap.BETROKKENEN: {
        "betrokkenen-TOTAL_FORMS": "2",
        "betrokkenen-INITIAL_FORMS": "0",
        "betrokkenen-MIN_NUM_FORMS": "0",
        "betrokkenen-MAX_NUM_FORMS": "30",
        "betrokkenen-0-doelgroep": "Omwonenden",
        "betrokkenen-0-belangen": "Rust en groen",
        "betrokkenen-0-informatiebehoefte": "Planning van de werkzaamheden",
        "betrokkenen-1-doelgroep": "",
    },
    Stap.NIVEAU: {"ladder": "adviseren", "niveau_toelichting": "Omwonenden kennen het plein."},
    Stap.COMMUNICATIEPLAN: {"communicatieplan": "Eerst de dorpskrant, dan een avond."},
    Stap.MIDDELEN: {"middelen": "Avond in het dorpshuis", "hoe_meedoen": "Kom naar de avond."},
    Stap.EVALUATIE: {
        "resultaten": "Het plein krijgt meer bomen, zoals gevraagd.",
        "wat_ging_goed": "De avond trok veel jonge ouders.",
        "wat_kan_beter": "Eerder beginnen met de dorpskrant.",
        "lessen": "In Ingen werkt de dorpskrant beter dan sociale media.",
    },
}


@pytest.fixture
def beleid():
    return MedewerkerFactory(rollen=["beleidsmedewerker"])


def test_beleidsmedewerker_takes_a_trajectory_through_all_six_steps(client, signed_in, beleid):
    kern = KernFactory(naam="Ingen")
    kanaal = Kanaal.objects.create(kern=kern, naam="Dorpskrant Ingen", soort="dorpskrant")
    signed_in(beleid)
    response = client.post(
        "/medewerker/trajecten/nieuw/",
        {
            "titel": "Dorpsplein Ingen",
            "onderwerp": "Herinrichting",
            "soort": TrajectSoort.INWONERSPARTICIPATIE,
            "kernen": [kern.pk],
            "eigenaar": beleid.pk,
        },
    )
    assert response.status_code == 302
    traject = beleid.trajecten_als_eigenaar.get()
    assert response["Location"].endswith(f"/trajecten/{traject.pk}/stap/afweging/")
    for i, (stap, data) in enumerate(STAP_POSTS.items()):
        url = f"/medewerker/trajecten/{traject.pk}/stap/{stap}/"
        page = client.get(url)
        assert page.status_code == 200
        assert f"Stap {i + 1}:" in page.content.decode()
        if stap == Stap.COMMUNICATIEPLAN:
            data = {**data, "kanalen": [kanaal.pk]}
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        if stap == Stap.NIVEAU:
            client.post(f"/medewerker/trajecten/{traject.pk}/publiceren/")
    traject.refresh_from_db()
    assert set(TrajectStap.objects.filter(traject=traject).values_list("stap", flat=True)) == set(
        STAP_POSTS
    )
    assert traject.status == TrajectStatus.LOPEND
    assert list(traject.kanalen.all()) == [kanaal]
    assert traject.betrokkenen.get().doelgroep == "Omwonenden"
    client.post(f"/medewerker/trajecten/{traject.pk}/afronden/")
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.AFGEROND


def test_level_page_shows_every_ladder_promise(client, signed_in, beleid):
    traject = TrajectFactory(eigenaar=beleid)
    for stap in (Stap.AFWEGING,):
        services.traject_stap_opslaan(
            traject=traject, stap=stap, gegevens=STAP_POSTS[stap], door=beleid
        )
    services.traject_stap_opslaan(
        traject=traject,
        stap=Stap.BETROKKENEN,
        gegevens={},
        door=beleid,
        betrokkenen=[services.BetrokkeneGegevens("Jongeren", "Plek om te sporten", "Planning")],
    )
    signed_in(beleid)
    html = client.get(f"/medewerker/trajecten/{traject.pk}/stap/niveau/").content.decode()
    for level in Ladder:
        assert str(LADDER_BELOFTE[level]) in html


def test_skipping_a_step_is_refused_and_says_which_step_comes_first(client, signed_in, beleid):
    traject = TrajectFactory(eigenaar=beleid)
    signed_in(beleid)
    url = f"/medewerker/trajecten/{traject.pk}/stap/niveau/"
    html = client.get(url).content.decode()
    assert "Rond eerst stap 1 af" in html
    response = client.post(url, STAP_POSTS[Stap.NIVEAU])
    assert response.status_code == 400
    assert not TrajectStap.objects.filter(traject=traject).exists()
    traject.refresh_from_db()
    assert traject.ladder == ""


def test_service_refuses_a_step_out_of_order(beleid):
    traject = TrajectFactory(eigenaar=beleid)
    with pytest.raises(ValidationError, match="stap 1"):
        services.traject_stap_opslaan(
            traject=traject, stap=Stap.BETROKKENEN, gegevens={}, door=beleid
        )


def test_step_with_missing_answers_is_not_completed(beleid):
    traject = TrajectFactory(eigenaar=beleid)
    with pytest.raises(ValidationError):
        services.traject_stap_opslaan(traject=traject, stap=Stap.AFWEGING, gegevens={}, door=beleid)
    assert not traject.voltooide_stappen.exists()


def test_overheidsparticipatie_runs_its_five_steps(beleid):
    traject = TrajectFactory(eigenaar=beleid, soort=TrajectSoort.OVERHEIDSPARTICIPATIE)
    gegevens = {
        Stap.GESCHIEDENIS: {"geschiedenis": "In 2019 al eens geprobeerd."},
        Stap.HOUDING: {"belang": "hoog", "slagingskans": "gemiddeld", "houding": "Actief"},
        Stap.ROL: {"rol_gemeente": "faciliteren", "rol_toelichting": "Wij regelen de zaal."},
        Stap.DUIDELIJKHEID: {
            "afspraken_gemeente": "Antwoord binnen een week.",
            "afspraken_inwoners": "U houdt ons op de hoogte.",
        },
        Stap.EVALUATIE: STAP_POSTS[Stap.EVALUATIE],
    }
    for stap, data in gegevens.items():
        services.traject_stap_opslaan(traject=traject, stap=stap, gegevens=data, door=beleid)
        if stap == Stap.DUIDELIJKHEID:
            services.traject_publiceren(traject=traject)
    traject.refresh_from_db()
    assert traject.voltooid == set(gegevens)
    assert traject.rol_gemeente == "faciliteren"
    services.traject_afronden(traject=traject)


def test_less_involvement_reason_is_required_and_public(client, beleid):
    traject = TrajectFactory(eigenaar=beleid)
    services.traject_stap_opslaan(
        traject=traject, stap=Stap.AFWEGING, gegevens=STAP_POSTS[Stap.AFWEGING], door=beleid
    )
    services.traject_stap_opslaan(
        traject=traject,
        stap=Stap.BETROKKENEN,
        gegevens={},
        door=beleid,
        betrokkenen=[services.BetrokkeneGegevens("Iedereen", "Veiligheid", "Wat verandert")],
    )
    niveau = {"ladder": "informeren", "niveau_toelichting": "x", "minder_betrokken": True}
    with pytest.raises(ValidationError):
        services.traject_stap_opslaan(
            traject=traject, stap=Stap.NIVEAU, gegevens=niveau, door=beleid
        )
    niveau["minder_betrokken_reden"] = "De wet schrijft deze maatregel voor."
    services.traject_stap_opslaan(traject=traject, stap=Stap.NIVEAU, gegevens=niveau, door=beleid)
    assert client.get(f"/participatie/{traject.pk}/").status_code == 404  # still a concept
    services.traject_publiceren(traject=traject)
    html = client.get(f"/participatie/{traject.pk}/").content.decode()
    assert "De wet schrijft deze maatregel voor." in html
    assert str(LADDER_BELOFTE[Ladder.INFORMEREN]) in html


def test_channels_must_come_from_the_trajectorys_kernen(beleid):
    traject = TrajectFactory(eigenaar=beleid)
    vreemd = Kanaal.objects.create(kern=KernFactory(), naam="Elders", soort="website")
    for stap in (Stap.AFWEGING, Stap.NIVEAU):
        if stap == Stap.NIVEAU:
            services.traject_stap_opslaan(
                traject=traject,
                stap=Stap.BETROKKENEN,
                gegevens={},
                door=beleid,
                betrokkenen=[services.BetrokkeneGegevens("A", "B", "C")],
            )
        services.traject_stap_opslaan(
            traject=traject, stap=stap, gegevens=STAP_POSTS[stap], door=beleid
        )
    with pytest.raises(ValidationError, match="toolbox"):
        services.traject_stap_opslaan(
            traject=traject,
            stap=Stap.COMMUNICATIEPLAN,
            gegevens=STAP_POSTS[Stap.COMMUNICATIEPLAN],
            door=beleid,
            kanalen=[vreemd],
        )


def test_lessons_are_found_by_word_and_kern(beleid):
    ingen, zoelen = KernFactory(naam="Ingen"), KernFactory(naam="Zoelen")
    a = TrajectFactory(kernen=[ingen], lessen="De dorpskrant werkt beter dan Facebook.")
    TrajectFactory(kernen=[zoelen], lessen="Een avond in het dorpshuis trok weinig jongeren.")
    TrajectFactory(kernen=[ingen], lessen="")
    assert list(selectors.lessen_zoeken(zoekterm="dorpskrant")) == [a]
    assert list(selectors.lessen_zoeken(kern=ingen)) == [a]
    assert selectors.lessen_zoeken().count() == 2
    assert list(selectors.lessen_zoeken(zoekterm="jongeren", kern=ingen)) == []


def test_lessons_page_searches(client, signed_in):
    kern = KernFactory()
    TrajectFactory(kernen=[kern], titel="Speeltuin", lessen="Kinderen zelf laten tekenen werkt.")
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    html = client.get("/medewerker/trajecten/lessen/", {"q": "tekenen"}).content.decode()
    assert "Speeltuin" in html


def test_other_beleidsmedewerker_may_view_but_not_change(client, signed_in):
    traject = TrajectFactory()
    signed_in(MedewerkerFactory(rollen=["beleidsmedewerker"]))
    assert client.get(f"/medewerker/trajecten/{traject.pk}/").status_code == 200
    assert client.get(f"/medewerker/trajecten/{traject.pk}/stap/afweging/").status_code == 403


def test_kernambtenaar_of_the_kern_may_change(client, signed_in):
    kern = KernFactory()
    traject = TrajectFactory(kernen=[kern])
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    assert client.get(f"/medewerker/trajecten/{traject.pk}/stap/afweging/").status_code == 200


def _trajecten(n):
    kern = KernFactory()
    for _ in range(n):
        t = TrajectFactory(kernen=[kern, KernFactory()])
        TrajectStap.objects.create(traject=t, stap=Stap.AFWEGING)


@pytest.mark.parametrize("n", [2, 8])
def test_trajectory_list_query_count_is_flat(client, signed_in, django_assert_num_queries, n):
    _trajecten(n)
    user = MedewerkerFactory(rollen=["beleidsmedewerker"])
    signed_in(user)
    client.get("/medewerker/trajecten/")  # warm the session
    with django_assert_num_queries(8):
        assert client.get("/medewerker/trajecten/").status_code == 200


@pytest.mark.parametrize("n", [2, 8])
def test_public_trajectory_list_query_count_is_flat(client, django_assert_num_queries, n):
    _trajecten(n)
    Traject.objects.update(status=TrajectStatus.LOPEND)
    with django_assert_num_queries(2):
        assert client.get("/participatie/").status_code == 200
