"""Reads about staff that other apps need."""

from .models import Medewerker


def emails_met_rol(rol: str) -> list[str]:
    """The e-mail addresses of active staff with this role (auth group), sorted."""
    return sorted(
        set(
            Medewerker.objects.filter(is_active=True, groups__name=rol)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
