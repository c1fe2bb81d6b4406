"""The legal pages as data: the accessibility statement and the contact details.

Both live in a TOML file under core/data/ (tomllib is in the standard library), so whoever
keeps them - communicatie, the accessibility coordinator - changes a data file, not a
template. A missing or empty required field stops the portal loudly: the pages raise
`OngeldigeGegevens`, and `manage.py check` (run at every deploy) reports it before that
(`controleer`, registered in core.apps).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

DATA = Path(__file__).resolve().parent / "data"
TOEGANKELIJKHEID = DATA / "toegankelijkheid.toml"
CONTACT = DATA / "contact.toml"

# The statuses A-E of the government's model statement, in its own words.
VOLDOET_VOLLEDIG = "voldoet volledig"
STATUSSEN = (
    VOLDOET_VOLLEDIG,
    "voldoet gedeeltelijk",
    "eerste maatregelen genomen",
    "geen maatregelen genomen",
    "voldoet niet",
)


class OngeldigeGegevens(ImproperlyConfigured):
    """A data file of a legal page lacks a required field or has one of the wrong kind."""


@dataclass(frozen=True)
class BekendProbleem:
    probleem: str
    criterium: str
    oplossing: str
    gepland_voor: dt.date


@dataclass(frozen=True)
class Verklaring:
    organisatie: str
    website: str
    reikwijdte: str
    status: str
    norm: str
    opgesteld_op: dt.date
    laatste_controle: dt.date
    uitgevoerd_door: str
    methode: str
    gepland: str
    bekende_problemen: list[BekendProbleem]
    contact_email: str
    reactietermijn: str
    klacht_gemeente: str
    ombudsman: str
    ombudsman_url: str
    ombudsman_tekst: str


@dataclass(frozen=True)
class Adres:
    straat: str
    postcode: str
    plaats: str
    naam: str = ""


@dataclass(frozen=True)
class Openingstijd:
    dagen: str
    tijden: str


@dataclass(frozen=True)
class Contactgegevens:
    organisatie: str
    toelichting: str
    bezoekadres: Adres
    postadres: Adres
    telefoon: str
    telefoon_link: str
    telefoon_toelichting: str
    email: str
    email_toelichting: str
    openingstijden: list[Openingstijd]


class _Bestand:
    """Reads one data file and hands out its fields, each checked for presence and kind."""

    def __init__(self, pad: Path):
        self.pad = pad
        try:
            with pad.open("rb") as f:
                self.data = tomllib.load(f)
        except FileNotFoundError as fout:
            raise OngeldigeGegevens(f"{pad}: het gegevensbestand ontbreekt") from fout
        except tomllib.TOMLDecodeError as fout:
            raise OngeldigeGegevens(f"{pad}: geen geldige TOML ({fout})") from fout

    def veld(self, sleutel: str, soort: type = str, *, binnen: dict | None = None) -> Any:
        """`sleutel` may be dotted ("onderzoek.methode"); `binnen` reads from a list item."""
        waarde: Any = self.data if binnen is None else binnen
        for deel in sleutel.split("."):
            waarde = waarde.get(deel) if isinstance(waarde, dict) else None
        if waarde is None or waarde == "" or waarde == []:
            raise OngeldigeGegevens(
                f"{self.pad}: het verplichte veld '{sleutel}' ontbreekt of is leeg"
            )
        if not isinstance(waarde, soort) or (soort is dt.date and isinstance(waarde, dt.datetime)):
            raise OngeldigeGegevens(
                f"{self.pad}: het veld '{sleutel}' moet een {_SOORTEN[soort]} zijn, niet {waarde!r}"
            )
        if isinstance(waarde, str):
            return waarde.strip()
        return waarde

    def lijst(self, sleutel: str, *, verplicht: bool = True) -> list[dict]:
        items = self.data.get(sleutel) or []
        if verplicht and not items:
            raise OngeldigeGegevens(f"{self.pad}: de lijst '{sleutel}' ontbreekt of is leeg")
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise OngeldigeGegevens(f"{self.pad}: '{sleutel}' moet een lijst [[{sleutel}]] zijn")
        return items


_SOORTEN = {str: "tekst", dt.date: "datum (JJJJ-MM-DD)", list: "lijst", dict: "tabel"}


def toegankelijkheidsverklaring(pad: Path | None = None) -> Verklaring:
    b = _Bestand(pad or TOEGANKELIJKHEID)
    status = b.veld("status")
    if status not in STATUSSEN:
        raise OngeldigeGegevens(
            f"{b.pad}: 'status' is '{status}', moet een van {', '.join(STATUSSEN)} zijn"
        )
    problemen = [
        BekendProbleem(
            probleem=b.veld("probleem", binnen=p),
            criterium=b.veld("criterium", binnen=p),
            oplossing=b.veld("oplossing", binnen=p),
            gepland_voor=b.veld("gepland_voor", dt.date, binnen=p),
        )
        # Only a site that fully complies may list no known problems.
        for p in b.lijst("bekende_problemen", verplicht=status != VOLDOET_VOLLEDIG)
    ]
    ombudsman_url = b.veld("klacht.ombudsman_url")
    if not ombudsman_url.startswith("https://"):
        raise OngeldigeGegevens(f"{b.pad}: 'klacht.ombudsman_url' moet met https:// beginnen")
    return Verklaring(
        organisatie=b.veld("organisatie"),
        website=b.veld("website"),
        reikwijdte=b.veld("reikwijdte"),
        status=status,
        norm=b.veld("norm"),
        opgesteld_op=b.veld("opgesteld_op", dt.date),
        laatste_controle=b.veld("laatste_controle", dt.date),
        uitgevoerd_door=b.veld("onderzoek.uitgevoerd_door"),
        methode=b.veld("onderzoek.methode"),
        gepland=b.veld("onderzoek.gepland"),
        bekende_problemen=problemen,
        contact_email=b.veld("contact.email"),
        reactietermijn=b.veld("contact.reactietermijn"),
        klacht_gemeente=b.veld("klacht.gemeente"),
        ombudsman=b.veld("klacht.ombudsman"),
        ombudsman_url=ombudsman_url,
        ombudsman_tekst=b.veld("klacht.ombudsman_tekst"),
    )


def _adres(b: _Bestand, sleutel: str) -> Adres:
    return Adres(
        naam=b.data.get(sleutel, {}).get("naam", ""),
        straat=b.veld(f"{sleutel}.straat"),
        postcode=b.veld(f"{sleutel}.postcode"),
        plaats=b.veld(f"{sleutel}.plaats"),
    )


def contactgegevens(pad: Path | None = None) -> Contactgegevens:
    b = _Bestand(pad or CONTACT)
    telefoon_link = b.veld("telefoon.link")
    if not telefoon_link.lstrip("+").isdigit():
        raise OngeldigeGegevens(f"{b.pad}: 'telefoon.link' mag alleen cijfers (en +) bevatten")
    return Contactgegevens(
        organisatie=b.veld("organisatie"),
        toelichting=b.veld("toelichting"),
        bezoekadres=_adres(b, "bezoekadres"),
        postadres=_adres(b, "postadres"),
        telefoon=b.veld("telefoon.tekst"),
        telefoon_link=telefoon_link,
        telefoon_toelichting=b.veld("telefoon.toelichting"),
        email=b.veld("email.adres"),
        email_toelichting=b.veld("email.toelichting"),
        openingstijden=[
            Openingstijd(dagen=b.veld("dagen", binnen=o), tijden=b.veld("tijden", binnen=o))
            for o in b.lijst("openingstijden")
        ],
    )


def controleer(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """System check: both data files are complete (manage.py check, at every start)."""
    fouten: list[checks.CheckMessage] = []
    for lezen in (toegankelijkheidsverklaring, contactgegevens):
        try:
            lezen()
        except OngeldigeGegevens as fout:
            fouten.append(checks.Error(str(fout), id="core.E001"))
    return fouten
