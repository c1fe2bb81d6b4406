"""The lifecycle of a vraag as data: which step may happen from which status, by whom.

Services refuse with `controleer` (a `Weigering` in plain Dutch), views and templates ask
`acties(vraag, user)` which steps to offer. Nothing else compares status values.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.fouten import Weigering

from .constants import VraagStatus
from .models import Vraag
from .rules import mag_beantwoorden, mag_routeren


class Actie(StrEnum):
    ROUTEREN = "routeren"
    BEANTWOORDEN = "beantwoorden"  # the content answer, which closes the vraag
    PROCESANTWOORD = "procesantwoord"  # a promise of a date for the content answer
    TERUGGEVEN = "teruggeven"


@dataclass(frozen=True)
class Overgang:
    """One step: allowed from `van`, leads to `naar`, for whoever `mag(user, vraag)`."""

    actie: Actie
    van: frozenset[VraagStatus]
    naar: VraagStatus
    mag: Callable[..., bool]
    niet_van_u: Promise  # the user may not take this step on this vraag
    niet_nu: Promise  # the status does not allow it; may use %(s)s (the status)
    niet_nu_per_status: dict[VraagStatus, Promise] = field(default_factory=dict)


_S = VraagStatus
NIET_TOEGEWEZEN = _("Deze vraag is niet aan u of uw team toegewezen.")

OVERGANGEN: dict[Actie, Overgang] = {
    o.actie: o
    for o in (
        Overgang(
            actie=Actie.ROUTEREN,
            van=frozenset({_S.NIEUW, _S.DOORGESTUURD, _S.TERUGGEGEVEN}),
            naar=_S.DOORGESTUURD,
            mag=mag_routeren,
            niet_van_u=_("Alleen de kernambtenaar van deze kern kan deze vraag doorsturen."),
            niet_nu=_("Deze vraag kan niet meer worden doorgestuurd (status: %(s)s)."),
        ),
        Overgang(
            actie=Actie.BEANTWOORDEN,
            van=frozenset({_S.DOORGESTUURD, _S.PROCESANTWOORD}),
            naar=_S.BEANTWOORD,
            mag=mag_beantwoorden,
            niet_van_u=NIET_TOEGEWEZEN,
            niet_nu=_("Deze vraag is nu niet aan u toegewezen."),
            niet_nu_per_status={_S.BEANTWOORD: _("Deze vraag is al beantwoord.")},
        ),
        Overgang(
            actie=Actie.PROCESANTWOORD,
            van=frozenset({_S.DOORGESTUURD}),
            naar=_S.PROCESANTWOORD,
            mag=mag_beantwoorden,
            niet_van_u=NIET_TOEGEWEZEN,
            niet_nu=_("Deze vraag is nu niet aan u toegewezen."),
            niet_nu_per_status={
                _S.BEANTWOORD: _("Deze vraag is al beantwoord."),
                _S.PROCESANTWOORD: _(
                    "Er is al een procesantwoord gegeven. Geef nu het inhoudelijke antwoord."
                ),
            },
        ),
        Overgang(
            actie=Actie.TERUGGEVEN,
            van=frozenset({_S.DOORGESTUURD, _S.PROCESANTWOORD}),
            naar=_S.TERUGGEGEVEN,
            mag=mag_beantwoorden,
            niet_van_u=NIET_TOEGEWEZEN,
            niet_nu=_("Deze vraag kan niet worden teruggegeven."),
        ),
    )
}


def kan_nu(vraag: Vraag, actie: Actie) -> bool:
    """Whether the status of the vraag allows the step (whoever takes it)."""
    return vraag.status in OVERGANGEN[actie].van


def acties(vraag: Vraag, user) -> frozenset[Actie]:
    """The steps this user may take on this vraag now."""
    return frozenset(
        o.actie for o in OVERGANGEN.values() if vraag.status in o.van and o.mag(user, vraag)
    )


def controleer(vraag: Vraag, user, actie: Actie) -> VraagStatus:
    """Refuse with a Weigering unless `user` may take `actie` now; returns the next status."""
    o = OVERGANGEN[actie]
    if not o.mag(user, vraag):
        raise Weigering(str(o.niet_van_u))
    if vraag.status not in o.van:
        tekst = o.niet_nu_per_status.get(VraagStatus(vraag.status), o.niet_nu)
        raise Weigering(str(tekst) % {"s": vraag.get_status_display()})
    return o.naar
