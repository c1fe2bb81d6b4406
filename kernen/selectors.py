from django.db.models import QuerySet

from accounts.constants import Rol

from .models import Kern


def kernen_publiek() -> QuerySet[Kern]:
    return Kern.objects.actief().select_related("gebied").order_by("naam")


def kern_publiek(*, slug: str) -> Kern:
    return Kern.objects.actief().met_contacten().get(slug=slug)


def kernen_van_medewerker(user) -> QuerySet[Kern]:
    """The kernen a member of staff works for; functioneel beheer and college see all."""
    qs = Kern.objects.actief().select_related("gebied")
    if user.heeft_rol(Rol.FUNCTIONEEL_BEHEER) or user.heeft_rol(Rol.COLLEGE):
        return qs
    return (qs.filter(kernambtenaren=user) | qs.filter(kernwethouders=user)).distinct()
