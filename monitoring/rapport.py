"""The half-yearly report for the college: the monitoring figures per kern and in total, plus
money per regeling, meetings, trajectories per level of the participatieladder and the
residents' rating against the 7.0 target.

Read-only; a fixed number of queries whatever the data size. The page, the PDF and the XLSX
are drawn from the sections built here (monitoring.rapport_tabellen), so they show the same
figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from budgetten import selectors as budgetten_selectors
from participatie import selectors as participatie_selectors

from .grafieken import Staafdiagram, staafdiagram
from .periodes import Halfjaar
from .rapport_tabellen import AANTAL, CIJFER, GELD, PROCENT, TEKST, Cel, Kolom, Sectie, Tabel
from .selectors import DOEL_WAARDERING, KernRij, Monitoring, Waardering, monitoring

TOTAAL = "Totaal"
NUL = Decimal("0")
GEEN_NIVEAU = "Geen niveau gekozen"
HELE_GEMEENTE = "Hele gemeente (geen kern)"
NIET_PER_KERN = "Signaleringsgroepen en coördinator (niet per kern)"


def laatste_volledige_halfjaar(vandaag: date) -> Halfjaar:
    """The half year before the one today falls in: the last one that is over."""
    return Halfjaar.van_datum(vandaag).vorige()


@dataclass
class Rapport:
    halfjaar: Halfjaar
    vandaag: date
    m: Monitoring
    secties: list[Sectie]

    @property
    def loopt_nog(self) -> bool:
        return self.vandaag <= self.halfjaar.laatste_dag

    def sectie(self, sleutel: str) -> Sectie:
        return next(s for s in self.secties if s.sleutel == sleutel)

    @property
    def grafieken(self) -> list[Staafdiagram]:
        return [g for s in self.secties for g in s.grafieken]


def _komma(getal: Decimal) -> str:
    return str(getal).replace(".", ",")


def _procent(deel: int, geheel: int) -> int | None:
    return round(100 * deel / geheel) if geheel else None


def _ja_nee(waarde: bool | None) -> str:
    return "-" if waarde is None else ("ja" if waarde else "nee")


def _doel(w: Waardering) -> str:
    if w.doel_gehaald is None:
        return "geen cijfers"
    return "gehaald" if w.doel_gehaald else "niet gehaald"


def _sectie_kernen(m: Monitoring) -> Sectie:
    def cellen(naam, r: KernRij, zonder: str) -> list[Cel]:
        return [
            Cel(naam, TEKST),
            Cel(r.initiatieven_ingediend),
            Cel(r.initiatieven_toegezegd),
            Cel(r.vragen_ontvangen),
            Cel(r.vragen_op_tijd),
            Cel(r.vragen_beoordeelbaar),
            Cel(_procent(r.vragen_op_tijd, r.vragen_beoordeelbaar), PROCENT),
            Cel(zonder, TEKST),
        ]

    som = KernRij(kern_id=0, naam=TOTAAL)
    for r in m.rijen:
        som.initiatieven_ingediend += r.initiatieven_ingediend
        som.initiatieven_toegezegd += r.initiatieven_toegezegd
        som.vragen_ontvangen += r.vragen_ontvangen
        som.vragen_op_tijd += r.vragen_op_tijd
        som.vragen_beoordeelbaar += r.vragen_beoordeelbaar
    tabel = Tabel(
        sleutel="kernen",
        titel="Initiatieven en vragen per kern",
        kolommen=[
            Kolom("Kern", TEKST),
            Kolom("Initiatieven ingediend"),
            Kolom("Initiatieven toegezegd"),
            Kolom("Vragen ontvangen"),
            Kolom("Binnen een week beantwoord"),
            Kolom("Vragen te beoordelen"),
            Kolom("Binnen een week (%)", PROCENT),
            Kolom("Zonder activiteit", TEKST),
        ],
        rijen=[cellen(r.naam, r, _ja_nee(r.zonder_activiteit)) for r in m.rijen],
        totaal=cellen(TOTAAL, som, str(len(m.kernen_zonder_activiteit))),
    )
    return Sectie(
        sleutel="kernen",
        titel="Initiatieven en vragen",
        inleiding=(
            "De cijfers van de monitoringpagina: ingediende en toegezegde initiatieven, en "
            "hoeveel vragen binnen een week antwoord kregen."
        ),
        tabellen=[tabel],
        voetnoot=(
            "Binnen een week: van de vragen die in dit half jaar binnenkwamen en waarvan de week "
            "voorbij is of die al antwoord hebben. In de totaalregel staat bij 'Zonder "
            "activiteit' het aantal kernen zonder activiteit."
        ),
    )


def _sectie_geld(m: Monitoring, per_kern: dict, niet_per_kern: dict) -> Sectie:
    regelingen = m.regelingen
    kolommen = [Kolom("Kern", TEKST)]
    for reg in regelingen:
        kolommen += [Kolom(f"{reg.naam}: toegekend", GELD), Kolom(f"{reg.naam}: betaald", GELD)]
    kolommen += [Kolom("Totaal toegekend", GELD), Kolom("Totaal betaald", GELD)]

    def cellen(naam: str, bedragen: dict) -> list[Cel]:
        paren = [bedragen.get(reg.pk, (NUL, NUL)) for reg in regelingen]
        rij = [Cel(naam, TEKST)]
        for toegekend, betaald in paren:
            rij += [Cel(toegekend, GELD), Cel(betaald, GELD)]
        rij += [
            Cel(sum((t for t, _ in paren), NUL), GELD),
            Cel(sum((b for _, b in paren), NUL), GELD),
        ]
        return rij

    rijen = [cellen(r.naam, per_kern.get(r.kern_id, {})) for r in m.rijen]
    if niet_per_kern:
        rijen.append(cellen(NIET_PER_KERN, niet_per_kern))
    totaal = [Cel(TOTAAL, TEKST)] + [
        Cel(sum((rij[i].waarde for rij in rijen), NUL), GELD) for i in range(1, len(kolommen))
    ]
    grafiek = staafdiagram(
        sleutel="grafiek-geld",
        titel="Toegekend geld per kern",
        beschrijving=(
            "Staafdiagram: het geld dat in dit half jaar per kern is toegekend, alle regelingen "
            "samen. De bedragen staan ook in de tabel bij deze grafiek."
        ),
        kop_label="Kern",
        kop_waarde="Toegekend",
        soort=GELD,
        waarden=[(rij[0].waarde, rij[-2].waarde) for rij in rijen[: len(m.rijen)]],
    )
    return Sectie(
        sleutel="geld",
        titel="Geld per regeling",
        inleiding=(
            "Het geld dat in dit half jaar is toegekend, per regeling, en wat daarvan al is "
            "betaald. Een besluit telt in het half jaar waarin het is genomen."
        ),
        tabellen=[
            Tabel(
                sleutel="geld",
                titel="Toegekend en betaald per kern en regeling",
                kolommen=kolommen,
                rijen=rijen,
                totaal=totaal,
            )
        ],
        grafieken=[grafiek],
        voetnoot=(
            "Signaleringsgroepen werken soms voor meer kernen; hun declaraties en de vergoeding "
            "van de coördinator staan daarom op een aparte regel."
        ),
    )


def _sectie_bijeenkomsten(m: Monitoring, per_kern: dict) -> Sectie:
    def cellen(naam: str, b: dict) -> list[Cel]:
        return [
            Cel(naam, TEKST),
            Cel(b.get("gehouden", 0)),
            Cel(b.get("aanmeldingen", 0)),
            Cel(b.get("geannuleerd", 0)),
        ]

    rijen = [cellen(r.naam, per_kern.get(r.kern_id, {})) for r in m.rijen]
    rijen.append(cellen(HELE_GEMEENTE, per_kern.get(None, {})))
    totaal = [Cel(TOTAAL, TEKST)] + [Cel(sum(rij[i].waarde for rij in rijen)) for i in (1, 2, 3)]
    grafiek = staafdiagram(
        sleutel="grafiek-bijeenkomsten",
        titel="Aanmeldingen voor bijeenkomsten per kern",
        beschrijving=(
            "Staafdiagram: het aantal aanmeldingen voor de bijeenkomsten die in dit half jaar "
            "zijn gehouden, per kern. De aantallen staan ook in de tabel bij deze grafiek."
        ),
        kop_label="Kern",
        kop_waarde="Aanmeldingen",
        soort=AANTAL,
        waarden=[(rij[0].waarde, rij[2].waarde) for rij in rijen],
    )
    return Sectie(
        sleutel="bijeenkomsten",
        titel="Bijeenkomsten en opkomst",
        inleiding=(
            "Bijeenkomsten die in dit half jaar zijn gehouden, met het aantal aanmeldingen "
            "(de opkomst zoals het portaal die kent), en de bijeenkomsten die niet doorgingen."
        ),
        tabellen=[
            Tabel(
                sleutel="bijeenkomsten",
                titel="Bijeenkomsten per kern",
                kolommen=[
                    Kolom("Kern", TEKST),
                    Kolom("Gehouden"),
                    Kolom("Aanmeldingen"),
                    Kolom("Geannuleerd"),
                ],
                rijen=rijen,
                totaal=totaal,
            )
        ],
        grafieken=[grafiek],
    )


def _sectie_trajecten(m: Monitoring, per_kern: dict, totaal: dict, minder: int) -> Sectie:
    niveaus = [*participatie_selectors.ladder_niveaus(), ("", GEEN_NIVEAU)]

    def cellen(naam: str, aantallen: dict, totaal_aantal: int | None = None) -> list[Cel]:
        waarden = [aantallen.get(code, 0) for code, _ in niveaus]
        alles = sum(waarden) if totaal_aantal is None else totaal_aantal
        return [Cel(naam, TEKST), *[Cel(w) for w in waarden], Cel(alles)]

    rijen = [cellen(r.naam, per_kern.get(r.kern_id, {})) for r in m.rijen]
    grafiek = staafdiagram(
        sleutel="grafiek-trajecten",
        titel="Trajecten per niveau op de participatieladder",
        beschrijving=(
            "Staafdiagram: hoeveel participatietrajecten in dit half jaar liepen, per niveau op "
            "de participatieladder, voor de hele gemeente. De aantallen staan ook in de tabel "
            "bij deze grafiek."
        ),
        kop_label="Niveau",
        kop_waarde="Trajecten",
        soort=AANTAL,
        waarden=[(label, totaal.get(code, 0)) for code, label in niveaus],
    )
    return Sectie(
        sleutel="trajecten",
        titel="Participatietrajecten",
        inleiding=(
            "Participatietrajecten die in dit half jaar liepen, per niveau op de "
            f"participatieladder. Bij {minder} "
            f"{'traject' if minder == 1 else 'trajecten'} worden inwoners niet of minder "
            "betrokken; de reden staat op de openbare pagina van het traject."
        ),
        tabellen=[
            Tabel(
                sleutel="trajecten",
                titel="Trajecten per kern en niveau",
                kolommen=[
                    Kolom("Kern", TEKST),
                    *[Kolom(label) for _, label in niveaus],
                    Kolom("Totaal"),
                ],
                rijen=rijen,
                totaal=cellen(TOTAAL, totaal, sum(totaal.values())),
            )
        ],
        grafieken=[grafiek],
        voetnoot=(
            "Een traject voor meer kernen telt bij elke kern mee, maar in de totaalregel één "
            "keer. 'Geen niveau gekozen': meestal een initiatief van inwoners zelf, waarbij de "
            "gemeente meedoet."
        ),
    )


def _sectie_waardering(m: Monitoring) -> Sectie:
    def cellen(naam: str, w: Waardering) -> list[Cel]:
        return [
            Cel(naam, TEKST),
            Cel(w.aantal),
            Cel(w.voldoende),
            Cel(w.gemiddelde, CIJFER),
            Cel(_doel(w), TEKST),
        ]

    per_kern = [
        (r.naam, Waardering(r.aantal_waarderingen, r.som_waarderingen, r.waarderingen_voldoende))
        for r in m.rijen
    ]
    grafiek = staafdiagram(
        sleutel="grafiek-waardering",
        titel="Gemiddeld cijfer van inwoners per kern",
        beschrijving=(
            "Staafdiagram: het gemiddelde cijfer per kern op een schaal tot 10, met een lijn "
            f"bij het doel van {_komma(DOEL_WAARDERING)}. Kernen zonder cijfers hebben geen "
            "staaf. De cijfers staan ook in de tabel bij deze grafiek."
        ),
        kop_label="Kern",
        kop_waarde="Gemiddeld cijfer",
        soort=CIJFER,
        waarden=[(naam, w.gemiddelde) for naam, w in per_kern],
        doel=DOEL_WAARDERING,
        schaal=Decimal(10),
        doel_tekst=f"doel {_komma(DOEL_WAARDERING)}",
    )
    return Sectie(
        sleutel="waardering",
        titel="Cijfer van inwoners",
        inleiding=(
            "Inwoners die het portaal heeft geholpen, geven een cijfer van 1 tot 10. Het doel "
            f"is gemiddeld {_komma(DOEL_WAARDERING)} of hoger. Voor de hele "
            f"gemeente: {_doel(m.waardering)}."
        ),
        tabellen=[
            Tabel(
                sleutel="waardering",
                titel="Cijfers per kern",
                kolommen=[
                    Kolom("Kern", TEKST),
                    Kolom("Aantal cijfers"),
                    Kolom("7 of hoger"),
                    Kolom("Gemiddeld cijfer", CIJFER),
                    Kolom("Doel", TEKST),
                ],
                rijen=[cellen(naam, w) for naam, w in per_kern],
                totaal=cellen(TOTAAL, m.waardering),
            )
        ],
        grafieken=[grafiek],
        voetnoot=(
            "Het gemiddelde is naar beneden afgerond op één decimaal. De totaalregel telt ook "
            "cijfers uit kernen die niet meer in de lijst staan."
        ),
    )


def _sectie_overzicht(secties: dict[str, Sectie], m: Monitoring) -> Sectie:
    """The headline figures, taken from the total rows of the other sections."""
    kernen = secties["kernen"].tabellen[0].totaal or []
    geld = secties["geld"].tabellen[0].totaal or []
    bijeen = secties["bijeenkomsten"].tabellen[0].totaal or []
    traj = secties["trajecten"].tabellen[0].totaal or []
    rijen = [
        [Cel("Kernen", TEKST), Cel(len(m.rijen))],
        [Cel("Kernen zonder activiteit", TEKST), Cel(len(m.kernen_zonder_activiteit))],
        [Cel("Initiatieven ingediend", TEKST), kernen[1]],
        [Cel("Initiatieven toegezegd", TEKST), kernen[2]],
        [Cel("Vragen ontvangen", TEKST), kernen[3]],
        [Cel("Vragen binnen een week beantwoord (%)", TEKST), kernen[6]],
        [Cel("Geld toegekend", TEKST), geld[-2]],
        [Cel("Geld betaald", TEKST), geld[-1]],
        [Cel("Bijeenkomsten gehouden", TEKST), bijeen[1]],
        [Cel("Aanmeldingen voor bijeenkomsten", TEKST), bijeen[2]],
        [Cel("Participatietrajecten", TEKST), traj[-1]],
        [Cel("Aantal cijfers van inwoners", TEKST), Cel(m.waardering.aantal)],
        [Cel("Gemiddeld cijfer", TEKST), Cel(m.waardering.gemiddelde, CIJFER)],
        [
            Cel(f"Doel {_komma(DOEL_WAARDERING)} of hoger", TEKST),
            Cel(_doel(m.waardering), TEKST),
        ],
    ]
    return Sectie(
        sleutel="overzicht",
        titel="Overzicht",
        inleiding="De belangrijkste cijfers van dit half jaar voor de hele gemeente.",
        tabellen=[
            Tabel(
                sleutel="overzicht",
                titel="De cijfers van de hele gemeente",
                kolommen=[Kolom("Onderwerp", TEKST), Kolom("Waarde", TEKST)],
                rijen=rijen,
            )
        ],
    )


def halfjaarrapport(*, halfjaar: Halfjaar, vandaag: date) -> Rapport:
    begin, einde = halfjaar.begin, halfjaar.einde
    m = monitoring(halfjaar=halfjaar, vandaag=vandaag)
    geld = budgetten_selectors.rapport_geld_per_kern(begin=begin, einde=einde)
    signalering = budgetten_selectors.rapport_signalering(begin=begin, einde=einde)
    bijeenkomsten = participatie_selectors.rapport_bijeenkomsten(begin=begin, einde=einde)
    traj_kern, traj_totaal, minder = participatie_selectors.rapport_trajecten(
        begin=begin, einde=einde
    )
    delen = {
        "kernen": _sectie_kernen(m),
        "geld": _sectie_geld(m, geld, signalering),
        "bijeenkomsten": _sectie_bijeenkomsten(m, bijeenkomsten),
        "trajecten": _sectie_trajecten(m, traj_kern, traj_totaal, minder),
        "waardering": _sectie_waardering(m),
    }
    secties = [_sectie_overzicht(delen, m), *delen.values()]
    return Rapport(halfjaar=halfjaar, vandaag=vandaag, m=m, secties=secties)
