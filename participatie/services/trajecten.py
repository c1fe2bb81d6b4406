"""Every write of participation trajectories: create, edit, the steps of the method and
the status steps (participatie.workflow). Refusals are `core.fouten.Weigering`."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.fouten import Weigering
from initiatieven.models import Initiatief
from kernen.models import Kanaal, Kern
from participatie import rules, workflow
from participatie.constants import STAP_DEFINITIE, Stap, TrajectStatus
from participatie.models import Betrokkene, Traject, TrajectStap

# Trajectories


@transaction.atomic
def traject_aanmaken(
    *,
    titel: str,
    onderwerp: str,
    soort: str,
    kernen: Iterable[Kern],
    eigenaar,
    kernambtenaar=None,
) -> Traject:
    kernen = list(kernen)
    if not kernen:
        raise Weigering({"kernen": _("Kies ten minste één kern.")})
    traject = Traject(
        titel=titel,
        onderwerp=onderwerp,
        soort=soort,
        eigenaar=eigenaar,
        kernambtenaar=kernambtenaar,
    )
    traject.full_clean()
    traject.save()
    traject.kernen.set(kernen)
    return traject


@transaction.atomic
def traject_basis_bijwerken(
    *,
    traject: Traject,
    titel: str,
    onderwerp: str,
    kernen: Iterable[Kern],
    kernambtenaar=None,
    initiatieven: Iterable[Initiatief] | None = None,
) -> Traject:
    """Change the basic data; `initiatieven` (None: leave as they are) must belong to the
    traject's kernen."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    kernen = list(kernen)
    if not kernen:
        raise Weigering({"kernen": _("Kies ten minste één kern.")})
    if initiatieven is not None:
        initiatieven = list(initiatieven)
        kern_ids = {k.pk for k in kernen}
        if any(i.kern_id not in kern_ids for i in initiatieven):
            raise Weigering(
                {"initiatieven": _("Koppel alleen initiatieven uit de kernen van dit traject.")}
            )
        traject.initiatieven.set(initiatieven)
    traject.titel, traject.onderwerp, traject.kernambtenaar = titel, onderwerp, kernambtenaar
    traject.full_clean()
    traject.save(update_fields=["titel", "onderwerp", "kernambtenaar", "gewijzigd_op"])
    traject.kernen.set(kernen)
    # Channels of kernen no longer concerned drop out of the communication plan.
    traject.kanalen.remove(*traject.kanalen.exclude(kern__in=kernen))
    return traject


@dataclass(frozen=True)
class BetrokkeneGegevens:
    doelgroep: str
    belangen: str
    informatiebehoefte: str


@transaction.atomic
def traject_stap_opslaan(
    *,
    traject: Traject,
    stap: str,
    gegevens: dict[str, Any],
    door,
    kanalen: Sequence[Kanaal] | None = None,
    betrokkenen: Sequence[BetrokkeneGegevens] | None = None,
) -> Traject:
    """Save one step of the method and mark it complete. Refuses a step whose earlier steps
    are not complete, and a step with required answers missing."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    voltooid = set(traject.voltooide_stappen.values_list("stap", flat=True))
    mag, reden = rules.stap_beschikbaar(soort=traject.soort, stap=stap, voltooid=voltooid)
    if not mag:
        raise Weigering(reden)
    if traject.status == TrajectStatus.AFGEROND:
        raise Weigering(_("Dit traject is afgerond en kan niet meer worden gewijzigd."))
    velden = STAP_DEFINITIE[stap].velden
    waarden = {veld: gegevens.get(veld, getattr(traject, veld)) for veld in velden}
    ontbreekt = rules.ontbrekende_velden(stap=stap, waarden=waarden)
    if ontbreekt:
        raise Weigering({veld: [_("Vul dit in.")] for veld in ontbreekt})
    if stap == Stap.NIVEAU and not waarden["minder_betrokken"]:
        waarden["minder_betrokken_reden"] = ""
    if stap == Stap.BETROKKENEN:
        rijen = [b for b in betrokkenen or [] if b.doelgroep.strip()]
        if not rijen:
            raise Weigering(_("Noem ten minste één doelgroep of stakeholder."))
        traject.betrokkenen.all().delete()
        for rij in rijen:
            betrokkene = Betrokkene(traject=traject, **rij.__dict__)
            betrokkene.full_clean()
            betrokkene.save()
    if stap == Stap.COMMUNICATIEPLAN and kanalen is not None:
        toegestaan = set(
            Kanaal.objects.filter(kern__in=traject.kernen.all()).values_list("pk", flat=True)
        )
        if any(k.pk not in toegestaan for k in kanalen):
            raise Weigering(_("Kies alleen kanalen uit de toolbox van de kernen."))
        traject.kanalen.set(kanalen)
    for veld, waarde in waarden.items():
        setattr(traject, veld, waarde)
    traject.full_clean()
    traject.save(update_fields=[*velden, "gewijzigd_op"])
    nu = timezone.now()
    record, created = TrajectStap.objects.get_or_create(
        traject=traject, stap=stap, defaults={"voltooid_door": door, "voltooid_op": nu}
    )
    if not created:
        record.bijgewerkt_op = nu
        record.save(update_fields=["bijgewerkt_op"])
    return traject


def _traject_status_zetten(*, traject: Traject, actie: str) -> Traject:
    """Take one step of the trajectory's lifecycle (participatie.workflow), or refuse."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    stap = workflow.controleer(traject, actie)
    traject.status = stap.naar
    traject.save(update_fields=["status", "gewijzigd_op"])
    return traject


@transaction.atomic
def traject_publiceren(*, traject: Traject) -> Traject:
    return _traject_status_zetten(traject=traject, actie="publiceren")


@transaction.atomic
def traject_afronden(*, traject: Traject) -> Traject:
    return _traject_status_zetten(traject=traject, actie="afronden")
