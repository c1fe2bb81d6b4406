from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Gebied, Kern, Signaleringsgroep


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
