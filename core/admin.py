from django.contrib import admin

from .models import Mailbericht


@admin.register(Mailbericht)
class MailberichtAdmin(admin.ModelAdmin):
    list_display = ("onderwerp", "aan", "status", "pogingen", "aangemaakt_op", "verzonden_op")
    list_filter = ("status",)
    search_fields = ("aan", "onderwerp")
    readonly_fields = [f.name for f in Mailbericht._meta.fields]

    def has_add_permission(self, request):
        return False
