"""Rules of the residents' voting round (leefbaarheidsbudget).

docs/decisions/0008-leefbaarheid-stemronde.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _

from core.bedragen import euro_tekst

from ..constants import (
    KandidaatUitkomst,
    RegelingCode,
    StemrondeFase,
)
from .algemeen import Bevindingen, controleer_criteria, voeg_toe


def controleer_stemronde_periode(
    *, jaar: int, stemmen_van: date | None, stemmen_tot: date | None, vandaag: date
) -> Bevindingen:
    """A round divides this year's or next year's budget; voting ends on or after it starts,
    not in the past, and before the budget year is over."""
    bevindingen: Bevindingen = {}
    if not vandaag.year <= jaar <= vandaag.year + 1:
        voeg_toe(bevindingen, "jaar", _("Kies dit jaar of volgend jaar."))
    if stemmen_van and stemmen_tot and stemmen_tot < stemmen_van:
        voeg_toe(
            bevindingen, "stemmen_tot", _("De einddatum ligt vóór de begindatum. Pas dit aan.")
        )
    if stemmen_tot and stemmen_tot < vandaag:
        voeg_toe(bevindingen, "stemmen_tot", _("De einddatum ligt in het verleden."))
    if stemmen_tot and stemmen_tot.year > jaar:
        voeg_toe(
            bevindingen,
            "stemmen_tot",
            _("Stemmen moet klaar zijn vóór het einde van %(jaar)s.") % {"jaar": jaar},
        )
    return bevindingen


def controleer_stemronde_datums_wijzigen(
    *, fase: str, jaar: int, stemmen_van: date, stemmen_tot: date, vandaag: date
) -> Bevindingen:
    """The voting dates may change only while the round is in preparation: residents and
    applicants are told the dates when voting opens. The first day is not in the past."""
    if fase != StemrondeFase.VOORBEREIDING:
        return {
            "stemmen_van": [_("De data wijzigt u alleen zolang de stemronde in voorbereiding is.")]
        }
    bevindingen = controleer_stemronde_periode(
        jaar=jaar, stemmen_van=stemmen_van, stemmen_tot=stemmen_tot, vandaag=vandaag
    )
    if stemmen_van < vandaag:
        voeg_toe(bevindingen, "stemmen_van", _("De begindatum ligt in het verleden."))
    return bevindingen


def controleer_kandidaat(
    *,
    criteria: dict[str, bool],
    draagvlak: str,
    gevraagd: Decimal,
    plafond: Decimal | None,
) -> Bevindingen:
    """An aanvraag may join a round only when it (still) passes the leefbaarheid rules."""
    bevindingen: Bevindingen = {}
    if controleer_criteria(RegelingCode.LEEFBAARHEID, criteria):
        voeg_toe(
            bevindingen,
            "status",
            _("De aanvrager heeft niet alle voorwaarden van de regeling bevestigd."),
        )
    if not draagvlak.strip():
        voeg_toe(bevindingen, "status", _("De aanvraag zegt niet wie het initiatief steunen."))
    if gevraagd <= 0:
        voeg_toe(bevindingen, "status", _("Voor deze aanvraag is geen bedrag gevraagd."))
    if plafond is not None and gevraagd > plafond:
        voeg_toe(
            bevindingen,
            "status",
            _("Het gevraagde bedrag is hoger dan het budget van de kern (%(b)s).")
            % {"b": euro_tekst(plafond)},
        )
    return bevindingen


# --- Who may vote: an address in the kern, one ballot per address or per person ------------

# Residents who voted but did not click the link get one reminder after this long.
HERINNEREN_NA = timedelta(days=2)
TOEVOEGING_RE = re.compile(r"^[A-Z0-9]{1,6}$")


def toevoeging_normaliseren(toevoeging: str) -> str:
    """ "-a", " A ", "bis" -> "A", "BIS": house-number additions compared without spaces,
    dashes or case, so "12-a" and "12 A" are the same address."""
    return re.sub(r"[\s\-/]", "", toevoeging or "").upper()


def adres_sleutel(*, postcode: str, huisnummer: int, toevoeging: str) -> str:
    """The address as one value, unique per round when the round counts per address."""
    return " ".join(d for d in (postcode, str(huisnummer), toevoeging) if d)


def controleer_adres(
    *, postcode: str, huisnummer: int | None, toevoeging: str, in_kern: bool, kern_naam: str
) -> Bevindingen:
    """`postcode` and `toevoeging` come normalised ("" when the postcode is not one). A vote
    counts only from an address inside the kern's postcode ranges."""
    bevindingen: Bevindingen = {}
    if not postcode:
        voeg_toe(bevindingen, "postcode", _("Vul een postcode in zoals 4116 AB."))
    elif not in_kern:
        voeg_toe(
            bevindingen,
            "postcode",
            _(
                "Deze postcode hoort niet bij %(kern)s. Alleen inwoners van %(kern)s kunnen "
                "stemmen. Klopt uw postcode wel? Neem dan contact op met de kernambtenaar."
            )
            % {"kern": kern_naam},
        )
    if huisnummer is None or not 1 <= huisnummer <= 99999:
        voeg_toe(bevindingen, "huisnummer", _("Vul uw huisnummer in, alleen het getal."))
    if toevoeging and not TOEVOEGING_RE.match(toevoeging):
        voeg_toe(
            bevindingen,
            "toevoeging",
            _("Een toevoeging is een letter of een kort getal, zoals A of 2."),
        )
    return bevindingen


def herinnering_nodig(*, aangemaakt_op: datetime, nu: datetime) -> bool:
    return nu - aangemaakt_op >= HERINNEREN_NA


# --- What residents see: one state, derived from the phase and today's date -----------------


@dataclass(frozen=True)
class Stand:
    code: str
    label: str

    @property
    def is_open(self) -> bool:
        return self.code == "open"

    @property
    def binnenkort(self) -> bool:
        return self.code == "binnenkort"

    @property
    def is_gesloten(self) -> bool:
        return self.code == "gesloten"


def stemronde_stand(*, fase: str, stemmen_van: date, stemmen_tot: date, vandaag: date) -> Stand:
    """The one state a page shows. A round still open after its last day (before the periodic
    task closed it) is shown as closed, never as open and closed at once."""
    if fase == StemrondeFase.VOORBEREIDING:
        return Stand("voorbereiding", _("In voorbereiding"))
    if fase == StemrondeFase.VERDEELD:
        return Stand("verdeeld", _("Het geld is verdeeld"))
    if fase == StemrondeFase.OPEN and vandaag < stemmen_van:
        return Stand("binnenkort", _("Stemmen begint binnenkort"))
    if stemmen_mogelijk(
        fase=fase, stemmen_van=stemmen_van, stemmen_tot=stemmen_tot, vandaag=vandaag
    ):
        return Stand("open", _("Stemmen is open"))
    return Stand("gesloten", _("Stemmen is gesloten"))


def stemmen_mogelijk(*, fase: str, stemmen_van: date, stemmen_tot: date, vandaag: date) -> bool:
    """Votes (and confirmations of votes) count only while the round is open, within its
    dates (both days included, Europe/Amsterdam)."""
    return fase == StemrondeFase.OPEN and stemmen_van <= vandaag <= stemmen_tot


@dataclass(frozen=True)
class StemKandidaat:
    """An admitted initiative as the ranking sees it."""

    id: int
    stemmen: int
    gevraagd: Decimal
    ingediend_op: datetime
    vervallen: bool = False
    # Fewer confirmed supporters than the regeling's minimum for the year (RegelingJaar.min_steun).
    te_weinig_steun: bool = False


@dataclass(frozen=True)
class Toewijzing:
    id: int
    plaats: int
    stemmen: int
    gevraagd: Decimal
    bedrag: Decimal
    uitkomst: str


def rangschikken(kandidaten: Iterable[StemKandidaat]) -> list[StemKandidaat]:
    """Most votes first. Equal votes: the aanvraag submitted (confirmed) earlier goes first,
    then the lower id - so the order is always the same."""
    return sorted(kandidaten, key=lambda k: (-k.stemmen, k.ingediend_op, k.id))


def verdeel_budget(
    kandidaten: Sequence[StemKandidaat], *, beschikbaar: Decimal
) -> list[Toewijzing]:
    """Divide what is free in order of support, until it is spent.

    - An initiative gets the full amount it asked for, or nothing (no partial grants).
    - One that does not fit in what is left is skipped; the next ones (fewer votes, smaller
      amount) may still fit.
    - An initiative without a single vote gets nothing.
    - One with fewer supporters than the regeling's minimum (`te_weinig_steun`) gets nothing
      and takes no money, whatever its votes: the minimum holds before any grant.
    - A candidate whose aanvraag was withdrawn or decided meanwhile (`vervallen`) gets
      nothing and takes no money.
    Never hands out more than `beschikbaar`.
    """
    over = max(beschikbaar, Decimal("0"))
    uitkomsten: list[Toewijzing] = []
    for plaats, k in enumerate(rangschikken(kandidaten), start=1):
        bedrag = Decimal("0")
        if k.vervallen:
            uitkomst = KandidaatUitkomst.VERVALLEN
        elif k.stemmen <= 0:
            uitkomst = KandidaatUitkomst.GEEN_STEUN
        elif k.te_weinig_steun:
            uitkomst = KandidaatUitkomst.TE_WEINIG_STEUN
        elif k.gevraagd <= over:
            bedrag = k.gevraagd
            over -= bedrag
            uitkomst = KandidaatUitkomst.TOEGEKEND
        else:
            uitkomst = KandidaatUitkomst.PAST_NIET
        uitkomsten.append(
            Toewijzing(
                id=k.id,
                plaats=plaats,
                stemmen=k.stemmen,
                gevraagd=k.gevraagd,
                bedrag=bedrag,
                uitkomst=uitkomst,
            )
        )
    return uitkomsten
