"""Seed data: one auth group per role and the teams of beleidsmedewerkers. Idempotent."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify

from .models import Rol, Team

TEAMS = [
    "Afval",
    "Verkeer en vervoer",
    "Groen en openbare ruimte",
    "Sociaal domein",
    "Veiligheid",
    "Wonen",
]

BEHEER_APPS = [
    "accounts",
    "kernen",
    "budgetten",
    "auth",
    "otp_totp",
    "otp_static",
    "axes",
    "core",
    "monitoring",
]
# Looked at in the admin, never changed there: the portal's services keep their history and
# mails right. Initiatieven stay out: only the staff handling one see the inwoner's details.
BEKIJKEN_APPS = ["participatie", "vragen", "volgen"]


@transaction.atomic
def seed() -> None:
    for rol in Rol:
        Group.objects.get_or_create(name=rol.value)
    # Functioneel beheer manages the reference data and users in the Django admin.
    beheer = Group.objects.get(name=Rol.FUNCTIONEEL_BEHEER.value)
    beheer.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=BEHEER_APPS).exclude(
            content_type__model__startswith="historical"
        ),
        *Permission.objects.filter(
            content_type__app_label__in=BEKIJKEN_APPS, codename__startswith="view_"
        ).exclude(content_type__model__startswith="historical"),
    )
    for naam in TEAMS:
        Team.objects.get_or_create(slug=slugify(naam), defaults={"naam": naam})
