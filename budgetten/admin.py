from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Aanvraag,
    Budgetpost,
    Declaratie,
    Kostenpost,
    Regeling,
    RegelingJaar,
    Vrijwilligersvergoeding,
)


class RegelingJaarInline(admin.TabularInline):
    model = RegelingJaar
    extra = 0


@admin.register(Regeling)
class RegelingAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "code", "scope")
    inlines = [RegelingJaarInline]


@admin.register(RegelingJaar)
class RegelingJaarAdmin(SimpleHistoryAdmin):
    list_display = ("regeling", "jaar", "plafond", "max_per_aanvraag", "vrijwilligersvergoeding")
    list_filter = ("regeling", "jaar")


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
