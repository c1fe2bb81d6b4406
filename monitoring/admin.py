from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Actiepunt


@admin.register(Actiepunt)
class ActiepuntAdmin(SimpleHistoryAdmin):
    """Functioneel beheer maintains the plan's action points; every change is kept."""

    list_display = ("omschrijving", "onderdeel", "planning", "uiterlijk_op", "status", "eigenaar")
    list_filter = ("status", "onderdeel")
    search_fields = ("omschrijving", "eigenaar", "notitie", "sleutel")
    ordering = ("volgorde", "pk")
