"""The rules of the four regelingen, and who may do what.

The business rules are pure, typed functions: they take plain values (amounts, dates, what
already exists) and return Dutch messages per form field (`Bevindingen`). Forms run them
while the inwoner fills in, services run them again at submission and at decision - the
decision re-check happens inside the transaction that holds the ledger lock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import rules
from django.utils.translation import gettext as _

from accounts.rules import (
    is_beleidsmedewerker,
    is_college,
    is_coordinator_signalering,
    is_functioneel_beheer,
    is_kernambtenaar,
)

# Amounts are read by the portal's one parser (core.bedragen); the names stay
# available here (r.bedrag_lezen, r.euro_tekst) for the rules and their callers.
from core.bedragen import OngeldigBedrag as OngeldigBedrag
from core.bedragen import bedrag_lezen as bedrag_lezen
from core.bedragen import euro_tekst

from .constants import (
    SIGNALERING_TEAM,
    SUBSIDIABELE_CATEGORIEEN,
    AanvraagStatus,
    KandidaatUitkomst,
    RegelingCode,
    StemrondeFase,
)

# The criteria an inwoner confirms per regeling: key -> question shown next to the checkbox.
CRITERIA: dict[str, dict[str, str]] = {
    RegelingCode.STRAATBIJEENKOMST: {
        "open_voor_iedereen": (
            "Alle bewoners van de straat of buurt zijn welkom (geen besloten feest)."
        ),
        "maakt_straat_beter": (
            "De activiteit maakt de straat of buurt gezelliger, veiliger of schoner."
        ),
        "contact_buren": "De activiteit brengt buren met elkaar in contact.",
    },
    RegelingCode.LEEFBAARHEID: {
        "effect_leefomgeving": "Het initiatief maakt de leefomgeving beter (sociaal en/of fysiek).",
        "brengt_samen": "Het initiatief brengt inwoners samen.",
        "meerdere_inwoners": "Het initiatief is voor meerdere inwoners bedoeld.",
        "open_voor_iedereen": "Alle inwoners van de straat, buurt of kern kunnen meedoen.",
    },
    RegelingCode.BIJZONDER: {
        "eenmalig": "Het is een eenmalig initiatief.",
        "past_bij_kerngericht": "Het past bij de doelen van kerngericht werken.",
        "niet_zonder_geld": "Zonder deze bijdrage gaat het initiatief niet door.",
    },
}


Bevindingen = dict[str, list[str]]


def _voeg_toe(bevindingen: Bevindingen, veld: str, melding: str) -> None:
    bevindingen.setdefault(veld, []).append(melding)


# --- Which year -----------------------------------------------------------------------------


def telt_in_jaar(activiteit_datum: date) -> int:
    """An aanvraag counts in the calendar year of its activity (docs/decisions/0004)."""
    return activiteit_datum.year


def controleer_datum(activiteit_datum: date | None, *, vandaag: date) -> Bevindingen:
    bevindingen: Bevindingen = {}
    if activiteit_datum is None:
        _voeg_toe(bevindingen, "activiteit_datum", _("Vul de datum van de activiteit in."))
    elif activiteit_datum < vandaag:
        _voeg_toe(
            bevindingen,
            "activiteit_datum",
            _("De datum ligt in het verleden. Vraag de bijdrage aan vóór de activiteit."),
        )
    elif activiteit_datum.year > vandaag.year + 1:
        _voeg_toe(
            bevindingen,
            "activiteit_datum",
            _("U kunt een bijdrage aanvragen voor dit jaar of volgend jaar."),
        )
    return bevindingen


def controleer_criteria(regeling: str, antwoorden: dict[str, bool]) -> Bevindingen:
    bevindingen: Bevindingen = {}
    for sleutel in CRITERIA.get(regeling, {}):
        if not antwoorden.get(sleutel):
            _voeg_toe(
                bevindingen,
                f"criterium_{sleutel}",
                _("Dit is een voorwaarde van de regeling. Zonder dit kunnen wij niet bijdragen."),
            )
    return bevindingen


# --- 1. Street or buurt event ----------------------------------------------------------------


@dataclass(frozen=True)
class StraatBerekening:
    subsidiabel: Decimal
    uitgesloten: Decimal
    bijdrage: Decimal
    afgetopt: bool


def straat_bijdrage(
    kostenposten: Iterable[tuple[str, Decimal]], *, maximum: Decimal
) -> StraatBerekening:
    """Contribution = min(maximum, sum of the eligible cost lines)."""
    subsidiabel = Decimal("0")
    uitgesloten = Decimal("0")
    for categorie, bedrag in kostenposten:
        if categorie in SUBSIDIABELE_CATEGORIEEN:
            subsidiabel += bedrag
        else:
            uitgesloten += bedrag
    bijdrage = min(maximum, subsidiabel)
    return StraatBerekening(
        subsidiabel=subsidiabel,
        uitgesloten=uitgesloten,
        bijdrage=bijdrage,
        afgetopt=subsidiabel > maximum,
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
        _voeg_toe(bevindingen, "straat", _("Vul de straat of buurt in."))
    if berekening.subsidiabel <= 0:
        _voeg_toe(
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
        _voeg_toe(
            bevindingen,
            "straat",
            _(
                "Deze straat of buurt heeft dit jaar al een bijdrage aangevraagd voor dezelfde "
                "activiteit of dezelfde doelgroep. Dat kan één keer per kalenderjaar."
            ),
        )
    return bevindingen


# --- 2 and 3. Leefbaarheid and bijzondere initiatieven -----------------------------------------


def controleer_bedrag_binnen_budget(
    *, gevraagd: Decimal, vrij: Decimal | None, veld: str = "gevraagd_bedrag"
) -> Bevindingen:
    """The amount must fit in what is still free in the budget of that scope and year."""
    bevindingen: Bevindingen = {}
    if vrij is not None and gevraagd > vrij:
        _voeg_toe(
            bevindingen,
            veld,
            _("Er is dit jaar nog %(vrij)s vrij. Vraag ten hoogste dat bedrag aan.")
            % {"vrij": euro_tekst(vrij)},
        )
    return bevindingen


def controleer_leefbaarheid(
    *, gevraagd: Decimal, vrij: Decimal | None, draagvlak: str
) -> Bevindingen:
    bevindingen = controleer_bedrag_binnen_budget(gevraagd=gevraagd, vrij=vrij)
    if not draagvlak.strip():
        _voeg_toe(
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
        _voeg_toe(bevindingen, "bedrag", _("Een toekenning is meer dan € 0,00. Wijs anders af."))
    if bedrag > gevraagd:
        _voeg_toe(
            bevindingen,
            "bedrag",
            _("U kunt niet meer toekennen dan is gevraagd (%(gevraagd)s).")
            % {"gevraagd": euro_tekst(gevraagd)},
        )
    if maximum is not None and bedrag > maximum:
        _voeg_toe(
            bevindingen,
            "bedrag",
            _("Deze regeling geeft ten hoogste %(max)s per aanvraag.")
            % {"max": euro_tekst(maximum)},
        )
    if vrij is not None and bedrag > vrij:
        _voeg_toe(
            bevindingen,
            "bedrag",
            _("Er is nog maar %(vrij)s vrij in dit budget.") % {"vrij": euro_tekst(vrij)},
        )
    return bevindingen


def controleer_vaststelling(*, nieuw: Decimal, toegekend: Decimal, betaald: Decimal) -> Bevindingen:
    """Settling (verantwoording) may lower the amount, never raise it or go under what is paid."""
    bevindingen: Bevindingen = {}
    if nieuw < 0:
        _voeg_toe(bevindingen, "bedrag", _("Een bedrag kan niet negatief zijn."))
    if nieuw > toegekend:
        _voeg_toe(
            bevindingen,
            "bedrag",
            _("Het vastgestelde bedrag kan niet hoger zijn dan het toegekende (%(b)s).")
            % {"b": euro_tekst(toegekend)},
        )
    if nieuw < betaald:
        _voeg_toe(
            bevindingen,
            "bedrag",
            _("Er is al %(b)s betaald; vorder eerst terug.") % {"b": euro_tekst(betaald)},
        )
    return bevindingen


def controleer_betaling(*, bedrag: Decimal, nog_te_betalen: Decimal) -> Bevindingen:
    bevindingen: Bevindingen = {}
    if bedrag <= 0:
        _voeg_toe(bevindingen, "bedrag", _("Het bedrag moet meer dan € 0,00 zijn."))
    if bedrag > nog_te_betalen:
        _voeg_toe(
            bevindingen,
            "bedrag",
            _("Er staat nog %(b)s open om te betalen.") % {"b": euro_tekst(nog_te_betalen)},
        )
    return bevindingen


# --- 4. Signaleringsgroepen -------------------------------------------------------------------


def controleer_declaratie(*, bedrag: Decimal, vrij: Decimal | None, heeft_bon: bool) -> Bevindingen:
    bevindingen: Bevindingen = {}
    if not heeft_bon:
        _voeg_toe(bevindingen, "bon", _("Voeg de bon of factuur toe (PDF, JPG of PNG)."))
    if vrij is not None and bedrag > vrij:
        _voeg_toe(
            bevindingen,
            "bedrag",
            _("De groep heeft dit jaar nog %(vrij)s over. Declareer ten hoogste dat bedrag.")
            % {"vrij": euro_tekst(vrij)},
        )
    return bevindingen


def controleer_vrijwilligersvergoeding(*, al_toegekend: bool) -> Bevindingen:
    if al_toegekend:
        return {
            "jaar": [_("De vrijwilligersvergoeding is dit jaar al toegekend. Dat kan één keer.")]
        }
    return {}


# --- 2b. The residents' voting round (leefbaarheidsbudget) -----------------------------------
# docs/decisions/0008-leefbaarheid-stemronde.md


def controleer_stemronde_periode(
    *, jaar: int, stemmen_van: date | None, stemmen_tot: date | None, vandaag: date
) -> Bevindingen:
    """A round divides this year's or next year's budget; voting ends on or after it starts,
    not in the past, and before the budget year is over."""
    bevindingen: Bevindingen = {}
    if not vandaag.year <= jaar <= vandaag.year + 1:
        _voeg_toe(bevindingen, "jaar", _("Kies dit jaar of volgend jaar."))
    if stemmen_van and stemmen_tot and stemmen_tot < stemmen_van:
        _voeg_toe(
            bevindingen, "stemmen_tot", _("De einddatum ligt vóór de begindatum. Pas dit aan.")
        )
    if stemmen_tot and stemmen_tot < vandaag:
        _voeg_toe(bevindingen, "stemmen_tot", _("De einddatum ligt in het verleden."))
    if stemmen_tot and stemmen_tot.year > jaar:
        _voeg_toe(
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
        _voeg_toe(bevindingen, "stemmen_van", _("De begindatum ligt in het verleden."))
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
        _voeg_toe(
            bevindingen,
            "status",
            _("De aanvrager heeft niet alle voorwaarden van de regeling bevestigd."),
        )
    if not draagvlak.strip():
        _voeg_toe(bevindingen, "status", _("De aanvraag zegt niet wie het initiatief steunen."))
    if gevraagd <= 0:
        _voeg_toe(bevindingen, "status", _("Voor deze aanvraag is geen bedrag gevraagd."))
    if plafond is not None and gevraagd > plafond:
        _voeg_toe(
            bevindingen,
            "status",
            _("Het gevraagde bedrag is hoger dan het budget van de kern (%(b)s).")
            % {"b": euro_tekst(plafond)},
        )
    return bevindingen


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


# --- Who may do what (django-rules) -----------------------------------------------------------


@rules.predicate
def is_kernambtenaar_van_aanvraag(user, aanvraag) -> bool:
    if aanvraag is None:
        return False
    return aanvraag.kern.kernambtenaren.filter(pk=user.pk).exists()


@rules.predicate
def is_college_aanvraag(user, aanvraag) -> bool:
    return aanvraag is not None and aanvraag.regeling.code == RegelingCode.BIJZONDER


@rules.predicate
def ligt_bij_college(user, aanvraag) -> bool:
    return aanvraag is not None and aanvraag.status == AanvraagStatus.BIJ_COLLEGE


@rules.predicate
def is_van_signaleringsteam(user) -> bool:
    team = getattr(user, "team", None)
    return team is not None and team.slug == SIGNALERING_TEAM


behandelaar = is_kernambtenaar | is_beleidsmedewerker
# The kernambtenaar of the aanvraag's kern decides (street events, leefbaarheid) and pays.
kernambtenaar_van = is_kernambtenaar & is_kernambtenaar_van_aanvraag
# A beleidsmedewerker only advises, on bijzondere initiatieven, and never decides or pays.
adviseur = kernambtenaar_van | is_beleidsmedewerker

rules.add_perm("budgetten.view_aanvragen", behandelaar | is_college | is_functioneel_beheer)
rules.add_perm(
    "budgetten.bekijk_aanvraag",
    kernambtenaar_van
    | ((is_beleidsmedewerker | is_college) & is_college_aanvraag)
    | is_functioneel_beheer,
)
# Bijzondere initiatieven: the college, once the advice has put it in the college's queue.
rules.add_perm(
    "budgetten.besluit_aanvraag",
    (kernambtenaar_van & ~is_college_aanvraag)
    | (is_college & is_college_aanvraag & ligt_bij_college),
)
rules.add_perm("budgetten.advise_aanvraag", adviseur & is_college_aanvraag)
rules.add_perm("budgetten.beheer_toekenning", kernambtenaar_van)
rules.add_perm("budgetten.view_college_queue", is_college)
rules.add_perm("budgetten.view_overzicht", behandelaar | is_college | is_functioneel_beheer)
rules.add_perm("budgetten.export", behandelaar | is_college | is_functioneel_beheer)
# Signaleringsgroepen: a beleidsmedewerker of team Veiligheid decides and pays, for every
# group (a group may cover several kernen); the coordinator files the declarations.
signalering_behandelaar = is_beleidsmedewerker & is_van_signaleringsteam
rules.add_perm("budgetten.view_declaraties", is_coordinator_signalering | signalering_behandelaar)
# Not "add_declaratie": that is also the model permission functioneel beheer holds for the
# admin, and Django's ModelBackend would let them file declarations in the portal.
rules.add_perm("budgetten.declaratie_indienen", is_coordinator_signalering)
rules.add_perm("budgetten.bekijk_declaratie", is_coordinator_signalering | signalering_behandelaar)
rules.add_perm("budgetten.decide_declaratie", signalering_behandelaar)
rules.add_perm("budgetten.grant_vrijwilligersvergoeding", signalering_behandelaar)


# The voting round: the kernambtenaar of that kern. Object: a Kern or a Stemronde.
@rules.predicate
def is_kernambtenaar_van_stemronde(user, obj) -> bool:
    if obj is None:
        return False
    kern = getattr(obj, "kern", obj)
    return kern.kernambtenaren.filter(pk=user.pk).exists()


rules.add_perm("budgetten.view_stemrondes", is_kernambtenaar)
rules.add_perm("budgetten.beheer_stemronde", is_kernambtenaar & is_kernambtenaar_van_stemronde)
