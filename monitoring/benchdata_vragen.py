"""Bench data: questions with their routing and answers, meetings and trajecten (see
monitoring/benchdata.py).

Deadlines follow vragen: the week ends at 23:59:59 (Europe/Amsterdam) of the 7th calendar
day after the day the question came in; an answered question tracks no deadline any more
(the model's constraint) and has its content answer; a process answer promises a date, which
becomes the tracked deadline.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from participatie.models import Bijeenkomst, BijeenkomstSoort, Traject, TrajectSoort, TrajectStatus
from vragen.models import Antwoord, AntwoordSoort, Routering, RouteringSoort, Vraag, VraagStatus

from .benchdata import TZ, Wereld, _bulk, _moment, eigen_tijden

ONDERWERPEN = [
    "Lantaarnpaal kapot",
    "Afval niet opgehaald",
    "Hondenpoep",
    "Gat in de weg",
    "Speeltuin",
    "Wateroverlast",
]
TRAJECTEN = ["Groenplan", "Verkeersveiligheid", "Dorpshuis", "Speelruimte"]


def _einde_dag(moment: datetime, dagen: int) -> datetime:
    dag = moment.astimezone(TZ).date() + timedelta(days=dagen)
    return datetime.combine(dag, time(23, 59, 59), tzinfo=TZ)


def _status(rng: random.Random, leeftijd: int) -> str:
    if leeftijd < 8:
        keuzes = [("nieuw", 3), ("doorgestuurd", 4), ("procesantwoord", 1), ("beantwoord", 2)]
    elif leeftijd < 40:
        keuzes = [
            ("doorgestuurd", 2),
            ("teruggegeven", 1),
            ("procesantwoord", 2),
            ("beantwoord", 15),
        ]
    else:
        keuzes = [("procesantwoord", 1), ("doorgestuurd", 1), ("beantwoord", 200)]
    statussen, gewichten = zip(*keuzes, strict=True)
    return rng.choices(statussen, gewichten)[0]


def vragen_maken(w: Wereld, aantal: int, rng: random.Random) -> None:
    per_team = {t.pk: [b for b in w.beleidsmedewerkers if b.team_id == t.pk] for t in w.teams}
    teams = [t for t in w.teams if per_team[t.pk]]
    rijen = []
    for i in range(aantal):
        kern = rng.choice(w.kernen)
        ontvangen = _moment(rng, w.nu)
        leeftijd = (w.nu - ontvangen).days
        status = _status(rng, leeftijd)
        termijn = _einde_dag(ontvangen, 7)
        team = rng.choice(teams) if status != VraagStatus.NIEUW else None
        velden: dict = {"deadline": termijn}
        if status == VraagStatus.BEANTWOORD:
            antwoord = min(ontvangen + timedelta(hours=rng.randint(2, 14 * 24)), w.nu)
            velden = {"deadline": None, "eerste_antwoord_op": antwoord, "beantwoord_op": antwoord}
            if rng.random() < 0.3:
                velden.update(
                    waardering=rng.choices(range(1, 11), [1, 1, 1, 2, 3, 5, 8, 9, 6, 3])[0],
                    gewaardeerd_op=min(antwoord + timedelta(days=2), w.nu),
                )
        elif status == VraagStatus.PROCESANTWOORD:
            eerste = ontvangen + timedelta(days=rng.randint(1, 6))
            belofte = (eerste + timedelta(days=rng.randint(7, 40))).astimezone(TZ).date()
            velden = {
                "eerste_antwoord_op": eerste,
                "toegezegd_op": belofte,
                "deadline": datetime.combine(belofte, time(23, 59, 59), tzinfo=TZ),
                "termijn_volgnummer": 1,
            }
        rijen.append(
            Vraag(
                kern=kern,
                naam=f"Vraagsteller {i}",
                email=f"vraag{i}@bench.invalid",
                email_bevestigd_op=ontvangen + timedelta(minutes=3),
                onderwerp=rng.choice(ONDERWERPEN),
                tekst="Graag hoor ik van u wat hieraan gedaan kan worden.",
                ontvangen_op=ontvangen,
                aangemaakt_op=ontvangen,
                status=status,
                team=team,
                behandelaar=rng.choice(per_team[team.pk]) if team else None,
                termijn_einde=termijn,
                **velden,
            )
        )
    with eigen_tijden(Vraag):
        vragen = _bulk(Vraag, rijen)
    routeringen, antwoorden = [], []
    for v in vragen:
        ka = w.ka_van(v.kern)
        if v.team_id:
            routeringen.append(
                Routering(
                    vraag=v,
                    soort=RouteringSoort.DOORGESTUURD,
                    team_id=v.team_id,
                    behandelaar=v.behandelaar,
                    door=ka,
                    op=v.ontvangen_op + timedelta(hours=1),
                )
            )
        if v.status == VraagStatus.TERUGGEGEVEN:
            routeringen.append(
                Routering(
                    vraag=v,
                    soort=RouteringSoort.TERUGGEGEVEN,
                    notitie="Hoort niet bij ons team.",
                    door=v.behandelaar or ka,
                    op=v.ontvangen_op + timedelta(hours=5),
                )
            )
        if v.status == VraagStatus.PROCESANTWOORD:
            antwoorden.append(
                Antwoord(
                    vraag=v,
                    soort=AntwoordSoort.PROCES,
                    tekst="We zoeken het uit en laten het u weten.",
                    toegezegd_op=v.toegezegd_op,
                    door=v.behandelaar or ka,
                    gegeven_op=v.eerste_antwoord_op,
                )
            )
        elif v.status == VraagStatus.BEANTWOORD:
            antwoorden.append(
                Antwoord(
                    vraag=v,
                    soort=AntwoordSoort.INHOUDELIJK,
                    tekst="Dit is opgelost. Dank voor uw melding.",
                    door=v.behandelaar or ka,
                    gegeven_op=v.beantwoord_op,
                )
            )
    _bulk(Routering, routeringen)
    _bulk(Antwoord, antwoorden)
    w.telling.update(vragen=len(vragen), routeringen=len(routeringen), antwoorden=len(antwoorden))


def participatie_maken(
    w: Wereld, aantal_bijeenkomsten: int, aantal_trajecten: int, rng: random.Random
) -> None:
    trajecten = []
    for i in range(aantal_trajecten):
        begin = _moment(rng, w.nu)
        trajecten.append(
            Traject(
                titel=f"Traject {i}: {rng.choice(TRAJECTEN)}",
                onderwerp="Hoe richten we dit samen in?",
                soort=rng.choice(TrajectSoort.values),
                status=rng.choices(TrajectStatus.values, [1, 3, 6])[0],
                eigenaar=rng.choice(w.beleidsmedewerkers),
                kernambtenaar=rng.choice(w.kernambtenaren),
                hoe_meedoen="Kom naar de avond in het dorpshuis.",
                aangemaakt_op=begin,
                gewijzigd_op=begin,
            )
        )
    with eigen_tijden(Traject):
        trajecten = _bulk(Traject, trajecten)
    koppel = Traject.kernen.through
    _bulk(
        koppel,
        [
            koppel(traject_id=t.pk, kern_id=k.pk)
            for t in trajecten
            for k in rng.sample(w.kernen, rng.randint(1, 3))
        ],
    )
    bijeenkomsten = []
    for i in range(aantal_bijeenkomsten):
        # One in ten is still to come (the public list shows those).
        if rng.random() < 0.1:
            begint = w.nu + timedelta(days=rng.randint(1, 120), hours=rng.randint(0, 10))
        else:
            begint = _moment(rng, w.nu)
        kern = rng.choice(w.kernen) if rng.random() < 0.85 else None
        bijeenkomsten.append(
            Bijeenkomst(
                soort=rng.choice(BijeenkomstSoort.values),
                titel=f"Bijeenkomst {i} {kern.naam if kern else 'gemeente'}",
                kern=kern,
                traject=rng.choice(trajecten) if trajecten and rng.random() < 0.3 else None,
                begint_op=begint,
                eindigt_op=begint + timedelta(hours=2),
                locatie="Dorpshuis",
                capaciteit=rng.choice([20, 40, 80]),
                organisator=rng.choice(w.kernambtenaren),
                aangemaakt_op=begint - timedelta(days=30),
            )
        )
    with eigen_tijden(Bijeenkomst):
        _bulk(Bijeenkomst, bijeenkomsten)
    w.telling.update(trajecten=len(trajecten), bijeenkomsten=len(bijeenkomsten))
