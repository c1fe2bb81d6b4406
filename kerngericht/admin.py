from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Actiepunt, Mailbericht


@admin.register(Mailbericht)
class MailberichtAdmin(admin.ModelAdmin):
    list_display = ("onderwerp", "aan", "status", "pogingen", "aangemaakt_op", "verzonden_op")
    list_filter = ("status",)
    search_fields = ("aan", "onderwerp")
    readonly_fields = [f.name for f in Mailbericht._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Actiepunt)
class ActiepuntAdmin(SimpleHistoryAdmin):
    """Functioneel beheer maintains the plan's action points; every change is kept."""

    list_display = ("omschrijving", "onderdeel", "planning", "uiterlijk_op", "status", "eigenaar")
    list_filter = ("status", "onderdeel")
    search_fields = ("omschrijving", "eigenaar", "notitie", "sleutel")
    ordering = ("volgorde", "pk")
