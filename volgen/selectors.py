"""Reads for following a kern: what became public in a kern during a period.

One query per kind of item for all kernen together, grouped in Python, so a weekly run costs
the same handful of queries for 1 kern or 15 (tests/volgen/test_digest.py pins it).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from budgetten.selectors import stemronde as stemronde_selectors
from initiatieven import selectors as initiatief_selectors
from kernen.models import Kern
from participatie import selectors as participatie_selectors

from .models import Abonnement


@dataclass(frozen=True)
class Item:
    soort: str
    titel: str
    url: str
    toelichting: str = ""


def nieuw_per_kern(
    *, kern_ids: Iterable[int], begin: datetime, eind: datetime
) -> dict[int, list[Item]]:
    """Public items per kern that appeared in [begin, eind): initiatives that became public
    (toegezegd, uitgevoerd or afgerond), meetings and trajecten announced, voting rounds
    that opened. Meetings for the whole municipality count for every kern."""
    ids = set(kern_ids)
    per_kern: dict[int, list[Item]] = defaultdict(list)
    if not ids:
        return per_kern
    site = settings.SITE_URL
    for initiatief in initiatief_selectors.publieke_initiatieven().filter(
        kern_id__in=ids, status_sinds__gte=begin, status_sinds__lt=eind
    ):
        per_kern[initiatief.kern_id].append(
            Item(
                soort=_("Initiatief"),
                titel=initiatief.titel,
                url=site + initiatief.get_absolute_url(),
                toelichting=initiatief.get_status_display(),
            )
        )
    for bijeenkomst in participatie_selectors.bijeenkomsten_publiek().filter(
        Q(kern_id__in=ids) | Q(kern__isnull=True),
        aangemaakt_op__gte=begin,
        aangemaakt_op__lt=eind,
    ):
        item = Item(
            soort=_("Bijeenkomst"),
            titel=bijeenkomst.titel,
            url=site + bijeenkomst.get_absolute_url(),
            toelichting=f"{bijeenkomst.begint_op.astimezone(begin.tzinfo):%d-%m-%Y %H:%M}",
        )
        for kern_id in [bijeenkomst.kern_id] if bijeenkomst.kern_id else ids:
            per_kern[kern_id].append(item)
    for traject in (
        participatie_selectors.trajecten_publiek()
        .filter(kernen__in=ids, aangemaakt_op__gte=begin, aangemaakt_op__lt=eind)
        .distinct()
    ):
        item = Item(
            soort=_("Participatietraject"),
            titel=traject.titel,
            url=site + traject.get_absolute_url(),
            toelichting=traject.get_status_display(),
        )
        for kern in traject.kernen.all():
            if kern.pk in ids:
                per_kern[kern.pk].append(item)
    for ronde in stemronde_selectors.publieke_stemrondes().filter(
        kern_id__in=ids, stemmen_van__gte=begin.date(), stemmen_van__lt=eind.date()
    ):
        per_kern[ronde.kern_id].append(
            Item(
                soort=_("Stemronde"),
                titel=_("Stem mee over het leefbaarheidsbudget %(jaar)s") % {"jaar": ronde.jaar},
                url=site + ronde.get_absolute_url(),
                toelichting=_("Stemmen kan tot en met %(datum)s")
                % {"datum": f"{ronde.stemmen_tot:%d-%m-%Y}"},
            )
        )
    return per_kern


def kandidaten(*, periode_eind: datetime) -> list[tuple[int, int]]:
    """(abonnement id, kern id) of every subscription confirmed before the period ended."""
    return list(
        Abonnement.objects.actief()
        .filter(email_bevestigd_op__lt=periode_eind)
        .order_by("pk")
        .values_list("pk", "kern_id")
    )


def abonnement_voor_link():
    return Abonnement.objects.select_related("kern")


def kern_uit_slug(slug: str) -> Kern | None:
    return Kern.objects.actief().filter(slug=slug).first() if slug else None
