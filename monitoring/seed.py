"""Seed data: the action points of the plan's planning table (uitvoeringsplan, chapter 6).

Idempotent: each row has a stable key; existing rows (and what functioneel beheer or the
college changed: status, note, owner) are left alone. The descriptions are short summaries
in our own words, not quotes from the plan.
"""

from django.db import transaction

from .models import Actiepunt, Onderdeel
from .periodes import planning_naar_datum

OD = Onderdeel

# (key, part, summary, planning label as in the plan)
ACTIEPUNTEN: list[tuple[str, str, str, str]] = [
    ("medewerkers-profileren", OD.MEDEWERKERS,
     "Kerngericht werken een vaste plek geven in de hele ambtelijke organisatie.", "2023"),
    ("medewerkers-data", OD.MEDEWERKERS,
     "Cijfers en gegevens per kern inzetten om het werk in de kernen te sturen.", "2025"),
    ("medewerkers-ruimte", OD.MEDEWERKERS,
     "Medewerkers de vrijheid geven om volgens de principes van kerngericht werken te "
     "handelen.", "2022"),
    ("kernambtenaar-functie", OD.KERNAMBTENAREN_INWONERS,
     "Een functiebeschrijving voor de kernambtenaar maken en de rol uitbreiden.", "Q1 2021"),
    ("beleid-kerngericht", OD.KERNAMBTENAREN_INWONERS,
     "Nieuw beleid kerngericht maken, met aandacht voor inwoners- en overheidsparticipatie.",
     "2022"),
    ("leefbaarheidsbudget", OD.KERNAMBTENAREN_INWONERS,
     "Het leefbaarheidsbudget en de bijdrage voor straat- en buurtactiviteiten blijvend "
     "maken.", "Q1 2021"),
    ("vrijwilligersorganisaties", OD.KERNAMBTENAREN_INWONERS,
     "Beter samenwerken met organisaties van vrijwilligers.", "Q2 2021"),
    ("voorzieningen-vrijwilligers", OD.KERNAMBTENAREN_INWONERS,
     "Zorgen voor voorzieningen voor actieve inwoners en vrijwilligers.", "Q1 2021"),
    ("bijzondere-initiatieven", OD.KERNAMBTENAREN_INWONERS,
     "Elk jaar een budget van 5.000 euro voor bijzondere initiatieven in de kernen.",
     "Q1 2021"),
    ("korte-lijnen-partners", OD.VERBONDEN_PARTIJEN,
     "Korte en directe contacten houden met de samenwerkingspartners.", "Doorlopend"),
    ("een-dienstverlening", OD.VERBONDEN_PARTIJEN,
     "Met de partners werken aan één herkenbare dienstverlening in Buren.", "Doorlopend"),
    ("gezondheidsmakelaar", OD.VERBONDEN_PARTIJEN,
     "De gezondheidsmakelaar van de GGD sluit aan bij de kerngerichte aanpak.", "Doorlopend"),
    ("communicatie-infrastructuur", OD.SAMENLEVING,
     "Een netwerk van communicatiekanalen opzetten tussen inwoners, gemeente en partners.",
     "Q2 2021"),
    ("partners-kerngericht", OD.SAMENLEVING,
     "Maatschappelijke partners laten ook kerngericht werken.", "Q2 2022"),
    ("convenant-dorpsbelangen", OD.SAMENLEVING,
     "Afspraken vastleggen in een convenant met de dorpsbelangenorganisaties.", "Q2 2021"),
    ("signaleringsgroepen", OD.SAMENLEVING,
     "Signaleringsgroepen en buurt-WhatsAppgroepen ondersteunen.", "Q1 2021"),
    ("kernambtenaren-gefaseerd", OD.KERNAMBTENAAR_PER_KERN,
     "Kernambtenaren stap voor stap in alle kernen laten beginnen.", "Q2 2021"),
    ("kernwethouders", OD.BESTUURLIJK,
     "Per kern een kernwethouder aanwijzen en die rol invullen.", "Q1 2021"),
    ("halfjaarlijks-monitoren", OD.MONITORING,
     "Elk half jaar volgen hoe kerngericht werken gaat, ook met onderzoek van buiten.",
     "Doorlopend"),
    ("evaluatie", OD.MONITORING,
     "Kerngericht werken evalueren, met een extern onderzoek.", "Q1 2022"),
]  # fmt: skip


@transaction.atomic
def seed() -> None:
    for volgorde, (sleutel, onderdeel, omschrijving, planning) in enumerate(ACTIEPUNTEN, 1):
        Actiepunt.objects.get_or_create(
            sleutel=sleutel,
            defaults={
                "onderdeel": onderdeel,
                "omschrijving": omschrijving,
                "planning": planning,
                "uiterlijk_op": planning_naar_datum(planning),
                "volgorde": volgorde,
            },
        )
