from django.contrib import admin

from participatie.models import (
    Aanmelding,
    Bijeenkomst,
    BijeenkomstHerinnering,
    Traject,
    TrajectStap,
)


class TrajectStapInline(admin.TabularInline):
    model = TrajectStap
    extra = 0
    readonly_fields = ("stap", "voltooid_op", "bijgewerkt_op", "voltooid_door")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AlleenLezenAdmin(admin.ModelAdmin):
    """Look, not write: every change goes through participatie.services, so the step order,
    the publish rule and the waiting list hold (the admin would write past them)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Traject)
class TrajectAdmin(AlleenLezenAdmin):
    list_display = ("titel", "soort", "status", "eigenaar", "gewijzigd_op")
    list_filter = ("soort", "status", "ladder", "kernen")
    search_fields = ("titel", "onderwerp", "lessen")
    filter_horizontal = ("kernen", "kanalen")
    inlines = [TrajectStapInline]


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(AlleenLezenAdmin):
    list_display = ("titel", "soort", "kern", "begint_op", "capaciteit", "organisator")
    list_filter = ("soort", "kern")
    search_fields = ("titel",)
    date_hierarchy = "begint_op"


@admin.register(Aanmelding)
class AanmeldingAdmin(admin.ModelAdmin):
    """Read-only: changes go through the portal so that the waiting list stays right."""

    list_display = ("naam", "email", "bijeenkomst", "status", "aangemeld_op")
    list_filter = ("status",)
    search_fields = ("naam", "email")
    readonly_fields = [f.name for f in Aanmelding._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(BijeenkomstHerinnering)
class HerinneringAdmin(admin.ModelAdmin):
    list_display = ("aanmelding", "verstuurd_op")
    readonly_fields = ("aanmelding", "verstuurd_op")
