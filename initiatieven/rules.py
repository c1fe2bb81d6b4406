"""Business rules of initiatives (pure, typed, no request) and their django-rules permissions."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import rules

from accounts.rules import is_beleidsmedewerker, is_kernambtenaar
from kernen.rules import is_kernambtenaar_van

from .constants import Actor, InitiatiefStatus

S = InitiatiefStatus
M, INW = Actor.MEDEWERKER, Actor.INWONER

# The status flow: from -> {to: who may take that step}.
OVERGANGEN: dict[str, dict[str, frozenset[str]]] = {
    S.INGEDIEND: {
        S.IN_BEHANDELING: frozenset({M}),
        S.INGETROKKEN: frozenset({M, INW}),
    },
    S.IN_BEHANDELING: {
        S.INFORMATIE_GEVRAAGD: frozenset({M}),
        S.TOEGEZEGD: frozenset({M}),
        S.AFGEWEZEN: frozenset({M}),
        S.INGETROKKEN: frozenset({M, INW}),
    },
    S.INFORMATIE_GEVRAAGD: {
        # The inwoner answering moves it back automatically; staff may do so too.
        S.IN_BEHANDELING: frozenset({M, INW}),
        S.INGETROKKEN: frozenset({M, INW}),
    },
    S.TOEGEZEGD: {
        S.UITGEVOERD: frozenset({M}),
        S.INGETROKKEN: frozenset({M, INW}),
    },
    S.UITGEVOERD: {S.AFGEROND: frozenset({M})},
    S.AFGEWEZEN: {},
    S.INGETROKKEN: {},
    S.AFGEROND: {},
}

# Steps that need a written reason (shown to the inwoner).
TOELICHTING_VERPLICHT: frozenset[str] = frozenset({S.AFGEWEZEN, S.INFORMATIE_GEVRAAGD})
# Shown on the public pages of the kern (without personal data).
PUBLIEKE_STATUSSEN: frozenset[str] = frozenset({S.TOEGEZEGD, S.UITGEVOERD, S.AFGEROND})
# Waiting for the municipality: the "oldest waiting" on the dashboard.
WACHTENDE_STATUSSEN: frozenset[str] = frozenset({S.INGEDIEND, S.IN_BEHANDELING})
EINDSTATUSSEN: frozenset[str] = frozenset(s for s, naar in OVERGANGEN.items() if not naar)

BEVESTIGEN_BINNEN_DAGEN = 7
MAX_BIJLAGEN = 5
MAX_BIJLAGE_BYTES = 5 * 1024 * 1024
# Real content type (detected from the bytes) -> file name extensions that may carry it.
TOEGESTANE_BESTANDEN: dict[str, frozenset[str]] = {
    "image/jpeg": frozenset({".jpg", ".jpeg"}),
    "image/png": frozenset({".png"}),
    "application/pdf": frozenset({".pdf"}),
}


class OvergangNietToegestaan(Exception):
    """The service refuses a step that the status flow does not allow."""


def volgende_statussen(huidig: str, actor: str) -> list[str]:
    """The statuses `actor` may move an initiative to from `huidig`, in flow order."""
    naar = OVERGANGEN.get(huidig, {})
    return [s for s in S.values if actor in naar.get(s, frozenset())]


def overgang_toegestaan(van: str, naar: str, actor: str) -> bool:
    return actor in OVERGANGEN.get(van, {}).get(naar, frozenset())


def controleer_overgang(*, van: str, naar: str, actor: str, toelichting: str) -> None:
    """Raise OvergangNietToegestaan with a Dutch message when the step is not allowed."""
    if not overgang_toegestaan(van, naar, actor):
        raise OvergangNietToegestaan(
            f"Van '{S(van).label}' naar '{S(naar).label}' kan niet."
            if van in S.values and naar in S.values
            else "Deze stap bestaat niet."
        )
    if naar in TOELICHTING_VERPLICHT and not toelichting.strip():
        raise OvergangNietToegestaan("Schrijf erbij waarom. De inwoner ziet deze uitleg.")


def kan_intrekken(status: str) -> bool:
    return overgang_toegestaan(status, S.INGETROKKEN, INW)


def is_verlopen(*, aangemaakt_op: datetime, bevestigd: bool, nu: datetime) -> bool:
    """An unconfirmed submission expires 7 days after it was made."""
    return not bevestigd and aangemaakt_op <= nu - timedelta(days=BEVESTIGEN_BINNEN_DAGEN)


def verloop_grens(nu: datetime) -> datetime:
    return nu - timedelta(days=BEVESTIGEN_BINNEN_DAGEN)


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
