from django.contrib import admin

from .models import Bijlage, Initiatief, Nominatie, StatusWijziging, Verhaal


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StatusWijzigingInline(ReadOnlyInline):
    model = StatusWijziging
    fields = ("op", "van_status", "naar_status", "actor", "door", "toelichting")
    readonly_fields = fields


class BijlageInline(ReadOnlyInline):
    model = Bijlage
    fields = ("oorspronkelijke_naam", "soort", "content_type", "grootte", "aangemaakt_op")
    readonly_fields = fields


@admin.register(Initiatief)
class InitiatiefAdmin(admin.ModelAdmin):
    """For a superuser (technical support): look, not handle. Functioneel beheer has no
    rights here: only the staff handling an initiative see the inwoner's details (rule
    initiatieven.bekijk_initiatief). Status changes go through the portal
    (services.initiatief_status_wijzigen), so the history stays complete."""

    list_display = ("titel", "kern", "status", "aangemaakt_op", "email_bevestigd_op")
    list_filter = ("status", "kern")
    search_fields = ("titel", "email", "naam")
    list_select_related = ("kern",)
    inlines = [StatusWijzigingInline, BijlageInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Initiatief._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Verhaal)
class VerhaalAdmin(admin.ModelAdmin):
    list_display = ("titel", "thema", "gepubliceerd_op")
    list_filter = ("thema",)
    readonly_fields = ("initiatief", "gewijzigd_door", "gewijzigd_op")

    def has_add_permission(self, request):
        return False


@admin.register(Nominatie)
class NominatieAdmin(admin.ModelAdmin):
    list_display = ["genomineerde", "kern", "aangemaakt_op", "email_bevestigd_op"]
    list_filter = ["kern"]
    readonly_fields = ["aangemaakt_op", "email_bevestigd_op", "privacy_akkoord_op"]
    exclude = ["link_versie"]
