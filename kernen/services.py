"""Every write of the kernen app that pages make: the communication toolbox per kern, the
kernprofiel and the fase."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.fouten import Weigering

from .models import Kanaal, Kern, Organisatie

KANAAL_VELDEN = ("naam", "soort", "bereik", "contact", "notities", "actief")
ORGANISATIE_VELDEN = (
    "naam",
    "contact",
    "website",
    "convenant_status",
    "convenant_vernieuwen_op",
    "notities",
)


def _opslaan(obj, gegevens: dict[str, Any], velden: tuple[str, ...]):
    for veld in velden:
        if veld in gegevens:
            setattr(obj, veld, gegevens[veld])
    obj.full_clean()
    if obj.pk:
        obj.save(update_fields=[v for v in velden if v in gegevens])
    else:
        obj.save()
    return obj


@transaction.atomic
def kanaal_opslaan(*, kern: Kern, gegevens: dict[str, Any], kanaal: Kanaal | None = None) -> Kanaal:
    """Create a channel for a kern, or change one of that kern's channels."""
    if kanaal is None:
        kanaal = Kanaal(kern=kern)
    elif kanaal.kern_id != kern.pk:
        raise ValueError("Dit kanaal hoort niet bij deze kern.")
    return _opslaan(kanaal, gegevens, KANAAL_VELDEN)


@transaction.atomic
def kanaal_verwijderen(*, kanaal: Kanaal) -> None:
    kanaal.delete()


@transaction.atomic
def organisatie_opslaan(
    *, kern: Kern, gegevens: dict[str, Any], organisatie: Organisatie | None = None
) -> Organisatie:
    if organisatie is None:
        organisatie = Organisatie(kern=kern)
    elif organisatie.kern_id != kern.pk:
        raise ValueError("Deze organisatie hoort niet bij deze kern.")
    return _opslaan(organisatie, gegevens, ORGANISATIE_VELDEN)


@transaction.atomic
def organisatie_verwijderen(*, organisatie: Organisatie) -> None:
    organisatie.delete()


# --- kernprofiel and fase ---------------------------------------------------------------

PROFIEL_VELDEN = (
    "kernprofiel",
    "wat_speelt_er",
    "actieve_groepen",
    "wensen",
    "startbijeenkomst_op",
    "fase",
    "fase_sinds",
)


def kernprofiel_opslaan(*, kern: Kern, door, gegevens: dict[str, Any], vandaag: date) -> Kern:
    """The kernambtenaar keeps the profile and the fase of the kern. Every save is a history
    row (django-simple-history) with who and when, shown on the profile page."""
    with transaction.atomic():
        kern = Kern.objects.select_for_update().get(pk=kern.pk)
        oude_fase, oude_sinds = kern.fase, kern.fase_sinds
        for veld in PROFIEL_VELDEN:
            if veld in gegevens:
                waarde = gegevens[veld]
                setattr(kern, veld, waarde.strip() if isinstance(waarde, str) else waarde)
        if kern.fase_sinds is not None and kern.fase_sinds > vandaag:
            raise Weigering({"fase_sinds": _("Een fase kan niet in de toekomst beginnen.")})
        if kern.fase != oude_fase and kern.fase_sinds in (None, oude_sinds):
            # A new fase starts today unless the kernambtenaar says when it started.
            kern.fase_sinds = vandaag
        kern.full_clean()
        kern._history_user = door  # type: ignore[attr-defined]  # simple-history reads it
        kern.save(update_fields=list(PROFIEL_VELDEN))
    return kern
