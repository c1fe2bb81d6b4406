"""Reads of the residents' voting round."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet

from kernen.models import Kern

from .. import regels as r
from ..constants import (
    AanvraagStatus,
    KandidaatStatus,
    RegelingCode,
    StemrondeFase,
)
from ..models import (
    Aanvraag,
    Kandidaat,
    Stembiljet,
    Stemronde,
)

# --- The residents' voting round --------------------------------------------------------------

# The only columns public pages read: no applicant's name, email, phone or street.
PUBLIEKE_KANDIDAAT_VELDEN = (
    "pk",
    "stemronde_id",
    "titel",
    "omschrijving",
    "gevraagd_bedrag",
    "stemmen",
    "plaats",
    "uitkomst",
    "toegekend_bedrag",
)


def stemrondes_voor_medewerker(user) -> QuerySet[Stemronde]:
    return (
        Stemronde.objects.filter(kern__kernambtenaren=user)
        .select_related("kern")
        .annotate(
            aantal_kandidaten=Count(
                "kandidaten", filter=Q(kandidaten__status=KandidaatStatus.TOEGELATEN)
            )
        )
        .order_by("-jaar", "kern__naam")
    )


def publieke_stemrondes() -> QuerySet[Stemronde]:
    """Rounds residents can see: open for voting, closed, or divided (not in preparation)."""
    return (
        Stemronde.objects.exclude(fase=StemrondeFase.VOORBEREIDING)
        .select_related("kern")
        .only("pk", "jaar", "fase", "stemmen_van", "stemmen_tot", "kern__naam", "kern__slug")
        .order_by("-jaar", "kern__naam")
    )


def publieke_stemronde(pk: int) -> Stemronde | None:
    return (
        Stemronde.objects.exclude(fase=StemrondeFase.VOORBEREIDING)
        .select_related("kern")
        .filter(pk=pk)
        .first()
    )


def publieke_kandidaten(ronde: Stemronde) -> list[Kandidaat]:
    """The admitted initiatives of a round, public columns only (one query)."""
    return list(
        Kandidaat.objects.filter(stemronde=ronde, status=KandidaatStatus.TOEGELATEN)
        .only(*PUBLIEKE_KANDIDAAT_VELDEN)
        .order_by("plaats", "titel", "pk")
    )


def kandidaten_met_stemmen(ronde: Stemronde) -> QuerySet[Kandidaat]:
    """Candidates with the number of confirmed ballots that support them."""
    return (
        Kandidaat.objects.filter(stemronde=ronde)
        .select_related("aanvraag")
        .annotate(
            aantal_stemmen=Count(
                "stembiljetten",
                filter=Q(
                    stembiljetten__bevestigd_op__isnull=False,
                    stembiljetten__geannuleerd_op__isnull=True,
                ),
            )
        )
        .order_by("plaats", "-aantal_stemmen", "titel", "pk")
    )


def aanvragen_voor_stemronde(ronde: Stemronde) -> QuerySet[Aanvraag]:
    """The leefbaarheid aanvragen of the round's kern and year that wait for a decision, plus
    those already assessed for this round."""
    return (
        Aanvraag.objects.filter(
            regeling__code=RegelingCode.LEEFBAARHEID, kern_id=ronde.kern_id, jaar=ronde.jaar
        )
        .filter(Q(status=AanvraagStatus.INGEDIEND) | Q(kandidatuur__stemronde=ronde))
        .select_related("kandidatuur")
        .order_by("ingediend_op", "pk")
    )


# A ballot counts when confirmed (a paper one is at once) and not annulled.
TELT_MEE = Q(bevestigd_op__isnull=False, geannuleerd_op__isnull=True)


def stembiljetten_telling(ronde: Stemronde) -> dict[str, int]:
    """Counted ballots (of which on paper), unconfirmed ones, and annulled paper ballots."""
    telling = Stembiljet.objects.filter(stemronde=ronde).aggregate(
        bevestigd=Count("pk", filter=TELT_MEE),
        papier=Count("pk", filter=TELT_MEE & Q(ingevoerd_door__isnull=False)),
        onbevestigd=Count("pk", filter=Q(bevestigd_op__isnull=True)),
        geannuleerd=Count("pk", filter=Q(geannuleerd_op__isnull=False)),
    )
    return {k: telling[k] for k in ("bevestigd", "papier", "onbevestigd", "geannuleerd")}


def papieren_stembiljetten(ronde: Stemronde) -> QuerySet[Stembiljet]:
    """The round's paper ballots, newest first, with who entered and who annulled them."""
    return (
        Stembiljet.objects.filter(stemronde=ronde, ingevoerd_door__isnull=False)
        .select_related("ingevoerd_door", "geannuleerd_door")
        .prefetch_related("steunt")
        .order_by("-aangemaakt_op", "-pk")
    )


def papieren_stembiljet(ronde: Stemronde, pk: int) -> Stembiljet | None:
    return papieren_stembiljetten(ronde).filter(pk=pk).first()


def stemronde_van_kern(*, kern: Kern, jaar: int) -> Stemronde | None:
    return Stemronde.objects.filter(kern=kern, jaar=jaar).first()


def open_stemronde_van_kern(*, kern: Kern, vandaag: date) -> Stemronde | None:
    """The round of this kern in which residents can vote today (rules.stemmen_mogelijk)."""
    for ronde in Stemronde.objects.filter(
        kern=kern, fase=StemrondeFase.OPEN, stemmen_tot__gte=vandaag
    ).only("pk", "jaar", "fase", "stemmen_van", "stemmen_tot"):
        if r.stemmen_mogelijk(
            fase=ronde.fase,
            stemmen_van=ronde.stemmen_van,
            stemmen_tot=ronde.stemmen_tot,
            vandaag=vandaag,
        ):
            return ronde
    return None


def lopende_stemronde(*, kern_id: int, jaar: int) -> Stemronde | None:
    """The kern's round for that budget year while residents vote or wait for the division
    (open, or closed and not yet divided)."""
    return (
        Stemronde.objects.filter(
            kern_id=kern_id, jaar=jaar, fase__in=(StemrondeFase.OPEN, StemrondeFase.GESLOTEN)
        )
        .select_related("kern")
        .first()
    )


def stembiljet_bestaat(*, stemronde_id: int, email: str = "", adres_sleutel: str = "") -> str:
    """Which rule a new ballot would break: "email", "adres", or "" (none)."""
    if email and Stembiljet.objects.filter(stemronde_id=stemronde_id, email__iexact=email).exists():
        return "email"
    if (
        adres_sleutel
        and Stembiljet.objects.filter(
            stemronde_id=stemronde_id, adres_sleutel=adres_sleutel
        ).exists()
    ):
        return "adres"
    return ""
