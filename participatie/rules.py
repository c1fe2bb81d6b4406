"""Business rules of participation trajectories and meetings: pure, typed, no request.

The step order is enforced here (docs/decisions/0006-traject-stapvolgorde.md): a step can be
filled in once every earlier step of the method is complete; completed steps can be revised.
"""

import datetime
from collections.abc import Iterable, Mapping

import rules
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.rules import (
    is_beleidsmedewerker,
    is_college,
    is_functioneel_beheer,
    is_kernambtenaar,
    is_kernwethouder,
    is_teammanager,
)

from . import selectors
from .constants import (
    STAP_DEFINITIE,
    STAP_DEFINITIES,
    STAPPEN,
    AanmeldingStatus,
    BijeenkomstStatus,
    Stap,
    TrajectStatus,
)

# The step after which a trajectory may be shown to the public: by then residents can read
# what is decided, what they may expect (the ladder's promise or our role) and what is fixed.
PUBLICEREN_NA: dict[str, str] = {
    soort: next(d.key for d in STAP_DEFINITIES if soort in d.soorten and d.publiceren_na)
    for soort in STAPPEN
}


def stap_nummer(*, soort: str, stap: str) -> int:
    return STAPPEN[soort].index(stap) + 1


def stap_label(stap: str) -> str:
    return str(Stap(stap).label)


def stap_beschikbaar(*, soort: str, stap: str, voltooid: Iterable[str]) -> tuple[bool, str]:
    """May this step be filled in now? Every earlier step of the method must be complete."""
    stappen = STAPPEN.get(soort, ())
    if stap not in stappen:
        return False, _("Deze stap hoort niet bij deze vorm van participatie.")
    gedaan = set(voltooid)
    for nummer, eerder in enumerate(stappen[: stappen.index(stap)], start=1):
        if eerder not in gedaan:
            return False, _("Rond eerst stap %(nr)s af: %(label)s.") % {
                "nr": nummer,
                "label": stap_label(eerder),
            }
    return True, ""


def volgende_stap(*, soort: str, voltooid: Iterable[str]) -> str | None:
    gedaan = set(voltooid)
    for stap in STAPPEN[soort]:
        if stap not in gedaan:
            return stap
    return None


def ontbrekende_velden(*, stap: str, waarden: Mapping[str, object]) -> list[str]:
    """Names of required fields of a step that are empty. Also: a reason when residents are
    not or less involved."""
    ontbreekt = [veld for veld in STAP_DEFINITIE[stap].verplicht if not waarden.get(veld)]
    reden = str(waarden.get("minder_betrokken_reden") or "").strip()
    if stap == Stap.NIVEAU and waarden.get("minder_betrokken") and not reden:
        ontbreekt.append("minder_betrokken_reden")
    return ontbreekt


def mag_publiceren(*, soort: str, status: str, voltooid: Iterable[str]) -> tuple[bool, str]:
    if status != TrajectStatus.CONCEPT:
        return False, _("Dit traject staat al op de openbare pagina.")
    drempel = PUBLICEREN_NA[soort]
    stappen = STAPPEN[soort]
    gedaan = set(voltooid)
    for nummer, stap in enumerate(stappen[: stappen.index(drempel) + 1], start=1):
        if stap not in gedaan:
            return False, _("Publiceren kan na stap %(nr)s. Rond eerst af: %(label)s.") % {
                "nr": stappen.index(drempel) + 1,
                "label": f"{nummer}. {stap_label(stap)}",
            }
    return True, ""


def mag_afronden(*, soort: str, status: str, voltooid: Iterable[str]) -> tuple[bool, str]:
    if status != TrajectStatus.LOPEND:
        return False, _("Alleen een lopend traject kan worden afgerond.")
    ontbreekt = [s for s in STAPPEN[soort] if s not in set(voltooid)]
    if ontbreekt:
        return False, _("Rond eerst alle stappen af, ook de evaluatie.")
    return True, ""


# Meetings


def inschrijving_open(
    *, begint_op: datetime.datetime, nu: datetime.datetime, geannuleerd: bool = False
) -> tuple[bool, str]:
    if geannuleerd:
        return False, _("Deze bijeenkomst gaat niet door. Aanmelden kan niet meer.")
    if begint_op <= nu:
        return False, _("Deze bijeenkomst is al geweest of begonnen. Aanmelden kan niet meer.")
    return True, ""


def status_voor_nieuwe_aanmelding(*, capaciteit: int, aantal_aangemeld: int) -> str:
    if aantal_aangemeld < capaciteit:
        return AanmeldingStatus.AANGEMELD
    return AanmeldingStatus.WACHTLIJST


def afmelden_mogelijk(
    *,
    status: str,
    begint_op: datetime.datetime,
    nu: datetime.datetime,
    geannuleerd: bool = False,
) -> tuple[bool, str]:
    if status == AanmeldingStatus.AFGEMELD:
        return False, _("U bent al afgemeld voor deze bijeenkomst.")
    if geannuleerd:
        return False, _("Deze bijeenkomst gaat niet door. U hoeft zich niet af te melden.")
    if begint_op <= nu:
        return False, _("Deze bijeenkomst is al begonnen. Afmelden kan niet meer.")
    return True, ""


def annuleren_mogelijk(
    *, status: str, begint_op: datetime.datetime, nu: datetime.datetime
) -> tuple[bool, str]:
    """A meeting can be cancelled once, and only before it starts."""
    if status == BijeenkomstStatus.GEANNULEERD:
        return False, _("Deze bijeenkomst is al geannuleerd.")
    if begint_op <= nu:
        return False, _("Deze bijeenkomst is al begonnen of geweest. Annuleren kan niet meer.")
    return True, ""


def herinnering_venster(*, nu: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    """Meetings that start tomorrow (local calendar day) get their reminder today."""
    morgen = timezone.localtime(nu).date() + datetime.timedelta(days=1)
    tz = timezone.get_current_timezone()
    begin = datetime.datetime.combine(morgen, datetime.time.min, tzinfo=tz)
    eind = datetime.datetime.combine(
        morgen + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return begin, eind


# Permissions (django-rules). Objects: a Traject or a Bijeenkomst.


@rules.predicate
def is_traject_eigenaar(user, traject) -> bool:
    return traject is not None and traject.eigenaar_id == user.pk


@rules.predicate
def is_kernambtenaar_van_traject(user, traject) -> bool:
    if traject is None or not user.is_authenticated:
        return False
    if traject.kernambtenaar_id == user.pk:
        return True
    return traject.kernen.filter(kernambtenaren=user).exists()


@rules.predicate
def is_kernwethouder_van_traject(user, traject) -> bool:
    if traject is None or not user.is_authenticated:
        return False
    return traject.kernen.filter(kernwethouders=user).exists()


@rules.predicate
def mag_bijeenkomst_wijzigen(user, bijeenkomst) -> bool:
    return (
        bijeenkomst is not None
        and selectors.bijeenkomsten_te_wijzigen(user).filter(pk=bijeenkomst.pk).exists()
    )


@rules.predicate
def mag_aanmeldingen_zien(user, bijeenkomst) -> bool:
    return (
        bijeenkomst is not None
        and selectors.bijeenkomsten_met_aanmeldingen(user).filter(pk=bijeenkomst.pk).exists()
    )


kan_trajecten_zien = (
    is_beleidsmedewerker
    | is_teammanager
    | is_kernambtenaar
    | is_kernwethouder
    | is_college
    | is_functioneel_beheer
)
kan_traject_maken = is_beleidsmedewerker | is_kernambtenaar | is_functioneel_beheer
kan_traject_wijzigen = (
    is_functioneel_beheer
    | (is_beleidsmedewerker & is_traject_eigenaar)
    | (is_kernambtenaar & is_kernambtenaar_van_traject)
)
kan_traject_zien = (
    kan_traject_wijzigen
    | is_beleidsmedewerker
    | is_teammanager
    | is_college
    | (is_kernwethouder & is_kernwethouder_van_traject)
)
kan_bijeenkomst_maken = is_kernambtenaar | is_beleidsmedewerker | is_functioneel_beheer
# Which meetings: participatie.selectors, shared with the staff list and dashboard.
kan_bijeenkomst_wijzigen = mag_bijeenkomst_wijzigen
kan_aanmeldingen_zien = mag_aanmeldingen_zien

PERMISSIONS = {
    "participatie.view_trajecten": kan_trajecten_zien,
    "participatie.maak_traject": kan_traject_maken,
    "participatie.bekijk_traject": kan_traject_zien,
    "participatie.wijzig_traject": kan_traject_wijzigen,
    "participatie.view_bijeenkomsten": kan_trajecten_zien,
    "participatie.maak_bijeenkomst": kan_bijeenkomst_maken,
    "participatie.wijzig_bijeenkomst": kan_bijeenkomst_wijzigen,
    "participatie.view_aanmeldingen": kan_aanmeldingen_zien,
}
for _naam, _predicate in PERMISSIONS.items():
    rules.add_perm(_naam, _predicate)
