"""Business rules of initiatives (pure, typed, no request) and their django-rules permissions."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import rules

from accounts.rules import is_beleidsmedewerker, is_kernambtenaar
from core.links import BEVESTIG_GELDIG_DAGEN
from kernen.rules import is_kernambtenaar_van

from .constants import InitiatiefSoort

# The questions a Right to Challenge must answer, with the message when one is left empty.
RTC_VELDEN: dict[str, str] = {
    "rtc_taak": "Schrijf welke taak van de gemeente u wilt overnemen.",
    "rtc_waarom_beter": "Leg uit waarom u het beter of goedkoper kunt doen.",
    "rtc_uitvoerders": "Schrijf wie de taak gaan uitvoeren.",
}


def rtc_fouten(*, soort: str, antwoorden: dict[str, str]) -> dict[str, str]:
    """Per field, the Dutch message for every Right to Challenge question left empty; nothing
    for another kind of initiative (its answers are not asked)."""
    if soort != InitiatiefSoort.RIGHT_TO_CHALLENGE:
        return {}
    return {
        veld: melding
        for veld, melding in RTC_VELDEN.items()
        if not (antwoorden.get(veld) or "").strip()
    }


MAX_BIJLAGEN = 5
MAX_BIJLAGE_BYTES = 5 * 1024 * 1024
# Real content type (detected from the bytes) -> file name extensions that may carry it.
TOEGESTANE_BESTANDEN: dict[str, frozenset[str]] = {
    "image/jpeg": frozenset({".jpg", ".jpeg"}),
    "image/png": frozenset({".png"}),
    "application/pdf": frozenset({".pdf"}),
}


def is_verlopen(*, aangemaakt_op: datetime, bevestigd: bool, nu: datetime) -> bool:
    """An unconfirmed submission expires when its confirmation link does (7 days)."""
    return not bevestigd and aangemaakt_op <= nu - timedelta(days=BEVESTIG_GELDIG_DAGEN)


def verloop_grens(nu: datetime) -> datetime:
    return nu - timedelta(days=BEVESTIG_GELDIG_DAGEN)


@dataclass(frozen=True)
class Bestand:
    naam: str
    grootte: int
    echte_soort: str | None  # MIME type detected from the content, None if unknown


def bestandsfouten(bestanden: Iterable[Bestand], *, al_aanwezig: int = 0) -> list[str]:
    """Dutch messages for every file that is refused (count, size, real type vs name)."""
    bestanden = list(bestanden)
    fouten: list[str] = []
    if len(bestanden) + al_aanwezig > MAX_BIJLAGEN:
        fouten.append(
            f"U kunt in totaal hoogstens {MAX_BIJLAGEN} bestanden meesturen. "
            f"U koos er {len(bestanden)}"
            + (f" en er zijn er al {al_aanwezig}." if al_aanwezig else ".")
        )
    max_mb = MAX_BIJLAGE_BYTES // (1024 * 1024)
    for b in bestanden:
        if b.grootte > MAX_BIJLAGE_BYTES:
            fouten.append(f"{b.naam} is te groot. Een bestand mag hoogstens {max_mb} MB zijn.")
            continue
        if b.grootte == 0:
            fouten.append(f"{b.naam} is leeg.")
            continue
        extensie = Path(b.naam).suffix.lower()
        if b.echte_soort not in TOEGESTANE_BESTANDEN:
            fouten.append(f"{b.naam} is geen foto (JPG of PNG) of PDF.")
        elif extensie not in TOEGESTANE_BESTANDEN[b.echte_soort]:
            fouten.append(f"De inhoud van {b.naam} past niet bij de naam van het bestand.")
    return fouten


# ---------------------------------------------------------------------------------------
# Permissions (django-rules). Object-level checks take the Initiatief.


@rules.predicate
def is_kernambtenaar_van_initiatief(user, initiatief) -> bool:
    return initiatief is not None and is_kernambtenaar_van(user, initiatief.kern)


@rules.predicate
def is_toegewezen(user, initiatief) -> bool:
    return (
        initiatief is not None and user.pk is not None and initiatief.toegewezen_aan_id == user.pk
    )


@rules.predicate
def is_gekoppelde_beleidsmedewerker(user, initiatief) -> bool:
    return (
        initiatief is not None
        and user.pk is not None
        and initiatief.beleidsmedewerker_id == user.pk
    )


kan_behandelen = is_kernambtenaar & (is_kernambtenaar_van_initiatief | is_toegewezen)
kan_bekijken = kan_behandelen | (is_beleidsmedewerker & is_gekoppelde_beleidsmedewerker)

# The staff list (scoped by selectors.initiatieven_voor_medewerker).
rules.add_perm("initiatieven.view_lijst", is_kernambtenaar | is_beleidsmedewerker)
# One initiative, including the inwoner's contact details: only staff handling it.
rules.add_perm("initiatieven.bekijk_initiatief", kan_bekijken)
rules.add_perm("initiatieven.schrijf_notitie", kan_bekijken)
# Status steps, messages to the inwoner, assignment, the story.
rules.add_perm("initiatieven.behandel_initiatief", kan_behandelen)
# Nominations for the volunteer prizes: the kernambtenaar, scoped to their kernen by
# vrijwilligers.services.nominaties_voor_medewerker.
rules.add_perm("initiatieven.view_nominaties", is_kernambtenaar)
