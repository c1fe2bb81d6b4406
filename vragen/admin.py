"""Admin for functioneel beheer: read-mostly views of vragen and their reminders.

Writes go through the services, so the admin does not add or change vragen directly."""

from django.contrib import admin

from vragen.models import Antwoord, Herinnering, Routering, Vraag


class RouteringInline(admin.TabularInline):
    model = Routering
    extra = 0
    can_delete = False
    readonly_fields = ("soort", "team", "behandelaar", "notitie", "door", "op")

    def has_add_permission(self, request, obj=None):
        return False


class AntwoordInline(admin.StackedInline):
    model = Antwoord
    extra = 0
    can_delete = False
    readonly_fields = ("soort", "tekst", "toegezegd_op", "door", "gegeven_op")

    def has_add_permission(self, request, obj=None):
        return False


class HerinneringInline(admin.TabularInline):
    model = Herinnering
    extra = 0
    can_delete = False
    fields = ("soort", "volgnummer", "deadline", "aangemaakt_op")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class VraagAdmin(admin.ModelAdmin):
    list_display = ("pk", "onderwerp", "kern", "status", "team", "behandelaar", "deadline")
    list_filter = ("status", "kanaal", "kern", "team")
    search_fields = ("onderwerp", "naam", "email")
    list_select_related = ("kern", "team", "behandelaar")
    inlines = [RouteringInline, AntwoordInline, HerinneringInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Vraag._meta.fields]

    def has_add_permission(self, request):
        return False


class HerinneringAdmin(admin.ModelAdmin):
    list_display = ("vraag", "soort", "volgnummer", "deadline", "aangemaakt_op")
    list_filter = ("soort",)
    raw_id_fields = ("vraag",)
    readonly_fields = ("vraag", "soort", "volgnummer", "deadline", "ronde", "aangemaakt_op")
    filter_horizontal = ()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def registreer(site: admin.AdminSite) -> None:
    site.register(Vraag, VraagAdmin)
    site.register(Herinnering, HerinneringAdmin)
