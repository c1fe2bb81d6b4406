"""Rules of applying and deciding: street events, leefbaarheid, bijzonder; grants, payments
and settlement."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from core.bedragen import euro_tekst

from ..constants import (
    SUBSIDIABELE_CATEGORIEEN,
)
from .algemeen import Bevindingen, controleer_bedrag_binnen_budget, voeg_toe

# --- 1. Street or buurt event ----------------------------------------------------------------


@dataclass(frozen=True)
class StraatBerekening:
    subsidiabel: Decimal
    uitgesloten: Decimal
    bijdrage: Decimal
    afgetopt: bool


def straat_bijdrage(
    kostenposten: Iterable[tuple[str, Decimal]], *, maximum: Decimal | None
) -> StraatBerekening:
    """Contribution = min(maximum, sum of the eligible cost lines); no maximum, no cap."""
    subsidiabel = Decimal("0")
    uitgesloten = Decimal("0")
    for categorie, bedrag in kostenposten:
        if categorie in SUBSIDIABELE_CATEGORIEEN:
            subsidiabel += bedrag
        else:
            uitgesloten += bedrag
    bijdrage = subsidiabel if maximum is None else min(maximum, subsidiabel)
    return StraatBerekening(
        subsidiabel=subsidiabel,
        uitgesloten=uitgesloten,
        bijdrage=bijdrage,
        afgetopt=maximum is not None and subsidiabel > maximum,
    )


# More cost lines than this do not help anyone: costs that belong together go on one line.
MAX_KOSTENREGELS = 15


@dataclass(frozen=True)
class Kostentotaal:
    """The running total under the cost lines: everything typed, what of it counts for the
    contribution, and how far that is from the maximum (None: no maximum known)."""

    totaal: Decimal
    telt_mee: Decimal
    maximum: Decimal | None

    @property
    def bijdrage(self) -> Decimal:
        return self.telt_mee if self.maximum is None else min(self.telt_mee, self.maximum)

    @property
    def afgetopt(self) -> bool:
        return self.maximum is not None and self.telt_mee > self.maximum

    @property
    def over(self) -> Decimal | None:
        """What may still be added before the maximum; None when the maximum is passed."""
        if self.maximum is None or self.telt_mee > self.maximum:
            return None
        return self.maximum - self.telt_mee

    @property
    def boven(self) -> Decimal | None:
        """How much the eligible costs exceed the maximum (the resident pays that)."""
        if self.maximum is None or self.telt_mee <= self.maximum:
            return None
        return self.telt_mee - self.maximum


def kostentotaal(
    kostenposten: Iterable[tuple[str, Decimal]], *, maximum: Decimal | None
) -> Kostentotaal:
    """The same split as straat_bijdrage, so the total never disagrees with the check."""
    berekening = straat_bijdrage(kostenposten, maximum=maximum)
    return Kostentotaal(
        totaal=berekening.subsidiabel + berekening.uitgesloten,
        telt_mee=berekening.subsidiabel,
        maximum=maximum,
    )


def straat_sleutel(straat: str) -> str:
    """Normalise a street/buurt name so that 'Dorpsstraat ' and 'dorpsstraat' are the same."""
    return " ".join(straat.lower().split())


@dataclass(frozen=True)
class EerdereActiviteit:
    straat: str
    activiteit_soort: str
    doelgroep: str


def is_herhaling(
    *, straat: str, activiteit_soort: str, doelgroep: str, eerdere: Iterable[EerdereActiviteit]
) -> bool:
    """Same street/buurt and the same activity or the same doelgroep (within one year)."""
    sleutel = straat_sleutel(straat)
    return any(
        straat_sleutel(e.straat) == sleutel
        and (e.activiteit_soort == activiteit_soort or e.doelgroep == doelgroep)
        for e in eerdere
    )


def controleer_straatbijeenkomst(
    *,
    berekening: StraatBerekening,
    straat: str,
    activiteit_soort: str,
    doelgroep: str,
    eerdere: Iterable[EerdereActiviteit],
) -> Bevindingen:
    bevindingen: Bevindingen = {}
    if not straat.strip():
        voeg_toe(bevindingen, "straat", _("Vul de straat of buurt in."))
    if berekening.subsidiabel <= 0:
        voeg_toe(
            bevindingen,
            "kostenposten",
            _(
                "Er zijn geen kosten waarvoor de bijdrage geldt. Eten, drinken, servies en een "
                "barbecue betalen wij niet; geluid, versiering, spellen en prijzen wel."
            ),
        )
    if straat.strip() and is_herhaling(
        straat=straat, activiteit_soort=activiteit_soort, doelgroep=doelgroep, eerdere=eerdere
    ):
        voeg_toe(
            bevindingen,
            "straat",
            _(
                "Deze straat of buurt heeft dit jaar al een bijdrage aangevraagd voor dezelfde "
                "activiteit of dezelfde doelgroep. Dat kan één keer per kalenderjaar."
            ),
        )
    return bevindingen


# --- 2 and 3. Leefbaarheid and bijzondere initiatieven -----------------------------------------


def controleer_leefbaarheid(
    *, gevraagd: Decimal, vrij: Decimal | None, draagvlak: str
) -> Bevindingen:
    bevindingen = controleer_bedrag_binnen_budget(gevraagd=gevraagd, vrij=vrij)
    if not draagvlak.strip():
        voeg_toe(
            bevindingen,
            "draagvlak",
            _("Vertel wie het initiatief steunen (bijvoorbeeld buren, een vereniging)."),
        )
    return bevindingen


def controleer_bijzonder(*, gevraagd: Decimal, vrij: Decimal | None) -> Bevindingen:
    return controleer_bedrag_binnen_budget(gevraagd=gevraagd, vrij=vrij)


# --- Deciding ---------------------------------------------------------------------------------


def controleer_toekenning(
    *, bedrag: Decimal, gevraagd: Decimal, vrij: Decimal | None, maximum: Decimal | None
) -> Bevindingen:
    """At decision: a (partial) grant is positive, at most what was asked, at most the
    regeling's maximum per aanvraag and at most what is free in the budget."""
    bevindingen: Bevindingen = {}
    if bedrag <= 0:
        voeg_toe(bevindingen, "bedrag", _("Een toekenning is meer dan € 0,00. Wijs anders af."))
    if bedrag > gevraagd:
        voeg_toe(
            bevindingen,
            "bedrag",
            _("U kunt niet meer toekennen dan is gevraagd (%(gevraagd)s).")
            % {"gevraagd": euro_tekst(gevraagd)},
        )
    if maximum is not None and bedrag > maximum:
        voeg_toe(
            bevindingen,
            "bedrag",
            _("Deze regeling geeft ten hoogste %(max)s per aanvraag.")
            % {"max": euro_tekst(maximum)},
        )
    if vrij is not None and bedrag > vrij:
        voeg_toe(
            bevindingen,
            "bedrag",
            _("Er is nog maar %(vrij)s vrij in dit budget.") % {"vrij": euro_tekst(vrij)},
        )
    return bevindingen


def controleer_vaststelling(*, nieuw: Decimal, toegekend: Decimal, betaald: Decimal) -> Bevindingen:
    """Settling (verantwoording) may lower the amount, never raise it or go under what is paid."""
    bevindingen: Bevindingen = {}
    if nieuw < 0:
        voeg_toe(bevindingen, "bedrag", _("Een bedrag kan niet negatief zijn."))
    if nieuw > toegekend:
        voeg_toe(
            bevindingen,
            "bedrag",
            _("Het vastgestelde bedrag kan niet hoger zijn dan het toegekende (%(b)s).")
            % {"b": euro_tekst(toegekend)},
        )
    if nieuw < betaald:
        voeg_toe(
            bevindingen,
            "bedrag",
            _("Er is al %(b)s betaald; vorder eerst terug.") % {"b": euro_tekst(betaald)},
        )
    return bevindingen


def controleer_betaling(*, bedrag: Decimal, nog_te_betalen: Decimal) -> Bevindingen:
    bevindingen: Bevindingen = {}
    if bedrag <= 0:
        voeg_toe(bevindingen, "bedrag", _("Het bedrag moet meer dan € 0,00 zijn."))
    if bedrag > nog_te_betalen:
        voeg_toe(
            bevindingen,
            "bedrag",
            _("Er staat nog %(b)s open om te betalen.") % {"b": euro_tekst(nog_te_betalen)},
        )
    return bevindingen


def steun_tekort(*, minimum: int, aantal: int) -> str | None:
    """The refusal when the initiative (the linked one, or the voting candidate) has fewer
    confirmed supporters than the regeling asks for this year; None when there is enough
    support (or no minimum)."""
    if not te_weinig_steun(minimum=minimum, aantal=aantal):
        return None
    return (
        f"Het initiatief heeft {aantal} van de {minimum} steunbetuigingen die deze "
        "regeling vraagt. Toekennen kan pas als er genoeg inwoners steunen."
    )


def te_weinig_steun(*, minimum: int, aantal: int | None) -> bool:
    """Below the regeling's minimum of confirmed supporters. `aantal` None: nobody could
    support the aanvraag (no linked initiative, no candidacy), so no minimum applies."""
    return aantal is not None and minimum > 0 and aantal < minimum
