from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from core.forms import BedragField

from .models import (
    Aanvraag,
    Budgetpost,
    Declaratie,
    Kandidaat,
    Kostenpost,
    Regeling,
    RegelingJaar,
    Stembiljet,
    Stemronde,
    Vrijwilligersvergoeding,
)
from .services import ANONIEM_DOMEIN

# The yearly amounts are typed like every other amount in the portal: one field class, so the
# admin refuses "1e3" and "NaN" just as the public forms do (Django's DecimalField takes them).
BEDRAG_VELDEN = {models.DecimalField: {"form_class": BedragField, "nul_toegestaan": True}}


class RegelingJaarInline(admin.TabularInline):
    model = RegelingJaar
    extra = 0
    formfield_overrides = BEDRAG_VELDEN


@admin.register(Regeling)
class RegelingAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "code", "scope")
    inlines = [RegelingJaarInline]


@admin.register(RegelingJaar)
class RegelingJaarAdmin(SimpleHistoryAdmin):
    list_display = (
        "regeling",
        "jaar",
        "plafond",
        "max_per_aanvraag",
        "vrijwilligersvergoeding",
        "min_steun",
    )
    list_filter = ("regeling", "jaar")
    formfield_overrides = BEDRAG_VELDEN


class AlleenLezen:
    """Money moves only through services (locks, rules); the admin shows, never edits."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Budgetpost)
class BudgetpostAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ("regeling", "jaar", "scope_sleutel", "budget", "vastgelegd", "betaald")
    list_filter = ("regeling", "jaar")


class KostenpostInline(AlleenLezen, admin.TabularInline):
    model = Kostenpost


@admin.register(Aanvraag)
class AanvraagAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ("titel", "regeling", "kern", "jaar", "status", "toegekend_bedrag")
    list_filter = ("regeling", "status", "jaar", "kern")
    search_fields = ("titel", "naam", "email")
    inlines = [KostenpostInline]


@admin.register(Declaratie)
class DeclaratieAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ("omschrijving", "groep", "jaar", "bedrag", "status")
    list_filter = ("status", "jaar", "groep")


@admin.register(Vrijwilligersvergoeding)
class VrijwilligersvergoedingAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ("jaar", "coordinator", "bedrag", "toegekend_door")


class KandidaatInline(AlleenLezen, admin.TabularInline):
    model = Kandidaat
    fields = ("titel", "status", "gevraagd_bedrag", "stemmen", "plaats", "uitkomst")
    readonly_fields = fields


@admin.register(Stemronde)
class StemrondeAdmin(AlleenLezen, SimpleHistoryAdmin):
    """Phases and dates change through the services (medewerker/budgetten/stemrondes/)."""

    list_display = ("kern", "jaar", "fase", "stemmen_van", "stemmen_tot", "verdeeld_op")
    list_filter = ("fase", "jaar", "kern")
    inlines = [KandidaatInline]


def email_gemaskeerd(email: str) -> str:
    """a***@example.nl: enough to recognise, not enough to read the address."""
    lokaal, _at, domein = email.partition("@")
    if domein == ANONIEM_DOMEIN:
        return "(geanonimiseerd)"
    return f"{lokaal[:1]}***@{domein}" if domein else "***"


@admin.register(Stembiljet)
class StembiljetAdmin(AlleenLezen, admin.ModelAdmin):
    """Ballots are read-only and the address is never shown in full."""

    list_display = ("pk", "stemronde", "email_kort", "bevestigd_op", "geanonimiseerd_op")
    list_filter = ("stemronde__jaar", "stemronde__kern")
    list_select_related = ("stemronde__kern",)
    fields = (
        "stemronde",
        "email_kort",
        "ingevoerd_door",
        "bevestigd_op",
        "herinnerd_op",
        "aangemaakt_op",
        "geanonimiseerd_op",
        "geannuleerd_op",
        "geannuleerd_door",
        "annuleer_reden",
    )
    readonly_fields = fields

    @admin.display(description="e-mailadres")
    def email_kort(self, obj: Stembiljet) -> str:
        return email_gemaskeerd(obj.email)
