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


def toolbox_van_kern(*, kern: Kern) -> dict:
    """The communication toolbox of one kern: channels, organisations, signaleringsgroepen."""
    from .models import Kanaal, Organisatie, Signaleringsgroep

    return {
        "kanalen": list(Kanaal.objects.filter(kern=kern).order_by("soort", "naam")),
        "organisaties": list(Organisatie.objects.filter(kern=kern).order_by("naam")),
        "signaleringsgroepen": list(
            Signaleringsgroep.objects.filter(kernen=kern, actief=True).order_by("naam")
        ),
    }


def kanalen_van_kernen(kernen) -> QuerySet:
    """Active channels of the given kernen, for choosing in a communication plan."""
    from .models import Kanaal

    return Kanaal.objects.filter(kern__in=kernen, actief=True).select_related("kern")
