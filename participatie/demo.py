"""Demo: a trajectory in progress, an evaluated one, and meetings with registrations."""

import datetime

from django.utils import timezone

from accounts.models import Medewerker
from kernen.models import Kanaal, Kern
from participatie.models import Traject

from . import services
from .constants import BijeenkomstSoort, Ladder, Stap, TrajectSoort


def _dag(dagen: int, uur: int) -> datetime.datetime:
    datum = timezone.localdate() + datetime.timedelta(days=dagen)
    return datetime.datetime.combine(
        datum, datetime.time(uur), tzinfo=timezone.get_current_timezone()
    )


def load() -> None:
    beleid = Medewerker.objects.filter(username="beleid").first()
    kernambtenaar = Medewerker.objects.filter(username="kernambtenaar").first()
    wethouder = Medewerker.objects.filter(username="wethouder").first()
    lienden = Kern.objects.filter(slug="lienden").first()
    ingen = Kern.objects.filter(slug="ingen").first()
    if not (beleid and kernambtenaar and lienden and ingen):
        return
    if Traject.objects.filter(titel="Veilig naar school in Lienden").exists():
        return

    traject = services.traject_aanmaken(
        titel="Veilig naar school in Lienden",
        onderwerp="De gemeente maakt een plan voor veiliger fietsroutes naar de basisscholen.",
        soort=TrajectSoort.INWONERSPARTICIPATIE,
        kernen=[lienden],
        eigenaar=beleid,
        kernambtenaar=kernambtenaar,
    )
    services.traject_stap_opslaan(
        traject=traject,
        stap=Stap.AFWEGING,
        door=beleid,
        gegevens={
            "geschikt_voor_participatie": "Welke routes kinderen nemen en waar het onveilig voelt.",
            "kaders": "De provinciale weg valt onder de provincie; daar beslist de gemeente niet.",
        },
    )
    services.traject_stap_opslaan(
        traject=traject,
        stap=Stap.BETROKKENEN,
        door=beleid,
        gegevens={},
        betrokkenen=[
            services.BetrokkeneGegevens(
                doelgroep="Ouders van basisschoolkinderen",
                belangen="Veilige route, weinig omwegen",
                informatiebehoefte="Welke maatregelen, wanneer klaar",
            ),
            services.BetrokkeneGegevens(
                doelgroep="Ondernemers aan de Dorpsstraat",
                belangen="Bereikbaarheid voor klanten en leveranciers",
                informatiebehoefte="Gevolgen voor parkeren en laden en lossen",
            ),
        ],
    )
    services.traject_stap_opslaan(
        traject=traject,
        stap=Stap.NIVEAU,
        door=beleid,
        gegevens={"ladder": Ladder.ADVISEREN, "niveau_toelichting": "Ouders kennen de routes."},
    )
    services.traject_stap_opslaan(
        traject=traject,
        stap=Stap.COMMUNICATIEPLAN,
        door=beleid,
        gegevens={"communicatieplan": "Aankondiging via lichtkrant en scholen; daarna avond."},
        kanalen=list(Kanaal.objects.filter(kern=lienden)[:2]),
    )
    services.traject_publiceren(traject=traject)

    koffie = services.bijeenkomst_opslaan(
        organisator=kernambtenaar,
        gegevens={
            "soort": BijeenkomstSoort.KOFFIEMOMENT,
            "titel": "Online koffiemoment met de kernwethouder - Ingen",
            "omschrijving": "Praat een half uur met de kernwethouder over wat u bezighoudt.",
            "kern": ingen,
            "begint_op": _dag(1, 10),
            "eindigt_op": _dag(1, 11),
            "videolink": "https://teams.example/koffie-ingen",
            "telefoon": "0344 579 111",
            "capaciteit": 3,
            "kernwethouder": wethouder,
        },
    )
    avond = services.bijeenkomst_opslaan(
        organisator=beleid,
        gegevens={
            "soort": BijeenkomstSoort.OVERIG,
            "titel": "Avond: veilig naar school in Lienden",
            "omschrijving": "Teken op de kaart waar het onveilig voelt.",
            "kern": lienden,
            "traject": traject,
            "begint_op": _dag(14, 19),
            "eindigt_op": _dag(14, 21),
            "locatie": "Dorpshuis Lienden",
            "capaciteit": 40,
        },
    )
    services.bijeenkomst_opslaan(
        organisator=kernambtenaar,
        gegevens={
            "soort": BijeenkomstSoort.ONDERNEMERS,
            "titel": "Koffiemoment voor ondernemers",
            "omschrijving": "Wat vraagt u van de gemeente? Dit gebruiken we voor de nota economie.",
            "kern": None,
            "begint_op": _dag(21, 8),
            "eindigt_op": _dag(21, 9),
            "videolink": "https://teams.example/ondernemers",
            "capaciteit": 15,
        },
    )
    for i, naam in enumerate(["Anna de Wit", "Henk Bos", "Ria Kok", "Piet Smit"]):
        _aanmelden_bevestigd(
            bijeenkomst=koffie,
            naam=naam,
            email=f"inwoner{i}@example.nl",
            onderwerp="Onderhoud van de dijk" if i == 0 else "",
        )
    for i in range(5):
        _aanmelden_bevestigd(bijeenkomst=avond, naam=f"Ouder {i + 1}", email=f"ouder{i}@example.nl")


def _aanmelden_bevestigd(**gegevens) -> None:
    """A demo resident signs up and confirms the address, as a real one would."""
    aanmelding = services.aanmelden(**gegevens).aanmelding
    services.aanmelding_bevestigen(aanmelding_id=aanmelding.pk)
