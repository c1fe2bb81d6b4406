"""The lifecycle of an aanvraag, as data: which step may follow which status, and who takes it.

Services refuse a step the table does not allow (`mag`), views offer the forms of the steps
`acties(aanvraag, user)` returns, and templates read those booleans instead of comparing
status strings. One table for all three.
"""

from __future__ import annotations

from dataclasses import dataclass

from .constants import AanvraagStatus as S
from .constants import RegelingCode

BEVESTIGEN = "bevestigen"
ADVISEREN = "adviseren"
BESLUITEN = "besluiten"
BETALEN = "betalen"
VASTSTELLEN = "vaststellen"
INTREKKEN = "intrekken"

# Who may take a step: a django-rules permission on the aanvraag; "" is the inwoner through
# the mailed confirmation link.
BESLUIT = "budgetten.besluit_aanvraag"
ADVIES = "budgetten.advise_aanvraag"
BEHEER = "budgetten.beheer_toekenning"


@dataclass(frozen=True)
class Overgang:
    actie: str
    naar: tuple[str, ...]
    permissie: str
    # True: only bijzondere initiatieven; False: every regeling but those; None: all.
    bijzonder: bool | None = None
    # Offered on the staff detail page (a withdrawal before the decision is possible, but
    # only through the service, e.g. when an applicant cancels).
    op_pagina: bool = True


_INTREKKEN = Overgang(INTREKKEN, (S.INGETROKKEN,), BEHEER, op_pagina=False)

OVERGANGEN: dict[str, tuple[Overgang, ...]] = {
    S.ONBEVESTIGD: (Overgang(BEVESTIGEN, (S.INGEDIEND,), "", op_pagina=False), _INTREKKEN),
    S.INGEDIEND: (
        Overgang(ADVISEREN, (S.BIJ_COLLEGE,), ADVIES, bijzonder=True),
        Overgang(BESLUITEN, (S.TOEGEKEND, S.AFGEWEZEN), BESLUIT, bijzonder=False),
        _INTREKKEN,
    ),
    S.BIJ_COLLEGE: (
        Overgang(BESLUITEN, (S.TOEGEKEND, S.AFGEWEZEN), BESLUIT, bijzonder=True),
        _INTREKKEN,
    ),
    S.TOEGEKEND: (
        Overgang(BETALEN, (S.TOEGEKEND,), BEHEER),
        Overgang(VASTSTELLEN, (S.VASTGESTELD,), BEHEER),
        Overgang(INTREKKEN, (S.INGETROKKEN,), BEHEER),
    ),
    S.VASTGESTELD: (Overgang(BETALEN, (S.VASTGESTELD,), BEHEER),),
    S.AFGEWEZEN: (),
    S.INGETROKKEN: (),
}


def _past(overgang: Overgang, aanvraag) -> bool:
    if overgang.bijzonder is None:
        return True
    return (aanvraag.regeling.code == RegelingCode.BIJZONDER) == overgang.bijzonder


def overgang(aanvraag, actie: str) -> Overgang | None:
    """The step `actie` from the aanvraag's status, or None when the table does not allow it."""
    for o in OVERGANGEN.get(aanvraag.status, ()):
        if o.actie == actie and _past(o, aanvraag):
            return o
    return None


def mag(aanvraag, actie: str) -> bool:
    """Whether the status of the aanvraag allows the step (whoever asks): for services."""
    return overgang(aanvraag, actie) is not None


def _geld_staat_het_toe(aanvraag, actie: str) -> bool:
    if actie == BETALEN:
        return aanvraag.actueel_bedrag > aanvraag.betaald_bedrag
    if actie == INTREKKEN:
        return aanvraag.betaald_bedrag == 0
    return True


def acties(aanvraag, user) -> list[str]:
    """The steps `user` can take on the aanvraag's staff page now."""
    return [
        o.actie
        for o in OVERGANGEN.get(aanvraag.status, ())
        if o.op_pagina
        and _past(o, aanvraag)
        and _geld_staat_het_toe(aanvraag, o.actie)
        and user.has_perm(o.permissie, aanvraag)
    ]


@dataclass(frozen=True)
class Voortgang:
    """What an inwoner's page says about where the aanvraag is (no status strings in HTML)."""

    bij_kernambtenaar: bool
    bij_college: bool
    toegekend: bool


def voortgang(aanvraag) -> Voortgang:
    return Voortgang(
        bij_kernambtenaar=aanvraag.status == S.INGEDIEND,
        bij_college=aanvraag.status == S.BIJ_COLLEGE,
        toegekend=aanvraag.status == S.TOEGEKEND,
    )
