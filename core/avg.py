"""What the portal holds about an e-mail address, and deleting it (AVG art. 15 and 17).

Found without the apps having to say so: every model of the project with the resident
contact fields (`InwonerContact`) or another `email` field (a ballot), and the mails sent to
the address. A staff member's own account is not in it: that is no resident's submission.
Deleting anonymises (core.privacy.contact_anonimiseren); amounts and decisions stay, without
the person (Woo, financial records), as the privacy statement says."""

import datetime
from collections.abc import Iterator

from django.apps import apps
from django.db import models, transaction
from django.utils import timezone

from .links import LinkSoort
from .mail import mail_versturen
from .models import InwonerContact, Mailbericht, Privacyverzoek
from .privacy import VERWIJDERD, contact_anonimiseren

INZAGE_LINK = LinkSoort(naam="privacy-inzage", url_naam="core:mijn_gegevens", geldig_dagen=7)
NIET_TONEN = {"link_versie", "idempotentie_sleutel"}
ANDERE_APPS = {"accounts", "auth", "admin", "axes", "otp_totp", "otp_static", "sessions"}


def _houders() -> Iterator[type[models.Model]]:
    """Models that hold a resident's e-mail address in a field `email`."""
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in ANDERE_APPS or model is Privacyverzoek:
            continue
        if (meta.model_name or "").startswith("historical"):
            continue  # history rows are anonymised with their object
        if any(f.name == "email" for f in meta.concrete_fields):
            yield model


def _van(model, email: str) -> models.QuerySet:
    return model._default_manager.filter(email__iexact=email.strip())


def _waarde(obj, veld):
    if veld.is_relation:
        gerelateerd = getattr(obj, veld.name)
        return None if gerelateerd is None else str(gerelateerd)
    waarde = veld.value_from_object(obj)
    if isinstance(veld, models.FileField):
        return waarde.name if waarde else ""
    if isinstance(waarde, datetime.datetime | datetime.date):
        return waarde.isoformat()
    return waarde


def _rij(obj) -> dict:
    rij = {
        str(veld.verbose_name): _waarde(obj, veld)
        for veld in obj._meta.concrete_fields
        if veld.name not in NIET_TONEN
    }
    for veld in obj._meta.many_to_many:
        rij[str(veld.verbose_name)] = [str(x) for x in getattr(obj, veld.name).all()]
    return rij


def gegevens_van(email: str) -> dict[str, list[dict]]:
    """Everything with this address, by kind (the verbose names residents read)."""
    uit: dict[str, list[dict]] = {}
    for model in _houders():
        rijen = [_rij(obj) for obj in _van(model, email)]
        if rijen:
            uit[str(model._meta.verbose_name_plural)] = rijen
    mails = Mailbericht.objects.filter(aan__iexact=email.strip())
    if mails.exists():
        uit[str(Mailbericht._meta.verbose_name_plural)] = [_rij(m) for m in mails]
    return uit


def _kern_paden(model) -> list[str]:
    velden = {f.name: f for f in model._meta.concrete_fields}
    if "kern" in velden:
        return ["kern"]
    return [
        f"{f.name}__kern"
        for f in velden.values()
        if f.many_to_one and any(g.name == "kern" for g in f.related_model._meta.concrete_fields)
    ]


def kern_ids_van(email: str) -> set[int]:
    ids: set[int] = set()
    for model in _houders():
        for pad in _kern_paden(model):
            ids.update(k for k in _van(model, email).values_list(pad, flat=True) if k)
    return ids


# --- services ---------------------------------------------------------------------------


def inzage_aanvragen(*, email: str) -> Privacyverzoek:
    """Mail a personal link to the address. Sent whether or not we hold anything, so the
    page never tells a stranger whether an address is known."""
    with transaction.atomic():
        verzoek = Privacyverzoek.objects.create(email=email.strip().lower())
        mail_versturen(
            aan=verzoek.email,
            onderwerp="Uw gegevens bij het portaal kerngericht werken - Gemeente Buren",
            template="mail/mijn_gegevens.txt",
            context={"link": INZAGE_LINK.url(verzoek), "dagen": INZAGE_LINK.geldig_dagen},
        )
    return verzoek


@transaction.atomic
def verwijderen_vragen(*, verzoek_id: int, toelichting: str = "") -> Privacyverzoek:
    """The resident asks for deletion; the kernambtenaren of the kernen involved see it."""
    verzoek = Privacyverzoek.objects.select_for_update().get(pk=verzoek_id)
    if verzoek.verwijderen_gevraagd_op is None:
        verzoek.verwijderen_gevraagd_op = timezone.now()
        verzoek.toelichting = toelichting.strip()
        verzoek.save(update_fields=["verwijderen_gevraagd_op", "toelichting"])
        verzoek.kernen.set(kern_ids_van(verzoek.email))
    return verzoek


@transaction.atomic
def verzoek_afhandelen(*, verzoek_id: int, door) -> Privacyverzoek:
    """Anonymise everything with the address, record who and when, and forget the address
    in the request itself too. Twice changes nothing."""
    verzoek = Privacyverzoek.objects.select_for_update().get(pk=verzoek_id)
    if verzoek.afgehandeld_op is not None:
        return verzoek
    email = verzoek.email
    aantal = 0
    for model in _houders():
        if issubclass(model, InwonerContact):
            aantal += contact_anonimiseren(_van(model, email))
        else:
            # A ballot keeps counting; only the address goes (unique per round, so per row).
            for pk in _van(model, email).values_list("pk", flat=True):
                model._default_manager.filter(pk=pk).update(email=f"verwijderd-{pk}@invalid")
                aantal += 1
    aantal += Mailbericht.objects.filter(aan__iexact=email).update(
        aan=f"{VERWIJDERD}@invalid", tekst="", bijlagen=[]
    )
    Privacyverzoek.objects.filter(email__iexact=email).exclude(pk=verzoek.pk).update(email="")
    verzoek.email = ""
    verzoek.afgehandeld_op = timezone.now()
    verzoek.afgehandeld_door = door
    verzoek.aantal_geanonimiseerd = aantal
    verzoek.save(
        update_fields=["email", "afgehandeld_op", "afgehandeld_door", "aantal_geanonimiseerd"]
    )
    return verzoek


def verzoeken_voor(user) -> models.QuerySet[Privacyverzoek]:
    """Deletion requests this kernambtenaar handles: of their kernen, or of no kern."""
    from django.db.models import Count, Q

    return (
        Privacyverzoek.objects.filter(verwijderen_gevraagd_op__isnull=False)
        .annotate(n_kernen=Count("kernen"))
        .filter(Q(n_kernen=0) | Q(kernen__kernambtenaren=user))
        .distinct()
        .select_related("afgehandeld_door")
        .prefetch_related("kernen")
        .order_by("afgehandeld_op", "-verwijderen_gevraagd_op")
    )
