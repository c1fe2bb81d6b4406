"""Seed data: the kernen of gemeente Buren, the four gebieden and a default mapping.

Idempotent: rows are created when missing and never overwritten, so edits made by
functioneel beheer survive a re-run.
"""

from django.db import transaction
from django.utils.text import slugify

from .constants import Fase
from .models import Gebied, Kern, Signaleringsgroep

GEBIEDEN: dict[str, list[str]] = {
    "Beusichem e.o.": ["Beusichem", "Zoelmond"],
    "Buren e.o.": ["Buren", "Asch", "Erichem", "Lingemeer", "Kerk-Avezaath", "Zoelen"],
    "Lienden e.o.": ["Lienden", "Ingen", "Ommeren"],
    "Maurik e.o.": ["Maurik", "Eck en Wiel", "Rijswijk", "Ravenswaaij"],
}
PILOTKERNEN = {"Ingen", "Zoelen", "Ravenswaaij"}
FASE_STARTEN = {"Lienden", "Maurik", "Beusichem", "Buren"}


@transaction.atomic
def seed() -> None:
    for gebied_naam, kern_namen in GEBIEDEN.items():
        gebied, _ = Gebied.objects.get_or_create(
            slug=slugify(gebied_naam), defaults={"naam": gebied_naam}
        )
        for naam in kern_namen:
            if naam in PILOTKERNEN:
                fase = Fase.UITVOEREN
            elif naam in FASE_STARTEN:
                fase = Fase.STARTEN
            else:
                fase = Fase.BEGINSITUATIE
            Kern.objects.get_or_create(
                slug=slugify(naam),
                defaults={
                    "naam": naam,
                    "gebied": gebied,
                    "is_pilot": naam in PILOTKERNEN,
                    "fase": fase,
                },
            )
    # One signaleringsgroep per kern as a starting point; functioneel beheer merges or splits.
    for kern in Kern.objects.all():
        groep, created = Signaleringsgroep.objects.get_or_create(
            naam=f"Signaleringsgroep {kern.naam}"
        )
        if created:
            groep.kernen.add(kern)
