from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from accounts.models import Rol

from .models import Kern, PostcodeGebied, postcode_normaliseren


def kernambtenaar_kern_ids(user) -> list[int]:
    """The ids of the kernen this user serves as kernambtenaar, sorted; read once per user
    object (one request). Staff lists filter on `kern_id IN (these ids)`: a literal list
    keeps PostgreSQL's plan simple, where an IN (subquery) beside the list's joins made
    planning alone take 5-25 ms at benchmark size (issue 12)."""
    ids = getattr(user, "_kernambtenaar_kernen", None)
    if ids is None:
        ids = sorted(user.kernen_als_kernambtenaar.values_list("pk", flat=True))
        user._kernambtenaar_kernen = ids
    return ids


def kernen_publiek() -> QuerySet[Kern]:
    return Kern.objects.actief().select_related("gebied").order_by("naam")


def kern_publiek(*, slug: str) -> Kern:
    return Kern.objects.actief().met_contacten().get(slug=slug)


def kernen_van_medewerker(user) -> QuerySet[Kern]:
    """The active kernen whose dashboard this member of staff may open: those they serve as
    kernambtenaar or kernwethouder; functioneel beheer all of them.

    The rule `kernen.view_kern_dashboard` asks exactly this question, so a page that lists
    these kernen never offers a dashboard that answers 403 (the college as such has none).
    """
    qs = Kern.objects.actief().select_related("gebied")
    if not (user.is_authenticated and user.is_active):
        return qs.none()
    if user.heeft_rol(Rol.FUNCTIONEEL_BEHEER):
        return qs
    scope = Q(pk__in=[])
    if user.heeft_rol(Rol.KERNAMBTENAAR):
        scope |= Q(kernambtenaren=user)
    if user.heeft_rol(Rol.KERNWETHOUDER):
        scope |= Q(kernwethouders=user)
    return qs.filter(pk__in=Kern.objects.filter(scope).values("pk"))


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


@dataclass(frozen=True)
class ProfielWijziging:
    op: datetime
    door: str
    velden: list[str]


def kernprofiel_geschiedenis(*, kern: Kern, aantal: int = 20) -> list[ProfielWijziging]:
    """Who changed which fields of the profile and fase, and when; newest first. One query:
    consecutive history rows are compared here rather than with diff_against (a query each)."""
    from .services import PROFIEL_VELDEN

    rijen = list(
        kern.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : aantal * 3
        ]
    )
    uit: list[ProfielWijziging] = []
    for nieuw, oud in zip(rijen, [*rijen[1:], None], strict=True):
        velden = [
            str(getattr(Kern._meta.get_field(v), "verbose_name", v))
            for v in PROFIEL_VELDEN
            if oud is None
            and getattr(nieuw, v)
            or oud is not None
            and getattr(nieuw, v) != getattr(oud, v)
        ]
        if not velden:
            continue
        gebruiker = nieuw.history_user
        uit.append(
            ProfielWijziging(
                op=nieuw.history_date,
                door=(gebruiker.get_full_name() or gebruiker.username) if gebruiker else "",
                velden=velden,
            )
        )
        if len(uit) == aantal:
            break
    return uit


def postcode_in_kern(*, kern: Kern, postcode: str) -> bool:
    """Does this postcode lie in one of the kern's postcode ranges (kernen.PostcodeGebied)?"""
    postcode = postcode_normaliseren(postcode)
    return (
        bool(postcode)
        and PostcodeGebied.objects.filter(kern=kern, van__lte=postcode, tot__gte=postcode).exists()
    )


def heeft_postcodegebieden(*, kern: Kern) -> bool:
    return PostcodeGebied.objects.filter(kern=kern).exists()
