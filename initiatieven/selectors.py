"""Every read that pages use, with the joins they need (no N+1)."""

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.models import Rol
from kernen.models import Kern
from kernen.selectors import kernambtenaar_kern_ids

from .constants import PUBLIEKE_FOTO_SOORTEN, BijlageSoort, InitiatiefStatus
from .models import Bericht, Bijlage, Initiatief, Notitie, StatusWijziging, Steun, Verhaal
from .workflow import GEEN_GELD_STATUSSEN, PUBLIEKE_STATUSSEN, WACHTENDE_STATUSSEN


def initiatieven_voor_medewerker(user) -> QuerySet[Initiatief]:
    """Confirmed initiatives this member of staff may see, oldest first.

    A kernambtenaar sees those of their kernen and those assigned to them; a
    beleidsmedewerker those they are linked to. Nobody else sees any.
    """
    scope = Q(pk__in=[])
    if user.heeft_rol(Rol.KERNAMBTENAAR):
        scope |= Q(kern_id__in=kernambtenaar_kern_ids(user)) | Q(toegewezen_aan=user)
    if user.heeft_rol(Rol.BELEIDSMEDEWERKER):
        scope |= Q(beleidsmedewerker=user)
    return (
        Initiatief.objects.bevestigd()
        .filter(scope)
        .select_related("kern", "toegewezen_aan")
        .order_by("aangemaakt_op", "pk")
    )


def initiatieven_met_kern() -> QuerySet[Initiatief]:
    """For permission checks: confirmed initiatives with their kern."""
    return Initiatief.objects.bevestigd().select_related("kern")


def initiatief_detail(*, pk: int) -> Initiatief:
    """Everything the staff detail page shows, in a fixed number of queries."""
    return (
        Initiatief.objects.bevestigd()
        .select_related("kern", "toegewezen_aan", "beleidsmedewerker", "verhaal")
        .prefetch_related(
            Prefetch("statuswijzigingen", queryset=StatusWijziging.objects.select_related("door")),
            Prefetch("berichten", queryset=Bericht.objects.select_related("door")),
            Prefetch("notities", queryset=Notitie.objects.select_related("auteur")),
            "bijlagen",
        )
        .get(pk=pk)
    )


def initiatief_voor_inwoner_qs() -> QuerySet[Initiatief]:
    """The queryset a personal link is resolved against (history and messages prefetched)."""
    return (
        Initiatief.objects.bevestigd()
        .select_related("kern")
        .prefetch_related("statuswijzigingen", "berichten", "bijlagen")
    )


def publieke_initiatieven(*, kern: Kern | None = None) -> QuerySet[Initiatief]:
    """Initiatives shown on the public pages: toegezegd, uitgevoerd or afgerond."""
    qs = (
        Initiatief.objects.bevestigd()
        .filter(status__in=PUBLIEKE_STATUSSEN)
        .select_related("kern")
        .order_by("-status_sinds", "-pk")
    )
    if kern is not None:
        qs = qs.filter(kern=kern)
    return qs


def koppelbaar_initiatief(*, pk: int, email: str = "") -> Initiatief | None:
    """The initiative an application for money may be linked to: confirmed, not withdrawn
    or refused, and - when `email` is given - the applicant's own (same address)."""
    qs = (
        Initiatief.objects.bevestigd()
        .exclude(status__in=GEEN_GELD_STATUSSEN)
        .select_related("kern")
    )
    if email:
        qs = qs.filter(email__iexact=email.strip())
    return qs.filter(pk=pk).first()


def publiek_initiatief(*, pk: int) -> Initiatief:
    return publieke_initiatieven().select_related("verhaal").get(pk=pk)


def gepubliceerde_verhalen(
    *, kern: Kern | None = None, thema: str = "", zoek: str = ""
) -> QuerySet[Verhaal]:
    qs = (
        Verhaal.objects.filter(
            gepubliceerd_op__isnull=False, initiatief__status=InitiatiefStatus.AFGEROND
        )
        .select_related("initiatief__kern")
        .order_by("-gepubliceerd_op", "-pk")
    )
    if kern is not None:
        qs = qs.filter(initiatief__kern=kern)
    if thema:
        qs = qs.filter(thema=thema)
    if zoek:
        qs = qs.filter(
            Q(titel__icontains=zoek)
            | Q(samenvatting__icontains=zoek)
            | Q(wat_werkte__icontains=zoek)
            | Q(wat_niet__icontains=zoek)
            | Q(waarom__icontains=zoek)
        )
    return qs


def aantallen_per_status(*, kern: Kern) -> list[tuple[str, int]]:
    """(status label, count) for every status, zeros included, in flow order. One query."""
    rijen = dict(
        Initiatief.objects.bevestigd()
        .filter(kern=kern)
        .values_list("status")
        .annotate(n=Count("*"))  # COUNT(*): the (kern, status) index alone answers
        .order_by()
    )
    return [(str(s.label), rijen.get(s.value, 0)) for s in InitiatiefStatus]


def oudste_wachtend(*, kern: Kern, aantal: int = 5) -> list[Initiatief]:
    """The initiatives that have waited longest on the municipality. One query."""
    return list(
        Initiatief.objects.bevestigd()
        .filter(kern=kern, status__in=WACHTENDE_STATUSSEN)
        .only("pk", "titel", "status", "status_sinds", "kern_id")
        .order_by("status_sinds", "pk")[:aantal]
    )


def aantal_nieuw_voor_medewerker(user) -> int:
    return initiatieven_voor_medewerker(user).filter(status=InitiatiefStatus.INGEDIEND).count()


def verhaal_fotos(verhaal: Verhaal) -> list[Bijlage]:
    """The report photos a published story may show: only with the initiator's consent and
    a description (alt text), only image attachments of the report. One query."""
    if (
        verhaal.gepubliceerd_op is None
        or not verhaal.initiatief.fotos_publiceren
        or not verhaal.foto_beschrijving
    ):
        return []
    return list(
        Bijlage.objects.filter(
            initiatief_id=verhaal.initiatief_id,
            soort=BijlageSoort.VERSLAG,
            content_type__in=PUBLIEKE_FOTO_SOORTEN,
        ).order_by("aangemaakt_op", "pk")
    )


# --- half-yearly monitoring (monitoring.selectors) ---------------------------------------


def monitoring_per_kern(*, begin, einde) -> dict[int, dict[str, int]]:
    """Per kern id: confirmed initiatives submitted in [begin, einde) and initiatives that
    were promised support (toegezegd) in that period. Two queries."""
    result: dict[int, dict[str, int]] = {}
    ingediend = (
        Initiatief.objects.bevestigd()
        .filter(aangemaakt_op__gte=begin, aangemaakt_op__lt=einde)
        .values("kern_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for r in ingediend:
        result.setdefault(r["kern_id"], {"ingediend": 0, "toegezegd": 0})["ingediend"] = r["n"]
    toegezegd = (
        StatusWijziging.objects.filter(
            naar_status=InitiatiefStatus.TOEGEZEGD, op__gte=begin, op__lt=einde
        )
        .values("initiatief__kern_id")
        .annotate(n=Count("initiatief_id", distinct=True))
        .order_by()
    )
    for r in toegezegd:
        rij = result.setdefault(r["initiatief__kern_id"], {"ingediend": 0, "toegezegd": 0})
        rij["toegezegd"] = r["n"]
    return result


# --- steun ------------------------------------------------------------------------------


def steunbaar_initiatief(*, pk: int) -> Initiatief | None:
    """Residents support what is published (the public pages show it)."""
    return publieke_initiatieven().filter(pk=pk).first()


def aantal_steun(*, initiatief_id: int) -> int:
    """Confirmed supports of one initiative."""
    return Steun.objects.filter(
        initiatief_id=initiatief_id, email_bevestigd_op__isnull=False
    ).count()


def steun_aantallen(initiatief_ids) -> dict[int, int]:
    """Confirmed supports per initiative id, zeros included. One query, for lists."""
    ids = {i for i in initiatief_ids if i is not None}
    rijen = dict(
        Steun.objects.filter(initiatief_id__in=ids, email_bevestigd_op__isnull=False)
        .values_list("initiatief_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {i: rijen.get(i, 0) for i in ids}


def steun_qs():
    """The queryset a steun link is resolved against."""
    return Steun.objects.select_related("initiatief__kern")


def koppelbare_initiatieven(*, kernen) -> QuerySet[Initiatief]:
    """Initiatives a traject of these kernen may be linked to: confirmed, not refused or
    withdrawn."""
    return (
        Initiatief.objects.bevestigd()
        .exclude(status__in=GEEN_GELD_STATUSSEN)
        .filter(kern__in=kernen)
        .select_related("kern")
        .order_by("kern__naam", "titel")
    )
