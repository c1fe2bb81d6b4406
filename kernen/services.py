"""Every write of the kernen app that pages make: the communication toolbox per kern."""

from typing import Any

from django.db import transaction

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
