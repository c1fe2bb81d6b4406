from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Gebied, Kanaal, Kern, Organisatie, PostcodeGebied, Signaleringsgroep


@admin.register(Gebied)
class GebiedAdmin(admin.ModelAdmin):
    list_display = ("naam",)
    prepopulated_fields = {"slug": ("naam",)}


@admin.register(Kern)
class KernAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "gebied", "fase", "is_pilot", "actief")
    list_filter = ("gebied", "fase", "is_pilot", "actief")
    prepopulated_fields = {"slug": ("naam",)}
    filter_horizontal = ("kernambtenaren", "kernwethouders")
    search_fields = ("naam",)


@admin.register(Signaleringsgroep)
class SignaleringsgroepAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "contactpersoon", "actief")
    list_filter = ("actief", "kernen")
    filter_horizontal = ("kernen",)


@admin.register(Kanaal)
class KanaalAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "kern", "soort", "actief")
    list_filter = ("soort", "actief", "kern")
    search_fields = ("naam", "bereik", "contact")


@admin.register(Organisatie)
class OrganisatieAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "kern", "convenant_status", "convenant_vernieuwen_op")
    list_filter = ("convenant_status", "kern")
    search_fields = ("naam",)


@admin.register(PostcodeGebied)
class PostcodeGebiedAdmin(SimpleHistoryAdmin):
    """Functioneel beheer keeps the postcode ranges per kern (who may vote in a kern's round).
    The model permissions (kernen.add/change/delete_postcodegebied) decide who may edit."""

    list_display = ("kern", "van", "tot", "gecontroleerd", "toelichting")
    list_filter = ("gecontroleerd", "kern")
    search_fields = ("kern__naam", "van", "tot")
