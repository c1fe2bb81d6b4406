"""Stories of completed initiatives (what worked, what did not), written by staff."""

from django.db import transaction
from django.utils import timezone

from core.fouten import Weigering

from ..constants import InitiatiefStatus
from ..models import Initiatief, Verhaal


def verhaal_opslaan(
    *,
    initiatief_id: int,
    door,
    titel: str,
    thema: str,
    samenvatting: str,
    wat_werkte: str,
    wat_niet: str = "",
    waarom: str = "",
    foto_beschrijving: str = "",
    publiceren: bool,
) -> Verhaal:
    """Write (or edit) the story of a completed initiative and publish or hide it."""
    with transaction.atomic():
        initiatief = Initiatief.objects.select_for_update().get(pk=initiatief_id)
        if initiatief.status != InitiatiefStatus.AFGEROND:
            raise Weigering("Alleen een afgerond initiatief krijgt een verhaal.")
        verhaal = Verhaal.objects.filter(initiatief=initiatief).first() or Verhaal(
            initiatief=initiatief
        )
        verhaal.titel = titel.strip()
        verhaal.thema = thema
        verhaal.samenvatting = samenvatting.strip()
        verhaal.wat_werkte = wat_werkte.strip()
        verhaal.wat_niet = wat_niet.strip()
        verhaal.waarom = waarom.strip()
        verhaal.foto_beschrijving = foto_beschrijving.strip()
        if (
            publiceren
            and not verhaal.foto_beschrijving
            and initiatief.fotos_publiceren
            and any(b.is_verslagfoto for b in initiatief.bijlagen.all())
        ):
            raise Weigering(
                {
                    "foto_beschrijving": (
                        "De initiatiefnemer gaf toestemming voor foto's. Beschrijf wat er op de "
                        "foto's te zien is, dan tonen wij ze bij het verhaal."
                    )
                }
            )
        verhaal.gewijzigd_door = door
        if publiceren and verhaal.gepubliceerd_op is None:
            verhaal.gepubliceerd_op = timezone.now()
        elif not publiceren:
            verhaal.gepubliceerd_op = None
        verhaal.full_clean()
        verhaal.save()
    return verhaal
