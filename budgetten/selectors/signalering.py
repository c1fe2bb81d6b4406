"""Reads of the signaleringsgroepen."""

from __future__ import annotations

from django.db.models import QuerySet

from ..models import (
    Declaratie,
)


def declaraties_voor_medewerker(user) -> QuerySet[Declaratie]:
    qs = Declaratie.objects.select_related("groep", "ingediend_door", "beoordeeld_door")
    # Whoever may see declarations sees them all (rule budgetten.view_declaraties).
    return qs if user.has_perm("budgetten.view_declaraties") else qs.none()
