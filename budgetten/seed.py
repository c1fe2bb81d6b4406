"""Seed data: the four regelingen and their amounts for the current year. Idempotent."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .constants import RegelingCode, Scope
from .models import Regeling, RegelingJaar

REGELINGEN = {
    RegelingCode.STRAATBIJEENKOMST: {
        "scope": Scope.ACTIVITEIT,
        "omschrijving": (
            "Een bijdrage van ten hoogste 100 euro voor een activiteit die de straat of buurt "
            "gezelliger, veiliger of schoner maakt en buren met elkaar in contact brengt. "
            "Alleen voor organisatiekosten, niet voor eten en drinken."
        ),
        "bedragen": {"max_per_aanvraag": Decimal("100.00")},
    },
    RegelingCode.LEEFBAARHEID: {
        "scope": Scope.KERN,
        "omschrijving": (
            "Elke kern heeft per jaar 2000 euro voor initiatieven die de leefomgeving beter "
            "maken. Inwoners van de kern beoordelen de initiatieven en verdelen het geld samen."
        ),
        "bedragen": {"plafond": Decimal("2000.00")},
    },
    RegelingCode.BIJZONDER: {
        "scope": Scope.GEMEENTE,
        "omschrijving": (
            "Voor eenmalige initiatieven die passen bij kerngericht werken en zonder dit geld "
            "niet doorgaan. Samen 5000 euro per jaar voor de hele gemeente; het college beslist."
        ),
        "bedragen": {"plafond": Decimal("5000.00")},
    },
    RegelingCode.SIGNALERING: {
        "scope": Scope.GROEP,
        "omschrijving": (
            "Signaleringsgroepen declareren tot 750 euro per groep per jaar, met bonnetjes. "
            "De coördinator krijgt een vrijwilligersvergoeding van 750 euro per jaar."
        ),
        "bedragen": {
            "plafond": Decimal("750.00"),
            "vrijwilligersvergoeding": Decimal("750.00"),
        },
    },
}


@transaction.atomic
def seed(jaar: int | None = None) -> None:
    jaar = jaar or timezone.localdate().year
    for code, data in REGELINGEN.items():
        regeling, _ = Regeling.objects.get_or_create(
            code=code,
            defaults={
                "naam": code.label,
                "scope": data["scope"],
                "omschrijving": data["omschrijving"],
            },
        )
        RegelingJaar.objects.get_or_create(regeling=regeling, jaar=jaar, defaults=data["bedragen"])
