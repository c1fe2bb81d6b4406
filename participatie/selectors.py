"""Every read the trajecten and bijeenkomsten pages make, with their joins done up front."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import Rol
from kernen.models import Kern
from participatie.models import Aanmelding, Bijeenkomst, BijeenkomstQuerySet, Traject

from .constants import AanmeldingStatus, BijeenkomstStatus, TrajectStatus


def trajecten_voor_medewerker(user) -> QuerySet[Traject]:
    """Trajectories a member of staff may see in the staff list (rules: bekijk_traject)."""
    qs = Traject.objects.met_lijstgegevens()
    if any(
        user.heeft_rol(r)
        for r in (Rol.FUNCTIONEEL_BEHEER, Rol.BELEIDSMEDEWERKER, Rol.TEAMMANAGER, Rol.COLLEGE)
    ):
        return qs
    return qs.filter(
        Q(kernambtenaar=user)
        | Q(kernen__kernambtenaren=user)
        | Q(kernen__kernwethouders=user)
        | Q(eigenaar=user)
    ).distinct()


def trajecten_detail() -> QuerySet[Traject]:
    """Trajectories with everything the staff pages show (one is read per request)."""
    return Traject.objects.met_lijstgegevens().prefetch_related("betrokkenen", "kanalen__kern")


def traject_detail(*, pk: int) -> Traject:
    return trajecten_detail().get(pk=pk)


def trajecten_publiek(*, kern: Kern | None = None) -> QuerySet[Traject]:
    qs = Traject.objects.publiek().prefetch_related("kernen").order_by("-gewijzigd_op")
    if kern is not None:
        qs = qs.filter(kernen=kern)
    return qs


def traject_publiek(*, pk: int) -> Traject:
    return (
        Traject.objects.publiek()
        .prefetch_related(
            "kernen",
            Prefetch(
                "bijeenkomsten",
                queryset=Bijeenkomst.objects.select_related("kern").order_by("begint_op"),
            ),
        )
        .get(pk=pk)
    )


def lessen_zoeken(
    *, zoekterm: str = "", kern: Kern | None = None, soort: str = "", ladder: str = ""
) -> QuerySet[Traject]:
    """Evaluated trajectories whose lessons match: which approach worked where, and why."""
    qs = (
        Traject.objects.exclude(lessen="")
        .select_related("eigenaar")
        .prefetch_related("kernen")
        .order_by("-gewijzigd_op")
    )
    for woord in zoekterm.split():
        qs = qs.filter(
            Q(titel__icontains=woord)
            | Q(onderwerp__icontains=woord)
            | Q(lessen__icontains=woord)
            | Q(wat_ging_goed__icontains=woord)
            | Q(wat_kan_beter__icontains=woord)
            | Q(middelen__icontains=woord)
            | Q(resultaten__icontains=woord)
        )
    if kern is not None:
        qs = qs.filter(kernen=kern).distinct()
    if soort:
        qs = qs.filter(soort=soort)
    if ladder:
        qs = qs.filter(ladder=ladder)
    return qs


def bijeenkomsten_publiek(*, kern: Kern | None = None) -> QuerySet[Bijeenkomst]:
    qs = Bijeenkomst.objects.komend().met_aantallen().order_by("begint_op")
    if kern is not None:
        qs = qs.filter(Q(kern=kern) | Q(kern__isnull=True))
    return qs


def bijeenkomst_publiek(*, pk: int) -> Bijeenkomst:
    return Bijeenkomst.objects.met_aantallen().select_related("kernwethouder").get(pk=pk)


def _bijeenkomsten_binnen(user, *, ook_kernwethouder: bool) -> BijeenkomstQuerySet:
    """The one place that says which meetings a member of staff may change (or, with the
    kernwethouder, see with their registrations). The rules, the staff list and the links on
    the kern dashboard all ask this, so a listed meeting never answers 403.

    A meeting for the whole municipality (no kern) of a traject belongs to that traject's
    kernen: their kernambtenaren run it with the owner, their kernwethouders may join.
    """
    if not (user.is_authenticated and user.is_active):
        return Bijeenkomst.objects.none()
    if user.heeft_rol(Rol.FUNCTIONEEL_BEHEER):
        return Bijeenkomst.objects.all()
    scope = Q(pk__in=[])
    if user.heeft_rol(Rol.KERNAMBTENAAR) or user.heeft_rol(Rol.BELEIDSMEDEWERKER):
        scope |= Q(organisator=user)
    zonder_kern = Q(kern__isnull=True)
    if user.heeft_rol(Rol.KERNAMBTENAAR):
        scope |= Q(kern__kernambtenaren=user)
        scope |= zonder_kern & (
            Q(traject__kernambtenaar=user) | Q(traject__kernen__kernambtenaren=user)
        )
    if ook_kernwethouder and user.heeft_rol(Rol.KERNWETHOUDER):
        scope |= Q(kernwethouder=user) | Q(kern__kernwethouders=user)
        scope |= zonder_kern & Q(traject__kernen__kernwethouders=user)
    return Bijeenkomst.objects.filter(pk__in=Bijeenkomst.objects.filter(scope).values("pk"))


def bijeenkomsten_te_wijzigen(user) -> QuerySet[Bijeenkomst]:
    return _bijeenkomsten_binnen(user, ook_kernwethouder=False)


def bijeenkomsten_met_aanmeldingen(user) -> BijeenkomstQuerySet:
    """Meetings whose staff page (with the registrations) this member of staff may open."""
    return _bijeenkomsten_binnen(user, ook_kernwethouder=True)


def bijeenkomsten_voor_medewerker(user) -> QuerySet[Bijeenkomst]:
    return (
        bijeenkomsten_met_aanmeldingen(user)
        .met_aantallen()
        .select_related("organisator")
        .order_by("-begint_op")
    )


def aanmeldingen_van(bijeenkomst: Bijeenkomst) -> QuerySet[Aanmelding]:
    return bijeenkomst.aanmeldingen.order_by("status", "aangemeld_op", "pk")


def kern_dashboard(*, kern: Kern, user, nu=None) -> dict:
    """The kern's coming meetings (each with `mag_openen`: whether this user may open its
    staff page) and its running trajecten. Three queries, with or without meetings: the
    permission is asked of the same five meetings by subquery (inside the meetings' own
    query, as EXISTS, PostgreSQL took 7 ms to plan it)."""
    nu = nu or timezone.now()
    komend = (
        Bijeenkomst.objects.komend(nu)
        .filter(Q(kern=kern) | Q(kern__isnull=True))
        .order_by("begint_op", "pk")
    )
    bijeenkomsten = list(komend.met_aantallen()[:5])
    open_ = set(
        bijeenkomsten_met_aanmeldingen(user)
        .filter(pk__in=komend.values("pk")[:5])
        .values_list("pk", flat=True)
    )
    for b in bijeenkomsten:
        b.mag_openen = b.pk in open_
    return {
        "bijeenkomsten": bijeenkomsten,
        "trajecten": list(
            Traject.objects.filter(kernen=kern)
            .exclude(status=TrajectStatus.AFGEROND)
            .select_related("eigenaar")
            .order_by("-gewijzigd_op")[:10]
        ),
    }


def aanmeldingen_met_link(*, email: str) -> QuerySet[Aanmelding]:
    """An address's live registrations of coming meetings: the ones a fresh link is for."""
    return (
        Aanmelding.objects.select_related("bijeenkomst")
        .filter(email=email.strip().lower(), bijeenkomst__begint_op__gt=timezone.now())
        .exclude(status__in=[AanmeldingStatus.AFGEMELD, AanmeldingStatus.ONBEVESTIGD])
        .order_by("bijeenkomst__begint_op", "pk")
    )


def herinneringen_te_versturen(*, begin, eind) -> QuerySet[Aanmelding, int]:
    return Aanmelding.objects.filter(
        status=AanmeldingStatus.AANGEMELD,
        bijeenkomst__status=BijeenkomstStatus.GEPLAND,
        bijeenkomst__begint_op__gte=begin,
        bijeenkomst__begint_op__lt=eind,
        herinnering__isnull=True,
    ).values_list("pk", flat=True)


def kern_publiek(*, kern: Kern, nu=None, aantal: int = 5) -> dict:
    """Public data for the kern page: upcoming meetings of the kern and of the whole
    municipality, and the running (published) trajectories of the kern. Two queries."""
    return {
        "bijeenkomsten": list(
            Bijeenkomst.objects.komend(nu)
            .filter(Q(kern=kern) | Q(kern__isnull=True))
            .select_related("kern")
            .only("pk", "titel", "status", "begint_op", "eindigt_op", "locatie", "kern__naam")
            .order_by("begint_op")[:aantal]
        ),
        "trajecten": list(
            Traject.objects.filter(kernen=kern, status=TrajectStatus.LOPEND)
            .only("pk", "titel", "ladder")
            .order_by("-gewijzigd_op")[:aantal]
        ),
    }


def voor_initiatief(*, initiatief_id: int, nu=None) -> dict:
    """The published trajecten linked to an initiative and their coming meetings (not
    cancelled), for the resident's page of the initiative. Two queries."""
    trajecten = list(
        Traject.objects.publiek()
        .filter(initiatieven__pk=initiatief_id)
        .only("pk", "titel", "status", "ladder")
        .order_by("titel")
    )
    bijeenkomsten = (
        list(
            Bijeenkomst.objects.komend(nu)
            .filter(traject__in=[t.pk for t in trajecten], geannuleerd_op__isnull=True)
            .only("pk", "titel", "begint_op", "locatie", "traject_id")
            .order_by("begint_op")
        )
        if trajecten
        else []
    )
    return {"trajecten": trajecten, "bijeenkomsten": bijeenkomsten}


# --- half-yearly monitoring (monitoring.selectors) ---------------------------------------


def monitoring_per_kern(*, begin, einde, nu=None) -> dict[int, dict[str, int]]:
    """Per kern id: meetings held in [begin, einde) (started before now) and the live
    registrations for them. Meetings for the whole municipality have no kern and are left
    out. One query."""
    from django.db.models import Count

    nu = nu or timezone.now()
    rijen = (
        Bijeenkomst.objects.filter(
            kern__isnull=False, begint_op__gte=begin, begint_op__lt=einde, begint_op__lte=nu
        )
        .values("kern_id")
        .annotate(
            bijeenkomsten=Count("pk", distinct=True),
            aanmeldingen=Count(
                "aanmeldingen", filter=Q(aanmeldingen__status=AanmeldingStatus.AANGEMELD)
            ),
        )
        .order_by()
    )
    return {
        r["kern_id"]: {"bijeenkomsten": r["bijeenkomsten"], "aanmeldingen": r["aanmeldingen"]}
        for r in rijen
    }


# --- half-yearly report (monitoring.rapport) ---------------------------------------------


def rapport_bijeenkomsten(*, begin, einde, nu=None) -> dict[int | None, dict[str, int]]:
    """Per kern id (None: meetings for the whole municipality): meetings held in
    [begin, einde) that had started by now and were not cancelled, the cancelled ones, and
    the live registrations for the held ones (the portal records registrations, not who
    came). One query."""
    from django.db.models import Count

    nu = nu or timezone.now()
    gehouden = Q(status=BijeenkomstStatus.GEPLAND)
    rijen = (
        Bijeenkomst.objects.filter(begint_op__gte=begin, begint_op__lt=einde, begint_op__lte=nu)
        .values("kern_id")
        .annotate(
            gehouden=Count("pk", filter=gehouden, distinct=True),
            geannuleerd=Count("pk", filter=Q(status=BijeenkomstStatus.GEANNULEERD), distinct=True),
            aanmeldingen=Count(
                "aanmeldingen",
                filter=gehouden & Q(aanmeldingen__status=AanmeldingStatus.AANGEMELD),
            ),
        )
        .order_by()
    )
    return {
        r["kern_id"]: {
            "gehouden": r["gehouden"],
            "geannuleerd": r["geannuleerd"],
            "aanmeldingen": r["aanmeldingen"],
        }
        for r in rijen
    }


def _trajecten_in_periode(*, begin, einde) -> QuerySet[Traject]:
    """Public trajectories that ran in [begin, einde): made before its end and not already
    evaluated (finished) before its start."""
    from .constants import Stap
    from .models import TrajectStap

    # A subquery: exclude() across a to-many relation would not tie both conditions to the
    # same step row.
    al_klaar = TrajectStap.objects.filter(stap=Stap.EVALUATIE, voltooid_op__lt=begin)
    return (
        Traject.objects.publiek()
        .filter(aangemaakt_op__lt=einde)
        .exclude(pk__in=al_klaar.values("traject_id"))
    )


def rapport_trajecten(*, begin, einde) -> tuple[dict[int, dict[str, int]], dict[str, int], int]:
    """Trajectories that ran in the period per level of the participatieladder ("" = no level,
    as with residents' own initiatives): per kern id, for the whole municipality (a trajectory
    of several kernen counts once), and how many say residents are less involved. Two
    queries."""
    from django.db.models import Count

    qs = _trajecten_in_periode(begin=begin, einde=einde)
    per_kern: dict[int, dict[str, int]] = {}
    for r in (
        qs.filter(kernen__isnull=False)
        .values("kernen", "ladder")
        .annotate(aantal=Count("pk", distinct=True))
        .order_by()
    ):
        per_kern.setdefault(r["kernen"], {})[r["ladder"]] = r["aantal"]
    totaal: dict[str, int] = {}
    minder = 0
    for r in (
        qs.values("ladder")
        .annotate(
            aantal=Count("pk", distinct=True),
            minder=Count("pk", filter=Q(minder_betrokken=True), distinct=True),
        )
        .order_by()
    ):
        totaal[r["ladder"]] = r["aantal"]
        minder += r["minder"]
    return per_kern, totaal, minder


def ladder_niveaus() -> list[tuple[str, str]]:
    """The levels of the participatieladder, from least to most say, as (value, label)."""
    from .constants import Ladder

    return [(str(value), str(label)) for value, label in Ladder.choices]
