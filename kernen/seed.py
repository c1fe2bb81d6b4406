"""Seed data: the kernen of gemeente Buren, the four gebieden and a default mapping.

Idempotent: rows are created when missing and never overwritten, so edits made by
functioneel beheer survive a re-run.
"""

from django.db import transaction
from django.utils.text import slugify

from .constants import ConvenantStatus, Fase
from .models import Gebied, Kern, Organisatie, PostcodeGebied, Signaleringsgroep

GEBIEDEN: dict[str, list[str]] = {
    "Beusichem e.o.": ["Beusichem", "Zoelmond"],
    "Buren e.o.": ["Buren", "Asch", "Erichem", "Lingemeer", "Kerk-Avezaath", "Zoelen"],
    "Lienden e.o.": ["Lienden", "Ingen", "Ommeren"],
    "Maurik e.o.": ["Maurik", "Eck en Wiel", "Rijswijk", "Ravenswaaij"],
}
# The village-interest organisations named in the plan (covenant partners, being renewed).
ORGANISATIES: list[tuple[str, str, str]] = [
    ("kerk-avezaath", "Bewonersvereniging Kerk-Avezaath", ConvenantStatus.IN_HERZIENING),
    ("maurik", "Vereniging Dorpsbelang Maurik", ConvenantStatus.IN_HERZIENING),
    ("lingemeer", "Belangenvereniging Lingemeer", ConvenantStatus.IN_HERZIENING),
    ("ravenswaaij", "Stichting Dorpsraad Ravenswaaij", ConvenantStatus.IN_HERZIENING),
    ("buren", "BV Buren", ConvenantStatus.IN_HERZIENING),
    ("beusichem", "Beusichem Leeft", ConvenantStatus.GEEN),
]
PILOTKERNEN = {"Ingen", "Zoelen", "Ravenswaaij"}
FASE_STARTEN = {"Lienden", "Maurik", "Beusichem", "Buren"}
# The four-digit postcode area of each kern (who may vote in its round). Written down from
# the developer's knowledge of the postcode book, NOT checked against the BAG: every range is
# seeded with gecontroleerd=False so functioneel beheer checks and corrects it in the admin.
# Kernen whose area we could not name with confidence (Ommeren, Ravenswaaij, Rijswijk,
# Lingemeer) get none: a voting round there cannot open until beheer adds their ranges.
POSTCODES: dict[str, list[str]] = {
    "Buren": ["4116"],
    "Asch": ["4115"],
    "Erichem": ["4117"],
    "Beusichem": ["4112"],
    "Zoelmond": ["4113"],
    "Maurik": ["4021"],
    "Eck en Wiel": ["4024"],
    "Kerk-Avezaath": ["4002"],
    "Zoelen": ["4011"],
    "Lienden": ["4033"],
    "Ingen": ["4031"],
}


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
    for kern_slug, naam, status in ORGANISATIES:
        kern = Kern.objects.filter(slug=kern_slug).first()
        if kern is not None:
            Organisatie.objects.get_or_create(
                kern=kern, naam=naam, defaults={"convenant_status": status}
            )
    # Only for kernen without any range yet, so corrections by beheer survive a re-run.
    for naam, gebieden in POSTCODES.items():
        kern = Kern.objects.filter(slug=slugify(naam)).first()
        if kern is None or PostcodeGebied.objects.filter(kern=kern).exists():
            continue
        for cijfers in gebieden:
            PostcodeGebied.objects.create(
                kern=kern,
                van=f"{cijfers}AA",
                tot=f"{cijfers}ZZ",
                gecontroleerd=False,
                toelichting="Startwaarde uit de seed; controleer in de BAG.",
            )
