"""Lifecycles of trajecten, bijeenkomsten and aanmeldingen, as data.

Each table lists the status steps (an action, from, to) and the rule (participatie.rules)
that decides whether the step may be taken now. Services call `controleer` to refuse with
`core.fouten.Weigering`; views and templates ask `acties(obj, user)` which steps are on
offer, so that no template compares raw status strings.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from core.fouten import Weigering

from . import rules
from .constants import AanmeldingStatus, BijeenkomstStatus, TrajectStatus
from .models import Aanmelding, Bijeenkomst, Traject

Controle = Callable[..., tuple[bool, str]]


@dataclass(frozen=True)
class Overgang:
    actie: str
    van: str
    naar: str
    # The rule; it gets the object and the moment, and says (may, why not).
    controle: Controle


@dataclass(frozen=True)
class Actie:
    """A status step on offer: whether it may be taken now, and if not, why not."""

    naam: str
    toegestaan: bool
    reden: str = ""


def _traject_publiceren(traject: Traject, nu: datetime.datetime) -> tuple[bool, str]:
    return rules.mag_publiceren(
        soort=traject.soort, status=traject.status, voltooid=traject.voltooid
    )


def _traject_afronden(traject: Traject, nu: datetime.datetime) -> tuple[bool, str]:
    return rules.mag_afronden(soort=traject.soort, status=traject.status, voltooid=traject.voltooid)


def _bijeenkomst_annuleren(b: Bijeenkomst, nu: datetime.datetime) -> tuple[bool, str]:
    return rules.annuleren_mogelijk(status=b.status, begint_op=b.begint_op, nu=nu)


def _aanmelding_afmelden(a: Aanmelding, nu: datetime.datetime) -> tuple[bool, str]:
    return rules.afmelden_mogelijk(
        status=a.status,
        begint_op=a.bijeenkomst.begint_op,
        nu=nu,
        geannuleerd=a.bijeenkomst.geannuleerd,
    )


def _altijd(obj: object, nu: datetime.datetime) -> tuple[bool, str]:
    return True, ""


T, B, A = TrajectStatus, BijeenkomstStatus, AanmeldingStatus

TRAJECT_OVERGANGEN: tuple[Overgang, ...] = (
    Overgang("publiceren", T.CONCEPT, T.LOPEND, _traject_publiceren),
    Overgang("afronden", T.LOPEND, T.AFGEROND, _traject_afronden),
)
BIJEENKOMST_OVERGANGEN: tuple[Overgang, ...] = (
    Overgang("annuleren", B.GEPLAND, B.GEANNULEERD, _bijeenkomst_annuleren),
)
AANMELDING_OVERGANGEN: tuple[Overgang, ...] = (
    Overgang("afmelden", A.AANGEMELD, A.AFGEMELD, _aanmelding_afmelden),
    Overgang("afmelden", A.WACHTLIJST, A.AFGEMELD, _aanmelding_afmelden),
    # The address is confirmed: a free place, else the waiting list (the service decides).
    Overgang("bevestigen", A.ONBEVESTIGD, A.AANGEMELD, _altijd),
    Overgang("bevestigen_vol", A.ONBEVESTIGD, A.WACHTLIJST, _altijd),
    # A seat came free: the service moves the first on the waiting list up.
    Overgang("doorschuiven", A.WACHTLIJST, A.AANGEMELD, _altijd),
)

# Who may take the staff steps (django-rules permission on the object).
_TABELLEN: dict[type, tuple[tuple[Overgang, ...], str]] = {
    Traject: (TRAJECT_OVERGANGEN, "participatie.wijzig_traject"),
    Bijeenkomst: (BIJEENKOMST_OVERGANGEN, "participatie.wijzig_bijeenkomst"),
    Aanmelding: (AANMELDING_OVERGANGEN, ""),  # the resident, through the personal link
}

# A trajectory on the public pages: published, or completed.
OPENBARE_TRAJECTSTATUSSEN: frozenset[str] = frozenset({T.LOPEND, T.AFGEROND})


def is_openbaar(traject: Traject) -> bool:
    return traject.status in OPENBARE_TRAJECTSTATUSSEN


def _tabel(obj: object) -> tuple[tuple[Overgang, ...], str]:
    return _TABELLEN[type(obj)]


def overgang(obj: object, actie: str) -> Overgang:
    """The step `actie` from the object's current status, else the first step of that name."""
    overgangen, _perm = _tabel(obj)
    status = getattr(obj, "status", None)
    kandidaten = [o for o in overgangen if o.actie == actie]
    return next((o for o in kandidaten if o.van == status), kandidaten[0])


def beoordeel(obj: object, actie: str, *, nu: datetime.datetime | None = None) -> Actie:
    """May `actie` be taken now (whatever the status), and if not, why not."""
    mag, reden = overgang(obj, actie).controle(obj, nu or timezone.now())
    return Actie(naam=actie, toegestaan=mag, reden=reden)


def controleer(obj: object, actie: str, *, nu: datetime.datetime | None = None) -> Overgang:
    """The step to take, or Weigering with the rule's Dutch reason."""
    oordeel = beoordeel(obj, actie, nu=nu)
    if not oordeel.toegestaan:
        raise Weigering(oordeel.reden)
    return overgang(obj, actie)


def acties(obj: object, user=None, *, nu: datetime.datetime | None = None) -> dict[str, Actie]:
    """The steps on offer from the object's current status, by action name. Given a user,
    only when that user may change the object at all."""
    overgangen, perm = _tabel(obj)
    if user is not None and perm and not user.has_perm(perm, obj):
        return {}
    nu = nu or timezone.now()
    aanbod: dict[str, Actie] = {}
    for stap in overgangen:
        if stap.van != getattr(obj, "status", None) or stap.actie in aanbod:
            continue
        if stap.controle is _altijd:
            continue  # a step the system takes, not one on offer
        mag, reden = stap.controle(obj, nu)
        aanbod[stap.actie] = Actie(naam=stap.actie, toegestaan=mag, reden=reden)
    return aanbod
