"""Reads for the volunteer pages and the nominations."""

from django.db.models import QuerySet

from ..models import Nominatie
from .inhoud import PER_SLUG, InfoPagina


def info_pagina(slug: str) -> InfoPagina | None:
    return PER_SLUG.get(slug)


def nominaties_voor_medewerker(user) -> QuerySet[Nominatie]:
    """Confirmed nominations of the kernen this kernambtenaar serves (nobody else's)."""
    return (
        Nominatie.objects.filter(email_bevestigd_op__isnull=False, kern__kernambtenaren=user)
        .select_related("kern")
        .order_by("-aangemaakt_op", "-pk")
    )
